// The monthly series chart as an SVG tree: what SeriesChart.astro writes into the page and the image
// step paints. From the chart's props and the data (seriesChart), or from one layout (seriesChartSvg).
import type { SvgNode } from '../svg';
import type { TimelineData } from '../timeline/schema';
import { formatNumber, publisherLine } from './axis';
import { chartMeasures, measureValue, sortedMonths, totalMeasure } from '../timeline/series';
import { DISC_R, layoutSeriesChart, monthLabel, type SeriesLayout, type SeriesWords } from './series';
import { layoutSeriesRows, type SeriesRowsLayout } from './series-rows';
import type { UiStrings } from '../ui/strings';
import {
  boxSwatch,
  chartFrame,
  el,
  g,
  hatchPattern,
  hatchSwatch,
  PRESENT,
  monthLabel as monthTickLabel,
  swatch,
  tipItem,
  valueAxis,
  type FrameOptions,
  type LegendItem,
} from './svg-parts';

export interface SeriesChartProps {
  /** The figure's id. */
  id: string;
  /** Id of a series in series.yaml. */
  series: string;
  /** Events to flag: ids, or { id, label } to give a short label (default: the event's title). */
  annotate?: readonly (string | { id: string; label?: string })[];
  /**
   * Ids of the series' measures, stacked from the bottom; a "sum of" measure becomes a line over the
   * others. Default: the measures that are not a "sum of".
   */
  measures?: readonly string[];
}

/** The ids of a variant's hatch patterns, one per measure, and their <defs> where the chart hatches at all. */
function hatches(l: SeriesLayout | SeriesRowsLayout, o: FrameOptions) {
  const hatchId = (slot: number) => `${o.chartId}-${o.variant}-hatch-${slot}`;
  const defs =
    hatched(l) &&
    el(
      'defs',
      {},
      l.barMeasures.map((_, slot) => hatchPattern(hatchId(slot), 6, 2.6, `fill-${slot}`)),
    );
  return { hatchId, defs };
}

/** The bars, axes and flags of one variant of the chart. */
export function seriesChartSvg(l: SeriesLayout, o: FrameOptions): SvgNode {
  const { hatchId, defs } = hatches(l, o);
  const bottom = l.plot.y + l.plot.height;
  return chartFrame(l, o, [
    defs,
    g({ 'aria-hidden': 'true' }, [
      ...valueAxis(l, true),
      ...l.xTicks.map((t) => monthTickLabel(t.x, bottom + l.fontSize + 5, t.label, t.sub, l.fontSize * 1.3)),
      ...l.annotations.map((a) => annotation(l, a)),
    ]),
    ...monthItems(
      l,
      l.bars.map((b) => ({ ...b, band: { x: b.bandX, y: l.plot.y, width: b.bandWidth, height: l.plot.height } })),
      hatchId,
      false,
    ),
  ]);
}

/** The narrow variant: a row per month, values along the top, events numbered in a gutter on the right. */
export function seriesRowsSvg(l: SeriesRowsLayout, o: FrameOptions): SvgNode {
  const { hatchId, defs } = hatches(l, o);
  const { plot } = l;
  const bottom = plot.y + plot.height;
  return chartFrame(l, o, [
    defs,
    g({ 'aria-hidden': 'true' }, [
      g(
        { class: 'grid' },
        l.xTicks.map((t) => el('line', { x1: t.x, x2: t.x, y1: plot.y, y2: bottom })),
      ),
      g(
        { class: 'muted-text' },
        l.xTicks.map((t) => el('text', { x: t.x, y: plot.y - 6, 'text-anchor': 'middle' }, t.label)),
      ),
      el('line', { class: 'axis-line', x1: plot.x, x2: plot.x, y1: plot.y, y2: bottom }),
      ...l.rows.map((r) =>
        el('text', { x: l.labelX, y: r.textY, 'text-anchor': 'end' }, [
          el('tspan', {}, r.short),
          r.year && el('tspan', { class: 'muted-text' }, r.year),
        ]),
      ),
      ...l.annotations.map((a) =>
        g({ class: 'annotation' }, [
          el('path', {
            d: `M${a.x1},${a.y}H${a.x2}L${a.discX - DISC_R},${a.discY}`,
            fill: 'none',
            class: 'stroke-fg',
            'stroke-width': '1',
            'stroke-dasharray': '2 3',
          }),
          ...disc(a.discX, a.discY, a.label, l.fontSize),
        ]),
      ),
    ]),
    ...monthItems(l, l.rows, hatchId, true),
  ]);
}

type MonthMarks = Pick<SeriesLayout['bars'][number], 'month' | 'tip' | 'segments' | 'total'> & {
  band: { x: number; y: number; width: number; height: number };
};

/**
 * The "sum of" line, then the months as focusable marks: each its band (the ring, the target) and its
 * stacked segments, in rows (`across`) or columns.
 */
