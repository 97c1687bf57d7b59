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
import {
  formatDateRange,
  formatPartialDate,
  parsePartialDate,
  partialDateMidpoint,
} from '../dates';
import type { MilestoneKind, Relation } from './schema';
import { LaneGrid, fitText, textWidth } from './lanes';
import { MILESTONE_SHAPES, type MarkShape } from './shapes';
import { timeTicks, type TickUnit } from './ticks';

const DAY = 86_400_000;

// ─── Input ──────────────────────────────────────────────────────────────────

/** What the layout reads of an event; a parsed `TimelineEvent` fits it. */
export interface LayoutEvent {
  id: string;
  date: string;
  end?: string;
  track: string;
  title: string;
  importance: 1 | 2 | 3;
  milestones?: readonly LayoutMilestone[];
  links?: readonly { to: string; relation: Relation }[];
}

export interface LayoutMilestone {
  kind: MilestoneKind;
  date: string;
  label?: string;
  didNotHappen?: boolean;
}

/** What the layout reads of a track; a parsed `Track` fits it. */
export interface LayoutTrack {
  id: string;
  label: string;
  order: number;
  shape: MarkShape;
  colour?: string;
  colourDark?: string;
}

/** An annotated band behind the chart, e.g. the 45-day period of the agreement. */
export interface Period {
  id: string;
  label: string;
  /** Partial dates ("2019-06-07", "2019-06", "2019"); the band covers both whole periods. */
  start: string;
  end: string;
}

export type Orientation = 'horizontal' | 'vertical';
export type Density = 'compact' | 'regular' | 'roomy';

export interface LayoutOptions {
  /** Width of the SVG, px. */
  width: number;
  /** 'vertical' (for screens under 640 px): time runs down the page, tracks become narrow columns. */
  orientation?: Orientation;
  /** The zoom window [startMs, endMs]; default the full domain. Clamped into the full domain, at least 2 days long. */
  domain?: readonly [number, number];
  /** The widest window [startMs, endMs]; default the events' extent, padded. */
  fullDomain?: readonly [number, number];
  /** Ids of the tracks to show, default all. Unknown ids throw. */
  visibleTracks?: readonly string[];
  /** Event ids to emphasise: their labels are placed first and they never join a cluster. */
  highlighted?: readonly string[];
  periods?: readonly Period[];
  /** Most label lanes per track: compact 2, regular 4 (default), roomy 6. */
  density?: Density;
  /** Overrides the lane cap set by `density`. */
  maxLanes?: number;
  /** Horizontal: the tallest the SVG should be; lanes are taken from the fullest tracks until it fits (≥ 1 lane each). */
  maxHeight?: number;
  /** Vertical: length of the time axis, px. Default from the number of events (480–4000). */
  length?: number;
  /** Label font size, px. Default 12 (axis labels one px smaller). */
  fontSize?: number;
  /** Multiplies the estimated text widths, for a font wider than Helvetica. Default 1. */
  textWidthFactor?: number;
  /** Least number of nearby events that merge into a "+N" cluster. Default 4. */
  clusterMin?: number;
  /** Size of the time bins (px, rounded up to 2^n days) in which events cluster. Default 28. */
  clusterSpan?: number;
}

// ─── Output ─────────────────────────────────────────────────────────────────

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TrackBand {
  id: string;
  label: string;
  /** The label as it fits (horizontal: across the band's header; vertical: in the legend). */
  labelText: string;
  shape: MarkShape;
  colour?: string;
  colourDark?: string;
  /** Horizontal: the band across the plot; vertical: the track's column. */
  x: number;
  y: number;
  w: number;
  h: number;
  lanes: number;
  /** Where the track's symbol goes beside its label (header or legend). */
  symbolX: number;
  symbolY: number;
  /** Start of the label text (text-anchor start, dominant-baseline central). */
  labelX: number;
  labelY: number;
}

