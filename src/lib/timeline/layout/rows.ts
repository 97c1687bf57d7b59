// Horizontal: the items of one track placed in its lanes, labels beside their marks.
import { LaneGrid, type FittedText } from '../lanes';
import { FAR_END_GAP, LABEL_GAP, LABEL_HARM, MARK_LABEL_GAP, MARK_ON_MARK, TOUCH } from './constants';
import { NO_LINES, byPriority, shorten, type Ctx, type Item } from './context';

/**
 * Places the items of one horizontal track in `lanes` lanes. Each lane keeps two sets
 * of intervals along the time axis: the footprints of marks (with their bars and
 * milestones) and the label boxes. A label may not come within LABEL_GAP px of
 * anything else in its lane, so no mark, bar or milestone of another event is ever
 * under a label. In priority order (highlighted, importance 1, "+N" clusters, importance 2, 3),
 * each group first tries full labels, then shortened ones, then keeps only the mark; within a group
 * from left to right, or on a chart about one event from its mark outwards (nearFirst).
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
  const ownX = ctx.o.nearOwnFirst
    ? items.find((it) => it.priority === 0 && ctx.highlighted.has((it.lead ?? it.ev)?.id ?? ''))?.x
    : undefined;
  items.sort(ownX === undefined ? byPriority : nearFirst(ownX));
  const row: Row = {
    items,
    lanes,
    ctx,
    ownX,
    overflow,
    marks: new LaneGrid(lanes, LABEL_GAP),
    labels: new LaneGrid(lanes, LABEL_GAP),
    overLabel: new Map(),
  };
  let used = 0;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j < items.length && items[j].priority === items[i].priority) j++;
    if (mode === 'floor' && items[i].priority > 1.5) {
      // Marks may share a lane with other marks here, only not sit under a label.
      const floor = placeBesideLabels(row, i, j);
      if (floor < 0) return -1;
      used = Math.max(used, floor);
      i = j;
      continue;
    }
    const pending: number[] = [];
    used = Math.max(used, placeWhole(row, i, j, pending));
    if (mode !== 'place') {
      if (pending.length > 0) return -1;
      i = j;
      continue;
    }
    for (const n of placeWhereRoom(row, pending)) placeMarkOnly(row, n);
    i = j;
  }
  if (mode === 'place') labelWhereFreed(row);
  return used;
}

/**
 * A last pass over the marks left without a label, in the order they took their lanes (by priority): each takes its
 * whole label where its lane has room for it on the mark's right. A mark's turn comes before the marks
 * placed after it, which may sit on the label it would have had and leave room beyond themselves: zoomed
 * in one step, the story chart's nine Mexican-enforcement marks in three lanes kept one label of nine, with
 * room beside the last mark of two lanes. A mark that sits on the label of a highlighted or importance-1
 * event, or of a "+N" cluster, takes none: its label would stand where theirs was hidden for it (nor on a
 * chart about one event does a mark that sits on any label).
 */
function labelWhereFreed(row: Row): void {
  const { ctx } = row;
  const [left, right] = farEnd(row, 'start');
  // On a chart about one event, no mark that hid a label takes one: the hidden label was nearer that event.
  const spared = row.ownX === undefined ? 2 : Infinity;
  for (let n = 0; n < row.items.length; n++) {
    const it = row.items[n];
    if (it.label !== null || (row.overLabel.get(n) ?? Infinity) < spared || it.x < ctx.viewL || it.x > ctx.viewR)
      continue;
    const b0 = it.x + it.r + MARK_LABEL_GAP;
    const [a, b] = [b0 - left, b0 + it.textW + right];
    if (b0 + it.textW > ctx.viewR || row.labels.overlaps(it.lane, a, b) > 0) continue;
    // No other mark, bar or milestone in its lane within LABEL_GAP of the label (the lane's merged
    // footprints cannot tell: a mark placed inside this one's bar leaves the bar's bounds as they were).
    if (row.items.some((o, k) => k !== n && o.lane === it.lane && o.m1 + LABEL_GAP > a && o.m0 - LABEL_GAP < b))
      continue;
    insertLabel(row, n, it.lane, b0, it.textW, 'start');
    Object.assign(it, {
      label: it.text,
      lines: [it.text],
      truncated: false,
      anchor: 'start',
      boxX: b0,
      boxW: it.textW,
    });
  }
}

