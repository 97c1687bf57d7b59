// Timeline layout: every pixel value and string the two renderers need, computed
// before anything is drawn. Pure: no DOM, no clock, no randomness, UTC only; the
// same input gives the same plain, JSON-serialisable output in Node and browsers.
//
// Usage — at build time (Timeline.astro):
//
//   import { layoutTimeline } from '../../lib/timeline/layout';
//   const layout = layoutTimeline(data.events, data.tracks, { width: 960, periods });
//   // <svg width={layout.size.width} height={layout.size.height}> … layout.marks.map(…)
//
// and in the browser, prepared once and laid out again on every zoom (a zoom is
// only a new domain: d3-zoom's transform.rescaleX(x).domain()):
//
//   const prepared = prepareTimeline(events, tracks);
//   const base = { width, periods, fullDomain: prepared.fullDomain };
//   let layout = layoutPrepared(prepared, base);
//   zoom.on('zoom', ({ transform }) => {
//     const x = scaleUtc().domain(layout.fullDomain).range(layoutRange(layout));
//     layout = layoutPrepared(prepared, { ...base, domain: domainOf(transform.rescaleX(x)) });
//     update(layout); // keyed by id, attributes from attrs.ts
//   });
//
// The height depends on the data, the width and the options, never on the zoom
// window: each track keeps the lanes it needs over the full domain (capped), and
// the vertical layout's time axis has a fixed length. So nothing moves on zoom
// except along the time axis.
//
// Horizontal: one band per track, each with a few lanes. In a lane, every labelled
// event occupies one interval [mark's left edge, label's right edge] (with its bar and
// milestones), so nothing is ever drawn under a label; labels that have no room on the
// right of their mark at the plot's right edge go on its left (labelAnchor 'end').
//
// Vertical (phones): time runs down the page beside the axis, all tracks in ONE column
// of marks on the axis line (or just beside it when a mark there is in the way); the
// track shows as the mark's shape and colour, and the HTML legend and filters above the
// chart name the tracks, so there is no in-SVG legend. A bar runs down just right of its
// mark. The labels take the rest of the width (over 60% at 360 px), wrapped onto two rows
// before they are cut; they keep the order of their marks, and when events are close in
// time a label moves down (or up) from its mark and a thin leader joins them. Period
// labels sit beside the axis labels where they keep clear of them.
//
// The stages, one file each: types (input, output) · prepare (parse, sort, measure once) ·
// scale (axis length, focus warp) · context (Ctx, items, time → px) · clusters ("+N") ·
// items · horizontal (frame, tracks) with horizontal-lanes (lanes per track), rows (labels in
// lanes) and horizontal-highlight (a highlighted label kept) · vertical (frame, marks, axis) with
// vertical-frame, vertical-column (slots), vertical-labels (the labels' column) and
// vertical-gutter (annotations, axis labels, periods) ·
// periods (horizontal periods, annotations) · marks (output marks, bars, links) · axis (ticks).
import { BOLD_WIDTH, textWidth, wrapText } from '../lanes';
import { DAY, LANES_BY_DENSITY, MARK_LABEL_GAP, PAD, RADIUS } from './constants';
import { clampDomain, DATA_ONLY_WORDS } from './context';
import { layoutHorizontal } from './horizontal';
import { prepareTimeline, type PreparedTimeline } from './prepare';
import { axisLength, warpFor } from './scale';
import type { LayoutEvent, LayoutOptions, LayoutTrack, TimelineLayout } from './types';
import { layoutVertical } from './vertical';
import { verticalLabelsX } from './vertical-frame';
export { fromU, toU, type Warp } from '../warp';
export { clampDomain } from './context';
export { periodFontSize } from './periods';
export { prepareTimeline, type PreparedTimeline } from './prepare';
export { eventNames } from './marks';
export type {
  Annotation,
  AnnotationMark,
  AxisLayout,
  Box,
  ClusterMark,
  Density,
  EventMark,
  LayoutEvent,
  LayoutMilestone,
  LayoutOptions,
  LayoutTick,
  LayoutTrack,
  LayoutWords,
  Leader,
  LinkPath,
  MilestoneMark,
  Orientation,
  Period,
  PeriodBand,
  SpanBar,
  TimelineLayout,
  TrackBand,
} from './types';

