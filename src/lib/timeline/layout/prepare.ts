// Preparation, once per data set: events parsed, sorted and measured for many layouts (zooms).
import { formatDateRange, formatPartialDate, parsePartialDate, partialDateMidpoint, type DateWords } from '../../dates';
import type { MilestoneKind, Relation } from '../schema';
import type { Warp } from '../warp';
import { DAY, compareText } from './constants';
import type { LayoutEvent, LayoutTrack } from './types';

export interface PMilestone {
  index: number;
  kind: MilestoneKind;
  t: number;
  label?: string;
  didNotHappen: boolean;
  dateText: string;
}

export interface PEvent {
  id: string;
  trackId: string;
  title: string;
  /** The label shown beside the mark. */
  text: string;
  importance: 1 | 2 | 3;
  /** Where the mark sits: the date's midpoint, or a span's first instant; events of the same day share it out. */
  t: number;
  /** 00:00 UTC of the event's date where it names a day (a vertical focus labels that day beside the event). */
  day?: number;
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

/**
 * Parses, sorts and measures events once; pass the result to `layoutPrepared` on every zoom. Dates are
 * written in `dates`' language (the layout words' `dates`; default English).
 */
export function prepareTimeline(
  events: readonly LayoutEvent[],
  tracks: readonly LayoutTrack[],
  dates?: DateWords,
): PreparedTimeline {
  const sortedTracks = [...tracks].sort((a, b) => a.order - b.order || compareText(a.id, b.id));
  const trackById = new Map(sortedTracks.map((t) => [t.id, t]));
  const byTrack = new Map<string, PEvent[]>(sortedTracks.map((t) => [t.id, []]));
  const texts = dateTexts(dates);
  const prepared: PEvent[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const e of events) {
    const track = trackById.get(e.track);
    if (!track) {
      throw new Error(
        `Event "${e.id}" is on track "${e.track}", which is not a track; the tracks are: ${sortedTracks.map((t) => t.id).join(', ')}`,
      );
    }
    const p = prepareEvent(e, track, texts);
    lo = Math.min(lo, p.t0);
    hi = Math.max(hi, p.t1);
    prepared.push(p);
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

interface ParsedDate {
  start: number;
  end: number;
  mid: number;
  text: string;
  /** The date names a day (not only a month or a year). */
  day: boolean;
}

/** Data sets repeat dates a lot: each distinct date, and each range, is parsed and formatted once. */
interface DateTexts {
  date: (text: string) => ParsedDate;
  range: (start: string, end: string) => string;
}

function dateTexts(words?: DateWords): DateTexts {
  const dates = new Map<string, ParsedDate>();
  const ranges = new Map<string, string>();
  return {
    date: (text) => {
      let d = dates.get(text);
      if (!d) {
        const p = parsePartialDate(text);
        d = {
          start: p.start.getTime(),
          end: p.end.getTime(),
          mid: partialDateMidpoint(p),
          text: formatPartialDate(p, words),
          day: p.precision === 'day',
        };
        dates.set(text, d);
      }
      return d;
    },
    range: (start, end) => {
      const key = `${start}/${end}`;
      const text = ranges.get(key) ?? formatDateRange(start, end, words);
      ranges.set(key, text);
      return text;
    },
  };
}

/** One event parsed: where its mark sits, its span and milestones, and the extent of all three. */
function prepareEvent(e: LayoutEvent, track: LayoutTrack, dates: DateTexts): PEvent {
  const start = dates.date(e.date);
  let t: number;
  let spanStart: number | undefined;
  let spanEnd: number | undefined;
  let dateText = start.text;
  if (e.end) {
    const end = dates.date(e.end);
    t = spanStart = start.start;
    spanEnd = Math.max(end.end, spanStart);
    dateText = dates.range(e.date, e.end);
  } else {
    t = start.mid;
  }
  let t0 = t;
  let t1 = spanEnd ?? t;
  let milestones: PMilestone[] = NO_MILESTONES;
  if (e.milestones && e.milestones.length > 0) {
    milestones = e.milestones.map((m, index) => {
      const md = dates.date(m.date);
      t0 = Math.min(t0, md.mid);
      t1 = Math.max(t1, md.mid);
      return {
        index,
        kind: m.kind,
        t: md.mid,
        label: m.label,
        didNotHappen: m.didNotHappen === true,
        dateText: md.text,
      };
    });
  }
  return {
    id: e.id,
    trackId: track.id,
    title: e.title,
    text: e.label ?? e.title,
    importance: e.importance,
    t,
    // Always present (undefined for a month or a year): every event object keeps one shape.
    day: start.day ? start.start : undefined,
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
  };
}

/**
 * Events dated to the same day share that day out, in the order the data lists them: the n-th of
 * k sits at (n + ½)/k of the day instead of all at noon. Invisible at most zooms, it lets a scale
 * that gives a busy day more room (a focus) draw them one after another, each still inside its day.
 */
export function spreadSameDay(events: PEvent[]): void {
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

export const NO_MILESTONES: PMilestone[] = [];
export const NO_LINKS: readonly { to: string; relation: Relation }[] = [];
