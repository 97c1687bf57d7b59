// The output's marks: events, clusters, milestones, span bars and links, from placed items.
import { MILESTONE_SHAPES } from '../shapes';
import { milestonePhrase } from '../milestones';
import { clusterDomain, clusterTexts } from './clusters';
import { BAR_H, CLUSTER_R, MILESTONE_R, STEPS_H, V_BAR_H, round } from './constants';
import { NO_LINES, pos, type Ctx, type Item } from './context';
import type { PEvent, PMilestone, PreparedTimeline } from './prepare';
import type { Box, ClusterMark, EventMark, LayoutTrack, Leader, LinkPath, MilestoneMark, SpanBar } from './types';

/** Where drawItem puts an item: its symbol at (x, y), its label's box (null: hidden) and leader. */
interface MarkAt {
  x: number;
  y: number;
  box: Box | null;
  leader: Leader | null;
}

function labelFields(it: Item, { box, leader }: MarkAt) {
  return {
    label: box ? it.label : null,
    labelLines: box ? it.lines : NO_LINES,
    labelAnchor: it.anchor,
    truncated: box ? it.truncated : false,
    labelBox: box,
    leader,
  };
}

/** Where an event's or a cluster's mark stands, in the fields' output order. */
const markPlace = (id: string, track: LayoutTrack, at: MarkAt, r: number) => ({
  id,
  trackId: track.id,
  x: round(at.x),
  y: round(at.y),
  r,
  shape: track.shape,
});

function eventMark(it: Item, ev: PEvent, at: MarkAt, ctx: Ctx): EventMark {
  const track = it.track;
  const { label, labelLines, labelAnchor, truncated, labelBox, leader } = labelFields(it, at);
  return {
    ...markPlace(ev.id, track, at, it.r),
    importance: ev.importance,
    highlighted: ctx.highlighted.has(ev.id),
    lane: it.lane,
    title: ev.title,
    label,
    labelLines: [...labelLines],
    labelAnchor,
    truncated,
    labelBox,
    leader,
    dateText: ev.dateText,
    ariaLabel: eventName(ev, track),
    span: ev.spanStart !== undefined,
  };
}

function clusterMark(it: Item, at: MarkAt, ctx: Ctx): ClusterMark {
  const c = it.cluster!;
  const { label, labelLines, labelAnchor, labelBox, leader } = labelFields(it, at);
  const lead = it.lead;
  const texts = clusterTexts(c, it.track.label, ctx.words);
  return {
    ...markPlace(c.id, it.track, at, CLUSTER_R),
    count: c.members.length,
    ids: c.members.map((e) => e.id),
    domain: clusterDomain(c, ctx),
    lane: it.lane,
    label,
    labelLines: [...labelLines],
    labelAnchor,
    labelBox,
    leader,
    ...texts,
    // Named after its highlighted member, as its label is.
    ...(lead ? { lead: lead.id, ariaLabel: `${lead.text}, ${texts.ariaLabel}` } : {}),
  };
}

function milestoneMark(m: PMilestone, ev: PEvent, x: number, y: number, ctx: Ctx): MilestoneMark {
  return {
    id: `${ev.id}#${m.index}`,
    eventId: ev.id,
    trackId: ev.trackId,
    kind: m.kind,
    x: round(x),
    y: round(y),
    r: MILESTONE_R,
    shape: MILESTONE_SHAPES[m.kind],
    didNotHappen: m.didNotHappen,
    ...(m.label ? { label: m.label } : {}),
    dateText: m.dateText,
    ariaLabel: `${m.dateText}, ${ev.title}: ${milestonePhrase(m, { names: ctx.words.milestones ?? {}, didNotHappen: ctx.words.didNotHappen })}`,
  };
}

/** The marks of a layout, gathered item by item. */
export interface Drawn {
  marks: EventMark[];
  spans: SpanBar[];
  milestones: MilestoneMark[];
  clusters: ClusterMark[];
  /** The single marks in view, for the links. */
  shown: Map<string, { mark: EventMark; ev: PEvent }>;
}

export const noneDrawn = (): Drawn => ({ marks: [], spans: [], milestones: [], clusters: [], shown: new Map() });

/**
 * One placed item's marks, its symbol at (x, y): a cluster; or an event (shown when its mark is in
 * view: a span that began before the window shows its bar, its mark out of sight), with its bars
 * and milestones centred at `across` across the time axis.
 */
