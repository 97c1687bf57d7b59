// Embedding a chart in another site's article. The fixture content is built under a sub-path
// (BASE_PATH) with SITE_URL set to the port it is served on, so the snippets in the oEmbed files are
// the real ones; host pages are served from a temporary folder on a second port (another origin).
//   host.html    two charts with the documented snippet, a forger iframe, a non-embed frame of the site
//   pym.html     one chart, resized only by a Pym.js-style listener (no embed.js)
//   sandbox.html one chart in <iframe sandbox="allow-scripts allow-same-origin">
//   pinned.html  one chart with the pinned variant of the snippet (embed.js with an integrity hash)
// The site is served with the /embed/* headers of public/_headers (its CSP), the host pages with a
// CSP that allows scripts only from themselves and the embed origin. No inline script anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'yaml';
import { HtmlValidate, type ConfigData, type Report } from 'html-validate';
import type { Browser, BrowserContextOptions, ElementHandle, Page } from 'playwright-core';
import { buildSite, launchBrowser } from './browser';
import { startServer } from '../../scripts/serve.mjs';
import { parseHeadersFile } from '../../scripts/lib/site-check.mjs';
import { embedSnippet, MESSAGE } from '../../src/components/embed/snippet';

const BASE = '/explainers/embed-test/';
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');
const fixtureChartIds = (
  parse(readFileSync('tests/fixtures/content/data/charts.yaml', 'utf8')) as { id: string }[]
).map((c) => c.id);

interface Server {
  url: string;
  port: number;
  close: () => Promise<void>;
}
interface OEmbed {
  type: string;
  version: string;
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
}
interface Chart {
  id: string;
  title: string;
}

let tmp: string;
let dist: string;
let site: Server;
let host: Server;
let browser: Browser;
let charts: Chart[];
let oembed: Map<string, OEmbed>;
let distOrigin: string;

/** The /embed/* headers of public/_headers (the embed pages' CSP), when the file exists. */
function embedHeaders(): Record<string, string> {
  if (!existsSync('public/_headers')) return {};
  const rules = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
  return { ...(rules.find((r) => r.path === '/embed/*')?.headers ?? {}) };
}

