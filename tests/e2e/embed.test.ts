// Embedding a chart in another site's article: the built output (embed pages, oEmbed files, the snippet),
// our snippet on host pages, and the Embed control. The fixture build and its server are shared with
// embed-hosts.test.ts and embed-pages.test.ts (embed-helpers.ts: built once); host pages are served
// from a temporary folder on a second port (another origin):
//   host.html    two charts with the documented snippet, a forger iframe
//   pinned.html  one chart with the pinned variant of the snippet (embed.js with an integrity hash)
//   sandbox.html one chart in <iframe sandbox="allow-scripts allow-same-origin">
// The other ways a chart is embedded (Pym.js, WordPress, sandboxes, strict CSPs, Datawrapper) are in
// embed-hosts.test.ts. The host pages have a CSP that allows scripts only from themselves and the embed
// origin. No inline script anywhere.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { HtmlValidate, type ConfigData, type Report } from 'html-validate';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  background,
  BASE,
  closeAll,
  DARK_BG,
  fits,
  hostFiles,
  hostPage,
  LIGHT_BG,
  open,
  openTab,
  prose,
  recordErrors,
  settle,
  settleSizes,
  sizes,
  startEmbedSite,
  type EmbedSite,
  type Server,
} from './embed-helpers';
import { startServer } from '../../scripts/serve.mjs';
import { embedSnippet, heightsAttribute, MESSAGE, withFrameId } from '../../src/components/embed/snippet';
import { COLUMN_WIDTH, heightAt } from '../../src/components/embed/heights';

const fixtureHeights = JSON.parse(readFileSync('tests/fixtures/content/embed-heights.json', 'utf8')) as {
  charts: Record<string, { heights: [number, number][] }>;
};

const integrity = () => `sha384-${createHash('sha384').update(readFileSync('public/embed.js')).digest('base64')}`;

let env: EmbedSite;
let host: Server;
let browser: Browser;
let tmp: string;
/** One tab for the host-page tests (a new tab costs a renderer process), and its console errors. */
let context: BrowserContext;
let tab: Page;
const errors: string[] = [];

beforeAll(async () => {
  env = await startEmbedSite();
  const { site, charts, oembed } = env;
  const [first, second, third] = charts.map((c) => oembed.get(c.id)!.html);

  tmp = mkdtempSync(join(tmpdir(), 'timeline-embed-'));
  const write = hostFiles(tmp);
  write(
    'host.html',
    hostPage(
      'Host article',
      `${prose}${first}${prose}${second}${prose}` +
        `<iframe id="forger" src="forger.html" title="An advert" height="60"></iframe>`,
    ),
  );
  write('forger.html', hostPage('Advert', '<p>An advert that tries to resize the charts.</p>'));
  // The pinned variant: embed.js with its integrity hash (loaded with CORS).
  const pinned = embedSnippet({
    embedUrl: env.embedUrl(charts[1].id),
    scriptUrl: `${site.url}embed.js`,
    title: charts[1].title,
    height: 150,
    integrity: integrity(),
  });
  write('pinned.html', hostPage('Pinned host', `${prose}${pinned}${prose}`));
  write(
    'sandbox.html',
    hostPage(
      'Sandboxed host',
      `${prose}${third.replace('<iframe ', '<iframe sandbox="allow-scripts allow-same-origin" ')}`,
    ),
  );
  const hostCsp =
    `default-src 'self'; script-src 'self' ${env.distOrigin}; frame-src 'self' ${env.distOrigin}; ` +
    `style-src 'self'; object-src 'none'; base-uri 'self'`;
  host = await startServer({
    root: tmp,
    port: 0,
    headers: { 'Content-Security-Policy': hostCsp },
  });
  ({ browser, context, tab } = await openTab({ width: 1280, height: 800 }));
  recordErrors(tab, errors);
}, 180_000);

