// The day arithmetic of a period chart (see period.ts), shared by its horizontal and vertical
// layouts: day numbers, the counter's ticks, which events fall in the window, span lanes, tips.
import { formatDateRange, formatPartialDate, parsePartialDate } from '../dates';
import type { TimelineEvent, Track } from '../timeline/schema';
import { DAY_MS, dayDiff, dayStart, round } from './axis';
import type { PeriodSpan, PeriodTick } from './period';

/** Radius of an event's mark, px. */
export const MARK_R = 6;

/** The day number of `date` in a window starting on `start`: dayNumber('2019-06-07', '2019-07-22') = 45. */
export function dayNumber(start: string, date: string): number {
  return dayDiff(start, date);
}

/** "YYYY-MM-DD" of the day `n` days after `start` (UTC). */
export function addDays(start: string, n: number): string {
  return new Date(dayStart(start) + n * DAY_MS).toISOString().slice(0, 10);
}

/** The day numbers the counter labels: 1, multiples of a step that fits, and the last day. */
export function counterDays(days: number, pxPerDay: number, minSpacing: number): number[] {
  const step = [1, 2, 5, 10, 15, 20, 25, 50, 100, 200, 500].find((s) => s * pxPerDay >= minSpacing) ?? 1000;
  const out = new Set<number>();
  if (days >= 1) out.add(1);
  for (let d = step; d < days; d += step) if (d * pxPerDay - pxPerDay >= minSpacing) out.add(d);
  // The last day always, unless it is too close to the one before: then it replaces it.
  const list = [...out].filter((d) => d === 1 || (days - d) * pxPerDay >= minSpacing);
  if (days >= 1 && !list.includes(days)) list.push(days);
  return list.sort((a, b) => a - b);
}

/** Events inside the window, by the day of their start; spans that overlap it too. */
export function eventsInWindow(events: readonly TimelineEvent[], start: string, end: string) {
  const t0 = dayStart(start);
  const t1 = dayStart(end);
  const dated: TimelineEvent[] = [];
  const undated: TimelineEvent[] = [];
  for (const e of events) {
    const p = parsePartialDate(e.date);
    const eEnd = e.end ? parsePartialDate(e.end) : p;
    if (p.precision !== 'day') {
      // Dated to a month or year: listed when that period overlaps the window.
      if (p.start.getTime() <= t1 && eEnd.end.getTime() > t0) undated.push(e);
      continue;
    }
    const s = p.start.getTime();
    const en = e.end ? eEnd.start.getTime() : s;
    if ((s >= t0 && s <= t1) || (e.end && s < t0 && en >= t0)) dated.push(e);
  }
  return { dated, undated };
}

export function eventTip(e: TimelineEvent, start: string, track: Track | undefined): string {
  const day = dayNumber(start, e.date);
  const when = formatDateRange(e.date, e.end);
  const counter = day >= 0 ? ` (day ${day})` : '';
  return [`${when}${counter}`, e.title, track ? track.label : ''].filter(Boolean).join('\n');
}

/** Interval partitioning: the lowest lane whose last interval ends before this one starts. */
export function spanLanes(spans: { s: number; e: number }[]): number[] {
  const ends: number[] = [];
  return spans.map(({ s, e }) => {
    let lane = ends.findIndex((end) => end < s);
    if (lane === -1) lane = ends.length;
    ends[lane] = e;
    return lane;
  });
}

export function spanDays(e: TimelineEvent, start: string, days: number) {
  const s = dayNumber(start, e.date);
  const en = dayNumber(start, e.end!);
  return { s: Math.max(0, s), e: Math.min(days, en), clippedStart: s < 0, clippedEnd: en > days };
}

/** The labelled ticks of the day axis: the start day's date, then "day N" with its date. */
export function counterTicks(
  start: string,
  days: number,
  pxPerDay: number,
  minSpacing: number,
  at: (d: number) => number,
): PeriodTick[] {
  const shortDate = (d: number) => formatPartialDate(addDays(start, d)).replace(/^(\d+ \w{3})\w* \d{4}$/, '$1');
  const ticks: PeriodTick[] = [];
  // The start day carries only its date, when the first counter label leaves room for it.
  if (pxPerDay >= minSpacing) ticks.push({ day: 0, at: at(0), counter: '', date: shortDate(0) });
  for (const d of counterDays(days, pxPerDay, minSpacing))
    ticks.push({ day: d, at: at(d), counter: `day ${d}`, date: shortDate(d) });
  return ticks;
}

/**
 * Where an event with an end runs along the axis (x when horizontal, y when vertical), from `origin`
 * at `dayLen` px a day: from the middle of its first day to the middle of its last, or to the window's
 * edge where it runs past it; at least 2 px. The span's other fields come with it.
 */
export function spanAlong(
  e: TimelineEvent,
  start: string,
  days: number,
  track: Track | undefined,
  { origin, dayLen }: { origin: number; dayLen: number },
) {
  const d = spanDays(e, start, days);
  const from = round(origin + d.s * dayLen + (d.clippedStart ? 0 : dayLen / 2));
  const to = round(origin + d.e * dayLen + (d.clippedEnd ? dayLen : dayLen / 2));
  const span: Omit<PeriodSpan, 'x' | 'y' | 'width' | 'height'> = {
    id: e.id,
    track: e.track,
    clippedStart: d.clippedStart,
    clippedEnd: d.clippedEnd,
    tip: eventTip(e, start, track),
  };
  return { from, length: round(Math.max(2, to - from)), span };
}