/**
 * The order items take their lanes in on a chart about one event (an event page's; Ctx.o.nearOwnFirst):
 * by priority, then from the event's mark at `x` outwards (byPriority: from left to right), so that
 * where a crowd leaves some marks unlabelled, those are the ones furthest from the event the page is about.
 */
function nearFirst(x: number): (a: Item, b: Item) => number {
  return (a, b) => a.priority - b.priority || Math.abs(a.x - x) - Math.abs(b.x - x) || byPriority(a, b);
}

/** One track's lanes while its items (sorted by priority; indexed by n) are being placed. */
interface Row {
  items: Item[];
  lanes: number;
  ctx: Ctx;
  /** On a chart about one event (nearFirst), where its mark is: labels nearer it are dearer to hide. */
  ownX: number | undefined;
  /** Where marks had to go on other marks (placeRow's `overflow`). */
  overflow: number[] | undefined;
  /** Per lane, the footprints of marks (with their bars and milestones), and the label boxes (owned by item index). */
  marks: LaneGrid;
  labels: LaneGrid;
  /** Items whose marks went over labels, cut or hidden for them (placeMarkOnly): the most important of those labels' priorities (the lowest). */
  overLabel: Map<number, number>;
}

function free(row: Row, lane: number, a: number, b: number): boolean {
  return row.marks.fits(lane, a, b) && row.labels.fits(lane, a, b);
}

/** What a label keeps clear beyond its far end, [left, right] (only in shared lanes): see FAR_END_GAP. */
function farEnd(row: Row, anchor: 'start' | 'end'): [number, number] {
  if (!row.ctx.o.sharedLanes) return [0, 0];
  return anchor === 'start' ? [0, FAR_END_GAP] : [FAR_END_GAP, 0];
}

/** Records a label's box in `lane`, with the room its far end keeps. */
function insertLabel(row: Row, n: number, lane: number, b0: number, width: number, anchor: 'start' | 'end'): void {
  const [left, right] = farEnd(row, anchor);
  row.labels.insert(lane, b0 - left, b0 + width + right, n);
}

function commit(row: Row, n: number, lane: number, b0: number, fitted: FittedText, anchor: 'start' | 'end'): void {
  const it = row.items[n];
  row.marks.merge(lane, it.m0, it.m1);
  insertLabel(row, n, lane, b0, fitted.width, anchor);
  it.lane = lane;
  it.label = fitted.text;
  it.lines = [fitted.text];
  it.truncated = fitted.truncated;
  it.anchor = anchor;
  it.boxX = b0;
  it.boxW = fitted.width;
}

/** Counting the floor: items [i, j) unlabelled, each in the first lane where no label is over it. The lanes used, or -1. */
function placeBesideLabels(row: Row, i: number, j: number): number {
  let used = 0;
  for (let n = i; n < j; n++) {
    const it = row.items[n];
    let lane = -1;
    for (let l = 0; l < row.lanes && lane < 0; l++)
      if (row.labels.overlapping(l, it.x - it.r, it.x + it.r, TOUCH).length === 0) lane = l;
    if (lane < 0) return -1;
    row.marks.merge(lane, it.m0, it.m1);
    used = Math.max(used, lane + 1);
  }
  return used;
}

/**
 * Where the whole label of `it` starts, and on which side of its mark: on the right, or on the left
 * near the plot's right edge (first, for an item told to `flip`); null where neither side has room.
 */
export function wholeLabelAt(it: Item, ctx: Ctx): { b0: number; anchor: 'start' | 'end' } | null {
  const rightStart = Math.max(it.x + it.r + MARK_LABEL_GAP, ctx.viewL + 2);
  const leftEnd = it.x - it.r - MARK_LABEL_GAP;
  const roomLeft = leftEnd <= ctx.viewR ? leftEnd - ctx.viewL : -Infinity;
  const left = { b0: leftEnd - it.textW, anchor: 'end' as const };
  if (it.flip && it.textW <= roomLeft) return left;
  if (it.textW <= ctx.viewR - rightStart) return { b0: rightStart, anchor: 'start' };
  return it.textW <= roomLeft ? left : null;
}

