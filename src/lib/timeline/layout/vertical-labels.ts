// Vertical: the labels' column right of the marks. Labels keep the order of their marks down the
// page; each goes into the free stretch between the labels already placed for the marks above and
// below its own, as near its mark as it can (at most MAX_SHIFT_ROWS rows away).
import { wrapText } from '../lanes';
import { MAX_SHIFT_ROWS, V_GAP, round } from './constants';
import { byPriority, shorten, type Item } from './context';
import type { VerticalFrame } from './vertical-frame';

/** The labels placed so far in the column, by rank (the order of their marks down the page). */
export class LabelColumn {
  readonly maxShift: number;
  private readonly lo: number;
  private readonly hi: number;
  private readonly ranks: number[] = [];
  private readonly tops: number[] = [];
  private readonly bottoms: number[] = [];

  /** A column from `lo` to `hi` px down the page. */
  constructor(lo: number, hi: number, labelH: number) {
    this.lo = lo;
    this.hi = hi;
    this.maxShift = MAX_SHIFT_ROWS * labelH;
  }

  /** The free stretch [top, bottom] for the label of rank `rank`, and where it would be inserted. */
  gapAt(rank: number): [number, number, number] {
    const ranks = this.ranks;
    let a = 0;
    let b = ranks.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (ranks[mid] < rank) a = mid + 1;
      else b = mid;
    }
    return [a > 0 ? this.bottoms[a - 1] + V_GAP : this.lo, a < ranks.length ? this.tops[a] - V_GAP : this.hi, a];
  }

  /** Places a label `h` px high as near `desiredTop` as its gap allows: its top, or null where it has no room. */
  place(rank: number, desiredTop: number, h: number): number | null {
    const [gapTop, gapBottom, a] = this.gapAt(rank);
    if (gapBottom - gapTop < h) return null;
    const top = Math.min(Math.max(desiredTop, gapTop), gapBottom - h);
    if (Math.abs(top - desiredTop) > this.maxShift) return null;
    this.ranks.splice(a, 0, rank);
    this.tops.splice(a, 0, top);
    this.bottoms.splice(a, 0, top + h);
    return top;
  }
}

/**
 * The labels of the marks in view, by priority: whole on up to two rows, else cut to one row,
 * else hidden. Sets each placed item's label and box.
 */
export function placeEventLabels(items: readonly Item[], column: LabelColumn, f: VerticalFrame): void {
  const { ctx, labelH, labelsW, labelsX } = f;
  const maxShift = column.maxShift;
  for (const it of [...items].sort(byPriority)) {
    if (it.x < ctx.viewL || it.x > ctx.viewR) continue;
    const desiredTop = it.x - labelH / 2;
    // Most labels of a dense chart find no room: check before measuring.
    const [gapTop, gapBottom] = column.gapAt(it.rank);
    if (gapBottom - gapTop < labelH || gapTop - desiredTop > maxShift || desiredTop + labelH - gapBottom > maxShift)
      continue;
    const wrapped = wrapText(it.text, labelsW, it.font, 2);
    if (!wrapped || wrapped.truncated) continue;
    let top = column.place(it.rank, desiredTop, wrapped.lines.length * labelH);
    let fitted: { lines: string[]; width: number; truncated: boolean } | null = top === null ? null : wrapped;
    if (top === null && wrapped.lines.length > 1) {
      const one = shorten(it.text, labelsW, it.font);
      top = one ? column.place(it.rank, desiredTop, labelH) : null;
      if (one && top !== null) fitted = { lines: [one.text], width: one.width, truncated: one.truncated };
    }
    if (!fitted || top === null) continue;
    Object.assign(it, {
      label: fitted.lines.join(' '),
      lines: fitted.lines,
      truncated: fitted.truncated,
      anchor: 'start',
    });
    it.box = { x: round(labelsX), y: round(top), w: round(fitted.width), h: fitted.lines.length * labelH };
  }
}
