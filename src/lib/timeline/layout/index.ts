// Timeline layout: every pixel value and string the two renderers need, computed
// before anything is drawn. Pure: no DOM, no clock, no randomness, UTC only; the
// same input gives the same plain, JSON-serialisable output in Node and browsers.
//
// Usage — at build time (Timeline.astro):
//
//   import { layoutTimeline } from '../../lib/timeline/layout';
//   const layout = layoutTimeline(data.events, data.tracks, { width: 960, periods });
//   // <svg width={layout.size.width} height={layout.size.height}> … layout.marks.map(…)
//
// and in the browser, prepared once and laid out again on every zoom (a zoom is
// only a new domain: d3-zoom's transform.rescaleX(x).domain()):
//
//   const prepared = prepareTimeline(events, tracks);
//   const base = { width, periods, fullDomain: prepared.fullDomain };
//   let layout = layoutPrepared(prepared, base);
//   zoom.on('zoom', ({ transform }) => {
//     const x = scaleUtc().domain(layout.fullDomain).range(layoutRange(layout));
//     layout = layoutPrepared(prepared, { ...base, domain: domainOf(transform.rescaleX(x)) });
//     update(layout); // keyed by id, attributes from attrs.ts
//   });
//
// The height depends on the data, the width and the options, never on the zoom
// window: each track keeps the lanes it needs over the full domain (capped), and
// the vertical layout's time axis has a fixed length. So nothing moves on zoom
// except along the time axis.
//
// Horizontal: one band per track, each with a few lanes. In a lane, every labelled
// event occupies one interval [mark's left edge, label's right edge] (with its bar and
// milestones), so nothing is ever drawn under a label; labels that have no room on the
// right of their mark at the plot's right edge go on its left (labelAnchor 'end').
//
// Vertical (phones): time runs down the page beside the axis, all tracks in ONE column
// of marks on the axis line (or just beside it when a mark there is in the way); the
// track shows as the mark's shape and colour, and the HTML legend and filters above the
// chart name the tracks, so there is no in-SVG legend. A bar runs down just right of its
// mark. The labels take the rest of the width (over 60% at 360 px), wrapped onto two rows
// before they are cut; they keep the order of their marks, and when events are close in
// time a label moves down (or up) from its mark and a thin leader joins them. Period
// labels sit beside the axis labels where they keep clear of them.
import { formatDateRange, formatPartialDate, parsePartialDate, partialDateMidpoint } from '../../dates';
export { fromU, toU, type Warp } from '../warp';
import type { MilestoneKind, Relation } from '../schema';
import { BOLD_WIDTH, LaneGrid, fitText, textWidth, wrapText, type FittedText } from '../lanes';
import { MILESTONE_SHAPES } from '../shapes';
import { timeTicks, type TimeTick } from '../ticks';
import { IDENTITY_WARP, focusWarp, fromU, toU, type Warp } from '../warp';
import type {
  Annotation,
  AnnotationMark,
  AxisLayout,
  Box,
  ClusterMark,
  Density,
  EventMark,
  LayoutEvent,
  LayoutMilestone,
  LayoutOptions,
  LayoutTick,
  LayoutTrack,
  Leader,
  LinkPath,
  MilestoneMark,
  Orientation,
  Period,
  PeriodBand,
  SpanBar,
  TimelineLayout,
  TrackBand,
} from './types';
export type {
  Annotation,
  AnnotationMark,
  AxisLayout,
  Box,
  ClusterMark,
  Density,
  EventMark,
  LayoutEvent,
  LayoutMilestone,
  LayoutOptions,
  LayoutTick,
  LayoutTrack,
  Leader,
  LinkPath,
  MilestoneMark,
  Orientation,
  Period,
  PeriodBand,
  SpanBar,
  TimelineLayout,
  TrackBand,
} from './types';

const DAY = 86_400_000;

// ─── Preparation (once per data set) ────────────────────────────────────────

interface PMilestone {
  index: number;
  kind: MilestoneKind;
  t: number;
  label?: string;
  didNotHappen: boolean;
  dateText: string;
}

interface PEvent {
  id: string;
  trackId: string;
  title: string;
  /** The label shown beside the mark. */
  text: string;
  importance: 1 | 2 | 3;
  /** Where the mark sits: the date's midpoint, or a span's first instant; events of the same day share it out. */
  t: number;
  /** Extent of everything drawn for the event (span, milestones). */
  t0: number;
  t1: number;
  spanStart?: number;
  spanEnd?: number;
  /** Width of the label at 1 px font size; NaN until first needed. */
  titleEm: number;
  milestones: PMilestone[];
  links: readonly { to: string; relation: Relation }[];
  dateText: string;
  startText: string;
  endText: string;
}

/** Events parsed and measured once, for many layouts (zooms) of the same data. */
export interface PreparedTimeline {
  tracks: LayoutTrack[];
  events: readonly PEvent[];
  fullDomain: [number, number];
  /** @internal per-track lane counts, by width and options. */
  laneCache: Map<string, Map<string, { lanes: number; floor: number }>>;
  /** @internal focus warps, by options. */
  warpCache: Map<string, Warp>;
  /** @internal */
  byTrack: Map<string, PEvent[]>;
  /** @internal */
  trackById: Map<string, LayoutTrack>;
}

