// The chart of who held which posts as an SVG tree: what PostsChart.astro writes into the page and the
// image step paints. From the chart's props and the data (postsChart), or from one layout (postsChartSvg).
import type { SvgNode } from '../svg';
import type { TimelineData } from '../timeline/schema';
import { formatDateRange } from '../dates';
import { publisherLine } from './axis';
import { layoutPostsChart, type PostBar, type PostsLayout, type PostsWords } from './posts';
import type { UiStrings } from '../ui/strings';
import {
  boxSwatch,
  chartFrame,
  el,
  g,
  hatchPattern,
  hatchSwatch,
  monthLabel,
  PRESENT,
  ring,
  ruleSwatch,
  tipItem,
  type FrameOptions,
  type LegendItem,
} from './svg-parts';

export interface PostsChartProps {
  /** The figure's id. */
  id: string;
  /** Post ids in the order to show them, or 'all' (default) for every post by its `order`. */
  posts?: readonly string[] | 'all';
  /** Start of the window, a partial date; default the story's period start. */
  from?: string;
  /** End of the window, a partial date; default the story's period end. */
  to?: string;
}

/** The rows, bars, changes and month axes (above and below) of one variant of the chart. */
export function postsChartSvg(l: PostsLayout, o: FrameOptions, words: PostsWords): SvgNode {
  const lineH = l.lineHeight;
  const hatch = `${o.chartId}-${o.variant}-hatch`;
  const ticks = l.xTicks.filter((t) => t.label);
  const bars = l.rows.flatMap((row) => row.bars);
  return chartFrame(l, o, [
    el('defs', {}, [hatchPattern(hatch, 6, 2.6, 'fill-0')]),
    g({ 'aria-hidden': 'true' }, [
      g(
        { class: 'grid' },
        ticks.map((t) => el('line', { x1: t.x, x2: t.x, y1: l.plot.y, y2: l.plot.y + l.plot.height })),
      ),
      ...ticks.flatMap((t) => [
        el('text', { x: t.x, y: l.axisTopY, 'text-anchor': 'middle' }, t.label),
        t.sub && el('text', { x: t.x, y: l.axisTopY - lineH, 'text-anchor': 'middle', class: 'muted-text' }, t.sub),
        monthLabel(t.x, l.axisBottomY, t.label, t.sub ?? '', lineH),
      ]),
      ...l.rows.flatMap((row) => [
        el('line', {
          class: 'axis-line',
          x1: l.plot.x,
          x2: l.plot.x + l.plot.width,
          y1: row.y,
          y2: row.y,
          'stroke-opacity': '0.5',
        }),
        ...row.titleLines.map((line, k) =>
          el('text', { x: l.plot.x, y: row.titleY + k * lineH, class: 'strong-text' }, line),
        ),
        row.bars.length === 0 &&
          el(
            'text',
            { x: l.plot.x, y: row.titleY + row.titleLines.length * lineH + 4, class: 'muted-text' },
            words.empty,
          ),
      ]),
    ]),
    g(
      { class: 'items' },
      bars.map((b, i) => bar(l, b, i === 0, hatch)),
    ),
    g(
      { 'aria-hidden': 'true' },
      l.rows.flatMap((row) =>
        row.changes.map((c) =>
          el('line', { x1: c.x, x2: c.x, y1: c.y1, y2: c.y2, class: 'stroke-fg change', 'stroke-width': '1.5' }),
        ),
      ),
    ),
  ]);
}

