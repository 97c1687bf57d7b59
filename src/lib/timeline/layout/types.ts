// The layout's input (events, tracks, options) and its output: plain, JSON-serialisable data.
import type { DateWords } from '../../dates';
import type { MilestoneKind, Relation } from '../schema';
import type { MarkShape } from '../shapes';
import type { TickUnit } from '../ticks';
import type { Warp } from '../warp';
// ─── Input ──────────────────────────────────────────────────────────────────

/** What the layout reads of an event; a parsed `TimelineEvent` fits it. */
export interface LayoutEvent {
  id: string;
  date: string;
  end?: string;
  track: string;
  title: string;
  /** The few words shown beside the mark (default the title). Never cut: shown whole or not at all. */
  label?: string;
  importance: 1 | 2 | 3;
  milestones?: readonly LayoutMilestone[];
  links?: readonly { to: string; relation: Relation }[];
}

export interface LayoutMilestone {
  kind: MilestoneKind;
  date: string;
  label?: string;
  didNotHappen?: boolean;
}

/** What the layout reads of a track; a parsed `Track` fits it. */
export interface LayoutTrack {
  id: string;
  label: string;
  order: number;
  shape: MarkShape;
  colour?: string;
  colourDark?: string;
}

/** An annotated band behind the chart, e.g. a review period set by an agreement. */
export interface Period {
  id: string;
  label: string;
  /** Partial dates ("2019-06-07", "2019-06", "2019"); the band covers both whole periods. */
  start: string;
  end: string;
}

export type Orientation = 'horizontal' | 'vertical';
export type Density = 'compact' | 'regular' | 'roomy';

export interface LayoutOptions {
  /** Width of the SVG, px. */
  width: number;
  /** 'vertical' (for narrow screens): time runs down the page, one column of marks, labels beside them. */
  orientation?: Orientation;
  /** The zoom window [startMs, endMs]; default the full domain. Clamped into the full domain, at least 2 days long. */
  domain?: readonly [number, number];
  /** The widest window [startMs, endMs]; default the events' extent, padded. */
  fullDomain?: readonly [number, number];
  /** Ids of the tracks to show, default all. Unknown ids throw. */
  visibleTracks?: readonly string[];
  /** Event ids to emphasise: their labels are placed first and they never join a cluster. */
  highlighted?: readonly string[];
  /**
   * Horizontal: a highlighted event in view always shows its label (an event page's own event): where
   * marks placed after it have no free lane but under it, the label goes left of its mark, or those
   * marks join it in a cluster named after it ("<its label> +N") at its date. Default false: such a
   * label gives way to the marks (they must go somewhere; a label never sits over a mark).
   */
  keepHighlightedLabels?: boolean;
  periods?: readonly Period[];
  /** Most label lanes per track: compact 2, regular 4 (default), roomy 6. */
  density?: Density;
  /** Overrides the lane cap set by `density`. */
  maxLanes?: number;
  /**
   * Horizontal: all tracks share one band of lanes, without track headings; a mark keeps its track's
   * shape and colour (a legend names them). Fits more labels in a short chart than a band per track.
   */
  sharedLanes?: boolean;
  /** Horizontal: the tallest the SVG should be; lanes are taken from the fullest tracks until it fits (≥ 1 lane each). */
  maxHeight?: number;
  /** Vertical: length of the time axis, px. Default from the number of events (480–4000). */
  length?: number;
  /** Label font size, px. Default 12 (axis labels one px smaller). */
  fontSize?: number;
  /** Multiplies the estimated text widths, for a font wider than Helvetica. Default 1. */
  textWidthFactor?: number;
  /** Least number of nearby events that merge into a "+N" cluster. Default 4. */
  clusterMin?: number;
  /** Size of the time bins (px, rounded up to 2^n days) in which events cluster. Default 28. */
  clusterSpan?: number;
  /**
   * Least distance (px) between the centres of two marks, so every mark is a target a finger can
   * hit alone (WCAG 2.2 SC 2.5.8 asks 24 CSS px; pass more when the SVG is drawn smaller than its
   * width). Marks that would come closer join a "+N" cluster. Default 24.
   */
  targetSize?: number;
  /**
   * A stretch of time [startMs, endMs) that gets more room than the rest (e.g. the weeks the story
   * is about): vertical, each of its days gets a row per event; horizontal, `focusShare` of the width.
   */
  focus?: readonly [number, number];
  /** Horizontal: the share of the width the focus takes at full view. Default 0.35. */
  focusShare?: number;
  /** Dated notes written into the chart ("Deal, 7 June"), placed clear of each other and of the axis labels. */
  annotations?: readonly Annotation[];
  /**
   * The words of the marks' accessible names and of the narrow chart's mixed groups, in the page's
   * language (ui.timelineClient.layout). Without them those names hold only the data: dates, titles,
   * counts.
   */
  words?: LayoutWords;
}

/** The layout's fixed words: templates whose {date}, {track} and {count} parts it fills. */
export interface LayoutWords {
  /** A cluster's accessible name. */
  cluster: string;
  /** The label of a group of events of several tracks ("+{count} events"), and its "track" in the name. */
  mixed: string;
  mixedTrack: string;
  /** After a milestone that did not happen. */
  didNotHappen: string;
  /** A milestone's name by its kind, in its mark's accessible name when it has no label ("Suspended"). */
  milestones?: Readonly<Record<MilestoneKind, string>>;
  /** How the language writes dates: the ticks, the marks' and clusters' names, the periods. Default English. */
  dates?: DateWords;
}

/** A note at a date, drawn on the chart with a rule across the plot. */
export interface Annotation {
  id: string;
  /** Partial date; the note points at its midpoint. */
  date: string;
  text: string;
}

