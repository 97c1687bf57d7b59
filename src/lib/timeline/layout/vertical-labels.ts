// Vertical: the labels' column right of the marks. Labels keep the order of their marks down the
// page; each goes into the free stretch between the labels already placed for the marks above and
// below its own, as near its mark as it can (at most MAX_SHIFT_ROWS rows away).
import { wrapText } from '../lanes';
import { symbolExtent } from '../shapes';
import { MAX_SHIFT_ROWS, V_GAP, round } from './constants';
import { byPriority, shorten, type Item } from './context';
import type { VerticalFrame } from './vertical-frame';
import type { Leader } from './types';

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
 * room. Where `clear` says no to that top, the nearest top within reach it says yes to, if any (if none:
 * that top all the same, or null when `strict`).
 */
export function placeLabel(
  column: LabelColumn,
  rank: number,
  desiredTop: number,
  h: number,
  clear?: (top: number) => boolean,
  strict = false,
): number | null {
  const [gapTop, gapBottom, a] = gapAt(column, rank);
  if (gapBottom - gapTop < h) return null;
  let top = Math.min(Math.max(desiredTop, gapTop), gapBottom - h);
  if (Math.abs(top - desiredTop) > column.maxShift) return null;
  if (clear && !clear(top)) {
    const lo = Math.max(gapTop, desiredTop - column.maxShift);
    const hi = Math.min(gapBottom - h, desiredTop + column.maxShift);
    const ok = (t: number) => t >= lo && t <= hi && clear(t);
    let found = false;
    for (let d = 1; d <= hi - lo && !found; d++) {
      const t = ok(top + d) ? top + d : ok(top - d) ? top - d : null;
      if (t !== null) {
        top = t;
        found = true;
      }
    }
    if (strict && !found) return null;
  }
  column.ranks.splice(a, 0, rank);
  column.tops.splice(a, 0, top);
  column.bottoms.splice(a, 0, top + h);
  return top;
}

/** Whether a label whose first row is centred at `rowY` stays on the row of the mark of `it` (no leader). */
export const onRow = (it: Item, rowY: number) => Math.abs(rowY - it.x) <= 1;

/**
 * The line from the mark of `it` (its right) to the labels' column, at the height of a label's first row
 * centred at `rowY`: the leader verticalMarks draws where the label left its mark's row; else level with the mark.
 */
export function leaderLine(it: Item, rowY: number, labelsX: number): Leader {
  return { x1: it.cx + it.r + 2, y1: it.x, x2: labelsX - 3, y2: onRow(it, rowY) ? it.x : rowY };
}

/**
 * Whether the leader from the mark of `it` to a label whose first row is centred at `rowY` would pass over
 * another mark's symbol: the label would then read as that mark's ("+4 Border data" over the unlabelled
 * triangle beside its cross).
 */
function leaderClear(it: Item, rowY: number, items: readonly Item[], labelsX: number): boolean {
  if (onRow(it, rowY)) return true;
  const { x1, y1, x2, y2 } = leaderLine(it, rowY, labelsX);
  const [dx, dy] = [x2 - x1, y2 - y1];
  for (const o of items) {
    if (o === it || o.x + o.r < Math.min(y1, rowY) - 1 || o.x - o.r > Math.max(y1, rowY) + 1) continue;
    const t = Math.max(0, Math.min(1, ((o.cx - x1) * dx + (o.x - y1) * dy) / (dx * dx + dy * dy)));
    const e = o.cluster ? { x: o.r, y: o.r } : symbolExtent(o.track.shape, o.r);
    if (Math.hypot(x1 + t * dx - o.cx, y1 + t * dy - o.x) < Math.max(e.x, e.y) + 1.5) return false;
  }
  return true;
}

/**
 * A label of `text` for `it`, placed in the column: whole on up to two rows, else on one; its lines and top,
 * or null. `rank`: its place in the column's order (its mark's, unless placeBefore says otherwise);
 * `also`: a further test of its top that must hold.
 */
function fitLabel(
  it: Item,
  text: string,
  column: LabelColumn,
  items: readonly Item[],
  { labelH, labelsW, labelsX }: VerticalFrame,
  rank = it.rank,
  also?: (top: number) => boolean,
): [{ lines: string[]; width: number; truncated: boolean }, number] | null {
  const wrapped = wrapText(text, labelsW, it.font, 2);
  if (!wrapped || wrapped.truncated) return null;
  const desiredTop = it.x - labelH / 2;
  const clear = (top: number) => leaderClear(it, top + labelH / 2, items, labelsX) && (!also || also(top));
  const strict = also !== undefined;
  const top = placeLabel(column, rank, desiredTop, wrapped.lines.length * labelH, clear, strict);
  if (top !== null) return [wrapped, top];
  const one = wrapped.lines.length > 1 ? shorten(text, labelsW, it.font) : null;
  const oneTop = one ? placeLabel(column, rank, desiredTop, labelH, clear, strict) : null;
  return one && oneTop !== null ? [{ lines: [one.text], width: one.width, truncated: one.truncated }, oneTop] : null;
}

