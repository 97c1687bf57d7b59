// The data files readers and other tools download: events, and each monthly series, as CSV.
import { parsePartialDate } from '../dates';
import { toCsv } from '../csv';
import { formatFigure } from './figures';
import type { Series, Source, TimelineData } from './schema';
import type { UiStrings } from '../ui/strings';

/** The fixed words a data file writes. */
export type CsvWords = Pick<UiStrings, 'csv' | 'words' | 'locale'>;
import { csvColumn, downloadName, measureValue, sortedMonths } from './series';

/** A source on one line: "AP [wire] via The Japan Times, 2019-06-17: Title <url> (read at <archived>)". */
export function sourceLine(s: Source, ui: CsvWords): string {
  const via = s.via ? ui.csv.via(s.via) : '';
  const read = s.archived ? ui.csv.readAt(s.archived) : '';
  return `${s.publisher} [${s.kind}]${via}${s.date ? `, ${s.date}` : ''}: ${s.title} <${s.url}>${read}`;
}

/** One row per event; lists (actors, figures, sources, notes) are joined with " | ". */
export function eventsToCsv(data: Pick<TimelineData, 'events' | 'tracks' | 'actors'>, ui: CsvWords): string {
  const trackLabel = new Map(data.tracks.map((t) => [t.id, t.label]));
  const actorName = new Map(data.actors.map((a) => [a.id, a.name]));
  const header = ui.csv.events;
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
    e.figures.map((f) => `${formatFigure(f, ui)} ${f.label}`).join(' | '),
    e.milestones.map((m) => `${m.date} ${m.kind}${m.didNotHappen ? ui.words.didNotHappen : ''}`).join(' | '),
    e.links.map((l) => `${l.relation} ${l.to}`).join(' | '),
    e.sources.map((s) => sourceLine(s, ui)).join(' | '),
    [...(e.sourcingNote ? [ui.words.onSources(e.sourcingNote)] : []), ...e.notes].join(' | '),
  ]);
  return toCsv(header, rows);
}

/** One row per month: each measure's value, release status, whether derived, and its sources. */
export function seriesToCsv(series: Series, ui: CsvWords): string {
  const words = ui.csv.series;
  const columns = series.measures.map((m) => ({ id: m.id, name: csvColumn(m) }));
  const header = [words.month];
  for (const { name } of columns) header.push(...words.measure(name));
  header.push(words.notes);
  const rows = sortedMonths(series).map((row) => {
    const out: (string | number | boolean | undefined)[] = [row.month];
    const notes: string[] = [];
    for (const { id, name } of columns) {
      const v = measureValue(row, id);
      out.push(v?.value, v?.release, v ? v.derived : undefined, v?.sources.map((s) => sourceLine(s, ui)).join(' | '));
      if (v?.note) notes.push(`${name}: ${v.note}`);
    }
    out.push(notes.join(' | '));
    return out;
  });
  return toCsv(header, rows);
}

/** A series' CSV download: the series, and its file's path from the site's root ("data/<name>.csv"). */
export interface SeriesCsvFile {
  series: Series;
  /** The file's name without ".csv": the series' `download`, else its id. */
  name: string;
  /** "data/<name>.csv", for withBase(). */
  path: string;
}

/**
 * The series CSV files the build writes, one per series, in the order of series.yaml; empty when the
 * content has no series (then nothing should link one).
 */
export function seriesCsvFiles(data: Pick<TimelineData, 'series'>): SeriesCsvFile[] {
  return data.series.map((series) => ({
    series,
    name: downloadName(series),
    path: `data/${downloadName(series)}.csv`,
  }));
}
