// Flag labels: a vertical rule at x with its label at the top, stacked in lanes so that
// no two labels overlap and no rule runs through another rule's label.
import { round } from './axis';

export interface FlagInput {
  /** Where the rule stands, px. */
  x: number;
  /** Width of the label text, px. */
  width: number;
}

export interface PlacedFlag {
  /** 0 is the lane next to the plot; higher lanes are further away. */
  lane: number;
  /** 'start': the text runs right from x; 'end': it ends at x. */
  anchor: 'start' | 'end';
  /** The x the text is anchored at (x ± pad). */
  textX: number;
  /** The label's box along x. */
  x0: number;
  x1: number;
}

/**
 * Places flag labels in lanes, in input order of priority, each in the lowest lane where
 * its box overlaps no other box (with `gap`), covers no rule that runs up to a higher lane,
 * and its own rule crosses no label in a lower lane. Labels run right of their rule unless
 * that would pass `right`; then they end at it.
 */
export function placeFlags(flags: readonly FlagInput[], { left = 0, right, gap = 8, pad = 4 }: { left?: number; right: number; gap?: number; pad?: number }): PlacedFlag[] {
  const placed: (PlacedFlag & { x: number })[] = [];
  // Rightmost first: then a label running right never hides a rule that is still to come.
  const order = flags.map((_, i) => i).sort((a, b) => flags[b].x - flags[a].x || a - b);
  const result = new Array<PlacedFlag>(flags.length);
  for (const i of order) {
    const { x, width } = flags[i];
    const startBox: [number, number] = [x + pad, x + pad + width];
    const anchor: 'start' | 'end' = startBox[1] <= right || x - pad - width < left ? 'start' : 'end';
    const [x0, x1] = anchor === 'start' ? startBox : [x - pad - width, x - pad];
    const top = placed.reduce((m, p) => Math.max(m, p.lane + 1), 0);
    let lane = 0;
    for (; lane < top; lane++) {
      const ok = placed.every((p) => {
        if (p.lane === lane) return x1 + gap <= p.x0 || p.x1 + gap <= x0;
        // A rule from a higher lane passes through this lane.
        if (p.lane > lane) return p.x < x0 - 2 || p.x > x1 + 2;
        // Our rule passes through lower lanes.
        return x < p.x0 - 2 || x > p.x1 + 2;
      });
      if (ok) break;
    }
    // Past the top lane only our own rule can still cross a label (one that ends left of
    // its rule, near the right edge); that is accepted rather than stacking forever.
    const flag = { lane, anchor, textX: round(anchor === 'start' ? x + pad : x - pad), x0: round(x0), x1: round(x1) };
    placed.push({ ...flag, x });
    result[i] = flag;
  }
  return result;
}
