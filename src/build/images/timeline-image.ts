// A timeline chart's image: the page's wide variant (the same layout and SVG model as the page),
// painted with the rules below, which say in attributes what Timeline.astro's <style> says for a
// static chart at 1200 px (no hover, focus or selection), and the page's legend of tracks.
import { shapeIconPath } from '../../lib/timeline/icons';
import { layoutTimeline } from '../../lib/timeline/layout';
import type { UiStrings } from '../../lib/ui/strings';
import type { TimelineData } from '../../lib/timeline/schema';
import { timelineChartVariants, type TimelineSpec } from '../../lib/timeline/chart-variants';
import { timelineSvgAttrs, timelineSvgLayers } from '../../lib/timeline/svg-model';
import type { ChartDrawing } from './chart-image';
import { paint, type PaintRule, type PaintTheme } from './paint';
import { element } from './svg-element';

/** A label's halo in the background colour, so it reads over bands, bars and links. */
const HALO = { 'paint-order': 'stroke', stroke: '@bg', 'stroke-width': '3', 'stroke-linejoin': 'round' };

export const TIMELINE_PAINT: readonly PaintRule[] = [
  { tag: 'text', set: { fill: '@fg' } },
  { classes: ['tl-track__band'], set: { display: 'none' } },
  { classes: ['tl-track__band'], within: 'tl-track:even', set: { display: 'inline', fill: '@panel' } },
  { classes: ['tl-track__symbol'], set: { fill: '@tc' } },
  { classes: ['tl-track__label'], set: { 'font-weight': '600', 'dominant-baseline': 'central' } },
  { classes: ['tl-axis__line'], set: { fill: 'none', stroke: '@muted' } },
  { classes: ['tl-ticks'], set: { fill: 'none', stroke: '@muted' } },
  { classes: ['tl-tick'], set: { fill: '@muted', 'dominant-baseline': 'hanging' } },
  { classes: ['tl-tick'], within: 'tl--vertical', set: { 'dominant-baseline': 'central' } },
  { classes: ['tl-period__band'], set: { fill: '@accent', 'fill-opacity': '0.12' } },
  {
    classes: ['tl-annotation__rule'],
    set: { fill: 'none', stroke: '@fg', 'stroke-opacity': '0.45', 'stroke-dasharray': '2 3' },
  },
  {
    classes: ['tl-annotation__label'],
    set: { fill: '@fg', 'font-weight': '600', 'dominant-baseline': 'central', ...HALO },
  },
  { classes: ['tl-axis__break'], set: { fill: 'none', stroke: '@fg', 'stroke-width': '1.5' } },
  {
    classes: ['tl-period__label'],
    set: { fill: '@accent', 'dominant-baseline': 'central', ...HALO, 'stroke-opacity': '0.85' },
  },
  {
    classes: ['tl-link'],
    set: { fill: 'none', stroke: '@fg', 'stroke-opacity': '0.65', 'stroke-width': '1.25', 'stroke-dasharray': '3 3' },
  },
  { classes: ['tl-leader'], set: { fill: 'none', stroke: '@muted', 'stroke-opacity': '0.6', 'stroke-width': '0.75' } },
  { classes: ['tl-label'], set: { ...HALO, 'stroke-opacity': '0.85', 'dominant-baseline': 'central' } },
  { classes: ['tl-label'], within: 'tl-mark--importance-1', set: { 'font-weight': '700' } },
  { classes: ['tl-label'], within: 'tl-mark--importance-3', set: { fill: '@muted' } },
  { classes: ['tl-label'], within: 'tl-mark--highlighted', set: { fill: '@fg', 'font-weight': '700' } },
  {
    classes: ['tl-cluster__label'],
    set: { ...HALO, 'stroke-opacity': '0.85', 'font-weight': '700', 'dominant-baseline': 'central' },
  },
  { classes: ['tl-span'], set: { fill: '@tc', 'fill-opacity': '0.35' } },
  { classes: ['tl-span--steps'], set: { 'fill-opacity': '0.6' } },
  { classes: ['tl-milestone'], set: { fill: '@tc', stroke: '@bg' } },
  {
    classes: ['tl-milestone--did-not-happen'],
    set: { fill: '@bg', stroke: '@tc', 'stroke-width': '1.5', 'stroke-dasharray': '2 1.5' },
  },
  { classes: ['tl-mark__hit'], set: { display: 'none' } },
  { classes: ['tl-mark__symbol'], set: { fill: '@tc', stroke: '@bg', 'stroke-width': '1.5' } },
  { classes: ['tl-mark__symbol'], within: 'tl-mark--highlighted', set: { stroke: '@fg' } },
  { classes: ['tl-cluster__symbol'], set: { fill: '@bg', stroke: '@tc', 'stroke-width': '2' } },
  { classes: ['tl-cluster__symbol'], within: 'tl-cluster--highlighted', set: { 'stroke-width': '3' } },
];

/** The timeline's image: its wide variant, painted, with one legend entry per track. */
export function timelineDrawing(
  chart: TimelineSpec,
  data: TimelineData,
  theme: PaintTheme,
  ui: Pick<UiStrings, 'timelineClient'>,
): ChartDrawing {
  const { tracks, variants, layoutEvents, layoutTracks } = timelineChartVariants(chart, data);
  const wide = variants.find((v) => v.name === 'wide')!;
  const layout = layoutTimeline(layoutEvents, layoutTracks, { ...wide.options, words: ui.timelineClient.layout });
  const uid = `tl-${chart.id}-wide`;
  const options = { uid, label: chart.title, href: () => '' };
  const root = timelineSvgAttrs(layout, options);
  const children = paint(timelineSvgLayers(layout, options), TIMELINE_PAINT, theme, {
    classes: root.class.split(' '),
  });
  return {
    chart: {
      attrs: { 'font-size': root['font-size'] },
      children,
      box: { x: 0, y: 0, width: layout.size.width, height: layout.size.height },
    },
    legend: tracks.map((t) => ({
      icon: element('svg', { width: 12, height: 12, viewBox: '-6 -6 12 12' }, [
        element('path', { d: shapeIconPath(t.shape), fill: theme.tracks[t.id] }),
      ]),
      text: t.label,
    })),
    notes: [],
    cards: [],
  };
}
