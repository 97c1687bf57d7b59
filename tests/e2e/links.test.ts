// Every same-site link of the built site leads somewhere: each href/src/srcset/<link>/<meta content> URL on
// this site resolves to a file in dist (a folder to its index.html), and each #fragment to an id on the
// target page. External links are listed, never fetched. The sitemap and robots.txt agree with dist.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import {
  buildInfo,
  checkLinks,
  collectLinks,
  listPages,
  pageUrlPath,
  parseTags,
  tagUrls,
} from '../../scripts/lib/site-check.mjs';

const DIST = process.env.DIST || 'dist';
const info = buildInfo(DIST);
const base = info.base ?? '/';

describe('links in dist', () => {
  it('every same-site link and #fragment resolves', () => {
    const problems = checkLinks(DIST, base);
    expect(problems, `${problems.length} broken link(s):\n${problems.join('\n')}`).toEqual([]);
  });

  it('lists the external links (the cited sources among them) without fetching them', () => {
    const { external, pages } = collectLinks(DIST, base);
    expect(pages.length).toBeGreaterThan(1);
    const data = JSON.parse(readFileSync(join(DIST, 'data/timeline.json'), 'utf8')) as {
      events: { sources: { url: string }[] }[];
    };
    const listed = new Set(external.map((l) => l.url));
    const missing = data.events.flatMap((e) => e.sources.map((s) => s.url)).filter((u) => !listed.has(u));
    expect(missing, 'cited sources that no page links to').toEqual([]);
  });

  it('the sitemap lists every page search engines may index (not the 404 page, chart embeds or dev pages, which are noindex), each at an address that exists in dist', () => {
    const xml = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&'));
    const site = new URL(info.site ?? 'http://localhost:4321');
    // src/pages/sitemap.xml.ts leaves out not-found and error pages, embeddable views (but not the
    // gallery, /embed/) and dev pages: exactly the pages that tell robots "noindex".
    const unlisted = (p: string) =>
      parseTags(readFileSync(join(DIST, p), 'utf8')).some(
        (t) => t.name === 'meta' && t.attrs.name === 'robots' && /\bnoindex\b/.test(t.attrs.content ?? ''),
      );
    const expected = listPages(DIST)
      .filter((p) => !unlisted(p))
      .map((p) => new URL(pageUrlPath(p, base), site).href)
      .sort();
    expect([...locs].sort()).toEqual(expected);
    expect(new Set(locs).size, 'duplicate <loc> entries').toBe(locs.length);
  });

  it('the 404 page, served at any depth, links only by root-relative or absolute URLs', () => {
    const html = readFileSync(join(DIST, '404.html'), 'utf8');
    const relative = parseTags(html)
      .flatMap((t) => tagUrls(t).map(({ attr, url }) => ({ t, attr, url })))
      .filter(({ url }) => !/^(\/|#|[a-z][a-z0-9+.-]*:)/i.test(url))
      .map(({ t, attr, url }) => `<${t.name} ${attr}="${url}">`);
    expect(relative, 'relative URLs break when the 404 page is shown below the root').toEqual([]);
    expect(html).toMatch(new RegExp(`href="${escapeRe(base.replace(/\/*$/, '/'))}#chronology"`));
  });

  it('robots.txt allows everything and names the sitemap by its absolute URL', () => {
    const robots = readFileSync(join(DIST, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).not.toMatch(/^Disallow: \S/m);
    const site = new URL(info.site ?? 'http://localhost:4321');
    expect(robots).toMatch(
      new RegExp(`^Sitemap: ${escapeRe(new URL(`${base.replace(/\/*$/, '/')}sitemap.xml`, site).href)}$`, 'm'),
    );
  });
});

describe('the link checker', () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const page = (body: string, head = '') =>
    `<!DOCTYPE html><html><head><title>t</title>${head}</head><body><a href="#main">Skip</a><main id="main">${body}</main></body></html>`;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'site-check-links-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('catches a missing page, a missing file and a missing fragment, and passes the rest', () => {
    rmSync(dir, { recursive: true, force: true });
    write(
      'index.html',
      page(
        `<h2 id="chronology">C</h2>
       <a href="/">home</a> <a href="#chronology">ok fragment</a> <a href="/#chronology">ok fragment, root-relative</a>
       <a href="events/a/">ok page</a> <a href="/events/a/#detail">ok fragment on another page</a>
       <a href="/events/a/#nowhere">broken fragment</a> <a href="#missing">broken fragment here</a>
       <a href="/events/b/">broken page</a> <img src="/img/missing.png" alt="">
       <img srcset="/img/ok.png 1x, /img/gone.png 2x" src="/img/ok.png" alt="">
       <a href="http://localhost:4321/events/a/">ok absolute on SITE_URL</a>
       <a href="https://example.org/elsewhere">external</a> <a href="mailto:a@example.org">mail</a>
       <a href="#">placeholder</a>`,
        `<link rel="stylesheet" href="/_astro/site.css"><meta property="og:image" content="http://localhost:4321/social.png">`,
      ),
    );
    write(
      'events/a/index.html',
      page(`<p id="detail">d</p><a href="../../">up</a><a href="../../#data">no such id</a>`),
    );
    write('img/ok.png', 'png');
    write('_astro/site.css', 'body{}');

    const { problems, external } = collectLinks(dir, '/', { site: 'http://localhost:4321' });
    expect(problems.sort()).toEqual(
      [
        'events/a/index.html → ../../#data: no element with id "data" in index.html',
        'index.html → #: empty fragment ("#" alone): a placeholder link that goes nowhere',
        'index.html → #missing: no element with id "missing" in this page',
        'index.html → /events/a/#nowhere: no element with id "nowhere" in events/a/index.html',
        'index.html → /events/b/: no such file in dist (looked for events/b/)',
        'index.html → /img/gone.png: no such file in dist (looked for img/gone.png)',
        'index.html → /img/missing.png: no such file in dist (looked for img/missing.png)',
        'index.html → http://localhost:4321/social.png: no such file in dist (looked for social.png)',
      ].sort(),
    );
    expect(external.map((l) => l.url)).toEqual(['https://example.org/elsewhere']);
  });

  it('respects a base path: links must carry it, and dist holds the files without it', () => {
    rmSync(dir, { recursive: true, force: true });
    const b = '/explainers/mexico-2019/';
    write(
      'index.html',
      page(`<a href="${b}">home</a> <a href="${b}events/a/#detail">ok</a> <a href="/events/a/">forgot the base</a>
      <a href="${b}data/timeline.csv">ok file</a> <a href="https://news.example.org${b}events/a/">ok absolute</a>
      <a href="https://news.example.org${b}events/zz/">broken absolute</a>`),
    );
    write('events/a/index.html', page(`<p id="detail">d</p><a href="${b}#main">ok home skip link</a>`));
    write('data/timeline.csv', 'id\n');
    const problems = checkLinks(dir, b, { site: 'https://news.example.org' });
    expect(problems.sort()).toEqual([
      'index.html → /events/a/: outside the base path /explainers/mexico-2019/ (links must start with it: use withBase())',
      `index.html → https://news.example.org${b}events/zz/: no such file in dist (looked for events/zz/)`,
    ]);
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
