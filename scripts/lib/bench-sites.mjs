// The sites the benchmark builds — the real one, and generated ones of 1,000 and 10,000 events — with their
// report rows, and what later parts read back from their pages (payloads, the home chart's mark labels).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ZOOM_CHART, writeDenseContent } from './bench-content.mjs';
import { timedBuild } from './bench-build.mjs';
import { loadLayout } from './bench-layout.mjs';
import { BUDGET, KB, kb, ms, secs } from './bench-report.mjs';

/** @typedef {import('./bench-report.mjs').Bench} Bench */

/** " · 110 images in 5.8 s" when the build drew images (src/integrations/images.ts). */
function imagesNote(/** @type {any} */ b) {
  return b.images ? ` · ${b.images.count} images in ${secs(b.images.ms)}` : '';
}

/** Builds the real site (content/) into bench.real.dist, for SITE_URL `siteUrl`. */
export async function buildReal(/** @type {Bench} */ bench, /** @type {string} */ siteUrl) {
  const { say, real } = bench;
  say('Building the site (astro build) …');
  const b = await timedBuild({
    label: 'real',
    outDir: real.dist,
    env: { SITE_URL: siteUrl },
    logFile: join(bench.logs, 'build-real.log'),
    log: say,
  });
  bench.results.builds.real = b;
  real.ok = b.ok && existsSync(join(real.dist, 'index.html'));
  say(`  real site: ${b.ok ? `${secs(b.ms)}, ${b.pages} routes` : `FAILED: ${b.error}`}`);
  bench.rows.push({
    area: 'Build',
    figure: 'real site (content/)',
    value: b.ok ? `${secs(b.ms)} · ${b.pages} routes${imagesNote(b)}` : `failed: ${b.error}`,
    budget: `builds in ≤ ${secs(BUDGET.realBuildMs)}`,
    ok: b.ok && b.ms <= BUDGET.realBuildMs,
  });
}

/**
 * Generates `count` events, builds them into `site.dist` (stopped after `limit` ms, 0 = never), reports it
 * and sets `site.ok`.
 */
export async function buildGenerated(
  /** @type {Bench} */ bench,
  /** @type {number} */ count,
  /** @type {{ dist: string, ok: boolean }} */ site,
  /** @type {number} */ limit,
) {
  const { say } = bench;
  const builds = bench.results.builds;
  const dir = join(bench.contentTmp, `content-${count}`);
  const c = await writeDenseContent(dir, count);
  if (count === 10000) bench.content10k = { dir, ...c };
  const label = `${count / 1000}k`;
  say(`Building ${c.events} events (CONTENT_DIR)${limit ? `, stopped after ${(limit / 1000).toFixed(0)} s` : ''} …`);
  const b = await timedBuild({
    label,
    outDir: site.dist,
    contentDir: dir,
    timeoutMs: limit,
    logFile: join(bench.logs, `build-${label}.log`),
    log: say,
  });
  builds[`events${count}`] = { ...b, events: c.events, limitMs: limit || null };
  site.ok = b.ok && existsSync(join(site.dist, 'index.html'));
  say(`  ${c.events} events: ${b.ok ? `${secs(b.ms)}, ${b.pages} routes` : `FAILED: ${b.error}`}`);
  bench.rows.push({
    area: 'Build',
    figure: `${c.events.toLocaleString('en')} events`,
    value: b.ok
      ? `${secs(b.ms)} · ${b.pages} routes${imagesNote(b)}`
      : b.timedOut
        ? `not finished after ${secs(b.ms)} (${b.pages} routes done)`
        : `failed: ${b.error}`,
    budget: limit ? `builds in ≤ ${(limit / 1000).toFixed(0)} s` : 'builds',
    ok: site.ok,
    note: b.ok ? undefined : b.error,
  });
  slowBuildNotes(bench, b, c.events, count);
}

