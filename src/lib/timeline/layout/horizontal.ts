// Horizontal layout: one band per track, each with a few lanes (or, with `sharedLanes`, one band of
// lanes that every track's marks share); the axis above, then the annotations and period labels,
// then the tracks.
import { BOLD_WIDTH, textWidth } from '../lanes';
import { fromU } from '../warp';
import { axisText, axisTicks } from './axis';
import { trackCollector } from './clusters';
import { BAR_H, MAX_TIGHTER, PAD, round } from './constants';
import {
  byPriority,
  commonFields,
  makeCtx,
  pos,
  shorten,
  type BaseCtx,
  type Ctx,
  type Item,
  type OrientationLayout,
} from './context';
import { keepHighlightedLabels } from './horizontal-highlight';
import { sharedLaneCount, trackLanes } from './horizontal-lanes';
import { clusterItem, eventItem } from './items';
import { buildLinks, drawItem, noneDrawn, type Drawn } from './marks';
import { layoutAnnotationsHorizontal, layoutPeriodsHorizontal } from './periods';
import type { PreparedTimeline } from './prepare';
import { placeRow } from './rows';
import type { AxisLayout, LayoutOptions, LayoutTrack, TrackBand } from './types';

/** What the stages of one horizontal layout read: the rows down the page, and time → px across it. */
interface HorizontalFrame {
  ctx: Ctx;
  labelH: number;
  /** The axis row. */
  top: number;
  axisH: number;
  plotX: number;
  plotY: number;
  plotW: number;
  /** The rows of annotations, and of them and the period labels, above the tracks. */
  annotationsH: number;
  periodsH: number;
  headerH: number;
  laneH: number;
  /** LayoutOptions.keepHighlightedLabels. */
  keepHighlighted: boolean;
}

export const layoutHorizontal: OrientationLayout = (prepared, visible, domain, base, options) => {
  const { o } = base;
  const f = horizontalFrame(domain, base, options);
  const { ctx, plotX, plotY, plotW, annotationsH } = f;
  const tracks: TrackBand[] = [];
  const drawn = noneDrawn();
  let y = plotY + f.periodsH;
  if (o.sharedLanes) {
    // One band for all tracks, as many lanes as their labels need, at most what fits the height.
    const fixedH = plotY + f.periodsH + PAD;
    const cap = options.maxHeight === undefined ? 40 : Math.max(1, Math.floor((options.maxHeight - fixedH) / f.laneH));
    const nLanes = sharedLaneCount(prepared, visible, base, plotX, plotW, cap);
    pushTrackMarks(placeTracks(prepared, visible, nLanes, f), y, f, drawn);
    y += nLanes * f.laneH;
  } else {
    const fixedH = plotY + f.periodsH + visible.length * f.headerH + PAD;
    const lanes = trackLanes(
      prepared,
      visible,
      base,
      { x: plotX, w: plotW, fixedH, laneH: f.laneH },
      options.maxHeight,
    );
    visible.forEach((track, ti) => {
      y += drawTrack(prepared, track, lanes[ti], y, f, tracks, drawn);
    });
  }
  const plotH = y - plotY;
  const periods = options.periods ?? [];
  const periodBands = layoutPeriodsHorizontal(
    periods,
    ctx,
    plotY + annotationsH,
    plotH - annotationsH,
    f.periodsH - annotationsH,
  );
  const annotations = layoutAnnotationsHorizontal(options.annotations ?? [], ctx, plotY, plotH, annotationsH);
  return {
    orientation: 'horizontal',
    size: { width: o.width, height: round(y + PAD) },
    plot: { x: plotX, y: plotY, w: plotW, h: round(plotH) },
    ...commonFields(domain, base),
    axis: horizontalAxis(f),
    tracks,
    periods: periodBands,
    annotations,
    spans: drawn.spans,
    links: buildLinks(drawn.shown, ctx, false),
    milestones: drawn.milestones,
    clusters: drawn.clusters,
    marks: drawn.marks,
  };
};

