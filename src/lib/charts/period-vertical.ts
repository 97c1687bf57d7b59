// The vertical (narrow) layout of a period chart: the window's events as a list running down, a row
// per event, each row its event's target (HIT high, the whole width right of the axis: WCAG 2.2 SC
// 2.5.8 on a phone, where marks 13 px apart on a day scale were not). A day's events share its label
// ("day 5", "12 Jun") on the left, and the day numbers tell how much time passes between rows (space
// for the days without events read as stray gaps in a row). (See period.ts for the horizontal layout,
// on a day scale.)
import { round } from './axis';
import { textWidth, wrapText } from './text';
import { addDays, dayNumber, eventTip, HIT, MARK_R, spanAlong, spanDays } from './period-days';
import { formatShortDate } from '../dates';
import type { PeriodBody, PeriodInput, PeriodMark, PeriodSpan, PeriodTick } from './period';

/** Space between two days' rows, px. */
const DAY_GAP = 4;

/** The marks, labels, spans and day labels of the window, time running down. */
export function vertical({
  sorted,
  spanEvents,
  spanLane,
  trackById,
  options,
  days,
  firstDay,
  fontSize,
}: PeriodInput): PeriodBody {
  const { start, width, words } = options;
  const lineH = Math.round(fontSize * 1.3);
  const maxLines = options.maxLines ?? 2;
  const headY = fontSize + 6;
  const top = headY + lineH + 16;
  const eventDays = sorted.map((e) => dayNumber(start, e.date));
  const dayList = [...new Set([0, ...eventDays, days])].sort((a, b) => a - b);
  const dateOf = (day: number) => formatShortDate(addDays(start, day), words.dates);
  const tickColumn = Math.ceil(
    Math.max(
      textWidth(words.day(days + firstDay), fontSize, true),
      ...dayList.map((d) => textWidth(dateOf(d), fontSize, d + firstDay === 0)),
    ) + 4,
  );
  const spanStrip = spanEvents.length ? (Math.max(...spanLane) + 1) * 7 + 4 : 0;
  const axisX = tickColumn + 10 + spanStrip;
  const markX = round(axisX + MARK_R + 6);
  const textX = round(markX + MARK_R + 8);
  // The short label (as on the timeline), wrapped to its lines rather than cut.
  const wrapped = sorted.map((e) => wrapText(e.label ?? e.title, width - textX - 4, fontSize, maxLines));
  const rowH = (i: number) => Math.max(HIT, wrapped[i].length * lineH + 6);

  // Days in order, each with its rows; the first and last day of the window are always there
  // (without rows when nothing happened on them), so that the list shows where the window starts and ends.
  const groups: { day: number; top: number; bottom: number }[] = [];
  const rowTop = new Array<number>(sorted.length);
  let y = top;
  for (const day of dayList) {
    const prev = groups[groups.length - 1];
    if (prev) y = prev.bottom + DAY_GAP;
    const groupTop = y;
    sorted.forEach((_, i) => {
      if (eventDays[i] !== day) return;
      rowTop[i] = y;
      y += rowH(i);
    });
    // A day keeps room for its two-line label (counter and date), with or without events.
    y = Math.max(y, groupTop + fontSize + lineH + 6 - DAY_GAP);
    groups.push({ day, top: groupTop, bottom: y });
  }
  const bottom = groups[groups.length - 1].bottom;

  const marks: PeriodMark[] = sorted.map((e, i) => {
    const lines = wrapped[i];
    const h = lines.length * lineH;
    const y0 = rowTop[i] + (rowH(i) - h) / 2;
    const w = Math.max(0, ...lines.map((l) => textWidth(l, fontSize)));
    return {
      id: e.id,
      track: e.track,
      day: eventDays[i],
      x: markX,
      y: round(rowTop[i] + rowH(i) / 2),
      textX,
      textY: round(y0 + lineH / 2 + fontSize * 0.35),
      anchor: 'start',
      lines,
      box: [textX, round(y0), round(textX + w), round(y0 + h)],
      hit: [axisX + 2, round(rowTop[i]), width, round(rowTop[i] + rowH(i))],
      lane: 0,
      tip: eventTip(e, start, trackById.get(e.track), words, firstDay),
    };
  });

  // Where a day starts and ends down the list: its rows, or between its neighbours' for a day without any.
  const edge = (day: number, end: boolean) => {
    const g = groups.find((x) => x.day === day);
    if (g) return end ? g.bottom : g.top;
    const after = groups.findIndex((x) => x.day > day);
    const prev = groups[after - 1];
    const next = groups[after];
    return prev.bottom + ((next.top - prev.bottom) * (day - prev.day)) / (next.day - prev.day);
  };
  const spans: PeriodSpan[] = spanEvents.map((e, i) => {
    const d = spanDays(e, start, days);
    const { span } = spanAlong(e, start, days, trackById.get(e.track), { origin: 0, dayLen: 1, words });
    const from = round(d.clippedStart ? top : edge(d.s, false));
    const to = round(d.clippedEnd ? bottom : edge(d.e, true));
    const x = round(axisX - 6 - spanLane[i] * 7 - 4);
    const length = Math.max(2, to - from);
    const hit: [number, number, number, number] = [
      round(Math.min(x - 3, x + 2 - HIT / 2)),
      round(Math.min(from - 3, from + length / 2 - HIT / 2)),
      round(Math.max(x + 7, x + 2 + HIT / 2)),
      round(Math.max(from + length + 3, from + length / 2 + HIT / 2)),
    ];
    return { ...span, x, y: from, width: 4, height: length, hit };
  });

  // A label for each day in the list, under the line that opens it: the counter's "day N" and the
  // date (day 0 counted exclusive: the date alone).
  const ticks: PeriodTick[] = groups.map((g) => ({
    day: g.day,
    at: round(g.top - DAY_GAP / 2),
    counter: g.day + firstDay === 0 ? '' : words.day(g.day + firstDay),
    date: dateOf(g.day),
  }));

  return {
    height: Math.ceil(bottom + 8),
    labelX: 0,
    labelY: headY,
    rangeBelow: true,
    axis: { x1: axisX, y1: top - DAY_GAP / 2, x2: axisX, y2: round(bottom) },
    dayTicks: groups.map((g) => round(g.top + Math.min(HIT, g.bottom - g.top) / 2)),
    ticks,
    grid: { from: 0, to: width },
    marks,
    spans,
  };
}
