// Layout of a monthly series as bars: the measures the series declares stacked (its parts), an
// optional "sum of" measure as a line over them, release status and derived values kept visible,
// and dated events flagged above the plot. Plain objects, px values.
import type { Series, SeriesMeasure, SeriesMonth, SeriesValue } from '../timeline/schema';
import { chartMeasures, measureValue, sortedMonths, withUnit } from '../timeline/series';
import { ENGLISH_DATES, daysInMonth, formatPartialDate, parsePartialDate, type DateWords } from '../dates';
import { formatCompact, formatNumber, round, valueAxis, type ValueTick } from './axis';
import { placeFlags } from './labels';
import { brokenLine, releaseUses, stackMonth } from './series-parts';
import { fitText, textWidth } from './text';
import type { UiStrings } from '../ui/strings';

/**
 * The words a series chart writes: release statuses, "not available", its legend and description; and
 * the language's dates and number locale (`ui.dates`, `ui.locale`; default English).
 */
export type SeriesWords = UiStrings['charts']['series'] & { dates?: DateWords; locale?: string };

export type Release = SeriesValue['release'];

export interface SeriesAnnotationInput {
  id: string;
  /** A partial date; day precision places the flag inside its month's band. */
  date: string;
  label: string;
}

export interface SeriesLayoutOptions {
  /** Width of the whole SVG, px. */
  width: number;
  /** Height of the plot area (bars), px. */
  plotHeight: number;
  /**
   * Ids of the measures to draw, in stacking order from the bottom (default: those that are not a
   * "sum of"). A "sum of" measure shown with others is a line over them.
   */
  measures?: readonly string[];
  annotations?: readonly SeriesAnnotationInput[];
  fontSize?: number;
  /** Short numbers on the value axis ("150k"), for narrow charts. */
  compact?: boolean;
  /** 'label': each flag carries its label; 'number': a numbered disc (1, 2 … in date order) for a key beside the chart. */
  annotationStyle?: 'label' | 'number';
  words: SeriesWords;
}

export interface SeriesSegment {
  /** The measure's id. */
  measure: string;
  /** 0 for the first stacked measure, 1 for the next …: the colour slot. */
  slot: number;
  x: number;
  y: number;
  width: number;
  height: number;
  value: number;
  release: Release;
  derived: boolean;
}

export interface SeriesTotalPoint {
  x: number;
  y: number;
  value: number;
  release: Release;
  derived: boolean;
}

export interface SeriesBar {
  month: string;
  /** "June 2019". */
  label: string;
  /** The month's band: the hit area for hover and focus. */
  bandX: number;
  bandWidth: number;
  segments: SeriesSegment[];
  total?: SeriesTotalPoint;
  /** Tooltip and accessible name: month, each value with its release status. */
  tip: string;
}

export interface MonthTick {
  x: number;
  label: string;
  /** The year under the first label and under each January; else ''. */
  sub: string;
}

export interface SeriesAnnotation {
  id: string;
  x: number;
  /** The rule runs from the label lane down to the plot's bottom, or to the top of the bar it meets. */
  y1: number;
  y2: number;
  textX: number;
  textY: number;
  anchor: 'start' | 'end';
  label: string;
  /** The label as given, before any cut. */
  fullLabel: string;
  /** 1, 2 … in date order: the number on the disc and in the key. */
  n: number;
  /** Centre of the numbered disc (annotationStyle 'number'). */
  discY: number;
}

/** What both layouts of a series chart (columns here, rows in series-rows.ts) give. */
export interface SeriesChartLayout {
  width: number;
  height: number;
  plot: { x: number; y: number; width: number; height: number };
  fontSize: number;
  /** Measures drawn as stacked bars, bottom (or left) first. */
  barMeasures: SeriesMeasure[];
  /** The "sum of" measure drawn as a line over the bars, if any. */
  lineMeasure?: SeriesMeasure;
  /** SVG path of the line ('' when none). */
  totalPath: string;
  /** Which marks the chart uses, for its legend. */
  uses: { firstRelease: boolean; revised: boolean; derived: boolean };
}

export interface SeriesLayout extends SeriesChartLayout {
  bars: SeriesBar[];
  yTicks: ValueTick[];
  xTicks: MonthTick[];
  annotations: SeriesAnnotation[];
  annotationStyle: 'label' | 'number';
}

const LANE_GAP = 4;
/** Radius of a numbered annotation disc. */
export const DISC_R = 7;

/** "June 2019" ("junio de 2019") for "2019-06". */
export function monthLabel(month: string, dates: DateWords = ENGLISH_DATES): string {
  return formatPartialDate(month, dates);
}

