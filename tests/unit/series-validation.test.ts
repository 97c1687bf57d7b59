// Mistakes in a series' measures stop the build with one line naming the file and line, the series,
// the month or measure, and what to do. Each case writes its own series.yaml (and charts.yaml) into
// a copy of the fixture's data folder, so it does not depend on the fixture's own series.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { DataError, loadTimelineData } from '../../src/build/data/load';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'content', 'data');
const source = { publisher: 'Example', kind: 'primary', title: 'Monthly table', url: 'https://example.org/table' };
const v = (value: number) => ({ value, release: 'final', sources: [source] });

/** charts.yaml with one chart of the series "grain", drawing these measures (default: its parts). */
const seriesChart = (measures?: string[]) => [
  { id: 'grain-chart', kind: 'series', series: 'grain', title: 'Grain', source: 'Example', measures },
];

/** A valid series of two parts and their total, changed by `edit`. */
function seriesYaml(edit: (s: Record<string, any>) => void = () => {}) {
  const series: Record<string, any> = {
    id: 'grain',
    title: 'Grain',
    description: 'Monthly grain.',
    measures: [
      { id: 'wheat', label: 'Wheat' },
      { id: 'barley', label: 'Barley' },
      { id: 'all', label: 'All grain', sumOf: ['wheat', 'barley'] },
    ],
    months: [
      { month: '2019-05', wheat: v(10), barley: v(5), all: v(15) },
      { month: '2019-06', wheat: v(12), all: v(12) },
    ],
  };
  edit(series);
  return [series];
}

/** The problem lines of the fixture's data with this series.yaml and charts.yaml; [] if valid. */
function problems(series: unknown, charts: unknown = seriesChart()): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'series-data-'));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    writeFileSync(join(dir, 'series.yaml'), stringify(series));
    writeFileSync(join(dir, 'charts.yaml'), stringify(charts));
    loadTimelineData(dir);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    expect((error as Error).message).not.toMatch(/\n\s+at /);
    return (error as Error).message.split('\n').slice(1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('series validation', () => {
  it('accepts a series with its own measures, and a chart that draws them', () => {
    expect(problems(seriesYaml(), seriesChart(['wheat', 'barley', 'all']))).toEqual([]);
  });

  it('refuses a value under a measure the series does not declare, naming the month and the measure', () => {
    const lines = problems(seriesYaml((s) => (s.months[1].wheet = v(3))));
    expect(lines).toEqual([
      expect.stringMatching(
        /^ {2}• .*series\.yaml:\d+ — series "grain", field "months › 2 › wheet": 2019-06 gives a value for "wheet", which is not a measure of this series; declare it under "measures" or use one of wheat, barley, all$/,
      ),
    ]);
  });

  it('refuses a month without any value', () => {
    const lines = problems(seriesYaml((s) => (s.months[1] = { month: '2019-06' })));
    expect(lines).toEqual([
      expect.stringMatching(
        /series "grain", field "months › 2 › month": 2019-06 has no value; give at least one of wheat, barley, all$/,
      ),
    ]);
  });

  it('refuses a "sum of" that names an unknown measure, itself, or another sum', () => {
    const lines = problems(
      seriesYaml((s) => {
        s.measures[2].sumOf = ['wheat', 'rye', 'all'];
        s.measures.push({ id: 'twice', label: 'Twice', sumOf: ['all', 'wheat'] });
      }),
    );
    expect(lines).toEqual([
      expect.stringMatching(
        /series "grain", field "measures › 3 › sumOf › 2": there is no measure "rye" in this series; its measures are wheat, barley, all, twice$/,
      ),
      expect.stringMatching(
        /series "grain", field "measures › 3 › sumOf › 3": the measure "all" cannot be a sum of itself$/,
      ),
      expect.stringMatching(
        /series "grain", field "measures › 4 › sumOf › 1": "all" is itself a sum; a "sum of" lists measures that are not sums$/,
      ),
    ]);
  });

  it('refuses a measure declared twice, labels that make the same CSV column, and "month" as an id', () => {
    const lines = problems(
      seriesYaml((s) => {
        s.measures[1] = { id: 'wheat', label: 'WHEAT!' };
        s.measures.push({ id: 'month', label: 'Month' });
      }),
    );
    expect(lines.join('\n')).toMatch(
      /series "grain", field "measures › 4 › id": "month" names the month; give the measure another id/,
    );
    const clash = problems(seriesYaml((s) => (s.measures[1] = { id: 'wheat', label: 'WHEAT!' })));
    expect(clash).toEqual([
      expect.stringMatching(/field "measures › 2 › id": the measure "wheat" is declared twice \(measures 1 and 2\)$/),
      expect.stringMatching(
        /field "measures › 2 › label": measures 1 and 2 would share the CSV column "wheat"; give them labels that differ in more than case or punctuation$/,
      ),
      // "barley" is no longer declared.
      expect.stringMatching(
        /field "measures › 3 › sumOf › 2": there is no measure "barley" in this series; its measures are wheat, all$/,
      ),
      expect.stringMatching(/field "months › 1 › barley": 2019-05 gives a value for "barley"/),
    ]);
  });

  it('refuses a download name the site uses, and two series with one file', () => {
    expect(problems(seriesYaml((s) => (s.download = 'timeline')))).toEqual([
      expect.stringMatching(
        /series "grain", field "download": the series' CSV would be \/data\/timeline\.csv, which the site writes itself; give it another "download" name$/,
      ),
    ]);
    const second = { ...seriesYaml()[0], id: 'oats', download: 'grain' };
    expect(problems([...seriesYaml(), second])).toEqual([
      expect.stringMatching(
        /series "oats", field "download": series 1 and 2 would both be \/data\/grain\.csv; give one another "download" name$/,
      ),
    ]);
  });

  it('refuses a chart that draws a measure its series lacks, or two sums over the parts', () => {
    expect(problems(seriesYaml(), seriesChart(['wheat', 'rye']))).toEqual([
      expect.stringMatching(
        /charts\.yaml:\d+ — chart "grain-chart", field "measures": series "grain" has no measure "rye"; its measures are wheat, barley, all$/,
      ),
    ]);
    const twoSums = seriesYaml((s) => s.measures.push({ id: 'again', label: 'Again', sumOf: ['wheat', 'barley'] }));
    expect(problems(twoSums, seriesChart(['wheat', 'all', 'again']))).toEqual([
      expect.stringMatching(
        /chart "grain-chart", field "measures": a chart draws one "sum of" measure of series "grain" as a line over the others, not 2 \(all, again\); leave out all but one$/,
      ),
    ]);
  });
});
