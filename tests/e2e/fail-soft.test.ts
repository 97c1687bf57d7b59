// When a request fails, the timeline fails soft, at a phone's and a desktop's width:
// - the events' details (data/timeline-details.json) missing or not JSON: the panel links to the
//   event's page, with no uncaught error, and the next opening asks again;
// - the interactive part's chunk, or the file of the chart's events, failing (an old page during a
//   deploy, a network error): the build-time chart stays
//   exactly as it is without scripts (no blank band where the toolbar would go, its marks links),
//   with no uncaught error, and the next interaction with the chart loads it.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DIST, frames, markOnScreen, serveWithBrowser } from './browser';
import type { TimelineData } from '../../src/lib/timeline/schema';

const data: TimelineData = JSON.parse(readFileSync(`${DIST}/data/timeline.json`, 'utf8'));
const chart = data.charts.find((c) => c.kind === 'timeline')!;
const SEL = `timeline-chart[data-chart="${chart.id}"]`;
const DETAILS = '**/data/timeline-details.json';
const CHUNK = '**/_astro/timeline-interactive.*.js';
const EVENTS = '**/data/timeline-events.json';
const WIDTHS = [
  [390, 844],
  [1280, 800],
] as const;

const served = serveWithBrowser();

/**
 * A page whose uncaught errors, unhandled rejections and console errors land in `errors`, except
 * the browser's own "Failed to load resource" for a request the test made fail (`failing`).
 */
async function openPage(
  width: number,
  height: number,
  route: (page: Page) => Promise<void>,
  failing: RegExp,
  javaScriptEnabled = true,
): Promise<{ page: Page; errors: string[] }> {
  const context = await served.browser.newContext({ viewport: { width, height }, javaScriptEnabled });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(String(err)));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    if (msg.text().startsWith('Failed to load resource') && failing.test(msg.location().url)) return;
    errors.push(msg.text());
  });
  await route(page);
  await page.goto(served.site.url, { waitUntil: 'load' });
  return { page, errors };
}

/** The chart's visible SVG at this width. */
const svgOf = (width: number) => `${SEL} .tl-variant--${width < 720 ? 'narrow' : 'wide'} svg`;

describe('event details fail soft', () => {
  for (const [width, height] of WIDTHS) {
    it(`at ${width} px: a missing or broken details file gives a link to the event's page; the next opening asks again`, async () => {
      let requests = 0;
      let answer: 'missing' | 'not json' | 'real' = 'missing';
      const { page, errors } = await openPage(
        width,
        height,
        async (p) => {
          await p.route(DETAILS, (route) => {
            requests++;
            if (answer === 'missing') return route.fulfill({ status: 404, body: 'Not found' });
            if (answer === 'not json')
              return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><p>Deploying' });
            return route.continue();
          });
        },
        /\/data\/timeline-details\.json$/,
      );
      await page.locator(SEL).scrollIntoViewIfNeeded();
      await page.waitForSelector(`${SEL}[data-ready]`);
      const mark = await markOnScreen(page, svgOf(width));
      const event = data.events.find((e) => e.id === mark.id)!;
      const panel = page.locator(`${SEL} .tl-details`);
      const heading = panel.locator('h3, h4').first();

      for (const [i, how] of (['missing', 'not json'] as const).entries()) {
        answer = how;
        await page.mouse.click(mark.x, mark.y);
        await panel.waitFor({ state: 'visible', timeout: 5000 });
        await expect
          .poll(() => panel.textContent(), { message: `the fallback (${how})` })
          .toContain('Details could not be loaded');
        expect(requests, 'a failed request is not kept: each opening asks again').toBe(i + 1);
        expect(await heading.textContent()).toBe(event.title);
        const link = panel.getByRole('link', { name: "Open the event's page" });
        expect(new URL((await link.getAttribute('href'))!, served.site.url).pathname).toBe(`/events/${event.id}/`);
        await page.keyboard.press('Escape');
        await panel.waitFor({ state: 'hidden' });
      }

      answer = 'real';
      await page.mouse.click(mark.x, mark.y);
      await panel.waitFor({ state: 'visible', timeout: 5000 });
      await expect
        .poll(() => panel.textContent(), { message: 'the real details' })
        .toContain('Everything about this event');
      expect(await panel.textContent()).not.toContain('could not be loaded');
      expect(await heading.textContent()).toBe(event.title);
      expect(requests).toBe(3);
      expect(errors, 'no uncaught error or unhandled rejection').toEqual([]);
      await page.context().close();
    });
  }
});

