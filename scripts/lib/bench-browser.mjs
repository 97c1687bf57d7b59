// The benchmark's browser parts: zoom frames of a timeline in Chromium (playwright-core), and
// Lighthouse against a Chromium launched here with a DevTools port.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { median } from './bench-layout.mjs';
import { checkLegibility, legibilityFailures, legibilityTotals } from '../../tests/e2e/legibility.mjs';

// ─── Zoom frames ──────────────────────────────────────────────────────────────

// Collected from the start of the page: long tasks (> 50 ms) and long animation frames.
const OBSERVE = () => {
  const w = /** @type {any} */ (window);
  w.__bench = { longTasks: [], loaf: [] };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__bench.loaf.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'long-animation-frame', buffered: true });
  } catch {}
};

/**
 * In the page: `steps` ctrl+wheel zoom steps on the chart's SVG (half in, half back out, about the
 * plot's centre). For each: the wheel handler (d3-zoom), then the frame that draws it — from the
 * start of its animation-frame callbacks until after style, layout and paint. A probe callback
 * registered just before the wheel event runs first in that frame (callbacks run in the order they
 * were registered; the chart's render is next); a message posted from the last callback runs
 * after the frame's rendering. (The rAF timestamp is not used as the start: it is the frame's
 * begin time, which can be before the wheel event was even dispatched.)
 */
async function zoomInPage(/** @type {{ steps: number, deltaY: number }} */ { steps, deltaY }) {
  const root = /** @type {HTMLElement} */ (document.querySelector('timeline-chart[data-ready]'));
  const svg = /** @type {SVGSVGElement} */ (
    [...root.querySelectorAll('.tl-variant svg')].find((s) => s.getBoundingClientRect().width > 0)
  );
  /** @type {number} */
  let callbacksStart = 0;
  const probe = () => requestAnimationFrame(() => (callbacksStart = performance.now()));
  const nextFrame = () =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const afterCallbacks = performance.now();
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ callbacksStart, afterCallbacks, afterRender: performance.now() });
        channel.port2.postMessage(null);
      }),
    );
  const pause = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));
  const results = [];
  const w = /** @type {any} */ (window);
  const loafBefore = w.__bench.loaf.length;
  // The chart's render() (TimelineView, src/components/Timeline/timeline-view.ts) pushes
  // [layout, model, DOM update] ms here.
  w.__timelineRenders = [];
  await nextFrame();
  for (let i = 0; i < steps; i++) {
    const box = svg.getBoundingClientRect();
    const clientX = box.left + box.width * 0.55;
    const clientY = box.top + box.height * 0.5;
    const marksBefore = svg.querySelectorAll('.tl-marks > *').length;
    probe();
    const t0 = performance.now();
    svg.dispatchEvent(
      new WheelEvent('wheel', {
        ctrlKey: true,
        deltaY: i < steps / 2 ? -deltaY : deltaY,
        deltaMode: 0,
        clientX,
        clientY,
        bubbles: true,
        cancelable: true,
      }),
    );
    const t1 = performance.now();
    const rendersBefore = w.__timelineRenders.length;
    const f = /** @type {{ callbacksStart: number, afterCallbacks: number, afterRender: number }} */ (
      await nextFrame()
    );
    const split = w.__timelineRenders
      .slice(rendersBefore)
      .reduce((/** @type {number[]} */ a, /** @type {number[]} */ b) => a.map((x, j) => x + b[j]), [0, 0, 0]);
    results.push({
      layout: split[0],
      model: split[1],
      dom: split[2],
      handler: t1 - t0,
      script: f.afterCallbacks - f.callbacksStart,
      rendering: f.afterRender - f.afterCallbacks,
      frame: t1 - t0 + (f.afterRender - f.callbacksStart),
      marks: marksBefore,
    });
    await pause(30);
  }
  return {
    steps: results,
    domNodes: svg.querySelectorAll('*').length,
    longFrames: w.__bench.loaf.slice(loafBefore).map((/** @type {{ duration: number }} */ e) => e.duration),
    mountLongTasks: w.__bench.longTasks.map((/** @type {{ duration: number }} */ e) => e.duration),
  };
}

/**
 * Opens `url` in Chromium at the given viewport, waits for the timeline to be ready and measures zoom
 * frames: three rounds of `steps` ctrl+wheel steps.
 * @param {{ executablePath: string, url: string, viewport: { width: number, height: number }, steps?: number }} o
 */
