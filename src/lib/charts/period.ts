// Layout of a window of days (e.g. "the 45 days" from 7 June to 22 July): a day axis, a
// day counter, the events inside the window as track-shaped marks with labels that never
// overlap, and events with an end as bars in a strip by the axis. Horizontal for wide
// charts, vertical (time running down) for narrow ones. Plain objects with px values.
import { formatDateRange, formatPartialDate, parsePartialDate } from '../dates';
import type { TimelineEvent, Track } from '../timeline/schema';
import { DAY_MS, dayDiff, dayStart, round } from './axis';
import { fitText, textWidth, wrapText } from './text';
import { dodge } from './labels';

export interface PeriodOptions {
  /** First day of the window, "YYYY-MM-DD": day 0. */
  start: string;
  /** Last day of the window, "YYYY-MM-DD": day N. */
  end: string;
  /** Name of the window, e.g. "The 45 days". */
  label: string;
  /** Width of the SVG, px. */
  width: number;
  orientation?: 'horizontal' | 'vertical';
  fontSize?: number;
  /** Horizontal: longest label, px. Vertical: labels wrap at the width instead. */
  maxLabelWidth?: number;
  /** Vertical: px per day. */
  dayHeight?: number;
  /** Vertical: most lines per label. */
  maxLines?: number;
  /** Horizontal: most label lanes before the labels of less important events give way. Default 10. */
  maxLanes?: number;
  /** Vertical: farthest a label may be pushed from its mark, px, before less important labels give way. Default 5 lines. */
  maxShift?: number;
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
  /** A connector from the mark to a label pushed away from it ('' when none). */
  connector: string;
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
}

