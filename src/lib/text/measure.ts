// Text measurement for the SVG layouts: widths come from a fixed table (widths.ts, Helvetica/Arial
// advance widths), never a canvas, so the build and every browser compute the same boxes.
// The images measure with the font they ship instead and pass their own `Measure`.
import { ASCII_WIDTHS, OTHER_WIDTHS } from './widths';

/** Measures a string in px. */
export type Measure = (text: string) => number;

/**
 * How much wider bold text runs than regular (font-weight 600–700). Measured in Chromium:
 * DejaVu Sans Bold is 1.13× its regular weight (up to 1.15× on capitals); Helvetica and
 * San Francisco about 1.06×. The larger figure is used, so a bold label is never longer than its box.
 */
export const BOLD_WIDTH = 1.15;

/**
 * The margin the companion charts add to every width: their labels sit in tight boxes (bars, axis
 * ends) and are drawn in the reader's system sans-serif, and DejaVu Sans (common on Linux) runs
 * 12–14% wider than the Helvetica widths of the table. The timeline measures without it: its
 * layout keeps its own padding between labels, and its boxes were tuned on the bare table.
 */
export const SYSTEM_FONT_MARGIN = 1.14;

const otherCache = new Map<number, number>();

/** The advance width of one character (code point `code`), in thousandths of an em. */
export function charWidth(code: number, ch: string): number {
  if (code >= 32 && code <= 126) return ASCII_WIDTHS[code - 32];
  const cached = otherCache.get(code);
  if (cached !== undefined) return cached;
  let w = OTHER_WIDTHS[ch];
  if (w === undefined) {
    // Accented Latin letters take the width of their base letter; CJK is a full em; the rest a guess.
    const base = ch.normalize('NFD').charCodeAt(0);
    if (base >= 32 && base <= 126) w = ASCII_WIDTHS[base - 32];
    else w = code >= 0x2e80 ? 1000 : 600;
  }
  otherCache.set(code, w);
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

/** A `Measure` for the table at `fontSize` px, widened by `scale` (BOLD_WIDTH, SYSTEM_FONT_MARGIN, …). */
export function tableMeasure(fontSize: number, scale = 1): Measure {
  const size = fontSize * scale;
  return (text) => textWidth(text, size);
}
