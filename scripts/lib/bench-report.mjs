// The benchmark's report: its budgets, one markdown table (figure, value, budget, ✓/✗) and the list of misses.

/**
 * @typedef {{ area: string, figure: string, value: string, budget: string, ok: boolean | null, note?: string }} Row
 */

/**
 * What the benchmark's parts share: the log, the report's rows and notes, the raw results, and what
 * earlier parts leave for later ones (which builds finished, the 10,000-event content).
 * @typedef {{
 *   say: (s: string) => void,
 *   rows: Row[],
 *   notes: string[],
 *   results: Record<string, any>,
 *   cleanups: Array<() => Promise<void>>,
 *   chromiumPath: string,
 *   logs: string,
 *   contentTmp: string,
 *   real: { dist: string, url: string, ok: boolean },
 *   gen1k: { dist: string, ok: boolean },
 *   gen10k: { dist: string, ok: boolean },
 *   content10k?: { dir: string, events: number, zoomChartEvents: number, layoutEvents: any[] },
 * }} Bench
 */

export const KB = 1024;

// Budgets (1 KB = 1024 bytes, gzip level 9 — as tests/e2e/budgets.test.ts).
export const BUDGET = {
  jsInitial: 15 * KB,
  jsAll: 40 * KB,
  css: 12 * KB,
  homeHtml: 64 * KB, // tests/e2e/budgets.test.ts says why
  layoutMs: 50,
  frameMs: 16,
  labels10k: 1000,
  realBuildMs: 15_000, // issue 12: the real site (content/, every language) built from a cold cache
};
// Lighthouse's own "good" thresholds, as a guide (not project budgets).
export const LH_GOOD = { score: 90, fcp: 1800, lcp: 2500, tbt: 200, cls: 0.1 };

export const kb = (/** @type {number} */ n) => `${(n / KB).toFixed(1)} KB`;
export const ms = (/** @type {number} */ n) =>
  n >= 10_000
    ? `${(n / 1000).toFixed(0)} s`
    : n >= 1000
      ? `${(n / 1000).toFixed(1)} s`
      : n >= 100
        ? `${n.toFixed(0)} ms`
        : `${n.toFixed(1)} ms`;
export const secs = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} s`;

const cell = (/** @type {string} */ s) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const mark = (/** @type {boolean | null} */ ok) => (ok === null ? '' : ok ? '✓' : '✗');

/** The rows as a markdown table. */
export function markdownTable(/** @type {Row[]} */ rows) {
  const lines = ['| Area | Figure | Result | Budget | |', '| --- | --- | --- | --- | :-: |'];
  for (const r of rows)
    lines.push(`| ${cell(r.area)} | ${cell(r.figure)} | ${cell(r.value)} | ${cell(r.budget)} | ${mark(r.ok)} |`);
  return lines.join('\n');
}

/** One line per row that missed its budget. */
export function misses(/** @type {Row[]} */ rows) {
  return rows
    .filter((r) => r.ok === false)
    .map((r) => `${r.area} — ${r.figure}: ${r.value} (budget ${r.budget})${r.note ? `; ${r.note}` : ''}`);
}
