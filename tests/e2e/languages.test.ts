// The site in each of its published languages (site.yaml `languages`): every page of the default
// language has its twin in every other language's folder and the reverse, each page names all its
// twins (itself included) and x-default with hreflang, and those names point both ways; <html lang> is
// the folder's language; the language switcher links to the twin; the sitemap lists every language.
// Reads dist/ (build first); starts no browser.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './browser';
import { siteLanguages } from '../../src/data/timeline';
import { listPages, pageUrlPath } from '../../scripts/lib/site-check.mjs';
import { findAll, findFirst, parseMarkup, type MarkupElement } from '../support/markup';

const languages = siteLanguages();
const others = languages.published.filter((l) => l !== languages.default);
const folderOf = (lang: string) => (lang === languages.default ? '' : `${lang}/`);

/** The default language's pages (paths below dist/, without the other languages' folders). */
const rootPages = listPages(DIST).filter((p) => !others.some((l) => p.startsWith(`${l}/`)));
const pagesOf = (lang: string) =>
  lang === languages.default
    ? rootPages
    : listPages(join(DIST, lang)).filter((p) => !others.some((l) => p.startsWith(`${l}/`)));

const read = (file: string) => parseMarkup(readFileSync(join(DIST, file), 'utf8'));
const alternatesOf = (doc: MarkupElement) =>
  findAll(doc, (e) => e.tag === 'link' && e.attrs.rel === 'alternate' && 'hreflang' in e.attrs).map((e) => ({
    lang: e.attrs.hreflang,
    href: e.attrs.href,
  }));
/** The file (below dist/) an absolute URL of this site is served from. */
const fileOf = (href: string) => {
  const path = new URL(href).pathname.replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? `${path}index.html` : path;
};

describe('languages', () => {
  it('the content publishes more than one language', () => {
    expect(languages.published.length).toBeGreaterThan(1);
    expect(languages.published[0]).toBe(languages.default);
  });

  it.each(others)('every page has its twin in "%s" and the reverse', (lang) => {
    expect(pagesOf(lang)).toEqual(rootPages);
  });

  it.each(languages.published)('every "%s" page names its twins with hreflang, both ways, and x-default', (lang) => {
    const problems: string[] = [];
    for (const page of pagesOf(lang)) {
      const file = folderOf(lang) + page;
      const doc = read(file);
      const html = findFirst(doc, (e) => e.tag === 'html')!;
      if (html.attrs.lang !== lang) problems.push(`${file}: <html lang="${html.attrs.lang}">`);
      const links = alternatesOf(doc);
      const named = links.map((l) => l.lang).sort();
      if (named.join() !== [...languages.published, 'x-default'].sort().join()) {
        problems.push(`${file}: hreflang ${named.join(', ') || 'none'}`);
        continue;
      }
      const self = links.find((l) => l.lang === lang)!;
      if (fileOf(self.href) !== file) problems.push(`${file}: its own hreflang points at ${self.href}`);
      const fallback = links.find((l) => l.lang === 'x-default')!;
      if (fileOf(fallback.href) !== page) problems.push(`${file}: x-default points at ${fallback.href}`);
      for (const twin of links.filter((l) => l.lang !== 'x-default' && l.lang !== lang)) {
        const twinFile = fileOf(twin.href);
        if (twinFile !== folderOf(twin.lang) + page || !existsSync(join(DIST, twinFile))) {
          problems.push(`${file}: hreflang ${twin.lang} points at ${twin.href}`);
          continue;
        }
        // The way back: the twin names this page in this language.
        const back = alternatesOf(read(twinFile)).find((l) => l.lang === lang);
        if (!back || fileOf(back.href) !== file) problems.push(`${twinFile} does not point back at ${file}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(languages.published)('the "%s" pages switch to the same page in the other languages', (lang) => {
    const problems: string[] = [];
    for (const page of pagesOf(lang).filter((p) => !p.startsWith('embed/') || p === 'embed/index.html')) {
      const file = folderOf(lang) + page;
      const doc = read(file);
      const switcher = findFirst(doc, (e) => e.tag === 'ul' && e.attrs.class === 'language-switch');
      const links = switcher ? findAll(switcher, (e) => e.tag === 'a') : [];
      const expected = languages.published.filter((l) => l !== lang);
      if (links.map((a) => a.attrs.hreflang).join() !== expected.join()) {
        problems.push(`${file}: switcher to ${links.map((a) => a.attrs.hreflang).join(', ') || 'nothing'}`);
        continue;
      }
      for (const a of links) {
        const target = pageUrlPath(folderOf(a.attrs.hreflang) + page, '/');
        if (a.attrs.href !== target || a.attrs.lang !== a.attrs.hreflang)
          problems.push(`${file}: switcher link ${a.attrs.href} (lang ${a.attrs.lang}), expected ${target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('the sitemap lists every indexable page in every language', () => {
    const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    const locs = new Set([...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname));
    const listed = [...locs].filter((p) => p === '/' || p === '/chronology/' || p.startsWith('/events/'));
    expect(listed.length).toBeGreaterThan(2);
    for (const lang of others) for (const p of listed) expect(locs, `${lang} twin of ${p}`).toContain(`/${lang}${p}`);
    for (const lang of others) expect(existsSync(join(DIST, lang, 'sitemap.xml'))).toBe(false);
  });
});
