// The validated timeline data for pages and endpoints, loaded once per build.
import { loadTimelineData } from '../build/data/load';
import type { TimelineData } from '../lib/timeline/schema';
import { sortEvents } from '../lib/timeline/chronology';
import { parsePartialDate } from '../lib/dates';

let cached: TimelineData | undefined;

/** The data of content/data/, validated, with events in date order and tracks in display order. */
export function getTimelineData(_lang: string | undefined = process.env.SITE_LANG): TimelineData {
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

/**
 * The site's languages: the default (at the site root), every language it is written in, and the
 * published ones (the build makes pages for those; the default first).
 */
export function siteLanguages(): { default: string; all: string[]; published: string[] } {
  // TEMPORARY until the translation overlay lands: read the languages list from site.yaml as written.
  const site = getTimelineData().site as { language: string; languages?: { code: string; draft?: boolean }[] };
  const listed = site.languages ?? (process.env.TEMP_LANGS ?? site.language).split(',').map((code) => ({ code }));
  const all = [site.language, ...listed.map((l) => l.code).filter((c) => c !== site.language)];
  const published = all.filter(
    (c) => c === site.language || !(listed.find((l) => l.code === c) as { draft?: boolean } | undefined)?.draft,
  );
  return { default: site.language, all, published };
}
