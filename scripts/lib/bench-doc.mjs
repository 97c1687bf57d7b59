// Writes the benchmark's report: bench-results/bench.json (raw figures), docs/bench.md (the table, the
// misses, notes and how the figures are taken) and a summary on the console.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { ZOOM_CHART } from './bench-content.mjs';
import { markdownTable, misses, secs } from './bench-report.mjs';

/** @typedef {import('./bench-report.mjs').Bench} Bench */

/** The report's areas, in this order; rows keep the order measured within an area. */
const AREAS = [
  'Build',
  'Page weight',
  'Layout (Node)',
  'Zoom (Chromium)',
  'Legibility (Chromium)',
  'Lighthouse mobile',
  'Lighthouse desktop',
];

const METHODS = [
  '## How the figures are taken',
  '',
  '- **Builds**: `npm run build` (scripts/build.mjs: one `astro build` per published language, all at the same time; the images drawn on worker threads while the pages render; "images in" is the time of the image step from the start of the build) with `ASTRO_TELEMETRY_DISABLED=1`, each into its own folder under `node_modules/.cache/timeline-bench/` with a cold cache (`OUT_DIR`). ' +
    'The generated sites are `tests/fixtures/content` plus 1,000 or 10,000 events from `tests/fixtures/timeline/generate.ts` (seeded) on its three tracks, ' +
    `a story that places the full timeline, and a chart \`${ZOOM_CHART}\` of two tracks (about 5,000 of the 10,000 events). ` +
    'The 10,000-event build is stopped after 15 minutes (or `BENCH_10K_TIMEOUT` seconds; 0 = no limit). ' +
    "Mark labels are the marks drawn with a label (`.tl-label`) in the home page's built SVG; " +
    "when that build did not finish, the home chart's 10,000 events are laid out in Node with the options the build used in the 1,000-event site.",
  '- **Page weight**: `pageBudget` of `scripts/lib/site-check.mjs` (gzip level 9; JS up front = module scripts and their static imports; in all = plus reachable `import()` chunks).',
  "- **Layout**: `layoutTimeline` on `denseEvents(10000)` with the options the build gave the home chart's two variants (`Timeline.astro`: font, text-width factor, height or length), 3 warm-up runs then 20 timed; " +
    "zoom = `layoutPrepared` on 5,000 prepared events with a new window each run (34 runs). CPU time is the process's user + system time per run: less inflated by other processes than wall time.",
  "- **Zoom frame**: on each page load, in headless Chromium, once the reader has come to the chart (the mouse to the point where the wheel then turns, at 55 % of the chart's width and halfway down the part of it on the screen; the pointer at its corner for the buttons; the keyboard's focus on the chart's tab stop for the keys) and its rehearsals and the layouts it makes ahead are done (at most 2 s): three rounds of 20 ctrl+wheel events (10 in, 10 out, 100 px each) dispatched on the chart at that point, or one round of 10 clicks on its + and − buttons, or 10 + and - key presses on the focused mark or cluster. Each input has loads of its own (a load has one first step): three per viewport on the real site and five on the generated chart, the inputs and viewports taking turns. The first step is each load's first frame: its figure is the median over the loads, with their spread; the other figures are over every step of every load; each frame = the input's handler plus the frame that draws it, from its first animation-frame callback (a probe registered just before the wheel event) until after style, layout and paint (a message posted from the last callback). The split into layout, model and DOM update comes from the chart's own `performance.now()` marks around its redraw.",
  "- **Legibility**: `measureLegibility` (scripts/lib/bench-browser.mjs) runs the checker of `tests/e2e/legibility.mjs` on the real build's home page in Chromium at 390 × 844 and 1280 × 800, on its first timeline once it is interactive, at full view: labels shown; labels cut (an ellipsis, or past the plot's clip or the viewport's side); pairs of label boxes overlapping by more than 1 px both ways (and labels over another mark's symbol); marks and clusters that `elementFromPoint` at their symbol's centre does not return; targets under 24 × 24 CSS px whose 24 px circle touches another target (WCAG 2.2 SC 2.5.8).",
  '- **Lighthouse**: the programmatic API against the real build on 127.0.0.1, Chromium launched with a DevTools port; mobile = the default config, desktop = `desktop-config.js`.',
  '',
];

