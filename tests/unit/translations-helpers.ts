// The translation tests' bench: a copy of tests/fixtures/translations (English data with a complete
// Spanish overlay in data/es/), changed file by file, and its Spanish translation as problem lines.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { formatProblem, loadSource } from '../../src/build/data/load';
import { translate, type Translation } from '../../src/build/data/translations';
import type { Edit } from '../support/bad-data';

export { swap, type Edit } from '../support/bad-data';

export const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'translations');

/** Runs `fn` on a copy of the fixture with `edits` applied (paths from the content folder), then removes it. */
export function withFixture<T>(edits: Record<string, Edit>, fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'translations-'));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    for (const [file, edit] of Object.entries(edits)) {
      const path = join(dir, file);
      if (edit === null) rmSync(path);
      else writeFileSync(path, typeof edit === 'function' ? edit(readFileSync(path, 'utf8')) : edit);
    }
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Message text with the copy's folder taken out, so it reads as "data/es/events.yaml:3 — …". */
export const clean = (dir: string, text: string) => text.replaceAll(`${relative(process.cwd(), dir)}/`, '');

/** The Spanish translation of the fixture with `edits`: the data, and its problems and missing texts as lines. */
export function spanish(edits: Record<string, Edit> = {}): Translation & { lines: string[]; gaps: string[] } {
  return withFixture(edits, (dir) => {
    const result = translate(loadSource(join(dir, 'data')), 'es');
    const lines = (list: typeof result.problems) => list.map((p) => clean(dir, formatProblem(p)));
    return { ...result, lines: lines(result.problems), gaps: lines(result.missing) };
  });
}