function monthItems(
  l: SeriesLayout | SeriesRowsLayout,
  months: readonly MonthMarks[],
  hatchId: (slot: number) => string,
  across: boolean,
): SvgNode[] {
  const line =
    l.totalPath &&
    el('path', { d: l.totalPath, class: 'stroke-fg', fill: 'none', 'stroke-width': '1.5', 'aria-hidden': 'true' });
  const items = g(
    { class: 'items' },
    months.map((m, i) =>
      tipItem(
        m.tip,
        i === 0,
        [
          el('rect', { class: 'ring', ...m.band }),
          g({ 'data-anchor': PRESENT }, [
            ...m.segments.flatMap((s) => segment(s, hatched(l) ? hatchId(s.slot) : null, across)),
            total(m.total, hatched(l)),
          ]),
        ],
        {},
        m.month,
      ),
    ),
    'items',
  );
  return line ? [line, items] : [items];
}

/** A numbered disc: the number in the background colour on a foreground circle. */
function disc(x: number, y: number, label: string, fontSize: number): SvgNode[] {
  return [
    el('circle', { cx: x, cy: y, r: DISC_R, class: 'fill-fg' }),
    el(
      'text',
      {
        x,
        y: y + (fontSize - 0.5) * 0.36,
        'text-anchor': 'middle',
        // Half a unit smaller than the chart's text, so that two digits fit the disc; on a phone column
        // (the drawing at 358/360) still 10 px.
        'font-size': fontSize - 0.5,
        class: 'fill-bg strong-text',
      },
      label,
    ),
  ];
}

function annotation(l: SeriesLayout, a: SeriesLayout['annotations'][number]): SvgNode {
  const numbered = l.annotationStyle === 'number';
  const rule = { x1: a.x, x2: a.x, y1: numbered ? a.discY + DISC_R : a.y1, y2: a.y2 };
  return g({ class: 'annotation' }, [
    el('line', { ...rule, class: 'stroke-fg', 'stroke-width': '1', 'stroke-dasharray': '2 3' }),
    ...(numbered
      ? disc(a.x, a.discY, a.label, l.fontSize)
      : [
          el('circle', { cx: a.x, cy: a.y1, r: '2.5', class: 'fill-fg' }),
          el('text', { x: a.textX, y: a.textY, 'text-anchor': a.anchor, class: 'strong-text' }, a.label),
        ]),
  ]);
}

/**
 * Whether first releases are hatched (and totals hollow): only where the chart also has revised values to
 * tell them from. Where every value is a first release, hatching would mark every bar and tell nothing
 * apart (the caption and the table say which release the figures are).
 */
const hatched = (l: Pick<SeriesLayout, 'uses'>) => l.uses.firstRelease && l.uses.revised;

function segment(s: SeriesLayout['bars'][number]['segments'][number], hatch: string | null, across = false): SvgNode[] {
  // Stacked segments keep a hairline of background between them: off the top of each one over the
  // first in a column, off the left of each one after the first in a row.
  const cut = s.slot > 0 ? 1.5 : 0;
  const h = across ? s.height : Math.max(0.5, s.height - cut);
  const w = across ? Math.max(0.5, s.width - cut) : s.width;
  const x = across ? s.x + cut : s.x;
  s = { ...s, x, width: w };
  const bar =
    s.release === 'first-release' && hatch
      ? el('rect', {
          x: s.x + 0.6,
          y: s.y + 0.6,
          width: Math.max(0, s.width - 1.2),
          height: Math.max(0, h - 1.2),
          fill: `url(#${hatch})`,
          class: `stroke-${s.slot}`,
          'stroke-width': '1.2',
        })
      : el('rect', { x: s.x, y: s.y, width: s.width, height: h, class: `fill-${s.slot}` });
  const outline =
    s.derived &&
    el('rect', { x: s.x - 1.5, y: s.y - 1.5, width: s.width + 3, height: h + 3, class: 'derived-outline' });
  return outline ? [bar, outline] : [bar];
}

function total(t: SeriesLayout['bars'][number]['total'], hollowFirst: boolean): SvgNode | undefined {
  if (!t) return undefined;
  return el('circle', {
    cx: t.x,
    cy: t.y,
    r: '3.6',
    class: t.release === 'first-release' && hollowFirst ? 'fill-bg stroke-fg' : 'fill-fg stroke-fg',
    'stroke-width': '1.5',
    'stroke-dasharray': t.derived ? '2 1.5' : undefined,
  });
}

