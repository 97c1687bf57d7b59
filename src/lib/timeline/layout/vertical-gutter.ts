// Vertical: the gutter left of the axis line, and the period bands. Annotations go into the gutter
// first, beside their date on up to two rows, or three where two do not hold the text (a translation's
// longer words) (the date is in their text: the axis labels they cover give way), then the axis labels,
// then the period labels.
import { parsePartialDate, partialDateMidpoint } from '../../dates';
import { wrapText, type LaneGrid } from '../lanes';
import type { TimeTick } from '../ticks';
import { PAD, V_GAP, V_LEFT, round } from './constants';
import { pos, shorten, type Item } from './context';
import { axisText } from './axis';
import { noteFont, periodShown } from './periods';
import type { Annotation, AnnotationMark, Period, PeriodBand } from './types';
import { gapAt, placeLabel, type LabelColumn } from './vertical-labels';
import type { VerticalFrame } from './vertical-frame';

/**
 * Annotations in the gutter beside their dates, whole or not at all; each with a rule across the plot.
 * Those whose text two lines hold go first; then those that need three, where room is left. A label ends
 * short of the marks on the axis line beside it (`onLine`: their positions along the axis and radii),
 * where one is larger than the axis labels' gap allows for (a highlighted event's).
 */
export function gutterAnnotations(
  list: readonly Annotation[],
  gutter: LaneGrid,
  f: VerticalFrame,
  onLine: readonly { x: number; r: number }[] = [],
): AnnotationMark[] {
  const { ctx, labelH, plotY, length, axisLabelX } = f;
  const font = noteFont(ctx);
  const placed: [number, AnnotationMark][] = [];
  const place = (a: Annotation, i: number, lines: number): boolean => {
    const y = pos(ctx, partialDateMidpoint(parsePartialDate(a.date)));
    if (y < ctx.viewL || y > ctx.viewR) return true;
    const [from, to] = [y - lines * labelH, y + lines * labelH];
    const right = Math.min(
      axisLabelX,
      ...onLine.filter((m) => m.x + m.r > from && m.x - m.r < to).map((m) => f.spineX - m.r - 3),
    );
    const wrapped = wrapText(a.text, right - V_LEFT, font, lines);
    if (!wrapped || wrapped.truncated) return false;
    const h = wrapped.lines.length * labelH;
    const top = Math.max(plotY, Math.min(y - labelH / 2, plotY + length - h));
    if (!gutter.fits(0, top, top + h)) return true;
    gutter.insert(0, top, top + h);
    placed.push([
      i,
      {
        id: a.id,
        text: a.text,
        lines: wrapped.lines,
        labelBox: { x: round(right - wrapped.width), y: round(top), w: round(wrapped.width), h },
        labelAnchor: 'end',
        x1: round(f.spineX - 6),
        y1: round(y),
        x2: round(f.width - PAD),
        y2: round(y),
      },
    ]);
    return true;
  };
  const longer = list.map((a, i) => (place(a, i, 2) ? -1 : i)).filter((i) => i >= 0);
  for (const i of longer) place(list[i], i, 3);
  return placed.sort((a, b) => a[0] - b[0]).map(([, mark]) => mark);
}

/**
 * The axis ticks, each label kept where the gutter has room for it and where no event of another date
 * sits level with it (else the tick stays, unlabelled): a reader pairs a date with the event beside it,
 * and in a focus, where empty days take a few px, "1 Jul" would sit beside a 2 July event.
 */
export function gutterTicks(
  all: readonly TimeTick[],
  gutter: LaneGrid,
  f: VerticalFrame,
  items: readonly Item[],
): TimeTick[] {
  const { plotY } = f;
  const tickH = axisText(f.ctx).lineH;
  // Level with: the label's line and the event's (centred on its mark) overlap. Items are in order down the page.
  const beside = (t: TimeTick) => {
    const y = plotY + t.x;
    for (let i = firstAtOrAfter(items, y - tickH + 0.001); i < items.length && items[i].x < y + tickH; i++) {
      const ev = items[i].ev;
      if (ev && !sameDate(ev.t, t)) return true;
    }
    return false;
  };
  const ticks = all.map((t) =>
    t.label && (!gutter.fits(0, plotY + t.x - tickH / 2, plotY + t.x + tickH / 2) || beside(t))
      ? { ...t, label: '', level: 'sub' as const }
      : t,
  );
  for (const t of ticks) if (t.label) gutter.insert(0, plotY + t.x - tickH / 2, plotY + t.x + tickH / 2);
  return ticks;
}

/** A period label to place in the column of labels once the marks' labels are in (placePeriodLabels). */
export interface PendingPeriodLabel {
  band: PeriodBand;
  text: { text: string; width: number };
  order: number;
  /** The band, px down the page. */
  y0: number;
  y1: number;
}

/** Whether a mark stands level with a label over [top, top + h]: the label would read as its. */
function markLevel(items: readonly Item[], top: number, h: number): Item | undefined {
  for (let i = firstAtOrAfter(items, top - 20); i < items.length && items[i].x < top + h + 20; i++) {
    const it = items[i];
    if (it.x + it.r > top && it.x - it.r < top + h) return it;
  }
  return undefined;
}

