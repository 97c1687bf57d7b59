// `npm run bench`: how fast the site builds, how much its pages weigh, how fast the timeline lays out
// and zooms, and what Lighthouse says — against budgets. A report: exits 0 even when budgets are missed.
// Writes bench-results/bench.json, bench-results/logs/ (build logs) and docs/bench.md.
//
//   BENCH_10K_TIMEOUT  seconds the 10,000-event build may take before it is stopped (default 900;
//                      0 = no limit).
//   BENCH_KEEP=1       keep the builds (node_modules/.cache/timeline-bench/) and generated content.
//   BENCH_SKIP         comma-separated parts to skip: build, builds-generated, weights, layout,
//                      lighthouse, legibility, zoom (for trying out a change to this script).
//
// Everything runs on this machine: the builds, a static server on 127.0.0.1 and Debian's Chromium.
//
// This file only runs the parts in order; they live in scripts/lib/: bench-sites.mjs (the builds and what is
// read back from them), bench-measure.mjs (page weights, layout in Node), bench-chromium.mjs (Lighthouse,
// legibility, zoom frames), bench-report.mjs (budgets, table) and bench-doc.mjs (bench.json, docs/bench.md).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startServer } from './serve.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { killBuilds } from './lib/bench-build.mjs';
import { BUDGET, LH_GOOD } from './lib/bench-report.mjs';
import { buildGenerated, buildReal, check10kHome, limit10k } from './lib/bench-sites.mjs';
import { measureLayout, measureWeights } from './lib/bench-measure.mjs';
import { legibility, lighthouse, zoom } from './lib/bench-chromium.mjs';
import { writeReport } from './lib/bench-doc.mjs';

const root = resolve(import.meta.dirname, '..');
process.chdir(root);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)}s`.padStart(5);
const say = (/** @type {string} */ s) => console.log(`[${elapsed()}] ${s}`);

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 22) {
  console.error(
    `The benchmark needs the project's Node (24); this is ${process.version}. Run it with "npm run bench".`,
  );
  process.exit(1);
}

const SKIP = new Set(
  (process.env.BENCH_SKIP ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
);
const KEEP = process.env.BENCH_KEEP === '1';

const WORK = join(root, 'node_modules', '.cache', 'timeline-bench'); // inside the project: see bench-build.mjs
const RESULTS = join(root, 'bench-results');
const LOGS = join(RESULTS, 'logs');
rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });
mkdirSync(LOGS, { recursive: true });
const contentTmp = mkdtempSync(join(tmpdir(), 'timeline-bench-content-'));

/** @type {import('./lib/bench-report.mjs').Bench} */
const bench = {
  say,
  rows: [],
  notes: [],
  results: {
    date: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model,
      loadAverageAtStart: loadavg().map((n) => Number(n.toFixed(2))),
    },
    versions: {},
    budgets: { ...BUDGET, lighthouseGood: LH_GOOD },
  },
  cleanups: [],
  chromiumPath: '',
  logs: LOGS,
  contentTmp,
  real: { dist: join(WORK, 'real'), url: '', ok: false },
  gen1k: { dist: join(WORK, 'gen-1k'), ok: false },
  gen10k: { dist: join(WORK, 'gen-10k'), ok: false },
};
const { results } = bench;
const cleanUp = async () => {
  killBuilds();
  for (const fn of bench.cleanups.splice(0).reverse()) await fn().catch(() => {});
};
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));
process.on('SIGTERM', () => void cleanUp().then(() => process.exit(143)));

/** Runs one part; a crash becomes a failed row and a note, and the rest goes on. */
async function part(/** @type {string} */ name, /** @type {() => Promise<void>} */ fn) {
  if (SKIP.has(name)) {
    say(`${name}: skipped (BENCH_SKIP)`);
    return;
  }
  try {
    await fn();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    say(`${name}: FAILED — ${message}`);
    bench.rows.push({
      area: name,
      figure: 'ran to the end',
      value: 'failed',
      budget: 'runs',
      ok: false,
      note: message,
    });
    results[`${name}Error`] = error instanceof Error ? error.stack : String(error);
  }
}

// ─── Versions ────────────────────────────────────────────────────────────────
const chromiumPath = (bench.chromiumPath = ensureChromium({ log: say }));
const pkgVersion = (/** @type {string} */ name) => {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
};
let chromiumVersion = '';
try {
  chromiumVersion = execFileSync(chromiumPath, ['--version'], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  }).trim();
} catch {
  chromiumVersion = chromiumPath;
}
results.versions = {
  node: process.version,
  chromium: chromiumVersion,
  astro: pkgVersion('astro'),
  lighthouse: pkgVersion('lighthouse'),
};
say(
  `Node ${process.version}, ${chromiumVersion}, Astro ${results.versions.astro}; ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}`,
);

// The real build is served for Lighthouse; listening first lets the build know its SITE_URL.
mkdirSync(bench.real.dist, { recursive: true });
const realSite = await startServer({ root: bench.real.dist, base: '/', port: 0 });
bench.cleanups.push(() => realSite.close());
bench.real.url = realSite.url;
results.builds = {};

// ─── 1. Builds: the real site and 1,000 events (10,000 events come later) ─────
await part('build', () => buildReal(bench, new URL(realSite.url).origin));
await part('builds-generated', () => buildGenerated(bench, 1000, bench.gen1k, 0));
// ─── 2. Page weights of the real build ───────────────────────────────────────
await part('weights', () => measureWeights(bench));
// ─── 3. Layout in Node ───────────────────────────────────────────────────────
await part('layout', () => measureLayout(bench));
// ─── 4. Lighthouse, and the legibility of the real site's home chart ─────────
await part('lighthouse', () => lighthouse(bench));
await part('legibility', () => legibility(bench));
// ─── 5. The 10,000-event build, last: it gets the time that is left ──────────
await part('builds-generated', async () => {
  await buildGenerated(bench, 10000, bench.gen10k, limit10k());
  await check10kHome(bench);
});
// ─── 6. Zoom frames in Chromium ──────────────────────────────────────────────
await part('zoom', () => zoom(bench));

// ─── 7. Report ───────────────────────────────────────────────────────────────
await cleanUp();
// importTs leaves its bundles in node_modules/.cache/import-ts/, named with this process's id.
const importTsCache = join(root, 'node_modules', '.cache', 'import-ts');
if (existsSync(importTsCache)) {
  for (const f of readdirSync(importTsCache))
    if (f.endsWith(`-${process.pid}.mjs`)) rmSync(join(importTsCache, f), { force: true });
}
if (!KEEP) {
  rmSync(WORK, { recursive: true, force: true });
  rmSync(contentTmp, { recursive: true, force: true });
} else say(`Kept the builds in ${WORK} and the content in ${contentTmp}`);

await writeReport(bench, { root, resultsDir: RESULTS, totalMs: performance.now() - started, skip: SKIP });
process.exit(0);
