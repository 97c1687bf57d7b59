// Text measurement for chart layouts: the one width table of src/lib/text, widened by the
// system-font margin (SYSTEM_FONT_MARGIN) so a box measured here holds the text in any reader's
// sans-serif, and bold by BOLD_WIDTH. Labels are cut anywhere, not only at a word.
import { fit } from '../text/fit';
import { BOLD_WIDTH, SYSTEM_FONT_MARGIN, tableMeasure, type Measure } from '../text/measure';
import { wrapLines } from '../text/wrap';

function chartMeasure(fontSize: number, bold: boolean): Measure {
  return tableMeasure(fontSize, SYSTEM_FONT_MARGIN * (bold ? BOLD_WIDTH : 1));
}

/** The width in px of `text` at `fontSize` px, with the system-font margin (and the bold widening). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  return chartMeasure(fontSize, bold)(text);
}

/** `text` cut with an ellipsis to fit `maxWidth` px, or '' when not even one letter and the ellipsis fit. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  return fit(text, maxWidth, chartMeasure(fontSize, bold), 'char')?.text ?? '';
}

/**
 * `text` broken into lines of at most `maxWidth` px at word boundaries; at most `maxLines`
 * lines, the last one cut with an ellipsis when the text does not fit (and a word longer than a line too).
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines = Infinity,
  bold = false,
): string[] {
  const measure = chartMeasure(fontSize, bold);
  return wrapLines(text, maxWidth, measure, { maxLines, longWords: 'cut', cut: 'char' })?.lines ?? [];
}

/** Countries where a full name usually ends with two family names (paternal, maternal). */
const TWO_SURNAME_COUNTRIES = new Set([
  'AR',
  'BO',
  'CL',
  'CO',
  'CR',
  'CU',
  'DO',
  'EC',
  'ES',
  'GT',
  'HN',
  'MX',
  'NI',
  'PA',
  'PE',
  'PY',
  'SV',
  'UY',
  'VE',
]);

/**
 * The short forms of a name, longest first. First the family name: "Ada King" → "King", "Mary J. Blige" →
 * "Blige"; for people of countries with two family names, the last two words of a name of three or more
 * ("María Pérez Gómez" → "Pérez Gómez"). Then, where there are two, the first of them alone, as the press
 * of those countries shortens a name ("Pérez"; "Juan de la Fuente Ramírez" → "de la Fuente").
 */
export function surnames(name: string, country?: string): string[] {
  const words = name
    .replace(/\s*\(.*?\)\s*/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => !/^(Jr\.?|Sr\.?|I{2,3}|[A-Z]\.)$/.test(w));
  if (words.length <= 1) return [words[0] ?? name];
  const particles = new Set(['de', 'del', 'la', 'las', 'los', 'van', 'von', 'der', 'da', 'di', 'y']);
  const take = country && TWO_SURNAME_COUNTRIES.has(country) && words.length >= 3 ? 2 : 1;
  let i = words.length - take;
  while (i > 1 && particles.has(words[i - 1].toLowerCase())) i--;
  const family = words.slice(i).join(' ');
  // The first of two family names: what is left when the last word (and any particle before it) goes.
  let end = words.length - 1;
  while (end > i && particles.has(words[end - 1].toLowerCase())) end--;
  return take === 2 && end > i ? [family, words.slice(i, end).join(' ')] : [family];
}