afterAll(async () => {
  await closeAll(context, browser, host, env?.site);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Loads a host page in the shared tab at 1280 px; clears the record of console errors. */
async function load(page: string): Promise<void> {
  await tab.setViewportSize({ width: 1280, height: 800 });
  errors.length = 0;
  await tab.goto(`${host.url}${page}`, { waitUntil: 'load' });
}

// ── static output ────────────────────────────────────────────────────────────

describe('embed output', () => {
  it('builds an embed page and an oEmbed file per chart, with absolute URLs under the base path', () => {
    const { charts, oembed, site, dist, embedUrl } = env;
    expect(charts.length).toBeGreaterThanOrEqual(3);
    for (const chart of charts) {
      const o = oembed.get(chart.id)!;
      // The fixture content's measured heights (src/components/embed/heights.ts reads the same file).
      const steps = fixtureHeights.charts[chart.id].heights.map(([width, height]) => ({ width, height }));
      expect(o).toMatchObject({
        type: 'rich',
        version: '1.0',
        title: chart.title,
        provider_name: 'Test desk',
        provider_url: site.url,
        width: COLUMN_WIDTH,
        height: heightAt(steps, COLUMN_WIDTH),
      });
      expect(o.html).toBe(
        `<iframe src="${embedUrl(chart.id)}" title="${chart.title}" loading="lazy" width="100%" height="${o.height}" ` +
          `frameborder="0" data-heights="${heightsAttribute(steps)}" data-timeline-explainer></iframe>` +
          `<script src="${site.url}embed.js" async></script>`,
      );

      const html = readFileSync(join(dist, `embed/${chart.id}/index.html`), 'utf8');
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(html).toContain('<base target="_blank">');
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
    // A fragment pasted into someone else's page: the recommended and accessibility rules, less two
    // presentational attributes it has on purpose (snippet.ts): width="100%" and frameborder="0".
    const config: ConfigData = {
      extends: ['html-validate:recommended', 'html-validate:a11y'],
      elements: [
        'html5',
        {
          iframe: { attributes: { width: { enum: ['/^\\d+%?$/'] }, frameborder: { deprecated: false, enum: ['0'] } } },
        },
      ],
    };
    const problems = (r: Report) => r.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`));
    for (const chart of env.charts) {
      const html = env.oembed.get(chart.id)!.html;
      const report = await new HtmlValidate(config).validateString(html, `${chart.id}.html`);
      expect(problems(report), chart.id).toEqual([]);
      const copied = await new HtmlValidate(config).validateString(withFrameId(html, 'a1b2c3d4'), `${chart.id}.html`);
      expect(problems(copied), `${chart.id} with an instance id`).toEqual([]);
    }
    const pinned = embedSnippet({
      embedUrl: env.embedUrl('x'),
      scriptUrl: `${env.site.url}embed.js`,
      title: 'A "quoted" <title>',
      height: 400,
      integrity: integrity(),
    });
    const strict = new HtmlValidate({
      ...config,
      rules: { 'require-sri': ['error', { target: 'crossorigin' }] },
    });
    expect(problems(await strict.validateString(pinned, 'pinned.html'))).toEqual([]);
    // The gallery shows that same hash.
    expect(readFileSync(join(env.dist, 'embed/index.html'), 'utf8')).toContain(integrity());
  });

  it('an instance id goes into the iframe address only', () => {
    const code = env.oembed.get(env.charts[0].id)!.html;
    expect(withFrameId(code, 'x1')).toBe(code.replace(/src="([^"]+)"/, 'src="$1?frame=x1"'));
    const themed = code.replace(/src="([^"]+)"/, 'src="$1?theme=dark"');
    expect(withFrameId(themed, 'x1')).toContain('?theme=dark&amp;frame=x1"');
    expect(() => withFrameId(code, 'a"b')).toThrow();
  });
});

// ── in a host page ───────────────────────────────────────────────────────────

describe('on a host page of another origin', () => {
  it('sizes both iframes to their content, follows a resize, ignores forged messages, and logs nothing', async () => {
    const requests: string[] = [];
    const record = (req: { url: () => string }) => requests.push(req.url());
    tab.on('request', record);
    await load('host.html');
    const frames = await tab.$$('iframe[data-timeline-explainer]');
    expect(frames).toHaveLength(2);

    const wide = await settleSizes(frames);
    expect(fits(wide), JSON.stringify(wide)).toBe(true);

    // Narrower: the charts reflow (taller or shorter, as each is drawn), the iframes follow.
    await tab.setViewportSize({ width: 390, height: 800 });
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

    // Forged height messages: from an advert's iframe, from the page itself. Neither may change anything.
    // (No page of the explainer's site but the embeds may be framed: _headers, frame-ancestors 'none'.)
    const before = await sizes(frames);
    const height = (selector: string) => tab.$eval(selector, (el) => el.getBoundingClientRect().height);
    const bystander = await height('#forger');
    const forge = { type: MESSAGE.height, id: env.charts[0].id, height: 77 };
    await tab
      .frameLocator('#forger')
      .locator('body')
      .evaluate((_, m) => window.parent.postMessage(m, '*'), forge);
    await tab.evaluate((m) => window.postMessage(m, '*'), forge);
    await tab.waitForTimeout(500);
    expect(await sizes(frames)).toEqual(before);
    expect(await height('#forger')).toEqual(bystander);

    // Only the embed origin and the host are asked for anything.
    tab.off('request', record);
    const origins = new Set(requests.map((u) => new URL(u).origin));
    expect([...origins].sort()).toEqual([env.distOrigin, new URL(host.url).origin].sort());
    expect(await context.cookies()).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('sizes an iframe added later, and refuses messages once a frame has navigated to another origin', async () => {
    await load('host.html');
    const chart = env.charts[2];
    await tab.evaluate(
      ({ src, title }) => {
        const frame = document.createElement('iframe');
        Object.assign(frame, { id: 'late', src, title, height: '100' });
        frame.setAttribute('data-timeline-explainer', '');
        document.querySelector('main')!.append(frame);
      },
      { src: env.embedUrl(chart.id), title: chart.title },
    );
    const late = (await tab.$('#late'))!;
    const fitted = await settleSizes([late]);
    expect(fits(fitted), JSON.stringify(fitted)).toBe(true);
    expect(fitted[0].iframe).toBeGreaterThan(100);
    // embed.js gave it the snippet's width and border through the CSSOM.
    expect(await late.evaluate((el) => [(el as HTMLElement).style.width, getComputedStyle(el).borderTopWidth])).toEqual(
      ['100%', '0px'],
    );

    // The same iframe element, now showing a page of the host's origin: its window is still the
    // iframe's contentWindow, but the origin is not the src's, so its height messages are refused.
    const frame = (await late.contentFrame())!;
    await frame.goto(`${host.url}forger.html`);
    const height = await late.evaluate((el) => el.getBoundingClientRect().height);
    await frame.evaluate((m) => window.parent.postMessage(m, '*'), { type: MESSAGE.height, id: 'late', height: 77 });
    await tab.waitForTimeout(500);
    expect(await late.evaluate((el) => el.getBoundingClientRect().height)).toBe(height);
    expect(errors).toEqual([]);
  });

  for (const [page, what] of [
    ['pinned.html', 'the pinned snippet (integrity and crossorigin on embed.js)'],
    ['sandbox.html', 'inside sandbox="allow-scripts allow-same-origin"'],
  ] as const) {
    it(`resizes with ${what}`, async () => {
      await load(page);
      const frame = (await tab.$('iframe[data-timeline-explainer]'))!;
      const fitted = await settleSizes([frame]);
      expect(fits(fitted), JSON.stringify(fitted)).toBe(true);
      expect(errors).toEqual([]);
    });
  }

  it('switches theme when the host page says so, and only then', async () => {
    await load('host.html');
    const handle = (await tab.$('iframe[data-timeline-explainer]'))!;
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
    await tab
      .frameLocator('#forger')
      .locator('body')
      .evaluate((_, m) => window.parent.frames[0].postMessage(m, '*'), { type: MESSAGE.theme, theme: 'light' });
    await tab.waitForTimeout(300);
    expect(await background(frame)).toBe(DARK_BG);

    await say('auto');
    expect(
      await settle(
        () => background(frame),
        (bg) => bg === LIGHT_BG,
      ),
    ).toBe(LIGHT_BG);
    expect(errors).toEqual([]);
  });

  it('shows the chart without JavaScript, at its height attribute and the width of the column', async () => {
    const { page: p, errors: noJsErrors } = await open(browser, `${host.url}host.html`, { javaScriptEnabled: false });
    const frames = await p.$$('iframe[data-timeline-explainer]');
    for (const [i, handle] of frames.entries()) {
      const chart = env.charts[i];
      const box = await handle.evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { height: r.height, width: r.width, column: el.parentElement!.clientWidth - 24 };
      });
      expect(box.height).toBe(env.oembed.get(chart.id)!.height);
      expect(box.width).toBe(box.column);
      const frame = (await handle.contentFrame())!;
      await frame.waitForLoadState('load');
      const title = frame.locator(`#chart-${chart.id}-title`);
      expect(await title.textContent()).toBe(chart.title);
      expect(await title.isVisible()).toBe(true);
      expect(await frame.locator('.embed-foot').isVisible()).toBe(true);
    }
    expect(noJsErrors).toEqual([]);
    await p.context().close();
  });
});

// ── the Embed control ────────────────────────────────────────────────────────

describe('the Embed control on the gallery', () => {
  it('copies the snippet with an instance id and says so; without JavaScript the code as built is there to select', async () => {
    const { page: p, errors: copyErrors } = await open(browser, `${env.site.url}embed/`, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const id = env.charts[0].id;
    const built = env.oembed.get(id)!.html;
    const field = p.locator(`#embed-code-${id}`);
    const shown = await field.inputValue();
    const instance = /\?frame=([a-z0-9]{8})"/.exec(shown)?.[1];
    expect(instance, shown).toBeDefined();
    expect(shown).toBe(withFrameId(built, instance!));
    // Each control has an id of its own.
    const other = await p.locator(`#embed-code-${env.charts[1].id}`).inputValue();
    expect(/\?frame=([a-z0-9]{8})"/.exec(other)?.[1]).not.toBe(instance);

    const control = field.locator('xpath=ancestor::details');
    await control.getByRole('button', { name: 'Copy code' }).click();
    await expect.poll(() => control.getByRole('status').textContent()).toBe('Copied');
    expect(await p.evaluate(() => navigator.clipboard.readText())).toBe(shown);
    expect(copyErrors).toEqual([]);
    await p.context().close();

    const noJs = await open(browser, `${env.site.url}embed/`, { javaScriptEnabled: false });
    expect(await noJs.page.locator(`#embed-code-${id}`).inputValue()).toBe(built);
    expect(await noJs.page.getByRole('button', { name: 'Copy code' }).count()).toBe(0);
    await noJs.page.context().close();
  });
});
