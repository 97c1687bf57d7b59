// Timed builds for the benchmark: `npm run build` (scripts/build.mjs: one `astro build` per published
// language of the content).
//
//   timedBuild({ label, outDir, contentDir?, env?, timeoutMs?, logFile, retries? })
//     → { ok, ms, attempts, timedOut, error?, pages, slowest, groups, inProgress? }
//
// outDir must lie inside the project: Astro then writes its pre-render chunks to <outDir>/.prerender/
// rather than to the shared .astro/.prerender/, where a concurrent build (another engineer's, or a
// test's) deletes them half-way through. A failed build (not a timeout) is retried after a pause:
// other people edit the site while this runs.
import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const BUILD = join(root, 'scripts', 'build.mjs');

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();

/** Kills the builds this process started (their process groups, by id). */
export function killBuilds() {
  for (const child of running) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  running.clear();
}

const sleep = (/** @type {number} */ ms) => new Promise((r) => setTimeout(r, ms));

/** Runs one build; resolves with its exit status, whether it was stopped at the time limit, and its log. */
function runOnce(
  /** @type {{ outDir: string, contentDir?: string, env?: Record<string, string>, timeoutMs?: number, logFile: string }} */ o,
) {
  mkdirSync(dirname(o.logFile), { recursive: true });
  const log = createWriteStream(o.logFile);
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: o.outDir, ...(o.env ?? {}) };
  if (o.contentDir) env.CONTENT_DIR = o.contentDir;
  else delete env.CONTENT_DIR;
  // process.execPath is the project's Node (npm puts node_modules/.bin first on PATH).
  const child = spawn(process.execPath, [BUILD], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.stdout.pipe(log, { end: false });
  child.stderr.pipe(log, { end: false });
  const start = performance.now();
  let timedOut = false;
  const timer =
    o.timeoutMs && o.timeoutMs > 0
      ? setTimeout(() => {
          timedOut = true;
          try {
            if (child.pid) process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* gone */
          }
        }, o.timeoutMs)
      : undefined;
  return new Promise((resolvePromise) => {
    child.on('close', (code) => {
      const ms = performance.now() - start;
      clearTimeout(timer);
      running.delete(child);
      log.end(() => resolvePromise({ code, ms, timedOut, text: readFileSync(o.logFile, 'utf8') }));
    });
  });
}

// "14:20:32   ├─ /events/x/index.html (+94ms)"; durations like 94ms, 1.2s, 3m 58s.
const ROUTE = /[├└]─ (\S+)(?: \(\+([^)]+)\))?/;
function parseDuration(/** @type {string} */ text) {
  let ms = 0;
  for (const [, n, unit] of text.matchAll(/([\d.]+)\s*(ms|m|s|h)\b/g)) {
    ms += Number(n) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000);
  }
  return ms;
}

/** The routes a build log lists, with the time each took; the last one without a time is in progress. */
export function routeTimes(/** @type {string} */ text) {
  /** @type {{ route: string, ms: number }[]} */
  const done = [];
  /** @type {string | undefined} */
  let inProgress;
  for (const line of text.replace(/\x1b\[[0-9;]*m/g, '').split('\n')) {
    // A route's line may have an error appended when it fails; only the route and its time matter here.
    const m = ROUTE.exec(line);
    if (!m) continue;
    if (m[2]) {
      done.push({ route: m[1], ms: parseDuration(m[2]) });
      inProgress = undefined;
    } else inProgress = m[1];
  }
  // Routes of one dynamic page (events/<id>/, embed/<id>/, oembed/<id>.json …) summed per folder.
  /** @type {Map<string, { routes: number, ms: number }>} */
  const groups = new Map();
  for (const { route, ms } of done) {
    const key = route.replace(/\/[^/]+\/index\.html$/, '/*/').replace(/\/[^/]+\.(json|csv)$/, '/*.$1');
    const g = groups.get(key) ?? { routes: 0, ms: 0 };
    g.routes++;
    g.ms += ms;
    groups.set(key, g);
  }
  // src/integrations/images.ts: "[build-images] 110 images (96 PNG, 10122 KB) in 5.8 s", after the pages.
  const img = /\[build-images\] (\d+) images \(([^)]*)\) in ([\d.]+) s/.exec(text);
  return {
    pages: done.length,
    images: img ? { count: Number(img[1]), detail: img[2], ms: Number(img[3]) * 1000 } : undefined,
    slowest: [...done].sort((a, b) => b.ms - a.ms).slice(0, 3),
    groups: [...groups]
      .filter(([, g]) => g.routes > 5)
      .map(([group, g]) => ({ group, ...g }))
      .sort((a, b) => b.ms - a.ms),
    inProgress,
  };
}

/**
 * Builds the site into `outDir` (inside the project) and times it.
 * @param {{ label: string, outDir: string, contentDir?: string, env?: Record<string, string>, timeoutMs?: number,
 *   logFile: string, retries?: number, retryDelayMs?: number, log?: (s: string) => void }} o
 */
export async function timedBuild(o) {
  const log = o.log ?? console.log;
  const retries = o.retries ?? 2;
  for (let attempt = 1; ; attempt++) {
    rmSync(o.outDir, { recursive: true, force: true });
    rmSync(`${o.outDir}-cache`, { recursive: true, force: true });
    const r = await runOnce(o);
    const routes = routeTimes(r.text);
    if (r.code === 0 && !r.timedOut) return { ok: true, ms: r.ms, attempts: attempt, timedOut: false, ...routes };
    if (r.timedOut) {
      return {
        ok: false,
        ms: r.ms,
        attempts: attempt,
        timedOut: true,
        error: `stopped after ${(r.ms / 1000).toFixed(0)} s (the time limit) while rendering ${routes.inProgress ?? 'an unknown route'}`,
        ...routes,
      };
    }
    const error = firstError(r.text);
    if (attempt > retries) return { ok: false, ms: r.ms, attempts: attempt, timedOut: false, error, ...routes };
    const wait = o.retryDelayMs ?? 20_000;
    log(
      `  ${o.label}: build failed (${error}); retrying in ${wait / 1000} s (attempt ${attempt + 1} of ${retries + 1}) — see ${o.logFile}`,
    );
    await sleep(wait);
  }
}

/** The first error line of a build log, shortened. */
function firstError(/** @type {string} */ text) {
  const lines = text.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const line = lines.find((l) => /\[ERROR\]|^error|Error:/i.test(l)) ?? lines.filter(Boolean).at(-1) ?? 'no output';
  return line
    .replace(/^\d\d:\d\d:\d\d\s*/, '')
    .trim()
    .slice(0, 240);
}
