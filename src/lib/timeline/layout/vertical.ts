// Vertical layout (phones): one column of marks on the axis line, labels beside them.
import { formatDateRange, parsePartialDate, partialDateMidpoint } from '../../dates';
import { LaneGrid, textWidth, wrapText } from '../lanes';
import { axisTicks } from './axis';
import { collectZoned } from './clusters';
import {
  MAX_SHIFT_ROWS,
  MAX_TIGHTER,
  MILESTONE_R,
  PAD,
  TICK_LABEL_GAP,
  V_BAR_OFFSET,
  V_GAP,
  V_LEFT,
  compareText,
  round,
} from './constants';
import { byPriority, itemId, makeCtx, pos, shorten, type BaseCtx, type Item } from './context';
import { clusterItem, eventItem } from './items';
import { buildLinks, clusterMark, eventMark, milestoneMark, pushBars } from './marks';
import { periodFontSize } from './periods';
import type { PEvent, PreparedTimeline } from './prepare';
import { axisLength } from './scale';
import type {
  AnnotationMark,
  Box,
  ClusterMark,
  EventMark,
  LayoutOptions,
  LayoutTrack,
  MilestoneMark,
  PeriodBand,
  SpanBar,
  TimelineLayout,
} from './types';
import { assignSlots, mergeCrowded, verticalColumns } from './vertical-column';