/** Notes on a slow or stopped build: its slowest routes, and how long a stopped one would have needed. */
function slowBuildNotes(
  /** @type {Bench} */ bench,
  /** @type {any} */ b,
  /** @type {number} */ events,
  /** @type {number} */ count,
) {
  const slow = b.slowest?.[0];
  if ((slow && slow.ms > 2000) || b.timedOut) {
    bench.notes.push(
      `The ${events.toLocaleString('en')}-event build's slowest routes: ${b.slowest.map((/** @type {any} */ s) => `${s.route} ${ms(s.ms)}`).join(', ') || 'none finished'}` +
        (b.groups?.length
          ? `; by folder: ${b.groups
              .slice(0, 3)
              .map((/** @type {any} */ g) => `${g.group} ${ms(g.ms)} (${g.routes} routes)`)
              .join(', ')}`
          : '') +
        (b.inProgress ? `; it was rendering ${b.inProgress} when stopped` : '') +
        '.',
    );
  }
  // A stopped build: at the rate its event pages were going, how long the rest would have taken.
  const eventPages = b.groups?.find((/** @type {any} */ g) => g.group === '/events/*/');
  if (b.timedOut && eventPages && eventPages.routes < events) {
    const each = eventPages.ms / eventPages.routes;
    const rest = (events - eventPages.routes) * each;
    const projection = `At ${ms(each)} per event page, the other ${(events - eventPages.routes).toLocaleString('en')} would take about ${(rest / 60_000).toFixed(0)} min more (before any images).`;
    bench.notes.push(projection);
    bench.results.builds[`events${count}`].projection = { msPerEventPage: each, remainingMs: rest };
  }
}

/**
 * How long the 10,000-event build may run: BENCH_10K_TIMEOUT, else 15 minutes. The issue asks only
 * that it builds; the limit is this project's own, so a run that hangs still ends with a report.
 */
export function limit10k() {
  if (process.env.BENCH_10K_TIMEOUT !== undefined && process.env.BENCH_10K_TIMEOUT !== '')
    return Number(process.env.BENCH_10K_TIMEOUT) * 1000;
  return 900_000;
}

/** The 10,000-event home page: mark labels drawn (clustering keeps them few) and its size. */
export async function check10kHome(/** @type {Bench} */ bench) {
  const { content10k } = bench;
  if (!content10k) return;
  if (bench.gen10k.ok) {
    const html = readFileSync(join(bench.gen10k.dist, 'index.html'), 'utf8');
    const svg = svgCounts(html);
    const home = {
      source: 'built home page',
      htmlBytes: Buffer.byteLength(html),
      htmlGzip: gzipSync(html, { level: 9 }).length,
      ...svg,
    };
    bench.results.builds.events10000.home = home;
    homeRows(bench, home, content10k.events);
  } else if (bench.gen1k.ok) {
    // The build did not finish: lay out the home timeline's 10,000 events in Node with the options the
    // build gave the same chart in the 1,000-event build (only the events differ).
    const payload = payloadOf(readFileSync(join(bench.gen1k.dist, 'index.html'), 'utf8'));
    if (!payload) throw new Error('no timeline payload on the 1,000-event home page');
    const { layoutTimeline } = await loadLayout();
    /** @type {Record<string, any>} */
    const counts = {};
    for (const v of payload.variants) {
      const l = layoutTimeline(content10k.layoutEvents, payload.tracks, v.options);
      counts[v.name] = {
        labels: l.marks.filter((/** @type {any} */ m) => m.label).length,
        marks: l.marks.length,
        clusters: l.clusters.length,
      };
    }
    const home = { source: 'laid out in Node: build not finished', htmlBytes: null, htmlGzip: null, variants: counts };
    bench.results.builds.events10000.home = home;
    homeRows(bench, home, content10k.events);
  }
}

/**
 * Counts in each timeline variant of a page's first chart: labelled marks (a label may take two
 * <text> lines), marks (<a class="tl-mark …">) and clusters.
 */
