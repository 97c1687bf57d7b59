// A publisher hosts the site under a sub-path: build the real content with BASE_PATH and SITE_URL,
// serve it under that prefix, and crawl every page — every link, asset, fragment and data file
// resolves, canonical and social URLs use the site URL, and the pages load without a failed request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildSite, launchBrowser, openPage, serveDist, type Site } from './browser';
import { checkLinks, listPages, pageUrlPath } from '../../scripts/lib/site-check.mjs';

const BASE = '/explainers/mexico-2019/';
const SITE_URL = 'https://news.example.org';
const out = join(mkdtempSync(join(tmpdir(), 'timeline-subpath-')), 'dist');

let site: Site;
let browser: Browser;
beforeAll(async () => {
  const result = buildSite({ BASE_PATH: BASE, SITE_URL, OUT_DIR: out });
  expect(result.status, result.output).toBe(0);
  site = await serveDist({ root: out, base: BASE });
  browser = await launchBrowser();
}, 300_000);
afterAll(async () => {
  await browser?.close();
  await site?.close();
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
  });

  it('loads every page under the prefix with no failed request', async () => {
    const failures: string[] = [];
    const pages = listPages(out).filter((p: string) => !p.startsWith('404'));
    expect(pages.length).toBeGreaterThan(20);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
    });
    // A request cut short by the next navigation is aborted, not failed.
    page.on('requestfailed', (r) => {
      if (r.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`failed ${r.url()}: ${r.failure()?.errorText}`);
    });
    for (const p of pages) {
      const url = new URL(pageUrlPath(p, BASE), site.url).href;
      await page.goto(url, { waitUntil: 'load' });
    }
    // The lazy part of a timeline loads from under the prefix too.
    await page.goto(site.url, { waitUntil: 'load' });
    await page.locator('timeline-chart').first().scrollIntoViewIfNeeded();
    await page.waitForSelector('timeline-chart[data-ready]');
    await page.locator('timeline-chart .tl-marks [tabindex="0"]').first().focus();
    await page.keyboard.press('Enter');
    await page.locator('timeline-chart .tl-details').first().waitFor({ state: 'visible' });
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