export interface PeriodTick {
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
  /** Days from start to end: 45 for 7 June → 22 July. */
  days: number;
  label: string;
  /** "7 June – 22 July 2019". */
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

const MARK_R = 6;
/** Least space between two label boxes on one lane, px. */
const LABEL_GAP = 6;

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
function eventsInWindow(events: readonly TimelineEvent[], start: string, end: string) {
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

function eventTip(e: TimelineEvent, start: string, track: Track | undefined): string {
  const day = dayNumber(start, e.date);
  const when = formatDateRange(e.date, e.end);
  const counter = day >= 0 ? ` (day ${day})` : '';
  return [`${when}${counter}`, e.title, track ? track.label : ''].filter(Boolean).join('\n');
}

/**
 * Lays out the window [start, end] with the `events` that fall in it: marks coloured and
 * shaped by track, labels stacked in lanes (horizontal) or pushed down (vertical) so that
 * none overlaps another, a day counter ("day 1" … "day N") and dates along the axis.
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
  if (days < 1) throw new Error(`PeriodChart: the window ends (${end}) before or on the day it starts (${start})`);
  const trackById = new Map(tracks.map((t) => [t.id, t]));
  const { dated, undated } = eventsInWindow(events, start, end);
  const points = dated.filter((e) => dayStart(e.date) >= dayStart(start));
  const spanEvents = dated.filter((e) => e.end && dayStart(e.end) > dayStart(e.date));
  const range = formatDateRange(start, end);
  const base = {
    orientation,
    width,
    fontSize,
    days,
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
  return orientation === 'horizontal'
    ? { ...base, ...horizontal(points, spanEvents, trackById, options, days, fontSize) }
    : { ...base, ...vertical(points, spanEvents, trackById, options, days, fontSize) };
}

type Body = Omit<PeriodLayout, 'orientation' | 'width' | 'fontSize' | 'days' | 'label' | 'range' | 'undated'>;

/** Interval partitioning: the lowest lane whose last interval ends before this one starts. */
function spanLanes(spans: { s: number; e: number }[]): number[] {
  const ends: number[] = [];
  return spans.map(({ s, e }) => {
    let lane = ends.findIndex((end) => end < s);
    if (lane === -1) lane = ends.length;
    ends[lane] = e;
    return lane;
  });
}

function spanDays(e: TimelineEvent, start: string, days: number) {
  const s = dayNumber(start, e.date);
  const en = dayNumber(start, e.end!);
  return { s: Math.max(0, s), e: Math.min(days, en), clippedStart: s < 0, clippedEnd: en > days };
}

function horizontal(
  points: TimelineEvent[],
  spanEvents: TimelineEvent[],
  trackById: Map<string, Track>,
  options: PeriodOptions,
  days: number,
  fontSize: number,
): Body {
  const { start, width } = options;
  const left = 14;
  const right = 14;
  const plotW = width - left - right;
  const dayW = plotW / (days + 1);
  const xOf = (day: number) => round(left + (day + 0.5) * dayW);
  const laneH = Math.max(Math.round(fontSize * 1.35), 2 * MARK_R + 4) + 4;
  const maxLabel = options.maxLabelWidth ?? 190;
  const headY = fontSize + 6;
  const top = headY + 14;

  // Marks and labels, in time order, each in the lowest lane where its box fits. When that
  // takes more than maxLanes lanes, the labels of the least important events give way.
  const sorted = [...points].sort(
    (a, b) => dayStart(a.date) - dayStart(b.date) || a.importance - b.importance || a.id.localeCompare(b.id),
  );
  const maxLanes = options.maxLanes ?? 10;
  const place = (level: number) => {
    const laneBoxes: [number, number][][] = [];
    // Labelled marks first, in time order; then the bare marks fill the lowest gaps.
    const labelled = sorted.filter((e) => e.importance <= level);
    const bare = sorted.filter((e) => e.importance > level);
    const byId = new Map(
      [...labelled, ...bare].map((e) => {
        const day = dayNumber(start, e.date);
        const x = xOf(day);
        const text = e.importance <= level ? fitText(e.title, maxLabel, fontSize) || e.title.slice(0, 1) : '';
        const w = text ? textWidth(text, fontSize) : 0;
        const runsRight = x + MARK_R + 4 + w <= width - 2;
        const x0 = runsRight || !text ? x - MARK_R : x - MARK_R - 4 - w;
        const x1 = runsRight && text ? x + MARK_R + 4 + w : x + MARK_R;
        let lane = laneBoxes.findIndex((boxes) => boxes.every(([a, b]) => x1 + LABEL_GAP <= a || b + LABEL_GAP <= x0));
        if (lane === -1) {
          lane = laneBoxes.length;
          laneBoxes.push([]);
        }
        laneBoxes[lane].push([x0, x1]);
        return [e.id, { e, day, x, text, runsRight, x0, x1, lane }] as const;
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
  const spanLane = spanLanes(spanEvents.map((e) => spanDays(e, start, days)));
  const spanStrip = spanEvents.length ? (Math.max(...spanLane) + 1) * 8 + 6 : 0;
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
      connector: '',
      lane: p.lane,
      tip: eventTip(p.e, start, track),
    };
  });

  const spans: PeriodSpan[] = spanEvents.map((e, i) => {
    const d = spanDays(e, start, days);
    const x = round(left + d.s * dayW + (d.clippedStart ? 0 : dayW / 2));
    const x2 = round(left + d.e * dayW + (d.clippedEnd ? dayW : dayW / 2));
    return {
      id: e.id,
      track: e.track,
      x,
      y: round(axisY - 6 - spanStrip + 4 + spanLane[i] * 8),
      width: round(Math.max(2, x2 - x)),
      height: 5,
      clippedStart: d.clippedStart,
      clippedEnd: d.clippedEnd,
      tip: eventTip(e, start, trackById.get(e.track)),
    };
  });

  const ticks = counterTicks(start, days, dayW, textWidth('day 45', fontSize) + 10, xOf);
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

function counterTicks(
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

function vertical(
  points: TimelineEvent[],
  spanEvents: TimelineEvent[],
  trackById: Map<string, Track>,
  options: PeriodOptions,
  days: number,
  fontSize: number,
): Body {
  const { start, width } = options;
  const lineH = Math.round(fontSize * 1.3);
  const maxLines = options.maxLines ?? 2;
  const headY = fontSize + 6;
  const top = headY + lineH + 22;
  const tickColumn = Math.ceil(textWidth('day 45', fontSize) + 4);
  const spanLane = spanLanes(spanEvents.map((e) => spanDays(e, start, days)));
  const spanStrip = spanEvents.length ? (Math.max(...spanLane) + 1) * 7 + 4 : 0;
  const axisX = tickColumn + 10 + spanStrip;

  // Same-day marks sit side by side right of the axis; labels start after the widest group.
  const sorted = [...points].sort(
    (a, b) => dayStart(a.date) - dayStart(b.date) || a.importance - b.importance || a.id.localeCompare(b.id),
  );
  const perDay = new Map<number, number>();
  const column = sorted.map((e) => {
    const d = dayNumber(start, e.date);
    const k = perDay.get(d) ?? 0;
    perDay.set(d, k + 1);
    return k;
  });
  const groupMax = Math.max(1, ...perDay.values());
  const markX = (k: number) => round(axisX + MARK_R + 4 + k * (2 * MARK_R + 3));
  const textX = round(markX(groupMax - 1) + MARK_R + 8);
  const maxWidth = width - textX - 4;
  const wrapped = sorted.map((e) => wrapText(e.title, maxWidth, fontSize, maxLines));
  const maxShift = options.maxShift ?? lineH * 5;

  // Each label wants to be level with its mark; labels that would collide share the shift up
  // and down (dodge). When a label ends up more than maxShift from its mark, the least
  // important labels give way.
  const place = (level: number) => {
    const shown = sorted.map((e) => e.importance <= level);
    // Days grow taller when the labels need it, so that labels stay near their marks.
    const labelsHeight = wrapped.reduce((h, lines, i) => h + (shown[i] ? lines.length * lineH + 3 : 0), 0);
    const dayH = Math.max(options.dayHeight ?? 12, Math.ceil((labelsHeight * 1.25) / (days + 1)));
    const yOf = (day: number) => round(top + (day + 0.5) * dayH);
    // Shown labels, each wanting its first line level with its mark, dodged as a column.
    const shownIdx = sorted.map((_, i) => i).filter((i) => shown[i]);
    const tops = dodge(
      shownIdx.map((i) => ({
        want: yOf(dayNumber(start, sorted[i].date)) - lineH / 2,
        size: wrapped[i].length * lineH,
      })),
      { min: top - lineH / 2, gap: 3 },
    );
    const topOf = new Map(shownIdx.map((i, k) => [i, tops[k]]));
    let prevBottom = -Infinity;
    let worst = 0;
    const marks: PeriodMark[] = sorted.map((e, i) => {
      const day = dayNumber(start, e.date);
      const y = yOf(day);
      const x = markX(column[i]);
      const base = {
        id: e.id,
        track: e.track,
        day,
        x,
        y,
        textX,
        anchor: 'start' as const,
        lane: column[i],
        tip: eventTip(e, start, trackById.get(e.track)),
      };
      if (!shown[i]) {
        return {
          ...base,
          textY: y,
          lines: [],
          box: [x - MARK_R, y - MARK_R, x + MARK_R, y + MARK_R] as [number, number, number, number],
          connector: '',
        };
      }
      const lines = wrapped[i];
      const h = lines.length * lineH;
      const y0 = topOf.get(i)!;
      prevBottom = Math.max(prevBottom, y0 + h);
      const firstLineMid = y0 + lineH / 2;
      worst = Math.max(worst, Math.abs(firstLineMid - y));
      const displaced = Math.abs(firstLineMid - y) > 1;
      const w = Math.max(...lines.map((l) => textWidth(l, fontSize)));
      return {
        ...base,
        textY: round(firstLineMid + fontSize * 0.35),
        lines,
        box: [textX, round(y0), round(textX + w), round(y0 + h)] as [number, number, number, number],
        connector: displaced ? `M${round(x + MARK_R + 1)},${y}L${round(textX - 6)},${round(firstLineMid)}` : '',
      };
    });
    return { marks, dayH, yOf, prevBottom, worst };
  };
  let attempt = place(3);
  for (const level of [2, 1, 0]) {
    if (attempt.worst <= maxShift) break;
    attempt = place(level);
  }
  const { marks, dayH, yOf, prevBottom } = attempt;

  const spans: PeriodSpan[] = spanEvents.map((e, i) => {
    const d = spanDays(e, start, days);
    const y = round(top + d.s * dayH + (d.clippedStart ? 0 : dayH / 2));
    const y2 = round(top + d.e * dayH + (d.clippedEnd ? dayH : dayH / 2));
    return {
      id: e.id,
      track: e.track,
      x: round(axisX - 6 - spanLane[i] * 7 - 4),
      y,
      width: 4,
      height: round(Math.max(2, y2 - y)),
      clippedStart: d.clippedStart,
      clippedEnd: d.clippedEnd,
      tip: eventTip(e, start, trackById.get(e.track)),
    };
  });

  const axisEnd = top + (days + 1) * dayH;
  const ticks = counterTicks(start, days, dayH, lineH * 2 + 4, yOf);
  return {
    height: Math.ceil(Math.max(axisEnd, prevBottom) + 12),
    labelX: 0,
    labelY: headY,
    rangeBelow: true,
    axis: { x1: axisX, y1: top, x2: axisX, y2: round(axisEnd) },
    dayTicks: Array.from({ length: days + 1 }, (_, d) => yOf(d)),
    ticks,
    grid: { from: axisX, to: width },
    marks,
    spans,
  };
}
