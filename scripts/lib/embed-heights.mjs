// Measures the height of every chart's embed page (/embed/<id>/) across frame widths, in Chromium,
// without JavaScript (what a frame shows when its scripts cannot run), and keeps the widths at which
// the height changes course, so that a straight line between two kept widths is within 3% of the
// page (tolerance: null keeps every width). Used by scripts/embed-heights.mjs (writes content/embed-heights.json) and by the tests.
import { chromium } from 'playwright-core';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../serve.mjs';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

/** Frame widths measured: every 10 px from 300 to 1300. */
export const MEASURED_WIDTHS = Array.from({ length: 101 }, (_, i) => 300 + 10 * i);

/** Keeps the fewest widths such that interpolating between kept ones is within `tolerance` (a share). */
export function simplify(/** @type {[number, number][]} */ points, tolerance = 0.01) {
  const keep = [0];
  let from = 0;
  for (let to = 2; to < points.length; to++) {
    const [x0, y0] = points[from];
    const [x1, y1] = points[to];
    const fits = points
      .slice(from + 1, to)
      .every(([x, y]) => Math.abs(y0 + ((y1 - y0) * (x - x0)) / (x1 - x0) - y) <= tolerance * y);
    if (!fits) {
      keep.push(to - 1);
      from = to - 1;
    }
  }
  keep.push(points.length - 1);
  return keep.map((i) => points[i]);
}

/** The document height an embed page reports (src/components/embed/embed-frame.ts: documentHeight). */
const documentHeight = () => {
  const root = document.documentElement;
  const box = root.getBoundingClientRect().height;
  const scrollbar = root.scrollWidth > root.clientWidth ? Math.max(0, window.innerHeight - root.clientHeight) : 0;
  return Math.ceil(box + scrollbar);
};

/**
 * Measures every embed page of a built site (`dist`, built for `base`) at `widths`;
 * returns { <chart id>: [[width, height], …] } with the turning points only.
 * @param {{ dist: string, base?: string, widths?: number[], tolerance?: number | null, ids?: string[] }} options
 */
export async function measureEmbedHeights({ dist, base = '/', widths = MEASURED_WIDTHS, tolerance = 0.03, ids: only }) {
  const ids = readdirSync(join(dist, 'embed'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .filter((id) => !only || only.includes(id))
    .sort();
  const site = await startServer({ root: dist, base, port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || findChromium(),
    args: CHROMIUM_ARGS,
  });
  /** @type {Record<string, [number, number][]>} */
  const out = {};
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: widths[0], height: 800 } });
    const page = await context.newPage();
    for (const id of ids) {
      if (!readFileSync(join(dist, 'embed', id, 'index.html'), 'utf8').includes(`data-chart="${id}"`)) continue;
      await page.setViewportSize({ width: widths[0], height: 800 });
      await page.goto(`${site.url}embed/${id}/`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready);
      /** @type {[number, number][]} */
      const points = [];
      for (const width of widths) {
        await page.setViewportSize({ width, height: 800 });
        points.push([width, await page.evaluate(documentHeight)]);
      }
      out[id] = tolerance === null ? points : simplify(points, tolerance);
    }
  } finally {
    await browser.close();
    await site.close();
  }
  return out;
}