export async function measureZoom({ executablePath, url, viewport, steps = 20 }) {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.addInitScript(OBSERVE);
    const t0 = Date.now();
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await page.locator('timeline-chart').first().scrollIntoViewIfNeeded();
    await page.waitForSelector('timeline-chart[data-ready]', { timeout: 120_000 });
    const readyMs = Date.now() - t0;
    // The chart's events: in its payload, or the events of its tracks in the file the payload names.
    const events = await page.evaluate(async () => {
      const el = document.querySelector('timeline-chart[data-ready] script.tl-payload');
      const payload = JSON.parse(el?.textContent || '{}');
      if (payload.events) return payload.events.length;
      const tracks = new Set(payload.tracks.map((/** @type {{ id: string }} */ t) => t.id));
      const file = await (await fetch(payload.eventsUrl)).json();
      return file.events.filter((/** @type {{ track: string }} */ e) => tracks.has(e.track)).length;
    });
    // Settle: let the first render and any idle work finish. Then the pointer comes to the chart, as a
    // reader's does before a ctrl+wheel, which starts the chart's rehearsal of its zoom path
    // (timeline-rehearsal.ts); the first step is measured once it is done (at most 2 s), and how long that
    // took is reported.
    await page.waitForTimeout(500);
    await page
      .locator('timeline-chart[data-ready]')
      .first()
      .hover({ position: { x: 2, y: 2 } });
    const warmStart = Date.now();
    const warm = await page
      .waitForSelector('timeline-chart[data-ready][data-warm]', { timeout: 2000 })
      .then(() => true)
      .catch(() => false);
    const warmMs = Date.now() - warmStart;
    // Three rounds of `steps` (in and back out), so one slow moment of a busy machine moves the median less.
    const rounds = [];
    for (let i = 0; i < 3; i++) rounds.push(await page.evaluate(zoomInPage, { steps, deltaY: 100 }));
    const r = {
      ...rounds[rounds.length - 1],
      steps: rounds.flatMap((x) => x.steps),
      longFrames: rounds.flatMap((x) => x.longFrames),
    };
    return {
      url,
      viewport,
      events,
      steps: r.steps.length,
      readyMs,
      // How long after the pointer came to the chart its rehearsals were done (or not within 2 s).
      warmMs: warm ? warmMs : null,
      // The very first step after the chart became interactive (the brief asks for it on its own:
      // a first step must not pay for lazy set-up).
      first: rounds[0].steps[0].frame,
      ...stepFigures(r.steps),
      marks: r.steps.map((s) => s.marks),
      domNodes: r.domNodes,
      longFrames: r.longFrames,
      longestMountTask: r.mountLongTasks.length ? Math.max(...r.mountLongTasks) : 0,
      errors,
      raw: r.steps,
    };
  } finally {
    await browser.close();
  }
}

/**
 * The figures of a run's zoom steps: the frame's median, best and worst, and the median of each part.
 * @param {{ frame: number, handler: number, script: number, rendering: number, layout: number, model: number, dom: number }[]} steps
 */
function stepFigures(steps) {
  const pick = (/** @type {keyof (typeof steps)[number]} */ k) => steps.map((s) => s[k]);
  return {
    median: median(pick('frame')),
    best: Math.min(...pick('frame')),
    worst: Math.max(...pick('frame')),
    medianHandler: median(pick('handler')),
    medianScript: median(pick('script')),
    medianRendering: median(pick('rendering')),
    medianLayout: median(pick('layout')),
    medianModel: median(pick('model')),
    medianDom: median(pick('dom')),
  };
}

/**
 * Several loads' zoom runs (measureZoom) as one: the first step is the median of the loads' first steps
 * (`firsts` keeps each), the step figures are over every load's steps, the warm-up is the slowest load's
 * (null if one load never got warm), and errors and long frames are all the loads'.
 * @param {Awaited<ReturnType<typeof measureZoom>>[]} zs
 */
export function combineZoom(zs) {
  const steps = zs.flatMap((z) => z.raw);
  const firsts = zs.map((z) => z.first);
  const warm = zs.map((z) => z.warmMs);
  return {
    ...zs[zs.length - 1],
    steps: steps.length,
    loads: zs.length,
    readyMs: median(zs.map((z) => z.readyMs)),
    warmMs: warm.includes(null) ? null : Math.max(.../** @type {number[]} */ (warm)),
    first: median(firsts),
    firsts,
    ...stepFigures(steps),
    marks: zs.flatMap((z) => z.marks),
    longFrames: zs.flatMap((z) => z.longFrames),
    longestMountTask: Math.max(...zs.map((z) => z.longestMountTask)),
    errors: zs.flatMap((z) => z.errors),
    raw: steps,
  };
}

