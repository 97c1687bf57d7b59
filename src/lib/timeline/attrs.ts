// The strings both renderers write: class names, transforms, paths and data
// attributes. Timeline.astro (build time) and the <timeline-chart> zoom update
// (browser) both call these, so the two outputs cannot drift apart.
import type {
  Box,
  ClusterMark,
  EventMark,
  LayoutTick,
  Leader,
  LinkPath,
  MilestoneMark,
  Orientation,
  PeriodBand,
  SpanBar,
  TrackBand,
} from './layout';
import { svgNumber, symbolPath } from './shapes';

export { svgNumber, symbolPath };

/** Every class name the timeline SVG uses. */
export const CLASS = {
  root: 'tl',
  axis: 'tl-axis',
  tick: 'tl-tick',
  track: 'tl-track',
  period: 'tl-period',
  periodLabel: 'tl-period__label',
  span: 'tl-span',
  link: 'tl-link',
  milestone: 'tl-milestone',
  mark: 'tl-mark',
  markSymbol: 'tl-mark__symbol',
  label: 'tl-label',
  leader: 'tl-leader',
  cluster: 'tl-cluster',
} as const;

const n = svgNumber;

/** `translate(x,y)` for anything placed by its centre. */
export function translate(x: number, y: number): string {
  return `translate(${n(x)},${n(y)})`;
}

/** The transform of an event mark's group (symbol at the origin). */
export function markTransform(mark: Pick<EventMark, 'x' | 'y'>): string {
  return translate(mark.x, mark.y);
}

/** The symbol path of an event mark, centred on the origin. */
export function markPath(mark: Pick<EventMark, 'shape' | 'r'>): string {
  return symbolPath(mark.shape, mark.r);
}

