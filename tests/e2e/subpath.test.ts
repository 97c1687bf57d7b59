// A publisher hosts the site under a sub-path: build the real content (every language) with BASE_PATH and
// SITE_URL, serve it under that prefix, and check every page in Node — every link, asset, fragment and
// data file resolves, canonical and social URLs use the site URL — and in the browser the walk's pages
// (every page but event pages, and the walk's sample of those, in each language: walk-pages.ts) load
// without a failed request, the lazy part of a timeline included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildSite, DIST, launchBrowser, openPage, serveDist, type Site } from './browser';
import { walkPages } from './walk-pages';
import { siteLanguages } from '../../src/data/timeline';
import type { TimelineData } from '../../src/lib/timeline/schema';
import { checkLinks, pageUrlPath } from '../../scripts/lib/site-check.mjs';

const BASE = '/explainers/mexico-2019/';
const SITE_URL = 'https://news.example.org';
const out = join(mkdtempSync(join(tmpdir(), 'timeline-subpath-')), 'dist');
const languages = siteLanguages();
/** The other languages' folders ('es/'), each built below the prefix with its own base. */
const folders = languages.published.filter((l) => l !== languages.default).map((l) => `${l}/`);

let site: Site;
let browser: Browser;
beforeAll(async () => {
  // Without the image step (the longest part of a build): the images do not depend on the base (only the
  // credit line drawn in them does), so the ones dist/ holds stand in for them, and every page's links
  // to its images (downloads, social cards) are checked below as they are built for the prefix.
  const result = buildSite({ BASE_PATH: BASE, SITE_URL, OUT_DIR: out, SKIP_IMAGES: '1' });
  expect(result.status, result.output).toBe(0);
  expect(result.output, 'a build with SITE_URL says nothing about it').not.toMatch(/SITE_URL is not set/);
  for (const folder of ['', ...folders]) {
    const images = join(DIST, folder, 'images');
    expect(existsSync(images), `${images}: build the site first (npm run build)`).toBe(true);
    cpSync(images, join(out, folder, 'images'), { recursive: true });
  }
  site = await serveDist({ root: out, base: BASE });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dirname(out), { recursive: true, force: true });
});

describe(`the site built for ${BASE}`, () => {
  it('has no broken link, asset, fragment or data file', () => {
    const problems = checkLinks(out, BASE);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('uses the site URL and the sub-path in canonical links and the sitemap', () => {
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain(`<link rel="canonical" href="${SITE_URL}${BASE}"`);
    const sitemap = readFileSync(join(out, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs.length).toBeGreaterThan(10);
    for (const loc of locs) expect(loc.startsWith(`${SITE_URL}${BASE}`), loc).toBe(true);
    // The other languages' pages are listed under the prefix too.
    for (const folder of folders) expect(locs).toContain(`${SITE_URL}${BASE}${folder}`);
  });

  it('loads the walk’s pages under the prefix, in every language, with no failed request', async () => {
    const failures: string[] = [];
    const data: TimelineData = JSON.parse(readFileSync(join(out, 'data/timeline.json'), 'utf8'));
    const pages = walkPages(out, data, folders).pages.filter((p: string) => !p.startsWith('404'));
    expect(pages.length).toBeGreaterThan(20);
    for (const folder of folders) expect(pages.filter((p) => p.startsWith(folder)).length).toBeGreaterThan(5);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    // A request cut short by the next navigation is aborted, not failed.
    context.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`failed ${r.url()}: ${r.failure()?.errorText}`);
    });
    // Two tabs: while one waits for its page, the other's is laid out.
    const queue = [...pages];
    const tab = async () => {
      const page = await context.newPage();
      for (let p = queue.shift(); p !== undefined; p = queue.shift())
        await page.goto(new URL(pageUrlPath(p, BASE), site.url).href, { waitUntil: 'load' });
      return page;
    };
    const [page] = await Promise.all([tab(), tab()]);
    // The lazy part of a timeline loads from under the prefix too, in each language.
    for (const folder of ['', ...folders]) {
      await page.goto(new URL(folder, site.url).href, { waitUntil: 'load' });
      await page.locator('timeline-chart').first().scrollIntoViewIfNeeded();
      await page.waitForSelector('timeline-chart[data-ready]');
      await page.locator('timeline-chart .tl-marks [tabindex="0"]').first().focus();
      await page.keyboard.press('Enter');
      await page.locator('timeline-chart .tl-details').first().waitFor({ state: 'visible' });
    }
    expect(failures).toEqual([]);
    await context.close();
  }, 240_000);
});

// A second check of a real page, reached by its address under the prefix.
describe('openPage under the prefix', () => {
  it('serves the chronology page', async () => {
    const page = await openPage(browser, `${site.url}chronology/`, { javaScriptEnabled: false });
    expect(await page.locator('li.event').count()).toBeGreaterThan(30);
    await page.context().close();
  });
});
