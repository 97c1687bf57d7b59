// Layout of a monthly series as rows, for narrow screens: a month per row, time running down, its
// stacked measures as a horizontal bar, values along the top. Each row is a full-width band 26 px high
// (24 once scaled to a phone's column), so every month is a target that meets WCAG 2.2 SC 2.5.8 (fifteen
// columns side by side on a phone were 21 px wide). Dated events are numbered discs in a gutter right of
// the plot, pulled apart where they would touch and joined to their date by a rule that starts past the
// month's bar.
import type { Series, SeriesMonth } from '../timeline/schema';
import { chartMeasures, measureValue, sortedMonths } from '../timeline/series';
import { ENGLISH_DATES, daysInMonth, parsePartialDate } from '../dates';
import { formatCompact, formatNumber, round, valueAxis } from './axis';
import { dodge } from './labels';
import { textWidth } from './text';
import { brokenLine, releaseUses, stackMonth } from './series-parts';
import {
  DISC_R,
  monthLabel,
  seriesTip,
  type SeriesAnnotationInput,
  type SeriesChartLayout,
  type SeriesSegment,
  type SeriesTotalPoint,
  type SeriesWords,
} from './series';

/** The least height of a month's row: WCAG 2.2 SC 2.5.8's 24 CSS px. */
export const MIN_ROW = 24;
/**
 * The default row: 26 px, so that a row stays 24 px when the 360-px drawing is scaled down to a phone's
 * column (358 px at 390; 332 px, a 364-px screen, is the least that keeps it).
 */
export const ROW = 26;

export interface SeriesRowsOptions {
  /** Width of the whole SVG, px. */
  width: number;
  /** Height of one month's row, px (default ROW, at least MIN_ROW). */
  rowHeight?: number;
  /** As in layoutSeriesChart. */
  measures?: readonly string[];
  annotations?: readonly SeriesAnnotationInput[];
  fontSize?: number;
  /** Short numbers on the value axis ("150k"). */
  compact?: boolean;
  words: SeriesWords;
}

export interface SeriesRow {
  month: string;
  /** "June 2019". */
  label: string;
  /** The label beside the row: the short month, and the year after the first and each January. */
  short: string;
  year: string;
  /** Baseline of the row's label, right-aligned at the layout's labelX. */
  textY: number;
  /** The row across the chart, label included: the hit area for hover and focus. */
  band: { x: number; y: number; width: number; height: number };
  segments: SeriesSegment[];
  total?: SeriesTotalPoint;
  /** Right end of the row's bar (the plot's left edge when the month has no value). */
  end: number;
  /** Tooltip and accessible name: month, each value with its release status. */
  tip: string;
}

export interface SeriesRowMarker {
  id: string;
  /** 1, 2 … in date order: the number on the disc and in the key. */
  n: number;
  label: string;
  fullLabel: string;
  /** The rule: at the event's place in its month's row, from past the bar to the plot's right edge … */
  y: number;
  x1: number;
  x2: number;
  /** … then on to its disc in the gutter. */
  discX: number;
  discY: number;
}

export interface SeriesRowsLayout extends SeriesChartLayout {
  orientation: 'rows';
  rows: SeriesRow[];
  /** Value ticks along the top: gridlines down the plot. */
  xTicks: { x: number; label: string }[];
  /** Right edge of the month labels. */
  labelX: number;
  annotations: SeriesRowMarker[];
  annotationStyle: 'number';
}

const GUTTER_GAP = 8;
/** The least space between two events' rules in one month's row, px. */
const RULE_GAP = 5;

