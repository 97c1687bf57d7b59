// Shared set-up for browser tests: the built site on a local port and Debian's Chromium via playwright-core.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/lib/chromium.mjs';
import { startServer } from '../../scripts/serve.mjs';

/** The built site the browser tests read: dist/, or the folder in DIST. */
export const DIST = process.env.DIST || 'dist';

export interface Site {
  url: string;
  close: () => Promise<void>;
}

/** Serves dist/ (built by `npm test` before the browser tests) on a free port. */
export async function serveDist(
  options: { root?: string; base?: string; headers?: Record<string, string> } = {},
): Promise<Site> {
  return startServer({
    root: options.root ?? DIST,
    base: options.base ?? '/',
    port: 0,
    headers: options.headers ?? {},
  });
}

let shared: Promise<Browser> | undefined;

/**
 * Headless Chromium (a fresh temporary profile; nothing downloaded), one per test process: the browser
 * files run one after another in one worker (vitest.config.ts), and each used to pay for a launch. A
 * file gets the shared browser with its close() closing only the contexts left open, so the next file
 * starts from a browser with no page; the process's exit ends the browser.
 */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || findChromium();
  if (!executablePath) throw new Error('No Chromium found: run the tests with "npm test", which finds or installs it.');
  if (!shared || !(await shared).isConnected()) {
    shared = chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  }
  const browser = await shared;
  const close = async () => void (await Promise.all(browser.contexts().map((c) => c.close())));
  return new Proxy(browser, {
    get: (target, key) => {
      if (key === 'close') return close;
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * The built site served and a browser launched for one test file: call at the top level of the file;
 * read `served.site` and `served.browser` inside its tests (they are set before the first test runs,
 * and closed after the last).
 */
export function serveWithBrowser(): { site: Site; browser: Browser } {
  const served = {} as { site: Site; browser: Browser };
  beforeAll(async () => {
    [served.site, served.browser] = await Promise.all([serveDist(), launchBrowser()]);
  });
  afterAll(async () => {
    await served.browser?.close();
    await served.site?.close();
  });
  return served;
}

/** axe-core's violations on a page where axe is already injected, one line each: "rule: target, target, target". */
export async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    // @ts-expect-error axe is injected by the caller
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map(
      (v: { id: string; nodes: { target: string[] }[] }) =>
        `${v.id}: ${v.nodes
          .slice(0, 3)
          .map((n) => n.target.join(' '))
          .join(', ')}`,
    );
  });
}

/** A page at a viewport size, with JavaScript on or off, that fails the test on console errors. */
export async function openPage(
  browser: Browser,
  url: string,
  options: BrowserContextOptions & { errors?: string[] } = {},
): Promise<Page> {
  const { errors, ...contextOptions } = options;
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors?.push(msg.text());
  });
  page.on('pageerror', (err) => errors?.push(String(err)));
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

/**
 * Opens `url` with the page's module scripts held back until the whole document is parsed and
 * painted, then lets them run and sums the layout shift from that moment until `ready` holds and
 * `settle` ms have passed: the shift the scripts cause. (A shift measured from the start also counts a
 * frame the browser may paint mid-parse under load, e.g. a legend item drawn before its text came,
 * which no script causes.) Returns the page, its scripts run.
 */
export async function scriptShift(
  browser: Browser,
  url: string,
  options: BrowserContextOptions,
  ready: (page: Page) => Promise<unknown>,
  settle = 300,
): Promise<{ page: Page; shift: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  // The bundles only: a classic script in the head blocks the parser and must run as it comes.
  await page.route('**/_astro/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.readyState !== 'loading');
  await page.evaluate(async () => {
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const w = window as unknown as { shiftSinceScripts: number };
    w.shiftSinceScripts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number })[]) w.shiftSinceScripts += e.value;
    }).observe({ type: 'layout-shift' });
  });
  release();
  await ready(page);
  await page.waitForTimeout(settle);
  const shift = await page.evaluate(() => (window as unknown as { shiftSinceScripts: number }).shiftSinceScripts);
  return { page, shift };
}
// Variables Vitest puts into process.env: a child build must not inherit them (Vite would take
// its BASE_URL '/' over the build's BASE_PATH).
const VITEST_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'NODE_ENV']);