/** The height of a leader (or of the line level with its mark, onRow) at `x`, as the line through it runs. */
function leaderY(l: Leader, x: number): number {
  return l.x2 === l.x1 ? l.y1 : l.y1 + ((x - l.x1) * (l.y2 - l.y1)) / (l.x2 - l.x1);
}

/**
 * A label for an event left without one because the label of the mark just above it had to move down past
 * it ("+4 Border data" led down below the triangle beside its cross, then no room was left below for the
 * triangle's): it goes before that label in the column, on or near its own row, where its leader stays above
 * the other's all the way (the two never cross) and passes over no mark.
 */
function placeBefore(it: Item, items: readonly Item[], column: LabelColumn, f: VerticalFrame): Item | null {
  const { labelH, labelsX } = f;
  const prev = items[it.rank - 1];
  if (!prev?.box || prev.rank !== it.rank - 1) return null;
  const prevLeader = leaderLine(prev, prev.box.y + labelH / 2, labelsX);
  if (prevLeader.y2 <= it.x) return null;
  const above = (top: number) => {
    const own = leaderLine(it, top + labelH / 2, labelsX);
    const x = Math.max(own.x1, prevLeader.x1);
    return leaderY(own, x) + 2 < leaderY(prevLeader, x) && own.y2 + 2 < prevLeader.y2;
  };
  const rank = prev.rank - 0.5;
  const placed =
    fitLabel(it, it.text, column, items, f, rank, above) ??
    (it.alt === undefined ? null : fitLabel(it, it.alt, column, items, f, rank, above));
  if (!placed) return null;
  setLabel(it, placed, labelsX, labelH);
  return prev;
}

/** Where the labels next to a gap in the column would go to widen it: new tops by index in the column. */
type Moves = Map<number, number>;

/**
 * The moves that push the labels from index `start` on, in direction `dir` (1: down, −1: up), `by` px: each
 * as little as keeps V_GAP to the one before it. Null where one cannot move: not a mark's label (`movable`),
 * past the column's end, farther than maxShift from its mark, or with its leader over another mark.
 */
function push(
  column: LabelColumn,
  start: number,
  dir: 1 | -1,
  by: number,
  movable: (rank: number) => Item | undefined,
  items: readonly Item[],
  { labelH, labelsX }: VerticalFrame,
  moves: Moves,
): Moves | null {
  let s = by;
  for (let j = start; s > 0; j += dir) {
    if (j < 0 || j >= column.ranks.length) return moves;
    const it = movable(column.ranks[j]);
    if (!it) return null;
    const h = column.bottoms[j] - column.tops[j];
    const top = column.tops[j] + dir * s;
    if (top < column.lo || top + h > column.hi || Math.abs(top + labelH / 2 - it.x) > column.maxShift) return null;
    if (!leaderClear(it, top + labelH / 2, items, labelsX)) return null;
    moves.set(j, top);
    const k = j + dir;
    if (k >= 0 && k < column.ranks.length)
      s -= Math.max(
        0,
        dir > 0 ? column.tops[k] - V_GAP - column.bottoms[j] : column.tops[j] - V_GAP - column.bottoms[k],
      );
  }
  return moves;
}

/**
 * A label for an event still without one where its gap in the column is short of its height by at most a
 * row: the labels below move down, or those above move up, or each half the way (push), where all of them
 * can, and its own label then sits within reach of its mark, its leader over no other mark. Failing that,
 * one of the labels of two rows nearest the gap goes on one row (a cluster's without its span), where
 * that makes the room.
 */
function widenFor(
  it: Item,
  items: readonly Item[],
  column: LabelColumn,
  f: VerticalFrame,
  movable: (rank: number) => Item | undefined,
): boolean {
  const { labelH, labelsW, labelsX } = f;
  const [gapTop, gapBottom, a] = gapAt(column, it.rank);
  const need = labelH - (gapBottom - gapTop);
  if (need <= 0 || need > labelH) return false;
  const fitted = oneRow(it, labelsW);
  if (!fitted) return false;
  if (widen(it, fitted, items, column, f, movable)) return true;
  for (const j of [a - 1, a, a - 2, a + 1, a - 3, a + 2]) {
    // A mark's label, moved or not: one row from its top keeps where it starts, and its leader.
    const rank = column.ranks[j];
    const other = Number.isInteger(rank) && items[rank]?.rank === rank ? items[rank] : undefined;
    const one = other?.box && other.lines.length > 1 ? oneRow(other, labelsW) : null;
    if (!other || !one) continue;
    const bottom = column.bottoms[j];
    column.bottoms[j] = column.tops[j] + labelH;
    if (widen(it, fitted, items, column, f, movable)) {
      setLabel(other, [one, column.tops[j]], labelsX, labelH);
      return true;
    }
    column.bottoms[j] = bottom;
  }
  return false;
}

