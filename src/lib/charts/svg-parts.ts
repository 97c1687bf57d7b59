// The pieces every companion chart draws, as SvgNode trees (see ../svg.ts): the <svg> frame, the value
// axis and its gridlines, month labels, hatching, legend swatches and the focusable tooltip targets.
// Written once here; each chart's *-svg.ts puts them together from its layout. No DOM, no Astro.
import type { SvgNode } from '../svg';
import type { Track } from '../timeline/schema';
import { shapeIconPath } from '../timeline/icons';
import { svgNumber } from '../timeline/shapes';
import { trackColourClass } from '../timeline/track-colours';
import { TIP_JOIN } from './tip';

/** An attribute value: numbers are written with one decimal at most (as the timeline's); undefined and false leave it out. */
export type Attr = string | number | undefined | false;
type Content = string | readonly (SvgNode | false | undefined | '' | null)[];

/**
 * A valueless attribute such as data-anchor (the tooltip looks for `[data-anchor]`) cannot be written
 * empty, since the markup writer leaves out empty attributes; presence is what counts.
 */
export const PRESENT = 'true';

/**
 * One element. `content` is its text or its children (falsy children are skipped); children without a key
 * get their index among their siblings, so keys stay unique without naming every gridline.
 */
export function el(tag: string, attrs: Record<string, Attr>, content?: Content, key = ''): SvgNode {
  const node: SvgNode = { key, tag, attrs: {} };
  for (const [k, v] of Object.entries(attrs))
    if (v !== undefined && v !== false) node.attrs[k] = typeof v === 'number' ? svgNumber(v) : v;
  if (typeof content === 'string') node.text = content;
  else if (content) {
    node.children = content.filter((c): c is SvgNode => !!c);
    node.children.forEach((c, i) => (c.key ||= `${c.tag}-${i}`));
  }
  return node;
}

/** A group of children, with attributes. */
export function g(attrs: Record<string, Attr>, children: Content, key = ''): SvgNode {
  return el('g', attrs, children, key);
}

export interface FrameLayout {
  width: number;
  height: number;
  fontSize: number;
}

export interface FrameOptions {
  /** The figure's id: its title is `${chartId}-title`. */
  chartId: string;
  /** The variant's name, e.g. 'wide'. */
  variant: string;
  /** A sentence for screen readers. */
  desc: string;
}

/**
 * The <svg> root of one variant of a chart: its fixed viewBox (nothing moves when scripts load), named
 * by the chart's title and described by a sentence for screen readers.
 */
export function chartFrame(l: FrameLayout, o: FrameOptions, children: Content): SvgNode {
  const descId = `${o.chartId}-${o.variant}-desc`;
  return el(
    'svg',
    {
      viewBox: `0 0 ${l.width} ${l.height}`,
      width: l.width,
      height: l.height,
      role: 'group',
      'aria-labelledby': `${o.chartId}-title`,
      'aria-describedby': descId,
      'font-size': l.fontSize,
    },
    [el('desc', { id: descId }, o.desc, 'desc'), ...(typeof children === 'string' ? [] : children)],
    `${o.chartId}-${o.variant}`,
  );
}

export interface PlotLayout {
  plot: { x: number; y: number; width: number; height: number };
  fontSize: number;
  yTicks: readonly { y: number; label: string }[];
}

/**
 * The value axis: gridlines across the plot at the ticks, the ticks' labels right-aligned left of it
 * (in one muted group when `group`, else each muted), and the baseline under the plot.
 */
export function valueAxis(l: PlotLayout, group: boolean): SvgNode[] {
  const grid = l.yTicks.map((t) => el('line', { x1: l.plot.x, x2: l.plot.x + l.plot.width, y1: t.y, y2: t.y }));
  const labels = l.yTicks.map((t) =>
    el('text', { x: l.plot.x - 6, y: t.y + l.fontSize * 0.35, 'text-anchor': 'end', class: 'muted-text' }, t.label),
  );
  const bottom = l.plot.y + l.plot.height;
  return [
    g({ class: 'grid' }, grid),
    ...(group ? [g({ class: 'muted-text' }, labels)] : labels),
    baseline(l.plot.x, l.plot.x + l.plot.width, bottom),
  ];
}

/** A horizontal axis line (class axis-line) from x1 to x2 at y. */
export function baseline(x1: number, x2: number, y: number): SvgNode {
  return el('line', { class: 'axis-line', x1, x2, y1: y, y2: y });
}