/** One tenure: a bar (hatched when acting) with the holder's name above it when it fits. */
function bar(l: PostsLayout, b: PostBar, first: boolean, hatch: string): SvgNode {
  return tipItem(b.tip, first, [
    barRing(l, b),
    b.acting
      ? el('rect', {
          x: b.x + 0.6,
          y: b.y + 0.6,
          width: Math.max(0.5, b.width - 1.2),
          height: b.height - 1.2,
          fill: `url(#${hatch})`,
          class: 'stroke-0',
          'stroke-width': '1.2',
          'data-anchor': PRESENT,
        })
      : el('rect', { x: b.x, y: b.y, width: b.width, height: b.height, class: 'fill-0', 'data-anchor': PRESENT }),
    // A raised name runs on over the bars after it: a thin rule from it down to its own bar's start
    // says whose it is (read without it, Morgan's name at ICE sat over Albence's bar).
    b.raised &&
      el('line', {
        x1: b.x + 0.75,
        x2: b.x + 0.75,
        y1: b.textY + 3,
        y2: b.y,
        class: 'stroke-0',
        'stroke-width': '1.5',
      }),
    b.label && el('text', { x: b.textX, y: b.textY }, b.label),
  ]);
}

/**
 * A tenure's target and focus ring: its name and its bar. A raised name runs on over the bars after
 * it, on a line of its own: there the ring takes that line only, and below it the bar's width, an L
 * that never encloses the next bars (their own rings start on the line under it).
 */
function barRing(l: PostsLayout, b: PostBar): SvgNode {
  const top = b.textY - l.fontSize - 1;
  const bottom = b.y + b.height + 2;
  const labelW = b.labelWidth + 6;
  const barW = b.width + 4;
  if (!b.raised || labelW <= barW) return ring(b.x - 2, top, Math.max(barW, labelW), bottom - top, '2');
  const x = b.x - 2;
  const mid = top + l.lineHeight;
  return el('path', { class: 'ring', d: `M${x},${top}H${x + labelW}V${mid}H${x + barW}V${bottom}H${x}Z` });
}

/** The legend: a holder, an acting holder (when the chart has one), a change. */
export function postsLegend(l: PostsLayout, chartId: string, words: PostsWords): LegendItem[] {
  const acting = {
    width: 22,
    height: 12,
    box: [1.5, 1.5, 19, 9] as [number, number, number, number],
    strokeWidth: 1.2,
  };
  return [
    { swatch: boxSwatch('fill-0', 1, 22, 12), label: words.legend.holder },
    l.uses.acting && {
      swatch: hatchSwatch(acting, `${chartId}-legend-hatch`, 'fill-0', 'stroke-0'),
      label: words.legend.acting,
    },
    { swatch: ruleSwatch(8, 1.5), label: words.legend.change },
  ].filter((x): x is LegendItem => !!x);
}

/** Everything the posts chart shows, from its props and the data: layouts, trees, legend and texts. */
export function postsChart(props: PostsChartProps, data: TimelineData, ui: Pick<UiStrings, 'charts' | 'dates'>) {
  const words = { ...ui.charts.posts, dates: ui.dates };
  const from = props.from ?? data.site.period.start;
  const to = props.to ?? data.site.period.end;
  const postIds = props.posts && props.posts !== 'all' ? props.posts : undefined;
  const options = { from, to, postIds, words };
  const layouts = {
    wide: layoutPostsChart(data.posts, data.actors, { ...options, width: 680 }),
    narrow: layoutPostsChart(data.posts, data.actors, { ...options, width: 360 }),
  };
  const wide = layouts.wide;
  const range = formatDateRange(from, to, ui.dates);
  const roleSources = data.actors.flatMap((a) =>
    a.roles.filter((r) => wide.rows.some((row) => row.postId === r.post)).flatMap((r) => r.sources),
  );
  const holders = wide.rows.reduce((n, r) => n + r.tenures.length, 0);
  const changes = wide.rows.reduce((n, r) => n + r.changes.length, 0);
  const desc = words.desc(wide.rows.length, holders, changes, range);
  const variants = (['wide', 'narrow'] as const).map((name) => ({
    name,
    layout: layouts[name],
    svg: postsChartSvg(layouts[name], { chartId: props.id, variant: name, desc }, words),
  }));
  return {
    rows: wide.rows,
    variants,
    legend: postsLegend(wide, props.id, words),
    title: words.title(range),
    caption: words.figureCaption(wide.uses.acting),
    source: publisherLine(roleSources, 3, ui.charts.publishers),
  };
}