export function layoutVertical(
  prepared: PreparedTimeline,
  visible: readonly LayoutTrack[],
  domain: [number, number],
  base: BaseCtx,
  options: LayoutOptions,
): TimelineLayout {
  const { o, labelH } = base;
  const width = o.width;
  const axisFont = o.fontSize - 1;
  const axisMeasure = axisFont * (base.mFont / o.fontSize);
  const tickH = Math.ceil(axisFont * 1.25);
  // Axis labels | axis line with the marks on it (slot 0) and beside it (slot 1) | labels.
  const { spineX, slotStep, labelsX } = verticalColumns(options);
  const labelsW = Math.max(0, width - PAD - labelsX);
  const plotY = 12;
  const length = axisLength(prepared, options, labelH);
  const plot: Box = { x: spineX, y: plotY, w: Math.max(1, width - PAD - spineX), h: length };
  const ctx = makeCtx(base, domain, plotY, length);
  const along = (t: number) => pos(ctx, t);

  // Every track's events and "+N" clusters, in one column, in time order. Each mark goes on the
  // axis line, or beside it when a mark there is in the way; two marks in a slot keep a target's
  // size apart, and where they cannot, bins grow and pairs cluster too.
  let items: Item[] = [];
  const zones: [number, number][] = [];
  for (let tighter = 0; ; tighter++) {
    items = [];
    for (const track of visible) {
      const { singles, clusters } = collectZoned(prepared.byTrack.get(track.id)!, ctx, track.id, zones, tighter);
      for (const e of singles) items.push(eventItem(e, track, ctx, along));
      for (const c of clusters) items.push(clusterItem(c, track, ctx, along, `+${c.members.length} ${track.label}`));
    }
    items.sort((a, b) => a.x - b.x || a.priority - b.priority || compareText(itemId(a), itemId(b)));
    const crowded = assignSlots(items, spineX, slotStep, o.targetSize);
    if (crowded.length === 0) break;
    if (tighter === MAX_TIGHTER) {
      // Marks of several tracks still crowd: they join one "+N events" cluster.
      items = mergeCrowded(items, ctx, along, o.targetSize);
      assignSlots(items, spineX, slotStep, o.targetSize);
      break;
    }
    for (const x of crowded) zones.push([x - 2 * o.targetSize, x + 2 * o.targetSize]);
  }

  // Labels, in one column right of the marks, in the order of their marks down the page.
  // Placed by priority: each goes into the free stretch between the labels already placed
  // for the marks above and below its own, as near its mark as it can (at most
  // MAX_SHIFT_ROWS rows away): whole on up to two rows, else cut to one row, else hidden.
  const placedRank: number[] = [];
  const placedTop: number[] = [];
  const placedBottom: number[] = [];
  const maxShift = MAX_SHIFT_ROWS * labelH;
  const lo = plotY;
  const hi = plotY + length;
  /** The free stretch [top, bottom] for the label of rank `rank`, and where it would be inserted. */
  const gapAt = (rank: number): [number, number, number] => {
    let a = 0;
    let b = placedRank.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (placedRank[mid] < rank) a = mid + 1;
      else b = mid;
    }
    return [a > 0 ? placedBottom[a - 1] + V_GAP : lo, a < placedRank.length ? placedTop[a] - V_GAP : hi, a];
  };
  const place = (rank: number, desiredTop: number, h: number): number | null => {
    const [gapTop, gapBottom, a] = gapAt(rank);
    if (gapBottom - gapTop < h) return null;
    const top = Math.min(Math.max(desiredTop, gapTop), gapBottom - h);
    if (Math.abs(top - desiredTop) > maxShift) return null;
    placedRank.splice(a, 0, rank);
    placedTop.splice(a, 0, top);
    placedBottom.splice(a, 0, top + h);
    return top;
  };

  // Periods: bands across the plot. Each label goes at the top of its band beside the axis
  // labels, where it keeps clear of them; else first into the column of labels.
  const { ticks: allTicks, breaks } = axisTicks(ctx, length, axisMeasure, true);
  const axisLabelX = spineX - TICK_LABEL_GAP;
  const gutter = new LaneGrid(1, 2);
  // Annotations first, in the gutter beside their date on up to two rows (the date is in their
  // text: the axis labels they cover give way), then the axis labels, then the period labels.
  const annotations: AnnotationMark[] = [];
  const noteFont = (base.mFont / o.fontSize) * periodFontSize(o.fontSize);
  for (const a of options.annotations ?? []) {
    const y = along(partialDateMidpoint(parsePartialDate(a.date)));
    if (y < ctx.viewL || y > ctx.viewR) continue;
    const wrapped = wrapText(a.text, axisLabelX - V_LEFT, noteFont, 2);
    if (!wrapped || wrapped.truncated) continue;
    const h = wrapped.lines.length * labelH;
    const top = Math.max(plotY, Math.min(y - labelH / 2, plotY + length - h));
    if (!gutter.fits(0, top, top + h)) continue;
    gutter.insert(0, top, top + h);
    annotations.push({
      id: a.id,
      text: a.text,
      lines: wrapped.lines,
      labelBox: { x: round(axisLabelX - wrapped.width), y: round(top), w: round(wrapped.width), h },
      labelAnchor: 'end',
      x1: round(spineX - 6),
      y1: round(y),
      x2: round(width - PAD),
      y2: round(y),
    });
  }
  const ticks = allTicks.map((t) =>
    t.label && !gutter.fits(0, plotY + t.x - tickH / 2, plotY + t.x + tickH / 2)
      ? { ...t, label: '', level: 'sub' as const }
      : t,
  );
  for (const t of ticks) if (t.label) gutter.insert(0, plotY + t.x - tickH / 2, plotY + t.x + tickH / 2);
  const periodBands: PeriodBand[] = [];
  const periodFont = (base.mFont / o.fontSize) * periodFontSize(o.fontSize);
  (options.periods ?? []).forEach((p, order) => {
    const s = along(parsePartialDate(p.start).start.getTime());
    const e = along(parsePartialDate(p.end).end.getTime());
    if (e < ctx.viewL || s > ctx.viewR) return;
    const y0 = Math.max(s, ctx.viewL);
    const y1 = Math.min(e, ctx.viewR);
    const dateText = formatDateRange(p.start, p.end);
    const band: PeriodBand = {
      id: p.id,
      label: p.label,
      text: null,
      x: plot.x,
      y: round(y0),
      w: plot.w,
      h: round(y1 - y0),
      labelBox: null,
      labelAnchor: 'start',
      dateText,
      ariaLabel: `${dateText}: ${p.label}`,
    };
    // Ranked just before the marks at the band's start (ranks are integers).
    let a = 0;
    let b = items.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (items[mid].x < y0) a = mid + 1;
      else b = mid;
    }
    const gutterTop = Math.min(y0 + 2, hi - labelH);
    const inGutter = shorten(p.label, axisLabelX - V_LEFT, periodFont);
    if (inGutter && gutter.fits(0, gutterTop, gutterTop + labelH)) {
      gutter.insert(0, gutterTop, gutterTop + labelH);
      band.text = inGutter.text;
      band.labelAnchor = 'end';
      band.labelBox = {
        x: round(axisLabelX - inGutter.width),
        y: round(gutterTop),
        w: round(inGutter.width),
        h: labelH,
      };
    } else {
      const fitted = shorten(p.label, labelsW, periodFont);
      const top = fitted ? place(a - 0.5 + order / 1000, y0 + 2, labelH) : null;
      if (fitted && top !== null) {
        band.text = fitted.text;
        band.labelBox = { x: round(labelsX), y: round(top), w: round(fitted.width), h: labelH };
      }
    }
    periodBands.push(band);
  });

  for (const it of [...items].sort(byPriority)) {
    if (it.x < ctx.viewL || it.x > ctx.viewR) continue;
    const desiredTop = it.x - labelH / 2;
    // Most labels of a dense chart find no room: check before measuring.
    const [gapTop, gapBottom] = gapAt(it.rank);
    if (gapBottom - gapTop < labelH || gapTop - desiredTop > maxShift || desiredTop + labelH - gapBottom > maxShift)
      continue;
    const wrapped = wrapText(it.text, labelsW, it.font, 2);
    if (!wrapped || wrapped.truncated) continue;
    let top = place(it.rank, desiredTop, wrapped.lines.length * labelH);
    let fitted: { lines: string[]; width: number; truncated: boolean } | null = top === null ? null : wrapped;
    if (top === null && wrapped.lines.length > 1) {
      const one = shorten(it.text, labelsW, it.font);
      top = one ? place(it.rank, desiredTop, labelH) : null;
      if (one && top !== null) fitted = { lines: [one.text], width: one.width, truncated: one.truncated };
    }
    if (!fitted || top === null) continue;
    Object.assign(it, {
      label: fitted.lines.join(' '),
      lines: fitted.lines,
      truncated: fitted.truncated,
      anchor: 'start',
    });
    it.box = { x: round(labelsX), y: round(top), w: round(fitted.width), h: fitted.lines.length * labelH };
  }

  const marks: EventMark[] = [];
  const spans: SpanBar[] = [];
  const milestones: MilestoneMark[] = [];
  const clusterMarks: ClusterMark[] = [];
  const shown = new Map<string, { mark: EventMark; ev: PEvent }>();
  for (const it of items) {
    const box = it.box;
    const rowY = box ? box.y + labelH / 2 : it.x;
    const leader =
      box && Math.abs(rowY - it.x) > 1
        ? { x1: round(it.cx + it.r + 2), y1: round(it.x), x2: round(labelsX - 3), y2: round(rowY) }
        : null;
    if (it.cluster) {
      clusterMarks.push(clusterMark(it, it.track, it.cx, it.x, box, leader, ctx));
      continue;
    }
    const ev = it.ev!;
    const mark = eventMark(it, ev, it.track, it.cx, it.x, box, leader, ctx);
    if (it.x >= ctx.viewL && it.x <= ctx.viewR) {
      marks.push(mark);
      shown.set(ev.id, { mark, ev });
    }
    pushBars(spans, ev, it.track, it.cx + V_BAR_OFFSET, ctx, true);
    for (const m of ev.milestones) {
      const my = along(m.t);
      if (my < ctx.viewL - MILESTONE_R || my > ctx.viewR + MILESTONE_R) continue;
      milestones.push(milestoneMark(m, ev, it.cx + V_BAR_OFFSET, my));
    }
  }

  return {
    orientation: 'vertical',
    size: { width, height: round(plotY + length + PAD) },
    plot,
    domain,
    fullDomain: [...base.fullDomain],
    warp: base.warp,
    targetSize: o.targetSize,
    fontSize: o.fontSize,
    labelHeight: labelH,
    axis: {
      x: V_LEFT,
      y: plotY,
      w: spineX - V_LEFT,
      h: length,
      fontSize: axisFont,
      breaks,
      ticks: ticks.map((t) => {
        const y = round(plotY + t.x);
        const labelX = axisLabelX;
        const w = t.label ? textWidth(t.label, axisMeasure) : 0;
        return {
          t: t.t,
          x: spineX,
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
    },
    tracks: [],
    periods: periodBands,
    annotations,
    spans,
    links: buildLinks(shown, ctx, true),
    milestones,
    clusters: clusterMarks,
    marks,
  };
}
