// A translation a build loads several times (Astro's config checks, the image step, the pages) is merged and
// checked once while its files are unchanged (src/build/data/translations.ts, as load.ts keeps the default
// language's): each load is a copy, and a changed file, in the overlay or in the default data, is read again.
import { cpSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTranslatedData } from '../../src/build/data/translations';

const dir = mkdtempSync(join(tmpdir(), 'translation-cache-'));
cpSync('tests/fixtures/translations/data', dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Rewrites a file with `edit` and dates it a minute later, so that its stamp changes even within a millisecond. */
function edit(file: string, change: (text: string) => string) {
  const path = join(dir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  const later = new Date(Date.now() + 60_000);
  utimesSync(path, later, later);
}

describe('loadTranslatedData', () => {
  it('gives each load its own copy: what one caller changes, the next does not see', () => {
    const first = loadTranslatedData('es', dir);
    const title = first.site.title;
    first.site.title = 'changed by a caller';
    first.events.pop();
    const second = loadTranslatedData('es', dir);
    expect(second.site.title).toBe(title);
    expect(second.events.length).toBe(first.events.length + 1);
  });

  it('is not read again while its files keep their stamps (time and size), even when their text changed', () => {
    const path = join(dir, 'es', 'site.yaml');
    const text = readFileSync(path, 'utf8');
    const stamp = new Date('2026-01-01T00:00:00Z');
    utimesSync(path, stamp, stamp);
    const title = loadTranslatedData('es', dir).site.title;
    writeFileSync(path, text.replace(title, 'X'.repeat(Buffer.byteLength(title))));
    utimesSync(path, stamp, stamp);
    try {
      expect(loadTranslatedData('es', dir).site.title).toBe(title);
    } finally {
      writeFileSync(path, text);
    }
  });

  it('reads the translation again once one of its files has changed', () => {
    expect(loadTranslatedData('es', dir).site.title).toBe('Explicador de prueba');
    edit('es/site.yaml', (text) => text.replace(/^title: .*$/m, 'title: Otro título'));
    expect(loadTranslatedData('es', dir).site.title).toBe('Otro título');
  });

  it('reads the default data again once one of its files has changed', () => {
    const before = loadTranslatedData('es', dir);
    edit('tracks.yaml', (text) => `${text}\n`);
    const after = loadTranslatedData('es', dir);
    expect(after).toEqual(before);
    expect(after).not.toBe(before);
    edit('events.yaml', (text) => text.replace(/^(- id: )joint-declaration$/m, '$1joint-declaration-renamed'));
    expect(() => loadTranslatedData('es', dir)).toThrow(/joint-declaration/);
  });
});