/** The legend: one entry per stacked measure, the "sum of" line, and the release marks the chart uses. */
export function seriesLegend(
  layouts: readonly Pick<SeriesLayout, 'barMeasures' | 'lineMeasure' | 'uses'>[],
  chartId: string,
  words: SeriesWords,
): LegendItem[] {
  const [l] = layouts;
  const uses = (k: keyof SeriesLayout['uses']) => layouts.some((x) => x.uses[k]);
  const items: LegendItem[] = l.barMeasures.map((m, slot) => ({
    swatch: boxSwatch(`fill-${slot}`),
    label: m.label,
  }));
  if (l.lineMeasure) {
    const line = [
      el('path', { d: 'M1,7H21', class: 'stroke-fg', 'stroke-width': '1.5' }),
      el('circle', { cx: '11', cy: '7', r: '3.5', class: 'fill-fg' }),
    ];
    items.push({ swatch: swatch(22, 14, line), label: words.legend.line(l.lineMeasure.label) });
  }
  if (uses('firstRelease') && uses('revised')) {
    const size = { width: 14, height: 14, box: [1, 1, 12, 12] as [number, number, number, number], strokeWidth: 1 };
    items.push({
      swatch: hatchSwatch(size, `${chartId}-legend-hatch`, 'fill-muted', 'stroke-fg'),
      label: words.legend.firstRelease(!!l.lineMeasure),
    });
  }
  if (uses('firstRelease') && uses('revised'))
    items.push({ swatch: boxSwatch('fill-muted'), label: words.legend.revised });
  if (uses('derived'))
    items.push({
      swatch: boxSwatch('derived-outline', 1.5),
      label: words.legend.derived,
    });
  return items;
}

/** Everything the series chart shows, from its props and the data: layouts, trees, legend and texts in `ui`'s words. */
export function seriesChart(
  props: SeriesChartProps,
  data: TimelineData,
  ui: Pick<UiStrings, 'charts' | 'dates' | 'locale'>,
) {
  const words = { ...ui.charts.series, dates: ui.dates, locale: ui.locale };
  const series = data.series.find((s) => s.id === props.series);
  if (!series) {
    const known = data.series.map((s) => s.id).join(', ') || 'none';
    throw new Error(`SeriesChart: unknown series "${props.series}"; known series: ${known}`);
  }
  const measures = chartMeasures(series, props.measures).shown;
  const ids = measures.map((m) => m.id);
  const eventById = new Map(data.events.map((e) => [e.id, e]));
  const annotations = (props.annotate ?? []).map((a) => {
    const ref = typeof a === 'string' ? { id: a } : a;
    const event = eventById.get(ref.id);
    if (!event) throw new Error(`SeriesChart "${props.id}": unknown event id "${ref.id}" in annotate`);
    return { id: event.id, date: event.date, label: ref.label ?? event.label ?? event.title, title: event.title };
  });
  const common = { measures: ids, annotations, words };
  const layouts = {
    wide: layoutSeriesChart(series, { ...common, width: 680, plotHeight: 250 }),
    narrow: layoutSeriesRows(series, { ...common, width: 360, compact: true }),
  };
  const months = sortedMonths(series);

  // A one-paragraph description for assistive technology. A month's total: the series' "sum of"
  // measure where the month gives it, else the sum of the bars.
  const sumMeasure = totalMeasure(series);
  const sums = months.map((m) => ({
    m,
    v:
      (sumMeasure && measureValue(m, sumMeasure.id)?.value) ??
      layouts.wide.barMeasures.reduce((s, k) => s + (measureValue(m, k.id)?.value ?? 0), 0),
  }));
  const peak = sums.reduce((a, b) => (b.v > a.v ? b : a), sums[0]);
  const low = sums.reduce((a, b) => (b.v < a.v ? b : a), sums[0]);
  const whatMeasured = measures.map((m) => m.label.toLowerCase()).join(', ');
  const desc = words.desc(
    whatMeasured,
    monthLabel(months[0].month, ui.dates),
    monthLabel(months[months.length - 1].month, ui.dates),
    [monthLabel(peak.m.month, ui.dates), formatNumber(peak.v, ui.locale)],
    [monthLabel(low.m.month, ui.dates), formatNumber(low.v, ui.locale)],
    hatched(layouts.wide),
  );
  const dateOf = new Map(annotations.map((a) => [a.id, a.date]));
  const variants = (['wide', 'narrow'] as const).map((name) => {
    const l = layouts[name];
    // Numbered flags are explained in a key under the chart.
    const numbered = l.annotationStyle === 'number' ? l.annotations : [];
    const key = numbered.map((a) => ({ n: a.n, date: dateOf.get(a.id)!, label: a.fullLabel }));
    const frame = { chartId: props.id, variant: name, desc };
    const svg = 'rows' in l ? seriesRowsSvg(l, frame) : seriesChartSvg(l, frame);
    return { name, layout: l as SeriesLayout | SeriesRowsLayout, svg, key };
  });
  const allSources = months.flatMap((m) => ids.flatMap((k) => measureValue(m, k)?.sources ?? []));
  return {
    series,
    months,
    measures,
    annotations,
    variants,
    legend: seriesLegend([layouts.wide, layouts.narrow], props.id, words),
    title: series.title,
    caption: series.description,
    source: publisherLine(allSources, 3, ui.charts.publishers),
  };
}
