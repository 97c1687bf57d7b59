// Scales, ticks and number formats shared by the chart layouts. Pure and UTC-only:
// every instant is ms since the epoch at 00:00 UTC, never a local date.
import { scaleLinear } from 'd3-scale';
import { utcDay, utcMonday, utcMonth, utcYear, type TimeInterval } from 'd3-time';
import { formatTickDate, parsePartialDate, type DateWords } from '../dates';
import { formatNumberIn } from '../i18n/intl';
import { calendarRange, calendarSteps, hangsOff } from '../timeline/ticks';
import { chartsEn } from '../ui/strings-charts';
import type { UiStrings } from '../ui/strings';
import { textWidth } from './text';

export const DAY_MS = 86_400_000;

/** A number rounded to 2 decimals, as layouts hand pixel values to templates (no "-0"). */
export function round(n: number): number {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r;
}

/** Start of a "YYYY-MM-DD" day (or of a coarser partial date), ms UTC. */
export function dayStart(date: string): number {
  return parsePartialDate(date).start.getTime();
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"): dayDiff('2019-06-07', '2019-07-22') = 45. */
export function dayDiff(from: string, to: string): number {
  return Math.round((dayStart(to) - dayStart(from)) / DAY_MS);
}

/** A number for readers in `locale` (a page's `ui.locale`): 132887 → "132,887", 5.5 → "5.5". */
export function formatNumber(n: number, locale = 'en-GB'): string {
  return formatNumberIn(locale, n);
}

/** A short axis number: 150000 → "150k", 1500000 → "1.5M", 40 → "40". */
export function formatCompact(n: number, locale = 'en-GB'): string {
  const abs = Math.abs(n);
  if (abs >= 1e6) return `${formatNumberIn(locale, n / 1e6)}M`;
  if (abs >= 1e4) return `${formatNumberIn(locale, n / 1e3)}k`;
  return formatNumberIn(locale, n);
}

export interface ValueTick {
  value: number;
  /** Position along the value axis, px from the plot's top. */
  y: number;
  label: string;
}

/**
 * A value axis from 0 to a nice maximum at or above `max`, drawn over `height` px
 * (0 at the bottom): about `count` ticks, labelled with `format`.
 */
export function valueAxis(
  max: number,
  height: number,
  count = 5,
  format: (n: number) => string = formatNumber,
): { max: number; y: (v: number) => number; ticks: ValueTick[] } {
  // One tick step for [0, max], and the maximum rounded up to it (d3's nice() may round twice).
  const top = max > 0 ? max : 1;
  const probe = scaleLinear().domain([0, top]).ticks(count);
  const step = probe.length > 1 ? probe[1] - probe[0] : top;
  const niceMax = Math.ceil(top / step - 1e-9) * step;
  const scale = scaleLinear().domain([0, niceMax]).range([height, 0]);
  return {
    max: niceMax,
    y: (v: number) => round(scale(v)),
    ticks: Array.from({ length: Math.round(niceMax / step) + 1 }, (_, i) => i * step).map((value) => ({
      value,
      y: round(scale(value)),
      label: format(value),
    })),
  };
}

export interface TimeTick {
  /** ms UTC. */
  t: number;
  /** px from the axis start. */
  x: number;
  /** First line ("7 Jun", "Jun", "2019"). */
  label: string;
  /** Second line: the year under the first month label and under each January; else ''. */
  sub: string;
}

interface Candidate {
  interval: TimeInterval;
  ms: number;
  kind: 'day' | 'month' | 'year';
}

const CANDIDATES: Candidate[] = [
  { interval: utcDay, ms: DAY_MS, kind: 'day' },
  { interval: utcDay.every(2)!, ms: 2 * DAY_MS, kind: 'day' },
  { interval: utcMonday, ms: 7 * DAY_MS, kind: 'day' },
  { interval: utcMonday.every(2)!, ms: 14 * DAY_MS, kind: 'day' },
  { interval: utcMonth, ms: 30.4 * DAY_MS, kind: 'month' },
  { interval: utcMonth.every(2)!, ms: 61 * DAY_MS, kind: 'month' },
  { interval: utcMonth.every(3)!, ms: 91 * DAY_MS, kind: 'month' },
  { interval: utcMonth.every(6)!, ms: 182 * DAY_MS, kind: 'month' },
  { interval: utcYear, ms: 365 * DAY_MS, kind: 'year' },
  { interval: utcYear.every(2)!, ms: 730 * DAY_MS, kind: 'year' },
  { interval: utcYear.every(5)!, ms: 1826 * DAY_MS, kind: 'year' },
];

/**
 * Labelled calendar ticks for the UTC window [t0, t1] over `width` px: the finest of
 * days, weeks, fortnights, months, quarters, half-years and years whose labels keep `gap` px
 * apart (and at least `minStepDays` long). Month labels carry the year on a second line where it changes. A label that
 * would hang more than `overhang` px past either end of the axis is left empty. Labels are in `dates`' language
 * (`ui.dates`; default English).
 */
export function calendarTicks(
  t0: number,
  t1: number,
  width: number,
  {
    fontSize = 11,
    gap = 10,
    overhang = 0,
    minStepDays = 0,
    dates,
  }: { fontSize?: number; gap?: number; overhang?: number; minStepDays?: number; dates?: DateWords } = {},
): TimeTick[] {
  if (!(t1 > t0) || !(width > 0)) return [];
  const k = width / (t1 - t0);
  const half = (tick: TimeTick) => Math.max(textWidth(tick.label, fontSize), textWidth(tick.sub, fontSize)) / 2;
  const build = (c: Candidate) =>
    c.ms * k < textWidth('00', fontSize) + gap || c.ms < minStepDays * DAY_MS
      ? null
      : buildTicks(c, t0, t1, k, dates).map((tick) =>
          hangsOff(tick.x, half(tick), width, overhang) ? { ...tick, label: '', sub: '' } : tick,
        );
  let last: TimeTick[] = [];
  for (const { ticks, spaced } of calendarSteps(CANDIDATES, build, half, gap)) {
    last = ticks;
    if (spaced && ticks.some((t) => t.label !== '')) return ticks;
  }
  return last.map((t) => ({ ...t, label: '', sub: '' }));
}

function buildTicks(c: Candidate, t0: number, t1: number, k: number, dates?: DateWords): TimeTick[] {
  const ticks: TimeTick[] = [];
  let lastYear = NaN;
  for (const date of calendarRange(c.interval, t0, t1)) {
    const t = date.getTime();
    const year = date.getUTCFullYear();
    const label = formatTickDate(date, c.kind, dates);
    const sub = c.kind === 'year' || year === lastYear ? '' : String(year);
    lastYear = year;
    ticks.push({ t, x: round((t - t0) * k), label, sub });
  }
  return ticks;
}

/** The sources' publishers in order of first use, without repeats: for a figure's source line, in `words`' language. */
export function publisherLine(
  sources: readonly { publisher: string; via?: string }[],
  max = 4,
  words: UiStrings['charts']['publishers'] = chartsEn.publishers,
): string {
  const names: string[] = [];
  for (const s of sources) {
    const name = s.via ? words.via(s.publisher, s.via) : s.publisher;
    if (!names.includes(name)) names.push(name);
  }
  if (names.length <= max) return names.join('; ');
  return words.more(names.slice(0, max).join('; '), names.length - max);
}
