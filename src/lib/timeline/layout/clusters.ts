// "+N" clusters: which events of a track merge at this zoom, and what a cluster says.
import { ENGLISH_DATES, formatDateRange, formatShortRange, type DateWords } from '../../dates';
import { fill } from '../../ui/fill';
import { fromU, toU } from '../warp';
import { DAY, MAX_TIGHTER, RADIUS } from './constants';
import { clampDomain, pos, type ClusterDraft, type Ctx } from './context';
import type { PEvent } from './prepare';
import type { LayoutWords } from './types';

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
export function collectTrack(
  events: readonly PEvent[],
  ctx: Ctx,
  trackId: string,
  crowdKeys = true,
  tighter = 0,
): Collected {
  return collect(mayShow(events, ctx), ctx, trackId, crowdKeys, tighter);
}

export interface Collected {
  singles: PEvent[];
  clusters: ClusterDraft[];
}

/** How one pass bins a track's events: from the zoom, and how many times bins grew (`tighter`). */
interface Binning {
  tighter: number;
  span: number;
  clusterMin: number;
  clustering: boolean;
  binU: number;
  slack: number;
  crowd: number;
  u: (t: number) => number;
  u1: number;
}

function binning(ctx: Ctx, crowdKeys: boolean, tighter: number): Binning {
  // Bins in warped units, `clusterSpan` px wide (doubled per `tighter` step, where marks still
  // crowd), rounded up to 2^n days so that they nest from one zoom to the next.
  const span = ctx.o.clusterSpan * 2 ** Math.max(0, tighter - 1);
  const clusterMin = tighter > 0 ? 2 : ctx.o.clusterMin;
  const pxPerDay = ctx.k * DAY;
  const clustering = pxPerDay < span || tighter > 0;
  const u = (t: number) => (ctx.warp.ts.length === 0 ? t : toU(ctx.warp, t));
  return {
    tighter,
    span,
    clusterMin,
    clustering,
    binU: clustering ? DAY * 2 ** Math.max(0, Math.ceil(Math.log2(span / pxPerDay))) : Infinity,
    slack: markSlack(ctx),
    // Where marks crowded at the last try, key events join too (else one could stay beside a cluster).
    crowd: tighter > 0 ? 0 : crowdKeys ? clusterMin : Infinity,
    u,
    u1: u(ctx.d1),
  };
}

/**
 * A track's events that show, in time order, as `collect` meets them: one event that stays single
 * whatever its neighbours (`bin` NaN), or a bin's events; `at` is each event's index in the list walked.
 */
interface Group {
  bin: number;
  events: PEvent[];
  at: number[];
}

function groups(events: readonly PEvent[], ctx: Ctx, b: Binning): Group[] {
  const out: Group[] = [];
  let open: Group | undefined;
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    if (b.u(e.t1) < ctx.u0 - b.slack || b.u(e.t0) > b.u1 + b.slack) continue;
    // A mark in the window or within the slack beyond its edges (where it shows in part) is binned like
    // the others: only an event whose mark is further out, and whose bar reaches in, stays single. (A
    // dense track once kept every event within the slack single, about 90 at each edge of a 5,000-event
    // chart, and no tighter try could part them.)
    const ue = b.u(e.t);
    const markInView = ue >= ctx.u0 - b.slack && ue <= b.u1 + b.slack;
    // Highlighted events stay single, unless in a row they would still sit on each other at the last
    // try (a height-capped chart: vertical layouts merge what still crowds at the end instead).
    const keep = ctx.highlighted.has(e.id) && (b.tighter < MAX_TIGHTER || ctx.o.orientation === 'vertical');
    if (!b.clustering || !markInView || keep) {
      out.push({ bin: NaN, events: [e], at: [i] });
      continue;
    }
    const bin = Math.floor(ue / b.binU);
    if (open?.bin !== bin) out.push((open = { bin, events: [], at: [] }));
    open.events.push(e);
    open.at.push(i);
  }
  return out;
}

