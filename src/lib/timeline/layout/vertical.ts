// Vertical layout (phones): one column of marks on the axis line, labels beside them.
import { LaneGrid, textWidth } from '../lanes';
import type { TimeTick } from '../ticks';
import { axisText, axisTicks } from './axis';
import { PAD, TICK_LABEL_GAP, V_BAR_OFFSET, V_LEFT, round } from './constants';
import { commonFields, makeCtx, type BaseCtx, type Item, type OrientationLayout } from './context';
import { buildLinks, drawItem, noneDrawn, type Drawn } from './marks';
import type { PreparedTimeline } from './prepare';
import { axisLength } from './scale';
import type { AxisLayout, LayoutOptions, PlacedMark } from './types';
import { symbolExtent } from '../shapes';
import { columnItems } from './vertical-column';
import { verticalColumns, type VerticalFrame } from './vertical-frame';
import {
  gutterAnnotations,
  gutterTicks,
  placePeriodLabels,
  verticalPeriods,
  type PendingPeriodLabel,
} from './vertical-gutter';
import { labelColumn, leaderLine, onRow, placeEventLabels } from './vertical-labels';

export const layoutVertical: OrientationLayout = (prepared, visible, domain, base, options) => {
  const { o, labelH } = base;
  const f = verticalFrame(prepared, domain, base, options);
  const items = columnItems(prepared, visible, f, o.targetSize);
  const column = labelColumn(f.plotY, f.plotY + f.length, labelH);
  // The days of the events dated to the day (a month's "June 2019" names none), each at its first mark.
  const eventDays = new Map<number, number>();
  for (const it of items) {
    const day = it.ev?.day;
    if (day !== undefined && !eventDays.has(day)) eventDays.set(day, it.x - f.ctx.origin);
  }
  const { ticks: allTicks, breaks } = axisTicks(f.ctx, f.length, axisText(f.ctx).measure, true, eventDays);
  // The gutter beside the axis labels: annotations first, then the axis labels, then period labels.
  const gutter = new LaneGrid(1, 2);
  // The marks on the axis line, with how far each symbol reaches across (its outline too).
  const onLine = items
    .filter((it) => Math.abs(it.cx - f.spineX) < 1)
    .map((it) => ({ x: it.x, r: (it.cluster ? it.r : symbolExtent(it.track.shape, it.r).x) + 1.5 }));
  const annotations = gutterAnnotations(options.annotations ?? [], gutter, f, onLine);
  const ticks = gutterTicks(allTicks, gutter, f, items);
  const pending: PendingPeriodLabel[] = [];
  const periods = verticalPeriods(options.periods ?? [], items, gutter, column, f, pending);
  placeEventLabels(items, column, f);
  placePeriodLabels(pending, items, column, f);
  const { marks, spans, milestones, clusters, shown } = verticalMarks(items, f);
  return {
    orientation: 'vertical',
    size: { width: f.width, height: round(f.plotY + f.length + PAD) },
    plot: f.plot,
    ...commonFields(domain, base),
    axis: verticalAxis(ticks, clearOfMarks(breaks, [...marks, ...clusters], f), f),
    tracks: [],
    periods,
    annotations,
    spans,
    links: buildLinks(shown, f.ctx, true),
    milestones,
    clusters,
    marks,
  };
};

/** Axis labels | axis line with the marks on it (slot 0) and beside it (slot 1) | labels. */
function verticalFrame(
  prepared: PreparedTimeline,
  domain: [number, number],
  base: BaseCtx,
  options: LayoutOptions,
): VerticalFrame {
  const { o, labelH } = base;
  const width = o.width;
  const { spineX, slotStep, labelsX } = verticalColumns(options);
  const plotY = 12;
  const length = axisLength(prepared, options, labelH);
  const ctx = makeCtx(base, domain, plotY, length);
  return {
    ctx,
    width,
    labelH,
    spineX,
    slotStep,
    labelsX,
    labelsW: Math.max(0, width - PAD - labelsX),
    axisLabelX: spineX - TICK_LABEL_GAP,
    plotY,
    length,
    plot: { x: spineX, y: plotY, w: Math.max(1, width - PAD - spineX), h: length },
  };
}

/** The column's marks, with a leader to each label that moved off its mark's row; bars and milestones beside them. */
function verticalMarks(items: readonly Item[], f: VerticalFrame): Drawn {
  const { labelH, labelsX } = f;
  const drawn = noneDrawn();
  for (const it of items) {
    const box = it.box;
    const rowY = box ? box.y + labelH / 2 : it.x;
    const line = box && !onRow(it, rowY) ? leaderLine(it, rowY, labelsX) : null;
    const leader = line && { x1: round(line.x1), y1: round(line.y1), x2: round(line.x2), y2: round(line.y2) };
    drawItem(drawn, it, { x: it.cx, y: it.x, box, leader }, it.cx + V_BAR_OFFSET, f.ctx, true);
  }
  return drawn;
}

/** How far the break's two slashes reach above and below its point on the axis line (svg-model.ts draws them). */
const BREAK_UP = 6;
const BREAK_DOWN = 4;

/**
 * The axis breaks, each moved along the axis line off the marks on it: the nearest point (the marks
 * allow) where its slashes cover no mark, within the axis. A break that has nowhere to go stays.
 */
function clearOfMarks(breaks: number[], marks: readonly PlacedMark[], f: VerticalFrame): number[] {
  // Each mark on the line, with how far its symbol reaches along it (a cluster is a circle).
  const onLine = marks
    .filter((m) => Math.abs(m.x - f.spineX) < m.r + 6)
    .map((m) => ({ y: m.y, r: 'count' in m ? m.r : symbolExtent(m.shape, m.r).y }));
  const clear = (b: number) => onLine.every((m) => b + BREAK_DOWN + 1 < m.y - m.r || b - BREAK_UP - 1 > m.y + m.r);
  const [lo, hi] = [f.plotY + BREAK_UP, f.plotY + f.length - BREAK_DOWN];
  return breaks.map((b) => {
    if (clear(b)) return b;
    const spots = onLine
      .flatMap((m) => [round(m.y - m.r - BREAK_DOWN - 2), round(m.y + m.r + BREAK_UP + 2)])
      .filter((y) => y >= lo && y <= hi && clear(y))
      .sort((a, c) => Math.abs(a - b) - Math.abs(c - b));
    return spots[0] ?? b;
  });
}

/** The axis in the gutter: its labels right-aligned just left of the axis line. */
function verticalAxis(ticks: readonly TimeTick[], breaks: number[], f: VerticalFrame): AxisLayout {
  const { plotY, axisLabelX: labelX } = f;
  const { fontSize, measure, lineH: tickH } = axisText(f.ctx);
  return {
    x: V_LEFT,
    y: plotY,
    w: f.spineX - V_LEFT,
    h: f.length,
    fontSize,
    breaks,
    ticks: ticks.map((t) => {
      const y = round(plotY + t.x);
      const w = t.label ? textWidth(t.label, measure) : 0;
      return {
        t: t.t,
        x: f.spineX,
        y,
        label: t.label,
        level: t.level,
        unit: t.unit,
        labelX,
        labelY: y,
        anchor: 'end',
        labelBox: t.label ? { x: round(labelX - w), y: round(y - tickH / 2), w: round(w), h: tickH } : null,
      };
    }),
  };
}
