// Events and clusters as items to place: a mark's position, footprint and label text.
import { BOLD_WIDTH, textWidth } from '../lanes';
import { CLUSTER_R, LABEL_GAP, RADIUS } from './constants';
import { NO_LINES, priorityOf, type ClusterDraft, type Ctx, type Item } from './context';
import type { PEvent } from './prepare';
import type { LayoutTrack } from './types';

/** Half the footprint of a mark along its row: with LABEL_GAP between footprints, two centres stay a target size apart. */
export const targetHalf = (r: number, ctx: Ctx) => Math.max(r, ctx.o.targetSize / 2 - LABEL_GAP / 2);

/** An item's fields before lane assignment and label placement fill them in. */
const unplaced = (track: LayoutTrack) => ({
  track,
  lane: -1,
  label: null,
  lines: NO_LINES,
  truncated: false,
  anchor: 'start' as const,
  boxX: 0,
  boxW: 0,
  cx: 0,
  rank: 0,
  box: null,
});

export function eventItem(ev: PEvent, track: LayoutTrack, ctx: Ctx, along: (t: number) => number): Item {
  const x = along(ev.t);
  const r = RADIUS[ev.importance];
  const half = targetHalf(r, ctx);
  // Key events' labels are bold, and so is an emphasised event's (an event page's own, whatever its importance).
  const font = ev.importance === 1 || ctx.highlighted.has(ev.id) ? ctx.mFont * BOLD_WIDTH : ctx.mFont;
  return {
    priority: priorityOf(ev, ctx),
    x,
    r,
    m0: Math.max(ctx.viewL - 1, Math.min(x - half, along(ev.t0))),
    m1: Math.min(ctx.viewR + 1, Math.max(x + half, along(ev.t1))),
    text: ev.text,
    font,
    textW: (Number.isNaN(ev.titleEm) ? (ev.titleEm = textWidth(ev.text, 1)) : ev.titleEm) * font,
    ev,
    cluster: undefined,
    ...unplaced(track),
  };
}

export function clusterItem(
  c: ClusterDraft,
  track: LayoutTrack,
  ctx: Ctx,
  along: (t: number) => number,
  given?: string,
): Item {
  const x = along(c.t);
  const font = ctx.mFont * BOLD_WIDTH;
  const half = targetHalf(CLUSTER_R, ctx);
  // A highlighted event that had to join a cluster (a height-capped chart, at the last try) names it:
  // "<its label> +3", with a highlighted event's claim to its label.
  const lead = given === undefined ? clusterLead(c, ctx) : undefined;
  const text = given ?? (lead ? `${lead.text} +${c.members.length - 1}` : `+${c.members.length}`);
  return {
    priority: lead ? 0 : 1.5,
    x,
    r: CLUSTER_R,
    m0: x - half,
    m1: x + half,
    text,
    font,
    textW: textWidth(text, font),
    ev: undefined,
    cluster: c,
    lead,
    ...unplaced(track),
  };
}

/** The cluster's first highlighted member, if it has one. */
function clusterLead(c: ClusterDraft, ctx: Pick<Ctx, 'highlighted'>): PEvent | undefined {
  return ctx.highlighted.size ? c.members.find((e) => ctx.highlighted.has(e.id)) : undefined;
}
