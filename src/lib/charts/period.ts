// Layout of a window of days (e.g. "the first five weeks", 1 March to 4 April): a day axis, a
// day counter, the events inside the window as track-shaped marks with labels that never
// overlap, and events with an end as bars in a strip by the axis. Horizontal for wide
// charts (a day scale), vertical for narrow ones (a row per event, time running down). Every event's
// target (its `hit`) is at least HIT square and overlaps no other. Plain objects with px values.
import { formatDateRange, parsePartialDate } from '../dates';
import type { TimelineEvent, Track } from '../timeline/schema';
import type { DayCount } from '../timeline/schema-charts';
import { dayStart, round } from './axis';
import { fitText, textWidth } from './text';
import {
  counterTicks,
  dayNumber,
  HIT,
  eventsInWindow,
  eventTip,
  firstDayNumber,
  MARK_R,
  spanAlong,
  spanDays,
  spanLanes,
  type PeriodWords,
} from './period-days';
import { vertical } from './period-vertical';

export { addDays, counterDays, dayNumber, firstDayNumber } from './period-days';

export interface PeriodOptions {
  /** First day of the window, "YYYY-MM-DD": day 0, or day 1 when counting inclusive. */
  start: string;
  /** Last day of the window, "YYYY-MM-DD": day N. */
  end: string;
  /** How the counter numbers the days (see firstDayNumber). Default 'exclusive'. */
  countDays?: DayCount;
  /** Name of the window, e.g. "The first five weeks". */
  label: string;
  /** Width of the SVG, px. */
  width: number;
  orientation?: 'horizontal' | 'vertical';
  fontSize?: number;
  /** Vertical: most lines per label. */
  maxLines?: number;
  /** Horizontal: most label lanes before the labels of less important events give way. Default 14. */
  maxLanes?: number;
  /** The fixed words: "day N", the tooltips' day. */
  words: PeriodWords;
}

export interface PeriodMark {
  id: string;
  track: string;
  /** Whole days from the window's start: 0 on the first day. */
  day: number;
  /** Centre of the mark. */
  x: number;
  y: number;
  /** Text position and anchor; lines for wrapped labels (vertical), one line otherwise. */
  textX: number;
  textY: number;
  anchor: 'start' | 'end';
  /** The label's lines; empty when the label gave way (the mark keeps its tooltip and table row). */
  lines: string[];
  /** Where the label sits, for overlap checks: x0, y0, x1, y1. */
  box: [number, number, number, number];
  /**
   * The event's target (x0, y0, x1, y1): at least HIT square, around its mark and label (horizontal)
   * or its label's row (vertical); no two overlap.
   */
  hit: [number, number, number, number];
  lane: number;
  /** Tooltip and accessible name. */
  tip: string;
}

export interface PeriodSpan {
  id: string;
  track: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** True when the event runs on past the window's end (or began before it). */
  clippedEnd: boolean;
  clippedStart: boolean;
  tip: string;
  /** The span's target (x0, y0, x1, y1), at least HIT across the bar. */
  hit: [number, number, number, number];
}

export interface PeriodTick {
  /** Whole days from the window's start: 0 on the first day (the counter may call it day 1). */
  day: number;
  /** Position along the axis (x when horizontal, y when vertical). */
  at: number;
  /** "day 5", or '' for the start day. */
  counter: string;
  /** "12 Jun". */
  date: string;
}

export interface PeriodLayout {
  orientation: 'horizontal' | 'vertical';
  width: number;
  height: number;
  fontSize: number;
  /** Days from start to end: 34 for 1 March → 4 April. */
  days: number;
  /** The counter's number for the start date (0 or 1) and for the end date (days + firstDay). */
  firstDay: number;
  lastDay: number;
  label: string;
  /** "1 March – 4 April 2019". */
  range: string;
  /** Where the heading sits; the range goes on a second line when `rangeBelow`. */
  labelX: number;
  labelY: number;
  rangeBelow: boolean;
  /** The axis line: from (x1, y1) to (x2, y2). */
  axis: { x1: number; y1: number; x2: number; y2: number };
  /** Small ticks for every day, positions along the axis. */
  dayTicks: number[];
  ticks: PeriodTick[];
  /** Gridlines across the event area at labelled ticks: from `from` to `to` across. */
  grid: { from: number; to: number };
  marks: PeriodMark[];
  spans: PeriodSpan[];
  /** Events in the window dated only to a month or year: listed, not placed. */
  undated: { id: string; date: string; title: string }[];
}

/** Least space between two label boxes on one lane, px. */
const LABEL_GAP = 6;

