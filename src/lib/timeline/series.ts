// Reading a monthly series through the measures it declares (see Series in schema.ts): a month's
// value of a measure, the measures a chart shows unless told otherwise, the CSV column and file names.
import type { Series, SeriesMeasure, SeriesMonth, SeriesValue } from './schema';

/** The month's value of the measure `id`, if it gives one (own keys only: not "toString" from Object). */
export function measureValue(month: SeriesMonth, id: string): SeriesValue | undefined {
  return id !== 'month' && Object.hasOwn(month, id) ? month[id] : undefined;
}

/** The measure ids a month gives values for, in the month's own order. */
export function monthMeasureIds(month: SeriesMonth): string[] {
  return Object.keys(month).filter((k) => k !== 'month');
}

/** The months in calendar order. */
export function sortedMonths(series: Series): SeriesMonth[] {
  return [...series.months].sort((a, b) => a.month.localeCompare(b.month));
}

/** What a chart shows when it names no measures: the parts, not their totals (all, if every one is a total). */
export function defaultMeasures(series: Series): string[] {
  const parts = series.measures.filter((m) => !m.sumOf);
  return (parts.length > 0 ? parts : series.measures).map((m) => m.id);
}

/** The series' first "sum of" measure: a month's total, where the month gives it. */
export function totalMeasure(series: Series): SeriesMeasure | undefined {
  return series.measures.find((m) => m.sumOf);
}

/** A value with the measure's unit, if it has one: "94,897" or "94,897 people". */
export function withUnit(formatted: string, measure: Pick<SeriesMeasure, 'unit'>): string {
  return measure.unit ? `${formatted} ${measure.unit}` : formatted;
}

/** The measure's CSV column: its label in snake_case ("Arrivals by sea" → arrivals_by_sea), else its id. */
export function csvColumn(measure: Pick<SeriesMeasure, 'id' | 'label'>): string {
  const words = measure.label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu);
  return words ? words.join('_') : measure.id;
}

/** File names the site writes in /data/ itself: a series download may not take them. */
export const RESERVED_DOWNLOADS: readonly string[] = ['timeline'];

/** The name of the series' CSV download without ".csv": /data/<name>.csv. */
export function downloadName(series: Pick<Series, 'id' | 'download'>): string {
  return series.download ?? series.id;
}

/**
 * The series' measures with these ids, in this order, split into stacked bars and a line: a "sum of"
 * measure shown with parts is the line (one at most); shown only with other sums, sums are bars.
 * Throws, naming the series and the measure, when an id is not one of its measures.
 */
export function chartMeasures(series: Series, ids: readonly string[] = defaultMeasures(series)) {
  const byId = new Map(series.measures.map((m) => [m.id, m]));
  const known = () => series.measures.map((m) => m.id).join(', ');
  const shown = ids
    .filter((id, i, a) => a.indexOf(id) === i)
    .map((id) => {
      const m = byId.get(id);
      if (!m) throw new Error(`series "${series.id}" has no measure "${id}"; its measures are ${known()}`);
      return m;
    });
  if (shown.length === 0) throw new Error(`series "${series.id}": no measures to show`);
  const parts = shown.filter((m) => !m.sumOf);
  const sums = shown.filter((m) => m.sumOf);
  if (parts.length > 0 && sums.length > 1) {
    const names = sums.map((m) => m.id).join(', ');
    throw new Error(
      `a chart draws one "sum of" measure of series "${series.id}" as a line over the others, not ${sums.length} (${names}); leave out all but one`,
    );
  }
  return { shown, bars: parts.length > 0 ? parts : sums, line: parts.length > 0 ? sums[0] : undefined };
}