/** Lays out a timeline in one call: `prepareTimeline` then `layoutPrepared`. */
export function layoutTimeline(
  events: readonly LayoutEvent[],
  tracks: readonly LayoutTrack[],
  options: LayoutOptions,
): TimelineLayout {
  return layoutPrepared(prepareTimeline(events, tracks, options.words?.dates), options);
}

/** The pixel range the time axis spans: build a d3 UTC scale with domain `layout.domain` and this range. */
export function layoutRange(layout: TimelineLayout): [number, number] {
  const p = layout.plot;
  return layout.orientation === 'vertical' ? [p.y, p.y + p.h] : [p.x, p.x + p.w];
}

/** Lays out prepared events for one width and zoom window; cheap enough to call on every zoom frame. */
export function layoutPrepared(prepared: PreparedTimeline, options: LayoutOptions): TimelineLayout {
  if (!(options.width > 0) || !Number.isFinite(options.width)) {
    throw new RangeError(`layoutTimeline needs a positive width, got ${options.width}`);
  }
  const fontSize = options.fontSize ?? 12;
  const o = {
    width: options.width,
    fontSize,
    clusterMin: Math.max(2, options.clusterMin ?? 4),
    clusterSpan: options.clusterSpan ?? (options.orientation === 'vertical' ? 40 : 28),
    maxLanes: Math.max(1, Math.floor(options.maxLanes ?? LANES_BY_DENSITY[options.density ?? 'regular'])),
    targetSize: Math.max(0, options.targetSize ?? 24),
    orientation: options.orientation ?? 'horizontal',
    sharedLanes: options.sharedLanes === true && options.orientation !== 'vertical',
    nearOwnFirst: options.keepHighlightedLabels === true,
  };
  const fullDomain: [number, number] = options.fullDomain
    ? [Math.min(...options.fullDomain), Math.max(...options.fullDomain)]
    : [prepared.fullDomain[0], prepared.fullDomain[1]];
  if (!(fullDomain[1] > fullDomain[0])) fullDomain[1] = fullDomain[0] + 2 * DAY;
  const domain = clampDomain(options.domain, fullDomain);
  let visible = prepared.tracks;
  if (options.visibleTracks) {
    const wanted = new Set(options.visibleTracks);
    for (const id of wanted) {
      if (!prepared.trackById.has(id)) {
        throw new Error(
          `visibleTracks names "${id}", which is not a track; the tracks are: ${prepared.tracks.map((t) => t.id).join(', ')}`,
        );
      }
    }
    visible = prepared.tracks.filter((t) => wanted.has(t.id));
  }
  const labelH = Math.ceil(fontSize * 1.25);
  const base = {
    o,
    mFont: fontSize * (options.textWidthFactor ?? 1),
    labelH,
    fullDomain,
    highlighted: new Set(options.highlighted ?? []),
    words: options.words ?? DATA_ONLY_WORDS,
    warp: warpFor(prepared, options, fullDomain, axisLength(prepared, options, labelH), labelH, o.targetSize),
  };
  return o.orientation === 'vertical'
    ? layoutVertical(prepared, visible, domain, base, options)
    : layoutHorizontal(prepared, visible, domain, base, options);
}

/**
 * Whether a chart label can be shown at all at this variant's full view: horizontal, on one row
 * beside its mark across the plot; vertical, on at most two rows in the labels' column. A label
 * that fails can never show (the chart never cuts one), so the data check refuses it.
 */
export function labelFits(text: string, importance: 1 | 2 | 3, options: LayoutOptions): boolean {
  const fontSize = options.fontSize ?? 12;
  const mFont = fontSize * (options.textWidthFactor ?? 1) * (importance === 1 ? BOLD_WIDTH : 1);
  const r = RADIUS[importance];
  if (options.orientation !== 'vertical')
    return textWidth(text, mFont) <= options.width - 2 * PAD - r - MARK_LABEL_GAP - 2;
  const wrapped = wrapText(text, Math.max(0, options.width - PAD - verticalLabelsX(options)), mFont, 2);
  return wrapped !== null && !wrapped.truncated;
}
