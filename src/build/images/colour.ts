// CSS colours as portable SVG paint: "#rrggbb" plus an opacity, so every SVG viewer (and resvg)
// reads them the same way — no rgba(), no 4- or 8-digit hex, no "transparent".
// parsePaint('#0000') → { colour: 'none', alpha: 1 };  parsePaint('rgb(0 0 0 / .25)') → { colour: '#000000', alpha: 0.25 }

export interface Paint {
  /** '#rrggbb', 'none', a url(#id) reference, or a named colour passed through. */
  colour: string;
  /** 0–1, to multiply into fill-opacity / stroke-opacity. */
  alpha: number;
}

const hex2 = (n: number) =>
  Math.max(0, Math.min(255, Math.round(n)))
    .toString(16)
    .padStart(2, '0');

/** A CSS paint value as SVG paint, or null when it is not one this module reads. */
export function parsePaint(value: string): Paint | null {
  const v = value.trim();
  const lower = v.toLowerCase();
  if (lower === 'none') return { colour: 'none', alpha: 1 };
  if (lower === 'transparent') return { colour: 'none', alpha: 1 };
  if (lower.startsWith('url(')) return { colour: v, alpha: 1 };
  let m = /^#([0-9a-f]{3,8})$/i.exec(v);
  if (m) {
    const h = m[1];
    if (h.length === 3 || h.length === 4) {
      const [r, g, b, a] = [...h].map((c) => parseInt(c + c, 16));
      return finish(`#${hex2(r)}${hex2(g)}${hex2(b)}`, h.length === 4 ? a / 255 : 1);
    }
    if (h.length === 6 || h.length === 8) {
      const a = h.length === 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1;
      return finish(`#${h.slice(0, 6).toLowerCase()}`, a);
    }
    return null;
  }
  m = /^rgba?\(([^)]*)\)$/i.exec(v);
  if (m) {
    const parts = m[1].split(/[\s,/]+/).filter(Boolean);
    if (parts.length < 3) return null;
    const channel = (p: string) => (p.endsWith('%') ? (parseFloat(p) / 100) * 255 : parseFloat(p));
    const [r, g, b] = parts.slice(0, 3).map(channel);
    const a = parts[3] === undefined ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
    if ([r, g, b, a].some((x) => Number.isNaN(x))) return null;
    return finish(`#${hex2(r)}${hex2(g)}${hex2(b)}`, a);
  }
  if (/^[a-z]+$/i.test(v)) return { colour: NAMED[lower] ?? lower, alpha: 1 };
  return null;
}

function finish(colour: string, alpha: number): Paint {
  return alpha <= 0 ? { colour: 'none', alpha: 1 } : { colour, alpha: Math.round(alpha * 1000) / 1000 };
}

const NAMED: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  gray: '#808080',
  grey: '#808080',
};

/** Relative luminance of '#rrggbb' (WCAG 2). */
export function luminance(hex: string): number {
  const c = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

/** WCAG 2 contrast ratio of two '#rrggbb' colours (1–21). */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