/** Classes of an event mark: importance and highlight (the track is in data-track and the colour class). */
export function markClass(mark: EventMark): string {
  return [
    CLASS.mark,
    `${CLASS.mark}--importance-${mark.importance}`,
    mark.highlighted ? `${CLASS.mark}--highlighted` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** Data attributes of an event mark, for keyed updates and the details panel. */
export function markData(mark: EventMark): Record<string, string> {
  return {
    'data-id': mark.id,
    'data-track': mark.trackId,
  };
}

/** Where label text goes for a one-row label box: x, y as SVG strings (dominant-baseline central; text-anchor `anchor`, default start). */
export function labelPosition(box: Box, anchor: 'start' | 'end' = 'start'): { x: string; y: string } {
  return { x: n(anchor === 'end' ? box.x + box.w : box.x), y: n(box.y + box.h / 2) };
}

/**
 * Where each row of a label goes, as numbers (dominant-baseline central): with text-anchor
 * 'start' the rows begin at the box's left edge, with 'end' they end at its right edge.
 */
export function labelRows(
  box: Box,
  rows: number,
  anchor: 'start' | 'end',
  rowHeight: number,
): { x: number; y: number }[] {
  const x = anchor === 'end' ? box.x + box.w : box.x;
  return Array.from({ length: rows }, (_, i) => ({ x, y: box.y + rowHeight * (i + 0.5) }));
}

/** A leader from a mark to its moved label, relative to the mark's centre (its group's origin). */
export function leaderPath(leader: Leader, origin: { x: number; y: number }): string {
  return `M${n(leader.x1 - origin.x)},${n(leader.y1 - origin.y)}L${n(leader.x2 - origin.x)},${n(leader.y2 - origin.y)}`;
}

/** A box as rect attributes. */
export function rectAttrs(box: Box): { x: string; y: string; width: string; height: string } {
  return { x: n(box.x), y: n(box.y), width: n(box.w), height: n(box.h) };
}

/** The path of a span bar (or a milestone line) as a closed rectangle. */
export function spanPath(span: Pick<SpanBar, 'x' | 'y' | 'w' | 'h'>): string {
  return `M${n(span.x)},${n(span.y)}h${n(span.w)}v${n(span.h)}h${n(-span.w)}Z`;
}

/** Classes of a span bar: kind, track, clipped ends, highlight. */
export function spanClass(span: SpanBar): string {
  return [
    CLASS.span,
    `${CLASS.span}--${span.kind}`,
    `${CLASS.span}--${span.trackId}`,
    span.clippedStart ? `${CLASS.span}--clipped-start` : '',
    span.clippedEnd ? `${CLASS.span}--clipped-end` : '',
    span.highlighted ? `${CLASS.span}--highlighted` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** The transform of a milestone mark. */
export function milestoneTransform(m: Pick<MilestoneMark, 'x' | 'y'>): string {
  return translate(m.x, m.y);
}

/** The symbol path of a milestone mark, by its kind. */
export function milestonePath(m: Pick<MilestoneMark, 'shape' | 'r'>): string {
  return symbolPath(m.shape, m.r);
}

/** Classes of a milestone: kind, and "did not happen" (draw hollow and dashed). */
export function milestoneClass(m: MilestoneMark): string {
  return [CLASS.milestone, `${CLASS.milestone}--${m.kind}`, m.didNotHappen ? `${CLASS.milestone}--did-not-happen` : '']
    .filter(Boolean)
    .join(' ');
}

/** A quiet curve between two linked marks: an arc when they share a lane, an S-curve otherwise. */
export function linkPath(
  link: Pick<LinkPath, 'x1' | 'y1' | 'x2' | 'y2'>,
  orientation: Orientation = 'horizontal',
): string {
  const { x1, y1, x2, y2 } = link;
  const start = `M${n(x1)},${n(y1)}`;
  if (orientation === 'horizontal') {
    if (Math.abs(y1 - y2) < 1) {
      const bend = Math.min(Math.abs(x2 - x1) / 3, 24);
      return `${start}Q${n((x1 + x2) / 2)},${n(y1 - bend)},${n(x2)},${n(y2)}`;
    }
    const mx = (x1 + x2) / 2;
    return `${start}C${n(mx)},${n(y1)},${n(mx)},${n(y2)},${n(x2)},${n(y2)}`;
  }
  if (Math.abs(x1 - x2) < 1) {
    const bend = Math.min(Math.abs(y2 - y1) / 3, 24);
    return `${start}Q${n(x1 - bend)},${n((y1 + y2) / 2)},${n(x2)},${n(y2)}`;
  }
  const my = (y1 + y2) / 2;
  return `${start}C${n(x1)},${n(my)},${n(x2)},${n(my)},${n(x2)},${n(y2)}`;
}

/** Classes of a link: relation, highlight, and whether it touches the selected event. */
export function linkClass(link: LinkPath, selected = false): string {
  return [
    CLASS.link,
    `${CLASS.link}--${link.relation}`,
    link.highlighted ? `${CLASS.link}--highlighted` : '',
    selected ? `${CLASS.link}--selected` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/**
 * Whether a renderer draws a link: only from or to the selected event. Drawn all at once
 * (or even only between highlighted events) they cross the chart and its labels.
 */
export function linkShown(link: Pick<LinkPath, 'from' | 'to'>, selectedId?: string): boolean {
  return selectedId !== undefined && (link.from === selectedId || link.to === selectedId);
}

/** The transform of a "+N" cluster mark. */
export function clusterTransform(c: Pick<ClusterMark, 'x' | 'y'>): string {
  return translate(c.x, c.y);
}

/** Classes of a cluster mark. */
export function clusterClass(c: ClusterMark): string {
  return `${CLASS.cluster} ${CLASS.cluster}--${c.trackId}${c.lead ? ` ${CLASS.cluster}--highlighted` : ''}`;
}

/** Data attributes of a cluster: its id, track and the window to zoom to ("start,end" in ms). */
export function clusterData(c: ClusterMark): Record<string, string> {
  return { 'data-id': c.id, 'data-track': c.trackId, 'data-domain': c.domain.join(',') };
}

/** Classes of an axis tick: its level and calendar unit. */
export function tickClass(tick: LayoutTick): string {
  return `${CLASS.tick} ${CLASS.tick}--${tick.level} ${CLASS.tick}--${tick.unit}`;
}

/** Classes of a track band or column. */
export function trackClass(track: TrackBand): string {
  return `${CLASS.track} ${CLASS.track}--${track.id}`;
}

/** Inline custom properties carrying a track's colours (`--tl-colour`, `--tl-colour-dark`). */
export function trackStyle(track: Pick<TrackBand, 'colour' | 'colourDark'>): string {
  if (!track.colour) return '';
  return `--tl-colour:${track.colour};--tl-colour-dark:${track.colourDark ?? track.colour}`;
}

/** Classes of a period band. */
export function periodClass(p: PeriodBand): string {
  return `${CLASS.period} ${CLASS.period}--${p.id}`;
}
