// Line breaking for the images' text (titles, captions, source lines): greedy, by measured width,
// with an ellipsis when the text must stop early.
// wrapText('A long title', 600, (s) => sans.width(s, 40), 3) → ['A long', 'title']

/** Measures a string in px. */
export type Measure = (text: string) => number;

const ELLIPSIS = '…';

/**
 * Breaks `text` into lines no wider than `maxWidth` (a word longer than a line is cut). With
 * `maxLines`, the last line ends in "…" when text is left over.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure, maxLines = Infinity): string[] {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const candidate = line ? `${line} ${word}` : word;
    if (measure(candidate) <= maxWidth) {
      line = candidate;
      continue;
    }
    if (line) {
      lines.push(line);
      line = '';
      if (lines.length === maxLines) {
        lines[maxLines - 1] = truncate(`${lines[maxLines - 1]} ${words.slice(i).join(' ')}`, maxWidth, measure);
        return lines;
      }
    }
    // A word wider than the line on its own: cut it.
    if (measure(word) > maxWidth) {
      let rest = word;
      while (measure(rest) > maxWidth) {
        let cut = rest.length - 1;
        while (cut > 1 && measure(rest.slice(0, cut)) > maxWidth) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
        if (lines.length === maxLines) {
          lines[maxLines - 1] = truncate(
            `${lines[maxLines - 1]}${rest} ${words.slice(i + 1).join(' ')}`,
            maxWidth,
            measure,
          );
          return lines;
        }
      }
      line = rest;
    } else line = word;
  }
  if (line) lines.push(line);
  return lines;
}

/** `text` if it fits in `maxWidth`, else as many whole words as fit followed by "…". */
export function truncate(text: string, maxWidth: number, measure: Measure): string {
  const t = text.trim();
  if (measure(t) <= maxWidth) return t;
  const words = t.split(/\s+/);
  while (words.length > 1) {
    words.pop();
    const candidate = `${words.join(' ').replace(/[\s,;:.–—-]+$/, '')}${ELLIPSIS}`;
    if (measure(candidate) <= maxWidth) return candidate;
  }
  // One word that does not fit: cut it by characters.
  let word = words[0] ?? '';
  while (word.length > 1 && measure(`${word}${ELLIPSIS}`) > maxWidth) word = word.slice(0, -1);
  return `${word}${ELLIPSIS}`;
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
