// Vertical: the labels' column right of the marks. Labels keep the order of their marks down the
// page; each goes into the free stretch between the labels already placed for the marks above and
// below its own, as near its mark as it can (at most MAX_SHIFT_ROWS rows away).
import { wrapText } from '../lanes';
import { symbolExtent } from '../shapes';
import { MAX_SHIFT_ROWS, V_GAP, round } from './constants';
import { byPriority, shorten, type Item } from './context';
import type { VerticalFrame } from './vertical-frame';

/** The labels placed so far in the column, by rank (the order of their marks down the page). */
export interface LabelColumn {
  /** The column's top and bottom, px down the page. */
  lo: number;
  hi: number;
  /** The farthest a label moves from where it wants to be. */
  maxShift: number;
  ranks: number[];
  tops: number[];
  bottoms: number[];
}

export const labelColumn = (lo: number, hi: number, labelH: number): LabelColumn => ({
  lo,
  hi,
  maxShift: MAX_SHIFT_ROWS * labelH,
  ranks: [],
  tops: [],
  bottoms: [],
});

/** The free stretch [top, bottom] for the label of rank `rank`, and where it would be inserted. */
export function gapAt(column: LabelColumn, rank: number): [number, number, number] {
  const { ranks } = column;
  let a = 0;
  let b = ranks.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (ranks[mid] < rank) a = mid + 1;
    else b = mid;
  }
  return [a > 0 ? column.bottoms[a - 1] + V_GAP : column.lo, a < ranks.length ? column.tops[a] - V_GAP : column.hi, a];
}

/**
 * Places a label `h` px high as near `desiredTop` as its gap allows: its top, or null where it has no
 * room. Where `clear` says no to that top, the nearest top within reach it says yes to, if any.
 */
export function placeLabel(
  column: LabelColumn,
  rank: number,
  desiredTop: number,
  h: number,
  clear?: (top: number) => boolean,
): number | null {
  const [gapTop, gapBottom, a] = gapAt(column, rank);
  if (gapBottom - gapTop < h) return null;
  let top = Math.min(Math.max(desiredTop, gapTop), gapBottom - h);
  if (Math.abs(top - desiredTop) > column.maxShift) return null;
  if (clear && !clear(top)) {
    const lo = Math.max(gapTop, desiredTop - column.maxShift);
    const hi = Math.min(gapBottom - h, desiredTop + column.maxShift);
    const ok = (t: number) => t >= lo && t <= hi && clear(t);
    for (let d = 1; d <= hi - lo; d++) {
      const t = ok(top + d) ? top + d : ok(top - d) ? top - d : null;
      if (t !== null) {
        top = t;
        break;
      }
    }
  }
  column.ranks.splice(a, 0, rank);
  column.tops.splice(a, 0, top);
  column.bottoms.splice(a, 0, top + h);
  return top;
}

/**
 * Whether the leader from the mark of `it` to a label whose first row is centred at `rowY` (verticalMarks
 * draws it where the label moved off its mark's row) would pass over another mark's symbol: the label
 * would then read as that mark's ("+4 Border data" over the unlabelled triangle beside its cross).
 */
function leaderClear(it: Item, rowY: number, items: readonly Item[], labelsX: number): boolean {
  if (Math.abs(rowY - it.x) <= 1) return true;
  const [x1, y1] = [it.cx + it.r + 2, it.x];
  const [dx, dy] = [labelsX - 3 - x1, rowY - y1];
  for (const o of items) {
    if (o === it || o.x + o.r < Math.min(y1, rowY) - 1 || o.x - o.r > Math.max(y1, rowY) + 1) continue;
    const t = Math.max(0, Math.min(1, ((o.cx - x1) * dx + (o.x - y1) * dy) / (dx * dx + dy * dy)));
    const e = o.cluster ? { x: o.r, y: o.r } : symbolExtent(o.track.shape, o.r);
    if (Math.hypot(x1 + t * dx - o.cx, y1 + t * dy - o.x) < Math.max(e.x, e.y) + 1.5) return false;
  }
  return true;
}

/** A label of `text` for `it`, placed in the column: whole on up to two rows, else on one; its lines and top, or null. */
function fitLabel(
  it: Item,
  text: string,
  column: LabelColumn,
  items: readonly Item[],
  { labelH, labelsW, labelsX }: VerticalFrame,
): [{ lines: string[]; width: number; truncated: boolean }, number] | null {
  const wrapped = wrapText(text, labelsW, it.font, 2);
  if (!wrapped || wrapped.truncated) return null;
  const desiredTop = it.x - labelH / 2;
  const clear = (top: number) => leaderClear(it, top + labelH / 2, items, labelsX);
  const top = placeLabel(column, it.rank, desiredTop, wrapped.lines.length * labelH, clear);
  if (top !== null) return [wrapped, top];
  const one = wrapped.lines.length > 1 ? shorten(text, labelsW, it.font) : null;
  const oneTop = one ? placeLabel(column, it.rank, desiredTop, labelH, clear) : null;
  return one && oneTop !== null ? [{ lines: [one.text], width: one.width, truncated: one.truncated }, oneTop] : null;
}

/**
 * The labels of the marks in view, by priority: whole on up to two rows, else on one row, else a
 * cluster's without its span, else hidden. Sets each placed item's label and box.
 */
export function placeEventLabels(items: readonly Item[], column: LabelColumn, f: VerticalFrame): void {
  const { ctx, labelH, labelsX } = f;
  const maxShift = column.maxShift;
  for (const it of [...items].sort(byPriority)) {
    if (it.x < ctx.viewL || it.x > ctx.viewR) continue;
    const desiredTop = it.x - labelH / 2;
    // Most labels of a dense chart find no room: check before measuring.
    const [gapTop, gapBottom] = gapAt(column, it.rank);
    if (gapBottom - gapTop < labelH || gapTop - desiredTop > maxShift || desiredTop + labelH - gapBottom > maxShift)
      continue;
    const placed =
      fitLabel(it, it.text, column, items, f) ?? (it.alt === undefined ? null : fitLabel(it, it.alt, column, items, f));
    if (!placed) continue;
    const [fitted, top] = placed;
    Object.assign(it, {
      label: fitted.lines.join(' '),
      lines: fitted.lines,
      truncated: fitted.truncated,
      anchor: 'start',
    });
    it.box = { x: round(labelsX), y: round(top), w: round(fitted.width), h: fitted.lines.length * labelH };
  }
}
