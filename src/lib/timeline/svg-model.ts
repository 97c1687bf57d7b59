// The timeline's SVG as a tree of keyed element descriptions, built from a layout.
// Both renderers take this tree: the build writes it out as markup (../svg.ts) and the
// browser joins it onto the live SVG by key (d3-selection), so what the build drew and what
// the first client render draws are the same elements with the same attributes.
import {
  CLASS,
  clusterClass,
  clusterData,
  clusterTransform,
  labelPosition,
  labelRows,
  leaderPath,
  linkClass,
  linkPath,
  linkShown,
  markClass,
  markData,
  markPath,
  markTransform,
  milestoneClass,
  milestonePath,
  milestoneTransform,
  periodClass,
  rectAttrs,
  spanClass,
  spanPath,
  svgNumber,
  symbolPath,
  tickClass,
  trackClass,
} from './attrs';
import { periodFontSize, type Box, type ClusterMark, type Leader, type TimelineLayout } from './layout';
import { trackColourClass } from './track-colours';

import type { SvgNode } from '../svg';
export type { SvgNode } from '../svg';

export interface SvgModelOptions {
  /** Prefix for ids inside this SVG (several timelines share a page). */
  uid: string;
  /** The link of an event mark (its page), so marks work as links without JavaScript. */
  href: (eventId: string) => string;
  /** The event whose mark is the chart's one tab stop (roving tabindex); default the first mark. */
  focusId?: string;
  /** The selected event (details open), if any. */
  selectedId?: string;
  /** The accessible name of the whole chart. */
  label: string;
  /**
   * Where the page writes the accessible names of the events its variants draw as marks, once
   * (eventNames, in elements with ids `prefix` + event id): a mark of a `listed` event refers to it
   * (aria-labelledby) instead of each variant carrying the name. Other marks (and every mark without
   * this option, as a standalone SVG must) carry their names (aria-label).
   */
  names?: { prefix: string; listed: (eventId: string) => boolean };
}

/** The id prefix of a chart's written-once event names (SvgModelOptions.names). */
export const namesPrefix = (chartId: string) => `tl-${chartId}-name-`;

const n = svgNumber;
/** A group element: most of the tree is groups. */
const g = (key: string, attrs: Record<string, string>, children: SvgNode[]): SvgNode => ({
  key,
  tag: 'g',
  attrs,
  children,
});

