// Byte budgets, gzipped, per built page: what a reader downloads. JS loaded with the page (its module
// scripts and their static imports) ≤ 15 KB; all JS it can load (plus lazy import() chunks) ≤ 40 KB;
// its stylesheets ≤ 12 KB; and the home page's HTML, in each language, ≤ 64 KB (as npm run bench has it:
// 60 until the lead timeline got its third, article-column variant, the price of a chart that fits a
// 640 px column without scripts. It had grown to 68 with four more events and the Spanish edition's
// longer words, until the lead timeline's events moved out of the page into data/timeline-events.json).
// 1 KB = 1024 bytes, gzip level 9.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildInfo, gzipSize, listPages, pageBudget } from '../../scripts/lib/site-check.mjs';
import { buildLanguages } from '../../scripts/lib/languages.mjs';

const DIST = process.env.DIST || 'dist';
const KB = 1024;
const BUDGET = { jsInitial: 15 * KB, jsAll: 40 * KB, css: 12 * KB, homeHtml: 64 * KB };
/** The home page of the default language and of each other one (es/index.html). */
const HOMES = new Set(['index.html', ...buildLanguages().others.map((lang) => `${lang}/index.html`)]);
const info = buildInfo(DIST);
const kb = (n: number) => `${(n / KB).toFixed(1)} KB`;

describe('byte budgets (gzipped)', () => {
  const pages = listPages(DIST);

  it('has pages to measure', () => {
    expect(pages).toContain('index.html');
    for (const home of HOMES) expect(pages).toContain(home);
  });

  for (const page of pages) {
    it(`${page}: JS ≤ ${kb(BUDGET.jsInitial)} up front, ≤ ${kb(BUDGET.jsAll)} in all, CSS ≤ ${kb(BUDGET.css)}`, () => {
      const b = pageBudget(DIST, page, { base: info.base, site: info.site });
      const figures =
        `${page}: HTML ${kb(b.html)}, CSS ${kb(b.css)} (${b.files.css.join(', ') || 'none'}), ` +
        `JS up front ${kb(b.jsInitial)} (${b.files.jsInitial.join(', ') || 'none'}), ` +
        `JS in all ${kb(b.jsAll)} (lazy: ${b.files.jsLazy.join(', ') || 'none'})`;
      expect(b.jsInitial, `JS loaded with the page is over budget — ${figures}`).toBeLessThanOrEqual(BUDGET.jsInitial);
      expect(b.jsAll, `all JS incl. lazy chunks is over budget — ${figures}`).toBeLessThanOrEqual(BUDGET.jsAll);
      expect(b.css, `CSS is over budget — ${figures}`).toBeLessThanOrEqual(BUDGET.css);
      if (HOMES.has(page)) {
        expect(b.html, `the home page's HTML is over budget — ${figures}`).toBeLessThanOrEqual(BUDGET.homeHtml);
      }
    });
  }
});

describe('the budget calculation', () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'site-check-budget-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('follows static imports into the initial JS and dynamic imports into all JS, each file once', () => {
    const b = '/sub/';
    write(
      'index.html',
      `<!DOCTYPE html><html><head><link rel="stylesheet" href="${b}_astro/a.css"><link rel="icon" href="${b}favicon.svg">` +
        `<script type="module" src="${b}_astro/entry.js"></script></head><body></body></html>`,
    );
    write('_astro/a.css', 'body{color:red}'.repeat(50));
    write('_astro/unused.css', 'p{}'.repeat(500));
    // minified Vite/Rolldown output: named, bare and re-export imports, a dynamic import behind a preload helper
    write(
      '_astro/entry.js',
      `import{a as x}from"./shared.js";import"./side.js";x(()=>import("./lazy.js"),[]);const u=import.meta.url;`,
    );
    write('_astro/shared.js', `export*from"./shared-dep.js";export const a=f=>f();`);
    write('_astro/shared-dep.js', `export const dep=${JSON.stringify('d'.repeat(300))};`);
    write('_astro/side.js', `import{a}from'./shared.js';document.title=${JSON.stringify('s'.repeat(200))};`);
    write(
      '_astro/lazy.js',
      `import{dep}from"./shared-dep.js";import{big}from"./lazy-dep.js";import("./lazier.js");export default dep+big;`,
    );
    write('_astro/lazy-dep.js', `export const big=${JSON.stringify('x'.repeat(2000))};`);
    write('_astro/lazier.js', `export const z=1;`);
    write('_astro/unrelated.js', `export const never=${JSON.stringify('n'.repeat(5000))};`);

    const g = (f: string) => gzipSize(join(dir, '_astro', f));
    const result = pageBudget(dir, 'index.html', { base: b, site: 'http://localhost:4321' });
    expect(result.files.jsInitial.sort()).toEqual([
      '_astro/entry.js',
      '_astro/shared-dep.js',
      '_astro/shared.js',
      '_astro/side.js',
    ]);
    expect(result.files.jsLazy.sort()).toEqual(['_astro/lazier.js', '_astro/lazy-dep.js', '_astro/lazy.js']);
    expect(result.files.css).toEqual(['_astro/a.css']);
    expect(result.jsInitial).toBe(g('entry.js') + g('shared.js') + g('shared-dep.js') + g('side.js'));
    expect(result.jsAll).toBe(result.jsInitial + g('lazy.js') + g('lazy-dep.js') + g('lazier.js'));
    expect(result.css).toBe(g('a.css'));
    expect(result.html).toBe(gzipSize(join(dir, 'index.html')));
  });

  it('a page without scripts loads no JS', () => {
    write(
      'plain/index.html',
      `<!DOCTYPE html><html><head><script type="application/ld+json">{"a":"import(\\"./x.js\\")"}</script></head><body></body></html>`,
    );
    const result = pageBudget(dir, 'plain/index.html', { base: '/', site: 'http://localhost:4321' });
    expect(result.jsInitial).toBe(0);
    expect(result.jsAll).toBe(0);
    expect(result.css).toBe(0);
  });
});
