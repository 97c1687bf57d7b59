// The parts of the benchmark measured in Chromium — Lighthouse, the home chart's legibility and zoom
// frames — each with its report rows. The browser work itself is in bench-browser.mjs and bench-zoom.mjs.
import { startServer } from '../serve.mjs';
import { launchDebuggableChromium, measureLegibility, runLighthouse } from './bench-browser.mjs';
import { combineZoom, measureZoom } from './bench-zoom.mjs';
import { zoomPage } from './bench-sites.mjs';
import { heaviestIn } from './bench-measure.mjs';
import { BUDGET, LH_GOOD, ms, secs } from './bench-report.mjs';

/** @typedef {import('./bench-report.mjs').Bench} Bench */

const VIEWPORTS = /** @type {const} */ ([
  ['wide', { width: 1280, height: 800 }],
  // An article column: the column variant (its tracks share their lanes).
  ['column', { width: 640, height: 900 }],
  ['narrow', { width: 390, height: 844 }],
]);

/** Lighthouse, mobile and desktop, on the real build's home, event and embed pages. */
export async function lighthouse(/** @type {Bench} */ bench) {
  if (!bench.real.ok) throw new Error('the real build failed');
  const { results } = bench;
  // The pages whose weights were measured (the heaviest of their kind), or found the same way.
  const event = results.weights?.event?.page ?? heaviestIn(bench.real.dist, 'events') ?? 'index.html';
  const embed = results.weights?.embed?.page ?? heaviestIn(bench.real.dist, 'embed') ?? 'index.html';
  const pages = [
    ['home', ''],
    ['event', event.replace(/index\.html$/, '')],
    ['embed', embed.replace(/index\.html$/, '')],
  ];
  const chrome = await launchDebuggableChromium(bench.chromiumPath);
  bench.cleanups.push(chrome.stop);
  results.lighthouse = [];
  try {
    for (const form of /** @type {const} */ (['mobile', 'desktop'])) {
      for (const [type, path] of pages) {
        bench.say(`Lighthouse ${form}: ${type} (/${path}) …`);
        const r = await runLighthouse({ url: bench.real.url + path, port: chrome.port, form });
        results.lighthouse.push({ type, ...r });
        lighthouseRows(bench, form, type, path, r);
      }
    }
  } finally {
    await chrome.stop();
    bench.cleanups.splice(bench.cleanups.indexOf(chrome.stop), 1);
  }
}

function lighthouseRows(
  /** @type {Bench} */ bench,
  /** @type {string} */ form,
  /** @type {string} */ type,
  /** @type {string} */ path,
  /** @type {Awaited<ReturnType<typeof runLighthouse>>} */ r,
) {
  const s = r.scores;
  const m = r.metrics;
  // Embed pages are noindex, with the story as their canonical URL, on purpose: SEO does not apply.
  const seoApplies = type !== 'embed';
  const scoreMiss = Object.entries(s)
    .filter(([k]) => seoApplies || k !== 'seo')
    .filter(([, v]) => v === null || v < LH_GOOD.score)
    .map(([k]) => k);
  bench.rows.push({
    area: `Lighthouse ${form}`,
    figure: `${type} (/${path}): scores perf · a11y · best practices · SEO`,
    value: r.runtimeError
      ? `error: ${r.runtimeError}`
      : `${s.performance} · ${s.accessibility} · ${s['best-practices']} · ${s.seo}`,
    budget: seoApplies
      ? `each ≥ ${LH_GOOD.score} (guide)`
      : `each ≥ ${LH_GOOD.score} (guide; SEO n/a: noindex by design)`,
    ok: !r.runtimeError && scoreMiss.length === 0,
    note: r.failing.length ? `audits below 0.9: ${r.failing.map((a) => a.id).join(', ')}` : undefined,
  });
  const metricMiss = [
    (m.fcp ?? Infinity) > LH_GOOD.fcp && 'FCP',
    (m.lcp ?? Infinity) > LH_GOOD.lcp && 'LCP',
    (m.tbt ?? Infinity) > LH_GOOD.tbt && 'TBT',
    (m.cls ?? Infinity) > LH_GOOD.cls && 'CLS',
  ].filter(Boolean);
  bench.rows.push({
    area: `Lighthouse ${form}`,
    figure: `${type}: FCP · LCP · TBT · CLS`,
    value: `${ms(m.fcp ?? NaN)} · ${ms(m.lcp ?? NaN)} · ${ms(m.tbt ?? NaN)} · ${(m.cls ?? NaN).toFixed(3)}`,
    budget: `≤ ${secs(LH_GOOD.fcp)} · ≤ ${secs(LH_GOOD.lcp)} · ≤ ${LH_GOOD.tbt} ms · ≤ ${LH_GOOD.cls} (guide)`,
    ok: metricMiss.length === 0,
    note: metricMiss.length ? `over: ${metricMiss.join(', ')}` : undefined,
  });
  bench.say(
    `  ${Object.values(s).join('/')} · FCP ${ms(m.fcp ?? NaN)} LCP ${ms(m.lcp ?? NaN)} TBT ${ms(m.tbt ?? NaN)} CLS ${(m.cls ?? NaN).toFixed(3)} (${r.seconds.toFixed(0)} s)`,
  );
}

