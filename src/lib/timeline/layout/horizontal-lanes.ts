// Horizontal: how many lanes each track gets, from its labels over the full domain and the height cap.
import { collectTrack } from './clusters';
import { makeCtx, pos, type BaseCtx, type Ctx, type Item } from './context';
import { clusterItem, eventItem } from './items';
import type { PreparedTimeline } from './prepare';
import { placeRow } from './rows';
import type { LayoutTrack } from './types';

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
  const key = cacheKey(base, o.maxLanes);
  let counts = prepared.laneCache.get(key);
  if (counts) return counts;
  counts = new Map();
  const ctx = fullViewCtx(base, plotX, plotW);
  for (const track of prepared.tracks) {
    const items = fullViewItems(prepared, [track], ctx);
    const used = placeRow(items, o.maxLanes + 1, ctx, 'labels');
    const lanes = used < 0 ? o.maxLanes : Math.max(1, Math.min(o.maxLanes, used));
    // Counting only reads the items' fixed fields: the same items serve again.
    const floor = placeRow(items, lanes, ctx, 'floor');
    counts.set(track.id, { lanes, floor: floor < 0 ? lanes : Math.max(1, floor) });
  }
  prepared.laneCache.set(key, counts);
  return counts;
}

/**
 * The lanes of each visible track: as many as its labels need (laneCounts), fewer where the chart
 * must fit `maxHeight`: lanes come off the fullest tracks, first down to their floors, then down to one.
 * `fixedH` is the chart's height without its lanes.
 */
export function trackLanes(
  prepared: PreparedTimeline,
  visible: readonly LayoutTrack[],
  base: BaseCtx,
  plot: { x: number; w: number; fixedH: number; laneH: number },
  maxHeight: number | undefined,
): number[] {
  const counts = laneCounts(prepared, base, plot.x, plot.w);
  const lanes = visible.map((t) => counts.get(t.id)!.lanes);
  if (maxHeight === undefined) return lanes;
  const floors = visible.map((t) => counts.get(t.id)!.floor);
  let total = plot.fixedH + lanes.reduce((a, b) => a + b, 0) * plot.laneH;
  while (total > maxHeight) {
    let fullest = -1;
    for (const least of [floors, null]) {
      for (let i = 0; i < lanes.length; i++) {
        if (lanes[i] > (least ? least[i] : 1) && (fullest < 0 || lanes[i] >= lanes[fullest])) fullest = i;
      }
      if (fullest >= 0) break;
    }
    if (fullest < 0) break;
    lanes[fullest]--;
    total -= plot.laneH;
  }
  return lanes;
}

/**
 * Shared lanes (LayoutOptions.sharedLanes): how many lanes every track's items need together for
 * all their labels over the full domain, at most `cap`. Cached on `prepared`.
 */
export function sharedLaneCount(
  prepared: PreparedTimeline,
  visible: readonly LayoutTrack[],
  base: BaseCtx,
  plotX: number,
  plotW: number,
  cap: number,
): number {
  const key = `shared|${cacheKey(base, cap)}|${visible.map((t) => t.id).join(',')}`;
  const cached = prepared.laneCache.get(key)?.get('shared');
  if (cached) return cached.lanes;
  const ctx = fullViewCtx(base, plotX, plotW);
  const used = placeRow(fullViewItems(prepared, visible, ctx), cap + 1, ctx, 'labels');
  const lanes = used < 0 ? cap : Math.max(1, Math.min(cap, used));
  prepared.laneCache.set(key, new Map([['shared', { lanes, floor: lanes }]]));
  return lanes;
}

/** What a lane count depends on besides the tracks: the width, the text, the cap and the clusters' rules. */
function cacheKey(base: BaseCtx, cap: number): string {
  const o = base.o;
  return [o.width, o.fontSize, base.mFont, cap, o.clusterMin, o.clusterSpan, ...base.fullDomain].join('|');
}

/** The full view, without highlights: emphasis must not change the height. */
function fullViewCtx(base: BaseCtx, plotX: number, plotW: number) {
  return makeCtx({ ...base, highlighted: new Set() }, base.fullDomain, plotX, plotW);
}

/** The tracks' items at the full view, key events single as they are once zoomed in: the lanes leave room for their labels. */
function fullViewItems(prepared: PreparedTimeline, tracks: readonly LayoutTrack[], ctx: Ctx): Item[] {
  const along = (t: number) => pos(ctx, t);
  const items: Item[] = [];
  for (const track of tracks) {
    const { singles, clusters } = collectTrack(prepared.byTrack.get(track.id)!, ctx, track.id, false);
    for (const e of singles) items.push(eventItem(e, track, ctx, along));
    for (const c of clusters) items.push(clusterItem(c, track, ctx, along));
  }
  return items;
}
