// The vertical (narrow) layout of a period chart: time runs down, same-day marks side by side,
// wrapped labels dodged as a column beside them (see period.ts for the horizontal one).
import { round } from './axis';
import { dodge } from './labels';
import { textWidth, wrapText } from './text';
import { counterTicks, dayNumber, eventTip, MARK_R, spanAlong } from './period-days';
import type { PeriodBody, PeriodInput, PeriodMark, PeriodSpan } from './period';

/** The marks, labels, spans and axis of the window, time running down. */
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
  const { start, width } = options;
  const lineH = Math.round(fontSize * 1.3);
  const maxLines = options.maxLines ?? 2;
  const headY = fontSize + 6;
  const top = headY + lineH + 22;
  const tickColumn = Math.ceil(textWidth(options.words.day(days + firstDay), fontSize) + 4);
  const spanStrip = spanEvents.length ? (Math.max(...spanLane) + 1) * 7 + 4 : 0;
  const axisX = tickColumn + 10 + spanStrip;

  // Same-day marks sit side by side right of the axis; labels start after the widest group.
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
  // The short label (as on the timeline), so that it wraps to its lines instead of being cut.
  const wrapped = sorted.map((e) => wrapText(e.label ?? e.title, maxWidth, fontSize, maxLines));
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
        tip: eventTip(e, start, trackById.get(e.track), options.words, firstDay),
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
    const along = { origin: top, dayLen: dayH, words: options.words, first: firstDay };
    const { from, length, span } = spanAlong(e, start, days, trackById.get(e.track), along);
    return { ...span, x: round(axisX - 6 - spanLane[i] * 7 - 4), y: from, width: 4, height: length };
  });

  const axisEnd = top + (days + 1) * dayH;
  const ticks = counterTicks(start, days, dayH, lineH * 2 + 4, yOf, options.words, firstDay);
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
