// Label measurement and lane assignment: the pieces that keep label boxes apart. Text is
// measured with the one width table of src/lib/text (no canvas, so the build and every browser
// compute the same boxes), without the charts' system-font margin: see SYSTEM_FONT_MARGIN.
import { fit, type FittedText } from '../text/fit';
import { tableMeasure } from '../text/measure';
import { wrapLines } from '../text/wrap';

export { BOLD_WIDTH, textWidth } from '../text/measure';
export type { FittedText } from '../text/fit';

/** `text` as it fits in `maxWidth` px at `fontSize`: whole, cut at a word with "…", or null if not even one letter fits. */
export function fitText(text: string, maxWidth: number, fontSize: number): FittedText | null {
  return fit(text, maxWidth, tableMeasure(fontSize));
}

export interface WrappedText {
  /** One entry per row, in reading order. */
  lines: string[];
  /** The widest row, px. */
  width: number;
  /** True when the last row was cut with an ellipsis. */
  truncated: boolean;
}

/**
 * `text` broken at spaces into at most `maxLines` rows of at most `maxWidth` px; what does
 * not fit is cut from the last row with an ellipsis (a word longer than a row ends the label
 * there, cut too). Null if not even one letter fits.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2): WrappedText | null {
  const measure = tableMeasure(fontSize);
  const whole = measure(text);
  if (whole <= maxWidth) return { lines: [text], width: whole, truncated: false };
  const wrapped = wrapLines(text, maxWidth, measure, { maxLines, longWords: 'stop' });
  if (!wrapped) return null;
  return { lines: wrapped.lines, width: Math.max(...wrapped.lines.map(measure)), truncated: wrapped.truncated };
}

/**
 * Occupied stretches of a few parallel lanes, each a sorted list of disjoint
 * intervals kept at least `gap` px apart, each with an owner (an index the caller
 * chooses, -1 for none). Used to place label boxes in priority order: lookups are
 * binary searches, so n placements cost O(n log n · lanes).
 */
export class LaneGrid {
  readonly starts: number[][] = [];
  readonly ends: number[][] = [];
  readonly owners: number[][] = [];

  constructor(
    readonly lanes: number,
    readonly gap = 0,
  ) {
    for (let i = 0; i < lanes; i++) {
      this.starts.push([]);
      this.ends.push([]);
      this.owners.push([]);
    }
  }

  /** Index of the first interval in `lane` whose end comes within `gap` of `start` or later. */
  private seek(lane: number, start: number): number {
    const ends = this.ends[lane];
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (ends[mid] + this.gap <= start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether [start, end] can go into `lane` without coming within `gap` of anything there. */
  fits(lane: number, start: number, end: number): boolean {
    const i = this.seek(lane, start);
    return i === this.starts[lane].length || this.starts[lane][i] >= end + this.gap;
  }

  /** Records [start, end] in `lane`; call only after `fits` said yes. */
  insert(lane: number, start: number, end: number, owner = -1): void {
    const i = this.seek(lane, start);
    this.starts[lane].splice(i, 0, start);
    this.ends[lane].splice(i, 0, end);
    this.owners[lane].splice(i, 0, owner);
  }

  /** Records [start, end] in `lane`, joining it with every interval it comes within `gap` of (the result has owner -1). */
  merge(lane: number, start: number, end: number): void {
    const i = this.seek(lane, start);
    let j = i;
    const starts = this.starts[lane];
    const ends = this.ends[lane];
    while (j < starts.length && starts[j] < end + this.gap) {
      start = Math.min(start, starts[j]);
      end = Math.max(end, ends[j]);
      j++;
    }
    const owner = j === i + 1 && starts[i] === start && ends[i] === end ? this.owners[lane][i] : -1;
    starts.splice(i, j - i, start);
    ends.splice(i, j - i, end);
    this.owners[lane].splice(i, j - i, owner);
  }

  /** Removes the interval of `lane` that starts at `start` and belongs to `owner`; false if there is none. */
  remove(lane: number, start: number, owner: number): boolean {
    for (let i = this.seek(lane, start); i < this.starts[lane].length && this.starts[lane][i] <= start; i++) {
      if (this.starts[lane][i] === start && this.owners[lane][i] === owner) {
        this.starts[lane].splice(i, 1);
        this.ends[lane].splice(i, 1);
        this.owners[lane].splice(i, 1);
        return true;
      }
    }
    return false;
  }

  /** The lowest lane where [start, end] fits, or -1. */
  firstFit(start: number, end: number): number {
    for (let lane = 0; lane < this.lanes; lane++) if (this.fits(lane, start, end)) return lane;
    return -1;
  }

  /** The free stretch of `lane` around [start, end] (which must fit): from the previous interval to the next, gaps kept. */
  freeAround(lane: number, start: number, end: number): [number, number] {
    const i = this.seek(lane, start);
    const before = i > 0 ? this.ends[lane][i - 1] + this.gap : -Infinity;
    const after = i < this.starts[lane].length ? this.starts[lane][i] - this.gap : Infinity;
    return [Math.min(before, start), Math.max(after, end)];
  }

  /** How many intervals of `lane` come within `gap` of [start, end]. */
  overlaps(lane: number, start: number, end: number): number {
    return this.overlapping(lane, start, end).length;
  }

  /** The intervals of `lane` that come within `gap` (default the grid's, at most) of [start, end], as [start, end, owner] in order. */
  overlapping(lane: number, start: number, end: number, gap = this.gap): [number, number, number][] {
    const out: [number, number, number][] = [];
    const g = Math.min(gap, this.gap);
    for (let i = this.seek(lane, start); i < this.starts[lane].length && this.starts[lane][i] < end + g; i++) {
      if (this.ends[lane][i] + g > start) out.push([this.starts[lane][i], this.ends[lane][i], this.owners[lane][i]]);
    }
    return out;
  }
}
