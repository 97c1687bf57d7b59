// The validated timeline data for pages and endpoints, loaded once per build.
import { loadTimelineData } from '../build/data/load';
import type { TimelineData } from '../lib/timeline/schema';
import { sortEvents } from '../lib/timeline/chronology';
import { parsePartialDate } from '../lib/dates';

let cached: TimelineData | undefined;

/** The data of content/data/, validated, with events in date order and tracks in display order. */
export function getTimelineData(): TimelineData {
  if (!cached) {
    const data = loadTimelineData();
    cached = {
      ...data,
      tracks: [...data.tracks].sort((a, b) => a.order - b.order),
      events: sortEvents(data.events),
    };
  }
  return cached;
}

let extents: { id: string; start: number; end: number }[] | undefined;

/** Each event's first and last instant (ms, UTC), parsed once per build for the pages that filter by time. */
export function eventExtents(): { id: string; start: number; end: number }[] {
  extents ??= getTimelineData().events.map((e) => ({
    id: e.id,
    start: parsePartialDate(e.date).start.getTime(),
    end: parsePartialDate(e.end ?? e.date).end.getTime(),
  }));
  return extents;
}

let indexById: Map<string, number> | undefined;

/** Each event's position in date order (getTimelineData().events), by id: built once, not scanned per page. */
export function eventIndex(): Map<string, number> {
  indexById ??= new Map(getTimelineData().events.map((e, i) => [e.id, i]));
  return indexById;
}
