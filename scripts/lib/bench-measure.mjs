// The parts of the benchmark measured in Node: the real build's page weights and the timeline's layout
// timings, each with its report rows.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildInfo, pageBudget } from './site-check.mjs';
import { layoutTimings } from './bench-layout.mjs';
import { payloadOf } from './bench-sites.mjs';
import { BUDGET, kb, ms } from './bench-report.mjs';

/** @typedef {import('./bench-report.mjs').Bench} Bench */

/** The heaviest page (by bytes) of the folder `dir` of the build: the worst case of its template, whatever the story. */
export function heaviestIn(/** @type {string} */ realDist, /** @type {string} */ dir) {
  if (!existsSync(join(realDist, dir))) return undefined;
  let best;
  let bestSize = -1;
  for (const d of readdirSync(join(realDist, dir), { withFileTypes: true })) {
    const page = join(realDist, dir, d.name, 'index.html');
    if (!d.isDirectory() || !existsSync(page)) continue;
    const size = statSync(page).size;
    if (size > bestSize) [best, bestSize] = [`${dir}/${d.name}/index.html`, size];
  }
  return best;
}

/** Page weights (gzipped HTML, CSS, JS) of one page of each type of the real build. */
export async function measureWeights(/** @type {Bench} */ bench) {
  const realDist = bench.real.dist;
  if (!bench.real.ok) throw new Error('the real build failed');
  const info = buildInfo(realDist);
  const pages = {
    home: 'index.html',
    event: heaviestIn(realDist, 'events'),
    embed: heaviestIn(realDist, 'embed'),
    table: existsSync(join(realDist, 'table', 'index.html')) ? 'table/index.html' : undefined,
  };
  bench.results.weights = {};
  for (const [type, page] of Object.entries(pages)) {
    if (!page) {
      bench.rows.push({
        area: 'Page weight',
        figure: `${type}: page`,
        value: 'not in the build',
        budget: 'exists',
        ok: false,
      });
      continue;
    }
    const b = pageBudget(realDist, page, { base: info.base, site: info.site });
    bench.results.weights[type] = { page, ...b };
    weightRows(bench, type, page, b);
  }
  bench.say('Page weights measured');
}

function weightRows(
  /** @type {Bench} */ bench,
  /** @type {string} */ type,
  /** @type {string} */ page,
  /** @type {ReturnType<typeof pageBudget>} */ b,
) {
  const files = (/** @type {number} */ n) => `${n} ${n === 1 ? 'file' : 'files'}`;
  const label = `${type} (${page.replace(/index\.html$/, '') || '/'})`;
  bench.rows.push({
    area: 'Page weight',
    figure: `${label}: HTML gz`,
    value: kb(b.html),
    budget: type === 'home' ? `≤ ${kb(BUDGET.homeHtml)}` : 'report only',
    ok: type === 'home' ? b.html <= BUDGET.homeHtml : null,
  });
  bench.rows.push({
    area: 'Page weight',
    figure: `${label}: CSS gz`,
    value: kb(b.css),
    budget: `≤ ${kb(BUDGET.css)}`,
    ok: b.css <= BUDGET.css,
  });
  bench.rows.push({
    area: 'Page weight',
    figure: `${label}: JS up front gz`,
    value: `${kb(b.jsInitial)} (${files(b.files.jsInitial.length)})`,
    budget: `≤ ${kb(BUDGET.jsInitial)}`,
    ok: b.jsInitial <= BUDGET.jsInitial,
  });
  bench.rows.push({
    area: 'Page weight',
    figure: `${label}: JS in all gz`,
    value: `${kb(b.jsAll)} (${files(b.files.jsInitial.length + b.files.jsLazy.length)})`,
    budget: `≤ ${kb(BUDGET.jsAll)}`,
    ok: b.jsAll <= BUDGET.jsAll,
  });
}

/** Layout timings in Node of 10,000 events, with the options the 1,000-event build gave its home chart. */
export async function measureLayout(/** @type {Bench} */ bench) {
  // The options the build gave the home chart's variants (Timeline.astro), without its data-specific ones.
  /** @type {Record<string, any>} */
  const options = {};
  if (bench.gen1k.ok) {
    for (const v of payloadOf(readFileSync(join(bench.gen1k.dist, 'index.html'), 'utf8'))?.variants ?? []) {
      const { highlighted, periods, domain, visibleTracks, ...generic } = v.options;
      options[v.name] = generic;
    }
  }
  bench.say(`Layout timings in Node (options ${options.wide ? 'from the build' : 'of bench-layout.mjs'}) …`);
  const t = await layoutTimings({
    count: 10_000,
    zoomCount: 5_000,
    runs: 20,
    ...(options.wide ? { wideOptions: options.wide } : {}),
    ...(options.narrow ? { narrowOptions: options.narrow } : {}),
  });
  bench.results.layout = t;
  const fig = (/** @type {{ median: number, best: number, cpuMedian: number, runs: number }} */ x) =>
    `${ms(x.median)} median of ${x.runs} (best ${ms(x.best)}; CPU time ${ms(x.cpuMedian)})`;
  bench.rows.push({
    area: 'Layout (Node)',
    figure: `layoutTimeline, 10,000 events, ${t.options.wide.width} px ${t.options.wide.orientation ?? 'horizontal'}`,
    value: fig(t.wide),
    budget: `≤ ${BUDGET.layoutMs} ms`,
    ok: t.wide.median <= BUDGET.layoutMs,
  });
  bench.rows.push({
    area: 'Layout (Node)',
    figure: `layoutTimeline, 10,000 events, ${t.options.narrow.width} px ${t.options.narrow.orientation}`,
    value: fig(t.narrow),
    budget: `≤ ${BUDGET.layoutMs} ms`,
    ok: t.narrow.median <= BUDGET.layoutMs,
  });
  bench.rows.push({
    area: 'Layout (Node)',
    figure: `zoom re-layout (layoutPrepared), 5,000 prepared events, ${t.options.wide.width} px`,
    value: fig(t.zoom),
    budget: 'report only (part of the 16 ms frame)',
    ok: null,
  });
  bench.say(
    `  10k wide ${ms(t.wide.median)} (best ${ms(t.wide.best)}), narrow ${ms(t.narrow.median)} (best ${ms(t.narrow.best)}), zoom 5k ${ms(t.zoom.median)}`,
  );
}
