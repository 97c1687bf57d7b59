// Printing works: the chronology page, printed to an A4 PDF by Chromium, carries the title of every
// event of data/timeline.json (its text read back with pdf.js); and on the home page, in print, every
// timeline chart shows its wide (horizontal) variant, never the phone one — also on a phone — while
// the toolbar, the tooltips and the details panel, all shown on screen first, are not printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { DIST, launchBrowser, openPage, serveDist, type Site } from './browser';
import { buildInfo } from '../../scripts/lib/site-check.mjs';

const base = buildInfo(DIST).base ?? '/';
const data: { events: { id: string; title: string }[] } = JSON.parse(
  readFileSync(join(DIST, 'data/timeline.json'), 'utf8'),
);

let site: Site;
let browser: Browser;
beforeAll(async () => {
  site = await serveDist({ root: DIST, base });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const url = (path: string) => new URL(base.replace(/\/*$/, '/') + path, site.url).href;

/**
 * The text of a PDF, page after page. Chromium writes a word with a ligature as several items ("tari",
 * "ff", "s") and a space as an item of its own, so items are joined with a space only at a line end
 * or where a visible gap separates them on a line, and with nothing otherwise.
 */
async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string; byPage: string[] }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0, isEvalSupported: false }).promise;
  let text = '';
  const byPage: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const start = text.length;
    const content = await (await doc.getPage(n)).getTextContent();
    let prev: { x: number; y: number; end: number; size: number; eol: boolean } | undefined;
    for (const item of content.items) {
      if (!('str' in item)) continue;
      const [size, , , , x, y] = item.transform as number[];
      const gap = prev && (prev.eol || Math.abs(y - prev.y) > 1 || x - prev.end > Math.abs(size) * 0.15);
      text += (prev ? (gap ? ' ' : '') : ' ') + item.str;
      prev = { x, y, end: x + item.width, size, eol: item.hasEOL };
    }
    byPage.push(text.slice(start));
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text, byPage };
}