/**
 * Lays out the window [start, end] with the `events` that fall in it: marks coloured and
 * shaped by track, labels stacked in lanes (horizontal) or listed a row per event (vertical) so
 * that none overlaps another, a day counter ("day 1" … "day N", counted as options.countDays says) and
 * dates along the axis.
 */
export function layoutPeriodChart(
  events: readonly TimelineEvent[],
  tracks: readonly Track[],
  options: PeriodOptions,
): PeriodLayout {
  const { start, end, label, width } = options;
  const orientation = options.orientation ?? 'horizontal';
  const fontSize = options.fontSize ?? 11;
  for (const d of [start, end]) {
    if (parsePartialDate(d).precision !== 'day')
      throw new Error(`PeriodChart: "${d}" should be a full date, YYYY-MM-DD`);
  }
  const days = dayNumber(start, end);
  const firstDay = firstDayNumber(options.countDays);
  if (days < 1) throw new Error(`PeriodChart: the window ends (${end}) before or on the day it starts (${start})`);
  const trackById = new Map(tracks.map((t) => [t.id, t]));
  const { dated, undated } = eventsInWindow(events, start, end);
  const points = dated.filter((e) => dayStart(e.date) >= dayStart(start));
  // An event that lasts: a bar by the axis, when it reaches past the window's first day. One that ends on
  // it (what led up to the window) would be a stub of a day at its edge, too small to point at.
  const spanEvents = dated.filter(
    (e) => e.end && dayStart(e.end) > dayStart(e.date) && dayStart(e.end) > dayStart(start),
  );
  const range = formatDateRange(start, end, options.words.dates);
  const base = {
    orientation,
    width,
    fontSize,
    days,
    firstDay,
    lastDay: days + firstDay,
    label:
      fitText(
        label,
        width - (orientation === 'horizontal' ? 28 + textWidth(` · ${range}`, fontSize) : 0),
        fontSize,
        true,
      ) || label,
    range,
    undated: undated.map((e) => ({ id: e.id, date: e.date, title: e.title })),
  };
  // Point events in time order, the most important first on a day.
  const sorted = [...points].sort(
    (a, b) => dayStart(a.date) - dayStart(b.date) || a.importance - b.importance || a.id.localeCompare(b.id),
  );
  const spanLane = spanLanes(spanEvents.map((e) => spanDays(e, start, days)));
  const input = { sorted, spanEvents, spanLane, trackById, options, days, firstDay, fontSize };
  return orientation === 'horizontal' ? { ...base, ...horizontal(input) } : { ...base, ...vertical(input) };
}

/** What the horizontal and vertical layouts each work out. */
export type PeriodBody = Omit<
  PeriodLayout,
  'orientation' | 'width' | 'fontSize' | 'days' | 'firstDay' | 'lastDay' | 'label' | 'range' | 'undated'
>;

/** What the horizontal and vertical layouts start from. */
export interface PeriodInput {
  /** Events on a day inside the window, in time order. */
  sorted: TimelineEvent[];
  /** Events with an end that overlap the window, and the lane of each. */
  spanEvents: TimelineEvent[];
  spanLane: number[];
  trackById: Map<string, Track>;
  options: PeriodOptions;
  days: number;
  /** The counter's number for the start date. */
  firstDay: number;
  fontSize: number;
}

