// The fonts cut down to the data's characters (src/build/images/font-subset.ts): a PNG drawn with them
// is the same to the byte as one drawn with the full files, and an SVG with any other character is
// not covered (the build draws it with the full files).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { subsetFonts, type FontSubset } from '../../src/build/images/font-subset';
import { fontFiles, renderOptions } from '../../src/build/images/render';

const svg = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="80" viewBox="0 0 300 80">` +
  `<text x="4" y="30" font-size="22" font-weight="700">${text}</text>` +
  `<text x="4" y="64" font-size="18" font-style="italic">AVAT Wa ${text}</text></svg>`;
const png = (markup: string, files?: string[]) => new Resvg(markup, renderOptions(300, files)).render().asPng();

let dir: string;
let fonts: FontSubset;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'font-subset-'));
  fonts = await subsetFonts('Año nuevo: ½ — «Zoë»', dir);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('subsetFonts', () => {
  it('writes each face much smaller than the full file', () => {
    expect(fonts.files).toHaveLength(fontFiles().length);
    fonts.files.forEach((file, i) => expect(statSync(file).size).toBeLessThan(statSync(fontFiles()[i]).size / 5));
  });

  it('draws the same PNG as the full fonts (kerning included)', () => {
    for (const text of ['Año nuevo: ½ — «Zoë»', 'Wave, AVAT &amp; To…']) {
      expect(fonts.covers(svg(text))).toBe(true);
      expect(png(svg(text), fonts.files).equals(png(svg(text)))).toBe(true);
    }
  });

  it('does not cover a character outside the subset, nor a character reference', () => {
    expect(fonts.covers(svg('Łódź'))).toBe(false);
    expect(fonts.covers(svg('&#321;'))).toBe(false);
    // … which the subset would draw differently (no glyph): the reason for the check.
    expect(png(svg('Łódź'), fonts.files).equals(png(svg('Łódź')))).toBe(false);
  });
});