/** A value's release status as the tooltip and table state it: "first release, derived". */
export function releaseText(v: Pick<SeriesValue, 'release' | 'derived'>, words: SeriesWords): string {
  return `${words.release[v.release]}${v.derived ? words.derived : ''}`;
}

/** A value as the tooltip, table and accessible name state it: "94,897 (first release, derived)". */
export function describeValue(
  v: Pick<SeriesValue, 'value' | 'release' | 'derived'>,
  measure: Pick<SeriesMeasure, 'unit'>,
  words: SeriesWords,
): string {
  return `${withUnit(formatNumber(v.value, words.locale), measure)} (${releaseText(v, words)})`;
}

/** The text shown on hover and focus for one month: month, then each measure's value and status. */
export function seriesTip(month: SeriesMonth, measures: readonly SeriesMeasure[], words: SeriesWords): string {
  const lines = [monthLabel(month.month, words.dates)];
  for (const m of measures) {
    const v = measureValue(month, m.id);
    lines.push(`${m.label}: ${v ? describeValue(v, m, words) : words.notAvailable}`);
  }
  return lines.join('\n');
}

/**
 * Lays out `series` as monthly bars over `width` px: the stacked measures, a line for a "sum of"
 * measure shown with its parts, the value axis, month labels that fit, and
 * `annotations` flagged above the plot without overlapping.
 */
export function layoutSeriesChart(series: Series, options: SeriesLayoutOptions): SeriesLayout {
  const fontSize = options.fontSize ?? 11;
  const { shown, bars: barMeasures, line: lineMeasure } = chartMeasures(series, options.measures);
  const lineOf = (m: SeriesMonth) => (lineMeasure ? measureValue(m, lineMeasure.id) : undefined);
  const months = sortedMonths(series);
  const lineHeight = Math.round(fontSize * 1.3);

  // Value axis: the taller of the stacked bars and the line.
  const stackMax = Math.max(
    0,
    ...months.map((m) => barMeasures.reduce((s, k) => s + (measureValue(m, k.id)?.value ?? 0), 0)),
  );
  const totalMax = Math.max(0, ...months.map((m) => lineOf(m)?.value ?? 0));
  const axis = valueAxis(Math.max(stackMax, totalMax), options.plotHeight, 4, (n) =>
    (options.compact ? formatCompact : formatNumber)(n, options.words.locale),
  );
  const yLabelWidth = Math.max(...axis.ticks.map((t) => textWidth(t.label, fontSize)));
  const left = Math.ceil(yLabelWidth + 8);
  const right = 8;
  const plotWidth = options.width - left - right;
  const band = plotWidth / months.length;
  const barWidth = round(Math.min(band * 0.74, 48));

  // Annotation flags, placed in lanes above the plot.
  const monthIndex = new Map(months.map((m, i) => [m.month, i]));
  const numbered = options.annotationStyle === 'number';
  const byDate = [...(options.annotations ?? [])].sort(
    (a, b) => parsePartialDate(a.date).start.getTime() - parsePartialDate(b.date).start.getTime(),
  );
  const flagsIn = byDate.flatMap((a, k) => {
    const p = parsePartialDate(a.date);
    const key = `${p.year}-${String(p.month ?? 1).padStart(2, '0')}`;
    const i = monthIndex.get(key);
    if (i === undefined || p.precision === 'year') return [];
    const fraction = p.precision === 'day' ? (p.day! - 0.5) / daysInMonth(p.year, p.month!) : 0.5;
    const label = numbered ? String(k + 1) : fitText(a.label, plotWidth, fontSize, true) || a.label.slice(0, 1);
    // A numbered disc is drawn centred on its rule: its "label box" straddles x.
    const width = numbered ? DISC_R * 2 : textWidth(label, fontSize, true);
    return [{ a, n: k + 1, x: left + band * (i + fraction), label, width }];
  });
  const flags = numbered
    ? placeFlags(
        flagsIn.map((f) => ({ x: f.x, width: DISC_R * 2 })),
        { left: 0, right: options.width, gap: 3, pad: -DISC_R },
      )
    : placeFlags(flagsIn, { left: 0, right: options.width - 2 });
  const lanes = flags.reduce((m, f) => Math.max(m, f.lane + 1), 0);
  const top = 8 + lanes * (lineHeight + LANE_GAP) + (lanes > 0 ? 4 : 0);
  const frame = valueChartFrame({
    width: options.width,
    left,
    top,
    plotWidth,
    plotHeight: options.plotHeight,
    lineH: lineHeight,
    pad: 2,
    fontSize,
    ticks: axis.ticks,
  });
  const { plot } = frame;
  const bottom = plot.y + plot.height;

  const { uses, note } = releaseUses();

  const bars: SeriesBar[] = months.map((m, i) => {
    const bandX = left + band * i;
    const x = round(bandX + (band - barWidth) / 2);
    const segments: SeriesSegment[] = stackMonth(m, barMeasures, note).map((p) => {
      const y0 = plot.y + axis.y(p.from);
      const y1 = plot.y + axis.y(p.to);
      return { ...p.segment, x, y: round(y1), width: barWidth, height: round(y0 - y1) };
    });
    let total: SeriesTotalPoint | undefined;
    const t = lineOf(m);
    if (t) {
      note(t);
      total = {
        x: round(bandX + band / 2),
        y: round(plot.y + axis.y(t.value)),
        value: t.value,
        release: t.release,
        derived: t.derived,
      };
    }
    return {
      month: m.month,
      label: monthLabel(m.month, options.words.dates),
      bandX: round(bandX),
      bandWidth: round(band),
      segments,
      total,
      tip: seriesTip(m, shown, options.words),
    };
  });

  const totalPath = brokenLine(bars.map((b) => b.total));

  // Where a rule meets a bar it ends on the bar's top: run on beneath, it showed in the hairline between
  // the bar's stacked segments.
  const barTop = (x: number) => {
    let y = bottom;
    for (const b of bars) for (const s of b.segments) if (x >= s.x && x <= s.x + s.width) y = Math.min(y, s.y);
    return y;
  };
  const annotations: SeriesAnnotation[] = flagsIn.map((f, i) => {
    const placed = flags[i];
    const textY = top - 4 - placed.lane * (lineHeight + LANE_GAP) - 4;
    return {
      id: f.a.id,
      x: round(f.x),
      y1: round(textY - fontSize + 1),
      y2: round(barTop(round(f.x))),
      textX: placed.textX,
      textY: round(textY),
      anchor: placed.anchor,
      label: f.label,
      fullLabel: f.a.label,
      n: f.n,
      discY: round(textY - fontSize * 0.35),
    };
  });

  return {
    ...frame,
    barMeasures,
    lineMeasure,
    bars,
    totalPath,
    xTicks: monthTicks(
      months.map((m) => m.month),
      left,
      band,
      fontSize,
      options.words.dates,
    ),
    annotations,
    annotationStyle: numbered ? 'number' : 'label',
    uses,
  };
}

