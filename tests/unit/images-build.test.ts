// buildImages on a tiny built site in a temporary folder: what it writes, and how it fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildImages, ImageBuildError } from '../../src/build/images/build';
import type { TimelineData } from '../../src/lib/timeline/schema';

const data = {
  site: {
    title: 'Site',
    description: 'd',
    language: 'en',
    published: '2026-01-01',
    updated: '2026-01-01',
    publisher: 'Pub',
    credits: [],
    period: { start: '2019-06', end: '2019-07' },
  },
  tracks: [{ id: 'a', label: 'Track A', description: 'a', order: 1, colour: '#0072B2', shape: 'square' }],
  events: [{ id: 'one', date: '2019-06-07', track: 'a', title: 'Event one', importance: 1, figures: [] }],
  series: [],
  charts: [
    // A kind still read back from its built embed page (legacy-drawing.ts) …
    {
      id: 'c',
      kind: 'period',
      title: 'Chart C',
      caption: 'What it shows. More.',
      source: 'The source',
      start: '2019-06',
      end: '2019-07',
    },
    // … and one drawn from the data alone.
    { id: 'k', kind: 'figures', title: 'Key', caption: 'The figures.', source: 'Their sources' },
  ],
} as unknown as TimelineData;

const css = `:root{--bg:#fff;--fg:#1a1a1a;--muted:#595959}:root[data-theme=dark]{--bg:#111;--fg:#ececec}.chart text{fill:currentColor}.chart{color:var(--fg)}.bar{fill:var(--fg)}`;
const embed = (body: string) =>
  `<!doctype html><html><head><link rel="stylesheet" href="/sub/_astro/a.css"></head><body><figure id="chart-c"><figcaption><h2 class="chart-title">Chart C</h2><p class="chart-caption">What it shows. More.</p></figcaption><div class="chart-body">${body}</div></figure></body></html>`;
const drawing = `<div class="chart"><svg viewBox="0 0 400 200" width="400" height="200"><rect class="bar" x="10" y="10" width="50" height="100"/><text x="10" y="150">Label</text></svg></div>`;

let dir: string;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'images-build-'));
  write('_astro/a.css', css);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = () => buildImages({ outDir: dir, base: '/sub/', site: 'https://example.org', data, workers: 2 });

describe('buildImages', () => {
  it('names the chart when its embed page is missing', async () => {
    await expect(run()).rejects.toThrow(
      new ImageBuildError('chart "c"', new Error('the built page embed/c/index.html is missing')),
    );
    await expect(run()).rejects.toThrow(/^Images: chart "c": the built page embed\/c\/index\.html is missing$/);
  });

  it('names the chart when its figure has nothing to draw', async () => {
    write('embed/c/index.html', embed('<p>Nothing here</p>'));
    await expect(run()).rejects.toThrow(/^Images: chart "c": embed\/c\/index\.html has no chart drawing/);
  });

  it('writes the chart in both themes and the social cards (files at the root, whatever the base)', async () => {
    write('embed/c/index.html', embed(drawing));
    const { files } = await run();
    expect(files.map((f) => f.path)).toEqual([
      'images/c-dark.png',
      'images/c-dark.svg',
      'images/c.png',
      'images/c.svg',
      'images/k-dark.png',
      'images/k-dark.svg',
      'images/k.png',
      'images/k.svg',
      'images/social/chart-c.png',
      'images/social/chart-k.png',
      'images/social/event-one.png',
      'images/social/home.png',
    ]);
    const light = readFileSync(join(dir, 'images/c.svg'), 'utf8');
    const dark = readFileSync(join(dir, 'images/c-dark.svg'), 'utf8');
    expect(light).toContain('fill="#1a1a1a"');
    expect(dark).toContain('fill="#ececec"');
    expect(light).toContain('>Source: The source<');
    expect(light).toContain('>What it shows.<');
    expect(light).toContain('example.org/sub');
    // No page was written for k: its image comes from the data (no event has a key figure).
    expect(readFileSync(join(dir, 'images/k.svg'), 'utf8')).toContain('>No figure is marked as key yet.<');
  });
});
