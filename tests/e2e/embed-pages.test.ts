// The embed pages themselves (/embed/<id>/ and the gallery /embed/): ?theme= against the system
// setting, what they ask of the network, and axe-core in light and dark. The fixture build and its
// server are shared with the other embed tests (embed-helpers.ts: built once). One tab per colour
// scheme, with bypassCSP (the embed pages' CSP would refuse axe-core), navigated from page to page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchBrowser } from './browser';
import {
  background,
  closeAll,
  DARK_BG,
  LIGHT_BG,
  recordErrors,
  startEmbedSite,
  type EmbedSite,
  type Server,
} from './embed-helpers';
import { startServer } from '../../scripts/serve.mjs';
import { THEME, tokenProperty, type ThemeTokens } from '../../src/lib/theme';

const fixtureChartIds = (
  parse(readFileSync('tests/fixtures/content/data/charts.yaml', 'utf8')) as { id: string }[]
).map((c) => c.id);

let env: EmbedSite;
/** Serves axe-core from a URL, so that the browser compiles it once. */
let axeServer: Server;
let browser: Browser;
let tmp: string;

beforeAll(async () => {
  env = await startEmbedSite();
  tmp = mkdtempSync(join(tmpdir(), 'timeline-embed-pages-'));
  copyFileSync('node_modules/axe-core/axe.min.js', join(tmp, 'axe.min.js'));
  axeServer = await startServer({ root: tmp, port: 0, headers: { 'Cache-Control': 'max-age=3600' } });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await closeAll(browser, axeServer, env?.site);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('embed pages', () => {
  const VARIABLES = Object.keys(THEME.light).map((k) => tokenProperty(k as keyof ThemeTokens));
  /** Each token as the colour it resolves to (its text is light-dark(…, …) in either scheme). */
  const variables = (p: Page) =>
    p.evaluate((names) => {
      const probe = document.body.appendChild(document.createElement('i'));
      const colours = names.map((n) => {
        probe.style.color = `var(${n})`;
        return [n, getComputedStyle(probe).color];
      });
      probe.remove();
      return Object.fromEntries(colours);
    }, VARIABLES);

  /** A tab per colour scheme for the tests below (bypassCSP: the embed pages' CSP would refuse axe-core). */
  const tabs: Partial<Record<'light' | 'dark', { page: Page; errors: string[] }>> = {};
  async function schemeTab(scheme: 'light' | 'dark', url: string): Promise<{ page: Page; errors: string[] }> {
    if (!tabs[scheme]) {
      const ctx = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        colorScheme: scheme,
        bypassCSP: true,
      });
      const page = await ctx.newPage();
      const list: string[] = [];
      recordErrors(page, list);
      tabs[scheme] = { page, errors: list };
    }
    const t = tabs[scheme]!;
    t.errors.length = 0;
    await t.page.goto(url, { waitUntil: 'load' });
    return t;
  }
  afterAll(async () => {
    for (const t of Object.values(tabs)) await t?.page.context().close();
  });

  it('?theme=dark and ?theme=light give the same colours as the system setting would', async () => {
    const id = env.charts[0].id;
    const pairs = [
      { forced: 'dark', system: 'light', like: 'dark', bg: DARK_BG },
      { forced: 'light', system: 'dark', like: 'light', bg: LIGHT_BG },
    ] as const;
    for (const { forced, system, like, bg } of pairs) {
      const a = await schemeTab(system, env.embedUrl(id, `?theme=${forced}`));
      const forcedValues = await variables(a.page);
      expect(await a.page.evaluate(() => document.documentElement.dataset.theme)).toBe(forced);
      expect(await background(a.page)).toBe(bg);
      const b = await schemeTab(like, env.embedUrl(id));
      expect(await background(b.page)).toBe(bg);
      expect(forcedValues).toEqual(await variables(b.page));
      expect([...a.errors, ...b.errors]).toEqual([]);
    }
  });

  it('ask nothing of any other host, set no cookies and log nothing', async () => {
    const t = await schemeTab('dark', 'about:blank');
    const requests: string[] = [];
    t.page.on('request', (req) => requests.push(req.url()));
    for (const chart of env.charts) {
      requests.length = 0;
      t.errors.length = 0;
      await t.page.goto(env.embedUrl(chart.id, '?theme=dark'), { waitUntil: 'networkidle' });
      expect(
        requests.filter((u) => new URL(u).origin !== env.distOrigin),
        chart.id,
      ).toEqual([]);
      expect(await t.page.evaluate(() => document.cookie)).toBe('');
      expect(t.errors, chart.id).toEqual([]);
    }
    expect(await t.page.context().cookies()).toEqual([]);
  });

  async function axe(scheme: 'light' | 'dark', url: string): Promise<string[]> {
    const { page, errors: list } = await schemeTab(scheme, url);
    await page.addScriptTag({ url: `${axeServer.url}axe.min.js` });
    const violations = await axeViolations(page);
    return [...violations, ...list];
  }

  // One test per fixture chart (the build makes one embed page for each), and one for the gallery.
  // The two schemes' tabs work side by side.
  for (const id of fixtureChartIds) {
    it(`${id}: no axe-core violations in light and dark (system setting and ?theme=)`, async () => {
      const found: string[] = [];
      await Promise.all(
        (
          [
            ['light', ['', '?theme=dark']],
            ['dark', ['', '?theme=light']],
          ] as const
        ).map(async ([scheme, queries]) => {
          for (const query of queries)
            for (const v of await axe(scheme, env.embedUrl(id, query))) found.push(`${scheme}${query}: ${v}`);
        }),
      );
      expect(found).toEqual([]);
    });
  }

  it('the gallery: no axe-core violations in light and dark', async () => {
    const found: string[] = [];
    await Promise.all(
      (['light', 'dark'] as const).map(async (scheme) => {
        for (const v of await axe(scheme, `${env.site.url}embed/`)) found.push(`${scheme}: ${v}`);
      }),
    );
    expect(found).toEqual([]);
  });
});
