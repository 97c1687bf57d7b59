// The validated timeline data for pages and endpoints, loaded once per build and language.
import { loadTimelineData } from '../build/data/load';
import { languagesOf, loadTranslatedData, type SiteLanguages } from '../build/data/translations';
import type { TimelineData } from '../lib/timeline/schema';
import { sortEvents } from '../lib/timeline/chronology';
import { parsePartialDate } from '../lib/dates';
import { typesetData } from '../lib/text/typeset';

const cached = new Map<string, TimelineData>();

/**
 * The data as loaded (default language under '', another under its code), sorted for display, its text
 * with typographic quotation marks and apostrophes (typeset: after the translation is laid over it, whose
 * source titles are keyed by the English as typed).
 */
function load(key: string): TimelineData {
  let data = cached.get(key);
  if (!data) {
    const loaded = typesetData(key === '' ? loadTimelineData() : loadTranslatedData(key));
    data = {
      ...loaded,
      tracks: [...loaded.tracks].sort((a, b) => a.order - b.order),
      events: sortEvents(loaded.events),
    };
    cached.set(key, data);
  }
  return data;
}

/**
 * The data of content/data/, validated, with events in date order and tracks in display order, in a
 * language: by default the one this build makes (SITE_LANG, set by scripts/build.mjs for each language
 * but the default; none: the default). For a language other than the default: the same data with its
 * text from content/data/<lang>/ and `site.language` set to it (a DataError when that translation has
 * problems, or is published and incomplete).
 */
export function getTimelineData(lang: string | undefined = process.env.SITE_LANG): TimelineData {
  const base = load('');
  // The default language under its own code is the same object.
  return lang === undefined || lang === base.site.language ? base : load(lang);
}

/** The site's languages: the default first; the build makes pages for `published` (the non-draft ones). */
export function siteLanguages(): SiteLanguages {
  return languagesOf(load('').site);
}

let extents: { id: string; start: number; end: number }[] | undefined;

/** Each event's first and last instant (ms, UTC), parsed once per build for the pages that filter by time. */
export function eventExtents(): { id: string; start: number; end: number }[] {
  extents ??= load('').events.map((e) => ({
    id: e.id,
    start: parsePartialDate(e.date).start.getTime(),
    end: parsePartialDate(e.end ?? e.date).end.getTime(),
  }));
  return extents;
}

let indexById: Map<string, number> | undefined;

/** Each event's position in date order (getTimelineData().events), by id: built once, not scanned per page. */
export function eventIndex(): Map<string, number> {
  indexById ??= new Map(load('').events.map((e, i) => [e.id, i]));
  return indexById;
}
