// buildImages on tiny data into a temporary folder (no built page is read): what it writes, and how it fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
  events: [
    {
      id: 'one',
      date: '2019-06-07',
      track: 'a',
      title: 'Event one',
      label: 'Event one',
      summary: 'What happened.',
      importance: 1,
      figures: [],
      milestones: [],
      actors: [],
      sources: [{ publisher: 'Pub', kind: 'wire', title: 'Story', url: 'https://example.org/story' }],
    },
  ],
  series: [],
  charts: [
    // A companion chart and the key figures, both drawn from the data alone (no page is read) …
    {
      id: 'c',
      kind: 'period',
      title: 'Chart C',
      caption: 'What it shows. More.',
      source: 'The source',
      start: '2019-06-01',
      end: '2019-07-01',
      label: 'The window',
    },
    { id: 'k', kind: 'figures', title: 'Key', caption: 'The figures.', source: 'Their sources' },
  ],
} as unknown as TimelineData;

// … and a step chart whose event has no step with a value: nothing to draw.
const broken = {
  ...data,
  charts: [{ id: 's', kind: 'steps', title: 'Steps', caption: 'c', source: 's', event: 'one' }],
} as unknown as TimelineData;

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'images-build-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (d: TimelineData = data) =>
  buildImages({ outDir: dir, base: '/sub/', site: 'https://example.org', data: d, workers: 2 });

describe('buildImages', () => {
  it('names the chart when it has nothing to draw', async () => {
    const failure = run(broken);
    await expect(failure).rejects.toBeInstanceOf(ImageBuildError);
    await expect(failure).rejects.toThrow(/^Images: chart "s": .*no step with a value to draw$/);
  });

  it('writes the chart in both themes and the social cards (files at the root, whatever the base)', async () => {
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
    expect(light).toMatch(/<rect[^>]*fill="#ffffff"/);
    expect(dark).not.toMatch(/<rect[^>]*fill="#ffffff"/);
    expect(light).toContain('>The window<');
    expect(light).toContain('>Source: The source<');
    expect(light).toContain('>What it shows.<');
    expect(light).toContain('example.org/sub');
    // No event has a key figure: the image says so.
    expect(readFileSync(join(dir, 'images/k.svg'), 'utf8')).toContain('>No figure is marked as key yet.<');
  });
});
