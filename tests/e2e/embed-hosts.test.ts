// A chart on other sites' pages, the way each kind of host embeds it. The site is the fixture build of
// embed-helpers.ts (served with its _headers rules per path: /embed/* with its CSP, /_astro/* with
// CORS); the host pages are served from a temporary folder on a second port (another origin), each
// with a forger iframe of the host's origin that tries every height format once the chart is sized.
//   snippet       our embed code (iframe + embed.js)
//   pym           Pym.js 1.3.2 from npm, new pym.Parent(…, { xdomain }) with the xdomain the gallery advises
//   sandbox       our code in <iframe sandbox="allow-scripts"> (what WordPress does to every oEmbed)
//   no-scripts    our code in <iframe sandbox="">: the frame runs nothing, embed.js sizes it from data-heights
//   csp-self      a host whose CSP is script-src 'self': embed.js is refused, the frame keeps its attributes
//   csp-gallery   a host served with exactly the policy the built gallery advises
//   wordpress     the oEmbed answer through WordPress's filter, with wp-embed.js (wordpress.ts), no embed.js
//   datawrapper   Datawrapper's older listener (chart-core), which sizes the first iframe whose src contains
//                 the key, beside a widget whose address contains "timeline"; two copies of one chart
// Each is loaded at 1280 px, then resized to 390 px: the chart's iframe is as wide as its column and as
// tall as its document (±2 px) where a resizer runs (WordPress: clamped to 200…1000 px; no-scripts:
// within 10% of it, from the build-time heights), and nothing is logged but what the scenario cannot
// avoid (said at each). Then embed.js alone: its estimate between steps, and whom it takes origin
// "null" from. The WordPress emulation itself is checked in embed-wordpress.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, ElementHandle, Page } from 'playwright-core';
import {
  closeAll,
  documentHeight,
  hostFiles,
  hostPage,
  openTab,
  prose,
  recordErrors,
  settle,
  startEmbedSite,
  type EmbedSite,
  type Server,
} from './embed-helpers';
import { wordpressEmbedHtml, wordpressPost, WP_EMBED_CSS, WP_EMBED_JS } from './wordpress';
import { startServer } from '../../scripts/serve.mjs';
import { decodeEntities } from '../../scripts/lib/site-check.mjs';
import { MESSAGE } from '../../src/components/embed/snippet';
import { heightAt } from '../../src/components/embed/heights';

let env: EmbedSite;
let host: Server;
let browser: Browser;
let context: BrowserContext;
let tab: Page;
/** Console errors of the tab since its last navigation. */
let errors: string[] = [];
let tmp: string;
/** What the built gallery advises: a host's Content-Security-Policy, and Pym's xdomain. */
let galleryCsp: string;
let galleryXdomain: string;
/** The id of the chart every scenario embeds (a timeline: the chart that scripts make interactive). */
let chartId: string;

