// Reading the site tells no one else: every built page, loaded in Chromium with JavaScript on (and
// scrolled through, so that anything loaded on sight loads), requests nothing from any other origin,
// sets no cookie, and logs no error to the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { canLoadLater, launchBrowser, serveDist, settleAfterScrolling, type Site } from './browser';
import { buildInfo, listPages, pageUrlPath } from '../../scripts/lib/site-check.mjs';

const DIST = process.env.DIST || 'dist';
const base = buildInfo(DIST).base ?? '/';
const pages = listPages(DIST);

let site: Site;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let requests: string[] = [];
let errors: string[] = [];
beforeAll(async () => {
  site = await serveDist({ root: DIST, base });
  browser = await launchBrowser();
  // One context and one tab for the file (a new tab costs a renderer process): each test navigates it,
  // and cookies are checked (and cleared) after every page.
  context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.on('request', (request) => requests.push(request.url()));
  page = await context.newPage();
  scrollThroughAndSettle = settleAfterScrolling(page);
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${String(err)}`));
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await site?.close();
});

/** Scrolls through the current page and waits for what it loads on sight (settleAfterScrolling). */
let scrollThroughAndSettle: () => Promise<void>;

/** Loads a page and goes through it, so that whatever it loads on sight or later is loaded. */
async function visit(url: string, loadsLater: boolean): Promise<void> {
  requests = [];
  errors = [];
  await page.goto(url, { waitUntil: 'load' });
  if (loadsLater) await scrollThroughAndSettle();
  else await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
}

const origin = () => new URL(site.url).origin;
const foreign = (urls: string[]) =>
  urls.filter((u) => !/^(data|blob|about):/.test(u) && new URL(u).origin !== origin());

describe('privacy', () => {
  it('the recorders work: a page that calls another origin and sets a cookie is caught', async () => {
    const probeUrl = `${site.url}__privacy-probe.html`;
    // The other origin is intercepted here, so nothing leaves the machine.
    await page.route('https://tracker.example/**', (route) => route.fulfill({ status: 204 }));
    await page.route(probeUrl, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'Content-Type': 'text/html; charset=utf-8' },
        body: '<!DOCTYPE html><title>probe</title><img src="https://tracker.example/pixel.gif" alt=""><script>document.cookie = "probe=1; path=/"; console.error("probe error")</script>',
      }),
    );
    await visit(probeUrl, false);
    await page.unrouteAll();
    expect(foreign(requests)).toEqual(['https://tracker.example/pixel.gif']);
    expect(await page.evaluate(() => document.cookie)).toBe('probe=1');
    expect((await context.cookies()).map((c) => c.name)).toEqual(['probe']);
    expect(errors).toContain('console: probe error');
    await context.clearCookies();
  });

  for (const pagePath of pages) {
    it(`${pagePath}: no request to another origin, no cookie, no console error`, async () => {
      const html = readFileSync(join(DIST, pagePath), 'utf8');
      const url = new URL(pageUrlPath(pagePath, base), site.url).href;
      await visit(url, canLoadLater(html));
      const cookies = await context.cookies();
      const documentCookie = await page.evaluate(() => document.cookie);
      if (cookies.length) await context.clearCookies();
      expect(foreign(requests), `requests from ${pagePath} to other origins`).toEqual([]);
      expect(
        cookies.map((c) => `${c.name} (${c.domain})`),
        `cookies set by ${pagePath}`,
      ).toEqual([]);
      expect(documentCookie).toBe('');
      expect(errors, `console errors on ${pagePath}`).toEqual([]);
      expect(requests[0], 'the page itself was requested').toBe(url);
    });
  }
});
