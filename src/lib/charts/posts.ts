// Layout of who held which posts over a period: one row per post, a bar per holder with
// their name (shortened to the family name, then to the first of two family names, then hidden,
// when it does not fit), acting holders flagged, and every change of holder marked. Plain objects
// with px values; dates in UTC.
import type { Actor, Post, Source } from '../timeline/schema';
import type { UiStrings } from '../ui/strings';

/** The words a posts chart's layout writes: "(acting)", the tooltips' "from". */
export type PostsWords = UiStrings['charts']['posts'] & { dates?: DateWords };
import { formatDateRange, formatPartialDate, parsePartialDate, partialDateMidpoint, type DateWords } from '../dates';
import { calendarTicks, round, type TimeTick } from './axis';
import { surnames, textWidth, wrapText } from './text';

export interface PostsOptions {
  width: number;
  /** The window, partial dates: from the start of `from` to the end of `to`. */
  from: string;
  to: string;
  /** Posts to show, in this order; default all, by their `order`. */
  postIds?: readonly string[];
  fontSize?: number;
  words: PostsWords;
}

/** One tenure as the chart and its table show it. */
export interface Tenure {
  actorId: string;
  name: string;
  acting: boolean;
  from: string;
  to?: string;
  note?: string;
  sources: Source[];
  /** "Kevin McAleenan (acting)". */
  fullLabel: string;
}

export interface PostBar extends Tenure {
  x: number;
  width: number;
  y: number;
  height: number;
  /** The label shown: the full name, a short form of it (see holderLabels), or '' when none fits. */
  label: string;
  labelLevel: 'full' | 'surname' | 'hidden';
  /** Estimated width of the shown label, px. */
  labelWidth: number;
  textX: number;
  textY: number;
  /** The label is on a line of its own above its lane (textY a line higher than the lane's other names). */
  raised: boolean;
  /** The tenure began before the window, or runs on after it. */
  clippedStart: boolean;
  clippedEnd: boolean;
  /** Tooltip and accessible name (always the full name, post and dates). */
  tip: string;
}

export interface PostChange {
  x: number;
  y1: number;
  y2: number;
  /** The date as written in the data. */
  date: string;
}

export interface PostRow {
  postId: string;
  /** The post's name, wrapped to the row's width (never cut). */
  titleLines: string[];
  fullTitle: string;
  titleY: number;
  y: number;
  height: number;
  bars: PostBar[];
  changes: PostChange[];
  /** Tenures of this post that overlap the window, in date order (for the table). */
  tenures: Tenure[];
}

export interface PostsLayout {
  width: number;
  height: number;
  fontSize: number;
  /** A line of names, px (a raised name is this much above its lane's line). */
  lineHeight: number;
  plot: { x: number; y: number; width: number; height: number };
  rows: PostRow[];
  xTicks: TimeTick[];
  /** Where the axis labels sit: above the first row and below the last. */
  axisTopY: number;
  axisBottomY: number;
  uses: { acting: boolean };
}

const BAR_H = 10;

/** Where a partial date sits on the time axis: a day at its start, a month or year in its middle. */
function at(date: string): number {
  return partialDateMidpoint(date);
}

/**
 * The label candidates for a holder, longest first: the full name, then each short form of it (two family
 * names, then the first alone, see `surnames`), with "(acting)" and, failing that, without (the hatching
 * says acting too).
 */
export function holderLabels(name: string, acting: boolean, words: PostsWords, country?: string): string[] {
  const named = (n: string) => (acting ? words.acting(n) : n);
  const forms = [named(name), ...surnames(name, country).flatMap((s) => [named(s), s])];
  return forms.filter((form, i) => forms.indexOf(form) === i);
}

