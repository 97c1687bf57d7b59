// What a reader reads on every built page has typographic quotation marks and apostrophes (“ ” ‘ ’), in
// the story's prose and in every text that comes from the data files, in a page, a chart or a label;
// straight marks belong only in code the page shows to be copied.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listPages } from '../../scripts/lib/site-check.mjs';
import { parseMarkup, type MarkupElement } from '../support/markup';

const DIST = process.env.DIST || 'dist';

/** Elements whose text is not read as prose: scripts, styles and the code a reader copies. */
const NOT_PROSE = new Set(['script', 'style', 'code', 'pre', 'textarea', 'template']);
/** Attributes whose value a reader sees or hears. */
const READ_ATTRIBUTES = ['alt', 'title', 'aria-label', 'aria-description', 'placeholder'];
const READ_META = /^(description|og:title|og:description|og:image:alt|twitter:title|twitter:description)$/;

/** Every text of a page that a reader sees or hears, with where it is. */
function readTexts(page: MarkupElement): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  const walk = (el: MarkupElement) => {
    if (NOT_PROSE.has(el.tag)) return;
    for (const name of READ_ATTRIBUTES)
      if (el.attrs[name]) out.push({ where: `${el.tag}[${name}]`, text: el.attrs[name] });
    if (el.tag === 'meta' && READ_META.test(el.attrs.name ?? el.attrs.property ?? ''))
      out.push({ where: `meta ${el.attrs.name ?? el.attrs.property}`, text: el.attrs.content ?? '' });
    for (const child of el.children) {
      if (typeof child === 'string') out.push({ where: el.tag, text: child });
      else walk(child);
    }
  };
  walk(page);
  return out;
}

describe('typography', () => {
  it('every page shows quotation marks and apostrophes as “ ” ‘ ’, never straight, outside code (en, es)', () => {
    const pages = listPages(DIST).filter((p: string) => p.endsWith('.html'));
    const straight: string[] = [];
    let texts = 0;
    for (const page of pages) {
      for (const { where, text } of readTexts(parseMarkup(readFileSync(join(DIST, page), 'utf8')))) {
        texts++;
        const at = text.search(/["']/);
        if (at >= 0) straight.push(`${page} ${where}: …${text.slice(Math.max(0, at - 30), at + 30).trim()}…`);
      }
    }
    expect(pages.length).toBeGreaterThan(150);
    expect(texts).toBeGreaterThan(10_000);
    expect(straight.slice(0, 20), `${straight.length} texts with a straight mark`).toEqual([]);
  });
});
