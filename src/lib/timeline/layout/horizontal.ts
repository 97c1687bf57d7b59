// Horizontal layout: one band per track, each with a few lanes.
import { BOLD_WIDTH, textWidth } from '../lanes';
import { axisTicks } from './axis';
import { collectTrack, collectZoned } from './clusters';
import { BAR_H, MAX_TIGHTER, MILESTONE_R, PAD, round } from './constants';
import { makeCtx, pos, shorten, type BaseCtx, type Item } from './context';
import { clusterItem, eventItem } from './items';
import { buildLinks, clusterMark, eventMark, milestoneMark, pushBars } from './marks';
import { layoutAnnotationsHorizontal, layoutPeriodsHorizontal } from './periods';
import type { PEvent, PreparedTimeline } from './prepare';
import { placeRow } from './rows';
import type {
  ClusterMark,
  EventMark,
  LayoutOptions,
  LayoutTrack,
  MilestoneMark,
  SpanBar,
  TimelineLayout,
  TrackBand,
} from './types';

/**
 * Per track, over the full domain at this width: the lanes it needs for every label
 * (≤ the cap), and its floor, the lanes it needs so that importance-1 labels never give
 * way to other marks (≤ that). Cached on `prepared`.
 */
export function laneCounts(
  prepared: PreparedTimeline,
  base: BaseCtx,
  plotX: number,
  plotW: number,
): Map<string, { lanes: number; floor: number }> {
  const o = base.o;
  const key = [o.width, o.fontSize, base.mFont, o.maxLanes, o.clusterMin, o.clusterSpan, ...base.fullDomain].join('|');
  let counts = prepared.laneCache.get(key);
  if (counts) return counts;
  counts = new Map();
  // Without highlights: emphasis must not change the height.
  const ctx = makeCtx({ ...base, highlighted: new Set() }, base.fullDomain, plotX, plotW);
  const along = (t: number) => pos(ctx, t);
  for (const track of prepared.tracks) {
    // Key events single, as they are once zoomed in: the lanes leave room for their labels.
    const { singles, clusters } = collectTrack(prepared.byTrack.get(track.id)!, ctx, track.id, false);
    const items: Item[] = [];
    for (const e of singles) items.push(eventItem(e, track, ctx, along));
    for (const c of clusters) items.push(clusterItem(c, track, ctx, along));
    const used = placeRow(items, o.maxLanes + 1, ctx, 'labels');
    const lanes = used < 0 ? o.maxLanes : Math.max(1, Math.min(o.maxLanes, used));
    // Counting only reads the items' fixed fields: the same items serve again.
    const floor = placeRow(items, lanes, ctx, 'floor');
    counts.set(track.id, { lanes, floor: floor < 0 ? lanes : Math.max(1, floor) });
  }
  prepared.laneCache.set(key, counts);
  return counts;
}