beforeAll(async () => {
  env = await startEmbedSite();
  const { site, charts, oembed, embedUrl } = env;
  const chart = charts.find((c) => c.kind === 'timeline') ?? charts[0];
  chartId = chart.id;
  const snippet = oembed.get(chart.id)!.html;
  const frameOnly = snippet.replace(/<script[^>]*><\/script>/, '');

  const gallery = readFileSync(join(env.dist, 'embed/index.html'), 'utf8');
  const code = (id: string) =>
    decodeEntities(new RegExp(`<code id="${id}"[^>]*>([^<]*)</code>`).exec(gallery)?.[1] ?? '');
  galleryCsp = code('embed-csp');
  galleryXdomain = (/xdomain: '((?:[^'\\]|\\.)*)'/.exec(code('embed-pym'))?.[1] ?? '').replace(/\\(.)/g, '$1');

  tmp = mkdtempSync(join(tmpdir(), 'timeline-embed-hosts-'));
  const write = hostFiles(tmp);
  const forger = '<iframe id="forger" src="forger.html" title="An advert" height="60"></iframe>';
  write('forger.html', hostPage('Advert', '<p>An advert that tries to resize the charts.</p>'));
  const article = (title: string, body: string, head = '') => hostPage(title, `${prose}${body}${prose}${forger}`, head);

  write('snippet.html', article('Our embed code', snippet));
  write('sandbox.html', article('Sandboxed', snippet.replace('<iframe ', '<iframe sandbox="allow-scripts" ')));
  write('no-scripts.html', article('Sandboxed, no scripts', snippet.replace('<iframe ', '<iframe sandbox="" ')));
  write('csp-self.html', article("script-src 'self'", snippet));
  write('csp-gallery.html', article('The policy the gallery advises', snippet));

  copyFileSync('node_modules/pym.js/dist/pym.v1.min.js', join(tmp, 'pym.v1.min.js'));
  write(
    'pym-parent.js',
    `new pym.Parent('pym-chart', ${JSON.stringify(embedUrl(chart.id))}, ` +
      `{ xdomain: ${JSON.stringify(galleryXdomain)}, title: ${JSON.stringify(chart.title)} });\n`,
  );
  write(
    'pym.html',
    article(
      'Pym.js',
      '<div id="pym-chart"></div><script src="pym.v1.min.js"></script><script src="pym-parent.js"></script>',
    ),
  );

  const wp = wordpressEmbedHtml(oembed.get(chart.id)!);
  if (!wp) throw new Error('WordPress would not embed the chart: its oEmbed HTML has no iframe');
  write('wp-embed.js', WP_EMBED_JS);
  write('wp.css', WP_EMBED_CSS);
  write(
    'wordpress.html',
    article(
      'WordPress',
      wordpressPost(wp, oembed.get(chart.id)!.provider_name),
      '<link rel="stylesheet" href="wp.css"><script src="wp-embed.js" defer></script>',
    ),
  );

  // Datawrapper's chart-core listener (lib/embed.js), rewritten: the key's frame by id, else the first
  // iframe whose src contains the key. No check of the message's source.
  write(
    'datawrapper.js',
    `window.addEventListener('message', function (event) {
  var heights = event.data && event.data['datawrapper-height'];
  if (typeof heights === 'undefined' || heights === null) return;
  for (var key in heights) {
    var iframe = document.getElementById('datawrapper-chart-' + key) || document.querySelector("iframe[src*='" + key + "']");
    if (iframe) iframe.style.height = heights[key] + 'px';
  }
});
`,
  );
  write(
    'widgets/embed/timeline-45-days/index.html',
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>45 days</title></head><body><p>Another widget.</p></body></html>',
  );
  write('narrow.css', '.narrow{max-width:300px}');
  const copy = (frame: string) => frameOnly.replace(/src="([^"]+)"/, (_, src: string) => `src="${src}?frame=${frame}"`);
  write(
    'datawrapper.html',
    article(
      'Datawrapper',
      `<iframe id="widget" src="widgets/embed/timeline-45-days/" title="Another widget" height="120"></iframe>` +
        `${copy('main1')}<div class="narrow">${copy('aside1')}</div><script src="datawrapper.js"></script>`,
      '<link rel="stylesheet" href="narrow.css">',
    ),
  );

  // Origin "null": accepted from one of embed.js's frames only when it is sandboxed without allow-same-origin.
  const poster = `data:text/html,<script>var n=0,t=setInterval(function(){parent.postMessage({type:'${MESSAGE.height}',height:77},'*');if(++n>30)clearInterval(t)},100)</script>`;
  write(
    'null-origin.html',
    hostPage(
      'Origin null',
      `<iframe id="opaque" sandbox="allow-scripts" src="${poster}" title="Sandboxed" height="100" data-timeline-explainer></iframe>` +
        `<iframe id="same" sandbox="allow-scripts allow-same-origin" src="${poster}" title="Sandboxed, same origin" height="100" data-timeline-explainer></iframe>` +
        `<iframe id="plain" src="${poster}" title="Not sandboxed" height="100" data-timeline-explainer></iframe>` +
        `<script src="${site.url}embed.js" async></script>`,
    ),
  );

  write(
    '_headers',
    `/csp-self.html\n  Content-Security-Policy: script-src 'self'\n/csp-gallery.html\n  Content-Security-Policy: ${galleryCsp}\n`,
  );
  host = await startServer({ root: tmp, port: 0, headersFile: join(tmp, '_headers') });
  // One tab for every scenario: each navigation starts a new record of errors.
  ({ browser, context, tab } = await openTab({ width: 390, height: 800 }));
  recordErrors(tab, errors);
}, 180_000);