function horizontal(input: PeriodInput): PeriodBody {
  const { sorted, spanEvents, spanLane, trackById, options, days, firstDay, fontSize } = input;
  const { start, width } = options;
  const left = 14;
  const right = 14;
  const plotW = width - left - right;
  const dayW = plotW / (days + 1);
  const xOf = (day: number) => round(left + (day + 0.5) * dayW);
  // A lane is a target's height: the rings of two lanes touch, never overlap.
  const laneH = Math.max(Math.round(fontSize * 1.35), 2 * MARK_R + 4, HIT);
  const headY = fontSize + 6;
  const top = headY + 14;

  // Marks and labels, in time order, each in the lowest lane where its box fits. When that
  // takes more than maxLanes lanes, the labels of the least important events give way.
  const maxLanes = options.maxLanes ?? 14;
  const place = (level: number) => {
    const laneBoxes: [number, number][][] = [];
    // Labelled marks first, in time order; then the bare marks fill the lowest gaps.
    const labelled = sorted.filter((e) => e.importance <= level);
    const bare = sorted.filter((e) => e.importance > level);
    const byId = new Map(
      [...labelled, ...bare].map((e) => {
        const day = dayNumber(start, e.date);
        const x = xOf(day);
        // The event's short label whole (the one the timeline shows, checked to fit by validation);
        // cut only if it is wider than the whole plot, which a valid label never is.
        const name = e.label ?? e.title;
        const text = e.importance <= level ? fitText(name, plotW, fontSize) || name.slice(0, 1) : '';
        const w = text ? textWidth(text, fontSize) : 0;
        const runsRight = x + MARK_R + 4 + w <= width - 2;
        const x0 = runsRight || !text ? x - MARK_R : x - MARK_R - 4 - w;
        const x1 = runsRight && text ? x + MARK_R + 4 + w : x + MARK_R;
        // The target: the mark and label with a margin, at least HIT wide around the mark.
        const h0 = Math.min(x0 - 2, x - HIT / 2);
        const h1 = Math.max(x1 + 2, x + HIT / 2);
        let lane = laneBoxes.findIndex((boxes) =>
          boxes.every(([a, b]) => h1 + LABEL_GAP - 4 <= a || b + LABEL_GAP - 4 <= h0),
        );
        if (lane === -1) {
          lane = laneBoxes.length;
          laneBoxes.push([]);
        }
        laneBoxes[lane].push([h0, h1]);
        return [e.id, { e, day, x, text, runsRight, x0, x1, h0, h1, lane }] as const;
      }),
    );
    return { placed: sorted.map((e) => byId.get(e.id)!), laneBoxes };
  };
  // The marks alone need some lanes (several events on one day); labels only give way above that.
  const floor = Math.max(maxLanes, place(0).laneBoxes.length);
  let attempt = place(3);
  for (const level of [2, 1, 0]) {
    if (attempt.laneBoxes.length <= floor) break;
    attempt = place(level);
  }
  const { placed, laneBoxes } = attempt;
  const lanes = laneBoxes.length;
  // Spans that are targets (no mark of their own) take a HIT-high lane each; the others 8 px.
  const spanPitch = spanEvents.some((e) => !placed.some((p) => p.e.id === e.id)) ? HIT : 8;
  const spanStrip = spanEvents.length ? (Math.max(...spanLane) + 1) * spanPitch + 6 : 0;
  const axisY = top + lanes * laneH + spanStrip + 6;

  const marks: PeriodMark[] = placed.map((p) => {
    // Lane 0 sits just above the axis; later lanes stack upward.
    const y = round(axisY - 6 - spanStrip - (p.lane + 0.5) * laneH);
    const track = trackById.get(p.e.track);
    return {
      id: p.e.id,
      track: p.e.track,
      day: p.day,
      x: p.x,
      y,
      textX: round(p.runsRight ? p.x + MARK_R + 4 : p.x - MARK_R - 4),
      textY: round(y + fontSize * 0.35),
      anchor: p.runsRight ? 'start' : 'end',
      lines: p.text ? [p.text] : [],
      box: [round(p.x0), round(y - laneH / 2 + 2), round(p.x1), round(y + laneH / 2 - 2)],
      hit: [round(p.h0), round(y - laneH / 2), round(p.h1), round(y + laneH / 2)],
      lane: p.lane,
      tip: eventTip(p.e, start, track, options.words, firstDay),
    };
  });

  const spans: PeriodSpan[] = spanEvents.map((e, i) => {
    const along = { origin: left, dayLen: dayW, words: options.words, first: firstDay };
    const { from, length, span } = spanAlong(e, start, days, trackById.get(e.track), along);
    const laneTop = axisY - 6 - spanStrip + spanLane[i] * spanPitch;
    const y = round(laneTop + (spanPitch === HIT ? (HIT - 5) / 2 : 4));
    const hit: [number, number, number, number] = [
      round(Math.min(from - 3, from + length / 2 - HIT / 2)),
      round(spanPitch === HIT ? laneTop : y - 3),
      round(Math.max(from + length + 3, from + length / 2 + HIT / 2)),
      round(spanPitch === HIT ? laneTop + HIT : y + 8),
    ];
    return { ...span, x: from, y, width: length, height: 5, hit };
  });

  const widest = textWidth(options.words.day(days + firstDay), fontSize);
  const ticks = counterTicks(start, days, dayW, widest + 10, xOf, options.words, firstDay);
  return {
    height: Math.ceil(axisY + 12 + fontSize * 2.6 + 6),
    labelX: left,
    labelY: headY,
    rangeBelow: false,
    axis: { x1: left, y1: axisY, x2: round(width - right), y2: axisY },
    dayTicks: Array.from({ length: days + 1 }, (_, d) => xOf(d)),
    ticks,
    grid: { from: top - 4, to: axisY },
    marks,
    spans,
  };
}
