// The DejaVu fonts cut down to the characters the site's images draw, for the PNG renders. resvg reads
// a font file whole each time it outlines a glyph (about 170 times for a social card), and a full DejaVu
// file is 700 KB; a subset of the data's characters is about 16 KB. A subset keeps every glyph it holds
// exactly (outlines, advances, kerning: HarfBuzz's hb-subset), so a PNG is the same to the byte;
// an SVG with a character outside the subset is drawn with the full files (`covers`).
// const fonts = await subsetFonts(text, dir); renderOptions(1200, fonts.covers(svg) ? fonts.files : undefined)
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import subsetFont from 'subset-font';
import { fontFiles } from './render';

/** What every image may draw beyond the data's own text: ASCII, Latin-1 and common punctuation. */
const BASE_CHARACTERS = (() => {
  let s = '\t\n\r';
  for (let c = 0x20; c < 0x7f; c++) s += String.fromCodePoint(c);
  for (let c = 0xa0; c <= 0xff; c++) s += String.fromCodePoint(c);
  return s + '‐‑‒–—―‘’‚“”„†•…‰′″‹›€−×÷←↑→↓';
})();

export interface FontSubset {
  /** The subset files, in the order of fontFiles(). */
  files: string[];
  /** Whether every character of `svg` is in the subset (and none is written as a character reference). */
  covers: (svg: string) => boolean;
}

/** Subsets of fontFiles() holding BASE_CHARACTERS and those of `text`, written into `dir`. */
export async function subsetFonts(text: string, dir: string): Promise<FontSubset> {
  const chars = [...new Set(BASE_CHARACTERS + text)].sort();
  const files = await Promise.all(
    fontFiles().map(async (file) => {
      // Name records 0–6 and 16–17: the family and style names the renderer finds the faces by.
      const subset = await subsetFont(readFileSync(file), chars.join(''), {
        targetFormat: 'truetype',
        preserveNameIds: [0, 1, 2, 3, 4, 5, 6, 16, 17],
      });
      const out = join(dir, basename(file));
      writeFileSync(out, subset);
      return out;
    }),
  );
  const hex = (ch: string) => `\\u{${ch.codePointAt(0)!.toString(16)}}`;
  const outside = new RegExp(`[^${chars.map(hex).join('')}]`, 'u');
  return { files, covers: (svg) => !svg.includes('&#') && !outside.test(svg) };
}