afterAll(async () => {
  await closeAll(context, browser, host, env?.site);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// ── helpers ──────────────────────────────────────────────────────────────────

async function load(page: string, width: number): Promise<void> {
  await tab.setViewportSize({ width, height: 800 });
  errors.length = 0;
  await tab.goto(`${host.url}${page}`, { waitUntil: 'load' });
}

/** The chart iframes of the page (those on the site's origin). */
const chartFrames = () => tab.$$(`iframe[src^="${env.site.url}embed/"]`);

interface Measure {
  /** The iframe's height on the host page. */
  iframe: number;
  /** Its document's height. */
  content: number;
  /** The iframe's width, and the width of the column it is in (its parent's content box). */
  width: number;
  column: number;
}

async function measure(frame: ElementHandle<Element>): Promise<Measure> {
  await frame.scrollIntoViewIfNeeded();
  const box = await frame.evaluate((el) => {
    const parent = el.parentElement!;
    const style = getComputedStyle(parent);
    return {
      iframe: el.getBoundingClientRect().height,
      width: el.getBoundingClientRect().width,
      column: parent.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
    };
  });
  return { ...box, content: await documentHeight(await frame.contentFrame()) };
}

type Expectation = (m: Measure) => number;
/** The height a resizer gives the frame: its document's. */
const exact: Expectation = (m) => m.content;
/** wp-embed.js's: its document's, clamped to 200…1000 px. */
const wordpress: Expectation = (m) => Math.min(1000, Math.max(200, m.content));

/** Waits until every chart iframe is as tall as `expected` says (±2 px) and as wide as its column. */
async function settled(expected: Expectation): Promise<Measure[]> {
  const frames = await chartFrames();
  expect(frames.length).toBeGreaterThan(0);
  return settle(
    () => Promise.all(frames.map(measure)),
    (list) =>
      list.every((m) => m.content > 0 && Math.abs(m.iframe - expected(m)) <= 2 && Math.abs(m.width - m.column) <= 1),
  );
}

function expectFitted(list: Measure[], expected: Expectation, label: string): void {
  for (const m of list) {
    expect(Math.abs(m.iframe - expected(m)), `${label}: height ${JSON.stringify(m)}`).toBeLessThanOrEqual(2);
    expect(Math.abs(m.width - m.column), `${label}: width ${JSON.stringify(m)}`).toBeLessThanOrEqual(1);
  }
}

/** Only the console errors that match none of `allowed`; and each of `required` must be among them. */
function unexpected(allowed: RegExp[] = [], required: RegExp[] = []): string[] {
  for (const r of required)
    expect(
      errors.some((e) => r.test(e)),
      `expected a console error matching ${r}: ${errors.join('\n')}`,
    ).toBe(true);
  return errors.filter((e) => !allowed.some((r) => r.test(e)));
}

/** Every height format, forged by the host's advert frame (with WordPress's real secret, as if it had leaked). */
async function forge(): Promise<void> {
  const secret = await tab
    .$eval('iframe[data-secret]', (el) => el.getAttribute('data-secret'))
    .catch(() => 'abcdefghij');
  const keys = await tab.$$eval(`iframe[src^="${env.site.url}embed/"]`, (els) =>
    els.map((el) => (el as HTMLIFrameElement).src.split('#')[0]),
  );
  const messages: unknown[] = [
    { type: MESSAGE.height, id: chartId, height: 77 },
    `pymxPYMxpym-chartxPYMxheightxPYMx77`,
    { 'datawrapper-height': Object.fromEntries([chartId, ...keys].map((k) => [k, 77])) },
    { sentinel: 'amp', type: 'embed-size', height: 77 },
    { message: 'height', value: 77, secret },
  ];
  const forger = await (await tab.$('#forger'))!.contentFrame();
  await forger!.evaluate((list) => list.forEach((m) => window.parent.postMessage(m, '*')), messages);
  await tab.waitForTimeout(400);
}

/**
 * Loads a host page at 1280 px, then resizes it to 390 px; at each, the chart iframes are sized as
 * `expected` says. At 1280 px forged messages change nothing (unless `forge` is false). Returns the
 * console errors that match none of `allowed`; each of `required` must be among the errors.
 */
async function scenario(
  page: string,
  expected: Expectation,
  options: { allowed?: RegExp[]; required?: RegExp[]; forge?: boolean } = {},
): Promise<string[]> {
  await load(page, 1280);
  const wide = await settled(expected);
  expectFitted(wide, expected, `${page} at 1280 px`);
  if (options.forge !== false) {
    await forge();
    const after = await Promise.all((await chartFrames()).map(measure));
    expect(
      after.map((m) => m.iframe),
      `${page}: forged heights`,
    ).toEqual(wide.map((m) => m.iframe));
  }
  await tab.setViewportSize({ width: 390, height: 800 });
  expectFitted(await settled(expected), expected, `${page} resized to 390 px`);
  return unexpected(options.allowed, options.required);
}

// ── the scenarios ────────────────────────────────────────────────────────────

describe('a chart on another site', () => {
  it('with our embed code', async () => {
    expect(await scenario('snippet.html', exact)).toEqual([]);
  });

  it('with Pym.js (the real one, xdomain as the gallery advises)', async () => {
    expect(galleryXdomain).toBe(`^${env.distOrigin}`.replace(/\./g, '\\.'));
    expect(await scenario('pym.html', exact)).toEqual([]);
    expect(await tab.$eval('#pym-chart iframe', (el) => (el as HTMLIFrameElement).src)).toContain('childId=pym-chart');
  });

  it('in a frame sandboxed with allow-scripts (origin "null"): sized, and the timeline is interactive', async () => {
    expect(await scenario('sandbox.html', exact)).toEqual([]);
    const frame = (await (await chartFrames())[0].contentFrame())!;
    expect(await frame.evaluate(() => self.origin)).toBe('null');
    expect(await frame.waitForSelector('timeline-chart[data-ready]', { timeout: 5000 })).toBeTruthy();
    // An event's details: fetched from /data/ (a cross-origin request from origin "null"), the address
    // updated (history.pushState), no storage: all allowed in the sandbox.
    errors.length = 0;
    await frame.locator('timeline-chart svg:visible .tl-marks [data-id]').first().dispatchEvent('click');
    await frame.locator('.tl-details').waitFor({ state: 'visible', timeout: 5000 });
    expect(await frame.locator('.tl-details h3, .tl-details h4').first().textContent()).not.toBe('');
    expect(frame.url()).toContain('event=');
    expect(errors).toEqual([]);
  });

  it('in a frame sandboxed without scripts: embed.js sizes it from data-heights, within 10% of its document', async () => {
    // Chrome says so for each script of the embed page it does not run (unavoidable with sandbox="").
    const blocked = /Blocked script execution in '.*\/embed\/.*' because the document's frame is sandboxed/;
    await load('no-scripts.html', 1280);
    const noJs = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'light' });
    const reference = await noJs.newPage();
    const real = async (width: number) => {
      await reference.setViewportSize({ width, height: 800 });
      await reference.goto(env.embedUrl(chartId), { waitUntil: 'load' });
      return documentHeight(reference);
    };
    const estimates: string[] = [];
    for (const width of [1280, 390]) {
      if (width !== tab.viewportSize()!.width) await tab.setViewportSize({ width, height: 800 });
      const [frame] = await chartFrames();
      const steps = (await frame.getAttribute('data-heights'))!.split(' ').map((p) => {
        const [w, h] = p.split(':').map(Number);
        return { width: w, height: h };
      });
      // embed.js's estimate is heightAt() of the snippet's heights at the frame's width …
      const m = await settle(
        () => measure(frame),
        (x) => Math.abs(x.width - x.column) <= 1 && x.iframe === heightAt(steps, Math.round(x.width)),
      );
      expect(m.iframe, `the estimate at ${m.width} px`).toBe(heightAt(steps, Math.round(m.width)));
      expect(Math.abs(m.width - m.column), `width at ${width}`).toBeLessThanOrEqual(1);
      // … and that is within 10% of the document's real height at that width (scripts off).
      const truth = await real(Math.round(m.width));
      estimates.push(`${Math.round(m.width)} px: estimate ${m.iframe}, document ${truth}`);
      expect.soft(Math.abs(m.iframe - truth) / truth, estimates.join('; ')).toBeLessThanOrEqual(0.1);
    }
    await noJs.close();
    expect(unexpected([blocked], [blocked])).toEqual([]);
  });

  it("on a host whose CSP is script-src 'self': the frame keeps its height attribute and takes the column's width", async () => {
    // The host's policy refuses embed.js, and Chrome says so (unavoidable: the code has the script).
    const refused =
      /Loading the script '[^']*\/embed\.js' violates the following Content Security Policy directive: "script-src 'self'"/;
    const height = env.oembed.get(chartId)!.height;
    const attribute: Expectation = () => height;
    expect(
      await scenario('csp-self.html', attribute, { allowed: [refused], required: [refused], forge: true }),
    ).toEqual([]);
  });

  it('on a host with exactly the policy the gallery advises', async () => {
    expect(galleryCsp).toBe(
      `default-src 'self'; script-src 'self' ${env.distOrigin}; frame-src 'self' ${env.distOrigin}`,
    );
    const response = await tab.request.get(`${host.url}csp-gallery.html`);
    expect(response.headers()['content-security-policy']).toBe(galleryCsp);
    expect(await scenario('csp-gallery.html', exact)).toEqual([]);
  });

  it('in WordPress (oEmbed through its filter, wp-embed.js, no embed.js); its link goes through wp-embed', async () => {
    expect(await scenario('wordpress.html', wordpress)).toEqual([]);
    const [frame] = await chartFrames();
    expect(
      await frame.evaluate((el) => [el.getAttribute('sandbox'), el.getAttribute('width'), el.getAttribute('style')]),
    ).toEqual(['allow-scripts', '100%', null]);
    // wp-embed.js's "ready" (it says so on DOMContentLoaded, usually before the chart has loaded): the
    // chart answers with its height at once.
    await frame.evaluate((el) => {
      const iframe = el as HTMLIFrameElement;
      iframe.height = '300';
      iframe.contentWindow!.postMessage({ message: 'ready', secret: iframe.getAttribute('data-secret') }, '*');
    });
    expectFitted(await settled(wordpress), wordpress, 'after "ready"');
    // "Full story": no new tab can open from WordPress's sandbox; wp-embed.js takes the tab there.
    const story = (await frame.contentFrame())!.locator('.embed-credit a');
    const href = (await story.getAttribute('href'))!;
    await Promise.all([tab.waitForURL(href, { timeout: 5000 }), story.click()]);
    expect(tab.url()).toBe(href);
  });

  it("with Datawrapper's older listener: a widget whose address contains the chart id keeps its height", async () => {
    // Datawrapper's listener takes any frame's word (no check of the source): no forger here.
    expect(await scenario('datawrapper.html', exact, { forge: false })).toEqual([]);
    // The old key (the chart id) would have sized the widget, the first iframe whose src contains it.
    expect(await tab.evaluate((id) => document.querySelector(`iframe[src*='${id}']`)?.id, chartId)).toBe('widget');
    expect(await tab.$eval('#widget', (el) => el.clientHeight)).toBe(120);
  });
});