export interface EventMark {
  id: string;
  trackId: string;
  x: number;
  y: number;
  r: number;
  shape: MarkShape;
  importance: 1 | 2 | 3;
  highlighted: boolean;
  /** Horizontal: lane inside the track; vertical: label column (-1 when the label is hidden). */
  lane: number;
  title: string;
  /** The text shown beside the mark (maybe cut with "…"), or null when hidden. */
  label: string | null;
  truncated: boolean;
  labelBox: Box | null;
  /** The date at the precision the data gives: "June 2019", "30 May – 7 June 2019". */
  dateText: string;
  /** "7 June 2019, Agreement: US and Mexico issue a joint declaration". */
  ariaLabel: string;
  /** True when the event has an end date. */
  span: boolean;
}

export interface SpanBar {
  /** The event id; "<id>#steps" for the thin line through its milestones. */
  id: string;
  eventId: string;
  trackId: string;
  /** span: start to end; steps: a thin line joining the mark and the milestones. */
  kind: 'span' | 'steps';
  x: number;
  y: number;
  w: number;
  h: number;
  /** The bar runs on before / after the visible window. */
  clippedStart: boolean;
  clippedEnd: boolean;
  highlighted: boolean;
}

export interface MilestoneMark {
  /** "<event id>#<index>". */
  id: string;
  eventId: string;
  trackId: string;
  kind: MilestoneKind;
  x: number;
  y: number;
  r: number;
  shape: MarkShape;
  /** Planned but never happened: draw hollow / dashed. */
  didNotHappen: boolean;
  label?: string;
  dateText: string;
  ariaLabel: string;
}

export interface LinkPath {
  /** "<from>-><to>". */
  id: string;
  from: string;
  to: string;
  relation: Relation;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  highlighted: boolean;
}

export interface PeriodBand {
  id: string;
  label: string;
  /** The label as shown, or null when it does not fit. */
  text: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
  labelBox: Box | null;
  dateText: string;
  ariaLabel: string;
}

export interface ClusterMark {
  /** "cluster-<track>-<bin>": stable while panning. */
  id: string;
  trackId: string;
  x: number;
  y: number;
  r: number;
  shape: MarkShape;
  count: number;
  ids: string[];
  /** Zoom here to see the events apart. */
  domain: [number, number];
  lane: number;
  /** "+12", or null when it has no room. */
  label: string | null;
  labelBox: Box | null;
  dateText: string;
  ariaLabel: string;
}

export interface LayoutTick {
  t: number;
  /** The tick's point on the axis line. */
  x: number;
  y: number;
  label: string;
  level: 'major' | 'minor' | 'sub';
  unit: TickUnit;
  labelX: number;
  labelY: number;
  anchor: 'middle' | 'end';
}

export interface AxisLayout {
  /** The axis row (horizontal) or gutter (vertical). */
  x: number;
  y: number;
  w: number;
  h: number;
  fontSize: number;
  ticks: LayoutTick[];
}

export interface TimelineLayout {
  orientation: Orientation;
  size: { width: number; height: number };
  /** Where data is drawn (clip to it); the time axis runs along its width (or height, vertical). */
  plot: Box;
  domain: [number, number];
  fullDomain: [number, number];
  fontSize: number;
  labelHeight: number;
  axis: AxisLayout;
  tracks: TrackBand[];
  periods: PeriodBand[];
  spans: SpanBar[];
  links: LinkPath[];
  milestones: MilestoneMark[];
  clusters: ClusterMark[];
  marks: EventMark[];
}

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
  importance: 1 | 2 | 3;
  /** Where the mark sits: the date's midpoint, or a span's first instant. */
  t: number;
  /** Extent of everything drawn for the event (span, milestones). */
  t0: number;
  t1: number;
  spanStart?: number;
  spanEnd?: number;
  /** Width of the title at 1 px font size; NaN until first needed. */
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
  laneCache: Map<string, Map<string, number>>;
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
    byTrack,
    trackById,
  };
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
const MIN_CHARS = 8; // the shortest cut label, in characters
const MIN_LABEL_COLUMN = 200; // vertical: the narrowest label column, px