// One `astro build` at a time in this checkout: builds share the project's .astro/ folder (the content
// modules and the prerender chunks), so a build running beside another read the other's stories. The
// test files run in several processes, so the lock is a folder (mkdir is atomic); one left by a killed
// run is taken over after ten minutes.
const BUILD_LOCK = join('node_modules', '.cache', 'timeline-build-lock');

function withBuildLock<T>(run: () => T): T {
  mkdirSync(join('node_modules', '.cache'), { recursive: true });
  const wait = new Int32Array(new SharedArrayBuffer(4));
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(BUILD_LOCK).mtimeMs > 600_000) rmSync(BUILD_LOCK, { recursive: true, force: true });
      } catch {
        // Released between the two calls: try again.
      }
      Atomics.wait(wait, 0, 0, 250);
    }
  }
  try {
    return run();
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

/**
 * Runs the build (`npm run build`: scripts/build.mjs) with these variables (CONTENT_DIR, OUT_DIR, BASE_PATH …), one build at a time (see
 * BUILD_LOCK); returns its status and output without colour codes.
 */
export function buildSite(vars: Record<string, string>): { status: number | null; output: string } {
  return withBuildLock(() => runBuild(vars));
}

function runBuild(vars: Record<string, string>): { status: number | null; output: string } {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !VITEST_ENV.has(k) && !k.startsWith('VITEST')),
  );
  // scripts/build.mjs: `astro build` once per published language of the content (most fixtures have one).
  const result = spawnSync(process.execPath, ['scripts/build.mjs'], {
    env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...vars },
    encoding: 'utf8',
  });
  // eslint-disable-next-line no-control-regex
  return { status: result.status, output: (result.stdout + result.stderr).replace(/\x1b\[[0-9;]*m/g, '') };
}

/** Two animation frames: what a script changes in one is drawn by the next. */
export const frames = (page: Page) =>
  page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/**
 * Brings the middle of a timeline's SVG (`svg`, a selector) to the middle of the screen and returns a mark
 * whose symbol is on screen and on top there (elementFromPoint finds it); fails the test when none is.
 */
export async function markOnScreen(page: Page, svg: string): Promise<{ id: string; x: number; y: number }> {
  await page.$eval(svg, (el) => {
    const r = el.getBoundingClientRect();
    scrollBy(0, r.top + Math.min(r.height / 2, 1200) - innerHeight / 2);
  });
  await frames(page);
  const found = await page.$$eval(`${svg} .tl-marks [data-id]`, (els) => {
    for (const el of els) {
      const r = el.querySelector('.tl-mark__symbol')!.getBoundingClientRect();
      const x = (r.left + r.right) / 2;
      const y = (r.top + r.bottom) / 2;
      if (y < 80 || y > innerHeight - 80 || x < 20 || x > innerWidth - 20) continue;
      if (document.elementFromPoint(x, y)?.closest('[data-id]') === el)
        return { id: el.getAttribute('data-id')!, x, y };
    }
    return null;
  });
  expect(found, 'a mark on screen').not.toBeNull();
  return found!;
}

/** The mean luminance (0–255) of a region of the page as drawn: a screenshot, decoded by a blank page's canvas. */
export async function luminance(
  page: Page,
  clip: { x: number; y: number; width: number; height: number },
): Promise<number> {
  const png = await page.screenshot({ clip });
  const blank = await page.context().newPage();
  const mean = await blank.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.width, img.height);
    const g = canvas.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, img.width, img.height).data;
    let sum = 0;
    for (let i = 0; i < d.length; i += 4) sum += 0.2126 * d[i] + 0.7152 * d[i + 1] + 0.0722 * d[i + 2];
    return sum / (d.length / 4);
  }, png.toString('base64'));
  await blank.close();
  return mean;
}
