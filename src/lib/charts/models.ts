// One entry point for every companion chart's drawing, for the build steps that have no Astro (the
// image step paints these trees): a chart of content/data/charts.yaml, the data, a variant → its SVG tree.
import type { SvgNode } from '../svg';
import type { ChartSpec, TimelineData } from '../timeline/schema';
import type { UiStrings } from '../ui/strings';
import type { LegendItem } from './svg-parts';
import { seriesChart } from './series-svg';
import { stepsChart } from './steps-svg';
import { periodChart } from './period-svg';
import { postsChart } from './posts-svg';

export type ChartVariant = 'wide' | 'narrow';

export interface ChartModel {
  /** The chart's <svg> root (no xmlns: add it for a standalone file). */
  svg: SvgNode;
  width: number;
  height: number;
  /** The legend the page shows above the chart, in order. */
  legend: LegendItem[];
  /** Numbered notes the page lists under the chart (the narrow series chart's marked events); else empty. */
  key: { n: number; date: string; label: string }[];
}

/** The figure id the page gives a chart of charts.yaml (its SVG ids and aria references derive from it). */
export const figureId = (spec: Pick<ChartSpec, 'id'>) => `chart-${spec.id}`;

/**
 * The model of one variant of a companion chart (series, steps, period, posts) as the page draws it, in
 * `ui`'s words. Throws for a timeline or key-figures chart, which are drawn elsewhere.
 */
export function chartModel(
  spec: ChartSpec,
  data: TimelineData,
  variant: ChartVariant,
  ui: Pick<UiStrings, 'charts' | 'milestones' | 'dates' | 'locale'>,
): ChartModel {
  const id = figureId(spec);
  if (spec.kind === 'series') {
    const chart = seriesChart({ id, series: spec.series, annotate: spec.annotate, measures: spec.measures }, data, ui);
    const v = chart.variants.find((x) => x.name === variant)!;
    return { svg: v.svg, width: v.layout.width, height: v.layout.height, legend: chart.legend, key: v.key };
  }
  if (spec.kind === 'steps') {
    const chart = stepsChart({ id, event: spec.event }, data, ui);
    const v = chart.variants.find((x) => x.name === variant);
    if (!v) throw new Error(`chartModel: chart "${spec.id}" has no step with a value to draw`);
    return { svg: v.svg, width: v.layout.width, height: v.layout.height, legend: chart.legend, key: [] };
  }
  if (spec.kind === 'period') {
    const { start, end, label, tracks, countDays } = spec;
    const chart = periodChart({ id, start, end, label, tracks, countDays }, data, ui);
    const v = chart.variants.find((x) => x.name === variant)!;
    return { svg: v.svg, width: v.layout.width, height: v.layout.height, legend: chart.legend, key: [] };
  }
  if (spec.kind === 'posts') {
    const chart = postsChart({ id, posts: spec.posts, from: spec.from, to: spec.to }, data, ui);
    const v = chart.variants.find((x) => x.name === variant)!;
    return { svg: v.svg, width: v.layout.width, height: v.layout.height, legend: chart.legend, key: [] };
  }
  throw new Error(`chartModel: charts of kind "${spec.kind}" have no model here`);
}
