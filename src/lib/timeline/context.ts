// The small timeline of an event page: the event and its neighbours in time. Six weeks either
// side, narrowed when more than `max` events fall in them, so a page costs the same to build
// whether the site has 70 events or 10,000 (and the chart stays legible).
// const { ids, from, to, days } = eventContext(extents, 'budget-vote')

const DAY = 86_400_000;

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
}

/**
 * The neighbours of `id`: every event overlapping [start − d, end + d], where d is 42 days, or
 * less (whole days, at least one) when more than `max` events would fall inside. Distances run
 * from the event's start and end, so a long event keeps everything that overlaps it.
 */
export function eventContext(
  extents: readonly EventExtent[],
  id: string,
  options: { days?: number; max?: number } = {},
): EventContext {
  const { days = 42, max = 60 } = options;
  const self = extents.find((e) => e.id === id);
  if (!self) throw new Error(`eventContext: no event "${id}"`);
  const gap = (e: EventExtent) => Math.max(0, e.start - self.end, self.start - e.end);
  const limit = days * DAY;
  const gaps: number[] = [];
  for (const e of extents) {
    const g = gap(e);
    if (g <= limit) gaps.push(g);
  }
  let d = limit;
  if (gaps.length > max) {
    gaps.sort((a, b) => a - b);
    // The max-th nearest (the event itself is the first), rounded up to whole days.
    d = Math.min(limit, Math.max(DAY, Math.ceil(gaps[max - 1] / DAY) * DAY));
  }
  const ids = extents.filter((e) => gap(e) <= d).map((e) => e.id);
  return { ids, from: self.start - d, to: self.end + d, days: Math.round(d / DAY) };
}

const WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "six weeks", "ten days", "1 day", "17 days": the span of an event page's context, in words. */
export function spanInWords(days: number): string {
  if (days % 7 === 0 && days / 7 <= 10 && days >= 14) return `${WORDS[days / 7]} weeks`;
  if (days === 1) return 'day';
  return `${days <= 10 ? WORDS[days] : days} days`;
}
