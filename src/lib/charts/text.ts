// Text measurement for chart layouts: a fixed table of advance widths (Helvetica/Arial
// metrics, a little widened for wider system fonts), never a canvas, so the build and
// every browser compute the same boxes and the SVG never depends on the machine.

/** Advance widths of the printable ASCII characters 32–126, in thousandths of an em. */
// prettier-ignore
const ASCII = [
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

const OTHER: Readonly<Record<string, number>> = {
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
  '\u2009': 200,
};

/**
 * System fonts differ: DejaVu Sans (common on Linux) runs 12–14% wider than Arial, bold 20% more.
 * Widths are scaled by this factor so a box measured here holds the text everywhere.
 */
export const WIDTH_SAFETY = 1.14;

function charWidth(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 32 && code <= 126) return ASCII[code - 32];
  const w = OTHER[ch];
  if (w !== undefined) return w;
  // Accented Latin letters take the width of their base letter.
  const base = ch.normalize('NFD').charCodeAt(0);
  if (base >= 32 && base <= 126) return ASCII[base - 32];
  return code >= 0x2e80 ? 1000 : 600;
}

/** The estimated width in px of `text` at `fontSize` px (bold adds 14%). */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let sum = 0;
  for (const ch of text) sum += charWidth(ch);
  return (sum * fontSize * WIDTH_SAFETY * (bold ? 1.14 : 1)) / 1000;
}

/** `text` cut with an ellipsis to fit `maxWidth` px, or '' when not even one letter and the ellipsis fit. */
export function fitText(text: string, maxWidth: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= maxWidth) return text;
  const chars = [...text];
  for (let n = chars.length - 1; n > 0; n--) {
    const cut = chars
      .slice(0, n)
      .join('')
      .replace(/[\s,;:.\-–—(/]+$/u, '');
    if (cut === '') break;
    const candidate = `${cut}…`;
    if (textWidth(candidate, fontSize, bold) <= maxWidth) return candidate;
  }
  return '';
}

/**
 * `text` broken into lines of at most `maxWidth` px at word boundaries; at most `maxLines`
 * lines, the last one cut with an ellipsis when the text does not fit.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  maxLines = Infinity,
  bold = false,
): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const candidate = line ? `${line} ${words[i]}` : words[i];
    if (textWidth(candidate, fontSize, bold) <= maxWidth || line === '') {
      line = candidate;
      continue;
    }
    lines.push(line);
    line = words[i];
    if (lines.length === maxLines) {
      // No room for more lines: the last kept line takes the rest, cut to fit.
      const rest = [lines.pop()!, ...words.slice(i)].join(' ');
      lines.push(fitText(rest, maxWidth, fontSize, bold) || fitText(words[i], maxWidth, fontSize, bold));
      return lines;
    }
  }
  if (line) lines.push(line);
  // A single word longer than the line is cut too.
  return lines.map((l) => (textWidth(l, fontSize, bold) <= maxWidth ? l : fitText(l, maxWidth, fontSize, bold)));
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
 * The family name as a short label: "Kevin McAleenan" → "McAleenan", "Donald J. Trump" → "Trump";
 * for people of countries with two family names, the last two words of a name of three or more
 * ("Tonatiuh Guillén López" → "Guillén López").
 */
export function surname(name: string, country?: string): string {
  const words = name
    .replace(/\s*\(.*?\)\s*/g, ' ')
    .trim()
    .split(/\s+/)
    .filter((w) => !/^(Jr\.?|Sr\.?|I{2,3}|[A-Z]\.)$/.test(w));
  if (words.length <= 1) return words[0] ?? name;
  const particles = new Set(['de', 'del', 'la', 'las', 'los', 'van', 'von', 'der', 'da', 'di', 'y']);
  const take = country && TWO_SURNAME_COUNTRIES.has(country) && words.length >= 3 ? 2 : 1;
  let i = words.length - take;
  while (i > 1 && particles.has(words[i - 1].toLowerCase())) i--;
  return words.slice(i).join(' ');
}