/** The tenures of `postId` held by `actors`, in date order. */
export function tenuresOf(postId: string, actors: readonly Actor[], words: PostsWords): Tenure[] {
  const out: Tenure[] = [];
  for (const a of actors) {
    for (const r of a.roles) {
      if (r.post !== postId) continue;
      out.push({
        actorId: a.id,
        name: a.name,
        acting: r.acting,
        from: r.from,
        to: r.to,
        note: r.note,
        sources: r.sources,
        fullLabel: r.acting ? words.acting(a.name) : a.name,
      });
    }
  }
  return out.sort((a, b) => at(a.from) - at(b.from) || a.actorId.localeCompare(b.actorId));
}

/**
 * Lays out the posts' holders over [from, to]: one row per post, overlapping tenures of one
 * post on separate lines, each bar labelled with the longest form of the name that fits
 * before the next label, and a change mark wherever a tenure starts or ends in the window.
 */
export function layoutPostsChart(posts: readonly Post[], actors: readonly Actor[], options: PostsOptions): PostsLayout {
  const fontSize = options.fontSize ?? 11;
  const lineH = Math.round(fontSize * 1.3);
  const t0 = parsePartialDate(options.from).start.getTime();
  const t1 = parsePartialDate(options.to).end.getTime();
  if (!(t1 > t0)) throw new Error(`PostsChart: "to" (${options.to}) comes before "from" (${options.from})`);
  const byId = new Map(posts.map((p) => [p.id, p]));
  const chosen = options.postIds
    ? options.postIds.map((id) => {
        const p = byId.get(id);
        if (!p)
          throw new Error(`PostsChart: unknown post id "${id}"; known posts: ${posts.map((q) => q.id).join(', ')}`);
        return p;
      })
    : posts
        .map((p, i) => ({ p, i }))
        .sort((a, b) => (a.p.order ?? Infinity) - (b.p.order ?? Infinity) || a.i - b.i)
        .map(({ p }) => p);
  const countryOf = new Map(actors.map((a) => [a.id, a.country]));

  const left = 6;
  const right = 6;
  const plotW = options.width - left - right;
  const xOf = (t: number) => round(left + ((Math.min(Math.max(t, t0), t1) - t0) / (t1 - t0)) * plotW);
  const axisTopY = fontSize * 2 + 6;
  let y = axisTopY + 10;
  const plotTop = y;
  let acting = false;

  const rows: PostRow[] = chosen.map((post) => {
    const tenures = tenuresOf(post.id, actors, options.words).filter(
      (t) => at(t.from) < t1 && (t.to === undefined || at(t.to) > t0),
    );
    // Overlapping tenures of one post (a handover, an interim) go on separate lines.
    const laneEnds: number[] = [];
    const lanes = tenures.map((t) => {
      const s = at(t.from);
      let lane = laneEnds.findIndex((e) => e <= s);
      if (lane === -1) lane = laneEnds.length;
      laneEnds[lane] = t.to === undefined ? Infinity : at(t.to);
      return lane;
    });
    const laneCount = Math.max(1, laneEnds.length);
    const rowTop = y;
    const titleY = round(rowTop + fontSize);
    const laneH = lineH + BAR_H + 6;
    const fullTitle = post.label;
    const titleLines = wrapText(fullTitle, plotW, fontSize, Infinity, true);
    const titleH = titleLines.length * lineH;
    const barsTop = rowTop + titleH + 4;

    const bars: PostBar[] = tenures.map((t, i) => {
      const s = at(t.from);
      const e = t.to === undefined ? t1 : at(t.to);
      const x = xOf(s);
      const x2 = xOf(e);
      const laneTop = barsTop + lanes[i] * laneH;
      if (t.acting) acting = true;
      return {
        ...t,
        x,
        width: round(Math.max(1.5, x2 - x)),
        y: round(laneTop + lineH + 1),
        height: BAR_H,
        label: '',
        labelLevel: 'hidden' as const,
        labelWidth: 0,
        textX: round(x + 2),
        textY: round(laneTop + fontSize),
        raised: false,
        clippedStart: s < t0,
        clippedEnd: e > t1 || t.to === undefined,
        tip: [
          t.fullLabel,
          post.label,
          t.to
            ? formatDateRange(t.from, t.to, options.words.dates)
            : options.words.from(formatPartialDate(t.from, options.words.dates)),
          t.note ?? '',
        ]
          .filter(Boolean)
          .join('\n'),
      };
    });

    // Each label may run from its bar's start to the next bar's start on its line (or the edge).
    bars.forEach((b, i) => {
      const next = bars.find((_, j) => j > i && lanes[j] === lanes[i]);
      const room = (next ? next.x : left + plotW) - b.textX - 6;
      const forms = holderLabels(b.name, b.acting, options.words, countryOf.get(b.actorId));
      const chosen = forms.find((text) => textWidth(text, fontSize) <= room) ?? '';
      b.label = chosen;
      b.labelLevel = chosen === '' ? 'hidden' : chosen === forms[0] ? 'full' : 'surname';
      b.labelWidth = chosen ? round(textWidth(chosen, fontSize)) : 0;
    });

    // A name that does not fit before the next bar goes on a line of its own above its lane's labels,
    // where it may run on over the bars after it, up to the next name on that line (a phone's short
    // tenures: a predecessor's few weeks at the window's start). Such a line is added only where needed.
    const raised = new Set<number>();
    bars.forEach((b, i) => {
      if (b.label) return;
      const next = bars.find((c, j) => j > i && lanes[j] === lanes[i] && !c.label);
      const room = (next ? next.textX : left + plotW) - b.textX - 6;
      const forms = holderLabels(b.name, b.acting, options.words, countryOf.get(b.actorId));
      const chosen = forms.find((text) => textWidth(text, fontSize) <= room);
      if (!chosen) return;
      b.label = chosen;
      b.labelLevel = chosen === forms[0] ? 'full' : 'surname';
      b.labelWidth = round(textWidth(chosen, fontSize));
      raised.add(i);
    });
    const lifted = Array.from({ length: laneCount }, (_, lane) =>
      bars.some((_, i) => lanes[i] === lane && raised.has(i)),
    );
    const laneTops: number[] = [];
    let laneY = barsTop;
    for (let lane = 0; lane < laneCount; lane++) {
      if (lifted[lane]) laneY += lineH;
      laneTops.push(laneY);
      laneY += laneH;
    }
    bars.forEach((b, i) => {
      const laneTop = laneTops[lanes[i]];
      b.y = round(laneTop + lineH + 1);
      b.raised = raised.has(i);
      b.textY = round(laneTop + fontSize - (b.raised ? lineH : 0));
    });

    // A change wherever a tenure starts or ends inside the window, across that tenure's line only.
    const changes: PostChange[] = [];
    const seen = new Set<string>();
    tenures.forEach((t, i) => {
      for (const date of [t.from, t.to]) {
        if (date === undefined) continue;
        const tt = at(date);
        if (tt <= t0 || tt >= t1) continue;
        const x = xOf(tt);
        const key = `${Math.round(x)}:${lanes[i]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        changes.push({ x, y1: round(bars[i].y - 3), y2: round(bars[i].y + BAR_H + 3), date });
      }
    });
    changes.sort((a, b) => a.x - b.x);

    const height = round(laneY - rowTop + 6);
    y += height;
    return { postId: post.id, titleLines, fullTitle, titleY, y: round(rowTop), height, bars, changes, tenures };
  });

  const plotBottom = y;
  return {
    width: options.width,
    height: Math.ceil(plotBottom + fontSize * 2 + 12),
    fontSize,
    lineHeight: lineH,
    plot: { x: left, y: plotTop, width: round(plotW), height: round(plotBottom - plotTop) },
    rows,
    xTicks: calendarTicks(t0, t1, plotW, { fontSize, overhang: left, dates: options.words.dates }).map((t) => ({
      ...t,
      x: round(left + t.x),
    })),
    axisTopY,
    axisBottomY: round(plotBottom + fontSize + 6),
    uses: { acting },
  };
}
