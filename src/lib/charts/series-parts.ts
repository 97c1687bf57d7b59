// What the two layouts of a series chart (columns, series.ts; rows, series-rows.ts) share: the stack of
// a month's values, the "sum of" line broken where a month has none, and which release marks are used.
import type { SeriesMeasure, SeriesMonth, SeriesValue } from '../timeline/schema';
import { measureValue } from '../timeline/series';
import type { SeriesSegment } from './series';

/** Which release marks a chart's values use, for its legend, and `note` to record each value drawn. */
export function releaseUses() {
  const uses = { firstRelease: false, revised: false, derived: false };
  const note = (v: Pick<SeriesValue, 'release' | 'derived'>) => {
    if (v.release === 'first-release') uses.firstRelease = true;
    else uses.revised = true;
    if (v.derived) uses.derived = true;
  };
  return { uses, note };
}

/**
 * A month's stack: each bar measure that has a value, from where the one before it ends (`from`, `to`,
 * in values), with the segment's fields but its box. A missing measure is left out, not drawn as zero.
 */
export function stackMonth(
  month: SeriesMonth,
  barMeasures: readonly SeriesMeasure[],
  note: (v: SeriesValue) => void,
): { from: number; to: number; segment: Omit<SeriesSegment, 'x' | 'y' | 'width' | 'height'> }[] {
  let base = 0;
  return barMeasures.flatMap((measure, slot) => {
    const v = measureValue(month, measure.id);
    if (!v) return [];
    note(v);
    const from = base;
    base += v.value;
    const segment = { measure: measure.id, slot, value: v.value, release: v.release, derived: v.derived };
    return [{ from, to: base, segment }];
  });
}

/** An SVG path through the points in order, broken where one is missing (a month without the value). */
export function brokenLine(points: readonly ({ x: number; y: number } | undefined)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p.x},${p.y}`;
    pen = true;
  }
  return d;
}
