// The validated timeline data for pages and endpoints, loaded once per build.
import { loadTimelineData } from '../lib/data/load';
import type { TimelineData } from '../lib/timeline/schema';
import { sortEvents } from '../lib/timeline/chronology';

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
