// The pages the browser walk (walk.test.ts) visits: every built page that is not an event page, and a
// sample of event pages chosen by rule, so that the one event template is seen with each of its parts.
import { listPages } from '../../scripts/lib/site-check.mjs';
import type { TimelineData } from '../../src/lib/timeline/schema';

type Event = TimelineData['events'][number];

/**
 * The sample of events, by rule: the first and the last by date; the first of each track; the one with the
 * longest title; the one with the most sources; and the first that has each optional part the event page
 * draws (an end date, an inferred date, a place, a body, a sourcing note, figures, milestones, links, notes,
 * updates).
 */
export function eventSample(events: Event[]): Event[] {
  const byDate = [...events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const most = (score: (e: Event) => number) =>
    byDate.reduce((best, e) => (score(e) > score(best) ? e : best), byDate[0]);
  const has = (part: keyof Event) =>
    byDate.find((e) => {
      const value = e[part];
      return Array.isArray(value) ? value.length > 0 : Boolean(value);
    });
  const tracks = [...new Set(byDate.map((e) => e.track))];
  const chosen = [
    byDate[0],
    byDate[byDate.length - 1],
    ...tracks.map((t) => byDate.find((e) => e.track === t)),
    most((e) => e.title.length),
    most((e) => e.sources.length),
    ...(
      [
        'end',
        'dateInferred',
        'place',
        'body',
        'sourcingNote',
        'figures',
        'milestones',
        'links',
        'notes',
        'updates',
      ] as (keyof Event)[]
    ).map(has),
  ];
  return [...new Set(chosen.filter((e): e is Event => e !== undefined))];
}

/**
 * The pages to walk (sorted), and every built page. `folders` are the other languages' folders ('es/'):
 * each gets every page but event pages, and the first and last event by date.
 */
export function walkPages(
  dist: string,
  data: TimelineData,
  folders: string[] = [],
): { pages: string[]; all: string[] } {
  const all = listPages(dist);
  const sample = new Set(eventSample(data.events).map((e) => `events/${e.id}/index.html`));
  const below = (p: string) => {
    const folder = folders.find((f) => p.startsWith(f));
    return folder ? p.slice(folder.length) : p;
  };
  // In another language the templates are the same and only the words change: its event pages are
  // the sample's first and last by date.
  const ends = eventSample(data.events)
    .slice(0, 2)
    .map((e) => `events/${e.id}/index.html`);
  const pages = all.filter((p) => {
    const rest = below(p);
    if (!rest.startsWith('events/')) return true;
    return rest === p ? sample.has(rest) : ends.includes(rest);
  });
  const missing = [...sample].filter((p) => !all.includes(p));
  if (missing.length) throw new Error(`event pages not built: ${missing.join(', ')}`);
  return { pages, all };
}