// ─── Output ─────────────────────────────────────────────────────────────────

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TrackBand {
  id: string;
  label: string;
  /** The label as it fits across the band's header. */
  labelText: string;
  shape: MarkShape;
  colour?: string;
  colourDark?: string;
  /** The band across the plot (horizontal layout only). */
  x: number;
  y: number;
  w: number;
  h: number;
  lanes: number;
  /** Where the track's symbol goes beside its label in the header. */
  symbolX: number;
  symbolY: number;
  /** Start of the label text (text-anchor start, dominant-baseline central). */
  labelX: number;
  labelY: number;
}

/** A thin line from a mark to its label when the label had to move away from the mark. */
export interface Leader {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** What an event's mark and a cluster's mark both carry: where they stand, their label, their names. */
export interface PlacedMark {
  id: string;
  trackId: string;
  x: number;
  y: number;
  r: number;
  shape: MarkShape;
  /** Horizontal: lane inside the track; vertical: the mark's slot in the column (0 on the axis line, 1 beside it). */
  lane: number;
  /** The text shown beside the mark (maybe cut with "…"; rows joined with a space), or null when hidden. */
  label: string | null;
  /** The label's rows, top to bottom ([] when hidden); more than one only in the vertical layout. */
  labelLines: string[];
  /** 'start': the text begins at labelBox.x (right of the mark); 'end': it ends at labelBox.x + w (left of the mark). */
  labelAnchor: 'start' | 'end';
  /** Covers every row; each row is `labelHeight` px high. */
  labelBox: Box | null;
  /** Vertical: mark to label, when the label is not level with the mark. */
  leader: Leader | null;
  /** The date at the precision the data gives: "June 2019", "30 May – 7 June 2019". */
  dateText: string;
  /** "7 June 2019, Council: The council adopts the budget". */
  ariaLabel: string;
}

export interface EventMark extends PlacedMark {
  importance: 1 | 2 | 3;
  highlighted: boolean;
  title: string;
  truncated: boolean;
  /** True when the event has an end date. */
  span: boolean;
}

export interface SpanBar {
  /** The event id; "<id>#steps" for the thin line through its milestones. */
  id: string;
  eventId: string;
  trackId: string;
  /** span: start to end; steps: a thin line joining the mark and the milestones. */
  kind: 'span' | 'steps';
  x: number;
  y: number;
  w: number;
  h: number;
  /** The bar runs on before / after the visible window. */
  clippedStart: boolean;
  clippedEnd: boolean;
  highlighted: boolean;
}

export interface MilestoneMark {
  /** "<event id>#<index>". */
  id: string;
  eventId: string;
  trackId: string;
  kind: MilestoneKind;
  x: number;
  y: number;
  r: number;
  shape: MarkShape;
  /** Planned but never happened: draw hollow / dashed. */
  didNotHappen: boolean;
  label?: string;
  dateText: string;
  ariaLabel: string;
}

export interface LinkPath {
  /** "<from>-><to>". */
  id: string;
  from: string;
  to: string;
  relation: Relation;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Both ends are highlighted events (the story's main thread). Renderers draw links only for the selected event. */
  highlighted: boolean;
}

export interface PeriodBand {
  id: string;
  label: string;
  /** The label as shown, or null when it does not fit. */
  text: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
  labelBox: Box | null;
  /** 'end' when the label is right-aligned (vertical: beside the axis labels, left of the axis line). */
  labelAnchor: 'start' | 'end';
  dateText: string;
  ariaLabel: string;
}

/** A dated note on the chart: its text, and a rule across the plot at its date. */
export interface AnnotationMark {
  id: string;
  text: string;
  /** The rows shown (one, or two in the vertical gutter). */
  lines: string[];
  labelBox: Box;
  labelAnchor: 'start' | 'end';
  /** The rule at the date, across the plot. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A cluster's id is "cluster-<track>-<bin>": stable while panning; its label "+12" (vertical: "+12 Personnel"). */
export interface ClusterMark extends PlacedMark {
  count: number;
  ids: string[];
  /** The highlighted event among its members (it names the cluster), if any. */
  lead?: string;
  /** Zoom here to see the events apart. */
  domain: [number, number];
}

export interface LayoutTick {
  t: number;
  /** The tick's point on the axis line. */
  x: number;
  y: number;
  label: string;
  level: 'major' | 'minor' | 'sub';
  unit: TickUnit;
  labelX: number;
  labelY: number;
  anchor: 'middle' | 'end';
  /** Where the label's text is estimated to be, or null for an unlabelled tick. */
  labelBox: Box | null;
}

export interface AxisLayout {
  /** The axis row (horizontal) or gutter (vertical). */
  x: number;
  y: number;
  w: number;
  h: number;
  fontSize: number;
  ticks: LayoutTick[];
  /** Where the scale changes (a focus starts or ends), px along the time axis: drawn as a break. */
  breaks: number[];
}

export interface TimelineLayout {
  orientation: Orientation;
  size: { width: number; height: number };
  /** Where data is drawn (clip to it); the time axis runs along its width (or height, vertical). */
  plot: Box;
  /** The least distance between two marks' centres, px: renderers size hit areas to it. */
  targetSize: number;
  domain: [number, number];
  fullDomain: [number, number];
  /** Time → the units the axis is linear in (a focus gets more of them): zoom in these units (warp.ts: toU, fromU). */
  warp: Warp;
  fontSize: number;
  labelHeight: number;
  axis: AxisLayout;
  /** Horizontal: the track bands with their headers; vertical: [] (one shared column, the HTML legend names the tracks). */
  tracks: TrackBand[];
  periods: PeriodBand[];
  annotations: AnnotationMark[];
  spans: SpanBar[];
  links: LinkPath[];
  milestones: MilestoneMark[];
  clusters: ClusterMark[];
  marks: EventMark[];
}
