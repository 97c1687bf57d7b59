// Cross-checks of the monthly series and their measures (see validate.ts for the rest): every
// value in a month belongs to a declared measure, "sum of" names measures of its series, CSV
// columns and file names do not clash, and series charts draw measures their series has.
import type { Series, TimelineData } from './schema';
import { chartMeasures, csvColumn, downloadName, monthMeasureIds, RESERVED_DOWNLOADS } from './series';

type Add = (path: (string | number)[], message: string) => void;

/** "a, b, c": each id once. */
const list = (ids: readonly string[]) => [...new Set(ids)].join(', ');

/** Adds a problem for each inconsistency between the series, their measures, their months and their charts. */
export function checkSeries(data: Pick<TimelineData, 'series' | 'charts'>, add: Add): void {
  const downloads = new Map<string, number>();
  data.series.forEach((series, s) => {
    checkMeasures(series, s, add);
    checkMonths(series, s, add);
    const name = downloadName(series);
    const at = ['series', s, series.download ? 'download' : 'id'];
    const first = downloads.get(name);
    if (RESERVED_DOWNLOADS.includes(name)) {
      add(
        at,
        `the series' CSV would be /data/${name}.csv, which the site writes itself; give it another "download" name`,
      );
    } else if (first !== undefined) {
      add(at, `series ${first + 1} and ${s + 1} would both be /data/${name}.csv; give one another "download" name`);
    } else downloads.set(name, s);
  });

  data.charts.forEach((chart, i) => {
    if (chart.kind !== 'series' || !chart.measures) return;
    const series = data.series.find((x) => x.id === chart.series);
    if (!series) return; // validate.ts reports the unknown series.
    try {
      chartMeasures(series, chart.measures);
    } catch (e) {
      add(['charts', i, 'measures'], (e as Error).message);
    }
  });
}

/** Measure ids and CSV columns once each; "sum of" lists other measures of the series that are not sums. */
function checkMeasures(series: Series, s: number, add: Add): void {
  const ids = new Map<string, number>();
  const columns = new Map<string, number>();
  series.measures.forEach((m, j) => {
    const path = ['series', s, 'measures', j];
    const first = ids.get(m.id);
    if (first !== undefined) {
      add([...path, 'id'], `the measure "${m.id}" is declared twice (measures ${first + 1} and ${j + 1})`);
    } else ids.set(m.id, j);
    const column = csvColumn(m);
    const clash = columns.get(column);
    if (clash !== undefined) {
      add(
        [...path, 'label'],
        `measures ${clash + 1} and ${j + 1} would share the CSV column "${column}"; give them labels that differ in more than case or punctuation`,
      );
    } else columns.set(column, j);
  });
  const known = series.measures.map((m) => m.id);
  series.measures.forEach((m, j) => {
    m.sumOf?.forEach((id, k) => {
      const part = series.measures.find((x) => x.id === id);
      const path = ['series', s, 'measures', j, 'sumOf', k];
      if (id === m.id) add(path, `the measure "${m.id}" cannot be a sum of itself`);
      else if (!part) add(path, `there is no measure "${id}" in this series; its measures are ${list(known)}`);
      else if (part.sumOf) add(path, `"${id}" is itself a sum; a "sum of" lists measures that are not sums`);
    });
  });
}

/** Each month gives values only for declared measures, and at least one. */
function checkMonths(series: Series, s: number, add: Add): void {
  const known = series.measures.map((m) => m.id);
  series.months.forEach((month, i) => {
    const given = monthMeasureIds(month);
    for (const id of given) {
      if (!known.includes(id)) {
        add(
          ['series', s, 'months', i, id],
          `${month.month} gives a value for "${id}", which is not a measure of this series; declare it under "measures" or use one of ${list(known)}`,
        );
      }
    }
    if (given.length === 0)
      add(['series', s, 'months', i, 'month'], `${month.month} has no value; give at least one of ${list(known)}`);
  });
}
