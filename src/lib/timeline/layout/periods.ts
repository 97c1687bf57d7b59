// Horizontal: period bands and their labels, and the dated annotations above them.
import { formatDateRange, parsePartialDate, partialDateMidpoint } from '../../dates';
import { LaneGrid, textWidth } from '../lanes';
import { LABEL_GAP, round } from './constants';
import { pos, shorten, type Ctx } from './context';
import type { Annotation, AnnotationMark, Period, PeriodBand } from './types';

/** A period's visible part along the time axis (start, end) and its date text, or null when it is out of view. */
export function periodShown(p: Period, ctx: Ctx): [number, number, string] | null {
  const s = pos(ctx, parsePartialDate(p.start).start.getTime());
  const e = pos(ctx, parsePartialDate(p.end).end.getTime());
  if (e < ctx.viewL || s > ctx.viewR) return null;
  return [Math.max(s, ctx.viewL), Math.min(e, ctx.viewR), formatDateRange(p.start, p.end, ctx.words.dates)];
}

/**
 * Period bands across the plot, each label in the row above the tracks at its band's
 * start. A label may run on past its band's end, but never into the next band to the
 * right nor past the plot; it is cut, or hidden when the cut would be too short.
 */
export function layoutPeriodsHorizontal(
  periods: readonly Period[],
  ctx: Ctx,
  plotY: number,
  plotH: number,
  rowH: number,
): PeriodBand[] {
  const bands: (PeriodBand & { order: number; start: number })[] = [];
  periods.forEach((p, order) => {
    const shown = periodShown(p, ctx);
    if (!shown) return;
    const [x0, x1, dateText] = shown;
    bands.push({
      order,
      start: x0,
      id: p.id,
      label: p.label,
      text: null,
      x: round(x0),
      y: plotY,
      w: round(x1 - x0),
      h: round(plotH),
      labelBox: null,
      labelAnchor: 'start',
      dateText,
      ariaLabel: `${dateText}: ${p.label}`,
    });
  });
  const font = noteFont(ctx);
  const grid = new LaneGrid(1, LABEL_GAP);
  const sorted = [...bands].sort((a, c) => a.start - c.start || a.order - c.order);
  sorted.forEach((b, i) => {
    const x0 = b.start + 4;
    let limit = ctx.viewR - 2;
    for (let j = i + 1; j < sorted.length; j++) {
      if (sorted[j].start > b.start) {
        limit = Math.min(limit, sorted[j].start - 2);
        break;
      }
    }
    const fitted = shorten(b.label, limit - x0, font);
    if (!fitted || !grid.fits(0, x0, x0 + fitted.width)) return;
    grid.insert(0, x0, x0 + fitted.width);
    b.text = fitted.text;
    b.labelBox = { x: round(x0), y: round(plotY + (rowH - ctx.labelH) / 2), w: round(fitted.width), h: ctx.labelH };
  });
  return bands.map(({ order: _order, start: _start, ...b }) => b);
}

/**
 * Annotations in the row above the periods: each text starts just right of its date (or ends
 * just left of it near the plot's right edge), whole or not at all, clear of the others; a rule
 * marks the date down the plot.
 */
export function layoutAnnotationsHorizontal(
  list: readonly Annotation[],
  ctx: Ctx,
  plotY: number,
  plotH: number,
  rowH: number,
): AnnotationMark[] {
  const out: AnnotationMark[] = [];
  const rows = Math.max(1, Math.floor(rowH / ctx.labelH));
  const grid = new LaneGrid(rows, LABEL_GAP);
  const font = noteFont(ctx);
  for (const a of list) {
    const x = pos(ctx, partialDateMidpoint(parsePartialDate(a.date)));
    if (x < ctx.viewL || x > ctx.viewR) continue;
    const w = textWidth(a.text, font);
    // Right of the rule, then left of it, in the first row with room.
    let spot: [number, number] | null = null;
    for (let row = 0; row < rows && !spot; row++) {
      for (const x0 of [x + 3, x - 3 - w]) {
        if (x0 >= ctx.viewL && x0 + w <= ctx.viewR && grid.fits(row, x0, x0 + w)) {
          spot = [row, x0];
          break;
        }
      }
    }
    if (!spot) continue;
    const [row, x0] = spot;
    grid.insert(row, x0, x0 + w);
    out.push({
      id: a.id,
      text: a.text,
      lines: [a.text],
      labelBox: { x: round(x0), y: round(plotY + 2 + row * ctx.labelH), w: round(w), h: ctx.labelH },
      labelAnchor: x0 > x ? 'start' : 'end',
      x1: round(x),
      y1: round(plotY),
      x2: round(x),
      y2: round(plotY + plotH),
    });
  }
  return out;
}

/** Period labels are set one px smaller than event labels, like the axis (the renderers set font-size on the periods' group). */
export function periodFontSize(fontSize: number): number {
  return fontSize - 1;
}

/** The font size that measures period and annotation labels. */
export const noteFont = (ctx: Ctx) => (ctx.mFont / ctx.o.fontSize) * periodFontSize(ctx.o.fontSize);