interface Ctx {
  o: Required<Pick<LayoutOptions, 'width' | 'fontSize' | 'clusterMin' | 'clusterSpan'>> & { maxLanes: number };
  /** Font size used to measure text (fontSize × textWidthFactor). */
  mFont: number;
  labelH: number;
  d0: number;
  d1: number;
  /** px per ms, and the pixel of d0. */
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

interface Item {
  priority: number;
  x: number;
  r: number;
  m0: number;
  m1: number;
  text: string;
  textW: number;
  ev?: PEvent;
  cluster?: ClusterDraft;
  // Results.
  lane: number;
  label: string | null;
  truncated: boolean;
  boxX: number;
  boxW: number;
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
    clusterSpan: options.clusterSpan ?? 28,
    maxLanes: Math.max(1, Math.floor(options.maxLanes ?? LANES_BY_DENSITY[options.density ?? 'regular'])),
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
        throw new Error(`visibleTracks names "${id}", which is not a track; the tracks are: ${prepared.tracks.map((t) => t.id).join(', ')}`);
      }
    }
    visible = prepared.tracks.filter((t) => wanted.has(t.id));
  }
  const base = {
    o,
    mFont: fontSize * (options.textWidthFactor ?? 1),
    labelH: Math.ceil(fontSize * 1.25),
    fullDomain,
    highlighted: new Set(options.highlighted ?? []),
  };
  return options.orientation === 'vertical'
    ? layoutVertical(prepared, visible, domain, base, options)
    : layoutHorizontal(prepared, visible, domain, base, options);
}

type BaseCtx = Pick<Ctx, 'o' | 'mFont' | 'labelH' | 'fullDomain' | 'highlighted'>;

function makeCtx(base: BaseCtx, domain: [number, number], origin: number, length: number): Ctx {
  return {
    ...base,
    d0: domain[0],
    d1: domain[1],
    k: length / (domain[1] - domain[0]),
    origin,
    viewL: origin,
    viewR: origin + length,
  };
}

const pos = (ctx: Ctx, t: number) => ctx.origin + (t - ctx.d0) * ctx.k;

function priorityOf(ev: PEvent, ctx: Ctx): number {
  return ctx.highlighted.has(ev.id) ? 0 : ev.importance;
}

/**
 * The events of one track that show in the window, split into single events and
 * "+N" clusters: events (not importance 1, not highlighted, without a long bar)
 * merge when at least `clusterMin` fall in one time bin of about `clusterSpan` px.
 * Bins are aligned on the epoch, so they stay put while panning.
 */
