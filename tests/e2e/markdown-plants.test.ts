// Markup planted in a Markdown field, as the safe renderer writes it, in Chromium: with the site's
// Content-Security-Policy and without it (GitHub Pages, a bare bucket and `npm start` send none), one page
// of every plant shows no dialog, makes no request, does not navigate, and holds no element outside the
// subset, no event handler and no link off http(s) or the site.
// Why the renderer's output and not a built page: validation refuses every plant (markdown-validation.test.ts),
// so such data cannot reach a build; the renderer is what stands between data and page if it ever does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/serve.mjs';
import { launchBrowser } from './browser';
import { renderMarkdown } from '../../src/lib/markdown';
import { PLANTS } from '../support/markdown-plants';

const ALLOWED = ['p', 'em', 'strong', 'ul', 'ol', 'li', 'a', 'br', 'code'];

const root = mkdtempSync(join(tmpdir(), 'markdown-plants-'));
writeFileSync(
  join(root, 'index.html'),
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Plants</title></head><body><main>' +
    PLANTS.map((p) => `<section>${renderMarkdown(p.source)}</section>`).join('\n') +
    '</main></body></html>',
);

let browser: Browser;
beforeAll(async () => void (browser = await launchBrowser()));
afterAll(async () => await browser?.close());

describe.each([
  { mode: 'with the CSP header', headersFile: 'public/_headers' },
  { mode: 'without a CSP header', headersFile: undefined },
])('every plant rendered, $mode', ({ headersFile }) => {
  it('runs nothing, loads nothing, goes nowhere and makes only safe elements', async () => {
    const site = await startServer({ root, port: 0, headersFile });
    const page = await browser.newPage();
    try {
      const dialogs: string[] = [];
      const requests: string[] = [];
      const navigations: string[] = [];
      page.on('dialog', (d) => void (dialogs.push(d.message()), d.dismiss()));
      page.on('request', (r) => void (r.url() !== site.url && requests.push(r.url())));
      page.on('framenavigated', (f) => void navigations.push(f.url()));
      // Nothing leaves the machine: any other request is recorded above and then refused here.
      await page.route(
        (url) => !url.href.startsWith(site.url),
        (route) => route.abort(),
      );
      const response = await page.goto(site.url, { waitUntil: 'load' });
      expect(response?.headers()['content-security-policy'] ?? '').toMatch(headersFile ? /script-src 'self'/ : /^$/);
      // Time for a zero-second refresh, a load handler or a late image to act.
      await page.waitForTimeout(300);

      const found = await page.$$eval('main *', (els) =>
        els.map((el) => ({
          tag: el.localName,
          attrs: [...el.attributes].map((a) => `${a.name}=${a.value}`),
        })),
      );
      const tags = [...new Set(found.map((e) => e.tag))];
      expect(tags.filter((t) => t !== 'section' && !ALLOWED.includes(t))).toEqual([]);
      const attrs = found.flatMap((e) => e.attrs);
      expect(attrs.filter((a) => !a.startsWith('href='))).toEqual([]);
      expect(attrs.filter((a) => !/^href=(https?:\/\/[^/\\]|\/[^/\\]|#)/i.test(a))).toEqual([]);
      expect(await page.$$eval('head > *', (els) => els.map((e) => e.localName))).toEqual(['meta', 'title']);
      expect({ dialogs, requests, navigations }).toEqual({ dialogs: [], requests: [], navigations: [site.url] });
      expect(page.url()).toBe(site.url);
    } finally {
      await page.close();
      await site.close();
    }
  });
});
