// The ways in: a folder written by `npm run new`, and TimelineJS's sample spreadsheet imported by
// `npm run import`, each build into a site (images skipped, to keep it quick; two builds on a busy machine
// can pass the default minute).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from './browser';

const SAMPLE = 'tests/fixtures/timelinejs/women-in-computing.csv';
const node = (script: string, ...args: string[]) => {
  const run = spawnSync(process.execPath, [script, ...args], { encoding: 'utf8' });
  return { status: run.status, output: run.stdout + run.stderr };
};
const build = (dir: string) => buildSite({ CONTENT_DIR: dir, OUT_DIR: join(dir, '..', 'dist'), SKIP_IMAGES: '1' });
const page = (dir: string, path: string) => readFileSync(join(dir, '..', 'dist', path), 'utf8');

describe('ways in', () => {
  it('builds the folder that npm run new writes', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'timeline-way-in-')), 'content');
    expect(node('scripts/new.mjs', dir).status).toBe(0);
    const { status, output } = build(dir);
    expect(output).toContain('Complete!');
    expect(status).toBe(0);
    expect(page(dir, 'index.html')).toContain('A new explainer');
    expect(page(dir, 'events/first-event/index.html')).toContain('First event');
  }, 300_000);

  it("imports TimelineJS's sample spreadsheet into a new explainer that builds once its one unsourced event has a source", () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'timeline-way-in-')), 'content');
    const first = node('scripts/import.mjs', SAMPLE, '--out', dir);
    expect(first.status).toBe(0);
    expect(first.output).toContain('Wrote 10 events and 1 track to');
    expect(first.output).toContain(
      `row 2: the title slide ("Women in Computing") gives the site's title and description`,
    );
    expect(first.output).toContain('row 4: "Edith Clarke: Bucking the Trend": needs a source');
    expect(first.output).toContain('every source was written with kind "other"');
    expect(first.output).toMatch(
      /events\.yaml:\d+ — event "edith-clarke-bucking-the-trend", field "sources": needs at least one source/,
    );

    const again = node('scripts/import.mjs', SAMPLE, '--out', dir);
    expect(again.status).toBe(1);
    expect(again.output).toContain('already holds events.yaml and tracks.yaml. Pass --force to replace them');

    const forced = node('scripts/import.mjs', SAMPLE, '--out', dir, '--force', '--source-kind', 'newspaper');
    expect(forced.status).toBe(0);
    expect(forced.output).toContain(
      '(The title slide, "Women in Computing", was not used: site.yaml was kept as it is.)',
    );
    // The editor's part: a source for the one event that had none.
    const events = join(dir, 'data', 'events.yaml');
    const text = readFileSync(events, 'utf8');
    expect(text.match(/sources: \[\]/g)).toHaveLength(1);
    writeFileSync(
      events,
      text.replace(
        'sources: []',
        "sources:\n    - { publisher: Example Publisher, kind: newspaper, title: A source, url: 'https://example.org/a' }",
      ),
    );

    const { status, output } = build(dir);
    expect(output).toContain('Complete!');
    expect(status).toBe(0);
    expect(page(dir, 'index.html')).toContain('Women in Computing');
    const ada = page(dir, 'events/ada-lovelace/index.html');
    expect(ada).toContain('href="https://en.wikipedia.org/wiki/Analytical_Engine"');
    expect(ada).not.toContain('tl-note');
    expect(existsSync(join(dir, '..', 'dist', 'events', 'the-mother-of-the-internet', 'index.html'))).toBe(true);
  }, 300_000);
});
