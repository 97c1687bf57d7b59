// Shared set-up for browser tests: the built site on a local port and Debian's Chromium via playwright-core.
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
export async function serveDist(options: { root?: string; base?: string; headers?: Record<string, string> } = {}): Promise<Site> {
  return startServer({ root: options.root ?? DIST, base: options.base ?? '/', port: 0, headers: options.headers ?? {} });
}

/** Launches headless Chromium (a fresh temporary profile each time; nothing downloaded). */
export async function launchBrowser(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH || findChromium();
  if (!executablePath) throw new Error('No Chromium found: run the tests with "npm test", which finds or installs it.');
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
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
