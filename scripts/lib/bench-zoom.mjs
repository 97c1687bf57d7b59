// The benchmark's zoom frames: a timeline in Chromium (playwright-core), zoomed step by step by ctrl+wheel,
// by its buttons or by keys, each step timed to the frame that draws it.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { median } from './bench-layout.mjs';

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
 * In the page: `steps` zoom steps on the chart (half in, half back out), by `input`: ctrl+wheel on the
 * chart's SVG about the plot's centre, a click on its "+" and "−" buttons, or the "+" and "-" keys on
 * the SVG. For each: the input's handler (d3-zoom), then the frame that draws it — from the
 * start of its animation-frame callbacks until after style, layout and paint. A probe callback
 * registered just before the wheel event runs first in that frame (callbacks run in the order they
 * were registered; the chart's render is next); a message posted from the last callback runs
 * after the frame's rendering. (The rAF timestamp is not used as the start: it is the frame's
 * begin time, which can be before the wheel event was even dispatched.)
 */
async function zoomInPage(
  /** @type {{ steps: number, deltaY: number, input: 'wheel' | 'button' | 'key' }} */ { steps, deltaY, input },
) {
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
    // Where measureZoom moved the mouse: across the chart, 55 % of its width; down it, the middle of the part on
    // the screen (a tall phone chart's middle is below it); whole pixels, as a mouse's.
    const clientX = Math.round(box.left + box.width * 0.55);
    const clientY = Math.round((Math.max(box.top, 0) + Math.min(box.bottom, innerHeight)) / 2);
    const marksBefore = svg.querySelectorAll('.tl-marks > *').length;
    probe();
    const zoomIn = i < steps / 2;
    const t0 = performance.now();
    if (input === 'button')
      /** @type {HTMLButtonElement} */ (root.querySelector(`button[data-zoom="${zoomIn ? 'in' : 'out'}"]`)).click();
    else if (input === 'key')
      // On the focused mark, as a key press is (measureZoom focuses the chart's tab stop).
      (svg.contains(document.activeElement) ? /** @type {Element} */ (document.activeElement) : svg).dispatchEvent(
        new KeyboardEvent('keydown', { key: zoomIn ? '+' : '-', bubbles: true, cancelable: true }),
      );
    else
      svg.dispatchEvent(
        new WheelEvent('wheel', {
          ctrlKey: true,
          deltaY: zoomIn ? -deltaY : deltaY,
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
 * frames: `rounds` rounds of `steps` steps by `input` (zoomInPage).
 * @param {{ executablePath: string, url: string, viewport: { width: number, height: number }, steps?: number,
 *   rounds?: number, input?: 'wheel' | 'button' | 'key' }} o
 */
export async function measureZoom({
  executablePath,
  url,
  viewport,
  steps = 20,
  rounds: roundCount = 3,
  input = 'wheel',
}) {
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
    // Settle: let the first render and any idle work finish. Then the reader comes to the chart, which
    // starts the chart's rehearsal of its zoom path (timeline-rehearsal.ts): the pointer, before a ctrl+wheel
    // or a click, or the keyboard's focus, before a key. The first step is measured once the rehearsal is done
    // (at most 2 s), and how long that took is reported.
    await page.waitForTimeout(500);
    const chart = page.locator('timeline-chart[data-ready]').first();
    if (input === 'key') await chart.locator('svg.tl:visible [tabindex="0"]').first().focus();
    else if (input === 'button') await chart.hover({ position: { x: 2, y: 2 } });
    else {
      // The mouse comes to where it will turn the wheel (zoomInPage's point), as a reader's does: a ctrl+wheel
      // notch zooms about the pointer, and the chart lays out the window of one where the mouse rests.
      const at = await page.evaluate(() => {
        const root = /** @type {HTMLElement} */ (document.querySelector('timeline-chart[data-ready]'));
        const svg = [...root.querySelectorAll('.tl-variant svg')].find((s) => s.getBoundingClientRect().width > 0);
        const box = /** @type {SVGSVGElement} */ (svg).getBoundingClientRect();
        return {
          x: Math.round(box.left + box.width * 0.55),
          y: Math.round((Math.max(box.top, 0) + Math.min(box.bottom, innerHeight)) / 2),
        };
      });
      await page.mouse.move(at.x, at.y);
    }
    const warmStart = Date.now();
    const warm = await page
      .waitForSelector('timeline-chart[data-ready][data-warm]', { timeout: 2000 })
      .then(() => true)
      .catch(() => false);
    const warmMs = Date.now() - warmStart;
    // Rounds of `steps` (in and back out; three for the wheel), so one slow moment of a busy machine moves the median less.
    const rounds = [];
    for (let i = 0; i < roundCount; i++) rounds.push(await page.evaluate(zoomInPage, { steps, deltaY: 100, input }));
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
