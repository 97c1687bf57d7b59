// Layout timings in Node: src/lib/timeline/layout/ on the seeded dense data of
// tests/fixtures/timeline/generate.ts, with the options Timeline.astro uses for its two variants.
import { importTs } from './import-ts.mjs';
import { loadGenerator } from './bench-content.mjs';

/**
 * The options of the site's wide and narrow variants (src/lib/timeline/variants.ts, as chart-variants.ts
 * gives them to a chart without focus), when no build says otherwise; the wide one capped at 640 units.
 */
async function siteOptions(/** @type {number} */ events) {
  const { TIMELINE_VARIANTS } = await importTs('src/lib/timeline/variants.ts');
  const { textWidthFactor, variantOptions } = TIMELINE_VARIANTS;
  return {
    wide: { ...variantOptions.wide, textWidthFactor, maxHeight: 640 },
    narrow: { ...variantOptions.narrow, textWidthFactor, length: variantOptions.narrowLength(events, 0, false) },
  };
}

export const median = (/** @type {number[]} */ xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Times `fn` `runs` times after `warmup` untimed calls: { median, best, worst, runs } in ms of wall time,
 * and cpuMedian: the process's CPU time per run (user + system, all threads), which other processes on
 * a busy machine do not inflate the way they inflate wall time.
 */
function time(/** @type {() => unknown} */ fn, runs = 20, warmup = 3) {
  for (let i = 0; i < warmup; i++) fn();
  /** @type {number[]} */
  const ms = [];
  /** @type {number[]} */
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn();
    ms.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
  }
  return { median: median(ms), best: Math.min(...ms), worst: Math.max(...ms), cpuMedian: median(cpu), runs };
}

let layoutModule;
export async function loadLayout() {
  layoutModule ??= await importTs('src/lib/timeline/layout/index.ts');
  return layoutModule;
}

/**
 * layoutTimeline of `count` events, wide and narrow; layoutPrepared of `zoomCount` prepared events
 * over a sequence of zoom windows (each run a new domain, as on a zoom frame).
 */
export async function layoutTimings({
  count = 10_000,
  zoomCount = 5_000,
  runs = 20,
  wideOptions = undefined,
  narrowOptions = undefined,
} = {}) {
  const site = wideOptions && narrowOptions ? undefined : await siteOptions(count);
  wideOptions ??= site?.wide;
  narrowOptions ??= site?.narrow;
  const { layoutTimeline, layoutPrepared, prepareTimeline } = await loadLayout();
  const { denseEvents, DENSE_TRACKS } = await loadGenerator();
  const events = denseEvents(count);
  const wideLayout = layoutTimeline(events, DENSE_TRACKS, wideOptions);
  const wide = time(() => layoutTimeline(events, DENSE_TRACKS, wideOptions), runs);
  const narrowLayout = layoutTimeline(events, DENSE_TRACKS, narrowOptions);
  const narrow = time(() => layoutTimeline(events, DENSE_TRACKS, narrowOptions), runs);

  const zoomEvents = denseEvents(zoomCount);
  const prepared = prepareTimeline(zoomEvents, DENSE_TRACKS);
  const [f0, f1] = prepared.fullDomain;
  const base = { ...wideOptions, fullDomain: prepared.fullDomain };
  layoutPrepared(prepared, base);
  // Windows from the whole period down to 1/16 of it, centred a little right of the middle.
  let step = 0;
  const nextDomain = () => {
    const k = 2 ** ((step++ % 17) / 4);
    const span = (f1 - f0) / k;
    const centre = f0 + (f1 - f0) * 0.55;
    return /** @type {[number, number]} */ ([centre - span / 2, centre + span / 2]);
  };
  const zoom = time(() => layoutPrepared(prepared, { ...base, domain: nextDomain() }), Math.max(runs, 34));
  return {
    events: count,
    options: { wide: wideOptions, narrow: narrowOptions },
    wide: {
      ...wide,
      marks: wideLayout.marks.length,
      labels: wideLayout.marks.filter((m) => m.label).length,
      clusters: wideLayout.clusters.length,
    },
    narrow: {
      ...narrow,
      marks: narrowLayout.marks.length,
      labels: narrowLayout.marks.filter((m) => m.label).length,
      clusters: narrowLayout.clusters.length,
    },
    zoom: { ...zoom, events: zoomCount },
  };
}
