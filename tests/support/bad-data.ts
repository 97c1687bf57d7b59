// The held-out list's bench: a small valid content folder (tests/fixtures/bad-data), one mistake
// applied to a copy, and the message that `npm run validate` and the build print for it.
import { expect } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DataError } from '../../src/build/data/load';
import { loadContent } from '../../src/build/story/check-stories';

const BASE = join(import.meta.dirname, '..', 'fixtures', 'bad-data');

/** A change to one file: its new text, a change of its text, or null to delete it. */
export type Edit = string | Buffer | null | ((text: string) => string | Buffer);

/** Replaces `from` (which must be there, so the case cannot pass by doing nothing) with `to`. */
export const swap =
  (from: string, to: string) =>
  (text: string): string => {
    if (!text.includes(from)) throw new Error(`the base content has no ${JSON.stringify(from)}`);
    return text.replace(from, to);
  };

/** The message lines for a content folder with `edits` applied, file paths from the folder; [] when valid. */
export function check(edits: Record<string, Edit>): { heading?: string; lines: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'bad-data-'));
  try {
    cpSync(BASE, dir, { recursive: true });
    for (const [file, edit] of Object.entries(edits)) {
      const path = join(dir, file);
      if (edit === null) rmSync(path);
      else writeFileSync(path, typeof edit === 'function' ? edit(readFileSync(path, 'utf8')) : edit);
    }
    try {
      loadContent(dir);
      return { lines: [] };
    } catch (error) {
      if (!(error instanceof DataError)) throw error;
      expect(error.message).not.toMatch(/^\s+at /m); // no stack trace
      expect(error.message).not.toMatch(/\[object Object\]|undefined|NaN/);
      const [heading, ...lines] = error.message.replaceAll(`${relative(process.cwd(), dir)}/`, '').split('\n');
      return { heading, lines: lines.map((l) => l.replace(/^ {2}• /, '')) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A monthly series with these months (the only place the tests write a series). */
export const series = (months: string[]) =>
  `- id: visits\n  title: Visits\n  description: Visits a month.\n  measures: [{ id: visitors, label: Visitors }]\n  months:\n` +
  months
    .map(
      (m) =>
        `    - month: '${m}'\n      visitors:\n        value: 100\n        release: final\n` +
        `        sources:\n          - publisher: City Council\n            kind: primary\n` +
        `            title: Visits\n            url: https://example.org/visits\n`,
    )
    .join('');

export const EVENTS = 'data/events.yaml';
export const STORY = 'stories/story.mdx';

/** [what the editor did, the change, the exact message lines]. */
export type Case = [string, Record<string, Edit>, string[]];
