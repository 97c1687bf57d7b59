// The chronology as readers see it in the list: events in date order, grouped by month.
import { comparePartialDates, formatPartialDate, monthKey, parsePartialDate, type DateWords } from '../dates';
import { en, type UiStrings } from '../ui/strings';
import type { TimelineEvent, Track } from './schema';

/** Events in date order (earlier first; at the same start, the more precise date first; then by id). */
export function sortEvents<T extends Pick<TimelineEvent, 'date' | 'id'>>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => comparePartialDates(a.date, b.date) || a.id.localeCompare(b.id));
}

export interface MonthGroup<T> {
  /** "2019-06", or "2019" for events dated to the year only. */
  key: string;
  /** "June 2019" ("junio de 2019"), or "2019 (month not known)" ("2019 (mes desconocido)"). */
  label: string;
  events: T[];
}

/**
 * Groups sorted events by calendar month, headed in `ui`'s language; events dated only to a year form
 * their own group.
 */
export function groupEventsByMonth<T extends Pick<TimelineEvent, 'date' | 'id'>>(
  events: readonly T[],
  ui: Pick<UiStrings, 'dates' | 'chronology'> = en,
): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (const event of sortEvents(events)) {
    const p = parsePartialDate(event.date);
    const key = p.precision === 'year' ? String(p.year) : monthKey(p);
    const label = p.precision === 'year' ? ui.chronology.yearOnly(p.year) : formatPartialDate(key, ui.dates);
    const last = groups.at(-1);
    if (last && last.key === key) last.events.push(event);
    else groups.push({ key, label, events: [event] });
  }
  return groups;
}

/** The name a screen reader gives an event: "7 June 2019, Council: The council adopts the budget". */
export function eventAccessibleName(
  event: Pick<TimelineEvent, 'date' | 'title'>,
  track: Pick<Track, 'label'> | undefined,
  dates?: DateWords,
): string {
  const date = formatPartialDate(event.date, dates);
  return track ? `${date}, ${track.label}: ${event.title}` : `${date}: ${event.title}`;
}
