// A monthly series names its measures in content: the chart's stacking, legend, tooltips and the
// CSV's columns come from those declarations, whatever the measures are called.
import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/ui/strings';

const words = en.charts.series;
import { layoutSeriesChart } from '../../src/lib/charts/series';
import { seriesChart } from '../../src/lib/charts/series-svg';
import { seriesCsvFiles, seriesToCsv } from '../../src/lib/timeline/exports';
import { chartMeasures, csvColumn, defaultMeasures, measureValue } from '../../src/lib/timeline/series';
import type { TimelineData } from '../../src/lib/timeline/schema';
import { svgNodeToString } from '../../src/lib/svg';
import { monthlySeries } from './charts-helpers';

// Not the main story's measures: three parts with a unit, and their total.
const harvest = monthlySeries(
  [
    { id: 'wheat', label: 'Wheat harvested', unit: 't' },
    { id: 'barley', label: 'Barley harvested', unit: 't' },
    { id: 'oats', label: 'Oats (rolled & whole)', unit: 't' },
    { id: 'all', label: 'All grain', unit: 't', sumOf: ['wheat', 'barley', 'oats'] },
  ],
  [
    { month: '2020-02', wheat: { value: 20 }, barley: { value: 5 }, oats: { value: 1 }, all: { value: 26 } },
    {
      month: '2020-01',
      wheat: { value: 10, release: 'final' },
      barley: { value: 4, derived: true },
      all: { value: 15 },
    },
  ],
);

describe('a series with its own measures', () => {
  it('shows the parts by default, stacked in the declared order, and the total as a line when asked', () => {
    expect(defaultMeasures(harvest)).toEqual(['wheat', 'barley', 'oats']);
    const l = layoutSeriesChart(harvest, { width: 600, plotHeight: 200, words });
    expect(l.barMeasures.map((m) => m.id)).toEqual(['wheat', 'barley', 'oats']);
    expect(l.lineMeasure).toBeUndefined();
    expect(l.bars[0].month).toBe('2020-01');
    expect(l.bars[0].segments.map((s) => s.measure)).toEqual(['wheat', 'barley']);
    const withLine = layoutSeriesChart(harvest, {
      width: 600,
      plotHeight: 200,
      words,
      measures: ['all', 'oats', 'wheat'],
    });
    expect(withLine.barMeasures.map((m) => m.id)).toEqual(['oats', 'wheat']);
    expect(withLine.lineMeasure?.id).toBe('all');
    expect(withLine.bars.map((b) => b.total?.value)).toEqual([15, 26]);
  });

  it('names the measures in the tooltips, with their unit, and in the legend', () => {
    const l = layoutSeriesChart(harvest, { width: 600, plotHeight: 200, words, measures: ['wheat', 'barley', 'all'] });
    expect(l.bars[0].tip).toBe(
      'January 2020\nWheat harvested: 10 t (final)\nBarley harvested: 4 t (first release, derived)\nAll grain: 15 t (first release)',
    );
    const data = { series: [harvest], events: [] } as unknown as TimelineData;
    const chart = seriesChart({ id: 'c', series: harvest.id, measures: ['wheat', 'barley', 'all'] }, data, en);
    expect(chart.legend.slice(0, 3).map((i) => i.label)).toEqual([
      'Wheat harvested',
      'Barley harvested',
      'All grain (line)',
    ]);
    expect(svgNodeToString(chart.variants[0].svg)).toContain(
      'Monthly bars of wheat harvested, barley harvested, all grain, January 2020 to February 2020. Highest in February 2020 (26)',
    );
  });

  it('draws a total alone, or totals only, as bars', () => {
    expect(chartMeasures(harvest, ['all'])).toMatchObject({ bars: [{ id: 'all' }], line: undefined });
    const totalsOnly = monthlySeries(
      [{ id: 'n', label: 'N', sumOf: ['a', 'b'] }],
      [{ month: '2020-01', n: { value: 3 } }],
    );
    expect(defaultMeasures(totalsOnly)).toEqual(['n']);
  });

  it('refuses a measure the series does not declare, and two totals over parts, naming the series', () => {
    expect(() => chartMeasures(harvest, ['wheat', 'rye'])).toThrow(
      'series "test-series" has no measure "rye"; its measures are wheat, barley, oats, all',
    );
    const two = monthlySeries(
      [
        { id: 'a', label: 'A' },
        { id: 'b', label: 'B' },
        { id: 's1', label: 'S1', sumOf: ['a', 'b'] },
        { id: 's2', label: 'S2', sumOf: ['a', 'b'] },
      ],
      [{ month: '2020-01', a: { value: 1 } }],
    );
    expect(() => chartMeasures(two, ['a', 's1', 's2'])).toThrow(
      'a chart draws one "sum of" measure of series "test-series" as a line over the others, not 2 (s1, s2); leave out all but one',
    );
  });

  it('reads only the values a month gives, never inherited properties', () => {
    const jan = harvest.months.find((m) => m.month === '2020-01')!;
    expect(measureValue(jan, 'oats')).toBeUndefined();
    expect(measureValue(jan, 'toString')).toBeUndefined();
    expect(measureValue(jan, 'month')).toBeUndefined();
    expect(measureValue(jan, 'wheat')?.value).toBe(10);
  });
});

describe('series CSV', () => {
  it('names its columns after the measures’ labels, in snake_case, in the declared order', () => {
    expect(csvColumn({ id: 'x', label: 'Border Patrol apprehensions' })).toBe('border_patrol_apprehensions');
    expect(csvColumn({ id: 'x', label: 'Port-of-entry inadmissibles' })).toBe('port_of_entry_inadmissibles');
    expect(csvColumn({ id: 'x', label: 'Oats (rolled & whole)' })).toBe('oats_rolled_whole');
    expect(csvColumn({ id: 'x', label: 'Café arrivées' })).toBe('cafe_arrivees');
    expect(csvColumn({ id: 'x', label: 'وصول' })).toBe('وصول');
    expect(csvColumn({ id: 'fallback', label: '—' })).toBe('fallback');
    const [header, jan, feb] = seriesToCsv(harvest, en).trim().split(/\r?\n/);
    expect(header.split(',')).toEqual([
      'month',
      ...['wheat_harvested', 'barley_harvested', 'oats_rolled_whole', 'all_grain'].flatMap((c) => [
        c,
        `${c}_release`,
        `${c}_derived`,
        `${c}_sources`,
      ]),
      'notes',
    ]);
    expect(jan.startsWith('2020-01,10,final,false,')).toBe(true);
    expect(feb.startsWith('2020-02,20,first-release,false,')).toBe(true);
  });

  it('lists one file per series, named by `download` or else the id, and none without a series', () => {
    expect(seriesCsvFiles({ series: [] })).toEqual([]);
    const files = seriesCsvFiles({ series: [harvest, { ...harvest, id: 'other', download: 'grain' }] });
    expect(files.map((f) => [f.name, f.path])).toEqual([
      ['test-series', 'data/test-series.csv'],
      ['grain', 'data/grain.csv'],
    ]);
  });
});