function horizontalFrame(domain: [number, number], base: BaseCtx, options: LayoutOptions): HorizontalFrame {
  const { o, labelH } = base;
  const notes = options.annotations?.length ?? 0;
  const annotationsH = Math.min(2, notes) * labelH + (notes > 0 ? 4 : 0);
  const plotX = PAD;
  const plotW = Math.max(1, o.width - 2 * PAD);
  const top = 4;
  const ctx = makeCtx(base, domain, plotX, plotW);
  const axisH = axisText(ctx).lineH + 12;
  return {
    ctx,
    labelH,
    top,
    axisH,
    plotX,
    plotY: top + axisH,
    plotW,
    annotationsH,
    periodsH: ((options.periods ?? []).length > 0 ? labelH + 8 : 0) + annotationsH,
    headerH: labelH + 6,
    // At least a target's size, so marks in neighbouring lanes are targets of their own too.
    laneH: Math.max(3 + labelH + 2 + BAR_H + 3, o.targetSize),
    keepHighlighted: options.keepHighlightedLabels === true && ctx.highlighted.size > 0,
  };
}

/** One track's band at `y`: its header, then its marks in `nLanes` lanes. Returns the band's height. */
function drawTrack(
  prepared: PreparedTimeline,
  track: LayoutTrack,
  nLanes: number,
  y: number,
  f: HorizontalFrame,
  tracks: TrackBand[],
  drawn: Drawn,
): number {
  const { plotX, headerH } = f;
  const bandH = headerH + nLanes * f.laneH;
  const header = shorten(track.label, f.plotW - 16, f.ctx.mFont * BOLD_WIDTH);
  tracks.push({
    id: track.id,
    label: track.label,
    labelText: header?.text ?? '',
    shape: track.shape,
    ...(track.colour ? { colour: track.colour } : {}),
    ...(track.colourDark ? { colourDark: track.colourDark } : {}),
    x: plotX,
    y: round(y),
    w: f.plotW,
    h: bandH,
    lanes: nLanes,
    symbolX: plotX + 5,
    symbolY: round(y + headerH / 2),
    labelX: plotX + 14,
    labelY: round(y + headerH / 2),
  });
  pushTrackMarks(placeTracks(prepared, [track], nLanes, f), y + headerH, f, drawn);
  return bandH;
}

/**
 * The tracks' events and clusters placed in `nLanes` lanes (a track's own, or shared ones), marks a
 * target's size apart: where they cannot be, bins grow and pairs cluster there. Clusters stay in a track.
 */
function placeTracks(
  prepared: PreparedTimeline,
  placed: readonly LayoutTrack[],
  nLanes: number,
  f: HorizontalFrame,
): Item[] {
  const { ctx } = f;
  const along = (t: number) => pos(ctx, t);
  const target = ctx.o.targetSize;
  let items: Item[] = [];
  const zones: [number, number][] = [];
  let crowded = 0;
  const collectors = placed.map((track) => trackCollector(prepared.byTrack.get(track.id)!, ctx, track.id));
  for (let tighter = 0; ; tighter++) {
    items = [];
    for (const [i, track] of placed.entries()) {
      const { singles, clusters: drafts } = collectors[i](zones, tighter);
      for (const e of singles) items.push(eventItem(e, track, ctx, along));
      for (const c of drafts) items.push(clusterItem(c, track, ctx, along));
    }
    const overflow: number[] = [];
    placeRow(items, nLanes, ctx, 'place', overflow);
    crowded = overflow.length;
    if (crowded === 0 || tighter === MAX_TIGHTER) break;
    for (const x of overflow) zones.push([x - 2 * target, x + 2 * target]);
  }
  if (crowded > 0) [items, crowded] = joinNearClusters(items, nLanes, crowded, ctx, along);
  return f.keepHighlighted ? keepHighlightedLabels(items, nLanes, crowded, ctx, along) : items;
}

/**
 * Still crowded at the last try: a single mark closer than a target's size to a cluster joins it. (Bins
 * are cut in warped units, so a bin edge can part two events of one day, and leave a key event alone
 * beside the cluster of its day's others.) Kept if it puts no more marks on marks; returns the items and
 * how many marks sit on others.
 */