/**
 * Periods: bands across the plot. Each label goes at the top of its band beside the axis labels,
 * where it keeps clear of them; else into the column of labels at the band's top, before the marks'
 * labels, where no mark stands level with it; else it waits in `pending` for placePeriodLabels.
 */
export function verticalPeriods(
  periods: readonly Period[],
  items: readonly Item[],
  gutter: LaneGrid,
  column: LabelColumn,
  f: VerticalFrame,
  pending: PendingPeriodLabel[],
): PeriodBand[] {
  const { ctx, labelH, axisLabelX } = f;
  const font = noteFont(ctx);
  const bands: PeriodBand[] = [];
  periods.forEach((p, order) => {
    const shown = periodShown(p, ctx);
    if (!shown) return;
    const [y0, y1, dateText] = shown;
    const band: PeriodBand = {
      id: p.id,
      label: p.label,
      text: null,
      x: f.plot.x,
      y: round(y0),
      w: f.plot.w,
      h: round(y1 - y0),
      labelBox: null,
      labelAnchor: 'start',
      dateText,
      ariaLabel: `${dateText}: ${p.label}`,
    };
    const gutterTop = Math.min(y0 + 2, f.plotY + f.length - labelH);
    const inGutter = shorten(p.label, axisLabelX - V_LEFT, font);
    if (inGutter && gutter.fits(0, gutterTop, gutterTop + labelH)) {
      gutter.insert(0, gutterTop, gutterTop + labelH);
      band.text = inGutter.text;
      band.labelAnchor = 'end';
      band.labelBox = {
        x: round(axisLabelX - inGutter.width),
        y: round(gutterTop),
        w: round(inGutter.width),
        h: labelH,
      };
    } else {
      const fitted = shorten(p.label, f.labelsW, font);
      // "Days 46–90" beside a hexagon whose own label found no room read as that event's name.
      const clear = fitted && !markLevel(items, y0 + 2, labelH);
      // Ranked just before the marks at the band's start (ranks are integers).
      const top = clear ? placeLabel(column, firstAtOrAfter(items, y0) - 0.5 + order / 1000, y0 + 2, labelH) : null;
      if (fitted && top !== null) {
        band.text = fitted.text;
        band.labelBox = { x: round(f.labelsX), y: round(top), w: round(fitted.width), h: labelH };
      } else if (fitted) pending.push({ band, text: fitted, order, y0, y1 });
    }
    bands.push(band);
  });
  return bands;
}

/**
 * The period labels that waited (verticalPeriods), once the marks' labels are in: each in the first
 * stretch of the column, from its band's top down, where it has room inside its band and no mark
 * stands level with it; else none (its band still shows, and names itself to a screen reader).
 */
export function placePeriodLabels(
  pending: readonly PendingPeriodLabel[],
  items: readonly Item[],
  column: LabelColumn,
  f: VerticalFrame,
): void {
  const { labelH } = f;
  for (const { band, text, order, y0, y1 } of pending) {
    let top = y0 + 2;
    while (top + labelH <= y1) {
      const rank = firstAtOrAfter(items, top) - 0.5 + order / 1000;
      const [gapTop, gapBottom, next] = gapAt(column, rank);
      top = Math.max(top, gapTop);
      const level = markLevel(items, top, labelH);
      if (level) top = level.x + level.r + 1;
      else if (top + labelH <= Math.min(gapBottom, y1)) {
        const placed = placeLabel(column, rank, top, labelH);
        if (placed !== null) {
          band.text = text.text;
          band.labelBox = { x: round(f.labelsX), y: round(placed), w: round(text.width), h: labelH };
        }
        break;
      } else {
        // Past the label below this stretch (a label shifted up can start above `top`): always down the page.
        if (next >= column.ranks.length) break;
        top = Math.max(top + 1, column.bottoms[next] + V_GAP);
      }
    }
  }
}

/** The index of the first item (in order down the page) at or below `y`. */
function firstAtOrAfter(items: readonly Item[], y: number): number {
  let a = 0;
  let b = items.length;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (items[mid].x < y) a = mid + 1;
    else b = mid;
  }
  return a;
}

/**
 * Whether `t` (ms) falls in the day, month or year a tick's label names. The label says which: a
 * day's number ("1 Jul", "1 jul 2019"; a month's first day among days is labelled so), a month's name
 * ("Jul", "Jul 2019"), or a year alone ("2019").
 */
function sameDate(t: number, tick: TimeTick): boolean {
  const a = new Date(t);
  const b = new Date(tick.t);
  const year = a.getUTCFullYear() === b.getUTCFullYear();
  const month = year && a.getUTCMonth() === b.getUTCMonth();
  if (/(^|\D)\d{1,2}(\D|$)/.test(tick.label)) return month && a.getUTCDate() === b.getUTCDate();
  return /\p{L}/u.test(tick.label) ? month : year;
}
