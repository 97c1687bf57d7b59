// What the browser receives for one timeline: the layout's input (never the full data, never
// zod), as JSON in a <script type="application/json">. The client lays out from exactly this,
// with exactly these options, so its first render equals the build's.
import { parsePartialDate } from '../dates';
import type { LayoutEvent, LayoutOptions, LayoutTrack, Period } from './layout';
import type { TimelineEvent, Track } from './schema';
import type { UiStrings } from '../ui/strings';

export interface TimelineVariant {
  /** 'wide' (horizontal), 'column' (horizontal, 560–719 px containers) or 'narrow' (vertical, small screens). */
  name: 'wide' | 'column' | 'narrow';
  options: LayoutOptions;
}

/** What the browser lays out for one timeline: the page's payload with the chart's events and words in it. */
export interface TimelinePayload extends ShippedPayload {
  events: LayoutEvent[];
  ui: UiStrings['timelineClient'];
}

/**
 * The payload as the page ships it. A chart of a few events (an event page's neighbours) carries
 * them and its words; a chart of all the events of its tracks names the file of every event instead
 * (/data/timeline-events.json, one request for every such chart, cached from page to page), and the
 * browser takes that file's words and its events of the chart's tracks, in the file's order.
 */
export interface ShippedPayload {
  /** The chart's id (its deep links carry it: ?chart=<id>&event=<event id>). */
  chart: string;
  events?: LayoutEvent[];
  /** Where every event is (TimelineEventsFile), when `events` is not given. */
  eventsUrl?: string;
  tracks: LayoutTrack[];
  variants: TimelineVariant[];
  /** Site path of an event's page, with {id} for the event id. */
  eventHref: string;
  /** Where the details of every event are: /data/timeline-details.json under the base. */
  detailsUrl: string;
  /** The words the interactive chart writes (tooltips, status line, details panel), in the page's language. */
  ui?: UiStrings['timelineClient'];
}

/** /data/timeline-events.json: every event of the site, in the data's order, as the layout takes it, and the chart's words. */
export interface TimelineEventsFile {
  events: LayoutEvent[];
  ui: UiStrings['timelineClient'];
}

/** The layout's view of an event: what it draws, nothing more. */
export function toLayoutEvent(e: TimelineEvent): LayoutEvent {
  return {
    id: e.id,
    date: e.date,
    ...(e.end ? { end: e.end } : {}),
    track: e.track,
    title: e.title,
    ...(e.label ? { label: e.label } : {}),
    importance: e.importance,
    ...(e.milestones.length
      ? {
          milestones: e.milestones.map((m) => ({
            kind: m.kind,
            date: m.date,
            ...(m.label ? { label: m.label } : {}),
            ...(m.didNotHappen ? { didNotHappen: true } : {}),
          })),
        }
      : {}),
    ...(e.links.length ? { links: e.links.map((l) => ({ to: l.to, relation: l.relation })) } : {}),
  };
}

/** The layout's view of a track. */
export function toLayoutTrack(t: Track): LayoutTrack {
  return { id: t.id, label: t.label, order: t.order, shape: t.shape };
}

/** [startMs, endMs] covering two partial dates entirely. */
export function windowDomain(start: string, end: string): [number, number] {
  return [parsePartialDate(start).start.getTime(), parsePartialDate(end).end.getTime()];
}

/** JSON safe inside <script type="application/json">: "<" is escaped, so "</script>" cannot end it. */
export function serializePayload(payload: unknown): string {
  return JSON.stringify(payload)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Periods as the layout wants them. */
export function toPeriods(periods: readonly Period[]): Period[] {
  return periods.map((p) => ({ id: p.id, label: p.label, start: p.start, end: p.end }));
}