export function layoutHorizontal(
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
  const axisH = Math.ceil(axisFont * 1.25) + 12;
  const periods = options.periods ?? [];
  const annotationsH =
    Math.min(2, options.annotations?.length ?? 0) * labelH + ((options.annotations?.length ?? 0) > 0 ? 4 : 0);
  const periodsH = (periods.length > 0 ? labelH + 8 : 0) + annotationsH;
  const headerH = labelH + 6;
  // At least a target's size, so marks in neighbouring lanes are targets of their own too.
  const laneH = Math.max(3 + labelH + 2 + BAR_H + 3, o.targetSize);
  const plotX = PAD;
  const plotW = Math.max(1, width - 2 * PAD);
  const top = 4;
  const plotY = top + axisH;

  const counts = laneCounts(prepared, base, plotX, plotW);
  const lanes = visible.map((t) => counts.get(t.id)!.lanes);
  if (options.maxHeight !== undefined) {
    // Lanes come off the fullest tracks, first down to their floors, then down to one.
    const floors = visible.map((t) => counts.get(t.id)!.floor);
    const fixed = plotY + periodsH + visible.length * headerH + PAD;
    let total = fixed + lanes.reduce((a, b) => a + b, 0) * laneH;
    while (total > options.maxHeight) {
      let fullest = -1;
      for (const least of [floors, null]) {
        for (let i = 0; i < lanes.length; i++) {
          if (lanes[i] > (least ? least[i] : 1) && (fullest < 0 || lanes[i] >= lanes[fullest])) fullest = i;
        }
        if (fullest >= 0) break;
      }
      if (fullest < 0) break;
      lanes[fullest]--;
      total -= laneH;
    }
  }

  const ctx = makeCtx(base, domain, plotX, plotW);
  const along = (t: number) => pos(ctx, t);
  const tracks: TrackBand[] = [];
  const marks: EventMark[] = [];
  const spans: SpanBar[] = [];
  const milestones: MilestoneMark[] = [];
  const clusters: ClusterMark[] = [];
  const shown = new Map<string, { mark: EventMark; ev: PEvent }>();
  let y = plotY + periodsH;
  visible.forEach((track, ti) => {
    const nLanes = lanes[ti];
    const bandH = headerH + nLanes * laneH;
    const header = shorten(track.label, plotW - 16, base.mFont * BOLD_WIDTH);
    tracks.push({
      id: track.id,
      label: track.label,
      labelText: header?.text ?? '',
      shape: track.shape,
      ...(track.colour ? { colour: track.colour } : {}),
      ...(track.colourDark ? { colourDark: track.colourDark } : {}),
      x: plotX,
      y: round(y),
      w: plotW,
      h: bandH,
      lanes: nLanes,
      symbolX: plotX + 5,
      symbolY: round(y + headerH / 2),
      labelX: plotX + 14,
      labelY: round(y + headerH / 2),
    });
    // Marks a target's size apart: where they cannot be, bins grow and pairs cluster there.
    let items: Item[] = [];
    const zones: [number, number][] = [];
    for (let tighter = 0; ; tighter++) {
      const { singles, clusters: drafts } = collectZoned(
        prepared.byTrack.get(track.id)!,
        ctx,
        track.id,
        zones,
        tighter,
      );
      items = [];
      for (const e of singles) items.push(eventItem(e, track, ctx, along));
      for (const c of drafts) items.push(clusterItem(c, track, ctx, along));
      const overflow: number[] = [];
      placeRow(items, nLanes, ctx, 'place', overflow);
      if (overflow.length === 0 || tighter === MAX_TIGHTER) break;
      for (const x of overflow) zones.push([x - 2 * o.targetSize, x + 2 * o.targetSize]);
    }
    const lanesTop = y + headerH;
    for (const it of items) {
      const laneTop = lanesTop + it.lane * laneH;
      const my = laneTop + 3 + labelH / 2;
      const box = it.label === null ? null : { x: round(it.boxX), y: round(laneTop + 3), w: round(it.boxW), h: labelH };
      if (it.cluster) {
        clusters.push(clusterMark(it, track, it.x, my, box, null, ctx));
        continue;
      }
      const ev = it.ev!;
      const mark = eventMark(it, ev, track, it.x, my, box, null, ctx);
      // A span that began before the window shows its bar; its mark (at the start) is out of sight.
      if (it.x >= ctx.viewL && it.x <= ctx.viewR) {
        marks.push(mark);
        shown.set(ev.id, { mark, ev });
      }
      const barY = laneTop + 3 + labelH + 2 + BAR_H / 2;
      pushBars(spans, ev, track, barY, ctx, false);
      for (const m of ev.milestones) {
        const mx = along(m.t);
        if (mx < ctx.viewL - MILESTONE_R || mx > ctx.viewR + MILESTONE_R) continue;
        milestones.push(milestoneMark(m, ev, mx, barY));
      }
    }
    y += bandH;
  });

  const plotH = y - plotY;
  const periodBands = layoutPeriodsHorizontal(
    periods,
    ctx,
    plotY + annotationsH,
    plotH - annotationsH,
    periodsH - annotationsH,
  );
  const annotations = layoutAnnotationsHorizontal(options.annotations ?? [], ctx, plotY, plotH, annotationsH);
  const { ticks, breaks } = axisTicks(ctx, plotW, axisMeasure, false);
  const tickH = Math.ceil(axisFont * 1.25);
  return {
    orientation: 'horizontal',
    size: { width, height: round(y + PAD) },
    plot: { x: plotX, y: plotY, w: plotW, h: round(plotH) },
    domain,
    fullDomain: [...base.fullDomain],
    warp: base.warp,
    targetSize: o.targetSize,
    fontSize: o.fontSize,
    labelHeight: labelH,
    axis: {
      x: plotX,
      y: top,
      w: plotW,
      h: axisH,
      fontSize: axisFont,
      breaks,
      ticks: ticks.map((t) => {
        const labelX = round(plotX + t.x);
        const labelY = round(top + (axisH - 6) / 2);
        const w = t.label ? textWidth(t.label, axisMeasure) : 0;
        return {
          t: t.t,
          x: labelX,
          y: plotY,
          label: t.label,
          level: t.level,
          unit: t.unit,
          labelX,
          labelY,
          anchor: 'middle',
          labelBox: t.label ? { x: round(labelX - w / 2), y: labelY, w: round(w), h: tickH } : null,
        };
      }),
    },
    tracks,
    periods: periodBands,
    annotations,
    spans,
    links: buildLinks(shown, ctx, false),
    milestones,
    clusters,
    marks,
  };
}
