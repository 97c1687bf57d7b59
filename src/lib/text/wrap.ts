// Line breaking by measured width, for every text the site sets in SVG or draws into an image:
// greedy, at spaces, with "…" where the text must stop early. The timeline and the charts measure
// with the width table (measure.ts); the images pass the measure of the font they ship.
// wrapText('A long title', 600, (s) => sans.width(s, 40), 3) → ['A long', 'title']
import { ELLIPSIS, fit } from './fit';
import type { Measure } from './measure';

export type { Measure } from './measure';

export interface WrapOptions {
  /** Most lines; the last one takes the rest of the text, cut to fit. Default: no limit. */
  maxLines?: number;
  /**
   * A word wider than a line on its own: 'break' it across lines (the default), 'cut' it with "…"
   * and go on with the next word, or 'stop' there and cut it as the last line.
   */
  longWords?: 'break' | 'cut' | 'stop';
  /** Where the last line may be cut: at a word boundary (the default) or anywhere; see fit. */
  cut?: 'word' | 'char';
}

export interface Wrapped {
  /** One entry per line, in reading order. */
  lines: string[];
  /** True when some text was cut or left out. */
  truncated: boolean;
}

/** White space a line may break at: any but the no-break spaces ("22\u00a0July" stays on one line). */
const BREAKABLE = /[^\S\u00a0\u2007\u202f]+/;

/** `text` broken into lines no wider than `maxWidth`; null if not even one letter fits. */
export function wrapLines(text: string, maxWidth: number, measure: Measure, options: WrapOptions = {}): Wrapped | null {
  const { maxLines = Infinity, longWords = 'break', cut = 'word' } = options;
  const words = text.split(BREAKABLE).filter(Boolean);
  const lines: string[] = [];
  let truncated = false;
  // The last line allowed: the rest of the text, cut to fit.
  const finish = (rest: string): Wrapped | null => {
    const last = fit(rest, maxWidth, measure, cut);
    if (last) lines.push(last.text);
    return lines.length > 0 ? { lines, truncated: truncated || !last || last.truncated } : null;
  };
  let i = 0;
  while (i < words.length) {
    if (lines.length >= maxLines - 1) return finish(words.slice(i).join(' '));
    let line = words[i];
    if (measure(line) > maxWidth) {
      if (longWords === 'stop') return finish(words.slice(i).join(' '));
      if (longWords === 'cut') {
        const piece = fit(line, maxWidth, measure, cut);
        if (piece) lines.push(piece.text);
        truncated = true;
        i++;
        continue;
      }
      // 'break': whole lines of the word's letters, the remainder starts the next line.
      while (measure(line) > maxWidth) {
        if (lines.length >= maxLines - 1) return finish([line, ...words.slice(i + 1)].join(' '));
        let end = line.length - 1;
        while (end > 1 && measure(line.slice(0, end)) > maxWidth) end--;
        lines.push(line.slice(0, end));
        line = line.slice(end);
      }
    }
    i++;
    while (i < words.length && measure(`${line} ${words[i]}`) <= maxWidth) line += ` ${words[i++]}`;
    lines.push(line);
  }
  return { lines, truncated };
}

/**
 * Breaks `text` into lines no wider than `maxWidth` (a word longer than a line is broken). With
 * `maxLines`, the last line ends in "…" when text is left over.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure, maxLines = Infinity): string[] {
  return wrapLines(text, maxWidth, measure, { maxLines })?.lines ?? [];
}

/** `text` if it fits in `maxWidth`, else as many whole words as fit followed by "…" (at least one letter). */
export function truncate(text: string, maxWidth: number, measure: Measure): string {
  const t = text.trim();
  return fit(t, maxWidth, measure)?.text ?? `${t.slice(0, 1)}${ELLIPSIS}`;
}

/** The first sentence of a text ("First. Second." → "First."), for one-line captions. */
export function firstSentence(text: string): string {
  const t = text.trim().replace(/\s+/g, ' ');
  // A stop followed by a space and a capital (or the end) — not after an initial ("U.S.") or a title ("Mr.").
  const stop = /[.!?](?=\s+[A-Z“"‘(]|$)/g;
  for (let m = stop.exec(t); m; m = stop.exec(t)) {
    const before = t.slice(0, m.index + 1);
    if (/(^|[\s.])[A-Z]\.$/.test(before) || /\b(Mr|Mrs|Ms|Dr|St|No|Gen|Sen|Rep|Gov|Jr|Sr|vs|etc)\.$/.test(before))
      continue;
    return before;
  }
  return t;
}

/**
 * Like wrapText, but with lines of even length (CSS text-wrap: balance): the narrowest width that
 * keeps the same number of lines. A title then never ends on one orphaned word.
 */
export function balanceText(text: string, maxWidth: number, measure: Measure, maxLines = Infinity): string[] {
  const lines = wrapText(text, maxWidth, measure, maxLines);
  if (lines.length < 2 || lines[lines.length - 1].endsWith(ELLIPSIS)) return lines;
  let lo = 0;
  let hi = maxWidth;
  let best = lines;
  for (let i = 0; i < 12; i++) {
    const mid = (lo + hi) / 2;
    const attempt = wrapText(text, mid, measure);
    if (attempt.length === lines.length && !attempt.some((l) => measure(l) > mid)) {
      best = attempt;
      hi = mid;
    } else lo = mid;
  }
  return best;
}

/**
 * The largest font size from `sizes` (largest first) at which `text` wraps into at most `maxLines`
 * lines of `maxWidth`; at the smallest size the last line is cut with "…".
 */
export function fitLines(
  text: string,
  maxWidth: number,
  maxLines: number,
  sizes: readonly number[],
  measureAt: (text: string, size: number) => number,
  balance = false,
): { size: number; lines: string[] } {
  const wrap = balance ? balanceText : wrapText;
  for (const size of sizes) {
    const lines = wrapText(text, maxWidth, (s) => measureAt(s, size));
    if (lines.length <= maxLines) return { size, lines: wrap(text, maxWidth, (s) => measureAt(s, size), maxLines) };
  }
  const size = sizes[sizes.length - 1];
  return { size, lines: wrap(text, maxWidth, (s) => measureAt(s, size), maxLines) };
}
