import { describe, expect, it } from 'vitest';
import { en } from '../../src/lib/ui/strings';

const words = en.charts.series;
import { layoutSeriesChart, monthTicks, seriesTip } from '../../src/lib/charts/series';
import { seriesChartSvg, seriesLegend } from '../../src/lib/charts/series-svg';
import { svgNodeToString } from '../../src/lib/svg';
import { series } from './charts-helpers';
import { textWidth } from '../../src/lib/charts/text';

const data = series([
  { month: '2019-05', bp: { value: 132887 }, inad: { value: 11391 }, total: { value: 144278 } },
  {
    month: '2019-06',
    bp: { value: 94902, release: 'final' },
    inad: { value: 9447, derived: true },
    total: { value: 104344, release: 'revised' },
  },
  { month: '2019-07', bp: { value: 71999 }, total: { value: 82049 } },
]);

describe('layoutSeriesChart', () => {
  const l = layoutSeriesChart(data, { width: 600, plotHeight: 200, words });
  const bottom = l.plot.y + l.plot.height;

  it('stacks the measures from the bottom without gaps or overlaps, in proportion to their values', () => {
    const [may] = l.bars;
    const [bp, inad] = may.segments;
    expect(bp.measure).toBe('borderPatrol');
    expect(inad.measure).toBe('inadmissibles');
    expect(bp.y + bp.height).toBeCloseTo(bottom, 1);
    expect(inad.y + inad.height).toBeCloseTo(bp.y, 1);
    expect(bp.height / inad.height).toBeCloseTo(132887 / 11391, 1);
    expect(l.yTicks[l.yTicks.length - 1].value).toBeGreaterThanOrEqual(144278);
  });

  it('keeps bars inside their month bands and the bands in order, without overlap', () => {
    for (let i = 0; i < l.bars.length; i++) {
      const b = l.bars[i];
      for (const s of b.segments) {
        expect(s.x).toBeGreaterThanOrEqual(b.bandX);
        expect(s.x + s.width).toBeLessThanOrEqual(b.bandX + b.bandWidth + 0.01);
      }
      if (i > 0) expect(b.bandX).toBeCloseTo(l.bars[i - 1].bandX + l.bars[i - 1].bandWidth, 1);
    }
    expect(l.bars[l.bars.length - 1].bandX + l.bars[2].bandWidth).toBeLessThanOrEqual(600);
  });

  it('carries each value’s release status and derived flag to its mark', () => {
    expect(l.bars[0].segments[0].release).toBe('first-release');
    expect(l.bars[1].segments[0].release).toBe('final');
    expect(l.bars[1].segments[1].derived).toBe(true);
    expect(l.uses).toEqual({ firstRelease: true, revised: true, derived: true });
  });

  it('leaves out a missing measure instead of drawing a zero', () => {
    expect(l.bars[2].segments.map((s) => s.measure)).toEqual(['borderPatrol']);
  });

  it('draws the total as a line when shown with the other measures, and as bars when alone', () => {
    const withTotal = layoutSeriesChart(data, {
      words,
      width: 600,
      plotHeight: 200,
      measures: ['borderPatrol', 'inadmissibles', 'total'],
    });
    expect(withTotal.lineMeasure?.id).toBe('total');
    expect(withTotal.barMeasures.map((m) => m.id)).toEqual(['borderPatrol', 'inadmissibles']);
    expect(withTotal.bars[1].total?.release).toBe('revised');
    expect(withTotal.totalPath.match(/[ML]/g)).toHaveLength(3);
    const alone = layoutSeriesChart(data, { width: 600, plotHeight: 200, words, measures: ['total'] });
    expect(alone.lineMeasure).toBeUndefined();
    expect(alone.bars[0].segments[0].measure).toBe('total');
  });

  it('gives each month a tooltip with the month, every value and its status', () => {
    expect(l.bars[1].tip).toBe(
      'June 2019\nBorder Patrol apprehensions: 94,902 (final)\nPort-of-entry inadmissibles: 9,447 (first release, derived)',
    );
    expect(seriesTip(data.months[2], [data.measures[1]], words)).toBe(
      'July 2019\nPort-of-entry inadmissibles: not available',
    );
  });

  it('flags events inside their month, by day, with labels in lanes that do not overlap', () => {
    const a = layoutSeriesChart(data, {
      words,
      width: 600,
      plotHeight: 200,
      annotations: [
        { id: 'one', date: '2019-06-07', label: 'A long label for the first event' },
        { id: 'two', date: '2019-06-10', label: 'Another long label' },
        { id: 'out', date: '2020-01-01', label: 'Outside the series' },
        { id: 'month', date: '2019-05', label: 'Month only' },
      ],
    });
    expect(a.annotations.map((x) => x.id)).toEqual(['month', 'one', 'two']);
    const june = a.bars[1];
    const one = a.annotations.find((x) => x.id === 'one')!;
    expect(one.x).toBeCloseTo(june.bandX + (june.bandWidth * 6.5) / 30, 1);
    const may = a.annotations.find((x) => x.id === 'month')!;
    expect(may.x).toBeCloseTo(a.bars[0].bandX + a.bars[0].bandWidth / 2, 1);
    // Labels that would collide go on different lanes; all sit above the plot.
    const two = a.annotations.find((x) => x.id === 'two')!;
    expect(two.textY).not.toBe(one.textY);
    const box = (x: (typeof a.annotations)[number]) => {
      const w = textWidth(x.label, a.fontSize, true);
      return x.anchor === 'start' ? [x.textX, x.textX + w] : [x.textX - w, x.textX];
    };
    for (const p of a.annotations)
      for (const q of a.annotations) {
        if (p === q || p.textY !== q.textY) continue;
        const [p0, p1] = box(p);
        const [q0, q1] = box(q);
        expect(p1 <= q0 || q1 <= p0).toBe(true);
      }
    for (const x of a.annotations) expect(x.textY).toBeLessThan(a.plot.y);
    expect(a.annotations.map((x) => x.n)).toEqual([1, 2, 3]);
  });

  it("ends a flag's rule on the top of the bar it meets, and at the plot's bottom between bars", () => {
    const a = layoutSeriesChart(data, {
      words,
      width: 600,
      plotHeight: 200,
      annotations: [
        { id: 'on', date: '2019-06-15', label: 'Mid-June' },
        { id: 'off', date: '2019-07-01', label: 'First of July' },
      ],
    });
    const bottom = a.plot.y + a.plot.height;
    for (const f of a.annotations) {
      const bar = a.bars.find((b) => b.segments.some((s) => f.x >= s.x && f.x <= s.x + s.width));
      const top = bar ? Math.min(...bar.segments.map((s) => s.y)) : bottom;
      expect(f.y2, f.id).toBeCloseTo(top, 1);
    }
    // Mid-June stands over June's bar; the first of July, in the gap before July's.
    expect(a.annotations.find((f) => f.id === 'on')!.y2).toBeLessThan(bottom - 50);
    expect(a.annotations.find((f) => f.id === 'off')!.y2).toBe(bottom);
  });

  it('numbers the flags in date order in the narrow style', () => {
    const a = layoutSeriesChart(data, {
      words,
      width: 360,
      plotHeight: 200,
      annotationStyle: 'number',
      annotations: [
        { id: 'b', date: '2019-07-01', label: 'Later' },
        { id: 'a', date: '2019-05-30', label: 'Earlier' },
      ],
    });
    expect(a.annotations.map((x) => [x.id, x.label])).toEqual([
      ['a', '1'],
      ['b', '2'],
    ]);
  });
});

