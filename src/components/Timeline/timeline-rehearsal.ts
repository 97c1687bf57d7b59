// The zoom path rehearsed off the page while the reader reads, so that the first real zoom step
// costs what the later ones do. A JavaScript engine compiles a function for speed only after it
// has run a number of times: a step that finds the layout, the SVG model and the keyed join run
// only a few times pays for their slow first runs (Chromium, 5,000 events: a first step took twice
// the main-thread time of the same step made again, after three rehearsals; after twelve, the same).
// Each rehearsal lays out one window and joins it onto a detached copy of the chart's SVG, which the
// browser then styles and lays out for a moment beside the chart, so that its own first layout of
// those labels is not the reader's first step's (TimelineView.rehearse): nothing on the page changes.

import { fromU, toU, type Warp } from '../../lib/timeline/warp';

/**
 * How many windows are rehearsed: three rounds of three steps in and back out. Two rounds (12) left the
 * first step of the article column's drawing at 5,002 events at 12–35 ms (median 23 over 8 page loads;
 * 7–9 for later steps); three, 11–16 (median 12 over 6 loads, and over 14 more with the third round off
 * the middle). Wide and phone drawings: no change.
 */
export const REHEARSALS = 18;

/**
 * The windows rehearsed, in order: `step` (a zoom step's factor) one, two, three steps in about the
 * middle of `domain` and back out to `domain` itself, as a reader's steps in and out go; `count` of them.
 * The steps are even in the axis's linear units (warp.ts: where a focus stretches time, not in days),
 * about the axis's middle, as the zoom buttons take them.
 */
export function rehearsalWindows(
  domain: readonly [number, number],
  warp: Warp,
  step: number,
  count = REHEARSALS,
): [number, number][] {
  const [a, b] = [toU(warp, domain[0]), toU(warp, domain[1])];
  const mid = (a + b) / 2;
  const depths = [1, 2, 3, 2, 1, 0];
  return Array.from({ length: count }, (_, i) => {
    const depth = depths[i % depths.length];
    if (depth === 0) return [domain[0], domain[1]];
    const half = (b - a) / 2 / step ** depth;
    return [fromU(warp, mid - half), fromU(warp, mid + half)];
  });
}

type Idle = (run: () => void) => void;

/**
 * In the browser's next idle moment, or after IDLE_WAIT ms as a task of its own where none comes: headless
 * Chromium with the mouse resting on the chart once gave a page no idle moment for seconds, and the rehearsals
 * stopped after the first (2 of 5 loads, the home page at 390 and 1280 px).
 */
const whenIdle: Idle = (run) =>
  'requestIdleCallback' in window
    ? void requestIdleCallback(() => run(), { timeout: IDLE_WAIT })
    : void setTimeout(run, 200);

/** The longest wait for an idle moment, ms. */
export const IDLE_WAIT = 500;

/**
 * Runs task 0 … count − 1 in the browser's idle moments, one in each, then `done`. One each keeps every task
 * short (3–30 ms here, four times that on a slow phone): several packed into one moment made tasks that a
 * tap would wait behind, and that Lighthouse counts as blocking time.
 */
export function runWhenIdle(count: number, task: (i: number) => void, done: () => void, idle: Idle = whenIdle): void {
  let i = 0;
  const next = () => {
    task(i++);
    if (i < count) idle(next);
    else done();
  };
  if (count > 0) idle(next);
  else done();
}
