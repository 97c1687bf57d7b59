// `npm run screenshots [path …]`: screenshots of the built site in Chromium at phone and desktop
// sizes, light and dark, JavaScript on and off, into screenshots/ (for looking, not for tests).
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from './serve.mjs';
import { CHROMIUM_ARGS, ensureChromium } from './lib/chromium.mjs';

const paths = process.argv.slice(2).length ? process.argv.slice(2) : [''];
const out = process.env.SHOTS_DIR || 'screenshots';
const full = process.env.FULL_PAGE === '1';
mkdirSync(out, { recursive: true });
const site = await startServer({ root: 'dist', base: process.env.BASE_PATH || '/', port: 0 });
const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS });
const sizes = [
  ['phone', 390, 844],
  ['desktop', 1280, 800],
];
for (const path of paths) {
  for (const [name, width, height] of sizes) {
    for (const colorScheme of ['light', 'dark']) {
      for (const js of [true, false]) {
        const context = await browser.newContext({ viewport: { width, height }, colorScheme, javaScriptEnabled: js });
        const page = await context.newPage();
        await page.goto(site.url + path.replace(/^\//, ''), { waitUntil: 'networkidle' });
        const file = `${out}/${(path || 'home').replace(/[^a-z0-9]+/gi, '_')}-${name}-${colorScheme}-${js ? 'js' : 'nojs'}.png`;
        await page.screenshot({ path: file, fullPage: full });
        console.log(file);
        await context.close();
      }
    }
  }
}
await browser.close();
await site.close();