/** Legibility of the real site's home chart at 390 and 1280 px. */
export async function legibility(/** @type {Bench} */ bench) {
  if (!bench.real.ok) throw new Error('the real build failed');
  bench.say("Legibility of the home page's main chart at 390, 640 and 1280 px (tests/e2e/legibility.mjs) …");
  const runs = await measureLegibility({
    executablePath: bench.chromiumPath,
    url: bench.real.url,
    viewports: [
      { width: 390, height: 844 },
      { width: 640, height: 900 },
      { width: 1280, height: 800 },
    ],
  });
  bench.results.legibility = runs;
  for (const r of runs) {
    const bad = r.cut + r.overlaps + r.labelOnMark + r.covered + r.undersized + (r.horizontalScroll ? 1 : 0);
    bench.rows.push({
      area: 'Legibility (Chromium)',
      figure: `home page, main chart (${r.chart}), ${r.viewport.width} px, full view`,
      value:
        `${r.labels} of ${r.marks} marks labelled · ${r.cut} labels cut · ${r.overlaps} overlapping label pairs` +
        ` (+ ${r.labelOnMark} over a mark) · ${r.covered} covered marks · ${r.undersized} undersized targets` +
        (r.horizontalScroll ? ' · scrolls sideways' : ''),
      budget: 'all 0 but the labels shown',
      ok: bad === 0,
    });
    bench.say(
      `  ${r.viewport.width} px: ${r.labels} labels, ${r.cut} cut, ${r.overlaps} overlapping, ${r.covered} covered, ${r.undersized} undersized`,
    );
  }
}

/**
 * Page loads per viewport. The first step after a load is one sample per load, and one sample spread
 * ±50 % on this machine: its figure is the median of the loads' first steps, beside the worst.
 */
const LOADS = { real: 3, generated: 5 };

/**
 * The ways a reader zooms, each measured on loads of its own (only one input can take a load's first step):
 * ctrl+wheel in three rounds of 20 steps a load, and the "+" and "−" buttons and keys in one round of 10
 * (each of their steps is a wheel notch's, one ZOOM_STEP, about the middle instead of the pointer).
 */
const INPUTS = /** @type {const} */ ([
  ['wheel', 'ctrl+wheel', { steps: 20, rounds: 3 }],
  ['button', '+/− button', { steps: 10, rounds: 1 }],
  ['key', '+/− key', { steps: 10, rounds: 1 }],
]);

/** Zoom frames in Chromium: the real site's home chart, then the generated chart of about 5,000 events. */
export async function zoom(/** @type {Bench} */ bench) {
  const { dist, path, source } = zoomPage(bench);
  bench.notes.push(`Zoom frames were measured on /${path} of the ${source}, and on the real site's home page.`);
  const site = await startServer({ root: dist, base: '/', port: 0 });
  try {
    bench.results.zoom = { source, page: path, loads: LOADS, runs: {} };
    // The real site's main chart (its ~70 events) first: the small case the brief names beside the large one.
    if (bench.real.ok) {
      const real = await loads(bench, "the real site's home page", bench.real.url, LOADS.real);
      for (const [input, how] of INPUTS)
        for (const [name, viewport] of VIEWPORTS) {
          const z = real[`${input}:${name}`];
          bench.results.zoom.runs[input === 'wheel' ? `real-${name}` : `real-${input}-${name}`] = z;
          firstAndMedianRow(
            bench,
            `${how} zoom frame, the real site (${z.events} events), ${name} (${viewport.width} px)`,
            z,
          );
        }
    }
    const generated = await loads(bench, source, site.url + path, LOADS.generated);
    for (const [name, viewport] of VIEWPORTS) {
      bench.results.zoom.runs[name] = generated[`wheel:${name}`];
      zoomRows(bench, name, viewport, generated[`wheel:${name}`]);
    }
    for (const [input, how] of INPUTS.slice(1))
      for (const [name, viewport] of VIEWPORTS) {
        const z = generated[`${input}:${name}`];
        bench.results.zoom.runs[`${input}-${name}`] = z;
        firstAndMedianRow(
          bench,
          `${how} zoom frame, ${z.events.toLocaleString('en')} events, ${name} (${viewport.width} px)`,
          z,
        );
      }
    const w = bench.results.zoom.runs.wide;
    if (w) {
      bench.rows.push({
        area: 'Zoom (Chromium)',
        figure: `${w.events.toLocaleString('en')} events: chart ready (load → data-ready), wide`,
        value: `${ms(w.readyMs)} · longest task ${ms(w.longestMountTask)}`,
        budget: 'report only',
        ok: null,
      });
    }
  } finally {
    await site.close();
  }
}