const page = (title: string, body: string, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${title}</title><link rel="icon" href="icon.svg" type="image/svg+xml"><link rel="stylesheet" href="host.css">${head}</head><body><main><h1>${title}</h1>${body}</main></body></html>`;
const prose = '<p>An article on another site, with a chart from the explainer in it. '.repeat(3) + '</p>';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'timeline-embed-'));
  dist = join(tmp, 'dist');
  mkdirSync(dist);
  // Listen first, so the build knows its SITE_URL; the server reads files as they are requested.
  // Access-Control-Allow-Origin lets the pinned (integrity) variant of the snippet load embed.js.
  site = await startServer({
    root: dist,
    base: BASE,
    port: 0,
    headers: { ...embedHeaders(), 'Access-Control-Allow-Origin': '*' },
  });
  distOrigin = new URL(site.url).origin;
  const result = buildSite({
    CONTENT_DIR: 'tests/fixtures/content',
    OUT_DIR: dist,
    BASE_PATH: BASE,
    SITE_URL: distOrigin,
  });
  if (result.status !== 0) throw new Error(`the fixture build failed:\n${result.output.slice(-3000)}`);

  charts = (JSON.parse(readFileSync(join(dist, 'data/timeline.json'), 'utf8')) as { charts: Chart[] }).charts;
  oembed = new Map(
    charts.map((c) => [c.id, JSON.parse(readFileSync(join(dist, `oembed/${c.id}.json`), 'utf8')) as OEmbed]),
  );
  const [first, second, third] = charts.map((c) => oembed.get(c.id)!.html);

  const hostDir = join(tmp, 'host');
  mkdirSync(hostDir);
  const write = (name: string, text: string) => writeFileSync(join(hostDir, name), text);
  write('icon.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  write('host.css', 'body{margin:0;font:16px/1.5 serif}main{max-width:720px;margin:0 auto;padding:0 12px}');
  write(
    'host.html',
    page(
      'Host article',
      `${prose}${first}${prose}${second}${prose}` +
        `<iframe id="forger" src="forger.html" title="An advert" height="60"></iframe>` +
        `<iframe id="other" src="${site.url}robots.txt" title="A file of the explainer's site" height="60"></iframe>`,
    ),
  );
  write('forger.html', page('Advert', '<p>An advert that tries to resize the charts.</p>'));
  write(
    'pym-listener.js',
    `// A Pym.js-style parent: reads "pymxPYMx<id>xPYMxheightxPYMx<px>" and sizes the iframe with that id.
window.addEventListener('message', function (event) {
  if (typeof event.data !== 'string') return;
  var m = /^pymxPYMx(.+)xPYMxheightxPYMx(\\d+)$/.exec(event.data);
  var frame = m && document.getElementById(m[1]);
  if (frame && frame.contentWindow === event.source) frame.style.height = m[2] + 'px';
});
`,
  );
  const pymFrame = first
    .replace(/<script[^>]*><\/script>/, '')
    .replace(/src="([^"]+)"/, (_, src: string) => `id="pym-chart" src="${src}?childId=pym-chart"`)
    .replace(/height="\d+"/, 'height="150"');
  write('pym.html', page('Pym host', `${prose}${pymFrame}${prose}`, '<script src="pym-listener.js"></script>'));
  // The pinned variant: embed.js with its integrity hash (loaded with CORS).
  const pinned = embedSnippet({
    embedUrl: `${site.url}embed/${charts[1].id}/`,
    scriptUrl: `${site.url}embed.js`,
    title: charts[1].title,
    height: 150,
    integrity: `sha384-${createHash('sha384').update(readFileSync('public/embed.js')).digest('base64')}`,
  });
  write('pinned.html', page('Pinned host', `${prose}${pinned}${prose}`));
  write(
    'sandbox.html',
    page(
      'Sandboxed host',
      `${prose}${third.replace('<iframe ', '<iframe sandbox="allow-scripts allow-same-origin" ')}`,
    ),
  );
  const hostCsp =
    `default-src 'self'; script-src 'self' ${distOrigin}; frame-src 'self' ${distOrigin}; ` +
    `style-src 'self'; style-src-attr 'unsafe-inline'; object-src 'none'; base-uri 'self'`;
  host = await startServer({ root: hostDir, port: 0, headers: { 'Content-Security-Policy': hostCsp } });
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await site?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ── helpers ──────────────────────────────────────────────────────────────────

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

/** A page in a fresh context that records console errors, page errors and every request (all frames). */
async function open(url: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    ...options,
  });
  const p = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  p.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning')
      errors.push(`${msg.type()}: ${msg.text()} (${msg.location().url})`);
  });
  p.on('pageerror', (err) => errors.push(String(err)));
  p.on('request', (req) => requests.push(req.url()));
  await p.goto(url, { waitUntil: 'load' });
  return { page: p, errors, requests };
}

/** Polls `read` until `ok` holds or the time is up; returns the last value (the test asserts on it). */
async function settle<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

interface Size {
  iframe: number;
  content: number;
}

/** Each iframe's height on the host page and its document's scrollHeight. */
async function sizes(frames: ElementHandle<Element>[]): Promise<Size[]> {
  return Promise.all(
    frames.map(async (handle) => {
      const iframe = await handle.evaluate((el) => el.getBoundingClientRect().height);
      const frame = await handle.contentFrame();
      const content = frame ? await frame.evaluate(() => document.documentElement.scrollHeight).catch(() => -1) : -1;
      return { iframe, content };
    }),
  );
}

const fits = (list: Size[]) => list.every((s) => s.content > 0 && Math.abs(s.iframe - s.content) <= 2);

/** Scrolls each iframe into view (browsers pause rendering in off-screen cross-origin frames), then waits for fitting heights. */
async function settleSizes(frames: ElementHandle<Element>[]): Promise<Size[]> {
  return settle(async () => {
    for (const f of frames) await f.scrollIntoViewIfNeeded();
    return sizes(frames);
  }, fits);
}

const background = (p: Page | import('playwright-core').Frame) =>
  p.evaluate(() => getComputedStyle(document.body).backgroundColor);
const DARK_BG = 'rgb(17, 17, 17)';
const LIGHT_BG = 'rgb(255, 255, 255)';
const embedUrl = (id: string, query = '') => `${site.url}embed/${id}/${query}`;

// ── static output ────────────────────────────────────────────────────────────

describe('embed output', () => {
  it('builds an embed page and an oEmbed file per chart, with absolute URLs under the base path', () => {
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const chart of charts) {
      const o = oembed.get(chart.id)!;
      expect(o).toMatchObject({
        type: 'rich',
        version: '1.0',
        title: chart.title,
        provider_name: 'Test desk',
        provider_url: site.url,
      });
      expect(o.width).toBeGreaterThan(0);
      expect(o.height).toBeGreaterThan(0);
      expect(o.html).toContain(
        `<iframe src="${embedUrl(chart.id)}" title="${chart.title}" loading="lazy" height="${o.height}"`,
      );
      expect(o.html).toContain(`data-timeline-explainer></iframe><script src="${site.url}embed.js" async></script>`);

      const html = readFileSync(join(dist, `embed/${chart.id}/index.html`), 'utf8');
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).toContain(
        `<link rel="alternate" type="application/json+oembed" href="${site.url}oembed/${chart.id}.json"`,
      );
      expect(html).toMatch(new RegExp(`<link rel="canonical" href="${site.url}(#chart-${chart.id})?">`));
      expect(html).toMatch(
        new RegExp(`<a href="${site.url}(#chart-${chart.id})?" target="_blank" rel="noopener">Full story`),
      );
      expect(html).toContain(`<script src="${BASE}embed-theme.js"></script>`);
      expect(html).not.toMatch(/class="site-header"|class="site-footer"/);
      expect(existsSync(join(dist, `data/charts/${chart.id}.csv`)), `data/charts/${chart.id}.csv`).toBe(true);
    }
  });

  it('public/embed.js is at most 2 KB gzipped', () => {
    const size = gzipSync(readFileSync('public/embed.js')).length;
    expect(size).toBeLessThanOrEqual(2048);
  });

  it('the snippet passes html-validate (and its pinned variant the SRI rule)', async () => {
    // A fragment pasted into someone else's page: the recommended and accessibility rules, less
    // no-inline-style (the snippet has no stylesheet of its own to put border and width in).
    const config: ConfigData = {
      extends: ['html-validate:recommended', 'html-validate:a11y'],
      rules: { 'no-inline-style': 'off' },
    };
    const problems = (r: Report) => r.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`));
    for (const chart of charts) {
      const report = await new HtmlValidate(config).validateString(oembed.get(chart.id)!.html, `${chart.id}.html`);
      expect(problems(report), chart.id).toEqual([]);
    }
    const integrity = `sha384-${createHash('sha384').update(readFileSync('public/embed.js')).digest('base64')}`;
    const pinned = embedSnippet({
      embedUrl: embedUrl('x'),
      scriptUrl: `${site.url}embed.js`,
      title: 'A "quoted" <title>',
      height: 400,
      integrity,
    });
    const strict = new HtmlValidate({
      ...config,
      rules: { ...config.rules, 'require-sri': ['error', { target: 'crossorigin' }] },
    });
    expect(problems(await strict.validateString(pinned, 'pinned.html'))).toEqual([]);
    // The gallery shows that same hash.
    expect(readFileSync(join(dist, 'embed/index.html'), 'utf8')).toContain(integrity);
  });
});

