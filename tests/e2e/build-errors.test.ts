// The build refuses bad content: it exits non-zero and prints the problem in plain words —
// for data, the file, the event and the field; for a story, the file and line of a bad reference.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSite } from './browser';

/** A copy of the fixture content with one file edited; returns the folder. */
function brokenContent(file: string, edit: (text: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), 'timeline-bad-'));
  cpSync('tests/fixtures/content', dir, { recursive: true });
  const text = readFileSync(join(dir, file), 'utf8');
  const edited = edit(text);
  expect(edited).not.toBe(text);
  writeFileSync(join(dir, file), edited);
  return dir;
}

/** Builds `contentDir` into a temporary folder. */
const build = (contentDir: string) =>
  buildSite({ CONTENT_DIR: contentDir, OUT_DIR: join(contentDir, 'dist'), SKIP_IMAGES: '1' });

describe('astro build with bad content', () => {
  it('stops on bad data and names the file, event and field, without a stack trace', () => {
    const dir = brokenContent('data/events.yaml', (t) =>
      t.replace('id: joint-declaration\n  date: 2019-06-07', 'id: joint-declaration\n  date: 2019-02-30'),
    );
    const { status, output } = build(dir);
    expect(status).toBe(1);
    expect(output).toMatch(
      /events\.yaml:\d+ — event "joint-declaration", field "date": "2019-02-30" is not a real date: February 2019 has 28 days/,
    );
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('stops on a story reference to an unknown event and names the file and line', () => {
    const dir = brokenContent('stories/fixture-story.mdx', (t) =>
      t.replace('<EventRef id="joint-declaration" />', '<EventRef id="joint-declarashun" />'),
    );
    const { status, output } = build(dir);
    expect(status).toBe(1);
    expect(output).toMatch(
      /fixture-story\.mdx:13 — <EventRef> refers to the event "joint-declarashun", which is not in content\/data\/events\.yaml/,
    );
  });

  it('stops when the story places the lead chart (shown under the headline) again', () => {
    const dir = brokenContent('stories/fixture-story.mdx', (t) =>
      t.replace('<Chart id="june" />', '<Chart id="timeline" />'),
    );
    const { status, output } = build(dir);
    expect(status).toBe(1);
    expect(output).toMatch(
      /fixture-story\.mdx: <Chart id="timeline" \/> is the lead chart \(the first in content\/data\/charts\.yaml\)/,
    );
  });

  it('builds the unbroken fixture content', () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-ok-'));
    cpSync('tests/fixtures/content', dir, { recursive: true });
    const { status, output } = build(dir);
    expect(output).toContain('Complete!');
    expect(status).toBe(0);
    expect(readFileSync(join(dir, 'dist', 'index.html'), 'utf8')).toContain('A fixture story');
  });
});
