// The companion charts' images (series, steps, period, posts): the wide variant of the chart's model
// (chartModel in src/lib/charts/models.ts, the same tree the page writes), painted with the rules
// below, which say in attributes what charts.css says for a static chart, and the model's legend.
// Registered in drawings.ts: series: (chart, data, theme, ui) => companionDrawing(chartModel(chart, data, 'wide', ui), theme)
import type { SvgNode } from '../../lib/svg';
import type { ChartDrawing } from './chart-image';
import { paint, type PaintRule, type PaintTheme } from './paint';

/** What the image takes of a chart model: its <svg>, its size and its legend. */
export interface CompanionModel {
  svg: SvgNode;
  width: number;
  height: number;
  legend: readonly { swatch: SvgNode; label: string }[];
}

export const COMPANION_PAINT: readonly PaintRule[] = [
  { tag: 'text', set: { fill: '@fg' } },
  { classes: ['muted-text'], set: { fill: '@muted' } },
  { classes: ['strong-text'], set: { 'font-weight': '600' } },
  { tag: 'line', within: 'grid', set: { stroke: '@rule' } },
  { tag: 'line', classes: ['grid'], set: { stroke: '@rule' } },
  { classes: ['axis-line'], set: { stroke: '@muted' } },
  { classes: ['track-fill'], set: { fill: '@--c' } },
  { classes: ['track-stroke'], set: { stroke: '@--c' } },
  { classes: ['track-fill'], theme: 'dark', set: { fill: '@--c-dark' } },
  { classes: ['track-stroke'], theme: 'dark', set: { stroke: '@--c-dark' } },
  { classes: ['fill-0'], set: { fill: '@chart1' } },
  { classes: ['fill-1'], set: { fill: '@chart2' } },
  { classes: ['stroke-0'], set: { stroke: '@chart1' } },
  { classes: ['stroke-1'], set: { stroke: '@chart2' } },
  { classes: ['fill-muted'], set: { fill: '@muted' } },
  { classes: ['hatch-bg'], set: { fill: '@bg' } },
  { classes: ['fill-bg'], set: { fill: '@bg' } },
  { classes: ['fill-fg'], set: { fill: '@fg' } },
  { classes: ['stroke-fg'], set: { stroke: '@fg' } },
  {
    classes: ['derived-outline'],
    set: { fill: 'none', stroke: '@fg', 'stroke-width': '1.25', 'stroke-dasharray': '3 2' },
  },
  // A track's symbol in the legend (TrackMark).
  { tag: 'path', within: 'track-mark', set: { fill: '@tc' } },
  // The page's accessible description (the image has its own) and the hover and focus ring.
  { tag: 'desc', set: { display: 'none' } },
  { classes: ['ring'], set: { display: 'none' } },
  { classes: ['mark'], within: 'period-chart', set: { stroke: '@bg', 'stroke-width': '1', 'paint-order': 'stroke' } },
];

/**
 * A companion chart's image from its model. `wrapper`: the classes of the page's elements around the
 * chart's <svg> that its rules name (e.g. 'period-chart'); every companion chart sits in a .chart.
 */
export function companionDrawing(model: CompanionModel, theme: PaintTheme, wrapper: string[] = []): ChartDrawing {
  const scope = { classes: ['chart', ...wrapper] };
  const [root] = paint([model.svg], COMPANION_PAINT, theme, scope);
  return {
    chart: {
      attrs: root.attrs,
      children: root.children ?? [],
      box: { x: 0, y: 0, width: model.width, height: model.height },
    },
    legend: model.legend.map((item) => ({
      icon: paint([item.swatch], COMPANION_PAINT, theme, scope)[0] ?? null,
      text: item.label,
    })),
    notes: [],
    cards: [],
  };
}
