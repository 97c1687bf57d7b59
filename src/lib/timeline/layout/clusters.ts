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
): { singles: PEvent[]; clusters: ClusterDraft[] } {
  return collect(mayShow(events, ctx), ctx, trackId, crowdKeys, tighter);
}

/** collectTrack, of events already narrowed to those that may show (mayShow). */
function collect(
  events: readonly PEvent[],
  ctx: Ctx,
  trackId: string,
  crowdKeys: boolean,
  tighter: number,
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
  const slack = markSlack(ctx);
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
    // A mark in the window or within the slack beyond its edges (where it shows in part) is binned like
    // the others: only an event whose mark is further out, and whose bar reaches in, stays single. (A
    // dense track once kept every event within the slack single, about 90 at each edge of a 5,000-event
    // chart, and no tighter try could part them.)
    const ue = u(e.t);
    const markInView = ue >= ctx.u0 - slack && ue <= u1 + slack;
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
export function collectZoned(
  events: readonly PEvent[],
  ctx: Ctx,
  trackId: string,
  zones: readonly [number, number][],
  tighter: number,
): { singles: PEvent[]; clusters: ClusterDraft[] } {
  if (zones.length === 0 || tighter === 0) return collectTrack(events, ctx, trackId);
  events = mayShow(events, ctx);
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
  const a = collect(outside, ctx, trackId, true, 0);
  const b = collect(inside, ctx, trackId, true, tighter);
  return { singles: [...a.singles, ...b.singles], clusters: [...a.clusters, ...b.clusters] };
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
  // The events' own dates (a later step of one, drawn apart, does not widen it).
  let first = c.members[0];
  let last = first;
  for (const e of c.members) {
    if (e.t < first.t) first = e;
    if ((e.spanEnd ?? e.t) > (last.spanEnd ?? last.t)) last = e;
  }
  // One unit on its line: a two-line label breaks before it, not inside ("20–25 / Sep").
  const span = remembered(SHORT_RANGES, words.dates ?? ENGLISH_DATES, first.startText, last.endText, (a, b, d) =>
    formatShortRange(a, b, d).replace(/ /g, '\u00a0'),
  );
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