// ─── Legibility ──────────────────────────────────────────────────────────────

/**
 * The legibility checks of tests/e2e/legibility.mjs on a page's main chart (its first
 * <timeline-chart>) at full view, once it is interactive, at each viewport: labels shown, labels cut,
 * overlapping label pairs, labels over other marks, covered marks, undersized targets, sideways scroll.
 * @param {{ executablePath: string, url: string, viewports: { width: number, height: number }[] }} o
 */
export async function measureLegibility({ executablePath, url, viewports }) {
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const out = [];
    for (const viewport of viewports) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      const main = page.locator('timeline-chart').first();
      await main.scrollIntoViewIfNeeded();
      await main.and(page.locator('[data-ready]')).waitFor({ timeout: 120_000 });
      const chart = await main.getAttribute('data-chart');
      const r = await page.evaluate(checkLegibility, {
        frames: 2,
        charts: chart ? `timeline-chart[data-chart="${chart}"]` : 'timeline-chart',
      });
      const kinds = /** @type {const} */ (['cut', 'overlaps', 'labelOnMark', 'covered', 'undersized', 'scroll']);
      out.push({
        viewport,
        chart,
        ...legibilityTotals(r),
        // Every failure as a line naming the mark and the reason, by kind.
        failures: Object.fromEntries(kinds.map((k) => [k, legibilityFailures(r, 'full view', k)])),
      });
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

// ─── Lighthouse ──────────────────────────────────────────────────────────────

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolve(port));
    });
  });
}

/** Launches Chromium with a DevTools port and a fresh profile; resolves when the port answers. */
export async function launchDebuggableChromium(/** @type {string} */ executablePath) {
  const port = /** @type {number} */ (await freePort());
  const profile = mkdtempSync(join(tmpdir(), 'timeline-bench-lh-'));
  const child = spawn(
    executablePath,
    [...CHROMIUM_ARGS, `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, 'about:blank'],
    {
      stdio: 'ignore',
    },
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 3000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(profile, { recursive: true, force: true });
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/json/version`);
      if (res.ok) return { port, stop, version: /** @type {{ Browser: string }} */ (await res.json()).Browser };
    } catch {
      /* not yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`Chromium did not open its DevTools port ${port}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
};

/**
 * Lighthouse (simulated throttling) on `url`, mobile (the default config) or desktop.
 * @param {{ url: string, port: number, form: 'mobile' | 'desktop' }} o
 */
export async function runLighthouse({ url, port, form }) {
  const { default: lighthouse } = await import('lighthouse');
  const config = form === 'desktop' ? (await import('lighthouse/core/config/desktop-config.js')).default : undefined;
  const flags = {
    port,
    output: /** @type {'json'} */ ('json'),
    logLevel: /** @type {'error'} */ ('error'),
    onlyCategories: CATEGORIES,
    // Screenshots cost time on two cores and change no score.
    skipAudits: ['screenshot-thumbnails', 'final-screenshot', 'full-page-screenshot'],
  };
  const t0 = performance.now();
  const result = await lighthouse(url, flags, config);
  const lhr = result?.lhr;
  if (!lhr) throw new Error(`Lighthouse returned no result for ${url}`);
  /** @type {Record<string, number | null>} */
  const scores = {};
  for (const c of CATEGORIES)
    scores[c] = lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100);
  /** @type {Record<string, number | null>} */
  const metrics = {};
  for (const [k, id] of Object.entries(METRICS)) metrics[k] = lhr.audits[id]?.numericValue ?? null;
  // The audits that cost points, for the report.
  const failing = Object.values(lhr.audits)
    .filter(
      (a) =>
        a.score !== null &&
        a.score < 0.9 &&
        a.scoreDisplayMode !== 'informative' &&
        a.scoreDisplayMode !== 'manual' &&
        a.scoreDisplayMode !== 'notApplicable',
    )
    .filter((a) => CATEGORIES.some((c) => lhr.categories[c]?.auditRefs.some((r) => r.id === a.id && r.weight > 0)))
    .map((a) => ({ id: a.id, title: a.title, score: a.score, displayValue: a.displayValue }));
  return {
    url,
    form,
    scores,
    metrics,
    failing,
    runtimeError: lhr.runtimeError?.message,
    warnings: lhr.runWarnings ?? [],
    seconds: (performance.now() - t0) / 1000,
    lighthouseVersion: lhr.lighthouseVersion,
  };
}
