// No English UI string on a page in another language. The English words are the engine's own
// (src/lib/ui/strings*.ts, `en`, functions called with sample arguments), cut into phrases at numbers,
// placeholders and punctuation. Excepted by rule, not by list: a phrase the other language's strings
// also use (CSV, JSON …), a phrase of that language's data (names of people and publishers, the
// translated text itself), any text inside an element marked with another `lang` (quotes,
// headlines and names in their own language), and code (<code>, <pre>, <kbd>, <samp>). Also checks the CSV downloads' header rows.
// Reads dist/ (build first); starts no browser.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './browser';
import { getTimelineData, siteLanguages } from '../../src/data/timeline';
import { en, uiStrings } from '../../src/lib/ui/strings';
import { listPages } from '../../scripts/lib/site-check.mjs';
import { parseMarkup, type MarkupElement } from '../support/markup';

const MARK = '\u0001';
/** Arguments the string functions are called with: numbers, placeholders, the shapes some take. */
const SAMPLES: unknown[][] = [
  [7, 7, 7, 7],
  [MARK, MARK, MARK, MARK],
  [{ people: true, posts: true }, MARK],
  [1, 1, 1, 1],
];

/** Every text a strings object can produce. */
function texts(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (typeof value === 'function') {
    for (const args of SAMPLES) {
      try {
        texts((value as (...a: unknown[]) => unknown)(...args), out);
      } catch {
        // Not this shape of arguments.
      }
    }
  } else if (Array.isArray(value)) for (const v of value) texts(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) texts(v, out);
  return out;
}

const normal = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();

/** The phrases of some texts: link syntax opened, cut at numbers, placeholders and punctuation. */
function phrases(all: string[]): Set<string> {
  const out = new Set<string>();
  for (const t of all) {
    const plain = t.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/<[^>]+>/g, ' ');
    for (const piece of plain.split(/[\u0001\d]+|[()[\]{}:;,.!?…·—–"“”‘’'/|+=%#*&<>«»¿¡]+/)) {
      const p = normal(piece);
      const words = p.split(' ').filter((w) => /\p{L}/u.test(w));
      // Single words of four letters or fewer (a, of, via, PNG) say nothing about a page's language.
      if (words.length >= 2 || (words.length === 1 && words[0].length >= 5)) out.add(p);
    }
  }
  return out;
}

/** The data's texts (every string in it), normalised: a phrase found there is the data's, not the UI's. */
function dataText(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(normal(value));
  else if (Array.isArray(value)) for (const v of value) dataText(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) dataText(v, out);
  return out;
}

const wordPatterns = new Map<string, RegExp>();
/** Whether `phrase` is in `text` as whole words (a cheap substring test first; each pattern compiled once). */
function wordIn(phrase: string, text: string): boolean {
  if (!text.includes(phrase)) return false;
  let pattern = wordPatterns.get(phrase);
  if (!pattern) {
    pattern = new RegExp(`(^|[^\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
    wordPatterns.set(phrase, pattern);
  }
  return pattern.test(text);
}

/** The page's text a reader sees or hears, outside elements in another language: [where, text]. */
function readerText(root: MarkupElement, lang: string): [string, string][] {
  const out: [string, string][] = [];
  const walk = (e: MarkupElement, path: string) => {
    // Scripts and styles are not read; code (an embed snippet, a file name) is not in any language.
    if (['script', 'style', 'template', 'code', 'pre', 'kbd', 'samp'].includes(e.tag)) return;
    if (e.attrs.lang && e.attrs.lang !== lang && e.tag !== 'html') return;
    const here = `${path} > ${e.tag}${e.attrs.class ? `.${e.attrs.class.split(' ')[0]}` : ''}`;
    for (const a of ['aria-label', 'title', 'alt', 'placeholder', 'aria-description', 'aria-roledescription'])
      if (e.attrs[a]) out.push([`${here}[${a}]`, e.attrs[a]]);
    if (e.tag === 'meta' && /description|title/.test(`${e.attrs.name ?? ''}${e.attrs.property ?? ''}`))
      out.push([`${here}[${e.attrs.name ?? e.attrs.property}]`, e.attrs.content ?? '']);
    const own = e.children.filter((c): c is string => typeof c === 'string').join(' ');
    if (own.trim()) out.push([here, own]);
    for (const c of e.children) if (typeof c !== 'string') walk(c, here);
  };
  walk(root, '');
  return out;
}

const languages = siteLanguages();
const others = languages.published.filter((l) => l !== languages.default);

describe.each(others)('pages in "%s"', (lang) => {
  const strings = uiStrings(lang);
  const theirs = texts(strings).map(normal);
  const data = dataText(getTimelineData(lang));
  const english = [...phrases(texts(en))].filter(
    (p) => !theirs.some((t) => wordIn(p, t)) && !data.some((t) => wordIn(p, t)),
  );

  it('has its own UI strings', () => {
    expect(strings).not.toBe(en);
    expect(english.length).toBeGreaterThan(100);
  });

  it('shows no English UI string on any page', () => {
    const found: string[] = [];
    for (const page of listPages(join(DIST, lang))) {
      const doc = parseMarkup(readFileSync(join(DIST, lang, page), 'utf8'));
      for (const [where, text] of readerText(doc, lang)) {
        const t = normal(text);
        for (const p of english) if (wordIn(p, t)) found.push(`${lang}/${page} ${where}: "${p}" in "${text.trim()}"`);
      }
    }
    expect(found.slice(0, 40)).toEqual([]);
  });

  it('writes its CSV headers in its own words', () => {
    const csvs = readdirSync(join(DIST, lang, 'data'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.csv'))
      .map((f) => `data/${f}`);
    expect(csvs).toContain('data/timeline.csv');
    const found: string[] = [];
    for (const file of csvs) {
      const header = readFileSync(join(DIST, lang, file), 'utf8')
        .split(/\r?\n/)[0]
        .replace(/^\uFEFF/, '');
      for (const cell of header.split(','))
        for (const p of english) if (wordIn(p, normal(cell.replace(/_/g, ' ')))) found.push(`${file}: ${cell}`);
    }
    expect(found).toEqual([]);
  });
});
