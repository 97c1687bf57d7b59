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

/**
 * How many of `n` cards go on each row of a grid of `columns`: full rows, then a last row or two that share
 * the width so that no card stands alone under a full row (7 in three columns: 3, 2, 2; 9 in four: 4, 3, 2).
 * In two columns a last odd card takes its row alone, the row's whole width. KeyFigures.astro's CSS grid
 * does the same on the page (tests/e2e/home.test.ts compares the two); the chart's image takes its rows from here.
 */
export function cardRows(n: number, columns: number): number[] {
  const c = Math.max(1, Math.floor(columns));
  if (n <= 0) return [];
  const full = Math.floor(n / c);
  const rest = n % c;
  const rows = new Array<number>(full).fill(c);
  if (rest === 0) return rows;
  // A lone card under full rows: the last full row and it become two rows (c − 1 cards and 2) where c > 2.
  if (rest === 1 && full > 0 && c > 2) return [...rows.slice(0, -1), c - 1, 2];
  return [...rows, rest];
}
