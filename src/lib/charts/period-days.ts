// The day arithmetic of a period chart (see period.ts), shared by its horizontal and vertical
// layouts: day numbers, the counter's ticks, which events fall in the window, span lanes, tips.
import { formatDateRange, formatShortDate, parsePartialDate, type DateWords } from '../dates';
import type { TimelineEvent, Track } from '../timeline/schema';
import type { DayCount } from '../timeline/schema-charts';
import { DAY_MS, dayDiff, dayStart, round } from './axis';
import type { PeriodSpan, PeriodTick } from './period';
import type { UiStrings } from '../ui/strings';

/** The words a period chart's layout writes: the counter's "day N", the tooltips' day. */
export type PeriodWords = UiStrings['charts']['period'] & { dates?: DateWords };

/** Radius of an event's mark, px. */
export const MARK_R = 6;

/**
 * The least side of an event's target (its ring, the only part that takes the pointer), px: 28, so
 * that it stays at WCAG 2.2 SC 2.5.8's 24 CSS px when the drawing is scaled down to its narrowest
 * column (the 360-px narrow one on a 332-px column; the 680-px wide one is never drawn narrower than 680 px).
 */
export const HIT = 28;

/**
 * Whole days from `start` to `date`: dayNumber('2019-03-01', '2019-04-04') = 34. This is the day's
 * position in the window (0 for the start date); the counter shows it plus firstDayNumber().
 */
export function dayNumber(start: string, date: string): number {
  return dayDiff(start, date);
}

/**
 * The counter's number for the window's start date: 0 when counting `exclusive` (day 1 is the day
 * after the start; the end date's number is the days elapsed), 1 when `inclusive` (day 1 is the start
 * date; the end date's number is how many days the window lasts).
 */
export function firstDayNumber(count: DayCount = 'exclusive'): number {
  return count === 'inclusive' ? 1 : 0;
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

/** An event's tooltip: its dates with its day number (from `first` on the start date), title and track. */
export function eventTip(
  e: TimelineEvent,
  start: string,
  track: Track | undefined,
  words: PeriodWords,
  first = 0,
): string {
  const day = dayNumber(start, e.date);
  const when = words.when(formatDateRange(e.date, e.end, words.dates), day >= 0 ? day + first : undefined);
  return [when, e.title, track ? track.label : ''].filter(Boolean).join('\n');
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

/**
 * The labelled ticks of the day axis: "day N" with its date, N counted from `first` on the start
 * date. Counting from 0, the start date (day 0) carries only its date.
 */
export function counterTicks(
  start: string,
  days: number,
  pxPerDay: number,
  minSpacing: number,
  at: (d: number) => number,
  words: PeriodWords,
  first = 0,
): PeriodTick[] {
  const shortDate = (d: number) => formatShortDate(addDays(start, d), words.dates);
  const ticks: PeriodTick[] = [];
  let counted = counterDays(days + first, pxPerDay, minSpacing);
  // Day 0 (counting from 0: the start date) carries only its date. Where day 1's label leaves it no room,
  // it takes day 1's place: the window's first events stand at day 0, and an axis that began at day 1
  // left them before its first label (a reviewer's finding on the 45 days).
  if (first === 0) {
    if (pxPerDay < minSpacing) counted = counted.filter((n) => n !== 1);
    ticks.push({ day: 0, at: at(0), counter: '', date: shortDate(0) });
  }
  for (const n of counted) {
    const d = n - first;
    ticks.push({ day: d, at: at(d), counter: words.day(n), date: shortDate(d) });
  }
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
  { origin, dayLen, words, first = 0 }: { origin: number; dayLen: number; words: PeriodWords; first?: number },
) {
  const d = spanDays(e, start, days);
  const from = round(origin + d.s * dayLen + (d.clippedStart ? 0 : dayLen / 2));
  const to = round(origin + d.e * dayLen + (d.clippedEnd ? dayLen : dayLen / 2));
  const span: Omit<PeriodSpan, 'x' | 'y' | 'width' | 'height' | 'hit'> = {
    id: e.id,
    track: e.track,
    clippedStart: d.clippedStart,
    clippedEnd: d.clippedEnd,
    tip: eventTip(e, start, track, words, first),
  };
  return { from, length: round(Math.max(2, to - from)), span };
}
