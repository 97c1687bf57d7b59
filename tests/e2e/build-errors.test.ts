// The build refuses bad content: it exits non-zero and prints the problem in plain words —
// for data and its translations, the file, the event and the field; for a story, the file and line of each bad reference,
// as `npm run validate` prints them. (That the unbroken fixture content builds, the embed tests' fixture
// build shows: embed-helpers.ts builds it, and fails on any error.)
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';
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

  it('stops on a published translation that lacks a text, before any page, naming the file, entry and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-bad-'));
    cpSync('content', dir, { recursive: true });
    const file = join(dir, 'data', 'es', 'events.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/^  summary: .*\n/m, ''));
    const { status, output } = build(dir);
    expect(status).toBe(1);
    expect(output).toContain('The Spanish translation has 1 problem; fix it and build again:');
    expect(output).toMatch(
      /es\/events\.yaml:\d+ — event "[^"]+", field "summary": has no Spanish translation \(the English text is at .*data\/events\.yaml:\d+\)/,
    );
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+|Stack trace/);
    expect(output).not.toContain('page(s) built');
  });

  it('stops on unknown ids in the story and ends with the same plain list that validate prints', () => {
    const dir = brokenContent('stories/fixture-story.mdx', (t) =>
      t
        .replace('<EventRef id="joint-declaration" />', '<EventRef id="joint-declarashun" />')
        .replace('<Chart id="june" />', '<Chart id="juen" />'),
    );
    const { status, output } = build(dir);
    expect(status).toBe(1);
    const expected = [
      'The stories and pages have 2 problems; fix them and build again:',
      `  • ${relative(process.cwd(), dir)}/stories/fixture-story.mdx:13 — <EventRef> refers to the event "joint-declarashun", which is not in content/data/events.yaml (did you mean "joint-declaration"?)`,
      `  • ${relative(process.cwd(), dir)}/stories/fixture-story.mdx:18 — <Chart> refers to "juen", which is not in content/data/charts.yaml (did you mean "june"?)`,
    ];
    // The build's last lines are the list, and nothing after it: no stack trace, no "Location".
    expect(output.trimEnd().split('\n').slice(-3)).toEqual([
      expect.stringMatching(/\[timeline-data\] /),
      ...expected.slice(1),
    ]);
    expect(output).toContain(expected[0]);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+|Stack trace/);
    // `npm run validate` prints the same list.
    const validate = spawnSync(process.execPath, ['scripts/validate.mjs', dir], { encoding: 'utf8' });
    expect(validate.status).toBe(1);
    expect(validate.stderr.trimEnd().split('\n')).toEqual(expected);
  });

  it('stops when the story places the lead chart (shown under the headline) again', () => {
    const dir = brokenContent('stories/fixture-story.mdx', (t) =>
      t.replace('<Chart id="june" />', '<Chart id="timeline" />'),
    );
    const { status, output } = build(dir);
    expect(status).toBe(1);
    expect(output).toMatch(
      /fixture-story\.mdx:18 — <Chart> places "timeline", the lead chart \(the first in content\/data\/charts\.yaml\), which the home page shows under the headline; remove it from the story's text\n*$/,
    );
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+|Stack trace/);
  });
});