// ── in a host page ───────────────────────────────────────────────────────────

describe('on a host page of another origin', () => {
  it('sizes both iframes to their content, follows a resize, ignores forged messages, and logs nothing', async () => {
    const { page: p, errors, requests } = await open(`${host.url}host.html`);
    const frames = await p.$$('iframe[data-timeline-explainer]');
    expect(frames).toHaveLength(2);

    const wide = await settleSizes(frames);
    expect(fits(wide), JSON.stringify(wide)).toBe(true);

    // Narrower: the charts reflow (taller or shorter, as each is drawn), the iframes follow.
    await p.setViewportSize({ width: 390, height: 800 });
    const narrow = await settle(
      async () => {
        for (const f of frames) await f.scrollIntoViewIfNeeded();
        return sizes(frames);
      },
      (list) => fits(list) && list.some((s, i) => s.iframe !== wide[i].iframe),
    );
    expect(fits(narrow), JSON.stringify(narrow)).toBe(true);
    expect(
      narrow.map((s) => s.iframe),
      'no iframe changed height with the width',
    ).not.toEqual(wide.map((s) => s.iframe));

    // Forged height messages: from an advert's iframe, from the page itself, from a frame of the
    // explainer's own origin that is not an embed. None may change anything.
    const before = await sizes(frames);
    const height = (selector: string) => p.$eval(selector, (el) => el.getBoundingClientRect().height);
    const bystanders = [await height('#forger'), await height('#other')];
    const forge = { type: MESSAGE.height, id: charts[0].id, height: 77 };
    await p
      .frameLocator('#forger')
      .locator('body')
      .evaluate((_, m) => window.parent.postMessage(m, '*'), forge);
    await p.evaluate((m) => window.postMessage(m, '*'), forge);
    const other = await (await p.$('#other'))!.contentFrame();
    await other!.evaluate((m) => window.parent.postMessage(m, '*'), forge);
    await p.waitForTimeout(500);
    expect(await sizes(frames)).toEqual(before);
    expect([await height('#forger'), await height('#other')]).toEqual(bystanders);

    // Only the embed origin and the host are asked for anything.
    const origins = new Set(requests.map((u) => new URL(u).origin));
    expect([...origins].sort()).toEqual([distOrigin, new URL(host.url).origin].sort());
    expect(await p.context().cookies()).toEqual([]);
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('sizes an iframe added later, and refuses messages once a frame has navigated to another origin', async () => {
    const { page: p, errors } = await open(`${host.url}host.html`);
    const src = embedUrl(charts[2].id);
    await p.evaluate(
      ({ src, title }) => {
        const frame = document.createElement('iframe');
        Object.assign(frame, { id: 'late', src, title, height: '100' });
        frame.setAttribute('data-timeline-explainer', '');
        frame.style.cssText = 'border:0;width:100%';
        document.querySelector('main')!.append(frame);
      },
      { src, title: charts[2].title },
    );
    const late = (await p.$('#late'))!;
    const fitted = await settleSizes([late]);
    expect(fits(fitted), JSON.stringify(fitted)).toBe(true);
    expect(fitted[0].iframe).toBeGreaterThan(100);

    // The same iframe element, now showing a page of the host's origin: its window is still the
    // iframe's contentWindow, but the origin is not the src's, so its height messages are refused.
    const frame = (await late.contentFrame())!;
    await frame.goto(`${host.url}forger.html`);
    const height = await late.evaluate((el) => el.getBoundingClientRect().height);
    await frame.evaluate((m) => window.parent.postMessage(m, '*'), { type: MESSAGE.height, id: 'late', height: 77 });
    await p.waitForTimeout(500);
    expect(await late.evaluate((el) => el.getBoundingClientRect().height)).toBe(height);
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('resizes with only a Pym.js-style listener on the page', async () => {
    const { page: p, errors } = await open(`${host.url}pym.html`);
    const frame = (await p.$('#pym-chart'))!;
    const fitted = await settleSizes([frame]);
    expect(fits(fitted), JSON.stringify(fitted)).toBe(true);
    expect(fitted[0].iframe).toBeGreaterThan(150);
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('resizes with the pinned snippet (integrity and crossorigin on embed.js)', async () => {
    const { page: p, errors } = await open(`${host.url}pinned.html`);
    const frame = (await p.$('iframe[data-timeline-explainer]'))!;
    const fitted = await settleSizes([frame]);
    expect(fits(fitted), JSON.stringify(fitted)).toBe(true);
    expect(fitted[0].iframe).toBeGreaterThan(150);
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('works inside sandbox="allow-scripts allow-same-origin"', async () => {
    const { page: p, errors } = await open(`${host.url}sandbox.html`);
    const frame = (await p.$('iframe[sandbox]'))!;
    const fitted = await settleSizes([frame]);
    expect(fits(fitted), JSON.stringify(fitted)).toBe(true);
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('switches theme when the host page says so, and only then', async () => {
    const { page: p, errors } = await open(`${host.url}host.html`);
    const handle = (await p.$('iframe[data-timeline-explainer]'))!;
    await settleSizes([handle]);
    const frame = (await handle.contentFrame())!;
    expect(await background(frame)).toBe(LIGHT_BG);

    const say = (theme: string) =>
      handle.evaluate((el, m) => (el as HTMLIFrameElement).contentWindow!.postMessage(m, '*'), {
        type: MESSAGE.theme,
        theme,
      });
    await say('dark');
    expect(
      await settle(
        () => background(frame),
        (bg) => bg === DARK_BG,
      ),
    ).toBe(DARK_BG);

    // Another frame cannot switch it.
    await p
      .frameLocator('#forger')
      .locator('body')
      .evaluate((_, m) => window.parent.frames[0].postMessage(m, '*'), { type: MESSAGE.theme, theme: 'light' });
    await p.waitForTimeout(300);
    expect(await background(frame)).toBe(DARK_BG);

    await say('auto');
    expect(
      await settle(
        () => background(frame),
        (bg) => bg === LIGHT_BG,
      ),
    ).toBe(LIGHT_BG);
    expect(errors).toEqual([]);
    await p.context().close();
  });

  it('shows the chart without JavaScript, at the initial height', async () => {
    const { page: p, errors } = await open(`${host.url}host.html`, { javaScriptEnabled: false });
    const frames = await p.$$('iframe[data-timeline-explainer]');
    for (const [i, handle] of frames.entries()) {
      const chart = charts[i];
      expect(await handle.evaluate((el) => el.getBoundingClientRect().height)).toBe(oembed.get(chart.id)!.height);
      const frame = (await handle.contentFrame())!;
      await frame.waitForLoadState('load');
      const title = frame.locator(`#chart-${chart.id}-title`);
      expect(await title.textContent()).toBe(chart.title);
      expect(await title.isVisible()).toBe(true);
      expect(await frame.locator('.embed-foot').isVisible()).toBe(true);
    }
    expect(errors).toEqual([]);
    await p.context().close();
  });
});

// ── the embed pages themselves ───────────────────────────────────────────────

describe('embed pages', () => {
  const VARIABLES = ['--bg', '--fg', '--muted', '--rule', '--panel', '--link', '--link-visited', '--focus', '--accent'];
  const variables = (p: Page) =>
    p.evaluate((names) => {
      const style = getComputedStyle(document.documentElement);
      return Object.fromEntries(names.map((n) => [n, style.getPropertyValue(n).trim()]));
    }, VARIABLES);

  it('?theme=dark and ?theme=light give the same colours as the system setting would', async () => {
    const id = charts[0].id;
    const pairs = [
      { forced: 'dark', system: 'light', like: 'dark', bg: DARK_BG },
      { forced: 'light', system: 'dark', like: 'light', bg: LIGHT_BG },
    ] as const;
    for (const { forced, system, like, bg } of pairs) {
      const a = await open(embedUrl(id, `?theme=${forced}`), { colorScheme: system });
      const b = await open(embedUrl(id), { colorScheme: like });
      expect(await a.page.evaluate(() => document.documentElement.dataset.theme)).toBe(forced);
      expect(await background(a.page)).toBe(bg);
      expect(await background(b.page)).toBe(bg);
      expect(await variables(a.page)).toEqual(await variables(b.page));
      expect([...a.errors, ...b.errors]).toEqual([]);
      await a.page.context().close();
      await b.page.context().close();
    }
  });

  it('ask nothing of any other host, set no cookies and log nothing', async () => {
    for (const chart of charts) {
      const { page: p, errors, requests } = await open(embedUrl(chart.id, '?theme=dark'));
      await p.waitForLoadState('networkidle');
      expect(
        requests.filter((u) => new URL(u).origin !== distOrigin),
        chart.id,
      ).toEqual([]);
      expect(await p.context().cookies()).toEqual([]);
      expect(await p.evaluate(() => document.cookie)).toBe('');
      expect(errors, chart.id).toEqual([]);
      await p.context().close();
    }
  });

  async function axe(url: string, colorScheme: 'light' | 'dark'): Promise<string[]> {
    // bypassCSP: the embed pages' CSP would refuse the injected axe-core script.
    const { page: p, errors } = await open(url, { colorScheme, bypassCSP: true });
    await p.addScriptTag({ content: axeSource });
    const violations = await p.evaluate(async () => {
      // @ts-expect-error axe is injected above
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map(
        (v: { id: string; nodes: { target: string[] }[] }) =>
          `${v.id}: ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
    });
    await p.context().close();
    return [...violations, ...errors];
  }

  // One test per fixture chart (the build makes one embed page for each), and one for the gallery.
  for (const id of fixtureChartIds) {
    it(`${id}: no axe-core violations in light and dark (system setting and ?theme=)`, async () => {
      const found: string[] = [];
      for (const [scheme, query] of [
        ['light', ''],
        ['dark', ''],
        ['light', '?theme=dark'],
        ['dark', '?theme=light'],
      ] as const) {
        for (const v of await axe(embedUrl(id, query), scheme)) found.push(`${scheme}${query}: ${v}`);
      }
      expect(found).toEqual([]);
    });
  }

  it('the gallery: no axe-core violations in light and dark', async () => {
    const found: string[] = [];
    for (const scheme of ['light', 'dark'] as const) {
      for (const v of await axe(`${site.url}embed/`, scheme)) found.push(`${scheme}: ${v}`);
    }
    expect(found).toEqual([]);
  });
});

// ── the Embed control ────────────────────────────────────────────────────────

describe('the Embed control on the gallery', () => {
  it('copies the snippet and says so; without JavaScript the code is there to select', async () => {
    const { page: p, errors } = await open(`${site.url}embed/`, { permissions: ['clipboard-read', 'clipboard-write'] });
    const id = charts[0].id;
    const field = p.locator(`#embed-code-${id}`);
    expect(await field.inputValue()).toBe(oembed.get(id)!.html);
    const control = field.locator('xpath=ancestor::details');
    await control.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => control.getByRole('status').textContent()).toBe('Copied');
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(oembed.get(id)!.html);
    expect(errors).toEqual([]);
    await p.context().close();

    const noJs = await open(`${site.url}embed/`, { javaScriptEnabled: false });
    expect(await noJs.page.locator(`#embed-code-${id}`).inputValue()).toBe(oembed.get(id)!.html);
    expect(await noJs.page.getByRole('button', { name: 'Copy code' }).count()).toBe(0);
    await noJs.page.context().close();
  });
});