/**
 * What the two value charts (series, steps) share of their layout, and what the shared renderers
 * read (chartFrame, valueAxis in svg-parts.ts): the plot, `plotWidth` × `plotHeight` at (`left`,
 * `top`); the chart's size (the plot's bottom, two rows of date labels under it, rows `lineH` high,
 * and `pad`); the value ticks shifted from the plot to the page; and the font size.
 */
export function valueChartFrame(f: {
  width: number;
  left: number;
  top: number;
  plotWidth: number;
  plotHeight: number;
  lineH: number;
  pad: number;
  fontSize: number;
  ticks: readonly ValueTick[];
}) {
  const plot = { x: f.left, y: f.top, width: round(f.plotWidth), height: f.plotHeight };
  return {
    width: f.width,
    height: Math.ceil(plot.y + plot.height + 8 + f.lineH * 2 + f.pad),
    plot,
    fontSize: f.fontSize,
    yTicks: f.ticks.map((t) => ({ ...t, y: round(plot.y + t.y) })),
  };
}

/** Month labels under the bands: every month if they fit, else every 2nd, 3rd, 4th, 6th or 12th. */
export function monthTicks(
  months: readonly string[],
  left: number,
  band: number,
  fontSize: number,
  dates: DateWords = ENGLISH_DATES,
): MonthTick[] {
  const short = (p: { month?: number }) => dates.short[p.month! - 1];
  const widest = Math.max(
    textWidth(dates.short[4], fontSize),
    ...months.map((m) => textWidth(short(parsePartialDate(m)), fontSize)),
  );
  const step = [1, 2, 3, 4, 6, 12].find((s) => s * band >= widest + 6) ?? 12;
  const ticks: MonthTick[] = [];
  let lastYear = NaN;
  months.forEach((m, i) => {
    const p = parsePartialDate(m);
    // Keep months on a calendar rhythm (Jan, Apr, Jul, Oct for quarters).
    if ((p.month! - 1) % step !== 0) return;
    const sub = p.year !== lastYear ? String(p.year) : '';
    lastYear = p.year;
    ticks.push({ x: round(left + band * (i + 0.5)), label: short(p), sub });
  });
  // A series too short to reach a labelled month still names its first one.
  if (ticks.length === 0 && months.length > 0) {
    const p = parsePartialDate(months[0]);
    ticks.push({ x: round(left + band / 2), label: short(p), sub: String(p.year) });
  }
  return ticks;
}