/** What one group becomes: a "+N" cluster (and the key events that stay beside it), or single events. */
function flush(g: Pick<Group, 'bin' | 'events'>, ctx: Ctx, trackId: string, b: Binning, into: Collected): void {
  if (Number.isNaN(g.bin)) {
    into.singles.push(...g.events);
    return;
  }
  const isKey = (e: PEvent) => e.importance === 1 || (b.u(e.t1) - b.u(e.t0)) * ctx.k >= b.span;
  let keyCount = 0;
  for (const e of g.events) if (isKey(e)) keyCount++;
  const crowded = keyCount >= b.crowd;
  const members = crowded ? g.events : g.events.filter((e) => !isKey(e));
  if (members.length >= b.clusterMin) {
    let sum = 0;
    for (const e of members) sum += b.u(e.t) - ctx.u0;
    into.clusters.push({
      id: `cluster-${trackId}-${b.tighter > 0 ? `${b.tighter}-` : ''}${g.bin}`,
      trackId,
      members,
      t: fromU(ctx.warp, ctx.u0 + sum / members.length),
      binMs: b.binU,
    });
    if (!crowded) for (const e of g.events) if (isKey(e)) into.singles.push(e);
  } else {
    into.singles.push(...g.events);
  }
}

/** collectTrack, of events already narrowed to those that may show (mayShow). */
function collect(events: readonly PEvent[], ctx: Ctx, trackId: string, crowdKeys: boolean, tighter: number): Collected {
  const b = binning(ctx, crowdKeys, tighter);
  const into: Collected = { singles: [], clusters: [] };
  for (const g of groups(events, ctx, b)) flush(g, ctx, trackId, b, into);
  return into;
}

/**
 * A track's events collected pass after pass, as a layout tries again where marks crowd: `collect(zones,
 * tighter)` is collectTrack with the events whose marks fall in `zones` (px along the axis, where marks
 * crowded at the last try) collected `tighter`, and the rest as usual. The first pass's bins are kept:
 * a later pass walks the bins and only the events of those that meet a zone, not the track's every
 * event again (a 5,000-event chart made five passes of 5,000 at each zoom step).
 */
export function trackCollector(
  events: readonly PEvent[],
  ctx: Ctx,
  trackId: string,
): (zones: readonly [number, number][], tighter: number) => Collected {
  const shown = mayShow(events, ctx);
  const b0 = binning(ctx, true, 0);
  const base = groups(shown, ctx, b0);
  const flushed = base.map((g) => {
    const into: Collected = { singles: [], clusters: [] };
    flush(g, ctx, trackId, b0, into);
    return into;
  });
  return (zones, tighter) => {
    const out: Collected = { singles: [], clusters: [] };
    if (zones.length === 0 || tighter === 0) {
      for (const f of flushed) {
        out.singles.push(...f.singles);
        out.clusters.push(...f.clusters);
      }
      return out;
    }
    const merged = mergeZones(zones);
    // The events in a zone, and their places in the list walked: in that order for collect().
    const inside: PEvent[] = [];
    const at: number[] = [];
    for (let i = 0; i < base.length; i++) {
      const g = base[i];
      // Events come in time order, so a group's marks lie between its first's and its last's.
      const x0 = pos(ctx, g.events[0].t);
      const x1 = pos(ctx, g.events[g.events.length - 1].t);
      let z = zoneFrom(merged, x0);
      if (z === merged.length || merged[z][0] > x1) {
        out.singles.push(...flushed[i].singles);
        out.clusters.push(...flushed[i].clusters);
        continue;
      }
      // The group's events outside the zones, binned as in the first pass.
      const rest = { bin: g.bin, events: [] as PEvent[] };
      for (let j = 0; j < g.events.length; j++) {
        const e = g.events[j];
        const x = pos(ctx, e.t);
        while (z < merged.length && merged[z][1] < x) z++;
        if (z < merged.length && x >= merged[z][0]) {
          inside.push(e);
          at.push(g.at[j]);
        } else rest.events.push(e);
      }
      if (rest.events.length > 0) flush(rest, ctx, trackId, b0, out);
    }
    // Out of order only where an event that stays single falls among a bin's events.
    const ordered = at.every((v, k) => k === 0 || at[k - 1] < v)
      ? inside
      : at
          .map((v, k) => [v, inside[k]] as const)
          .sort((p, q) => p[0] - q[0])
          .map(([, e]) => e);
    const tight = collect(ordered, ctx, trackId, true, tighter);
    out.singles.push(...tight.singles);
    out.clusters.push(...tight.clusters);
    return out;
  };
}