/** Lays out `series` as a row per month over `width` px, with `annotations` as numbered discs right of it. */
export function layoutSeriesRows(series: Series, options: SeriesRowsOptions): SeriesRowsLayout {
  const fontSize = options.fontSize ?? 11;
  const row = Math.max(MIN_ROW, options.rowHeight ?? ROW);
  const barHeight = round(Math.min(row * 0.66, 28));
  const { shown, bars: barMeasures, line: lineMeasure } = chartMeasures(series, options.measures);
  const lineOf = (m: SeriesMonth) => (lineMeasure ? measureValue(m, lineMeasure.id) : undefined);
  const months = sortedMonths(series);
  const dates = options.words.dates ?? ENGLISH_DATES;
  let lastYear = NaN;
  const labels = months.map((m) => {
    const p = parsePartialDate(m.month);
    const year = p.year !== lastYear ? ` ${p.year}` : '';
    lastYear = p.year;
    return { short: dates.short[p.month! - 1], year };
  });
  const labelX = Math.ceil(Math.max(...labels.map((t) => textWidth(t.short + t.year, fontSize)), 0));
  const hasMarkers = (options.annotations ?? []).length > 0;
  const gutter = hasMarkers ? GUTTER_GAP + DISC_R * 2 + 2 : 8;
  const left = labelX + 8;
  const plotWidth = options.width - left - gutter;
  const top = Math.round(fontSize * 1.3) + 6;
  const plot = { x: left, y: top, width: round(plotWidth), height: row * months.length };

  const stackMax = Math.max(
    0,
    ...months.map((m) => barMeasures.reduce((s, k) => s + (measureValue(m, k.id)?.value ?? 0), 0)),
  );
  const totalMax = Math.max(0, ...months.map((m) => lineOf(m)?.value ?? 0));
  const format = (n: number) => (options.compact ? formatCompact : formatNumber)(n, options.words.locale);
  // As many ticks as fit side by side along the top, centred on their gridlines.
  const axisFor = (count: number) => valueAxis(Math.max(stackMax, totalMax), plotWidth, count, format);
  const fits = (ticks: { y: number; label: string }[]) =>
    ticks.every((t, i) => {
      const next = ticks[i + 1];
      return !next || t.y - next.y >= (textWidth(t.label, fontSize) + textWidth(next.label, fontSize)) / 2 + 8;
    });
  const axis = [4, 3, 2].map(axisFor).find((a) => fits(a.ticks)) ?? axisFor(1);
  const xAt = (v: number) => round(left + plotWidth - axis.y(v));

  const { uses, note } = releaseUses();

  const rows: SeriesRow[] = months.map((m, i) => {
    const y = top + row * i;
    const barY = round(y + (row - barHeight) / 2);
    const stack = stackMonth(m, barMeasures, note);
    const base = stack.length ? stack[stack.length - 1].to : 0;
    const segments: SeriesSegment[] = stack.map((p) => {
      const x0 = xAt(p.from);
      return { ...p.segment, x: x0, y: barY, width: round(xAt(p.to) - x0), height: barHeight };
    });
    let total: SeriesTotalPoint | undefined;
    const t = lineOf(m);
    if (t) {
      note(t);
      total = { x: xAt(t.value), y: round(y + row / 2), value: t.value, release: t.release, derived: t.derived };
    }
    return {
      month: m.month,
      label: monthLabel(m.month, dates),
      ...labels[i],
      textY: round(y + row / 2 + fontSize * 0.35),
      band: { x: 0, y, width: round(left + plotWidth), height: row },
      segments,
      total,
      end: Math.max(xAt(base), total ? total.x + 4 : 0),
      tip: seriesTip(m, shown, options.words),
    };
  });

  const totalPath = brokenLine(rows.map((r) => r.total));

  // Events: a rule at the date's place in its month's row, then a disc in the gutter; discs that
  // would touch are pulled apart around where they want to be (dodge), never above the plot.
  const monthIndex = new Map(months.map((m, i) => [m.month, i]));
  const placed = [...(options.annotations ?? [])]
    .sort((a, b) => parsePartialDate(a.date).start.getTime() - parsePartialDate(b.date).start.getTime())
    .flatMap((a, k) => {
      const p = parsePartialDate(a.date);
      const i = monthIndex.get(`${p.year}-${String(p.month ?? 1).padStart(2, '0')}`);
      if (i === undefined || p.precision === 'year') return [];
      const fraction = p.precision === 'day' ? (p.day! - 0.5) / daysInMonth(p.year, p.month!) : 0.5;
      return [{ a, n: k + 1, i, y: round(top + row * (i + fraction)) }];
    });
  // Rules of one month closer than RULE_GAP are spread about where they want to be (in date order,
  // inside their month's row), so that each can be told from the next: 16, 22 and 26 July were 3–5 px apart.
  for (const i of new Set(placed.map((p) => p.i))) {
    const inMonth = placed.filter((p) => p.i === i);
    const gap = Math.min(RULE_GAP, (row - 4) / Math.max(1, inMonth.length - 1));
    const rowTop = top + row * i;
    const ys = dodge(
      inMonth.map((p) => ({ want: p.y, size: 0 })),
      { min: rowTop + 2, gap },
    );
    const over = Math.max(0, ys[ys.length - 1] - (rowTop + row - 2));
    inMonth.forEach((p, k) => (p.y = round(ys[k] - over)));
  }
  const discTops = dodge(
    placed.map((p) => ({ want: p.y - DISC_R, size: DISC_R * 2 })),
    { min: top, gap: 3 },
  );
  const discX = round(left + plotWidth + GUTTER_GAP + DISC_R);
  const annotations: SeriesRowMarker[] = placed.map((p, k) => ({
    id: p.a.id,
    n: p.n,
    label: String(p.n),
    fullLabel: p.a.label,
    y: p.y,
    x1: Math.min(rows[p.i].end + 3, round(left + plotWidth)),
    x2: round(left + plotWidth),
    discX,
    discY: round(discTops[k] + DISC_R),
  }));
  const lowest = Math.max(plot.y + plot.height, ...annotations.map((a) => a.discY + DISC_R));

  return {
    orientation: 'rows',
    width: options.width,
    height: Math.ceil(lowest + 4),
    plot,
    fontSize,
    barMeasures,
    lineMeasure,
    rows,
    totalPath,
    xTicks: axis.ticks.map((t) => ({ x: round(left + plotWidth - t.y), label: t.label })),
    labelX,
    annotations,
    annotationStyle: 'number',
    uses,
  };
}
