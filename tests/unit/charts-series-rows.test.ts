// The narrow series chart: a row per month (series-rows.ts).
import { describe, expect, it } from 'vitest';
import { en, uiStrings } from '../../src/lib/ui/strings';

const es = uiStrings('es');
import { DISC_R } from '../../src/lib/charts/series';
import { layoutSeriesRows, MIN_ROW } from '../../src/lib/charts/series-rows';
import { series } from './charts-helpers';

const words = en.charts.series;
const months = (n: number) =>
  Array.from({ length: n }, (_, i) => {
    const m = new Date(Date.UTC(2018, 9 + i, 1));
    const month = `${m.getUTCFullYear()}-${String(m.getUTCMonth() + 1).padStart(2, '0')}`;
    return { month, bp: { value: 40000 + 6000 * (i % 7) }, inad: { value: 9000 + 300 * i } };
  });
const data = series(months(15));
const annotations = [
  { id: 'threat', date: '2019-05-30', label: 'Tariff threat' },
  { id: 'deal', date: '2019-06-07', label: 'Joint declaration' },
  { id: 'rule', date: '2019-07-16', label: 'Transit rule' },
  { id: 'flows', date: '2019-07-22', label: 'Flows down' },
  { id: 'guatemala', date: '2019-07-26', label: 'Guatemala deal' },
];

describe('layoutSeriesRows', () => {
  const l = layoutSeriesRows(data, { width: 360, words, annotations, compact: true });
  const right = l.plot.x + l.plot.width;

  it('gives each month a full-width row at least 24 px high, the rows touching in date order', () => {
    expect(l.rows.map((r) => r.month)).toEqual(months(15).map((m) => m.month));
    l.rows.forEach((r, i) => {
      expect(r.band.height).toBeGreaterThanOrEqual(MIN_ROW);
      expect(r.band.x).toBe(0);
      expect(r.band.width).toBeCloseTo(right, 1);
      if (i > 0) expect(r.band.y).toBeCloseTo(l.rows[i - 1].band.y + l.rows[i - 1].band.height, 1);
    });
    // Scaled to a 358-px column (a 390-px phone), a row keeps 24 px.
    expect((l.rows[0].band.height * 358) / l.width).toBeGreaterThanOrEqual(MIN_ROW);
  });

  it('stacks the measures left to right from the axis, in proportion, inside the row', () => {
    const [oct] = l.rows;
    const [bp, inad] = oct.segments;
    expect(bp.x).toBe(l.plot.x);
    expect(inad.x).toBeCloseTo(bp.x + bp.width, 1);
    expect(bp.width / inad.width).toBeCloseTo(40000 / 9000, 1);
    for (const r of l.rows)
      for (const s of r.segments) {
        expect(s.y).toBeGreaterThan(r.band.y);
        expect(s.y + s.height).toBeLessThan(r.band.y + r.band.height);
        expect(s.x + s.width).toBeLessThanOrEqual(right + 0.01);
      }
    const last = l.xTicks[l.xTicks.length - 1];
    expect(last.x).toBeLessThanOrEqual(right + 0.01);
    expect(Number(last.label.replace('k', '')) * 1000).toBeGreaterThanOrEqual(
      Math.max(...l.rows.map((r) => r.segments.reduce((s, x) => s + x.value, 0))),
    );
  });

  it('names the year beside the first month and each January only', () => {
    expect(l.rows.filter((r) => r.year).map((r) => r.short + r.year)).toEqual(['Oct 2018', 'Jan 2019']);
    const spanish = layoutSeriesRows(data, { width: 360, words: { ...es.charts.series, dates: es.dates } });
    expect(spanish.rows[0].short).toBe(es.dates.short[9]);
  });

  it('puts each event at its day in its month’s row, its rule starting past the bar, its disc in the gutter', () => {
    expect(l.annotations.map((a) => [a.id, a.label])).toEqual(annotations.map((a, i) => [a.id, String(i + 1)]));
    const june = l.rows[8];
    const deal = l.annotations[1];
    expect(deal.y).toBeCloseTo(june.band.y + (june.band.height * 6.5) / 30, 0);
    for (const a of l.annotations) {
      const row = l.rows.find((r) => a.y >= r.band.y && a.y < r.band.y + r.band.height)!;
      expect(a.x1).toBeGreaterThan(row.end);
      expect(a.x2).toBeCloseTo(right, 1);
      expect(a.discX - DISC_R).toBeGreaterThan(right);
      expect(a.discX + DISC_R).toBeLessThanOrEqual(l.width);
    }
  });

  it('spreads the rules of one month at least 5 px apart, in date order, inside the month’s row', () => {
    const july = l.rows[9];
    const rules = l.annotations.filter((a) => ['rule', 'flows', 'guatemala'].includes(a.id)).map((a) => a.y);
    for (let i = 1; i < rules.length; i++) expect(rules[i] - rules[i - 1]).toBeGreaterThanOrEqual(5 - 0.01);
    for (const y of rules) {
      expect(y).toBeGreaterThan(july.band.y);
      expect(y).toBeLessThan(july.band.y + july.band.height);
    }
    // Six events in one month still stay inside its row, in order.
    const six = layoutSeriesRows(data, {
      width: 360,
      words,
      annotations: [1, 5, 9, 13, 17, 30].map((d) => ({
        id: `d${d}`,
        date: `2019-07-${String(d).padStart(2, '0')}`,
        label: 'x',
      })),
    });
    const ys = six.annotations.map((a) => a.y);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeGreaterThan(ys[i - 1]);
    expect(ys[0]).toBeGreaterThan(six.rows[9].band.y);
    expect(ys[ys.length - 1]).toBeLessThan(six.rows[9].band.y + six.rows[9].band.height);
  });

  it('pulls discs that would touch apart, in date order, inside the chart', () => {
    const discs = l.annotations.map((a) => a.discY);
    for (let i = 1; i < discs.length; i++) expect(discs[i] - discs[i - 1]).toBeGreaterThanOrEqual(2 * DISC_R);
    expect(discs[0] - DISC_R).toBeGreaterThanOrEqual(l.plot.y);
    expect(discs[discs.length - 1] + DISC_R).toBeLessThanOrEqual(l.height);
    // The three July discs share the shift up and down: the middle one stays near its rule.
    expect(Math.abs(l.annotations[3].discY - l.annotations[3].y)).toBeLessThan(2 * DISC_R);
  });

  it('leaves the gutter out when nothing is marked, and events outside the months unmarked', () => {
    const plain = layoutSeriesRows(data, { width: 360, words });
    expect(plain.plot.width).toBeGreaterThan(l.plot.width);
    const outside = layoutSeriesRows(data, {
      width: 360,
      words,
      annotations: [{ id: 'later', date: '2021-01-05', label: 'Later' }],
    });
    expect(outside.annotations).toEqual([]);
  });
});
