// The data files readers and other tools download: events and the border series as CSV.
import { parsePartialDate } from '../dates';
import { toCsv } from '../csv';
import { formatFigure } from './figures';
import type { Series, Source, TimelineData } from './schema';

/** A source on one line: "AP [wire] via The Japan Times, 2019-06-17: Title <url> (read at <archived>)". */
export function sourceLine(s: Source): string {
  const via = s.via ? ` via ${s.via}` : '';
  const read = s.archived ? ` (read at <${s.archived}>)` : '';
  return `${s.publisher} [${s.kind}]${via}${s.date ? `, ${s.date}` : ''}: ${s.title} <${s.url}>${read}`;
}

/** One row per event; lists (actors, figures, sources, notes) are joined with " | ". */
export function eventsToCsv(data: Pick<TimelineData, 'events' | 'tracks' | 'actors'>): string {
  const trackLabel = new Map(data.tracks.map((t) => [t.id, t.label]));
  const actorName = new Map(data.actors.map((a) => [a.id, a.name]));
  const header = [
    'id',
    'date',
    'date_precision',
    'end',
    'track',
    'track_label',
    'importance',
    'title',
    'summary',
    'actors',
    'figures',
    'milestones',
    'related',
    'sources',
    'notes',
  ];
  const rows = data.events.map((e) => [
    e.id,
    e.date,
    parsePartialDate(e.date).precision,
    e.end,
    e.track,
    trackLabel.get(e.track),
    e.importance,
    e.title,
    e.summary,
    e.actors.map((id) => actorName.get(id) ?? id).join(' | '),
    e.figures.map((f) => `${formatFigure(f)} ${f.label}`).join(' | '),
    e.milestones.map((m) => `${m.date} ${m.kind}${m.didNotHappen ? ' (did not happen)' : ''}`).join(' | '),
    e.links.map((l) => `${l.relation} ${l.to}`).join(' | '),
    e.sources.map(sourceLine).join(' | '),
    [...(e.sourcingNote ? [`On the sources: ${e.sourcingNote}`] : []), ...e.notes].join(' | '),
  ]);
  return toCsv(header, rows);
}

/** One row per month: each measure's value, release status, whether derived, and its sources. */
export function seriesToCsv(series: Series): string {
  const measures = ['borderPatrol', 'inadmissibles', 'total'] as const;
  const names = {
    borderPatrol: 'border_patrol_apprehensions',
    inadmissibles: 'port_of_entry_inadmissibles',
    total: 'total_encounters',
  };
  const header = ['month'];
  for (const m of measures) header.push(names[m], `${names[m]}_release`, `${names[m]}_derived`, `${names[m]}_sources`);
  header.push('notes');
  const months = [...series.months].sort((a, b) => a.month.localeCompare(b.month));
  const rows = months.map((row) => {
    const out: (string | number | boolean | undefined)[] = [row.month];
    const notes: string[] = [];
    for (const m of measures) {
      const v = row[m];
      out.push(v?.value, v?.release, v ? v.derived : undefined, v?.sources.map(sourceLine).join(' | '));
      if (v?.note) notes.push(`${names[m]}: ${v.note}`);
    }
    out.push(notes.join(' | '));
    return out;
  });
  return toCsv(header, rows);
}