/** widenFor's moves, with the column as it is: whether they made room for the label of `it`, on one row. */
function widen(
  it: Item,
  fitted: { lines: string[]; width: number; truncated: boolean },
  items: readonly Item[],
  column: LabelColumn,
  f: VerticalFrame,
  movable: (rank: number) => Item | undefined,
): boolean {
  const { labelH, labelsX } = f;
  const [gapTop, gapBottom, a] = gapAt(column, it.rank);
  const desiredTop = it.x - labelH / 2;
  const need = Math.max(0, labelH - (gapBottom - gapTop));
  for (const down of [need, 0, Math.ceil(need / 2)]) {
    const up = need - down;
    const top = Math.min(Math.max(desiredTop, gapTop - up), gapBottom + down - labelH);
    if (Math.abs(top - desiredTop) > column.maxShift || !leaderClear(it, top + labelH / 2, items, labelsX)) continue;
    const moves = push(column, a, 1, down, movable, items, f, new Map());
    if (!moves || !push(column, a - 1, -1, up, movable, items, f, moves)) continue;
    for (const [j, t] of moves) {
      const moved = movable(column.ranks[j])!;
      column.bottoms[j] += t - column.tops[j];
      column.tops[j] = t;
      moved.box = { ...moved.box!, y: round(t) };
    }
    placeLabel(column, it.rank, top, labelH);
    setLabel(it, [fitted, top], labelsX, labelH);
    return true;
  }
  return false;
}

/** The label of `it` on one row: its text whole, else its shorter text whole (a cluster's without its span), or null. */
function oneRow(it: Item, labelsW: number): { lines: string[]; width: number; truncated: boolean } | null {
  const one = shorten(it.text, labelsW, it.font) ?? (it.alt === undefined ? null : shorten(it.alt, labelsW, it.font));
  return one && { lines: [one.text], width: one.width, truncated: one.truncated };
}

function setLabel(
  it: Item,
  [fitted, top]: [{ lines: string[]; width: number; truncated: boolean }, number],
  labelsX: number,
  labelH: number,
): void {
  Object.assign(it, {
    label: fitted.lines.join(' '),
    lines: fitted.lines,
    truncated: fitted.truncated,
    anchor: 'start',
  });
  it.box = { x: round(labelsX), y: round(top), w: round(fitted.width), h: fitted.lines.length * labelH };
}

/**
 * The labels of the marks in view, by priority: whole on up to two rows, else on one row, else a
 * cluster's without its span, else hidden. Sets each placed item's label and box. Then an event left
 * without a label below a mark whose label moved past it may still get one, before that label (placeBefore);
 * and one whose gap is a little short, where the labels around it can move apart (widenFor).
 */
export function placeEventLabels(items: readonly Item[], column: LabelColumn, f: VerticalFrame): void {
  const { ctx, labelH, labelsX } = f;
  const maxShift = column.maxShift;
  const missed: Item[] = [];
  for (const it of [...items].sort(byPriority)) {
    if (it.x < ctx.viewL || it.x > ctx.viewR) continue;
    const desiredTop = it.x - labelH / 2;
    // Most labels of a dense chart find no room: check before measuring.
    const [gapTop, gapBottom] = gapAt(column, it.rank);
    const placed =
      gapBottom - gapTop < labelH || gapTop - desiredTop > maxShift || desiredTop + labelH - gapBottom > maxShift
        ? null
        : (fitLabel(it, it.text, column, items, f) ??
          (it.alt === undefined ? null : fitLabel(it, it.alt, column, items, f)));
    if (placed) setLabel(it, placed, labelsX, labelH);
    else if (it.ev) missed.push(it);
  }
  // Labels placeBefore ordered against their marks' order stay where they are (moving them could cross their leaders).
  const fixed = new Set<Item>();
  for (const it of missed) {
    const prev = placeBefore(it, items, column, f);
    if (prev) fixed.add(prev).add(it);
  }
  const movable = (rank: number) => {
    const it = Number.isInteger(rank) ? items[rank] : undefined;
    return it && it.rank === rank && it.box && !fixed.has(it) ? it : undefined;
  };
  for (const it of missed) if (!it.box) widenFor(it, items, column, f, movable);
}