/** Parses, sorts and measures events once; pass the result to `layoutPrepared` on every zoom. */
export function prepareTimeline(events: readonly LayoutEvent[], tracks: readonly LayoutTrack[]): PreparedTimeline {
  const sortedTracks = [...tracks].sort((a, b) => a.order - b.order || compareText(a.id, b.id));
  const trackById = new Map(sortedTracks.map((t) => [t.id, t]));
  const byTrack = new Map<string, PEvent[]>(sortedTracks.map((t) => [t.id, []]));
  const prepared: PEvent[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  // Data sets repeat dates a lot: parse and format each distinct text once.
  const dates = new Map<string, { start: number; end: number; mid: number; text: string }>();
  const date = (text: string) => {
    let d = dates.get(text);
    if (!d) {
      const p = parsePartialDate(text);
      d = { start: p.start.getTime(), end: p.end.getTime(), mid: partialDateMidpoint(p), text: formatPartialDate(p) };
      dates.set(text, d);
    }
    return d;
  };
  const ranges = new Map<string, string>();
  for (const e of events) {
    const track = trackById.get(e.track);
    if (!track) {
      throw new Error(
        `Event "${e.id}" is on track "${e.track}", which is not a track; the tracks are: ${sortedTracks.map((t) => t.id).join(', ')}`,
      );
    }
    const start = date(e.date);
    let t: number;
    let spanStart: number | undefined;
    let spanEnd: number | undefined;
    let dateText = start.text;
    if (e.end) {
      const end = date(e.end);
      t = spanStart = start.start;
      spanEnd = Math.max(end.end, spanStart);
      const key = `${e.date}/${e.end}`;
      dateText = ranges.get(key) ?? formatDateRange(e.date, e.end);
      ranges.set(key, dateText);
    } else {
      t = start.mid;
    }
    let t0 = t;
    let t1 = spanEnd ?? t;
    let milestones: PMilestone[] = NO_MILESTONES;
    if (e.milestones && e.milestones.length > 0) {
      milestones = [];
      for (let index = 0; index < e.milestones.length; index++) {
        const m = e.milestones[index];
        const md = date(m.date);
        t0 = Math.min(t0, md.mid);
        t1 = Math.max(t1, md.mid);
        const didNotHappen = m.didNotHappen === true;
        milestones.push({
          index,
          kind: m.kind,
          t: md.mid,
          label: m.label,
          didNotHappen,
          dateText: md.text,
        });
      }
    }
    lo = Math.min(lo, t0);
    hi = Math.max(hi, t1);
    prepared.push({
      id: e.id,
      trackId: track.id,
      title: e.title,
      text: e.label ?? e.title,
      importance: e.importance,
      t,
      t0,
      t1,
      spanStart,
      spanEnd,
      titleEm: NaN,
      milestones,
      links: e.links ?? NO_LINKS,
      dateText,
      startText: e.date,
      endText: e.end ?? e.date,
    });
  }
  spreadSameDay(prepared);
  prepared.sort((a, b) => a.t - b.t || compareText(a.id, b.id));
  for (const e of prepared) byTrack.get(e.trackId)!.push(e);
  if (prepared.length === 0) {
    lo = Date.UTC(2000, 0, 1);
    hi = lo + 30 * DAY;
  }
  const pad = Math.max((hi - lo) * 0.04, DAY);
  return {
    tracks: sortedTracks,
    events: prepared,
    fullDomain: [lo - pad, hi + pad],
    laneCache: new Map(),
    warpCache: new Map(),
    byTrack,
    trackById,
  };
}

/**
 * Events dated to the same day share that day out, in the order the data lists them: the n-th of
 * k sits at (n + ½)/k of the day instead of all at noon. Invisible at most zooms, it lets a scale
 * that gives a busy day more room (a focus) draw them one after another, each still inside its day.
 */
function spreadSameDay(events: PEvent[]): void {
  const byDay = new Map<number, PEvent[]>();
  for (const e of events) {
    const within = e.t - Math.floor(e.t / DAY) * DAY;
    if (within !== 0 && within !== DAY / 2) continue;
    const day = Math.floor(e.t / DAY);
    const list = byDay.get(day);
    if (list) list.push(e);
    else byDay.set(day, [e]);
  }
  for (const [day, list] of byDay) {
    if (list.length < 2) continue;
    list.forEach((e, i) => {
      e.t = day * DAY + ((i + 0.5) / list.length) * DAY;
      // The extent again: the mark, the span and the milestones.
      e.t0 = Math.min(e.t, e.spanStart ?? e.t);
      e.t1 = Math.max(e.t, e.spanEnd ?? e.t);
      for (const m of e.milestones) {
        e.t0 = Math.min(e.t0, m.t);
        e.t1 = Math.max(e.t1, m.t);
      }
    });
  }
}

const NO_MILESTONES: PMilestone[] = [];
const NO_LINKS: readonly { to: string; relation: Relation }[] = [];

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// ─── Layout ─────────────────────────────────────────────────────────────────

/** Lays out a timeline in one call: `prepareTimeline` then `layoutPrepared`. */
export function layoutTimeline(
  events: readonly LayoutEvent[],
  tracks: readonly LayoutTrack[],
  options: LayoutOptions,
): TimelineLayout {
  return layoutPrepared(prepareTimeline(events, tracks), options);
}

/** The window actually shown for `domain`: inside `fullDomain`, at least 2 days (or the full domain) long. */
export function clampDomain(
  domain: readonly [number, number] | undefined,
  fullDomain: readonly [number, number],
): [number, number] {
  const [f0, f1] = fullDomain;
  const full = f1 - f0;
  if (!domain || !Number.isFinite(domain[0]) || !Number.isFinite(domain[1])) return [f0, f1];
  let a = Math.min(domain[0], domain[1]);
  const span = Math.min(full, Math.max(Math.abs(domain[1] - domain[0]), 2 * DAY));
  a = Math.max(f0, Math.min(a, f1 - span));
  return [a, a + span];
}

/** The pixel range the time axis spans: build a d3 UTC scale with domain `layout.domain` and this range. */
export function layoutRange(layout: TimelineLayout): [number, number] {
  const p = layout.plot;
  return layout.orientation === 'vertical' ? [p.y, p.y + p.h] : [p.x, p.x + p.w];
}

const LANES_BY_DENSITY: Record<Density, number> = { compact: 2, regular: 4, roomy: 6 };
const RADIUS: Record<1 | 2 | 3, number> = { 1: 7, 2: 5.5, 3: 4.5 };
const CLUSTER_R = 9;
const MILESTONE_R = 3.5;
const BAR_H = 4;
const STEPS_H = 1.5;
const LABEL_GAP = 6; // between footprints in a lane
const MARK_LABEL_GAP = 4; // between a mark and its label
const PAD = 8;
const TOUCH = 1; // a mark this close to a label is under it
/** What hiding a label costs, by priority (highlighted 0, importance 1, cluster 1.5, importance 2–3). */
/** A mark on another mark hides a target: any number of hidden labels costs less. */
const MARK_ON_MARK = 1000;
const LABEL_HARM = (priority: number) => (priority === 0 ? 16 : priority <= 1 ? 8 : priority <= 2 ? 4 : 2);
// Vertical layout.
const V_LEFT = 4; // left of the axis labels
const TICK_LABEL_GAP = 10; // between an axis label and the axis line (marks on the line reach 9 px left)
const SLOTS = 2; // marks at the same height sit side by side: on the axis line, then beside it
const SLOT_STEP = 16;
const V_BAR_OFFSET = 8; // a bar (and its milestones) runs down just right of its mark
const V_BAR_H = 3;
const V_GAP = 6; // between two labels
const MAX_SHIFT_ROWS = 5; // the farthest a label moves from its mark, in rows
const MAX_TIGHTER = 4; // how many times clusters may grow so that marks keep a target's size apart

interface Ctx {
  o: Required<
    Pick<LayoutOptions, 'width' | 'fontSize' | 'clusterMin' | 'clusterSpan' | 'targetSize' | 'orientation'>
  > & {
    maxLanes: number;
  };
  /** Time → warped units (the focus gets more of them); the scale is linear in u. */
  warp: Warp;
  /** u of d0. */
  u0: number;
  /** Font size used to measure text (fontSize × textWidthFactor). */
  mFont: number;
  labelH: number;
  d0: number;
  d1: number;
  /** px per u (per ms outside a focus), and the pixel of d0. */
  k: number;
  origin: number;
  viewL: number;
  viewR: number;
  fullDomain: [number, number];
  highlighted: Set<string>;
}

interface ClusterDraft {
  id: string;
  trackId: string;
  members: PEvent[];
  t: number;
  binMs: number;
}

/** One event or cluster while it is being placed. */
interface Item {
  priority: number;
  /** The mark's position along the time axis, and its radius. */
  x: number;
  r: number;
  /** Extent along the time axis of the mark, its bar and its milestones. */
  m0: number;
  m1: number;
  text: string;
  /** The font size that measures the label (bold labels measure wider). */
  font: number;
  textW: number;
  ev?: PEvent;
  cluster?: ClusterDraft;
  track: LayoutTrack;
  // Results.
  lane: number;
  label: string | null;
  lines: string[];
  truncated: boolean;
  anchor: 'start' | 'end';
  boxX: number;
  boxW: number;
  /** Vertical: the mark's centre across the time axis (its slot), its order down the page, its label's box. */
  cx: number;
  rank: number;
  box: Box | null;
}

const round = (n: number) => {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r;
};

/** Lays out prepared events for one width and zoom window; cheap enough to call on every zoom frame. */
export function layoutPrepared(prepared: PreparedTimeline, options: LayoutOptions): TimelineLayout {
  if (!(options.width > 0) || !Number.isFinite(options.width)) {
    throw new RangeError(`layoutTimeline needs a positive width, got ${options.width}`);
  }
  const fontSize = options.fontSize ?? 12;
  const o = {
    width: options.width,
    fontSize,
    clusterMin: Math.max(2, options.clusterMin ?? 4),
    clusterSpan: options.clusterSpan ?? (options.orientation === 'vertical' ? 40 : 28),
    maxLanes: Math.max(1, Math.floor(options.maxLanes ?? LANES_BY_DENSITY[options.density ?? 'regular'])),
    targetSize: Math.max(0, options.targetSize ?? 24),
    orientation: options.orientation ?? 'horizontal',
  };
  const fullDomain: [number, number] = options.fullDomain
    ? [Math.min(...options.fullDomain), Math.max(...options.fullDomain)]
    : [prepared.fullDomain[0], prepared.fullDomain[1]];
  if (!(fullDomain[1] > fullDomain[0])) fullDomain[1] = fullDomain[0] + 2 * DAY;
  const domain = clampDomain(options.domain, fullDomain);
  let visible = prepared.tracks;
  if (options.visibleTracks) {
    const wanted = new Set(options.visibleTracks);
    for (const id of wanted) {
      if (!prepared.trackById.has(id)) {
        throw new Error(
          `visibleTracks names "${id}", which is not a track; the tracks are: ${prepared.tracks.map((t) => t.id).join(', ')}`,
        );
      }
    }
    visible = prepared.tracks.filter((t) => wanted.has(t.id));
  }
  const labelH = Math.ceil(fontSize * 1.25);
  const base = {
    o,
    mFont: fontSize * (options.textWidthFactor ?? 1),
    labelH,
    fullDomain,
    highlighted: new Set(options.highlighted ?? []),
    warp: warpFor(prepared, options, fullDomain, axisLength(prepared, options, labelH), labelH, o.targetSize),
  };
  return options.orientation === 'vertical'
    ? layoutVertical(prepared, visible, domain, base, options)
    : layoutHorizontal(prepared, visible, domain, base, options);
}

type BaseCtx = Pick<Ctx, 'o' | 'mFont' | 'labelH' | 'fullDomain' | 'highlighted' | 'warp'>;

/** The length of the time axis at full view, px: the plot's width, or the vertical axis's length. */
function axisLength(prepared: PreparedTimeline, options: LayoutOptions, labelH: number): number {
  if (options.orientation !== 'vertical') return Math.max(1, options.width - 2 * PAD);
  if (options.length !== undefined) return options.length;
  let count = 0;
  const visible = options.visibleTracks ? new Set(options.visibleTracks) : null;
  for (const t of prepared.tracks) if (!visible || visible.has(t.id)) count += prepared.byTrack.get(t.id)!.length;
  return Math.min(4000, Math.max(480, Math.round(count * (labelH + 4))));
}

/**
 * The warp of the focus (IDENTITY_WARP without one), cached on `prepared`: vertical, each focus
 * day gets a row per event (at least a target's size apart), up to 70% of the length; horizontal,
 * the focus takes `focusShare` of the width.
 */
function warpFor(
  prepared: PreparedTimeline,
  options: LayoutOptions,
  fullDomain: [number, number],
  length: number,
  labelH: number,
  target: number,
): Warp {
  if (!options.focus) return IDENTITY_WARP;
  const vertical = options.orientation === 'vertical';
  const key = [
    'warp',
    vertical,
    options.width,
    options.fontSize,
    options.textWidthFactor,
    length,
    labelH,
    target,
    options.focusShare,
    ...options.focus,
    ...fullDomain,
  ].join('|');
  let warp = prepared.warpCache.get(key);
  if (!warp) {
    // Vertical: a row per event, as tall as its label wraps (one or two rows) and at least a target.
    const labelsW = Math.max(0, options.width - PAD - verticalLabelsX(options));
    const mFont = (options.fontSize ?? 12) * (options.textWidthFactor ?? 1);
    const rowOf = (e: PEvent) => {
      const rows = wrapText(e.text, labelsW, e.importance === 1 ? mFont * BOLD_WIDTH : mFont, 2)?.lines.length ?? 1;
      return Math.ceil(Math.max(target * 1.15, rows * labelH + V_GAP + 4));
    };
    warp = focusWarp({
      focus: options.focus,
      fullDomain,
      length,
      positions: prepared.events.map((e) => e.t),
      pitch: vertical ? prepared.events.map(rowOf) : 0,
      minDay: vertical ? 4 : length,
      maxShare: vertical ? 0.7 : (options.focusShare ?? 0.35),
    });
    prepared.warpCache.set(key, warp);
  }
  return warp;
}

function makeCtx(base: BaseCtx, domain: [number, number], origin: number, length: number): Ctx {
  const u0 = toU(base.warp, domain[0]);
  return {
    ...base,
    d0: domain[0],
    d1: domain[1],
    u0,
    k: length / (toU(base.warp, domain[1]) - u0),
    origin,
    viewL: origin,
    viewR: origin + length,
  };
}

const pos = (ctx: Ctx, t: number) => ctx.origin + ((ctx.warp.ts.length === 0 ? t : toU(ctx.warp, t)) - ctx.u0) * ctx.k;

function priorityOf(ev: PEvent, ctx: Ctx): number {
  return ctx.highlighted.has(ev.id) ? 0 : ev.importance;
}

/**
 * The events of one track that show in the window, split into single events and
 * "+N" clusters: events (not importance 1, not highlighted, without a long bar)
 * merge when at least `clusterMin` fall in one time bin of about `clusterSpan` px.
 * Key events (importance 1) and events with a long bar stay single unless their bin
 * is crowded with them too (`clusterMin` or more, whose marks would cover each other):
 * then they join the bin's cluster (not when `crowdKeys` is false: the lane count keeps
 * room for their labels once zoomed in). Highlighted events never do.
 * Bins are aligned on the epoch, so they stay put while panning.
 */
function collectTrack(
  events: readonly PEvent[],
  ctx: Ctx,
  trackId: string,
  crowdKeys = true,
  tighter = 0,
): { singles: PEvent[]; clusters: ClusterDraft[] } {
  const singles: PEvent[] = [];
  const clusters: ClusterDraft[] = [];
  // Bins in warped units, `clusterSpan` px wide (doubled per `tighter` step, where marks still
  // crowd), rounded up to 2^n days so that they nest from one zoom to the next.
  const span = ctx.o.clusterSpan * 2 ** Math.max(0, tighter - 1);
  const clusterMin = tighter > 0 ? 2 : ctx.o.clusterMin;
  const pxPerDay = ctx.k * DAY;
  const clustering = pxPerDay < span || tighter > 0;
  const binU = clustering ? DAY * 2 ** Math.max(0, Math.ceil(Math.log2(span / pxPerDay))) : Infinity;
  const slack = Math.max(RADIUS[1], ctx.o.targetSize / 2) / ctx.k;
  // Where marks crowded at the last try, key events join too (else one could stay beside a cluster).
  const crowd = tighter > 0 ? 0 : crowdKeys ? clusterMin : Infinity;
  const u = (t: number) => (ctx.warp.ts.length === 0 ? t : toU(ctx.warp, t));
  const u1 = u(ctx.d1);
  let bin = NaN;
  // The bin's events in time order, and how many of them are key events or long bars.
  let pending: PEvent[] = [];
  let keyCount = 0;
  const isKey = (e: PEvent) => e.importance === 1 || (u(e.t1) - u(e.t0)) * ctx.k >= span;
  const flush = () => {
    const crowded = keyCount >= crowd;
    const members = crowded ? pending : pending.filter((e) => !isKey(e));
    if (members.length >= clusterMin) {
      let sum = 0;
      for (const e of members) sum += u(e.t) - ctx.u0;
      clusters.push({
        id: `cluster-${trackId}-${tighter > 0 ? `${tighter}-` : ''}${bin}`,
        trackId,
        members,
        t: fromU(ctx.warp, ctx.u0 + sum / members.length),
        binMs: binU,
      });
      if (!crowded) for (const e of pending) if (isKey(e)) singles.push(e);
    } else {
      for (const e of pending) singles.push(e);
    }
    pending = [];
    keyCount = 0;
  };
  for (const e of events) {
    if (u(e.t1) < ctx.u0 - slack || u(e.t0) > u1 + slack) continue;
    const markInView = e.t >= ctx.d0 && e.t <= ctx.d1;
    // Highlighted events stay single, unless in a row they would still sit on each other at the last
    // try (a height-capped chart: vertical layouts merge what still crowds at the end instead).
    const keep = ctx.highlighted.has(e.id) && (tighter < MAX_TIGHTER || ctx.o.orientation === 'vertical');
    if (!clustering || !markInView || keep) {
      singles.push(e);
      continue;
    }
    const b = Math.floor(u(e.t) / binU);
    if (b !== bin) {
      flush();
      bin = b;
    }
    pending.push(e);
    if (isKey(e)) keyCount++;
  }
  flush();
  return { singles, clusters };
}

/**
 * collectTrack, with the events whose marks fall in `zones` (px along the axis, where marks
 * crowded at the last try) collected `tighter` and the rest as usual.
 */
function collectZoned(
  events: readonly PEvent[],
  ctx: Ctx,
  trackId: string,
  zones: readonly [number, number][],
  tighter: number,
): { singles: PEvent[]; clusters: ClusterDraft[] } {
  if (zones.length === 0 || tighter === 0) return collectTrack(events, ctx, trackId);
  // Zones merged into sorted, disjoint intervals; events come in time order, so one sweep sorts them.
  const merged: [number, number][] = [];
  for (const [a, b] of [...zones].sort((p, q) => p[0] - q[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  const inside: PEvent[] = [];
  const outside: PEvent[] = [];
  let z = 0;
  for (const e of events) {
    const x = pos(ctx, e.t);
    while (z < merged.length && merged[z][1] < x) z++;
    (z < merged.length && x >= merged[z][0] ? inside : outside).push(e);
  }
  const a = collectTrack(outside, ctx, trackId);
  const b = collectTrack(inside, ctx, trackId, true, tighter);
  return { singles: [...a.singles, ...b.singles], clusters: [...a.clusters, ...b.clusters] };
}

function clusterDomain(c: ClusterDraft, ctx: Ctx): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of c.members) {
    lo = Math.min(lo, e.t0);
    hi = Math.max(hi, e.t1);
  }
  // Wide enough to spread the members, and at least so wide that a day is
  // wider than a cluster bin (so same-day events can always be split).
  const length = ctx.viewR - ctx.viewL;
  const half = Math.max(0.6 * (hi - lo), 0.45 * (length / ctx.o.clusterSpan) * DAY);
  const mid = (lo + hi) / 2;
  const [a, b] = clampDomain([mid - half, mid + half], ctx.fullDomain);
  return [Math.round(a), Math.round(b)];
}

/** formatDateRange() results for cluster labels: zoom steps ask for the same ranges again and again. */
const RANGE_TEXTS = new Map<string, string>();

function clusterTexts(c: ClusterDraft, trackLabel: string): { dateText: string; ariaLabel: string } {
  let first = c.members[0];
  let last = c.members[0];
  for (const e of c.members) {
    if (e.t0 < first.t0) first = e;
    if (e.t1 > last.t1) last = e;
  }
  const range = `${first.startText}|${last.endText}`;
  let dateText = RANGE_TEXTS.get(range);
  if (dateText === undefined) {
    dateText = formatDateRange(first.startText, last.endText);
    if (RANGE_TEXTS.size > 5000) RANGE_TEXTS.clear();
    RANGE_TEXTS.set(range, dateText);
  }
  return {
    dateText,
    ariaLabel: `${dateText}, ${trackLabel}: ${c.members.length} events, grouped; zoom in to see them`,
  };
}

/** Half the footprint of a mark along its row: with LABEL_GAP between footprints, two centres stay a target size apart. */
const targetHalf = (r: number, ctx: Ctx) => Math.max(r, ctx.o.targetSize / 2 - LABEL_GAP / 2);

function eventItem(ev: PEvent, track: LayoutTrack, ctx: Ctx, along: (t: number) => number): Item {
  const x = along(ev.t);
  const r = RADIUS[ev.importance];
  const half = targetHalf(r, ctx);
  const font = ev.importance === 1 ? ctx.mFont * BOLD_WIDTH : ctx.mFont;
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
    track,
    lane: -1,
    label: null,
    lines: NO_LINES,
    truncated: false,
    anchor: 'start',
    boxX: 0,
    boxW: 0,
    cx: 0,
    rank: 0,
    box: null,
  };
}

function clusterItem(
  c: ClusterDraft,
  track: LayoutTrack,
  ctx: Ctx,
  along: (t: number) => number,
  text = `+${c.members.length}`,
): Item {
  const x = along(c.t);
  const font = ctx.mFont * BOLD_WIDTH;
  const half = targetHalf(CLUSTER_R, ctx);
  return {
    priority: 1.5,
    x,
    r: CLUSTER_R,
    m0: x - half,
    m1: x + half,
    text,
    font,
    textW: textWidth(text, font),
    ev: undefined,
    cluster: c,
    track,
    lane: -1,
    label: null,
    lines: NO_LINES,
    truncated: false,
    anchor: 'start',
    boxX: 0,
    boxW: 0,
    cx: 0,
    rank: 0,
    box: null,
  };
}

const NO_LINES: string[] = [];

function itemId(it: Item): string {
  return it.ev?.id ?? it.cluster!.id;
}

function byPriority(a: Item, b: Item): number {
  return a.priority - b.priority || a.x - b.x || compareText(itemId(a), itemId(b));
}

/** `text` whole when it fits in `room` px, else null: a chart never cuts a label (the mark keeps its name in its tooltip and details). */
function shorten(text: string, room: number, font: number): FittedText | null {
  const fitted = fitText(text, room, font);
  return fitted && !fitted.truncated ? fitted : null;
}

/**
 * Places the items of one horizontal track in `lanes` lanes. Each lane keeps two sets
 * of intervals along the time axis: the footprints of marks (with their bars and
 * milestones) and the label boxes. A label may not come within LABEL_GAP px of
 * anything else in its lane, so no mark, bar or milestone of another event is ever
 * under a label. In priority order (highlighted, importance 1, "+N" clusters, importance 2, 3),
 * each group first tries full labels, then shortened ones, then keeps only the mark.
 * A mark that finds no free lane goes where it does least harm, and the labels it
 * would sit under are shortened or hidden.
 *
 * Counting modes report the lanes used, or -1 when `lanes` are not enough: 'labels'
 * for every label in full; 'floor' for the full labels of clusters and importance-1
 * events with every other mark beside them, unlabelled, in a lane where no label is over it.
 */
function placeRow(
  items: Item[],
  lanes: number,
  ctx: Ctx,
  mode: 'place' | 'labels' | 'floor',
  overflow?: number[],
): number {
  const marks = new LaneGrid(lanes, LABEL_GAP);
  const labels = new LaneGrid(lanes, LABEL_GAP);
  const free = (lane: number, a: number, b: number) => marks.fits(lane, a, b) && labels.fits(lane, a, b);
  items.sort(byPriority);
  const commit = (n: number, lane: number, b0: number, fitted: FittedText, anchor: 'start' | 'end') => {
    const it = items[n];
    marks.merge(lane, it.m0, it.m1);
    labels.insert(lane, b0, b0 + fitted.width, n);
    it.lane = lane;
    it.label = fitted.text;
    it.lines = [fitted.text];
    it.truncated = fitted.truncated;
    it.anchor = anchor;
    it.boxX = b0;
    it.boxW = fitted.width;
  };
  let used = 0;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j < items.length && items[j].priority === items[i].priority) j++;
    const pending: number[] = [];
    if (mode === 'floor' && items[i].priority > 1.5) {
      // Marks may share a lane with other marks here, only not sit under a label.
      for (let n = i; n < j; n++) {
        const it = items[n];
        let lane = -1;
        for (let l = 0; l < lanes && lane < 0; l++)
          if (labels.overlapping(l, it.x - it.r, it.x + it.r, TOUCH).length === 0) lane = l;
        if (lane < 0) return -1;
        marks.merge(lane, it.m0, it.m1);
        used = Math.max(used, lane + 1);
      }
      i = j;
      continue;
    }
    for (let n = i; n < j; n++) {
      const it = items[n];
      // Right of the mark, whole; near the plot's right edge, whole on its left; else no label.
      const rightStart = Math.max(it.x + it.r + MARK_LABEL_GAP, ctx.viewL + 2);
      const leftEnd = it.x - it.r - MARK_LABEL_GAP;
      const roomRight = ctx.viewR - rightStart;
      const roomLeft = leftEnd <= ctx.viewR ? leftEnd - ctx.viewL : -Infinity;
      const fitted: FittedText | null =
        it.textW <= Math.max(roomRight, roomLeft) ? { text: it.text, width: it.textW, truncated: false } : null;
      const anchor: 'start' | 'end' = it.textW <= roomRight ? 'start' : 'end';
      if (!fitted) {
        pending.push(n);
        continue;
      }
      const b0 = anchor === 'start' ? rightStart : leftEnd - fitted.width;
      const f0 = Math.min(it.m0, b0);
      const f1 = Math.max(it.m1, b0 + fitted.width);
      let lane = -1;
      for (let l = 0; l < lanes && lane < 0; l++) if (free(l, f0, f1)) lane = l;
      if (lane < 0) {
        pending.push(n);
        continue;
      }
      used = Math.max(used, lane + 1);
      commit(n, lane, b0, fitted, anchor);
    }
    if (mode !== 'place') {
      if (pending.length > 0) return -1;
      i = j;
      continue;
    }
    const hidden: number[] = [];
    for (const n of pending) {
      // Shortened: the lane with the most room after (or, at the right edge, before) the mark.
      const it = items[n];
      const rightStart = Math.max(it.x + it.r + MARK_LABEL_GAP, ctx.viewL + 2);
      const leftEnd = it.x - it.r - MARK_LABEL_GAP;
      const mayFlip = rightStart + it.textW > ctx.viewR;
      // The lowest lane with room for it whole, else the lane with the most room; left of
      // the mark only where the right has no room for even a cut label.
      let right = { room: 0, lane: -1 };
      let left = { room: 0, lane: -1 };
      const better = (best: { room: number; lane: number }, room: number) =>
        room > best.room && !(best.lane >= 0 && best.room >= it.textW);
      for (let lane = 0; lane < lanes; lane++) {
        if (!free(lane, it.m0, it.m1)) continue;
        const [a0, a1] = marks.freeAround(lane, it.m0, it.m1);
        const [c0, c1] = labels.freeAround(lane, it.m0, it.m1);
        const roomRight = Math.min(a1, c1, ctx.viewR) - rightStart;
        if (better(right, roomRight)) right = { room: roomRight, lane };
        if (mayFlip && leftEnd <= ctx.viewR) {
          const roomLeft = leftEnd - Math.max(a0, c0, ctx.viewL);
          if (better(left, roomLeft)) left = { room: roomLeft, lane };
        }
      }
      const onRight = right.lane >= 0 ? shorten(it.text, right.room, it.font) : null;
      const onLeft = onRight || left.lane < 0 ? null : shorten(it.text, left.room, it.font);
      if (onRight) commit(n, right.lane, rightStart, onRight, 'start');
      else if (onLeft) commit(n, left.lane, leftEnd - onLeft.width, onLeft, 'end');
      else hidden.push(n);
    }
    for (const n of hidden) placeMarkOnly(n);
    i = j;
  }
  return used;

  /** A mark without a label: in the first lane where it is free, else where it does least harm. */
  function placeMarkOnly(n: number): void {
    const it = items[n];
    let lane = -1;
    for (let l = 0; l < lanes && lane < 0; l++) if (free(l, it.m0, it.m1)) lane = l;
    if (lane < 0) {
      // Harm: marks it would overlap, and what the labels its symbol would sit under lose
      // (dearer the more important). Its bar and milestones run in the row below the labels,
      // so only the symbol counts against labels, and only where it touches one.
      const s0 = it.x - it.r;
      const s1 = it.x + it.r;
      let least = Infinity;
      for (let l = 0; l < lanes; l++) {
        let harm = MARK_ON_MARK * marks.overlaps(l, it.m0, it.m1);
        for (const [, , owner] of labels.overlapping(l, s0, s1, TOUCH)) {
          const other = items[owner];
          const kept = clearedLabel(other, s0, s1);
          harm += LABEL_HARM(other.priority) * (1 - (kept ? visibleChars(kept.text) / visibleChars(other.label!) : 0));
        }
        if (harm < least) {
          least = harm;
          lane = l;
        }
      }
      for (const [, , owner] of labels.overlapping(lane, s0, s1, TOUCH)) clearLabel(owner, lane, s0, s1);
      if (overflow && marks.overlaps(lane, it.m0, it.m1) > 0) overflow.push(it.x);
    }
    marks.merge(lane, it.m0, it.m1);
    Object.assign(it, { lane, label: null, lines: NO_LINES, truncated: false });
  }

  /** What is left of the label of `it` when it keeps clear of a symbol over [s0, s1]: cut on its side, or null. */
  function clearedLabel(it: Item, s0: number, s1: number): FittedText | null {
    const end = it.boxX + it.boxW;
    const room =
      it.anchor === 'start' ? Math.min(end, s0 - LABEL_GAP) - it.boxX : end - Math.max(it.boxX, s1 + LABEL_GAP);
    return room > 0 ? shorten(it.text, room, it.font) : null;
  }

  /** Shortens the label of `items[n]` in `lane` so that it keeps clear of a symbol over [s0, s1], or hides it. */
  function clearLabel(n: number, lane: number, s0: number, s1: number): void {
    const it = items[n];
    const fitted = clearedLabel(it, s0, s1);
    labels.remove(lane, it.boxX, n);
    if (!fitted) {
      Object.assign(it, { label: null, lines: NO_LINES, truncated: false });
      return;
    }
    const b0 = it.anchor === 'start' ? it.boxX : it.boxX + it.boxW - fitted.width;
    labels.insert(lane, b0, b0 + fitted.width, n);
    Object.assign(it, {
      label: fitted.text,
      lines: [fitted.text],
      truncated: fitted.truncated,
      boxX: b0,
      boxW: fitted.width,
    });
  }
}