/** A row of a zoom run's first step (the median of its loads') and its steps' median, each within the frame budget. */
function firstAndMedianRow(
  /** @type {Bench} */ bench,
  /** @type {string} */ what,
  /** @type {ReturnType<typeof combineZoom>} */ z,
) {
  bench.rows.push({
    area: 'Zoom (Chromium)',
    figure: `${what}: first step / median`,
    value: `${ms(z.first)} / ${ms(z.median)} median of ${z.steps} (worst ${ms(z.worst)}; ${firsts(z)}; ${warmth(z)})`,
    budget: `≤ ${BUDGET.frameMs} ms`,
    ok: z.first <= BUDGET.frameMs && z.median <= BUDGET.frameMs,
  });
}

/**
 * `count` loads of `url` for each input at each viewport, the viewports and inputs taking turns (so a busy
 * moment of the machine falls on all of them, not on one), each load's zoom run combined by input and
 * viewport ("wheel:narrow"; combineZoom).
 */
async function loads(
  /** @type {Bench} */ bench,
  /** @type {string} */ what,
  /** @type {string} */ url,
  /** @type {number} */ count,
) {
  /** @type {Record<string, Awaited<ReturnType<typeof measureZoom>>[]>} */
  const runs = {};
  for (let i = 0; i < count; i++)
    for (const [input, how, { steps, rounds }] of INPUTS)
      for (const [name, viewport] of VIEWPORTS) {
        bench.say(`Zoom frames in Chromium (${how}, ${name}, ${what}), load ${i + 1} of ${count} …`);
        const z = await measureZoom({ executablePath: bench.chromiumPath, url, viewport, steps, rounds, input });
        (runs[`${input}:${name}`] ??= []).push(z);
      }
  return Object.fromEntries(Object.entries(runs).map(([key, zs]) => [key, combineZoom(zs)]));
}

/** "first steps 9.1–14.2 ms over 5 loads": the spread behind a first-step median. */
function firsts(/** @type {{ firsts: number[] }} */ z) {
  const n = z.firsts.length;
  return n > 1
    ? `first steps ${ms(Math.min(...z.firsts))}–${ms(Math.max(...z.firsts))} over ${n} loads`
    : 'first step of one load';
}

/** The rows (and notes) of one zoom run on the generated chart. */
function zoomRows(
  /** @type {Bench} */ bench,
  /** @type {string} */ name,
  /** @type {{ width: number }} */ viewport,
  /** @type {Awaited<ReturnType<typeof measureZoom>>} */ z,
) {
  bench.rows.push({
    area: 'Zoom (Chromium)',
    figure: `first ctrl+wheel zoom step after the chart is ready, ${z.events.toLocaleString('en')} events, ${name}`,
    value: `${ms(z.first)} median (${firsts(z)}; ${warmth(z)})`,
    budget: `≤ ${BUDGET.frameMs} ms`,
    ok: z.first <= BUDGET.frameMs,
  });
  if (z.errors.length)
    bench.notes.push(`Errors in the page during the ${name} zoom run: ${z.errors.slice(0, 3).join(' | ')}`);
  bench.rows.push({
    area: 'Zoom (Chromium)',
    figure: `ctrl+wheel zoom frame, ${z.events.toLocaleString('en')} events, ${name} (${viewport.width} px)`,
    value:
      `${ms(z.median)} median of ${z.steps} (best ${ms(z.best)}, worst ${ms(z.worst)}; ` +
      `script ${ms(z.medianHandler + z.medianScript)} [layout ${ms(z.medianLayout)}, model ${ms(z.medianModel)}, DOM ${ms(z.medianDom)}], ` +
      `style/layout/paint ${ms(z.medianRendering)})`,
    budget: `≤ ${BUDGET.frameMs} ms`,
    ok: z.median <= BUDGET.frameMs,
  });
  bench.say(
    `  ${name}: median ${ms(z.median)}, ready after ${ms(z.readyMs)}, longest load task ${ms(z.longestMountTask)}, frames > 50 ms: ${z.longFrames.length}`,
  );
}

/** When the chart's rehearsals were done after the pointer came to it (measureZoom; the slowest load). */
function warmth(/** @type {{ warmMs: number | null }} */ z) {
  return z.warmMs === null ? 'not warm 2 s after the pointer came' : `warm ${z.warmMs} ms after the pointer came`;
}