/** docs/bench.md before formatting. */
function benchDoc(
  /** @type {Bench} */ bench,
  /** @type {{ totalMs: number, skip: Set<string>, table: string, missed: string[] }} */ o,
) {
  const { results, notes } = bench;
  const machine =
    `${cpus().length} cores (${results.machine.cpu ?? 'unknown CPU'}), load average ${results.machine.loadAverageAtStart[0]} at the start; ` +
    'timings are noisy on this machine (other builds and tests share it), so compare best-of figures and repeat before trusting a change.';
  return [
    '# Benchmark',
    '',
    `The latest run of \`npm run bench\` (scripts/bench.mjs), ${results.date.slice(0, 16).replace('T', ' ')} UTC, in ${secs(o.totalMs)}. ` +
      'Budgets marked "guide" are Lighthouse\'s own "good" thresholds, not project budgets. Raw figures: `bench-results/bench.json`; build logs: `bench-results/logs/`.',
    '',
    `- Machine: ${machine}`,
    `- Node ${process.version} · ${results.versions.chromium} · Astro ${results.versions.astro} · Lighthouse ${results.versions.lighthouse} (simulated throttling)`,
    ...(o.skip.size ? [`- Skipped in this run (BENCH_SKIP): ${[...o.skip].join(', ')}`] : []),
    '',
    o.table,
    '',
    o.missed.length ? '## Misses\n\n' + o.missed.map((m) => `- ${m}`).join('\n') : '## Misses\n\nNone.',
    '',
    ...(notes.length ? ['## Notes', '', ...notes.map((n) => `- ${n}`), ''] : []),
    ...METHODS,
  ].join('\n');
}

/**
 * Sorts the rows by area, writes bench-results/bench.json and docs/bench.md (formatted as `npm run lint`
 * wants it) and prints the table, the notes and the misses.
 */
export async function writeReport(
  /** @type {Bench} */ bench,
  /** @type {{ root: string, resultsDir: string, totalMs: number, skip: Set<string> }} */ o,
) {
  const { results, rows, notes } = bench;
  results.totalSeconds = Number((o.totalMs / 1000).toFixed(1));
  const rank = (/** @type {string} */ area) => (AREAS.includes(area) ? AREAS.indexOf(area) : AREAS.length);
  rows.sort((a, b) => rank(a.area) - rank(b.area)); // stable: in the order measured within an area
  results.rows = rows;
  results.notes = notes;
  const table = markdownTable(rows);
  const missed = misses(rows);
  results.misses = missed;
  mkdirSync(o.resultsDir, { recursive: true });
  writeFileSync(join(o.resultsDir, 'bench.json'), JSON.stringify(results, null, 2) + '\n');

  // Formatted as `npm run lint` (Prettier) wants it: the table's columns aligned.
  const docFile = join(o.root, 'docs', 'bench.md');
  const prettier = await import('prettier').catch(() => undefined);
  const pretty = async (/** @type {string} */ text) => {
    if (!prettier) return text;
    const config = (await prettier.resolveConfig(docFile).catch(() => null)) ?? {};
    return prettier.format(text, { ...config, filepath: docFile }).catch(() => text);
  };
  mkdirSync(join(o.root, 'docs'), { recursive: true });
  writeFileSync(docFile, await pretty(benchDoc(bench, { ...o, table, missed })));

  console.log('\n' + (await pretty(table)) + '\n');
  for (const n of notes) console.log(`Note: ${n}`);
  if (missed.length) {
    console.log(`\n✗ ${missed.length} figure(s) missed their budget:`);
    for (const m of missed) console.log(`  ✗ ${m}`);
  } else console.log('\n✓ Every figure is within its budget.');
  console.log(`\nWrote bench-results/bench.json and docs/bench.md in ${secs(o.totalMs)}.`);
}