/** Characters of a label a reader sees, the ellipsis not counted. */
function visibleChars(text: string): number {
  return text.endsWith('…') ? text.length - 1 : text.length;
}

/**
 * Per track, over the full domain at this width: the lanes it needs for every label
 * (≤ the cap), and its floor, the lanes it needs so that importance-1 labels never give
 * way to other marks (≤ that). Cached on `prepared`.
 */
function laneCounts(
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

function layoutHorizontal(
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

/**
 * Period bands across the plot, each label in the row above the tracks at its band's
 * start. A label may run on past its band's end, but never into the next band to the
 * right nor past the plot; it is cut, or hidden when the cut would be too short.
 */
function layoutPeriodsHorizontal(
  periods: readonly Period[],
  ctx: Ctx,
  plotY: number,
  plotH: number,
  rowH: number,
): PeriodBand[] {
  const bands: (PeriodBand & { order: number; start: number })[] = [];
  periods.forEach((p, order) => {
    const s = pos(ctx, parsePartialDate(p.start).start.getTime());
    const e = pos(ctx, parsePartialDate(p.end).end.getTime());
    if (e < ctx.viewL || s > ctx.viewR) return;
    const x0 = Math.max(s, ctx.viewL);
    const x1 = Math.min(e, ctx.viewR);
    const dateText = formatDateRange(p.start, p.end);
    bands.push({
      order,
      start: x0,
      id: p.id,
      label: p.label,
      text: null,
      x: round(x0),
      y: plotY,
      w: round(x1 - x0),
      h: round(plotH),
      labelBox: null,
      labelAnchor: 'start',
      dateText,
      ariaLabel: `${dateText}: ${p.label}`,
    });
  });
  const font = (ctx.mFont / ctx.o.fontSize) * periodFontSize(ctx.o.fontSize);
  const grid = new LaneGrid(1, LABEL_GAP);
  const sorted = [...bands].sort((a, c) => a.start - c.start || a.order - c.order);
  sorted.forEach((b, i) => {
    const x0 = b.start + 4;
    let limit = ctx.viewR - 2;
    for (let j = i + 1; j < sorted.length; j++) {
      if (sorted[j].start > b.start) {
        limit = Math.min(limit, sorted[j].start - 2);
        break;
      }
    }
    const fitted = shorten(b.label, limit - x0, font);
    if (!fitted || !grid.fits(0, x0, x0 + fitted.width)) return;
    grid.insert(0, x0, x0 + fitted.width);
    b.text = fitted.text;
    b.labelBox = { x: round(x0), y: round(plotY + (rowH - ctx.labelH) / 2), w: round(fitted.width), h: ctx.labelH };
  });
  return bands.map(({ order: _order, start: _start, ...b }) => b);
}

/**
 * Annotations in the row above the periods: each text starts just right of its date (or ends
 * just left of it near the plot's right edge), whole or not at all, clear of the others; a rule
 * marks the date down the plot.
 */
function layoutAnnotationsHorizontal(
  list: readonly Annotation[],
  ctx: Ctx,
  plotY: number,
  plotH: number,
  rowH: number,
): AnnotationMark[] {
  const out: AnnotationMark[] = [];
  const rows = Math.max(1, Math.floor(rowH / ctx.labelH));
  const grid = new LaneGrid(rows, LABEL_GAP);
  const font = (ctx.mFont / ctx.o.fontSize) * periodFontSize(ctx.o.fontSize);
  for (const a of list) {
    const x = pos(ctx, partialDateMidpoint(parsePartialDate(a.date)));
    if (x < ctx.viewL || x > ctx.viewR) continue;
    const w = textWidth(a.text, font);
    // Right of the rule, then left of it, in the first row with room.
    let spot: [number, number] | null = null;
    for (let row = 0; row < rows && !spot; row++) {
      for (const x0 of [x + 3, x - 3 - w]) {
        if (x0 >= ctx.viewL && x0 + w <= ctx.viewR && grid.fits(row, x0, x0 + w)) {
          spot = [row, x0];
          break;
        }
      }
    }
    if (!spot) continue;
    const [row, x0] = spot;
    grid.insert(row, x0, x0 + w);
    out.push({
      id: a.id,
      text: a.text,
      lines: [a.text],
      labelBox: { x: round(x0), y: round(plotY + 2 + row * ctx.labelH), w: round(w), h: ctx.labelH },
      labelAnchor: x0 > x ? 'start' : 'end',
      x1: round(x),
      y1: round(plotY),
      x2: round(x),
      y2: round(plotY + plotH),
    });
  }
  return out;
}

/** Period labels are set one px smaller than event labels, like the axis (the renderers set font-size on the periods' group). */
export function periodFontSize(fontSize: number): number {
  return fontSize - 1;
}

function labelFields(it: Item, box: Box | null, leader: Leader | null) {
  return {
    label: box ? it.label : null,
    labelLines: box ? it.lines : NO_LINES,
    labelAnchor: it.anchor,
    truncated: box ? it.truncated : false,
    labelBox: box,
    leader,
  };
}

function eventMark(
  it: Item,
  ev: PEvent,
  track: LayoutTrack,
  x: number,
  y: number,
  box: Box | null,
  leader: Leader | null,
  ctx: Ctx,
): EventMark {
  const { label, labelLines, labelAnchor, truncated, labelBox } = labelFields(it, box, leader);
  return {
    id: ev.id,
    trackId: track.id,
    x: round(x),
    y: round(y),
    r: it.r,
    shape: track.shape,
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
    // The visible label is part of the name (WCAG 2.5.3: speech users say what they see), then the title.
    ariaLabel: `${ev.dateText}, ${track.label}: ${ev.text === ev.title ? ev.title : `${ev.text} — ${ev.title}`}`,
    span: ev.spanStart !== undefined,
  };
}

function clusterMark(
  it: Item,
  track: LayoutTrack,
  x: number,
  y: number,
  box: Box | null,
  leader: Leader | null,
  ctx: Ctx,
): ClusterMark {
  const c = it.cluster!;
  const { label, labelLines, labelAnchor, labelBox } = labelFields(it, box, leader);
  return {
    id: c.id,
    trackId: track.id,
    x: round(x),
    y: round(y),
    r: CLUSTER_R,
    shape: track.shape,
    count: c.members.length,
    ids: c.members.map((e) => e.id),
    domain: clusterDomain(c, ctx),
    lane: it.lane,
    label,
    labelLines: [...labelLines],
    labelAnchor,
    labelBox,
    leader,
    ...clusterTexts(c, track.label),
  };
}

function milestoneMark(m: PMilestone, ev: PEvent, x: number, y: number): MilestoneMark {
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
    ariaLabel: `${m.dateText}, ${ev.title}: ${m.kind}${m.label ? ` – ${m.label}` : ''}${m.didNotHappen ? ' (did not happen)' : ''}`,
  };
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
function buildLinks(
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
 * Axis ticks under a warp: each stretch of even scale (before the focus, the focus, after it)
 * gets the finest ticks its own length allows, so the change of scale shows as a change of tick
 * spacing; labels that would then collide across a boundary give way (majors win). `x` is px
 * from the axis's start. Also the boundaries inside the window, where the axis marks a break.
 */
function axisTicks(
  ctx: Ctx,
  length: number,
  fontSize: number,
  vertical: boolean,
): { ticks: TimeTick[]; breaks: number[] } {
  const domain: [number, number] = [ctx.d0, ctx.d1];
  const w = ctx.warp;
  if (w.ts.length === 0) return { ticks: timeTicks(domain, length, { fontSize, vertical }), breaks: [] };
  const edges = [w.ts[0], w.ts[w.ts.length - 1]].filter((t) => t > ctx.d0 && t < ctx.d1);
  const bounds = [ctx.d0, ...edges, ctx.d1];
  const at = (t: number) => pos(ctx, t) - ctx.origin;
  const all: TimeTick[] = [];
  for (let i = 0; i < bounds.length - 1; i++) {
    const a = bounds[i];
    const b = bounds[i + 1];
    const px = at(b) - at(a);
    if (!(px > 1)) continue;
    // Ticked as if the stretch ran on past its ends, so that a tick near a boundary keeps its
    // label (timeTicks drops labels that would stick out of its window); kept inside it.
    const ext = (b - a) / 4;
    for (const t of timeTicks([a - ext, b + ext], px * 1.5, { fontSize, vertical })) {
      if (t.t < a || t.t >= b || (all.length > 0 && t.t <= all[all.length - 1].t)) continue;
      all.push({ ...t, x: at(t.t) });
    }
  }
  // Labels that collide: the more major one stays.
  const lineH = Math.ceil(fontSize * 1.25);
  const extent = (t: TimeTick): [number, number] => {
    const half = vertical ? lineH / 2 : textWidth(t.label, fontSize) / 2;
    return [t.x - half - 4, t.x + half + 4];
  };
  const rank = (t: TimeTick) =>
    (t.level === 'major' ? 2 : 1) * 10 + ['day', 'week', 'month', 'quarter', 'year'].indexOf(t.unit);
  const order = all
    .map((_, i) => i)
    .filter((i) => all[i].label)
    .sort((i, j) => rank(all[j]) - rank(all[i]) || i - j);
  const kept: [number, number][] = [];
  const drop = new Set<number>();
  for (const i of order) {
    const [a, b] = extent(all[i]);
    if (kept.some(([c, d]) => a < d && c < b)) drop.add(i);
    else kept.push([a, b]);
  }
  // Sub-ticks where the warp squeezes days together would read as a smudge: keep those 6 px apart.
  const ticks: TimeTick[] = [];
  let lastX = -Infinity;
  all.forEach((t, i) => {
    const tick = drop.has(i) ? { ...t, label: '', level: 'sub' as const } : t;
    if (tick.level === 'sub' && tick.x - lastX < 6) return;
    ticks.push(tick);
    lastX = tick.x;
  });
  return { ticks, breaks: edges.map((t) => round(pos(ctx, t))) };
}

/**
 * Whether a chart label can be shown at all at this variant's full view: horizontal, on one row
 * beside its mark across the plot; vertical, on at most two rows in the labels' column. A label
 * that fails can never show (the chart never cuts one), so the data check refuses it.
 */
export function labelFits(text: string, importance: 1 | 2 | 3, options: LayoutOptions): boolean {
  const fontSize = options.fontSize ?? 12;
  const mFont = fontSize * (options.textWidthFactor ?? 1) * (importance === 1 ? BOLD_WIDTH : 1);
  const r = RADIUS[importance];
  if (options.orientation !== 'vertical')
    return textWidth(text, mFont) <= options.width - 2 * PAD - r - MARK_LABEL_GAP - 2;
  const wrapped = wrapText(text, Math.max(0, options.width - PAD - verticalLabelsX(options)), mFont, 2);
  return wrapped !== null && !wrapped.truncated;
}

/** Vertical: where the axis line is, and where the labels' column starts. */
function verticalColumns(options: LayoutOptions): { spineX: number; slotStep: number; labelsX: number } {
  const fontSize = options.fontSize ?? 12;
  const target = Math.max(0, options.targetSize ?? 24);
  const axisMeasure = (fontSize - 1) * (options.textWidthFactor ?? 1);
  const spineX = V_LEFT + Math.ceil(textWidth('30 Sep 2019', axisMeasure)) + TICK_LABEL_GAP;
  const slotStep = Math.max(SLOT_STEP, target);
  return { spineX, slotStep, labelsX: spineX + (SLOTS - 1) * slotStep + Math.max(CLUSTER_R, target / 2) + 4 };
}

const verticalLabelsX = (options: LayoutOptions) => verticalColumns(options).labelsX;

/** The track of a cluster whose events come from several tracks. */
const MIXED_TRACK: LayoutTrack = { id: '', label: 'events', order: 0, shape: 'circle' };

/**
 * A vertical column where marks of several tracks crowd: each mark that would come within
 * `target` of the marks in both slots joins the latest of them, making one "+N events" cluster.
 */
function mergeCrowded(items: Item[], ctx: Ctx, along: (t: number) => number, target: number): Item[] {
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
function assignSlots(items: Item[], spineX: number, slotStep: number, target: number): number[] {
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

function layoutVertical(
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
