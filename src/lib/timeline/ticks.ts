// Axis ticks for a UTC time window: the finest calendar step whose labels do not
// collide at the given length, plus unlabelled sub-ticks one step finer. The search itself
// (calendarSteps, labelsSpaced, hangsOff) is shared with the charts' calendarTicks.
import { utcDay, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';
import { ENGLISH_DATES, formatTickDate, type DateWords, type TickForm } from '../dates';
import { textWidth } from '../text/measure';

/** The coarsest calendar boundary a tick falls on. */
export type TickUnit = 'year' | 'quarter' | 'month' | 'week' | 'day';

export interface TimeTick {
  /** The instant, ms since the epoch (always 00:00 UTC). */
  t: number;
  /** Position along the axis, px from its start (a y value on a vertical axis). */
  x: number;
  /** Text to show; '' for an unlabelled sub-tick. */
  label: string;
  /** major: labelled, on a coarser boundary (a year, or a month among days); minor: labelled; sub: unlabelled. */
  level: 'major' | 'minor' | 'sub';
  unit: TickUnit;
}

export interface TickOptions {
  /** Label font size, px. Default 11. */
  fontSize?: number;
  /** Labels stack along a vertical axis: they need their height, not their width, between them. */
  vertical?: boolean;
  /** Least space between two labels, px. Default 8. */
  gap?: number;
  /** The language's month abbreviations and date order (`ui.dates`). Default English. */
  dates?: DateWords;
  /**
   * The first label names its year ("Jun 2019", "10 Jun 2019"). Default true; false on a stretch of an axis
   * whose earlier stretch has named it (layout/axis.ts): there "Aug 2019", wider than "Aug", kept the
   * months after a focus from fitting, and only "Oct 2019" was left between July and 2020.
   */
  yearOnFirst?: boolean;
}

const DAY = 86_400_000;

interface Step {
  name: string;
  interval: TimeInterval;
  /** Typical length, for a quick "too dense" check. */
  ms: number;
  /** The rank of the step's own unit (see RANK). */
  rank: number;
  /** Ticks on a boundary of at least this rank are major. */
  majorRank: number;
  /** Finer steps that nest inside this one, for sub-ticks. */
  subs: string[];
  format: 'year' | 'month' | 'day';
}

const RANK: Record<TickUnit, number> = { day: 0, week: 1, month: 2, quarter: 3, year: 4 };

function years(n: number): TimeInterval {
  return n === 1 ? utcYear : utcYear.every(n)!;
}

const STEPS: Step[] = [
  { name: 'day', interval: utcDay, ms: DAY, rank: 0, majorRank: 2, subs: [], format: 'day' },
  { name: 'week', interval: utcMonday, ms: 7 * DAY, rank: 1, majorRank: 2, subs: ['day'], format: 'day' },
  { name: 'month', interval: utcMonth, ms: 30.44 * DAY, rank: 2, majorRank: 4, subs: ['day'], format: 'month' },
  {
    name: 'quarter',
    interval: utcMonth.every(3)!,
    ms: 91.3 * DAY,
    rank: 3,
    majorRank: 4,
    subs: ['month'],
    format: 'month',
  },
  {
    name: 'half',
    interval: utcMonth.every(6)!,
    ms: 182.6 * DAY,
    rank: 3,
    majorRank: 4,
    subs: ['month', 'quarter'],
    format: 'month',
  },
  ...[1, 2, 5, 10, 20, 50, 100].map((n): Step => ({
    name: n === 1 ? 'year' : `${n}y`,
    interval: years(n),
    ms: n * 365.24 * DAY,
    rank: 4,
    majorRank: 4,
    subs: n === 1 ? ['month', 'quarter', 'half'] : n === 2 ? ['quarter', 'half', 'year'] : ['year', '2y', '5y', '10y'],
    format: 'year',
  })),
];
const STEP_BY_NAME = new Map(STEPS.map((s) => [s.name, s]));

/** The coarsest calendar boundary that the UTC instant `t` falls on. */
export function tickUnit(t: number): TickUnit {
  const d = new Date(t);
  if (d.getUTCDate() === 1) {
    const m = d.getUTCMonth();
    return m === 0 ? 'year' : m % 3 === 0 ? 'quarter' : 'month';
  }
  return d.getUTCDay() === 1 ? 'week' : 'day';
}

/** A tick as the search below sees it: a position and a label ('' for none). */
export interface LabelledTick {
  x: number;
  label: string;
}

/** Whether a label centred on `x`, `half` px each way, hangs more than `overhang` px past either end of [0, width]. */
export function hangsOff(x: number, half: number, width: number, overhang = 0): boolean {
  return x - half < -overhang || x + half > width + overhang;
}

/** Whether the labels of `ticks` (centred on x, `half(tick)` px each way) keep `gap` px apart. */
export function labelsSpaced<T extends LabelledTick>(
  ticks: readonly T[],
  half: (tick: T) => number,
  gap: number,
): boolean {
  let prevEnd = -Infinity;
  for (const tick of ticks) {
    if (tick.label === '') continue;
    const h = half(tick);
    if (tick.x - h < prevEnd + gap) return false;
    prevEnd = tick.x + h;
  }
  return true;
}

/**
 * The calendar tick search that the timeline's axis and the charts' axes share: for each step,
 * finest first, its ticks (`build` returns null for a step to skip unbuilt) and whether their
 * labels keep `gap` apart. Each caller takes the first step that suits it.
 */
export function* calendarSteps<S, T extends LabelledTick>(
  steps: readonly S[],
  build: (step: S) => T[] | null,
  half: (tick: T) => number,
  gap: number,
): Generator<{ step: S; ticks: T[]; spaced: boolean }> {
  for (const step of steps) {
    const ticks = build(step);
    if (ticks) yield { step, ticks, spaced: labelsSpaced(ticks, half, gap) };
  }
}

/** The instants of `interval` in the UTC window [t0, t1], both ends included. */
export function calendarRange(interval: TimeInterval, t0: number, t1: number): Date[] {
  return interval.range(new Date(t0), new Date(t1 + 1));
}

/** Which of the five label forms ("2019", "Jun", "Jun 2019", "7 Jun", "7 Jun 2019") a tick takes. */
function labelForm(step: Step, unit: TickUnit, first: boolean): TickForm {
  if (step.format === 'year' || unit === 'year') return step.format === 'day' ? 'dayYear' : 'year';
  if (step.format === 'month') return first ? 'monthYear' : 'month';
  return first ? 'dayYear' : 'day';
}

/**
 * A labelled tick for the day starting at `t` (00:00 UTC), as a run of day ticks labels it ("21 Jun", a
 * year's first day with its year), at x 0: a vertical focus labels the days it gives a row (layout/axis.ts).
 */
export function dayTick(t: number, dates: DateWords = ENGLISH_DATES): TimeTick {
  const unit = tickUnit(t);
  const label = formatTickDate(new Date(t), labelForm(STEP_BY_NAME.get('day')!, unit, false), dates);
  return { t, x: 0, label, level: RANK[unit] >= STEP_BY_NAME.get('day')!.majorRank ? 'major' : 'minor', unit };
}

/**
 * Ticks for the UTC window `domain` = [startMs, endMs] drawn over `widthPx`:
 * the finest step (days, weeks, months, quarters, half-years, years, …) whose
 * labels fit without overlapping, with labels like "2019", "Jun 2019"/"Jun", "10 Jun" (in `options.dates`'
 * language: "jun 2019", "10 jun").
 */
export function timeTicks(domain: readonly [number, number], widthPx: number, options: TickOptions = {}): TimeTick[] {
  const [d0, d1] = domain;
  if (!(d1 > d0) || !(widthPx > 0)) return [];
  const fontSize = options.fontSize ?? 11;
  const gap = options.gap ?? 8;
  const k = widthPx / (d1 - d0);
  const lineHeight = Math.ceil(fontSize * 1.25);
  const minLabel = options.vertical ? lineHeight : textWidth('2019', fontSize);
  const vertical = options.vertical === true;
  const dates = options.dates ?? ENGLISH_DATES;
  const half = (tick: TimeTick) => extent(tick, fontSize, lineHeight, vertical);
  // A step whose labels could not fit even if they were as short as "2019" is skipped unbuilt.
  const build = (step: Step) =>
    step.ms * k < minLabel + gap
      ? null
      : labelledTicks(step, d0, d1, k, {
          widthPx,
          fontSize,
          lineHeight,
          vertical,
          dates,
          yearOnFirst: options.yearOnFirst ?? true,
        });
  let fallback: TimeTick[] | null = null;
  let unlabelled: TimeTick[] | null = null;
  for (const { step, ticks, spaced } of calendarSteps(STEPS, build, half, gap)) {
    if (!spaced) {
      fallback = ticks;
      continue;
    }
    const result = withSubTicks(ticks, step, d0, d1, k);
    if (ticks.some((t) => t.label !== '')) return result;
    // Every label fell off the ends: a coarser step may still label something.
    unlabelled ??= result;
  }
  if (unlabelled) return unlabelled;
  // Nothing fits (a very short axis): keep the labels of the last step tried that do not collide.
  return fallback ? dropColliding(fallback, half, gap) : [];
}

interface LabelRoom {
  widthPx: number;
  fontSize: number;
  lineHeight: number;
  vertical: boolean;
  dates: DateWords;
  yearOnFirst: boolean;
}

function labelledTicks(step: Step, d0: number, d1: number, k: number, room: LabelRoom): TimeTick[] {
  const { widthPx, fontSize, lineHeight, vertical } = room;
  const ticks: TimeTick[] = [];
  let first = room.yearOnFirst;
  for (const date of calendarRange(step.interval, d0, d1)) {
    const t = date.getTime();
    const x = (t - d0) * k;
    const unit = tickUnit(t);
    let label = formatTickDate(date, labelForm(step, unit, first), room.dates);
    // A label that would hang over either end of the axis is left off.
    if (hangsOff(x, vertical ? lineHeight / 2 : textWidth(label, fontSize) / 2, widthPx)) label = '';
    if (label !== '') first = false;
    const level = label === '' ? 'sub' : RANK[unit] >= step.majorRank ? 'major' : 'minor';
    ticks.push({ t, x, label, level, unit });
  }
  return ticks;
}

function extent(tick: TimeTick, fontSize: number, lineHeight: number, vertical: boolean): number {
  return vertical ? lineHeight / 2 : textWidth(tick.label, fontSize) / 2;
}

/** `ticks` without the labels that come within `gap` of the previous label kept. */
function dropColliding(ticks: TimeTick[], half: (tick: TimeTick) => number, gap: number): TimeTick[] {
  let prevEnd = -Infinity;
  return ticks.map((tick) => {
    if (tick.label === '') return tick;
    const h = half(tick);
    if (tick.x - h < prevEnd + gap) return { ...tick, label: '', level: 'sub' as const };
    prevEnd = tick.x + h;
    return tick;
  });
}

const MIN_SUB_SPACING = 12;

function withSubTicks(ticks: TimeTick[], step: Step, d0: number, d1: number, k: number): TimeTick[] {
  let sub: Step | undefined;
  for (const name of step.subs) {
    const candidate = STEP_BY_NAME.get(name)!;
    if (candidate.ms * k >= MIN_SUB_SPACING) {
      sub = candidate;
      break;
    }
  }
  if (!sub) return ticks;
  const taken = new Set(ticks.map((t) => t.t));
  const subs: TimeTick[] = [];
  for (const date of calendarRange(sub.interval, d0, d1)) {
    const t = date.getTime();
    if (!taken.has(t)) subs.push({ t, x: (t - d0) * k, label: '', level: 'sub', unit: tickUnit(t) });
  }
  return [...ticks, ...subs].sort((a, b) => a.t - b.t);
}
