// Label measurement and lane assignment: the pieces that keep label boxes apart.
// Text widths come from a fixed table (Helvetica/Arial advance widths), never a
// canvas, so the build and every browser compute the same boxes.

/** Advance widths of the printable ASCII characters 32–126, in thousandths of an em. */
// prettier-ignore
const ASCII_WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
  556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0 … 9
  278, 278, 584, 584, 584, 556, 1015, // : … @
  667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A … M
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N … Z
  278, 278, 278, 469, 556, 333, // [ … `
  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a … m
  556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n … z
  334, 260, 334, 584, // { … ~
];

const OTHER_WIDTHS: Readonly<Record<string, number>> = {
  '…': 1000,
  '–': 556,
  '—': 1000,
  '‘': 222,
  '’': 222,
  '“': 333,
  '”': 333,
  '•': 350,
  '€': 556,
  '£': 556,
  '°': 400,
  '×': 584,
  '\u00a0': 278,
  ß: 611,
};

const ELLIPSIS = '…';
const widthCache = new Map<number, number>();

function charWidth(code: number, ch: string): number {
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32];
  const cached = widthCache.get(code);
  if (cached !== undefined) return cached;
  let w = OTHER_WIDTHS[ch];
  if (w === undefined) {
    // Accented Latin letters take the width of their base letter.
    const base = ch.normalize('NFD').charCodeAt(0);
    if (base >= 32 && base <= 126) w = ASCII_WIDTHS[base - 32];
    else w = code >= 0x2e80 ? 1000 : 600;
  }
  widthCache.set(code, w);
  return w;
}

/** The estimated width in px of `text` set at `fontSize` px in a Helvetica-like sans-serif. */
export function textWidth(text: string, fontSize: number): number {
  let sum = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    sum += code >= 32 && code <= 126 ? ASCII_WIDTHS[code - 32] : charWidth(code, text[i]);
  }
  return (sum * fontSize) / 1000;
}

export interface FittedText {
  text: string;
  width: number;
  truncated: boolean;
}

/**
 * How much wider bold text runs than regular (font-weight 600–700). Measured in Chromium:
 * DejaVu Sans Bold is 1.13× its regular weight (up to 1.15× on capitals); Helvetica and
 * San Francisco about 1.06×. The larger figure is used, so a bold label is never longer than its box.
 */
export const BOLD_WIDTH = 1.15;

/** `text` as it fits in `maxWidth` px: whole, cut with an ellipsis, or null if not even one letter fits. */
export function fitText(text: string, maxWidth: number, fontSize: number): FittedText | null {
  const full = textWidth(text, fontSize);
  if (full <= maxWidth) return { text, width: full, truncated: false };
  const ellipsis = textWidth(ELLIPSIS, fontSize);
  const budget = maxWidth - ellipsis;
  let used = 0;
  let end = 0;
  while (end < text.length) {
    const w = (charWidth(text.charCodeAt(end), text[end]) * fontSize) / 1000;
    if (used + w > budget) break;
    used += w;
    end++;
  }
  // Cut at a word boundary, so the shortened label is still words of the event's name (speech
  // input users say what they see; WCAG 2.5.3), and do not end on dangling punctuation.
  let cut = text.slice(0, end);
  if (end < text.length && !/\s/.test(text[end])) {
    const space = cut.search(/\s\S*$/u);
    if (space > 0) cut = cut.slice(0, space); // one long word: cut inside it
  }
  cut = cut.replace(/[\s,;:.\-–—(/]+$/u, '');
  if (cut.length === 0) return null;
  cut += ELLIPSIS;
  return { text: cut, width: textWidth(cut, fontSize), truncated: true };
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
 * not fit is cut from the last row with an ellipsis (a word longer than a row is cut too).
 * Null if not even one letter fits.
 */
export function wrapText(text: string, maxWidth: number, fontSize: number, maxLines = 2): WrappedText | null {
  const whole = textWidth(text, fontSize);
  if (whole <= maxWidth) return { lines: [text], width: whole, truncated: false };
  const words = text.split(' ');
  const space = textWidth(' ', fontSize);
  const lines: string[] = [];
  const widths: number[] = [];
  let i = 0;
  while (i < words.length && lines.length < maxLines - 1) {
    // Greedy: as many words as fit on this row (at least one, which may then be cut below).
    let line = words[i];
    let w = textWidth(line, fontSize);
    if (w > maxWidth) break;
    i++;
    while (i < words.length) {
      const next = textWidth(words[i], fontSize);
      if (w + space + next > maxWidth) break;
      line += ` ${words[i]}`;
      w += space + next;
      i++;
    }
    lines.push(line);
    widths.push(textWidth(line, fontSize));
  }
  if (i < words.length) {
    const last = fitText(words.slice(i).join(' '), maxWidth, fontSize);
    if (!last) return lines.length > 0 ? { lines, width: Math.max(...widths), truncated: true } : null;
    lines.push(last.text);
    widths.push(last.width);
    return { lines, width: Math.max(...widths), truncated: last.truncated };
  }
  return { lines, width: Math.max(...widths), truncated: false };
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

export interface Interval {
  start: number;
  end: number;
}

export interface LaneOptions {
  /** Most lanes to open; intervals that find none get lane -1. Default: unlimited. */
  maxLanes?: number;
  /** Least distance between two intervals in one lane, px. Default 0. */
  gap?: number;
}

/**
 * Greedy interval partitioning: sorted by start, each interval goes into the
 * lowest-numbered lane that is free, opening a new lane when none is. Uses the
 * fewest lanes possible; O(n log n). Returns the lane of each interval, in input
 * order, or -1 for intervals beyond `maxLanes`.
 */
export function assignLanes(intervals: readonly Interval[], options: LaneOptions = {}): number[] {
  const maxLanes = options.maxLanes ?? Infinity;
  const gap = options.gap ?? 0;
  const order = intervals.map((_, i) => i);
  order.sort((a, b) => intervals[a].start - intervals[b].start || intervals[a].end - intervals[b].end || a - b);
  const lanes = new Array<number>(intervals.length).fill(-1);
  // busy: (end, lane) pairs by end; free: lane numbers, lowest first.
  const busy = new MinHeap<[number, number]>((a, b) => a[0] - b[0] || a[1] - b[1]);
  const free = new MinHeap<number>((a, b) => a - b);
  let opened = 0;
  for (const i of order) {
    const { start, end } = intervals[i];
    while (busy.size > 0 && busy.peek()[0] + gap <= start) free.push(busy.pop()[1]);
    let lane: number;
    if (free.size > 0) lane = free.pop();
    else if (opened < maxLanes) lane = opened++;
    else continue;
    lanes[i] = lane;
    busy.push([end, lane]);
  }
  return lanes;
}

class MinHeap<T> {
  private items: T[] = [];
  constructor(private readonly less: (a: T, b: T) => number) {}
  get size(): number {
    return this.items.length;
  }
  peek(): T {
    return this.items[0];
  }
  push(item: T): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.less(a[i], a[p]) >= 0) break;
      [a[i], a[p]] = [a[p], a[i]];
      i = p;
    }
  }
  pop(): T {
    const a = this.items;
    const top = a[0];
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && this.less(a[l], a[m]) < 0) m = l;
        if (r < a.length && this.less(a[r], a[m]) < 0) m = r;
        if (m === i) break;
        [a[i], a[m]] = [a[m], a[i]];
        i = m;
      }
    }
    return top;
  }
}
