// What a timeline's details panel shows for each event, prepared at build time for EventDetails.astro,
// which renders it into /data/timeline-details.json (fetched when a reader first opens an event).
import { formatDateRange, formatPartialDate } from '../dates';
import { formatFigure } from './figures';
import { milestonePhrase, milestoneWords } from './milestones';
import { relatedEvents } from './relations';
import type { TimelineData } from './schema';
import type { UiStrings } from '../ui/strings';

export interface EventDetails {
  id: string;
  dateText: string;
  trackLabel: string;
  title: string;
  summary: string;
  milestones: string[];
  figures: string[];
  actors: string[];
  related: { id: string; label: string; title: string }[];
  notes: string[];
  sources: {
    publisher: string;
    via?: string;
    title: string;
    url: string;
    date?: string;
    archived?: string;
    /** The page's language when the source gives one. */
    language?: string;
  }[];
}

/** Details of every event, keyed by id, with the fixed words in `ui`'s language. */
export function eventDetails(
  data: Pick<TimelineData, 'events' | 'tracks' | 'actors'>,
  ui: Pick<UiStrings, 'relations' | 'words' | 'locale' | 'dates' | 'milestones'>,
): Record<string, EventDetails> {
  const { words } = ui;
  const phrase = milestoneWords(ui);
  const trackLabel = new Map(data.tracks.map((t) => [t.id, t.label]));
  const actorName = new Map(data.actors.map((a) => [a.id, a.name]));
  const out: Record<string, EventDetails> = {};
  for (const e of data.events) {
    out[e.id] = {
      id: e.id,
      dateText: formatDateRange(e.date, e.end, ui.dates) + (e.dateInferred ? words.dateInferred : ''),
      trackLabel: trackLabel.get(e.track) ?? e.track,
      title: e.title,
      summary: e.summary,
      milestones: e.milestones.map((m) => `${formatPartialDate(m.date, ui.dates)}: ${milestonePhrase(m, phrase)}`),
      figures: e.figures.map((f) => `${formatFigure(f, ui)} — ${f.label}`),
      actors: e.actors.map((id) => actorName.get(id) ?? id),
      related: relatedEvents(e, data.events, ui).map((r) => ({ id: r.event.id, label: r.label, title: r.event.title })),
      notes: e.sourcingNote ? [words.onSources(e.sourcingNote), ...e.notes] : e.notes,
      sources: e.sources.map((s) => ({
        publisher: s.publisher,
        ...(s.via ? { via: s.via } : {}),
        title: s.title,
        url: s.url,
        ...(s.date ? { date: formatPartialDate(s.date, ui.dates) } : {}),
        ...(s.archived ? { archived: s.archived } : {}),
        ...(s.language ? { language: s.language } : {}),
      })),
    };
  }
  return out;
}
