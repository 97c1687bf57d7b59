// What the timeline and the companion charts (<chart-tooltip>) share in the browser: which mark
// a key moves the focus to (a roving focus through the marks in reading order, and for the
// timeline, between its tracks), and where a tooltip goes beside its mark. Pure functions: the
// callers read the DOM and write the result.

/** A focus move: along the marks, to an end, or to the nearest mark of the row (track) above or below. */
export type Move = 'next' | 'prev' | 'first' | 'last' | 'up' | 'down';

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * The move a key asks for. Along the time axis, arrows step through the marks; across it, they
 * change rows (in a vertical chart time runs down, so the arrows turn with it).
 */
export function moveFor(key: string, vertical = false): Move | undefined {
  if (key === 'Home') return 'first';
  if (key === 'End') return 'last';
  const i = ['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp'].indexOf(key);
  // Turned a quarter: → and ← become ↓ and ↑ (index 0, 1 ↔ 2, 3).
  return i < 0 ? undefined : (['next', 'prev', 'down', 'up'] as const)[vertical ? i ^ 2 : i];
}

/** The rows of a chart, for up/down: the visible rows in order, each mark's row, and its time. */
export interface Rows<T> {
  rows: readonly string[];
  rowOf: (mark: T) => string;
  timeOf: (mark: T) => number;
}

/**
 * The mark the focus moves to from `from` (undefined: no mark has it yet) in `order`, the visible
 * marks in reading order; undefined when there is nowhere to go. Next and previous stop at the
 * ends. Up and down go to the mark nearest in time in the nearest row that has one; without rows
 * they are previous and next.
 */
export function nextFocus<T>(order: readonly T[], from: T | undefined, move: Move, rows?: Rows<T>): T | undefined {
  if (!order.length) return undefined;
  if (!rows && (move === 'up' || move === 'down')) move = move === 'up' ? 'prev' : 'next';
  const i = from === undefined ? -1 : order.indexOf(from);
  if (move === 'first') return order[0];
  if (move === 'last') return order[order.length - 1];
  if (move === 'next') return order[Math.min(order.length - 1, i + 1)];
  if (move === 'prev') return order[Math.max(0, i === -1 ? 0 : i - 1)];
  const start = from ?? order[0];
  const ri = rows!.rows.indexOf(rows!.rowOf(start));
  const t0 = rows!.timeOf(start);
  for (let step = 1; step < rows!.rows.length; step++) {
    const row = rows!.rows[move === 'down' ? ri + step : ri - step];
    if (!row) break;
    let best: T | undefined;
    for (const mark of order) {
      if (rows!.rowOf(mark) !== row) continue;
      if (best === undefined || Math.abs(rows!.timeOf(mark) - t0) < Math.abs(rows!.timeOf(best) - t0)) best = mark;
    }
    if (best !== undefined) return best;
  }
  return undefined;
}

/**
 * nextFocus from a group of marks drawn as one (a "+N" cluster) that holds the focus: its earliest
 * mark in `order` stands for it, so the next move goes into the group, to that mark, and any
 * other goes as from there.
 */
export function nextFocusFromGroup<T>(
  order: readonly T[],
  group: readonly T[],
  move: Move,
  rows?: Rows<T>,
): T | undefined {
  const inside = new Set(group);
  const first = order.find((m) => inside.has(m));
  if (first === undefined) return nextFocus(order, undefined, move, rows);
  return move === 'next' ? first : nextFocus(order, first, move, rows);
}

/**
 * Where a tooltip of `w` × `h` goes for a mark whose box is `mark`, in the coordinates of its
 * positioned host `host` (both viewport boxes), `gap` away from the mark: `centred` on the mark and
 * above it when there is room (else below), or else below it from its left edge; inside the host
 * horizontally.
 */
export function tipPosition(mark: Rect, host: Rect, w: number, h: number, gap: number, centred: boolean) {
  const x = mark.left - host.left + (centred ? (mark.right - mark.left) / 2 - w / 2 : 0);
  const left = Math.max(0, Math.min(host.right - host.left - w, x));
  const above = mark.top - host.top - h - gap;
  return { left, top: centred && above >= 0 ? above : mark.bottom - host.top + gap };
}
