// Labels fit the font the reader actually gets. The layout measures labels with a width table;
// once fonts have loaded, the chart measures its own labels and lays out again when the reader's
// font runs wider. Checked with two font stacks forced on the chart: Liberation Sans (narrow,
// Arial's metrics) and DejaVu Sans Mono (wider than the table assumes).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, serveDist, type Site } from './browser';
import { checkLegibility, legibilityFailures } from './legibility.mjs';

let browser: Browser;
let site: Site;
beforeAll(async () => {
  [browser, site] = await Promise.all([launchBrowser(), serveDist()]);
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/** The home page at `width`, the chart's font forced to `font`, scrolled to the main chart (ready when scripts run). */
async function open(width: number, font: string, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled });
  const page = await context.newPage();
  // Appended to the site's stylesheets as they load (works with scripts off too, and before the chart measures).
  const css = `svg.tl { font-family: '${font}' !important; }`;
  await page.route(/\.css(\?|$)/, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: `${await response.text()}\n${css}` });
  });
  await page.goto(site.url, { waitUntil: 'load' });
  await page.locator('timeline-chart').first().scrollIntoViewIfNeeded();
  if (javaScriptEnabled) {
    await page.waitForSelector('timeline-chart[data-ready]');
    await page.evaluate(() => document.fonts.ready);
  }
  return page;
}

const failures = async (page: Page, frames = 2) => {
  const r = await page.evaluate(checkLegibility, { frames });
  return (['cut', 'overlaps', 'labelOnMark'] as const).flatMap((kind) => legibilityFailures(r, 'full view', kind));
};

describe('labels in the reader’s font', () => {
  for (const width of [390, 1280]) {
    for (const font of ['Liberation Sans', 'DejaVu Sans Mono']) {
      it(`neither cut nor overlapping in ${font} at ${width} px, once the chart has measured its labels`, async () => {
        const page = await open(width, font, true);
        // The font really is in use on the chart's labels.
        expect(
          await page.evaluate(() => getComputedStyle(document.querySelector('svg.tl text')!).fontFamily),
        ).toContain(font);
        expect(await failures(page)).toEqual([]);
        await page.context().close();
      });
    }
  }

  it('needs the re-measuring: without scripts, the wide monospace font makes labels collide at 1280 px', async () => {
    const page = await open(1280, 'DejaVu Sans Mono', false);
    expect((await failures(page, 0)).length).toBeGreaterThan(0);
    await page.context().close();
  });
});
