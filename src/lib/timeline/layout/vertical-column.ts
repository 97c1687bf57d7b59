// Vertical: the columns across the page, and the marks of one column put in their slots.
import { textWidth } from '../lanes';
import { fromU } from '../warp';
import { CLUSTER_R, SLOTS, SLOT_STEP, TICK_LABEL_GAP, V_LEFT } from './constants';
import type { ClusterDraft, Ctx, Item } from './context';
import { clusterItem } from './items';
import type { LayoutOptions, LayoutTrack } from './types';

/** Vertical: where the axis line is, and where the labels' column starts. */
export function verticalColumns(options: LayoutOptions): { spineX: number; slotStep: number; labelsX: number } {
  const fontSize = options.fontSize ?? 12;
  const target = Math.max(0, options.targetSize ?? 24);
  const axisMeasure = (fontSize - 1) * (options.textWidthFactor ?? 1);
  const spineX = V_LEFT + Math.ceil(textWidth('30 Sep 2019', axisMeasure)) + TICK_LABEL_GAP;
  const slotStep = Math.max(SLOT_STEP, target);
  return { spineX, slotStep, labelsX: spineX + (SLOTS - 1) * slotStep + Math.max(CLUSTER_R, target / 2) + 4 };
}

export const verticalLabelsX = (options: LayoutOptions) => verticalColumns(options).labelsX;

/** The track of a cluster whose events come from several tracks. */
export const MIXED_TRACK: LayoutTrack = { id: '', label: 'events', order: 0, shape: 'circle' };

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
    const merged = clusterItem(draft, MIXED_TRACK, ctx, along, `+${all.length} ${MIXED_TRACK.label}`);
    merged.x = Math.max(x, n >= 2 ? out[n - 2].x : -Infinity);
    out[n - 1] = merged;
  }
  return out;
}

/** Puts each mark of a vertical column in a slot (0 on the axis line, 1 beside it); returns where marks came closer than `target` to another. */
export function assignSlots(items: Item[], spineX: number, slotStep: number, target: number): number[] {
  const last = new Array<number>(SLOTS).fill(-Infinity);
  const lastR = new Array<number>(SLOTS).fill(0);
  const crowded: number[] = [];
  items.forEach((it, rank) => {
    it.rank = rank;
    const room = (s: number) => it.x - last[s] >= Math.max(target, it.r + lastR[s] + 2);
    let slot = -1;
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
  });
  return crowded;
}
