// Sizes and limits the layout's stages share, and two small helpers.
import type { Density } from './types';

export const DAY = 86_400_000;

export const LANES_BY_DENSITY: Record<Density, number> = { compact: 2, regular: 4, roomy: 6 };
export const RADIUS: Record<1 | 2 | 3, number> = { 1: 7, 2: 5.5, 3: 4.5 };
export const CLUSTER_R = 9;
export const MILESTONE_R = 3.5;
export const BAR_H = 4;
export const STEPS_H = 1.5;
export const LABEL_GAP = 6; // between footprints in a lane
/**
 * Shared lanes: more room beyond a label's far end (away from its own mark), so that no other mark or
 * label stands where the eye would pair it with this label ("◆ A label ◆").
 */
export const FAR_END_GAP = 10;
export const MARK_LABEL_GAP = 4; // between a mark and its label
export const PAD = 8;
export const TOUCH = 1; // a mark this close to a label is under it
/** What hiding a label costs, by priority (highlighted 0, importance 1, cluster 1.5, importance 2–3). */
/** A mark on another mark hides a target: any number of hidden labels costs less. */
export const MARK_ON_MARK = 1000;
export const LABEL_HARM = (priority: number) => (priority === 0 ? 16 : priority <= 1 ? 8 : priority <= 2 ? 4 : 2);
// Vertical layout.
export const V_LEFT = 4; // left of the axis labels
/**
 * Between an axis label (or a note in the gutter) and the axis line: the largest symbol on the line, a star's
 * "+N" (CLUSTER_R), reaches 13.2 px left of it and its outline 0.75 px more; at 10 px a key event's star
 * touched the "21 Jul" level with it on a phone.
 */
export const TICK_LABEL_GAP = 15;
export const SLOTS = 2; // marks at the same height sit side by side: on the axis line, then beside it
export const SLOT_STEP = 16;
export const V_BAR_OFFSET = 8; // a bar (and its milestones) runs down just right of its mark
export const V_BAR_H = 3;
export const V_GAP = 6; // between two labels
export const MAX_SHIFT_ROWS = 5; // the farthest a label moves from its mark, in rows
export const MAX_TIGHTER = 4; // how many times clusters may grow so that marks keep a target's size apart

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const round = (n: number) => {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r;
};