describe('embed.js', () => {
  it('estimates a height between the steps of data-heights as heightAt() does, at every width', async () => {
    await load('null-origin.html', 1280);
    const steps = [
      { width: 320, height: 2000 },
      { width: 640, height: 1000 },
      { width: 1280, height: 500 },
    ];
    // A frame that never reports (no page in it): only the estimate sizes it.
    await tab.evaluate(
      (heights) => {
        const box = document.createElement('div');
        box.id = 'box';
        const frame = document.createElement('iframe');
        frame.id = 'estimated';
        frame.title = 'Estimated';
        frame.setAttribute('data-timeline-explainer', '');
        frame.setAttribute('data-heights', heights);
        box.append(frame);
        document.querySelector('main')!.prepend(box);
      },
      steps.map((x) => `${x.width}:${x.height}`).join(' '),
    );
    for (const width of [200, 320, 400, 639, 640, 1000, 1280, 1500]) {
      await tab.$eval('#box', (el, w) => ((el as HTMLElement).style.width = `${w}px`), width);
      expect(
        await settle(
          () => tab.$eval('#estimated', (el) => el.getBoundingClientRect().height),
          (h) => h === heightAt(steps, width),
        ),
        `at ${width} px`,
      ).toBe(heightAt(steps, width));
    }
  });

  it('takes origin "null" only from its own frame sandboxed without allow-same-origin', async () => {
    await load('null-origin.html', 1280);
    const height = (id: string) => tab.$eval(`#${id}`, (el) => el.getBoundingClientRect().height);
    expect(
      await settle(
        () => height('opaque'),
        (h) => h === 77,
      ),
    ).toBe(77);
    await tab.waitForTimeout(500);
    expect([await height('same'), await height('plain')]).toEqual([100, 100]);
    expect(errors).toEqual([]);
  });
});
