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
 * Places flag labels in lanes, rightmost first, each in the lowest lane where
 * its box overlaps no other box (with `gap`), covers no rule that runs up to a higher lane,
 * and its own rule crosses no label in a lower lane; when no lane allows that, a new lane is
 * opened where it does. Labels run right of their rule unless that would pass `right`; then
 * they end at it.
 */
export function placeFlags(
  flags: readonly FlagInput[],
  { left = 0, right, gap = 8, pad = 4 }: { left?: number; right: number; gap?: number; pad?: number },
): PlacedFlag[] {
  type Placed = { i: number; x: number; lane: number; anchor: 'start' | 'end'; x0: number; x1: number };
  const placed: Placed[] = [];
  const covers = (p: Placed, x: number) => x >= p.x0 - 2 && x <= p.x1 + 2;
  // Rightmost first: then a label running right never hides a rule that is still to come.
  // At one x, the later flag goes lower, so that flags read top-down in input order.
  const order = flags.map((_, i) => i).sort((a, b) => flags[b].x - flags[a].x || b - a);
  for (const i of order) {
    const { x, width } = flags[i];
    const startBox: [number, number] = [x + pad, x + pad + width];
    const anchor: 'start' | 'end' = startBox[1] <= right || x - pad - width < left ? 'start' : 'end';
    const [x0, x1] = anchor === 'start' ? startBox : [x - pad - width, x - pad];
    const me = { i, x, anchor, x0, x1 };
    const top = placed.reduce((m, p) => Math.max(m, p.lane + 1), 0);
    // Join an existing lane: no overlap there, no rule from above through our label, our rule through no label below.
    const joinable = (lane: number) =>
      placed.every((p) => {
        if (p.lane === lane) return x1 + gap <= p.x0 || p.x1 + gap <= x0;
        if (p.lane > lane) return !(p.x >= x0 - 2 && p.x <= x1 + 2);
        return !covers(p, x);
      });
    // Or open a new lane at position k, moving the lanes from k up by one.
    const insertable = (k: number) =>
      placed.every((p) => (p.lane < k ? !covers(p, x) : !(p.x >= x0 - 2 && p.x <= x1 + 2)));
    let lane = -1;
    for (let l = 0; l < top && lane === -1; l++) if (joinable(l)) lane = l;
    if (lane === -1) {
      for (let k = top; k >= 0 && lane === -1; k--) {
        if (insertable(k)) {
          for (const p of placed) if (p.lane >= k) p.lane++;
          lane = k;
        }
      }
    }
    // Nothing avoids every crossing (a label ending left of its rule covers ours): go on top.
    if (lane === -1) lane = top;
    placed.push({ ...me, lane });
  }
  const result = new Array<PlacedFlag>(flags.length);
  for (const p of placed) {
    result[p.i] = {
      lane: p.lane,
      anchor: p.anchor,
      textX: round(p.anchor === 'start' ? p.x + pad : p.x - pad),
      x0: round(p.x0),
      x1: round(p.x1),
    };
  }
  return result;
}

/**
 * Positions for stacked labels along one axis (e.g. down a vertical timeline): each wants to
 * start at `want` and takes `size`; none may overlap the one before (plus `gap`) or start
 * above `min`. Labels that would collide form a cluster centred on where its members want to
 * be, so the displacement is shared up and down rather than all pushed one way. Input in
 * order of `want`; returns the start of each.
 */
export function dodge(items: readonly { want: number; size: number }[], { min = -Infinity, gap = 0 } = {}): number[] {
  type Cluster = { first: number; count: number; start: number; size: number; sum: number };
  const clusters: Cluster[] = [];
  // `sum` accumulates want − offset within the cluster; its mean is the cluster's best start.
  items.forEach((item, i) => {
    let c: Cluster = { first: i, count: 1, start: Math.max(min, item.want), size: item.size, sum: item.want };
    for (;;) {
      const prev = clusters[clusters.length - 1];
      if (!prev || prev.start + prev.size + gap <= c.start) break;
      clusters.pop();
      const offset = prev.size + gap;
      c = {
        first: prev.first,
        count: prev.count + c.count,
        size: prev.size + gap + c.size,
        sum: prev.sum + c.sum - offset * c.count,
        start: 0,
      };
      c.start = Math.max(min, c.sum / c.count);
    }
    clusters.push(c);
  });
  const out = new Array<number>(items.length);
  for (const c of clusters) {
    let y = c.start;
    for (let i = c.first; i < c.first + c.count; i++) {
      out[i] = round(y);
      y += items[i].size + gap;
    }
  }
  return out;
}
