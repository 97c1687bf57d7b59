// What every stage of one layout reads (Ctx), the items being placed, and the time → px mapping.
import type { DateWords } from '../../dates';
import { fitText, type FittedText } from '../lanes';
import { toU, type Warp } from '../warp';
import { DAY, compareText } from './constants';
import type { PEvent, PreparedTimeline } from './prepare';
import type { Box, LayoutOptions, LayoutTrack, LayoutWords, TimelineLayout } from './types';

export interface Ctx {
  o: Required<
    Pick<LayoutOptions, 'width' | 'fontSize' | 'clusterMin' | 'clusterSpan' | 'targetSize' | 'orientation'>
  > & {
    maxLanes: number;
    /** LayoutOptions.sharedLanes (horizontal): a label with no room right of its mark may go left of it. */
    sharedLanes: boolean;
    /** LayoutOptions.keepHighlightedLabels: a chart about one event places labels from its mark outwards (rows.ts). */
    nearOwnFirst: boolean;
  };
  /** Time → warped units (the focus gets more of them); the scale is linear in u. */
  warp: Warp;
  /** u of d0. */
  u0: number;
  /** Font size used to measure text (fontSize × textWidthFactor). */
  mFont: number;
  labelH: number;
  d0: number;
  d1: number;
  /** px per u (per ms outside a focus), and the pixel of d0. */
  k: number;
  origin: number;
  viewL: number;
  viewR: number;
  fullDomain: [number, number];
  highlighted: Set<string>;
  words: LayoutWords;
}

/** The words when the caller gives none: the names keep their data and lose no meaning to a placeholder. */
export const DATA_ONLY_WORDS: LayoutWords = {
  cluster: '{date}, {track}: {count}',
  mixed: '+{count}',
  mixedTrack: '',
  didNotHappen: '',
  // No milestone names: a mark's name gives an unlabelled milestone's kind as the data writes it.
};

export interface ClusterDraft {
  id: string;
  trackId: string;
  members: PEvent[];
  t: number;
  binMs: number;
  /** Its events' span in short dates (withSpan), once asked for: a layout's later passes meet the same cluster again. */
  span?: { dates: DateWords; text: string };
}

/** One event or cluster while it is being placed. */
export interface Item {
  priority: number;
  /** The mark's position along the time axis, and its radius. */
  x: number;
  r: number;
  /** Extent along the time axis of the mark, its bar and its milestones. */
  m0: number;
  m1: number;
  text: string;
  /** A shorter label where `text` finds no room (a vertical cluster's without its span). */
  alt?: string;
  /** The font size that measures the label (bold labels measure wider). */
  font: number;
  textW: number;
  ev?: PEvent;
  cluster?: ClusterDraft;
  /** A cluster's highlighted member, which names it. */
  lead?: PEvent;
  /** Its whole label goes left of its mark where it has room there (a highlighted label with marks on its right). */
  flip?: boolean;
  track: LayoutTrack;
  // Results.
  lane: number;
  label: string | null;
  lines: string[];
  truncated: boolean;
  anchor: 'start' | 'end';
  boxX: number;
  boxW: number;
  /** Vertical: the mark's centre across the time axis (its slot), its order down the page, its label's box. */
  cx: number;
  rank: number;
  box: Box | null;
}

export type BaseCtx = Pick<Ctx, 'o' | 'mFont' | 'labelH' | 'fullDomain' | 'highlighted' | 'warp' | 'words'>;

/** One orientation's layout: layoutTimeline picks the horizontal or the vertical one, which take the same. */
export type OrientationLayout = (
  prepared: PreparedTimeline,
  visible: readonly LayoutTrack[],
  domain: [number, number],
  base: BaseCtx,
  options: LayoutOptions,
) => TimelineLayout;

/** The output's fields that are the same in both orientations, in their output order (after `plot`). */
export const commonFields = (
  domain: [number, number],
  base: BaseCtx,
): Pick<TimelineLayout, 'domain' | 'fullDomain' | 'warp' | 'targetSize' | 'fontSize' | 'labelHeight'> => ({
  domain,
  fullDomain: [...base.fullDomain],
  warp: base.warp,
  targetSize: base.o.targetSize,
  fontSize: base.o.fontSize,
  labelHeight: base.labelH,
});

export function makeCtx(base: BaseCtx, domain: [number, number], origin: number, length: number): Ctx {
  const u0 = toU(base.warp, domain[0]);
  return {
    ...base,
    d0: domain[0],
    d1: domain[1],
    u0,
    k: length / (toU(base.warp, domain[1]) - u0),
    origin,
    viewL: origin,
    viewR: origin + length,
  };
}

export const pos = (ctx: Ctx, t: number) =>
  ctx.origin + ((ctx.warp.ts.length === 0 ? t : toU(ctx.warp, t)) - ctx.u0) * ctx.k;

export function priorityOf(ev: PEvent, ctx: Ctx): number {
  return ctx.highlighted.has(ev.id) ? 0 : ev.importance;
}

/** The window actually shown for `domain`: inside `fullDomain`, at least 2 days (or the full domain) long. */
export function clampDomain(
  domain: readonly [number, number] | undefined,
  fullDomain: readonly [number, number],
): [number, number] {
  const [f0, f1] = fullDomain;
  const full = f1 - f0;
  if (!domain || !Number.isFinite(domain[0]) || !Number.isFinite(domain[1])) return [f0, f1];
  let a = Math.min(domain[0], domain[1]);
  const span = Math.min(full, Math.max(Math.abs(domain[1] - domain[0]), 2 * DAY));
  a = Math.max(f0, Math.min(a, f1 - span));
  return [a, a + span];
}

export const NO_LINES: string[] = [];

export function itemId(it: Item): string {
  return it.ev?.id ?? it.cluster!.id;
}

export function byPriority(a: Item, b: Item): number {
  return a.priority - b.priority || a.x - b.x || compareText(itemId(a), itemId(b));
}

/** `text` whole when it fits in `room` px, else null: a chart never cuts a label (the mark keeps its name in its tooltip and details). */
export function shorten(text: string, room: number, font: number): FittedText | null {
  const fitted = fitText(text, room, font);
  return fitted && !fitted.truncated ? fitted : null;
}
