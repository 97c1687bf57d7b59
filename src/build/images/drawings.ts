// Which function draws each kind of chart for its image: one entry per kind (kind → drawing from the
// chart's model, the same SvgNode tree the page writes, painted in the theme). No page or stylesheet is
// read. chartDrawings(ctx, chart) gives the light and dark drawings.
import { svgToString } from '../../lib/svg';
import type { ChartSpec, TimelineData } from '../../lib/timeline/schema';
import { uiStrings, type UiStrings } from '../../lib/ui/strings';
import type { Box, ChartDrawing } from './chart-image';
import type { ImageContext, Theme } from './context';
import { THEMES } from './context';
import { chartModel } from '../../lib/charts/models';
import { companionDrawing } from './companion-image';
import { figuresDrawing } from './figures-image';
import { paintTheme, type PaintTheme } from './paint';
import { growBox } from './render';
import { timelineDrawing } from './timeline-image';

type Kind = ChartSpec['kind'];
export type DrawChart<K extends Kind> = (
  chart: Extract<ChartSpec, { kind: K }>,
  data: TimelineData,
  theme: PaintTheme,
  ui: UiStrings,
) => ChartDrawing;

/** Every kind, drawn from its model. */
export const CHART_DRAWINGS: { [K in Kind]: DrawChart<K> } = {
  timeline: timelineDrawing,
  figures: figuresDrawing,
  series: (chart, data, theme, ui) => companionDrawing(chartModel(chart, data, 'wide', ui), theme),
  steps: (chart, data, theme, ui) => companionDrawing(chartModel(chart, data, 'wide', ui), theme),
  posts: (chart, data, theme, ui) => companionDrawing(chartModel(chart, data, 'wide', ui), theme),
  period: (chart, data, theme, ui) => companionDrawing(chartModel(chart, data, 'wide', ui), theme, ['period-chart']),
};

function drawOne(ctx: ImageContext, chart: ChartSpec, theme: Theme): ChartDrawing {
  const draw = CHART_DRAWINGS[chart.kind] as DrawChart<Kind>;
  return draw(chart, ctx.data, paintTheme(theme, ctx.data.tracks), uiStrings(ctx.data.site.language));
}

/** The box to show: the chart's own, grown to what it draws outside it (unless the drawing did so). */
function grownBox(ctx: ImageContext, chart: NonNullable<ChartDrawing['chart']>): Box {
  if (chart.measured) return chart.box;
  const { x, y, width, height } = chart.box;
  const svg = svgToString({ ...chart.attrs, viewBox: `${x} ${y} ${width} ${height}` }, chart.children);
  return growBox(svg, chart.box, ctx.faces?.(svg));
}

/** A chart's drawings in both themes, on the same box (measured once, in light). */
export function chartDrawings(ctx: ImageContext, chart: ChartSpec): Record<Theme, ChartDrawing> {
  const out = {} as Record<Theme, ChartDrawing>;
  let box: Box | undefined;
  for (const theme of THEMES) {
    const drawing = drawOne(ctx, chart, theme);
    if (drawing.chart) {
      box ??= grownBox(ctx, drawing.chart);
      drawing.chart = { ...drawing.chart, box };
    }
    out[theme] = drawing;
  }
  return out;
}
