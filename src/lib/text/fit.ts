// One way to shorten a label to a width: as many characters as fit, then "…".
import type { Measure } from './measure';

export const ELLIPSIS = '…';

export interface FittedText {
  text: string;
  /** Its width, px. */
  width: number;
  truncated: boolean;
}

/**
 * `text` as it fits in `maxWidth` px: whole, or cut and ended with "…" (never on dangling
 * punctuation); null if not even one letter fits. With `cut: 'word'` (the default) the cut falls
 * at a word boundary, so the shortened label is still words of the full one (speech input users
 * say what they see; WCAG 2.5.3), unless the first word alone is too long; with 'char' anywhere.
 * `measure` must add up: the width of a string is the sum of its characters' widths.
 */
export function fit(
  text: string,
  maxWidth: number,
  measure: Measure,
  cut: 'word' | 'char' = 'word',
): FittedText | null {
  const full = measure(text);
  if (full <= maxWidth) return { text, width: full, truncated: false };
  const budget = maxWidth - measure(ELLIPSIS);
  let used = 0;
  let end = 0;
  while (end < text.length) {
    const w = measure(text[end]);
    if (used + w > budget) break;
    used += w;
    end++;
  }
  let kept = text.slice(0, end);
  if (cut === 'word' && end < text.length && !/\s/.test(text[end])) {
    const space = kept.search(/\s\S*$/u);
    if (space > 0) kept = kept.slice(0, space); // one long word: cut inside it
  }
  kept = kept.replace(/[\s,;:.\-–—(/]+$/u, '');
  if (kept.length === 0) return null;
  kept += ELLIPSIS;
  return { text: kept, width: measure(kept), truncated: true };
}