/** The first of `merged` zones that ends at or after x (their count if none does). */
function zoneFrom(merged: readonly [number, number][], x: number): number {
  let lo = 0;
  let hi = merged.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (merged[mid][1] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Zones (px intervals) merged into sorted, disjoint intervals. */
function mergeZones(zones: readonly [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [a, b] of [...zones].sort((p, q) => p[0] - q[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** How far (in warped units) beyond the window a mark still counts: half a target, so that it can show in part. */
const markSlack = (ctx: Ctx) => Math.max(RADIUS[1], ctx.o.targetSize / 2) / ctx.k;

/** How far any event of a list reaches from its mark, back (its bar's or steps' start) and forward: per list. */
const REACH = new WeakMap<readonly PEvent[], { back: number; fwd: number }>();

/**
 * The events of a list sorted by time that may show in the window (collectTrack's test keeps the rest
 * out): found by binary search, widened by how far the list's bars and steps reach from their marks,
 * so that a zoom step does not walk every event of a large track.
 */
function mayShow(events: readonly PEvent[], ctx: Ctx): readonly PEvent[] {
  if (events.length < 64) return events;
  let r = REACH.get(events);
  if (!r) {
    r = { back: 0, fwd: 0 };
    for (const e of events) {
      r.back = Math.max(r.back, e.t - e.t0);
      r.fwd = Math.max(r.fwd, e.t1 - e.t);
    }
    REACH.set(events, r);
  }
  const slack = markSlack(ctx);
  const u1 = ctx.warp.ts.length === 0 ? ctx.d1 : toU(ctx.warp, ctx.d1);
  const from = fromU(ctx.warp, ctx.u0 - slack) - r.fwd - 1;
  const to = fromU(ctx.warp, u1 + slack) + r.back + 1;
  const first = (t: number) => {
    let lo = 0;
    let hi = events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (events[mid].t < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const a = first(from);
  const b = first(to + 1e-6);
  return a === 0 && b === events.length ? events : events.slice(a, b);
}

export function clusterDomain(c: ClusterDraft, ctx: Ctx): [number, number] {
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

type RangeTexts = WeakMap<DateWords, Map<string, string>>;

/**
 * Date ranges formatted for cluster labels, per language: zoom steps ask for the same ranges again and
 * again (formatting them anew was a fifth of a phone chart's layout at 5,000 events).
 */
const RANGE_TEXTS: RangeTexts = new WeakMap();
const SHORT_RANGES: RangeTexts = new WeakMap();

/** `format(start, end, dates)`, kept in `memo` (a bounded cache: cleared past 5,000 ranges). */
function remembered(
  memo: RangeTexts,
  dates: DateWords,
  start: string,
  end: string,
  format: (start: string, end: string, dates: DateWords) => string,
): string {
  let texts = memo.get(dates);
  if (!texts) memo.set(dates, (texts = new Map()));
  const key = `${start}|${end}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = format(start, end, dates);
    if (texts.size > 5000) texts.clear();
    texts.set(key, text);
  }
  return text;
}

/**
 * A vertical chart's "+N" label with the span of its events, "+6 Border data (Aug–Dec)": the mark stands at
 * its events' mean, which under a compressed stretch can be months from some of them.
 */
export function withSpan(label: string, c: ClusterDraft, words: LayoutWords): string {
  const dates = words.dates ?? ENGLISH_DATES;
  if (c.span?.dates === dates) return `${label} (${c.span.text})`;
  // The events' own dates (a later step of one, drawn apart, does not widen it).
  let first = c.members[0];
  let last = first;
  for (const e of c.members) {
    if (e.t < first.t) first = e;
    if ((e.spanEnd ?? e.t) > (last.spanEnd ?? last.t)) last = e;
  }
  // One unit on its line: a two-line label breaks before it, not inside ("20–25 / Sep").
  const span = remembered(SHORT_RANGES, dates, first.startText, last.endText, (a, b, d) =>
    formatShortRange(a, b, d).replace(/ /g, '\u00a0'),
  );
  c.span = { dates, text: span };
  return `${label} (${span})`;
}

export function clusterTexts(
  c: ClusterDraft,
  trackLabel: string,
  words: LayoutWords,
): { dateText: string; ariaLabel: string } {
  let first = c.members[0];
  let last = c.members[0];
  for (const e of c.members) {
    if (e.t0 < first.t0) first = e;
    if (e.t1 > last.t1) last = e;
  }
  const dateText = remembered(
    RANGE_TEXTS,
    words.dates ?? ENGLISH_DATES,
    first.startText,
    last.endText,
    formatDateRange,
  );
  return {
    dateText,
    ariaLabel: fill(words.cluster, { date: dateText, track: trackLabel, count: c.members.length }),
  };
}