function joinNearClusters(
  placed: Item[],
  lanes: number,
  crowded: number,
  ctx: Ctx,
  along: (t: number) => number,
): [Item[], number] {
  const target = ctx.o.targetSize;
  const near = nearSingles(placed, target);
  // In the items' order, and merged clusters after them: a merge only takes a single away, so a cluster
  // checked once never gains one, and one pass gives what checking again from the start would.
  const list = [...placed];
  const gone = new Set<Item>();
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const single = c.cluster && !gone.has(c) ? near(c, gone) : undefined;
    if (!c.cluster || !single) continue;
    const members = [...c.cluster.members, single.ev!].sort((a, b) => a.t - b.t);
    let sum = 0;
    for (const e of members) sum += along(e.t);
    const x = sum / members.length;
    const t = fromU(ctx.warp, ctx.u0 + (x - ctx.origin) / ctx.k);
    gone.add(c).add(single);
    list.push(clusterItem({ ...c.cluster, members, t }, c.track, ctx, along));
  }
  const items = gone.size === 0 ? placed : list.filter((it) => !gone.has(it));
  if (items === placed) return [placed, crowded];
  const overflow: number[] = [];
  placeRow(items, lanes, ctx, 'place', overflow);
  if (overflow.length <= crowded) return [items, overflow.length];
  placeRow(placed, lanes, ctx, 'place', []);
  return [placed, crowded];
}

/**
 * The first single (not highlighted) of a cluster's track, in the items' priority order, whose mark is
 * closer than `target` to the cluster's: by binary search in each priority's marks sorted along the axis.
 */
function nearSingles(items: readonly Item[], target: number): (c: Item, gone: Set<Item>) => Item | undefined {
  const groups = new Map<LayoutTrack, Map<number, Item[]>>();
  for (const it of items) {
    if (!it.ev || it.priority === 0) continue;
    let ranks = groups.get(it.track);
    if (!ranks) groups.set(it.track, (ranks = new Map()));
    const list = ranks.get(it.priority);
    if (list) list.push(it);
    else ranks.set(it.priority, [it]);
  }
  const sorted = new Map<LayoutTrack, Item[][]>();
  for (const [track, ranks] of groups)
    sorted.set(
      track,
      [...ranks.keys()].sort((a, b) => a - b).map((p) => ranks.get(p)!.sort(byPriority)),
    );
  return (c, gone) => {
    for (const list of sorted.get(c.track) ?? []) {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (list[mid].x <= c.x - target) lo = mid + 1;
        else hi = mid;
      }
      for (let i = lo; i < list.length && list[i].x < c.x + target; i++) if (!gone.has(list[i])) return list[i];
    }
    return undefined;
  };
}

/** The placed items as marks, each in its lane below the band's header at `lanesTop`: label row, then bar row. */
function pushTrackMarks(items: readonly Item[], lanesTop: number, f: HorizontalFrame, drawn: Drawn): void {
  const { ctx, labelH } = f;
  for (const it of items) {
    const laneTop = lanesTop + it.lane * f.laneH;
    const y = laneTop + 3 + labelH / 2;
    const box = it.label === null ? null : { x: round(it.boxX), y: round(laneTop + 3), w: round(it.boxW), h: labelH };
    drawItem(drawn, it, { x: it.x, y, box, leader: null }, laneTop + 3 + labelH + 2 + BAR_H / 2, ctx, false);
  }
}

/** The axis row above the plot: tick labels centred on their ticks. */
function horizontalAxis(f: HorizontalFrame): AxisLayout {
  const { plotX, plotY, top, axisH } = f;
  const { fontSize, measure, lineH: tickH } = axisText(f.ctx);
  const { ticks, breaks } = axisTicks(f.ctx, f.plotW, measure, false);
  return {
    x: plotX,
    y: top,
    w: f.plotW,
    h: axisH,
    fontSize,
    breaks,
    ticks: ticks.map((t) => {
      const labelX = round(plotX + t.x);
      const labelY = round(top + (axisH - 6) / 2);
      const w = t.label ? textWidth(t.label, measure) : 0;
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
  };
}
