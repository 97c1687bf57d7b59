// axe-core finds nothing on any built page (every HTML file of dist, the 404 and embed pages
// included), at 390 and 1280 px, in light and dark, with JavaScript on, in the enhanced state: each
// custom element is scrolled into view first (charts load their interactive part on sight) and the
// page waits until every <timeline-chart> is ready. Violations are listed as
// "page @ width scheme: rule — targets".
// One browser; one context and one tab per width × scheme, each going through the pages on its own (the
// four side by side, none waiting for the others); the test of a page waits for that page's four results.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DIST, launchBrowser, serveDist, type Site } from './browser';
import { buildInfo, listPages, pageUrlPath } from '../../scripts/lib/site-check.mjs';

const base = buildInfo(DIST).base ?? '/';
const pages = listPages(DIST);
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

interface Setup {
  width: number;
  scheme: 'light' | 'dark';
  context: BrowserContext;
  page: Page;
  errors: string[];
}
const combos = [390, 1280].flatMap((width) => (['light', 'dark'] as const).map((scheme) => ({ width, scheme })));

let site: Site;
let browser: Browser;
const setups: Setup[] = [];
/** page → its violation lines from each width × scheme (filled as the tabs go through the pages). */
const results = new Map<string, Promise<string[]>[]>();
let stopped = false;
/** What the audit reports for a probe page with known faults (checked by the first test). */
let probe: string[] = [];
const PROBE = '__axe-probe.html';
beforeAll(async () => {
  site = await serveDist({ root: DIST, base });
  browser = await launchBrowser();
  for (const { width, scheme } of combos) {
    const context = await browser.newContext({ viewport: { width, height: 844 }, colorScheme: scheme });
    // axe is injected into every document before its own scripts run (no extra request per page).
    await context.addInitScript({ content: axeSource });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(String(err)));
    setups.push({ width, scheme, context, page, errors });
  }
  // The audit itself works: a page with an image without alt text and pale text is caught.
  const probeUrl = new URL(pageUrlPath(PROBE, base), site.url).href;
  await setups[0].page.route(probeUrl, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: '<!DOCTYPE html><html lang="en"><title>probe</title><main><h1>Probe</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="10" height="10"><p style="color:#bbb;background:#fff">pale text</p></main></html>',
    }),
  );
  probe = await audit(setups[0], PROBE);
  await setups[0].page.unrouteAll();
  for (const s of setups) {
    // Each tab audits the pages in order, one at a time; a failure is that page's result, not the end.
    let previous: Promise<unknown> = Promise.resolve();
    for (const pagePath of pages) {
      const result = previous.then(() =>
        stopped
          ? []
          : audit(s, pagePath).catch((err: unknown) => [
              `${pagePath} @ ${s.width} ${s.scheme}: could not be checked — ${String(err)}`,
            ]),
      );
      previous = result;
      results.set(pagePath, [...(results.get(pagePath) ?? []), result]);
    }
  }
});
afterAll(async () => {
  stopped = true;
  await Promise.allSettled([...results.values()].flat());
  for (const s of setups) await s.context.close();
  await browser?.close();
  await site?.close();
});

/** Loads a page, brings it to its enhanced state, runs axe; returns "page @ width scheme: rule — targets" lines. */
async function audit(s: Setup, pagePath: string): Promise<string[]> {
  const { page } = s;
  const where = `${pagePath} @ ${s.width} ${s.scheme}`;
  s.errors.length = 0;
  await page.goto(new URL(pageUrlPath(pagePath, base), site.url).href, { waitUntil: 'load' });
  // Every custom element into view in turn (what loads on sight loads), then back to the top.
  await page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    for (const el of document.querySelectorAll('*')) {
      if (!el.localName.includes('-')) continue;
      el.scrollIntoView({ block: 'center' });
      await frame();
    }
  });
  // Scripts have run: every custom element on the page is defined (at most 5 s).
  await page.evaluate(async () => {
    const names = new Set(
      [...document.querySelectorAll('*')].map((el) => el.localName).filter((n) => n.includes('-') && !n.includes(':')),
    );
    const defined = Promise.all([...names].map((n) => customElements.whenDefined(n).catch(() => undefined)));
    await Promise.race([defined, new Promise((r) => setTimeout(r, 5000))]);
  });
  const charts = await page.locator('timeline-chart').count();
  if (charts > 0) {
    try {
      await page.waitForFunction(
        () => [...document.querySelectorAll('timeline-chart')].every((el) => el.hasAttribute('data-ready')),
        undefined,
        { timeout: 10_000 },
      );
    } catch {
      const notReady = await page.$$eval('timeline-chart:not([data-ready])', (els) =>
        els.map((el) => (el as HTMLElement).dataset.chart ?? el.outerHTML.slice(0, 80)),
      );
      return [
        `${where}: timeline-chart not ready after 10 s — ${notReady.join(', ')}${s.errors.length ? ` (errors: ${s.errors.join('; ')})` : ''}`,
      ];
    }
  }
  await page.evaluate(async () => {
    window.scrollTo(0, 0);
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected by the context's init script
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; nodes: { target: unknown[] }[] }[]).map((v) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ')),
    }));
  });
  return violations.map((v) => `${where}: ${v.id} — ${v.targets.join(', ')}`);
}

describe('axe-core on every built page (JS on; 390 and 1280 px; light and dark)', () => {
  it('the audit works: a probe page with an image without alt and pale text is reported', () => {
    expect(
      probe.some((line) => line.startsWith(`${PROBE} @ 390 light: image-alt — img`)),
      probe.join('\n'),
    ).toBe(true);
    expect(
      probe.some((line) => line.startsWith(`${PROBE} @ 390 light: color-contrast — p`)),
      probe.join('\n'),
    ).toBe(true);
  });

  it('has pages to check, the 404 and embed pages among them', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('404.html');
    expect(pages.some((p) => p.startsWith('embed/'))).toBe(true);
  });

  for (const pagePath of pages) {
    it(`${pagePath}: no violations`, async () => {
      const found = (await Promise.all(results.get(pagePath)!)).flat();
      expect(found, `axe-core violations:\n${found.join('\n')}`).toEqual([]);
    });
  }
});