// The chunk at both widths; the chart's events (a file the chart loads beside the chunk) on a phone.
const FAILING = [
  ['interactive chunk', CHUNK, /\/_astro\/timeline-interactive\.[\w-]+\.js$/, WIDTHS[0]],
  ['interactive chunk', CHUNK, /\/_astro\/timeline-interactive\.[\w-]+\.js$/, WIDTHS[1]],
  ['events file', EVENTS, /\/data\/timeline-events\.json$/, WIDTHS[0]],
] as const;

describe('a failed interactive chunk or events file fails soft', () => {
  for (const [what, glob, failing, [width, height]] of FAILING) {
    it(`${what}, at ${width} px: the static chart stays as without scripts (no blank band), and the next interaction loads it`, async () => {
      const box = (page: Page) =>
        page.$eval(SEL, (el) => {
          const r = el.getBoundingClientRect();
          return { width: r.width, height: r.height };
        });

      const noJs = await openPage(width, height, async () => {}, /^$/, false);
      const staticBox = await box(noJs.page);
      await noJs.page.context().close();

      let blocked = true;
      let failures = 0;
      const { page, errors } = await openPage(
        width,
        height,
        async (p) => {
          p.on('requestfailed', (r) => void (failing.test(new URL(r.url()).pathname) && failures++));
          await p.route(glob, (route) => (blocked ? route.abort() : route.continue()));
        },
        failing,
      );
      await page.locator(SEL).scrollIntoViewIfNeeded();
      await expect.poll(() => failures, { message: `the ${what} was asked for` }).toBeGreaterThan(0);
      // The failed load is handled within a moment: the chart is then as tall as without scripts.
      await expect
        .poll(async () => Math.abs((await box(page)).height - staticBox.height), {
          message: 'height against the static chart',
        })
        .toBeLessThanOrEqual(1);
      await frames(page);
      expect(errors, 'no uncaught error or unhandled rejection').toEqual([]);
      const now = await box(page);
      expect(Math.abs(now.width - staticBox.width)).toBeLessThanOrEqual(1);
      expect(await page.locator(`${SEL} .tl-toolbar`).isVisible(), 'no toolbar').toBe(false);
      expect(await page.$eval(`${SEL} .tl-legend`, (el) => getComputedStyle(el).visibility)).toBe('visible');
      // The marks are still links to the events' pages.
      const hrefs = await page.$$eval(`${svgOf(width)} .tl-marks [data-id]`, (els) =>
        els.map((el) => (el.localName === 'a' ? el.getAttribute('href') : null)),
      );
      expect(hrefs.length).toBeGreaterThan(0);
      expect(
        hrefs.every((h) => h && /\/events\/[^/]+\/$/.test(h)),
        'every mark a link',
      ).toBe(true);

      // The file is back (the deploy finished): the next interaction with the chart loads it.
      blocked = false;
      const legend = (await page.locator(`${SEL} .tl-legend`).boundingBox())!;
      await page.mouse.click(legend.x + legend.width - 2, legend.y + 2);
      await page.waitForSelector(`${SEL}[data-ready]`, { timeout: 5000 });
      await page.locator(`${SEL} .tl-toolbar`).waitFor({ state: 'visible' });
      expect(errors, 'no uncaught error after the retry').toEqual([]);
      await page.context().close();
    });
  }
});
