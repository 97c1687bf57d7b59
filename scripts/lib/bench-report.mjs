// The benchmark's report: one markdown table (figure, value, budget, ✓/✗) and the list of misses.

/**
 * @typedef {{ area: string, figure: string, value: string, budget: string, ok: boolean | null, note?: string }} Row
 */

export const KB = 1024;
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
