// The Content-Security-Policy of public/_headers holds for the built site: served with the headers of
// the `/*` block (and, for paths with rules of their own such as /embed/*, the headers a _headers host
// would send there), every page loads in Chromium with JS on and is scrolled through with no CSP
// violation, and its custom elements (e.g. <timeline-chart>, <events-table>) get defined. No built page has an inline script (JSON data
// blocks excepted), an inline event handler or a javascript: URL, which the policy would block.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { canLoadLater, launchBrowser, serveDist, settleAfterScrolling, type Site } from './browser';
import {
  buildInfo,
  headersForPath,
  lineOf,
  listPages,
  pageUrlPath,
  parseCsp,
  parseHeadersFile,
  parseTags,
} from '../../scripts/lib/site-check.mjs';

const DIST = process.env.DIST || 'dist';
const base = buildInfo(DIST).base ?? '/';
const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
const all = rules.find((r) => r.path === '/*');
const embed = rules.find((r) => r.path === '/embed/*');
const csp = all?.headers['Content-Security-Policy'] ?? '';
const pages = listPages(DIST);

/** Names that look like custom elements but are SVG/MathML's own. */
const RESERVED = new Set([
  'annotation-xml',
  'color-profile',
  'font-face',
  'font-face-src',
  'font-face-uri',
  'font-face-format',
  'font-face-name',
  'missing-glyph',
]);
const INLINE_OK = new Set(['application/json', 'application/ld+json']);

let site: Site;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** CSP complaints in the console since the last navigation. */
let consoleHits: string[] = [];
beforeAll(async () => {
  site = await serveDist({ root: DIST, base, headers: all?.headers ?? {} });
  browser = await launchBrowser();
  // One context and one tab for the whole file (a new tab costs a renderer process): each test navigates it.
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  // Runs in every document before its own scripts: records violations reported to the page.
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'document'}:${e.lineNumber})`,
      );
    });
  });
  // The server sends the /* headers with everything. A page (or frame) under a path with rules of its own,
  // such as /embed/*, gets the headers a _headers host would send there instead.
  const globalNames = Object.keys(all?.headers ?? {}).map((n) => n.toLowerCase());
  await context.route(
    (url) => url.href.startsWith(site.url),
    async (route) => {
      if (route.request().resourceType() !== 'document') return route.continue();
      const response = await route.fetch();
      const headers = Object.fromEntries(Object.entries(response.headers()).filter(([n]) => !globalNames.includes(n)));
      await route.fulfill({
        response,
        headers: { ...headers, ...headersForPath(rules, sitePath(route.request().url())) },
      });
    },
  );
  page = await context.newPage();
  scrollThroughAndSettle = settleAfterScrolling(page);
  page.on('console', (msg) => {
    if (/Content[ -]Security[ -]Policy/i.test(msg.text())) consoleHits.push(`console: ${msg.text()}`);
  });
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

/** Scrolls through the current page and waits for what it loads on sight (settleAfterScrolling). */
let scrollThroughAndSettle: () => Promise<void>;

/** The path of a URL below the base, as `_headers` rules see it: '/embed/timeline/'. */
function sitePath(url: string): string {
  const path = new URL(url).pathname;
  return path.startsWith(base) ? `/${path.slice(base.length)}` : path;
}

/** Loads a URL in the shared tab; returns the response's status and CSP header. */
async function load(url: string): Promise<{ status: number | undefined; cspHeader: string | undefined }> {
  consoleHits = [];
  const response = await page.goto(url, { waitUntil: 'load' });
  return { status: response?.status(), cspHeader: response?.headers()['content-security-policy'] };
}

/** Violations in the current document and the console since it loaded. */
async function violations(): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    const inFrame = await frame
      .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? ['(the recorder did not run)'])
      .catch(() => [] as string[]);
    found.push(...inFrame.map((v) => (frame === page.mainFrame() ? v : `${v} [frame ${frame.url()}]`)));
  }
  return [...found, ...consoleHits];
}

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

describe('pages under the policy, in Chromium', () => {
  it('the violation detector works: an inline script and style on a probe page are reported and blocked', async () => {
    const probeUrl = `${site.url}__csp-probe.html`;
    await page.route(probeUrl, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp },
        body: '<!DOCTYPE html><title>probe</title><script>document.title = "ran"</script><style>body{color:red}</style>',
      }),
    );
    await load(probeUrl);
    await page.unroute(probeUrl);
    expect(await page.title()).toBe('probe');
    const seen = await violations();
    expect(seen.some((v) => v.startsWith('script-src-elem blocked inline'))).toBe(true);
    expect(seen.some((v) => v.startsWith('style-src-elem blocked inline'))).toBe(true);
    expect(seen.some((v) => v.startsWith('console:'))).toBe(true);
  });

  for (const pagePath of pages) {
    it(`${pagePath}: no CSP violation, custom elements defined`, async () => {
      const html = readFileSync(join(DIST, pagePath), 'utf8');
      const elementNames = [
        ...new Set(
          parseTags(html)
            .map((t) => t.name)
            .filter((n) => n.includes('-') && !RESERVED.has(n)),
        ),
      ];
      const url = new URL(pageUrlPath(pagePath, base), site.url).href;
      const { status, cspHeader } = await load(url);
      expect(status).toBe(200);
      expect(cspHeader, 'the page was not served with its policy').toBe(
        headersForPath(rules, sitePath(url))['Content-Security-Policy'],
      );
      expect(cspHeader).toBeTruthy();
      // Scroll through the page so that anything loaded on sight loads, then let it settle.
      if (canLoadLater(html)) await scrollThroughAndSettle();
      const undefinedElements = await page.evaluate(async (names) => {
        await Promise.race([
          Promise.all(names.map((n) => window.customElements.whenDefined(n))),
          new Promise((r) => setTimeout(r, 3000)),
        ]);
        return names.filter((n) => !window.customElements.get(n));
      }, elementNames);
      expect(await violations(), `CSP violations on ${pagePath}`).toEqual([]);
      expect(undefinedElements, `custom elements never defined on ${pagePath}`).toEqual([]);
    });
  }
});