/**
 * A centred month label under an axis, with the year (if any) on a second, muted line. No whitespace
 * between or inside the tspans: it would shift the centred first line by half a space.
 */
export function monthLabel(x: number, y: number, label: string, sub: string, dy: number): SvgNode {
  return el('text', { x, y, 'text-anchor': 'middle' }, [
    el('tspan', { x }, label),
    sub && el('tspan', { x, dy, class: 'muted-text' }, sub),
  ]);
}

/** A hatching pattern (diagonal stripes of class `cls` on the hatch background), `size` px square. */
export function hatchPattern(id: string, size: number, stripe: number, cls: string): SvgNode {
  return el(
    'pattern',
    { id, patternUnits: 'userSpaceOnUse', width: size, height: size, patternTransform: 'rotate(45)' },
    [
      el('rect', { width: size, height: size, class: 'hatch-bg' }),
      el('rect', { width: stripe, height: size, class: cls }),
    ],
    id,
  );
}

/**
 * A focusable mark with its tooltip: the first item of a chart takes the tab stop (the others are
 * reached with the arrow keys); the accessible name is the tip on one line, its lines joined by "; ",
 * and the tooltip splits it back (chart-tooltip.ts). The tip is written again, whole, in data-tip only
 * where a line of it holds "; " itself: the name then could not give its lines back. (Written twice
 * for every mark, the tips were a tenth of a home page's HTML.)
 */
export function tipItem(
  tip: string,
  first: boolean,
  children: Content,
  extra: Record<string, Attr> = {},
  key = '',
): SvgNode {
  return g(
    {
      class: 'item',
      tabindex: first ? 0 : -1,
      role: 'img',
      'aria-label': tip.replace(/\n/g, TIP_JOIN),
      ...(tip.split('\n').some((line) => line.includes(TIP_JOIN)) ? { 'data-tip': tip } : {}),
      ...extra,
    },
    children,
    key,
  );
}

/** The focus ring behind a tooltip target: the box that takes the pointer. */
export function ring(x: number, y: number, width: number, height: number, rx?: number | string): SvgNode {
  return el('rect', { class: 'ring', x, y, width, height, rx });
}

/** One entry of a chart's legend: a small drawing and its words. */
export interface LegendItem {
  swatch: SvgNode;
  label: string;
}

/** A legend swatch: a small SVG of `width` × `height` px, hidden from assistive technology. */
export function swatch(width: number, height: number, children: Content): SvgNode {
  return el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, 'aria-hidden': 'true' }, children, 'swatch');
}

/** A filled box swatch of class `cls`, `inset` px inside its `width` × `height`. */
export function boxSwatch(cls: string, inset = 1, width = 14, height = 14): SvgNode {
  const box = { x: inset, y: inset, width: width - 2 * inset, height: height - 2 * inset, class: cls };
  return swatch(width, height, [el('rect', box)]);
}

/** A hatched swatch: the pattern (id `patternId`, stripes of `fill`) inside a box outlined in `stroke`. */
export function hatchSwatch(
  size: { width: number; height: number; box: [number, number, number, number]; strokeWidth: number },
  patternId: string,
  fill: string,
  stroke: string,
): SvgNode {
  const [x, y, width, height] = size.box;
  return swatch(size.width, size.height, [
    el('defs', {}, [hatchPattern(patternId, 5, 2.2, fill)]),
    el('rect', { x, y, width, height, fill: `url(#${patternId})`, class: stroke, 'stroke-width': size.strokeWidth }),
  ]);
}

/** A vertical rule swatch (a change, a suspension …). */
export function ruleSwatch(width: number, strokeWidth: number, dash?: string): SvgNode {
  return swatch(width, 14, [
    el('path', {
      d: `M${width / 2},0V14`,
      class: 'stroke-fg',
      'stroke-width': strokeWidth,
      'stroke-dasharray': dash,
    }),
  ]);
}

/** A track's shape in its colour (class tc-<track>), as TrackMark.astro draws it beside a track's name. */
export function trackMarkSvg(track: Pick<Track, 'id' | 'shape'>, size = 12): SvgNode {
  const attrs = { width: size, height: size, viewBox: '-6 -6 12 12', 'aria-hidden': 'true', focusable: 'false' };
  return el(
    'svg',
    { class: `track-mark ${trackColourClass(track.id)}`, ...attrs },
    [el('path', { d: shapeIconPath(track.shape) })],
    'swatch',
  );
}
