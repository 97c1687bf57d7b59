// The key figures of a set of events (figures marked `key: true`), in the events' order,
// each with what a card shows: the formatted value, its label, the event and its first source.
import type { Source, TimelineEvent } from '../timeline/schema';
import { formatDateRange } from '../dates';
import { formatFigure } from '../timeline/figures';
import type { UiStrings } from '../ui/strings';

export interface KeyFigure {
  /** "about 6,000 troops". */
  value: string;
  label: string;
  approximate: boolean;
  eventId: string;
  eventTitle: string;
  /** The event's date as written ("2019-06-07"), for <time datetime>. */
  date: string;
  /** "7 June 2019" or "30 May – 7 June 2019". */
  dateText: string;
  source?: Source;
}

/** Every figure marked key in `events` (or in the events named by `eventIds`, in that order). */
export function collectKeyFigures(
  events: readonly TimelineEvent[],
  ui: Pick<UiStrings, 'words' | 'locale' | 'dates'>,
  eventIds?: readonly string[],
): KeyFigure[] {
  let chosen: readonly TimelineEvent[] = events;
  if (eventIds) {
    const byId = new Map(events.map((e) => [e.id, e]));
    chosen = eventIds.map((id) => {
      const e = byId.get(id);
      if (!e) throw new Error(`KeyFigures: unknown event id "${id}"`);
      return e;
    });
  }
  return chosen.flatMap((e) =>
    e.figures
      .filter((f) => f.key)
      .map((f) => ({
        value: formatFigure(f, ui),
        label: f.label,
        approximate: f.approximate,
        eventId: e.id,
        eventTitle: e.title,
        date: e.date,
        dateText: formatDateRange(e.date, e.end, ui.dates),
        source: e.sources[0],
      })),
  );
}