describe('monthTicks', () => {
  const months = ['2018-10', '2018-11', '2018-12', '2019-01', '2019-02', '2019-03', '2019-04'];
  it('labels every month when there is room, with the year where it changes', () => {
    const t = monthTicks(months, 0, 60, 11);
    expect(t.map((x) => x.label)).toEqual(['Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar', 'Apr']);
    expect(t.map((x) => x.sub)).toEqual(['2018', '', '', '2019', '', '', '']);
  });
  it('labels fewer months on a calendar rhythm when bands are narrow', () => {
    const t = monthTicks(months, 0, 16, 11);
    expect(t.map((x) => x.label)).toEqual(['Nov', 'Jan', 'Mar']);
    // Centred in their bands, two bands apart.
    expect(t[0].x).toBe(24);
    expect(t[1].x - t[0].x).toBe(32);
    expect(monthTicks(months, 0, 12, 11).map((x) => x.label)).toEqual(['Oct', 'Jan', 'Apr']);
  });
});

describe('hatching for first releases', () => {
  const firstOnly = series([
    { month: '2019-05', bp: { value: 132887 }, inad: { value: 11391 } },
    { month: '2019-06', bp: { value: 94902 }, inad: { value: 9447 } },
  ]);
  const svgOf = (s: typeof firstOnly) => {
    const l = layoutSeriesChart(s, { width: 600, plotHeight: 200, words });
    const svg = svgNodeToString(seriesChartSvg(l, { chartId: 'c', variant: 'wide', desc: '' }));
    return { svg, legend: seriesLegend([l], 'c', words).map((i) => i.label) };
  };

  it('marks first releases only where the chart also has revised values to tell them from', () => {
    const mixed = svgOf(data);
    expect(mixed.svg).toContain('<pattern');
    expect(mixed.svg).toMatch(/fill="url\(#c-wide-hatch-0\)"/);
    expect(mixed.legend).toContainEqual(expect.stringMatching(/^Hatched/));
    expect(mixed.legend).toContain(words.legend.revised);
  });

  it('draws every bar solid, and names no hatching, where every value is a first release', () => {
    const plain = svgOf(firstOnly);
    expect(plain.svg).not.toContain('<pattern');
    expect(plain.svg).not.toContain('url(#');
    expect(plain.legend).not.toContainEqual(expect.stringMatching(/^Hatched/));
    expect(plain.legend).not.toContain(words.legend.revised);
    expect(plain.legend.slice(0, 2)).toEqual(['Border Patrol apprehensions', 'Port-of-entry inadmissibles']);
  });
});