/** The layer groups of a timeline SVG, back to front. */
export function timelineSvgLayers(layout: TimelineLayout, options: SvgModelOptions): SvgNode[] {
  const vertical = layout.orientation === 'vertical';
  const focusId =
    options.focusId && layout.marks.some((m) => m.id === options.focusId) ? options.focusId : layout.marks[0]?.id;
  // A drawing of clusters only (thousands of events at full view) still has a tab stop: its earliest
  // cluster, a button that zooms in to it (the keyboard's way into the drawing, and to +, − and 0).
  const clusterStop = focusId
    ? undefined
    : layout.clusters.reduce<ClusterMark | undefined>((a, c) => (!a || c.domain[0] < a.domain[0] ? c : a), undefined);
  const clipId = `${options.uid}-clip`;

  const defs: SvgNode = {
    key: 'defs',
    tag: 'defs',
    attrs: {},
    children: [
      {
        key: 'clip',
        tag: 'clipPath',
        attrs: { id: clipId },
        children: [
          {
            key: 'r',
            tag: 'rect',
            attrs: rectAttrs({
              x: layout.plot.x - 12,
              y: layout.plot.y - 12,
              w: layout.plot.w + 24,
              h: layout.plot.h + 24,
            }),
          },
        ],
      },
    ],
  };

  // Bands are clipped to the plot; their labels are not (vertical: they sit beside the axis labels).
  const periods: SvgNode = g(
    'periods',
    { class: 'tl-periods', 'font-size': n(periodFontSize(layout.fontSize)) },
    layout.periods.map((p): SvgNode =>
      g(p.id, { class: periodClass(p) }, [
        {
          key: 'band',
          tag: 'rect',
          attrs: { ...rectAttrs(p), class: 'tl-period__band', 'clip-path': `url(#${clipId})` },
        },
        ...(p.text && p.labelBox
          ? [
              {
                key: 'label',
                tag: 'text',
                attrs: {
                  ...labelPosition(p.labelBox, p.labelAnchor),
                  class: CLASS.periodLabel,
                  ...(p.labelAnchor === 'end' ? { 'text-anchor': 'end' } : {}),
                },
                text: p.text,
              },
            ]
          : []),
      ]),
    ),
  );

  // Notes at dates: a rule across the plot and the text (the rule is behind the marks, like the bands).
  // Every rule before any text: one note's rule runs down past the notes stacked above it (the 7 June
  // rule crossed "Tariff threat, 30 May"), and the texts' halo now hides it there.
  const annotations: SvgNode = g(
    'annotations',
    { class: 'tl-annotations', 'font-size': n(periodFontSize(layout.fontSize)) },
    [
      g(
        'rules',
        { class: 'tl-annotation' },
        layout.annotations.map((a): SvgNode => ({
          key: a.id,
          tag: 'path',
          attrs: { class: 'tl-annotation__rule', d: `M${n(a.x1)},${n(a.y1)}L${n(a.x2)},${n(a.y2)}` },
        })),
      ),
      g(
        'labels',
        { class: 'tl-annotation' },
        layout.annotations.flatMap((a) =>
          labelRows(a.labelBox, a.lines.length, a.labelAnchor, layout.labelHeight).map((row, i): SvgNode => ({
            key: i === 0 ? a.id : `${a.id}:${i + 1}`,
            tag: 'text',
            attrs: {
              class: 'tl-annotation__label',
              x: n(row.x),
              y: n(row.y),
              ...(a.labelAnchor === 'end' ? { 'text-anchor': 'end' } : {}),
            },
            text: i < a.lines.length - 1 ? `${a.lines[i]} ` : a.lines[i],
          })),
        ),
      ),
    ],
  );

  const tracks: SvgNode = g(
    'tracks',
    { class: 'tl-tracks' },
    layout.tracks.map((t): SvgNode =>
      g(t.id, { class: `${trackClass(t)} ${trackColourClass(t.id)}` }, [
        { key: 'band', tag: 'rect', attrs: { ...rectAttrs(t), class: 'tl-track__band' } },
        {
          key: 'symbol',
          tag: 'path',
          attrs: {
            class: 'tl-track__symbol',
            d: symbolPath(t.shape, 5),
            transform: `translate(${n(t.symbolX)},${n(t.symbolY)})`,
          },
        },
        {
          key: 'label',
          tag: 'text',
          attrs: { class: 'tl-track__label', x: n(t.labelX), y: n(t.labelY) },
          text: t.labelText,
        },
      ]),
    ),
  );

  // Every tick line in one path and each label a <text> of its own, placed absolutely: a zoom
  // step moves them all with one attribute per label, not a group, a line and a label per tick.
  const labelledTicks = layout.axis.ticks.filter((t) => t.label);
  const axis: SvgNode = g('axis', { class: CLASS.axis, 'aria-hidden': 'true', 'font-size': n(layout.axis.fontSize) }, [
    {
      key: 'line',
      tag: 'path',
      attrs: {
        class: 'tl-axis__line',
        d: vertical
          ? `M${n(layout.axis.x + layout.axis.w)},${n(layout.plot.y)}V${n(layout.plot.y + layout.plot.h)}`
          : `M${n(layout.plot.x)},${n(layout.axis.y)}H${n(layout.plot.x + layout.plot.w)}`,
      },
    },
    ...(layout.axis.breaks.length > 0
      ? [
          {
            key: 'breaks',
            tag: 'path',
            attrs: {
              class: 'tl-axis__break',
              // Two short slashes across the axis line where the scale changes.
              d: layout.axis.breaks
                .map((b) =>
                  vertical
                    ? `M${n(layout.axis.x + layout.axis.w - 6)},${n(b - 1)}l12,-4M${n(layout.axis.x + layout.axis.w - 6)},${n(b + 3)}l12,-4`
                    : `M${n(b - 3)},${n(Math.max(0, layout.axis.y - 4))}l4,8M${n(b + 1)},${n(Math.max(0, layout.axis.y - 4))}l4,8`,
                )
                .join(''),
            },
          } satisfies SvgNode,
        ]
      : []),
    {
      key: 'ticks',
      tag: 'path',
      attrs: {
        class: 'tl-ticks',
        d: layout.axis.ticks.map((t) => `M${n(t.x)},${n(t.y)}${vertical ? 'h-5' : 'v5'}`).join(''),
      },
    },
    ...labelledTicks.map((tick): SvgNode => ({
      key: String(tick.t),
      tag: 'text',
      attrs: { class: tickClass(tick), x: n(tick.labelX), y: n(tick.labelY), 'text-anchor': tick.anchor },
      text: tick.label,
    })),
  ]);

  const data: SvgNode = g('data', { class: 'tl-data', 'clip-path': `url(#${clipId})` }, [
    {
      key: 'links',
      tag: 'g',
      attrs: { class: 'tl-links', 'aria-hidden': 'true' },
      // Only the selected event's links: all of them would cross every label.
      children: layout.links
        .filter((l) => linkShown(l, options.selectedId))
        .map((l): SvgNode => ({
          key: l.id,
          tag: 'path',
          attrs: { class: linkClass(l, true), d: linkPath(l, layout.orientation) },
        })),
    },
    g(
      'spans',
      { class: 'tl-spans', 'aria-hidden': 'true' },
      layout.spans.map((s): SvgNode => ({
        key: s.id,
        tag: 'path',
        attrs: { class: `${spanClass(s)} ${trackColourClass(s.trackId)}`, d: spanPath(s) },
      })),
    ),
    g(
      'milestones',
      { class: 'tl-milestones', 'aria-hidden': 'true' },
      layout.milestones.map((m): SvgNode => ({
        key: m.id,
        tag: 'path',
        attrs: {
          class: `${milestoneClass(m)} ${trackColourClass(m.trackId)}`,
          d: milestonePath(m),
          transform: milestoneTransform(m),
        },
      })),
    ),
    g(
      'clusters',
      { class: 'tl-clusters' },
      layout.clusters.map((c): SvgNode =>
        g(
          c.id,
          {
            class: `${clusterClass(c)} ${trackColourClass(c.trackId)}`,
            transform: clusterTransform(c),
            ...(c === clusterStop ? { role: 'button', tabindex: '0' } : { role: 'img' }),
            'aria-label': c.ariaLabel,
            ...clusterData(c),
          },
          [
            ...leaderNode(c.leader, c),
            { key: 'symbol', tag: 'path', attrs: { class: 'tl-cluster__symbol', d: symbolPath(c.shape, c.r) } },
            ...labelNodes('tl-cluster__label', c.labelBox, c.labelLines, c.labelAnchor, layout.labelHeight, c),
          ],
        ),
      ),
    ),
    g(
      'marks',
      { class: 'tl-marks' },
      layout.marks.map((m): SvgNode => ({
        key: m.id,
        tag: 'a',
        attrs: {
          class: `${markClass(m)} ${trackColourClass(m.trackId)}${m.id === options.selectedId ? ` ${CLASS.mark}--selected` : ''}`,
          href: options.href(m.id),
          transform: markTransform(m),
          ...(options.names?.listed(m.id)
            ? { 'aria-labelledby': options.names.prefix + m.id }
            : { 'aria-label': m.ariaLabel }),
          tabindex: m.id === focusId ? '0' : '-1',
          ...markData(m),
        },
        children: [
          ...leaderNode(m.leader, m),
          // As wide as the room between marks: a target of its own, never over a neighbour.
          {
            key: 'hit',
            tag: 'circle',
            attrs: { class: 'tl-mark__hit', r: n(Math.max(m.r + 6, layout.targetSize / 2)) },
          },
          { key: 'symbol', tag: 'path', attrs: { class: CLASS.markSymbol, d: markPath(m) } },
          ...labelNodes(CLASS.label, m.labelBox, m.labelLines, m.labelAnchor, layout.labelHeight, m),
        ],
      })),
    ),
  ]);

  // The tracks' bands first: a period's translucent band tints the grey lanes as it does the white ones
  // (under them, it showed only in the white: the 45 days looked striped).
  return [defs, tracks, periods, annotations, axis, data];
}

