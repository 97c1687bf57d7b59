// Axis ticks, under the focus warp.
import { formatTickDate } from '../../dates';
import { textWidth } from '../lanes';
import { dayTick, timeTicks, type TimeTick } from '../ticks';
import { DAY, PAD, round } from './constants';
import { pos, type Ctx } from './context';

/** The axis labels' font size (one px smaller than the labels'), the size that measures them, and their line height. */
export function axisText(ctx: Ctx): { fontSize: number; measure: number; lineH: number } {
  const fontSize = ctx.o.fontSize - 1;
  return { fontSize, measure: fontSize * (ctx.mFont / ctx.o.fontSize), lineH: Math.ceil(fontSize * 1.25) };
}

/**
 * Axis ticks under a warp: each stretch of even scale (before the focus, the focus, after it)
 * gets the finest ticks its own length allows, so the change of scale shows as a change of tick
 * spacing; labels that would then collide across a boundary give way (majors win). `x` is px
 * from the axis's start. Also the boundaries inside the window, where the axis marks a break.
 * `eventDays` (vertical): the days with events (their 00:00 UTC), each with its first event's mark (px
 * from the axis's start). In the focus, where such a day gets a row per event, its tick stands level
 * with that mark (the day's start is half a row above it), and is a candidate label even where the
 * calendar's step (weekly, say) has none: those fall as often on empty days, a few px above the next
 * event ("17 Jun" 16 px above a 21 June event), and give way to it (the longer day wins, below).
 */
export function axisTicks(
  ctx: Ctx,
  length: number,
  fontSize: number,
  vertical: boolean,
  eventDays: ReadonlyMap<number, number> = new Map(),
): { ticks: TimeTick[]; breaks: number[] } {
  const domain: [number, number] = [ctx.d0, ctx.d1];
  const w = ctx.warp;
  if (w.ts.length === 0)
    return { ticks: timeTicks(domain, length, { fontSize, vertical, dates: ctx.words.dates }), breaks: [] };
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
    const yearOnFirst = !all.some((t) => t.label);
    for (const t of timeTicks([a - ext, b + ext], px * 1.5, {
      fontSize,
      vertical,
      dates: ctx.words.dates,
      yearOnFirst,
    })) {
      if (t.t < a || t.t >= b || (all.length > 0 && t.t <= all[all.length - 1].t)) continue;
      all.push({ ...t, x: at(t.t) });
    }
  }
  if (vertical) addEventDays(all, eventDays, w.ts[0], w.ts[w.ts.length - 1], ctx);
  // Labels that collide: the more major one stays.
  const lineH = Math.ceil(fontSize * 1.25);
  const extent = (t: TimeTick): [number, number] => {
    const half = vertical ? lineH / 2 : textWidth(t.label, fontSize) / 2;
    return [t.x - half - 4, t.x + half + 4];
  };
  const level = (t: TimeTick) => (t.level === 'major' ? 2 : 1);
  const unit = (t: TimeTick) => ['day', 'week', 'month', 'quarter', 'year'].indexOf(t.unit);
  // Of two labels, the one whose day the warp draws longer, then the more major, then the coarser. In a
  // vertical focus a day with events gets a row per event and an empty one a few px: the label of an
  // empty day (a Monday's, a month's first) would sit level with the next day's first event and give it
  // the wrong date ("20 Jul" beside a 21 July event). Where days are even, as outside a focus, the more
  // major and the coarser win, as before.
  const dayPx = (t: TimeTick) => Math.round(at(Math.min(t.t + DAY, ctx.d1)) - t.x);
  const order = all
    .map((_, i) => i)
    .filter((i) => all[i].label)
    .sort(
      (i, j) => dayPx(all[j]) - dayPx(all[i]) || level(all[j]) - level(all[i]) || unit(all[j]) - unit(all[i]) || i - j,
    );
  const kept = new Map<number, [number, number]>();
  const drop = new Set<number>();
  // Across the page, a label must also stay inside the SVG (PAD beyond the axis's ends), or its edge is cut.
  const [lo, hi] = vertical ? [-Infinity, Infinity] : [-PAD, length + PAD];
  const inside = ([a, b]: [number, number]) => !(a + 4 < lo || b - 4 > hi);
  // Every zoom step asks this of each label: a plain loop, no arrays made.
  const overlapping = (i: number, [a, b]: [number, number]) => {
    const found: number[] = [];
    for (const [j, [c, d]] of kept) if (j !== i && a < d && c < b) found.push(j);
    return found;
  };
  const fits = (i: number, [a, b]: [number, number]) => {
    if (!inside([a, b])) return false;
    for (const [j, [c, d]] of kept) if (j !== i && a < d && c < b) return false;
    return true;
  };
  for (const i of order) {
    const box = extent(all[i]);
    if (fits(i, box)) kept.set(i, box);
    else drop.add(i);
  }
  withYear(all, kept, drop, { inside, overlapping, extent }, ctx);
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
 * The year on the first label kept, where it has room ("Jun 2019"), else on the next that has, else on the
 * first in place of the labels it would meet. The first stretch's first label has it and the others none;
 * when that label gave way (past the axis's end, to a more major one, or to an event's day, whose label has
 * no year), 396 of the event pages' 468 drawings read "Jun … Jul" with no year anywhere.
 */
function withYear(
  all: TimeTick[],
  kept: Map<number, [number, number]>,
  drop: Set<number>,
  room: {
    inside: (box: [number, number]) => boolean;
    overlapping: (i: number, box: [number, number]) => number[];
    extent: (t: TimeTick) => [number, number];
  },
  ctx: Ctx,
): void {
  const shown = [...kept.keys()].sort((a, b) => a - b);
  if (shown.length === 0 || /\d{4}/.test(all[shown[0]].label)) return;
  const dated = (i: number) => {
    const form = /\d/.test(all[i].label) ? 'dayYear' : 'monthYear';
    return { ...all[i], label: formatTickDate(new Date(all[i].t), form, ctx.words.dates) };
  };
  const place = (i: number, tick: TimeTick, box: [number, number]) => {
    for (const j of room.overlapping(i, box)) {
      kept.delete(j);
      drop.add(j);
    }
    all[i] = tick;
    kept.set(i, box);
  };
  for (const i of shown) {
    const tick = dated(i);
    const box = room.extent(tick);
    if (room.inside(box) && room.overlapping(i, box).length === 0) return place(i, tick, box);
  }
  const tick = dated(shown[0]);
  const box = room.extent(tick);
  if (room.inside(box)) place(shown[0], tick, box);
}

/** The days of `eventDays` inside the focus [f0, f1] and the window, as labelled ticks at their first marks among `all` (kept in time order). */
function addEventDays(all: TimeTick[], eventDays: ReadonlyMap<number, number>, f0: number, f1: number, ctx: Ctx): void {
  const index = new Map(all.map((t, i) => [t.t, i]));
  let added = false;
  for (const [t, x] of eventDays) {
    if (t < Math.max(f0, ctx.d0) || t >= Math.min(f1, ctx.d1)) continue;
    const i = index.get(t);
    if (i !== undefined) all[i] = { ...(all[i].label ? all[i] : dayTick(t, ctx.words.dates)), x };
    else {
      index.set(t, all.length);
      all.push({ ...dayTick(t, ctx.words.dates), x });
      added = true;
    }
  }
  if (added) all.sort((a, b) => a.t - b.t);
}