/**
 * Items [i, j) with their labels whole, each in the first lane with room: right of the mark,
 * or near the plot's right edge on its left. Those that do not fit go to `pending`. The lanes used.
 */
function placeWhole(row: Row, i: number, j: number, pending: number[]): number {
  const ctx = row.ctx;
  let used = 0;
  for (let n = i; n < j; n++) {
    const it = row.items[n];
    const at = wholeLabelAt(it, ctx);
    if (!at) {
      pending.push(n);
      continue;
    }
    const fitted: FittedText = { text: it.text, width: it.textW, truncated: false };
    let { b0, anchor } = at;
    let lane = firstFreeLane(row, it, b0, anchor);
    // Shared lanes: where no lane has room on the mark's right, its left may have it.
    const leftB0 = it.x - it.r - MARK_LABEL_GAP - it.textW;
    if (lane < 0 && ctx.o.sharedLanes && anchor === 'start' && leftB0 >= ctx.viewL) {
      lane = firstFreeLane(row, it, leftB0, 'end');
      if (lane >= 0) [b0, anchor] = [leftB0, 'end'];
    }
    if (lane < 0) {
      pending.push(n);
      continue;
    }
    used = Math.max(used, lane + 1);
    commit(row, n, lane, b0, fitted, anchor);
  }
  return used;
}

/** The first lane with room for the mark of `it` and its whole label from `b0` (and its far end's room), or -1. */
function firstFreeLane(row: Row, it: Item, b0: number, anchor: 'start' | 'end'): number {
  const [left, right] = farEnd(row, anchor);
  const f0 = Math.min(it.m0, b0 - left);
  const f1 = Math.max(it.m1, b0 + it.textW + right);
  for (let l = 0; l < row.lanes; l++) if (free(row, l, f0, f1)) return l;
  return -1;
}

/**
 * The `pending` items again, each label where its mark is free and the label has room after (or, at
 * the right edge, before) the mark: the lowest lane with room for it whole, else the lane with the
 * most room; left of the mark only where the right has no room. Returns the items left without a label.
 */
function placeWhereRoom(row: Row, pending: readonly number[]): number[] {
  const ctx = row.ctx;
  const hidden: number[] = [];
  for (const n of pending) {
    const it = row.items[n];
    const rightStart = Math.max(it.x + it.r + MARK_LABEL_GAP, ctx.viewL + 2);
    const leftEnd = it.x - it.r - MARK_LABEL_GAP;
    const mayFlip = rightStart + it.textW > ctx.viewR;
    let right = { room: 0, lane: -1 };
    let left = { room: 0, lane: -1 };
    const better = (best: { room: number; lane: number }, room: number) =>
      room > best.room && !(best.lane >= 0 && best.room >= it.textW);
    for (let lane = 0; lane < row.lanes; lane++) {
      if (!free(row, lane, it.m0, it.m1)) continue;
      const [a0, a1] = row.marks.freeAround(lane, it.m0, it.m1);
      const [c0, c1] = row.labels.freeAround(lane, it.m0, it.m1);
      const roomRight = Math.min(Math.min(a1, c1) - farEnd(row, 'start')[1], ctx.viewR) - rightStart;
      if (better(right, roomRight)) right = { room: roomRight, lane };
      if (mayFlip && leftEnd <= ctx.viewR) {
        const roomLeft = leftEnd - Math.max(Math.max(a0, c0) + farEnd(row, 'end')[0], ctx.viewL);
        if (better(left, roomLeft)) left = { room: roomLeft, lane };
      }
    }
    const onRight = right.lane >= 0 ? shorten(it.text, right.room, it.font) : null;
    const onLeft = onRight || left.lane < 0 ? null : shorten(it.text, left.room, it.font);
    if (onRight) commit(row, n, right.lane, rightStart, onRight, 'start');
    else if (onLeft) commit(row, n, left.lane, leftEnd - onLeft.width, onLeft, 'end');
    else hidden.push(n);
  }
  return hidden;
}

