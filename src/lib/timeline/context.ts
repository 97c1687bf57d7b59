// The small timeline of an event page: the event and its neighbours in time. Six weeks either
// side, widened a week at a time (up to ten) where they hold fewer than `min` events, so that the chart
// is not a near-empty axis; narrowed when more than `max` events fall in them, and never more than
// `max` events, so a page costs the same to build whether the site has 70 events or 10,000 (and the
// chart stays legible).
// const { ids, from, to, days } = eventContext(extents, 'budget-vote')

const DAY = 86_400_000;
/** The window, in days either side, where it holds enough events. */
export const CONTEXT_DAYS = 42;
/** The widest window, in days either side: the event's neighbours lie within it. */
export const CONTEXT_WIDEST_DAYS = 70;

export interface EventExtent {
  id: string;
  /** Start and end in ms since the epoch (UTC). */
  start: number;
  end: number;
}

export interface EventContext {
  /** The events shown, in the order of `extents`. */
  ids: string[];
  /** The window, ms since the epoch. */
  from: number;
  to: number;
  /** Days shown before the event's start and after its end. */
  days: number;
  /**
   * True when even a day either side held more than `max` events (a crowded day, or a long event that
   * many overlap): then `ids` are only the `max` nearest, and the page must not say "every event of …".
   */
  capped: boolean;
}

/**
 * The neighbours of `id`: every event overlapping [start − d, end + d], where d is 42 days; more
 * (whole weeks, up to 70 days) when fewer than `min` events, the event included, fall inside, enough
 * to take in the `min` nearest within 70 days; less (whole days, at least one) when more than `max`
 * would fall inside. Distances run from the event's start and end. When a day either side still
 * holds more than `max` (events that share a day, or a long event that many overlap), only the `max`
 * nearest are kept: by distance, then by how near their start is to the event's start, then in the
 * order of `extents`.
 */
export function eventContext(
  extents: readonly EventExtent[],
  id: string,
  options: { days?: number; max?: number; min?: number; widest?: number } = {},
): EventContext {
  const { days = CONTEXT_DAYS, max = 60, min = 5, widest = CONTEXT_WIDEST_DAYS } = options;
  const self = extents.find((e) => e.id === id);
  if (!self) throw new Error(`eventContext: no event "${id}"`);
  const gap = (e: EventExtent) => Math.max(0, e.start - self.end, self.start - e.end);
  let limit = days * DAY;
  const gaps: number[] = [];
  for (const e of extents) {
    const g = gap(e);
    if (g <= limit) gaps.push(g);
  }
  if (gaps.length < min) {
    // Too few events: widen the window, in whole weeks, to the min-th nearest (or the farthest there is).
    // (A second pass, and only here: on a crowded site no page comes this way.)
    const farther = extents
      .map(gap)
      .filter((g) => g > limit && g <= widest * DAY)
      .sort((x, y) => x - y);
    if (farther.length > 0) {
      const need = farther[Math.min(min - gaps.length, farther.length) - 1];
      limit = Math.min(widest * DAY, Math.ceil(need / (7 * DAY)) * 7 * DAY);
      for (const g of farther) if (g <= limit) gaps.push(g);
    }
  }
  let d = limit;
  if (gaps.length > max) {
    gaps.sort((a, b) => a - b);
    // The max-th nearest (the event itself is the first), rounded up to whole days.
    d = Math.min(limit, Math.max(DAY, Math.ceil(gaps[max - 1] / DAY) * DAY));
  }
  let inside = extents.filter((e) => gap(e) <= d);
  const capped = inside.length > max;
  if (capped) {
    const order = new Map(inside.map((e, i) => [e, i]));
    const near = (e: EventExtent) => Math.abs(e.start - self.start);
    const kept = new Set(
      [...inside]
        .sort((a, b) =>
          a === self ? -1 : b === self ? 1 : gap(a) - gap(b) || near(a) - near(b) || order.get(a)! - order.get(b)!,
        )
        .slice(0, max),
    );
    inside = inside.filter((e) => kept.has(e));
  }
  return { ids: inside.map((e) => e.id), from: self.start - d, to: self.end + d, days: Math.round(d / DAY), capped };
}

/**
 * Where an event page's chart begins on a phone (its vertical variant, a row per event): on the day of
 * the `before`-th event before it (by start), so that the page's own event is a few rows down rather
 * than in the middle of its twelve weeks, about 1,000 px down a 390-px screen. The earlier events stay
 * in the chart, a zoom out away. Returns that day's start (ms since the epoch; with none before, the
 * event's own day), how many events start between it and the event (`before`, more when they share a
 * day) and how many start earlier (`hidden`: out of the phone's first view).
 */
export function narrowContextStart(
  extents: readonly EventExtent[],
  id: string,
  before = 2,
): { start: number; before: number; hidden: number } {
  const self = extents.find((e) => e.id === id);
  if (!self) throw new Error(`narrowContextStart: no event "${id}"`);
  const earlier = extents
    .filter((e) => e.start < self.start)
    .map((e) => e.start)
    .sort((a, b) => b - a)
    .slice(0, before);
  const first = earlier.length ? earlier[earlier.length - 1] : self.start;
  const start = first - (((first % DAY) + DAY) % DAY);
  return {
    start,
    before: extents.filter((e) => e.start >= start && e.start < self.start).length,
    hidden: extents.filter((e) => e.start < start).length,
  };
}