/** Attributes of the root <svg>: fixed viewBox, so the chart scales and nothing moves when scripts load. */
export function timelineSvgAttrs(
  layout: TimelineLayout,
  options: Pick<SvgModelOptions, 'uid' | 'label'>,
): Record<string, string> {
  return {
    class: `${CLASS.root} ${CLASS.root}--${layout.orientation}`,
    viewBox: `0 0 ${n(layout.size.width)} ${n(layout.size.height)}`,
    width: n(layout.size.width),
    height: n(layout.size.height),
    role: 'group',
    'aria-label': options.label,
    'data-orientation': layout.orientation,
    'font-size': n(layout.fontSize),
  };
}

/** One <text> per row of a label ("label", "label-2", …), relative to the mark's group. */
function labelNodes(
  cls: string,
  box: Box | null,
  lines: readonly string[],
  anchor: 'start' | 'end',
  rowHeight: number,
  origin: { x: number; y: number },
): SvgNode[] {
  if (!box || lines.length === 0) return [];
  return labelRows(box, lines.length, anchor, rowHeight).map((row, i): SvgNode => ({
    key: i === 0 ? 'label' : `label-${i + 1}`,
    tag: 'text',
    attrs: {
      class: cls,
      x: n(row.x - origin.x),
      y: n(row.y - origin.y),
      ...(anchor === 'end' ? { 'text-anchor': 'end' } : {}),
      // The mark's aria-label names the event in full; the (possibly shortened) rows are for the eye.
      'aria-hidden': 'true',
    },
    // A space ends every row but the last, so the rows read as one phrase to assistive technology.
    text: i < lines.length - 1 ? `${lines[i]} ` : lines[i],
  }));
}

function leaderNode(leader: Leader | null, origin: { x: number; y: number }): SvgNode[] {
  return leader ? [{ key: 'leader', tag: 'path', attrs: { class: CLASS.leader, d: leaderPath(leader, origin) } }] : [];
}
