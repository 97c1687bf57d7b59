// The chronology as readers see it in the list: events in date order, grouped by month.
import { comparePartialDates, formatPartialDate, parsePartialDate, MONTHS } from '../dates';
import type { TimelineEvent, Track } from './schema';

/** Events in date order (earlier first; at the same start, the more precise date first; then by id). */
export function sortEvents<T extends Pick<TimelineEvent, 'date' | 'id'>>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => comparePartialDates(a.date, b.date) || a.id.localeCompare(b.id));
}

export interface MonthGroup<T> {
  /** "2019-06", or "2019" for events dated to the year only. */
  key: string;
  /** "June 2019", or "2019 (month not known)". */
  label: string;
  events: T[];
}

/** Groups sorted events by calendar month; events dated only to a year form their own group. */
export function groupEventsByMonth<T extends Pick<TimelineEvent, 'date' | 'id'>>(
  events: readonly T[],
): MonthGroup<T>[] {
  const groups: MonthGroup<T>[] = [];
  for (const event of sortEvents(events)) {
    const p = parsePartialDate(event.date);
    const key = p.precision === 'year' ? String(p.year) : `${p.year}-${String(p.month).padStart(2, '0')}`;
    const label = p.precision === 'year' ? `${p.year} (month not known)` : `${MONTHS[p.month! - 1]} ${p.year}`;
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
): string {
  const date = formatPartialDate(event.date);
  return track ? `${date}, ${track.label}: ${event.title}` : `${date}: ${event.title}`;
}
