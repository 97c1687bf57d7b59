// Horizontal: the items of one track placed in its lanes, labels beside their marks.
import { LaneGrid, type FittedText } from '../lanes';
import { LABEL_GAP, LABEL_HARM, MARK_LABEL_GAP, MARK_ON_MARK, TOUCH } from './constants';
import { NO_LINES, byPriority, shorten, type Ctx, type Item } from './context';

/**
 * Places the items of one horizontal track in `lanes` lanes. Each lane keeps two sets
 * of intervals along the time axis: the footprints of marks (with their bars and
 * milestones) and the label boxes. A label may not come within LABEL_GAP px of
 * anything else in its lane, so no mark, bar or milestone of another event is ever
 * under a label. In priority order (highlighted, importance 1, "+N" clusters, importance 2, 3),
 * each group first tries full labels, then shortened ones, then keeps only the mark.
 * A mark that finds no free lane goes where it does least harm, and the labels it
 * would sit under are shortened or hidden.
 *
 * Counting modes report the lanes used, or -1 when `lanes` are not enough: 'labels'
 * for every label in full; 'floor' for the full labels of clusters and importance-1
 * events with every other mark beside them, unlabelled, in a lane where no label is over it.
 */
export function placeRow(
  items: Item[],
  lanes: number,
  ctx: Ctx,
  mode: 'place' | 'labels' | 'floor',
  overflow?: number[],
): number {
  items.sort(byPriority);
  const row = new Row(items, lanes, ctx, overflow);
  let used = 0;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j < items.length && items[j].priority === items[i].priority) j++;
    if (mode === 'floor' && items[i].priority > 1.5) {
      // Marks may share a lane with other marks here, only not sit under a label.
      const floor = row.placeBesideLabels(i, j);
      if (floor < 0) return -1;
      used = Math.max(used, floor);
      i = j;
      continue;
    }
    const pending: number[] = [];
    used = Math.max(used, row.placeWhole(i, j, pending));
    if (mode !== 'place') {
      if (pending.length > 0) return -1;
      i = j;
      continue;
    }
    for (const n of row.placeWhereRoom(pending)) row.placeMarkOnly(n);
    i = j;
  }
  return used;
}

/** One track's lanes while its items (sorted by priority; indexed by n) are being placed. */
class Row {
  private readonly items: Item[];
  private readonly lanes: number;
  private readonly ctx: Ctx;
  /** Where marks had to go on other marks (placeRow's `overflow`). */
  private readonly overflow: number[] | undefined;
  /** Per lane, the footprints of marks (with their bars and milestones), and the label boxes (owned by item index). */
  private readonly marks: LaneGrid;
  private readonly labels: LaneGrid;

  constructor(items: Item[], lanes: number, ctx: Ctx, overflow: number[] | undefined) {
    this.items = items;
    this.lanes = lanes;
    this.ctx = ctx;
    this.overflow = overflow;
    this.marks = new LaneGrid(lanes, LABEL_GAP);
    this.labels = new LaneGrid(lanes, LABEL_GAP);
  }

  private free(lane: number, a: number, b: number): boolean {
    return this.marks.fits(lane, a, b) && this.labels.fits(lane, a, b);
  }

  private commit(n: number, lane: number, b0: number, fitted: FittedText, anchor: 'start' | 'end'): void {
    const it = this.items[n];
    this.marks.merge(lane, it.m0, it.m1);
    this.labels.insert(lane, b0, b0 + fitted.width, n);
    it.lane = lane;
    it.label = fitted.text;
    it.lines = [fitted.text];
    it.truncated = fitted.truncated;
    it.anchor = anchor;
    it.boxX = b0;
    it.boxW = fitted.width;
  }

  /** Counting the floor: items [i, j) unlabelled, each in the first lane where no label is over it. The lanes used, or -1. */
  placeBesideLabels(i: number, j: number): number {
    let used = 0;
    for (let n = i; n < j; n++) {
      const it = this.items[n];
      let lane = -1;
      for (let l = 0; l < this.lanes && lane < 0; l++)
        if (this.labels.overlapping(l, it.x - it.r, it.x + it.r, TOUCH).length === 0) lane = l;
      if (lane < 0) return -1;
      this.marks.merge(lane, it.m0, it.m1);
      used = Math.max(used, lane + 1);
    }
    return used;
  }

  /**
   * Items [i, j) with their labels whole, each in the first lane with room: right of the mark,
   * or near the plot's right edge on its left. Those that do not fit go to `pending`. The lanes used.
   */
  placeWhole(i: number, j: number, pending: number[]): number {
    const ctx = this.ctx;
    let used = 0;
    for (let n = i; n < j; n++) {
      const it = this.items[n];
      const rightStart = Math.max(it.x + it.r + MARK_LABEL_GAP, ctx.viewL + 2);
      const leftEnd = it.x - it.r - MARK_LABEL_GAP;
      const roomRight = ctx.viewR - rightStart;
      const roomLeft = leftEnd <= ctx.viewR ? leftEnd - ctx.viewL : -Infinity;
      const fitted: FittedText | null =
        it.textW <= Math.max(roomRight, roomLeft) ? { text: it.text, width: it.textW, truncated: false } : null;
      const anchor: 'start' | 'end' = it.textW <= roomRight ? 'start' : 'end';
      if (!fitted) {
        pending.push(n);
        continue;
      }
      const b0 = anchor === 'start' ? rightStart : leftEnd - fitted.width;
      const f0 = Math.min(it.m0, b0);
      const f1 = Math.max(it.m1, b0 + fitted.width);
      let lane = -1;
      for (let l = 0; l < this.lanes && lane < 0; l++) if (this.free(l, f0, f1)) lane = l;
      if (lane < 0) {
        pending.push(n);
        continue;
      }
      used = Math.max(used, lane + 1);
      this.commit(n, lane, b0, fitted, anchor);
    }
    return used;
  }

