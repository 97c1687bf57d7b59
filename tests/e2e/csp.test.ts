// The Content-Security-Policy of public/_headers is strict, and the built HTML needs nothing it forbids: no
// built page has an inline script (JSON data blocks excepted), an inline event handler or a javascript: URL.
// That the pages load under the policy with no violation, in Chromium, is checked by the walk
// (walk.test.ts: the site served with public/_headers per path). A language folder (/es/) gets the same
// policies from the rules scripts/build.mjs writes for it (withLanguageHeaders).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './browser';
import {
  headersForPath,
  lineOf,
  listPages,
  parseCsp,
  parseHeadersFile,
  parseTags,
  withLanguageHeaders,
} from '../../scripts/lib/site-check.mjs';

const headersText = readFileSync('public/_headers', 'utf8');
const rules = parseHeadersFile(headersText);
const all = rules.find((r) => r.path === '/*');
const embed = rules.find((r) => r.path === '/embed/*');
const csp = all?.headers['Content-Security-Policy'] ?? '';
const pages = listPages(DIST);

const INLINE_OK = new Set(['application/json', 'application/ld+json']);

describe('the policy in public/_headers', () => {
  it('is strict for every page: scripts only from the site, nothing inline, no plug-ins, no framing', () => {
    expect(all, 'public/_headers has no /* block').toBeDefined();
    const d = parseCsp(csp);
    expect(d.get('default-src')).toEqual(["'self'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')?.filter((s) => s !== "'unsafe-inline'")).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'self'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-eval|upgrade-insecure-requests/);
    expect(all!.headers['X-Frame-Options']).toBe('DENY');
    expect(all!.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(all!.headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('lets any site frame /embed/* with otherwise the same policy', () => {
    expect(embed, 'public/_headers has no /embed/* block').toBeDefined();
    expect(embed!.detach).toEqual(expect.arrayContaining(['Content-Security-Policy', 'X-Frame-Options']));
    expect(embed!.headers['X-Frame-Options']).toBeUndefined();
    const e = parseCsp(embed!.headers['Content-Security-Policy'] ?? '');
    expect(e.get('frame-ancestors')).toEqual(['*']);
    const withoutFraming = (m: Map<string, string[]>) => [...m].filter(([k]) => k !== 'frame-ancestors');
    expect(withoutFraming(e)).toEqual(withoutFraming(parseCsp(csp)));
    // as a host applies the rules: one policy (not two joined), no X-Frame-Options, the rest inherited
    const served = headersForPath(rules, '/embed/timeline/');
    expect(served['Content-Security-Policy']).toBe(embed!.headers['Content-Security-Policy']);
    expect(served['X-Frame-Options']).toBeUndefined();
    expect(served['X-Content-Type-Options']).toBe('nosniff');
    expect(headersForPath(rules, '/events/x/')['X-Frame-Options']).toBe('DENY');
  });

  it('gives a language folder the same: any site may frame its embeds, none its pages', () => {
    const withSpanish = parseHeadersFile(withLanguageHeaders(headersText, ['es']));
    const embedded = headersForPath(withSpanish, '/es/embed/timeline/');
    expect(embedded['Content-Security-Policy']).toBe(embed!.headers['Content-Security-Policy']);
    expect(embedded['X-Frame-Options']).toBeUndefined();
    expect(embedded['X-Content-Type-Options']).toBe('nosniff');
    for (const path of ['/es/', '/es/index.html', '/es/events/x/', '/es/404.html']) {
      expect(headersForPath(withSpanish, path)['Content-Security-Policy'], path).toBe(csp);
      expect(headersForPath(withSpanish, path)['X-Frame-Options'], path).toBe('DENY');
    }
  });

  it('caches fingerprinted files for a year, pages briefly, and opens the data to other origins', () => {
    const header = (path: string, name: string) => rules.find((r) => r.path === path)?.headers[name];
    expect(header('/_astro/*', 'Cache-Control')).toBe('public, max-age=31536000, immutable');
    expect(header('/*.html', 'Cache-Control')).toBe('public, max-age=300, must-revalidate');
    expect(header('/', 'Cache-Control')).toBe('public, max-age=300, must-revalidate');
    expect(header('/data/*', 'Cache-Control')).toMatch(/max-age=3600\b/);
    expect(header('/data/*', 'Access-Control-Allow-Origin')).toBe('*');
  });
});

describe('built HTML', () => {
  it('has no inline script (except JSON data), no inline event handler and no javascript: URL', () => {
    const offenders: string[] = [];
    for (const page of pages) {
      const html = readFileSync(join(DIST, page), 'utf8');
      for (const tag of parseTags(html)) {
        const at = () => `${page}:${lineOf(html, tag.offset)}`;
        if (tag.name === 'script' && !('src' in tag.attrs)) {
          const type = (tag.attrs.type ?? '').trim().toLowerCase();
          if (!INLINE_OK.has(type))
            offenders.push(
              `${at()} inline <script${type ? ` type="${type}"` : ''}>: ${(tag.text ?? '').trim().slice(0, 60)}`,
            );
        }
        for (const [name, value] of Object.entries(tag.attrs)) {
          if (/^on[a-z]+$/.test(name) || /^\s*javascript:/i.test(value))
            offenders.push(`${at()} <${tag.name} ${name}="${value.slice(0, 40)}">`);
        }
      }
    }
    expect(offenders, offenders.join('\n')).toEqual([]);
  });
});