function svgCounts(/** @type {string} */ html) {
  /** @type {Record<string, { labels: number, labelLines: number, marks: number, clusters: number }>} */
  const variants = {};
  for (const name of ['wide', 'column', 'narrow']) {
    const start = html.indexOf(`data-variant="${name}"`);
    if (start === -1) continue;
    const end = html.indexOf('</svg>', start);
    const svg = html.slice(start, end === -1 ? undefined : end);
    const marks = [...svg.matchAll(/<a\s[^>]*class="tl-mark[ "][^>]*>([\s\S]*?)<\/a>/g)].map((m) => m[1]);
    variants[name] = {
      labels: marks.filter((m) => m.includes('class="tl-label"')).length,
      labelLines: (svg.match(/class="tl-label"/g) ?? []).length,
      marks: marks.length,
      clusters: (svg.match(/class="tl-cluster[ "]/g) ?? []).length,
    };
  }
  return { variants };
}

/** The JSON payload of a page's first timeline, or undefined. */
export function payloadOf(/** @type {string} */ html) {
  const m = /<script[^>]*class="tl-payload"[^>]*>([\s\S]*?)<\/script>/.exec(html);
  return m ? JSON.parse(m[1]) : undefined;
}

function homeRows(/** @type {Bench} */ bench, /** @type {any} */ home, /** @type {number} */ events) {
  for (const [name, c] of Object.entries(/** @type {Record<string, any>} */ (home.variants))) {
    bench.rows.push({
      area: 'Build',
      figure: `${events.toLocaleString('en')} events: home timeline, ${name} (${home.source})`,
      value: `${c.labels} mark labels · ${c.marks} marks · ${c.clusters} clusters`,
      budget: `labels ≤ ${BUDGET.labels10k.toLocaleString('en')}`,
      ok: c.labels <= BUDGET.labels10k,
    });
  }
  bench.rows.push({
    area: 'Build',
    figure: `${events.toLocaleString('en')} events: home HTML`,
    value:
      home.htmlBytes == null
        ? 'n/a (build not finished)'
        : `${(home.htmlBytes / KB / KB).toFixed(1)} MB · ${kb(home.htmlGzip)} gz`,
    budget: 'report only',
    ok: null,
  });
}

/**
 * The page whose zoom frames are measured: the 10,000-event build's embed page of ZOOM_CHART, or, when
 * that build did not finish, the 1,000-event build's page of the same chart with its payload pointed
 * at a file of the 10,000-event content's events (the chart takes those of its tracks). The first render (before measuring) replaces
 * the build-time SVG; every measured frame draws the 5,000 events.
 */
export function zoomPage(/** @type {Bench} */ bench) {
  if (bench.gen10k.ok) {
    return { dist: bench.gen10k.dist, path: `embed/${ZOOM_CHART}/`, source: '10,000-event build' };
  }
  if (!bench.gen1k.ok || !bench.content10k) throw new Error('no generated build to take a page from');
  const dist = bench.gen1k.dist;
  const page = readFileSync(join(dist, 'embed', ZOOM_CHART, 'index.html'), 'utf8');
  const payload = payloadOf(page);
  if (!payload?.eventsUrl)
    throw new Error(`no timeline payload naming its events on embed/${ZOOM_CHART}/ of the 1,000-event build`);
  // The chart takes the events of its tracks from the file its payload names: a file of the 10,000.
  const file = JSON.parse(readFileSync(join(dist, 'data', 'timeline-events.json'), 'utf8'));
  file.events = bench.content10k.layoutEvents;
  writeFileSync(join(dist, 'data', 'timeline-events-10k.json'), JSON.stringify(file));
  payload.eventsUrl = payload.eventsUrl.replace(/timeline-events\.json$/, 'timeline-events-10k.json');
  const json = JSON.stringify(payload)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const swapped = page.replace(
    /(<script[^>]*class="tl-payload"[^>]*>)[\s\S]*?(<\/script>)/,
    (_, a, b) => `${a}${json}${b}`,
  );
  mkdirSync(join(dist, 'embed', `${ZOOM_CHART}-5k`), { recursive: true });
  writeFileSync(join(dist, 'embed', `${ZOOM_CHART}-5k`, 'index.html'), swapped);
  return { dist, path: `embed/${ZOOM_CHART}-5k/`, source: '1,000-event build, payload of 5,000 events' };
}