export function drawItem(d: Drawn, it: Item, at: MarkAt, across: number, ctx: Ctx, vertical: boolean): void {
  if (it.cluster) {
    d.clusters.push(clusterMark(it, at, ctx));
    return;
  }
  const ev = it.ev!;
  const mark = eventMark(it, ev, at, ctx);
  // The window's end is exclusive (a window to 31 July ends as 1 August begins): an event of the next
  // day stood at the plot's very edge, half its mark cut, labelled in a chart that is not about it.
  const inView = it.x >= ctx.viewL && it.x <= ctx.viewR && ev.t < ctx.d1;
  if (inView) {
    d.marks.push(mark);
    d.shown.set(ev.id, { mark, ev });
  }
  const bars = d.spans.length;
  pushBars(d.spans, ev, it.track, across, ctx, vertical);
  if (!inView) {
    // The mark is out of the window: its bars show where they come well into it (not as a stub at the
    // plot's edge), and its milestones only with such a bar: alone at the edge, nothing would say whose
    // step a milestone is (milestones have no name of their own).
    const kept = d.spans.splice(bars).filter((bar) => (vertical ? bar.h : bar.w) >= 2 * MILESTONE_R);
    d.spans.push(...kept);
    if (kept.length === 0) return;
  }
  for (const m of ev.milestones) {
    const a = pos(ctx, m.t);
    if (a < ctx.viewL - MILESTONE_R || a > ctx.viewR + MILESTONE_R) continue;
    d.milestones.push(vertical ? milestoneMark(m, ev, across, a, ctx) : milestoneMark(m, ev, a, across, ctx));
  }
}

/** Bars for a span and for a line through milestones; `across` is the bar's centre across the time axis. */
function pushBars(out: SpanBar[], ev: PEvent, track: LayoutTrack, across: number, ctx: Ctx, vertical: boolean): void {
  const add = (id: string, kind: 'span' | 'steps', t0: number, t1: number, thickness: number) => {
    const a = pos(ctx, t0);
    const b = pos(ctx, t1);
    if (b < ctx.viewL || a > ctx.viewR) return;
    const a1 = Math.max(a, ctx.viewL - 2);
    const b1 = Math.min(Math.max(b, a1 + 1), ctx.viewR + 2);
    const along = { from: round(a1), length: round(b1 - a1) };
    const side = { from: round(across - thickness / 2), length: thickness };
    out.push({
      id,
      eventId: ev.id,
      trackId: track.id,
      kind,
      x: vertical ? side.from : along.from,
      y: vertical ? along.from : side.from,
      w: vertical ? side.length : along.length,
      h: vertical ? along.length : side.length,
      clippedStart: a < ctx.viewL - 2,
      clippedEnd: b > ctx.viewR + 2,
      highlighted: ctx.highlighted.has(ev.id),
    });
  };
  if (ev.spanStart !== undefined) add(ev.id, 'span', ev.spanStart, ev.spanEnd!, vertical ? V_BAR_H : BAR_H);
  if (ev.milestones.length > 0 && (ev.t0 < (ev.spanStart ?? ev.t) || ev.t1 > (ev.spanEnd ?? ev.t))) {
    add(`${ev.id}#steps`, 'steps', ev.t0, ev.t1, STEPS_H);
  }
}

/** Links whose two ends are both shown as single marks inside the window, in the order of their source events. */
export function buildLinks(
  shown: ReadonlyMap<string, { mark: EventMark; ev: PEvent }>,
  ctx: Ctx,
  vertical: boolean,
): LinkPath[] {
  const links: LinkPath[] = [];
  const inView = (m: EventMark) => {
    const a = vertical ? m.y : m.x;
    return a >= ctx.viewL && a <= ctx.viewR;
  };
  for (const { mark, ev } of shown.values()) {
    if (!inView(mark)) continue;
    for (const link of ev.links) {
      const target = shown.get(link.to);
      if (!target || link.to === ev.id || !inView(target.mark)) continue;
      links.push({
        id: `${ev.id}->${link.to}`,
        from: ev.id,
        to: link.to,
        relation: link.relation,
        x1: mark.x,
        y1: mark.y,
        x2: target.mark.x,
        y2: target.mark.y,
        highlighted: mark.highlighted && target.mark.highlighted,
      });
    }
  }
  return links;
}

/**
 * An event mark's accessible name. The visible label is part of it (WCAG 2.5.3: speech users say
 * what they see), then the title. The same at every zoom and in every variant of a chart.
 */
export function eventName(ev: Pick<PEvent, 'dateText' | 'text' | 'title'>, track: Pick<LayoutTrack, 'label'>): string {
  return `${ev.dateText}, ${track.label}: ${ev.text === ev.title ? ev.title : `${ev.text} — ${ev.title}`}`;
}

/** Every event's accessible name, by id, in time order (a page writes them once for a chart's variants). */
export function eventNames(prepared: PreparedTimeline): { id: string; name: string }[] {
  return prepared.events.map((ev) => ({ id: ev.id, name: eventName(ev, prepared.trackById.get(ev.trackId)!) }));
}
