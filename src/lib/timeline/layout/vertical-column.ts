// Vertical: every track's marks in one column down the page, each in a slot on or beside the axis line.
import { fill } from '../../ui/fill';
import { fromU } from '../warp';
import { trackCollector, withSpan } from './clusters';
import { MAX_TIGHTER, SLOTS, V_BAR_OFFSET, compareText } from './constants';
import { symbolExtent } from '../shapes';
import { itemId, pos, type ClusterDraft, type Ctx, type Item } from './context';
import { clusterItem, eventItem } from './items';
import type { PreparedTimeline } from './prepare';
import type { LayoutTrack } from './types';
import type { VerticalFrame } from './vertical-frame';

/** The track of a cluster whose events come from several tracks, named in the layout's words. */
const mixedTrack = (ctx: Ctx): LayoutTrack => ({ id: '', label: ctx.words.mixedTrack, order: 0, shape: 'circle' });

/** A cluster's item, its label naming its span where it has room ("+6 Border data (Aug–Dec)"), else not. */
function spanned(it: Item, ctx: Ctx): Item {
  it.alt = it.text;
  it.text = withSpan(it.text, it.cluster!, ctx.words);
  return it;
}

/**
 * A vertical column where marks of several tracks crowd: each mark that would come within
 * `target` of the marks in both slots joins the latest of them, making one "+N events" cluster.
 */
export function mergeCrowded(items: Item[], ctx: Ctx, along: (t: number) => number, target: number): Item[] {
  const out: Item[] = [];
  const members = (it: Item) => (it.cluster ? it.cluster.members : [it.ev!]);
  for (const it of items) {
    const n = out.length;
    const busy = n >= SLOTS && out.slice(n - SLOTS).every((o) => it.x - o.x < target);
    if (!busy) {
      out.push(it);
      continue;
    }
    const last = out[n - 1];
    const all = [...members(last), ...members(it)];
    let sum = 0;
    for (const e of all) sum += along(e.t);
    const x = sum / all.length;
    const draft: ClusterDraft = {
      id: `cluster-mixed-${all[0].id}`,
      trackId: '',
      members: all,
      t: fromU(ctx.warp, ctx.u0 + (x - ctx.origin) / ctx.k),
      binMs: 0,
    };
    const merged = spanned(
      clusterItem(draft, mixedTrack(ctx), ctx, along, fill(ctx.words.mixed, { count: all.length })),
      ctx,
    );
    merged.x = Math.max(x, n >= 2 ? out[n - 2].x : -Infinity);
    out[n - 1] = merged;
  }
  return out;
}

/** How far a milestone's symbol reaches from its centre (the largest, a triangle, 5.4), with a pixel to spare. */
const MILESTONE_REACH = 6.5;

/**
 * Puts each mark of a vertical column in a slot (0 on the axis line, 1 beside it); returns where marks came
 * closer than `target` to another. A mark takes the first slot with room where it covers none of the
 * milestones drawn down the bar of a mark above it (`along` places them), else the first with room.
 */
export function assignSlots(
  items: Item[],
  spineX: number,
  slotStep: number,
  target: number,
  along?: (t: number) => number,
): number[] {
  const last = new Array<number>(SLOTS).fill(-Infinity);
  const lastR = new Array<number>(SLOTS).fill(0);
  const crowded: number[] = [];
  // Milestones still to come down the page: where each is, and the slot of the mark whose bar carries it.
  let ahead: { y: number; barX: number }[] = [];
  items.forEach((it, rank) => {
    it.rank = rank;
    const room = (s: number) => it.x - last[s] >= Math.max(target, it.r + lastR[s] + 2);
    if (ahead.length > 0 && ahead[0].y < it.x - target) ahead = ahead.filter((m) => m.y >= it.x - target);
    const reach = it.cluster ? { x: it.r, y: it.r } : symbolExtent(it.track.shape, it.r);
    const covers = (s: number) => {
      const cx = spineX + s * slotStep;
      for (const m of ahead)
        if (Math.abs(m.y - it.x) < reach.y + MILESTONE_REACH && Math.abs(m.barX - cx) < reach.x + MILESTONE_REACH)
          return true;
      return false;
    };
    let slot = -1;
    for (let s = 0; s < SLOTS && slot < 0; s++) if (room(s) && !covers(s)) slot = s;
    for (let s = 0; s < SLOTS && slot < 0; s++) if (room(s)) slot = s;
    if (slot < 0) {
      crowded.push(it.x);
      slot = 0;
      for (let s = 1; s < SLOTS; s++) if (last[s] < last[slot]) slot = s;
    }
    last[slot] = it.x;
    lastR[slot] = it.r;
    it.lane = slot;
    it.cx = spineX + slot * slotStep;
    if (along && it.ev && it.ev.milestones.length > 0) {
      const barX = it.cx + V_BAR_OFFSET;
      for (const m of it.ev.milestones) ahead.push({ y: along(m.t), barX });
      ahead.sort((a, b) => a.y - b.y);
    }
  });
  return crowded;
}

/**
 * Every track's events and "+N" clusters, in one column, in time order. Each mark goes on the
 * axis line, or beside it when a mark there is in the way; two marks in a slot keep a target's
 * size apart, and where they cannot, bins grow and pairs cluster too.
 */
export function columnItems(
  prepared: PreparedTimeline,
  visible: readonly LayoutTrack[],
  f: VerticalFrame,
  target: number,
): Item[] {
  const { ctx, spineX, slotStep } = f;
  const along = (t: number) => pos(ctx, t);
  let items: Item[] = [];
  const zones: [number, number][] = [];
  const collectors = visible.map((track) => trackCollector(prepared.byTrack.get(track.id)!, ctx, track.id));
  for (let tighter = 0; ; tighter++) {
    items = [];
    for (const [i, track] of visible.entries()) {
      const { singles, clusters } = collectors[i](zones, tighter);
      for (const e of singles) items.push(eventItem(e, track, ctx, along));
      for (const c of clusters)
        items.push(spanned(clusterItem(c, track, ctx, along, `+${c.members.length} ${track.label}`), ctx));
    }
    items.sort((a, b) => a.x - b.x || a.priority - b.priority || compareText(itemId(a), itemId(b)));
    const crowded = assignSlots(items, spineX, slotStep, target, along);
    if (crowded.length === 0) break;
    if (tighter === MAX_TIGHTER) {
      // Marks of several tracks still crowd: they join one "+N events" cluster.
      items = mergeCrowded(items, ctx, along, target);
      assignSlots(items, spineX, slotStep, target, along);
      break;
    }
    for (const x of crowded) zones.push([x - 2 * target, x + 2 * target]);
  }
  return items;
}