  /**
   * The `pending` items again, each label where its mark is free and the label has room after (or, at
   * the right edge, before) the mark: the lowest lane with room for it whole, else the lane with the
   * most room; left of the mark only where the right has no room. Returns the items left without a label.
   */
  placeWhereRoom(pending: readonly number[]): number[] {
    const ctx = this.ctx;
    const hidden: number[] = [];
    for (const n of pending) {
      const it = this.items[n];
      const rightStart = Math.max(it.x + it.r + MARK_LABEL_GAP, ctx.viewL + 2);
      const leftEnd = it.x - it.r - MARK_LABEL_GAP;
      const mayFlip = rightStart + it.textW > ctx.viewR;
      let right = { room: 0, lane: -1 };
      let left = { room: 0, lane: -1 };
      const better = (best: { room: number; lane: number }, room: number) =>
        room > best.room && !(best.lane >= 0 && best.room >= it.textW);
      for (let lane = 0; lane < this.lanes; lane++) {
        if (!this.free(lane, it.m0, it.m1)) continue;
        const [a0, a1] = this.marks.freeAround(lane, it.m0, it.m1);
        const [c0, c1] = this.labels.freeAround(lane, it.m0, it.m1);
        const roomRight = Math.min(a1, c1, ctx.viewR) - rightStart;
        if (better(right, roomRight)) right = { room: roomRight, lane };
        if (mayFlip && leftEnd <= ctx.viewR) {
          const roomLeft = leftEnd - Math.max(a0, c0, ctx.viewL);
          if (better(left, roomLeft)) left = { room: roomLeft, lane };
        }
      }
      const onRight = right.lane >= 0 ? shorten(it.text, right.room, it.font) : null;
      const onLeft = onRight || left.lane < 0 ? null : shorten(it.text, left.room, it.font);
      if (onRight) this.commit(n, right.lane, rightStart, onRight, 'start');
      else if (onLeft) this.commit(n, left.lane, leftEnd - onLeft.width, onLeft, 'end');
      else hidden.push(n);
    }
    return hidden;
  }

  /** A mark without a label: in the first lane where it is free, else where it does least harm. */
  placeMarkOnly(n: number): void {
    const it = this.items[n];
    let lane = -1;
    for (let l = 0; l < this.lanes && lane < 0; l++) if (this.free(l, it.m0, it.m1)) lane = l;
    if (lane < 0) {
      const s0 = it.x - it.r;
      const s1 = it.x + it.r;
      lane = this.leastHarmLane(it, s0, s1);
      for (const [, , owner] of this.labels.overlapping(lane, s0, s1, TOUCH)) this.clearLabel(owner, lane, s0, s1);
      if (this.overflow && this.marks.overlaps(lane, it.m0, it.m1) > 0) this.overflow.push(it.x);
    }
    this.marks.merge(lane, it.m0, it.m1);
    Object.assign(it, { lane, label: null, lines: NO_LINES, truncated: false });
  }

  /**
   * The lane where the symbol over [s0, s1] of `it` does least harm: marks it would overlap, and what
   * the labels its symbol would sit under lose (dearer the more important). Its bar and milestones run
   * in the row below the labels, so only the symbol counts against labels, and only where it touches one.
   */
  private leastHarmLane(it: Item, s0: number, s1: number): number {
    let lane = -1;
    let least = Infinity;
    for (let l = 0; l < this.lanes; l++) {
      let harm = MARK_ON_MARK * this.marks.overlaps(l, it.m0, it.m1);
      for (const [, , owner] of this.labels.overlapping(l, s0, s1, TOUCH)) {
        const other = this.items[owner];
        const kept = clearedLabel(other, s0, s1);
        harm += LABEL_HARM(other.priority) * (1 - (kept ? visibleChars(kept.text) / visibleChars(other.label!) : 0));
      }
      if (harm < least) {
        least = harm;
        lane = l;
      }
    }
    return lane;
  }

  /** Shortens the label of `items[n]` in `lane` so that it keeps clear of a symbol over [s0, s1], or hides it. */
  private clearLabel(n: number, lane: number, s0: number, s1: number): void {
    const it = this.items[n];
    const fitted = clearedLabel(it, s0, s1);
    this.labels.remove(lane, it.boxX, n);
    if (!fitted) {
      Object.assign(it, { label: null, lines: NO_LINES, truncated: false });
      return;
    }
    const b0 = it.anchor === 'start' ? it.boxX : it.boxX + it.boxW - fitted.width;
    this.labels.insert(lane, b0, b0 + fitted.width, n);
    Object.assign(it, {
      label: fitted.text,
      lines: [fitted.text],
      truncated: fitted.truncated,
      boxX: b0,
      boxW: fitted.width,
    });
  }
}

/** What is left of the label of `it` when it keeps clear of a symbol over [s0, s1]: cut on its side, or null. */
function clearedLabel(it: Item, s0: number, s1: number): FittedText | null {
  const end = it.boxX + it.boxW;
  const room =
    it.anchor === 'start' ? Math.min(end, s0 - LABEL_GAP) - it.boxX : end - Math.max(it.boxX, s1 + LABEL_GAP);
  return room > 0 ? shorten(it.text, room, it.font) : null;
}

/** Characters of a label a reader sees, the ellipsis not counted. */
export function visibleChars(text: string): number {
  return text.endsWith('…') ? text.length - 1 : text.length;
}