/** A mark without a label: in the first lane where it is free, else where it does least harm. */
function placeMarkOnly(row: Row, n: number): void {
  const it = row.items[n];
  let lane = -1;
  for (let l = 0; l < row.lanes && lane < 0; l++) if (free(row, l, it.m0, it.m1)) lane = l;
  if (lane < 0) {
    const s0 = it.x - it.r;
    const s1 = it.x + it.r;
    lane = leastHarmLane(row, it, s0, s1);
    for (const [, , owner] of row.labels.overlapping(lane, s0, s1, TOUCH)) {
      row.overLabel.set(n, Math.min(row.overLabel.get(n) ?? Infinity, row.items[owner].priority));
      clearLabel(row, owner, lane, s0, s1);
    }
    if (row.overflow && row.marks.overlaps(lane, it.m0, it.m1) > 0) row.overflow.push(it.x);
  }
  row.marks.merge(lane, it.m0, it.m1);
  Object.assign(it, { lane, label: null, lines: NO_LINES, truncated: false });
}

/**
 * The lane where the symbol over [s0, s1] of `it` does least harm: marks it would overlap, and what
 * the labels its symbol would sit under lose (dearer the more important). Its bar and milestones run
 * in the row below the labels, so only the symbol counts against labels, and only where it touches one.
 */
function leastHarmLane(row: Row, it: Item, s0: number, s1: number): number {
  let lane = -1;
  let least = Infinity;
  for (let l = 0; l < row.lanes; l++) {
    let harm = MARK_ON_MARK * row.marks.overlaps(l, it.m0, it.m1);
    for (const [, , owner] of row.labels.overlapping(l, s0, s1, TOUCH)) {
      const other = row.items[owner];
      const kept = clearedLabel(other, s0, s1, farEnd(row, other.anchor));
      // Shared lanes: an emphasised label is dearer than a mark on a mark, whose crowd then clusters.
      const cost = row.ctx.o.sharedLanes && other.priority === 0 ? 2 * MARK_ON_MARK : LABEL_HARM(other.priority);
      harm += cost * nearness(row, other) * (1 - (kept ? visibleChars(kept.text) / visibleChars(other.label!) : 0));
    }
    if (harm < least) {
      least = harm;
      lane = l;
    }
  }
  return lane;
}

/**
 * How much dearer the label of `it` is to hide for being near the mark a chart is about: up to a
 * quarter (less than the step between two priorities), so that of two labels of one priority, the
 * one further from that mark gives way.
 */
function nearness(row: Row, it: Item): number {
  if (row.ownX === undefined) return 1;
  const span = Math.max(1, row.ctx.viewR - row.ctx.viewL);
  return 1 + 0.25 * Math.max(0, 1 - Math.abs(it.x - row.ownX) / span);
}

/** Shortens the label of `items[n]` in `lane` so that it keeps clear of a symbol over [s0, s1], or hides it. */
function clearLabel(row: Row, n: number, lane: number, s0: number, s1: number): void {
  const it = row.items[n];
  const fitted = clearedLabel(it, s0, s1, farEnd(row, it.anchor));
  row.labels.remove(lane, it.boxX - farEnd(row, it.anchor)[0], n);
  if (!fitted) {
    Object.assign(it, { label: null, lines: NO_LINES, truncated: false });
    return;
  }
  const b0 = it.anchor === 'start' ? it.boxX : it.boxX + it.boxW - fitted.width;
  insertLabel(row, n, lane, b0, fitted.width, it.anchor);
  Object.assign(it, {
    label: fitted.text,
    lines: [fitted.text],
    truncated: fitted.truncated,
    boxX: b0,
    boxW: fitted.width,
  });
}

/** What is left of the label of `it` when it keeps clear of a symbol over [s0, s1]: cut on its side, or null. */
function clearedLabel(it: Item, s0: number, s1: number, [left, right]: [number, number]): FittedText | null {
  const end = it.boxX + it.boxW;
  const room =
    it.anchor === 'start'
      ? Math.min(end, s0 - LABEL_GAP - right) - it.boxX
      : end - Math.max(it.boxX, s1 + LABEL_GAP + left);
  return room > 0 ? shorten(it.text, room, it.font) : null;
}

/** Characters of a label a reader sees, the ellipsis not counted. */
export function visibleChars(text: string): number {
  return text.endsWith('…') ? text.length - 1 : text.length;
}