function collectTrack(events: readonly PEvent[], ctx: Ctx, trackId: string): { singles: PEvent[]; clusters: ClusterDraft[] } {
  const singles: PEvent[] = [];
  const clusters: ClusterDraft[] = [];
  const pxPerDay = ctx.k * DAY;
  const clustering = pxPerDay < ctx.o.clusterSpan;
  const binMs = clustering ? DAY * 2 ** Math.ceil(Math.log2(ctx.o.clusterSpan / pxPerDay)) : Infinity;
  const slack = RADIUS[1] / ctx.k;
  let bin = NaN;
  let pending: PEvent[] = [];
  const flush = () => {
    if (pending.length >= ctx.o.clusterMin) {
      let sum = 0;
      for (const e of pending) sum += e.t - ctx.d0;
      clusters.push({ id: `cluster-${trackId}-${bin}`, trackId, members: pending, t: ctx.d0 + sum / pending.length, binMs });
    } else {
      for (const e of pending) singles.push(e);
    }
    pending = [];
  };
  for (const e of events) {
    if (e.t1 < ctx.d0 - slack || e.t0 > ctx.d1 + slack) continue;
    const markInView = e.t >= ctx.d0 && e.t <= ctx.d1;
    const eligible =
      clustering &&
      markInView &&
      e.importance !== 1 &&
      !ctx.highlighted.has(e.id) &&
      (e.t1 - e.t0) * ctx.k < ctx.o.clusterSpan;
    if (!eligible) {
      singles.push(e);
      continue;
    }
    const b = Math.floor(e.t / binMs);
    if (b !== bin) {
      flush();
      bin = b;
    }
    pending.push(e);
  }
  flush();
  return { singles, clusters };
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

function clusterTexts(c: ClusterDraft, trackLabel: string): { dateText: string; ariaLabel: string } {
  let first = c.members[0];
  let last = c.members[0];
  for (const e of c.members) {
    if (e.t0 < first.t0) first = e;
    if (e.t1 > last.t1) last = e;
  }
  const dateText = formatDateRange(first.startText, last.endText);
  return { dateText, ariaLabel: `${dateText}, ${trackLabel}: ${c.members.length} events, grouped; zoom in to see them` };
}

function eventItem(ev: PEvent, ctx: Ctx, along: (t: number) => number): Item {
  const x = along(ev.t);
  const r = RADIUS[ev.importance];
  return {
    priority: priorityOf(ev, ctx),
    x,
    r,
    m0: Math.max(ctx.viewL - 1, Math.min(x - r, along(ev.t0))),
    m1: Math.min(ctx.viewR + 1, Math.max(x + r, along(ev.t1))),
    text: ev.title,
    textW: (Number.isNaN(ev.titleEm) ? (ev.titleEm = textWidth(ev.title, 1)) : ev.titleEm) * ctx.mFont,
    ev,
    lane: -1,
    label: null,
    truncated: false,
    boxX: 0,
    boxW: 0,
  };
}

function clusterItem(c: ClusterDraft, ctx: Ctx, along: (t: number) => number): Item {
  const x = along(c.t);
  const text = `+${c.members.length}`;
  return {
    priority: 0.5,
    x,
    r: CLUSTER_R,
    m0: x - CLUSTER_R,
    m1: x + CLUSTER_R,
    text,
    textW: textWidth(text, ctx.mFont),
    cluster: c,
    lane: -1,
    label: null,
    truncated: false,
    boxX: 0,
    boxW: 0,
  };
}

function byPriority(a: Item, b: Item): number {
  return a.priority - b.priority || a.x - b.x || compareText(a.ev?.id ?? a.cluster!.id, b.ev?.id ?? b.cluster!.id);
}

/**
 * Places the items of one horizontal track in `lanes` lanes so that no two
 * footprints (mark, bar and label box) come within LABEL_GAP px. In priority
 * order (highlighted, "+N" clusters, importance 1, 2, 3), each group first tries full
 * labels, then shortened ones, then hides the label and keeps the mark. With
 * `countOnly`, it stops at the first label that does not fit and reports the
 * lanes used by full labels, or -1.
 */
function placeRow(items: Item[], lanes: number, ctx: Ctx, countOnly: boolean): number {
  const grid = new LaneGrid(lanes, LABEL_GAP);
  items.sort(byPriority);
  let used = 0;
  let i = 0;
  while (i < items.length) {
    let j = i;
    while (j < items.length && items[j].priority === items[i].priority) j++;
    const pending: Item[] = [];
    for (let n = i; n < j; n++) {
      const it = items[n];
      const rightStart = Math.max(it.x + it.r + MARK_LABEL_GAP, ctx.viewL + 2);
      const leftEnd = it.x - it.r - MARK_LABEL_GAP;
      let b0: number;
      if (rightStart + it.textW <= ctx.viewR) b0 = rightStart;
      else if (leftEnd - it.textW >= ctx.viewL && leftEnd <= ctx.viewR) b0 = leftEnd - it.textW;
      else {
        pending.push(it);
        continue;
      }
      const f0 = Math.min(it.m0, b0);
      const f1 = Math.max(it.m1, b0 + it.textW);
      const lane = grid.firstFit(f0, f1);
      if (lane < 0) {
        pending.push(it);
        continue;
      }
      grid.insert(lane, f0, f1);
      used = Math.max(used, lane + 1);
      Object.assign(it, { lane, label: it.text, truncated: false, boxX: b0, boxW: it.textW });
    }
    if (countOnly) {
      if (pending.length > 0) return -1;
      i = j;
      continue;
    }
    const hidden: Item[] = [];
    for (const it of pending) {
      // Shortened: the lane with the most room after (or, at the right edge, before) the mark.
      const rightStart = Math.max(it.x + it.r + MARK_LABEL_GAP, ctx.viewL + 2);
      const leftEnd = it.x - it.r - MARK_LABEL_GAP;
      const mayFlip = rightStart + it.textW > ctx.viewR;
      // A cut label keeps at least its first MIN_CHARS characters: shorter stubs are noise.
      const minRoom = it.text.length <= MIN_CHARS ? it.textW : textWidth(`${it.text.slice(0, MIN_CHARS)}…`, ctx.mFont);
      let best = { room: minRoom - 0.001, lane: -1, left: false };
      for (let lane = 0; lane < lanes; lane++) {
        if (!grid.fits(lane, it.m0, it.m1)) continue;
        const [free0, free1] = grid.freeAround(lane, it.m0, it.m1);
        const roomRight = Math.min(free1, ctx.viewR) - rightStart;
        if (roomRight > best.room) best = { room: roomRight, lane, left: false };
        if (mayFlip && leftEnd <= ctx.viewR) {
          const roomLeft = leftEnd - Math.max(free0, ctx.viewL);
          if (roomLeft > best.room) best = { room: roomLeft, lane, left: true };
        }
      }
      const fitted = best.lane >= 0 ? fitText(it.text, best.room, ctx.mFont) : null;
      if (!fitted) {
        hidden.push(it);
        continue;
      }
      const b0 = best.left ? leftEnd - fitted.width : rightStart;
      const f0 = Math.min(it.m0, b0);
      const f1 = Math.max(it.m1, b0 + fitted.width);
      grid.insert(best.lane, f0, f1);
      Object.assign(it, { lane: best.lane, label: fitted.text, truncated: fitted.truncated, boxX: b0, boxW: fitted.width });
    }
    for (const it of hidden) {
      // No label: the mark still needs a lane; where it fits if it can, else where it overlaps least.
      let lane = grid.firstFit(it.m0, it.m1);
      if (lane >= 0) grid.insert(lane, it.m0, it.m1);
      else {
        let fewest = Infinity;
        for (let l = 0; l < lanes; l++) {
          const n = grid.overlaps(l, it.m0, it.m1);
          if (n < fewest) {
            fewest = n;
            lane = l;
          }
        }
      }
      Object.assign(it, { lane, label: null, truncated: false });
    }
    i = j;
  }
  return used;
}

/** Lanes each track needs over the full domain at this width (≤ the cap), cached on `prepared`. */
function laneCounts(prepared: PreparedTimeline, base: BaseCtx, plotX: number, plotW: number): Map<string, number> {
  const o = base.o;
  const key = [o.width, o.fontSize, base.mFont, o.maxLanes, o.clusterMin, o.clusterSpan, ...base.fullDomain].join('|');
  let counts = prepared.laneCache.get(key);
  if (counts) return counts;
  counts = new Map();
  // Without highlights: emphasis must not change the height.
  const ctx = makeCtx({ ...base, highlighted: new Set() }, base.fullDomain, plotX, plotW);
  const along = (t: number) => pos(ctx, t);
  for (const track of prepared.tracks) {
    const { singles, clusters } = collectTrack(prepared.byTrack.get(track.id)!, ctx, track.id);
    const items = [...singles.map((e) => eventItem(e, ctx, along)), ...clusters.map((c) => clusterItem(c, ctx, along))];
    const used = placeRow(items, o.maxLanes + 1, ctx, true);
    counts.set(track.id, used < 0 ? o.maxLanes : Math.max(1, Math.min(o.maxLanes, used)));
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
  const axisH = Math.ceil(axisFont * 1.25) + 12;
  const periods = options.periods ?? [];
  const periodsH = periods.length > 0 ? labelH + 8 : 0;
  const headerH = labelH + 6;
  const laneH = 3 + labelH + 2 + BAR_H + 3;
  const plotX = PAD;
  const plotW = Math.max(1, width - 2 * PAD);
  const top = 4;
  const plotY = top + axisH;

  const counts = laneCounts(prepared, base, plotX, plotW);
  const lanes = visible.map((t) => counts.get(t.id)!);
  if (options.maxHeight !== undefined) {
    const fixed = plotY + periodsH + visible.length * headerH + PAD;
    let total = fixed + lanes.reduce((a, b) => a + b, 0) * laneH;
    while (total > options.maxHeight) {
      let fullest = -1;
      for (let i = 0; i < lanes.length; i++) if (lanes[i] > 1 && (fullest < 0 || lanes[i] >= lanes[fullest])) fullest = i;
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
    const header = fitText(track.label, plotW - 16, base.mFont);
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
    const { singles, clusters: drafts } = collectTrack(prepared.byTrack.get(track.id)!, ctx, track.id);
    const items = [...singles.map((e) => eventItem(e, ctx, along)), ...drafts.map((c) => clusterItem(c, ctx, along))];
    placeRow(items, nLanes, ctx, false);
    const lanesTop = y + headerH;
    for (const it of items) {
      const laneTop = lanesTop + it.lane * laneH;
      const my = laneTop + 3 + labelH / 2;
      const box = it.label === null ? null : { x: round(it.boxX), y: round(laneTop + 3), w: round(it.boxW), h: labelH };
      if (it.cluster) {
        clusters.push(clusterMark(it, track, my, box, ctx));
        continue;
      }
      const ev = it.ev!;
      const mark = eventMark(it, ev, track, my, box, ctx);
      marks.push(mark);
      shown.set(ev.id, { mark, ev });
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
  const periodBands = layoutPeriodsHorizontal(periods, ctx, plotY, plotH, periodsH);
  const ticks = timeTicks(domain, plotW, { fontSize: axisFont });
  return {
    orientation: 'horizontal',
    size: { width, height: round(y + PAD) },
    plot: { x: plotX, y: plotY, w: plotW, h: round(plotH) },
    domain,
    fullDomain: [...base.fullDomain],
    fontSize: o.fontSize,
    labelHeight: labelH,
    axis: {
      x: plotX,
      y: top,
      w: plotW,
      h: axisH,
      fontSize: axisFont,
      ticks: ticks.map((t) => ({
        t: t.t,
        x: round(plotX + t.x),
        y: plotY,
        label: t.label,
        level: t.level,
        unit: t.unit,
        labelX: round(plotX + t.x),
        labelY: round(top + (axisH - 6) / 2),
        anchor: 'middle',
      })),
    },
    tracks,
    periods: periodBands,
    spans,
    links: buildLinks(shown, ctx, false),
    milestones,
    clusters,
    marks,
  };
}

function layoutPeriodsHorizontal(periods: readonly Period[], ctx: Ctx, plotY: number, plotH: number, rowH: number): PeriodBand[] {
  const bands: (PeriodBand & { order: number })[] = [];
  periods.forEach((p, order) => {
    const s = pos(ctx, parsePartialDate(p.start).start.getTime());
    const e = pos(ctx, parsePartialDate(p.end).end.getTime());
    if (e < ctx.viewL || s > ctx.viewR) return;
    const x0 = Math.max(s, ctx.viewL);
    const x1 = Math.min(e, ctx.viewR);
    const dateText = formatDateRange(p.start, p.end);
    bands.push({
      order,
      id: p.id,
      label: p.label,
      text: null,
      x: round(x0),
      y: plotY,
      w: round(x1 - x0),
      h: round(plotH),
      labelBox: null,
      dateText,
      ariaLabel: `${dateText}: ${p.label}`,
    });
  });
  const grid = new LaneGrid(1, LABEL_GAP);
  for (const b of [...bands].sort((a, c) => a.x - c.x || a.order - c.order)) {
    const fitted = fitText(b.label, b.w - 8, ctx.mFont);
    if (!fitted || (fitted.truncated && fitted.text.length <= MIN_CHARS)) continue;
    if (!grid.fits(0, b.x + 4, b.x + 4 + fitted.width)) continue;
    grid.insert(0, b.x + 4, b.x + 4 + fitted.width);
    b.text = fitted.text;
    b.labelBox = { x: round(b.x + 4), y: round(plotY + (rowH - ctx.labelH) / 2), w: round(fitted.width), h: ctx.labelH };
  }
  return bands.map(({ order: _order, ...b }) => b);
}

function eventMark(it: Item, ev: PEvent, track: LayoutTrack, y: number, box: Box | null, ctx: Ctx, x = it.x): EventMark {
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
    label: it.label,
    truncated: it.truncated,
    labelBox: box,
    dateText: ev.dateText,
    ariaLabel: `${ev.dateText}, ${track.label}: ${ev.title}`,
    span: ev.spanStart !== undefined,
  };
}

function clusterMark(it: Item, track: LayoutTrack, y: number, box: Box | null, ctx: Ctx, x = it.x): ClusterMark {
  const c = it.cluster!;
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
    label: it.label,
    labelBox: box,
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
  if (ev.spanStart !== undefined) add(ev.id, 'span', ev.spanStart, ev.spanEnd!, BAR_H);
  if (ev.milestones.length > 0 && (ev.t0 < (ev.spanStart ?? ev.t) || ev.t1 > (ev.spanEnd ?? ev.t))) {
    add(`${ev.id}#steps`, 'steps', ev.t0, ev.t1, STEPS_H);
  }
}

/** Links whose two ends are both shown as single marks inside the window, in the order of their source events. */
function buildLinks(shown: ReadonlyMap<string, { mark: EventMark; ev: PEvent }>, ctx: Ctx, vertical: boolean): LinkPath[] {
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
        highlighted: mark.highlighted || target.mark.highlighted,
      });
    }
  }
  return links;
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
  const widthFactor = base.mFont / o.fontSize;
  const top = 4;

  // Legend: the tracks' symbols and labels, flowing in lines across the top.
  const lineH = labelH + 6;
  const legend: { x: number; y: number; text: string }[] = [];
  let lx = PAD;
  let line = 0;
  for (const track of visible) {
    const fitted = fitText(track.label, width - 2 * PAD - 14, base.mFont);
    const w = 14 + (fitted?.width ?? 0) + 14;
    if (lx > PAD && lx + w > width - PAD) {
      line++;
      lx = PAD;
    }
    legend.push({ x: lx, y: top + line * lineH + lineH / 2, text: fitted?.text ?? '' });
    lx += w;
  }
  const legendH = visible.length > 0 ? (line + 1) * lineH : 0;

  const axisW = Math.ceil(textWidth('30 Sep 2019', axisFont * widthFactor)) + 12;
  const colW = 2 * RADIUS[1] + 6;
  const colsX = PAD + axisW;
  const labelsX = colsX + visible.length * colW + 8;
  const labelsW = Math.max(0, width - PAD - labelsX);
  const nLanes = Math.max(1, Math.min(Math.floor(labelsW / MIN_LABEL_COLUMN), o.maxLanes, 3));
  const laneW = labelsW / nLanes;
  const plotY = top + legendH + 8;
  let count = 0;
  for (const t of visible) count += prepared.byTrack.get(t.id)!.length;
  const length = options.length ?? Math.min(4000, Math.max(480, Math.round(count * (labelH + 4))));
  const plot: Box = { x: colsX, y: plotY, w: Math.max(1, width - PAD - colsX), h: length };

  const ctx = makeCtx(base, domain, plotY, length);
  const along = (t: number) => pos(ctx, t);
  const tracks: TrackBand[] = [];
  const marks: EventMark[] = [];
  const spans: SpanBar[] = [];
  const milestones: MilestoneMark[] = [];
  const clusterMarks: ClusterMark[] = [];
  const items: (Item & { track: LayoutTrack; cx: number })[] = [];
  visible.forEach((track, ti) => {
    const cx = colsX + ti * colW + colW / 2;
    tracks.push({
      id: track.id,
      label: track.label,
      labelText: legend[ti].text,
      shape: track.shape,
      ...(track.colour ? { colour: track.colour } : {}),
      ...(track.colourDark ? { colourDark: track.colourDark } : {}),
      x: round(colsX + ti * colW),
      y: plotY,
      w: colW,
      h: length,
      lanes: nLanes,
      symbolX: round(legend[ti].x + 5),
      symbolY: round(legend[ti].y),
      labelX: round(legend[ti].x + 14),
      labelY: round(legend[ti].y),
    });
    const { singles, clusters } = collectTrack(prepared.byTrack.get(track.id)!, ctx, track.id);
    for (const e of singles) items.push({ ...eventItem(e, ctx, along), track, cx });
    for (const c of clusters) items.push({ ...clusterItem(c, ctx, along), track, cx });
  });

  // Periods: bands across the plot, their labels competing first for the label columns.
  const periodBands: PeriodBand[] = [];
  const periodItems: { band: PeriodBand; y: number; order: number }[] = [];
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
      dateText,
      ariaLabel: `${dateText}: ${p.label}`,
    };
    periodBands.push(band);
    periodItems.push({ band, y: y0 + labelH / 2 + 1, order });
  });

  // Labels: one shared area right of the columns, split into `nLanes` columns;
  // each label sits at its mark's height in the first column where it fits.
  const grid = new LaneGrid(nLanes, 2);
  const half = labelH / 2;
  const place = (y: number, text: string): { lane: number; box: Box; fitted: ReturnType<typeof fitText> } | null => {
    const cy = Math.max(ctx.viewL + half, Math.min(y, ctx.viewR - half));
    const lane = grid.firstFit(cy - half, cy + half);
    if (lane < 0) return null;
    const fitted = fitText(text, laneW - 8, base.mFont);
    if (!fitted) return null;
    grid.insert(lane, cy - half, cy + half);
    return { lane, fitted, box: { x: round(labelsX + lane * laneW), y: round(cy - half), w: round(fitted.width), h: labelH } };
  };
  for (const p of periodItems.sort((a, b) => a.y - b.y || a.order - b.order)) {
    const placed = place(p.y, p.band.label);
    if (placed) {
      p.band.text = placed.fitted!.text;
      p.band.labelBox = placed.box;
    }
  }
  items.sort(byPriority);
  const shown = new Map<string, { mark: EventMark; ev: PEvent }>();
  for (const it of items) {
    const placed = it.x >= ctx.viewL - it.r && it.x <= ctx.viewR + it.r ? place(it.x, it.text) : null;
    if (placed) Object.assign(it, { lane: placed.lane, label: placed.fitted!.text, truncated: placed.fitted!.truncated });
    const box = placed?.box ?? null;
    if (it.cluster) {
      clusterMarks.push(clusterMark(it, it.track, it.x, box, ctx, it.cx));
      continue;
    }
    const ev = it.ev!;
    const mark = eventMark(it, ev, it.track, it.x, box, ctx, it.cx);
    marks.push(mark);
    shown.set(ev.id, { mark, ev });
    pushBars(spans, ev, it.track, it.cx, ctx, true);
    for (const m of ev.milestones) {
      const my = along(m.t);
      if (my < ctx.viewL - MILESTONE_R || my > ctx.viewR + MILESTONE_R) continue;
      milestones.push(milestoneMark(m, ev, it.cx, my));
    }
  }

  const ticks = timeTicks(domain, length, { fontSize: axisFont, vertical: true });
  return {
    orientation: 'vertical',
    size: { width, height: round(plotY + length + PAD) },
    plot,
    domain,
    fullDomain: [...base.fullDomain],
    fontSize: o.fontSize,
    labelHeight: labelH,
    axis: {
      x: PAD,
      y: plotY,
      w: axisW,
      h: length,
      fontSize: axisFont,
      ticks: ticks.map((t) => ({
        t: t.t,
        x: colsX,
        y: round(plotY + t.x),
        label: t.label,
        level: t.level,
        unit: t.unit,
        labelX: colsX - 6,
        labelY: round(plotY + t.x),
        anchor: 'end',
      })),
    },
    tracks,
    periods: periodBands,
    spans,
    links: buildLinks(shown, ctx, true),
    milestones,
    clusters: clusterMarks,
    marks,
  };
}