/** One spelling for text from HTML and from a PDF: quotes, dashes, spaces, ligatures. */
function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\u00ad/g, '') // soft hyphens
    .replace(/[‘’‚‛′`´]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―−]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('printing the chronology page', () => {
  it('the A4 PDF carries the title of every event', async () => {
    const page = await openPage(browser, url('chronology/'));
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    await page.context().close();
    const { pages, text } = await pdfText(pdf);
    expect(pages, 'pages in the PDF').toBeGreaterThan(1);
    const flat = normalise(text);
    // A word broken at a line end: "45-" + "day" (a real hyphen, kept) or "agree-" + "ment" (hyphenation).
    const joined = flat.replace(/(\w)- (?=\w)/g, '$1-');
    const dehyphenated = flat.replace(/(\w)- (?=\w)/g, '$1');
    expect(data.events.length).toBeGreaterThan(0);
    const missing = data.events
      .filter(({ title }) => {
        const t = normalise(title);
        return !joined.includes(t) && !dehyphenated.includes(t);
      })
      .map((e) => `${e.id}: ${e.title}`);
    expect(
      missing,
      `${missing.length} event title(s) missing from the printed chronology:\n${missing.join('\n')}`,
    ).toEqual([]);
  });
});

describe('printing the table page', () => {
  it('repeats the header row, words and all, at the top of every A4 page, and leaves the filters off', async () => {
    const page = await openPage(browser, url('table/'));
    await page.waitForSelector('form.table-controls:not([hidden])');
    // The header's words as the printed page shows them (its columns follow the paper's width).
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 718, height: 1000 });
    const header = normalise(await page.$eval('thead tr', (tr) => (tr as HTMLElement).innerText.replace(/\s+/g, ' ')));
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    await page.context().close();
    const { byPage } = await pdfText(pdf);
    expect(byPage.length, 'pages in the PDF').toBeGreaterThan(1);
    expect(header.split(' ').length, header).toBeGreaterThanOrEqual(2);
    // The first page has the site's title and the page's heading above the table; the others start with it.
    byPage.forEach((text, i) => {
      const t = normalise(text);
      expect(i === 0 ? t.includes(header) : t.startsWith(header), `page ${i + 1}: ${t.slice(0, 80)}`).toBe(true);
    });
    expect(normalise(byPage.join(' '))).not.toMatch(/All tracks|Clear filters|Apply/);
  });
});

describe('printing the home page', () => {
  /** Shows, on screen, the parts that must not print: toolbar (after enhancement), details panel, tooltips. */
  async function enhanceAndOpenEverything(page: Page): Promise<void> {
    await page.evaluate(async () => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      for (const el of document.querySelectorAll('timeline-chart, chart-tooltip')) {
        el.scrollIntoView({ block: 'center' });
        await frame();
      }
    });
    await page.waitForFunction(
      () => [...document.querySelectorAll('timeline-chart')].every((el) => el.hasAttribute('data-ready')),
      undefined,
      { timeout: 15_000 },
    );
    const charts = page.locator('timeline-chart');
    for (let i = 0; i < (await charts.count()); i++) {
      const chart = charts.nth(i);
      // Select the first mark of the variant on screen: the details panel opens (it loads the details).
      await chart.evaluate((root) => {
        const variant = [...root.querySelectorAll<HTMLElement>('.tl-variant')].find(
          (v) => getComputedStyle(v).display !== 'none',
        );
        const mark = variant?.querySelector('.tl-marks [data-id]');
        mark?.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
      });
      await chart.locator('.tl-details:not([hidden])').waitFor({ state: 'visible', timeout: 10_000 });
      // Then hover another mark: the tooltip shows.
      await chart.evaluate((root) => {
        const variant = [...root.querySelectorAll<HTMLElement>('.tl-variant')].find(
          (v) => getComputedStyle(v).display !== 'none',
        );
        const mark = variant?.querySelectorAll('.tl-marks [data-id]')[1];
        mark?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      });
    }
    // The other charts' tooltips: hover one mark in each.
    await page.evaluate(() => {
      for (const el of document.querySelectorAll('chart-tooltip')) {
        const mark = [...el.querySelectorAll('.item[aria-label]')].find((m) => m.getClientRects().length > 0);
        mark?.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
      }
    });
  }

  /** For each timeline chart: which variants display, and whether its toolbar, tooltip and details display. */
  const timelineState = (page: Page) =>
    page.$$eval('timeline-chart', (charts) =>
      charts.map((root) => {
        const shown = (sel: string) => {
          const el = root.querySelector<HTMLElement>(sel);
          return el ? getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0 : null;
        };
        const wide = root.querySelector('.tl-variant--wide svg')?.getBoundingClientRect();
        return {
          chart: (root as HTMLElement).dataset.chart,
          wide: shown('.tl-variant--wide'),
          narrow: shown('.tl-variant--narrow'),
          wideSvgWidth: Math.round(wide?.width ?? 0),
          wideMarks: root.querySelectorAll('.tl-variant--wide .tl-marks [data-id]').length,
          toolbar: shown('.tl-toolbar'),
          tooltip: shown('.tl-tooltip'),
          details: shown('.tl-details'),
        };
      }),
    );
  const chartTips = (page: Page) =>
    page.$$eval('.chart-tip', (tips) =>
      tips.map((t) => getComputedStyle(t).display !== 'none' && t.getClientRects().length > 0),
    );

  for (const width of [390, 1280]) {
    it(`at ${width} px: every timeline prints its wide variant, without toolbar, tooltip or details panel`, async () => {
      const page = await openPage(browser, url(''), { viewport: { width, height: 844 } });
      expect(await page.locator('timeline-chart').count(), 'timeline charts on the home page').toBeGreaterThan(0);
      await enhanceAndOpenEverything(page);

      // On screen first: the parts that must not print are really there (else the check below proves nothing).
      const screen = await timelineState(page);
      for (const c of screen) {
        expect({ chart: c.chart, toolbar: c.toolbar, tooltip: c.tooltip, details: c.details }).toEqual({
          chart: c.chart,
          toolbar: true,
          tooltip: true,
          details: true,
        });
        // On a phone the screen shows the phone variant; on a desktop the wide one.
        expect({ chart: c.chart, wide: c.wide, narrow: c.narrow }).toEqual(
          width < 720 ? { chart: c.chart, wide: false, narrow: true } : { chart: c.chart, wide: true, narrow: false },
        );
      }
      const tipsOnScreen = await chartTips(page);
      expect(tipsOnScreen.length, 'one tooltip per <chart-tooltip>').toBe(await page.locator('chart-tooltip').count());

      await page.emulateMedia({ media: 'print' });
      const print = await timelineState(page);
      expect(
        print.map((c) => ({
          chart: c.chart,
          wide: c.wide,
          narrow: c.narrow,
          toolbar: c.toolbar,
          tooltip: c.tooltip,
          details: c.details,
        })),
      ).toEqual(
        print.map((c) => ({
          chart: c.chart,
          wide: true,
          narrow: false,
          toolbar: false,
          tooltip: false,
          details: false,
        })),
      );
      for (const c of print) {
        expect(c.wideSvgWidth, `${c.chart}: width of the printed wide SVG`).toBeGreaterThan(300);
        expect(c.wideMarks, `${c.chart}: marks in the printed wide SVG`).toBeGreaterThan(0);
      }
      // The other charts' tooltips, each shown on screen (hovered), do not print either.
      expect(tipsOnScreen, 'chart tooltips displayed on screen after hovering a mark').toEqual(
        tipsOnScreen.map(() => true),
      );
      const tipsInPrint = await chartTips(page);
      expect(tipsInPrint, 'chart tooltips displayed in print').toEqual(tipsInPrint.map(() => false));

      // And Chromium prints the page.
      const pdf = await page.pdf({ format: 'A4', printBackground: false });
      expect((await pdfText(pdf)).pages).toBeGreaterThan(1);
      await page.context().close();
    });
  }
});
