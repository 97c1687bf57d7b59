// The benchmark's browser parts: the home chart's legibility in Chromium (playwright-core), and
// Lighthouse against a Chromium launched here with a DevTools port. Zoom frames: bench-zoom.mjs.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from './chromium.mjs';
import { checkLegibility, legibilityFailures, legibilityTotals } from '../../tests/e2e/legibility.mjs';

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
