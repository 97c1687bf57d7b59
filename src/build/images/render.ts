// SVG → PNG with resvg, in DejaVu Sans loaded from the font files only (no system fonts), so the
// same SVG gives the same bytes on every machine. Also the fonts' metrics for line breaking.
// const png = await renderPng(svg, 2400);  text: fonts().sans.width('Title', 34)
import './resvg-allocator.mjs'; // before @resvg/resvg-js
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Resvg, renderAsync, type ResvgRenderOptions } from '@resvg/resvg-js';
import { parseFontMetrics, type FontMetrics } from './font-metrics';
import { pngOf } from './png-encode.mjs';

/** The family name every image sets its text in. */
export const FONT_FAMILY = 'DejaVu Sans';
/**
 * The font-family the SVG files name: DejaVu Sans (what resvg draws the PNGs with), then Verdana and
 * Bitstream Vera, whose letters are as wide, for an SVG opened where DejaVu is not installed.
 */
export const FONT_STACK = "'DejaVu Sans', Verdana, 'Bitstream Vera Sans', sans-serif";

let fontDir: string | undefined;

/** The folder holding the DejaVu .ttf files (from the dejavu-fonts-ttf package). */
export function fontDirectory(): string {
  if (!fontDir) {
    const require = createRequire(import.meta.url);
    fontDir = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  }
  return fontDir;
}

/** Regular, bold, oblique and bold oblique: every style the charts use. */
export function fontFiles(): string[] {
  const dir = fontDirectory();
  return ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf'].map((f) =>
    join(dir, f),
  );
}

let metrics: { sans: FontMetrics; bold: FontMetrics } | undefined;

/** Advance widths of DejaVu Sans and DejaVu Sans Bold. */
export function fonts(): { sans: FontMetrics; bold: FontMetrics } {
  if (!metrics) {
    const [regular, bold] = fontFiles();
    metrics = { sans: parseFontMetrics(readFileSync(regular)), bold: parseFontMetrics(readFileSync(bold)) };
  }
  return metrics;
}

/** Measures text in DejaVu Sans (bold when `weight` ≥ 600). */
export function measureText(text: string, size: number, weight = 400): number {
  const f = fonts();
  return (weight >= 600 ? f.bold : f.sans).width(text, size);
}

/** resvg's options for a PNG `width` px wide (plain data: the PNG workers get them too), in `files` (default fontFiles()). */
export function renderOptions(width: number, files: string[] = fontFiles()): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: width },
    font: {
      fontFiles: files,
      loadSystemFonts: false,
      defaultFontFamily: FONT_FAMILY,
      sansSerifFamily: FONT_FAMILY,
    },
    shapeRendering: 2,
    textRendering: 1,
    imageRendering: 0,
    logLevel: 'off',
  };
}

/** Renders an SVG to PNG bytes, `width` px wide (on the libuv thread pool, so renders overlap). */
export async function renderPng(svg: string, width: number): Promise<Buffer> {
  return pngOf(await renderAsync(svg, renderOptions(width)));
}

/**
 * The box of the pixels an SVG's content paints (clip paths and text included), in the units of
 * `view`, looking up to `pad` units beyond it on every side; null when nothing is painted.
 * `svg` is a root <svg> string whose viewBox is replaced here; drawn in `fonts` (default fontFiles()).
 */
export function paintedBox(
  svg: string,
  view: { x: number; y: number; width: number; height: number },
  pad: number,
  fonts?: string[],
): { x: number; y: number; width: number; height: number } | null {
  const x0 = view.x - pad;
  const y0 = view.y - pad;
  const w = view.width + 2 * pad;
  const h = view.height + 2 * pad;
  const widened = svg.replace(/^<svg\b([^>]*)>/, (_m, attrs: string) => {
    const rest = attrs.replace(/\s(viewBox|width|height|overflow)="[^"]*"/g, '');
    return `<svg${rest} viewBox="${x0} ${y0} ${w} ${h}" width="${w}" height="${h}">`;
  });
  const image = new Resvg(widened, renderOptions(Math.ceil(w), fonts)).render();
  const { width, height } = image;
  const px = image.pixels;
  const painted = (x: number, y: number) => px[(y * width + x) * 4 + 3] > 8;
  const rowPainted = (y: number) => {
    for (let x = 0; x < width; x++) if (painted(x, y)) return true;
    return false;
  };
  // The first and last painted rows; between them, each row is read only as far in from either side
  // as the box found so far leaves unsettled.
  let minY = 0;
  while (minY < height && !rowPainted(minY)) minY++;
  if (minY === height) return null;
  let maxY = height - 1;
  while (!rowPainted(maxY)) maxY--;
  let minX = width;
  let maxX = -1;
  for (let y = minY; y <= maxY; y++) {
    for (let x = 0; x < minX; x++) if (painted(x, y)) minX = x;
    for (let x = width - 1; x > maxX; x--) if (painted(x, y)) maxX = x;
  }
  const k = w / width;
  return { x: x0 + minX * k, y: y0 + minY * k, width: (maxX - minX + 1) * k, height: (maxY - minY + 1) * k };
}

/** A chart's box grown to anything it draws outside it (the page shows overflow), 2 units to spare; in `fonts`. */
export function growBox(
  svg: string,
  view: { x: number; y: number; width: number; height: number },
  fonts?: string[],
): { x: number; y: number; width: number; height: number } {
  const d = paintedBox(svg, view, Math.round(view.width / 5), fonts);
  if (!d) return view;
  const x1 = Math.min(view.x, d.x - 2);
  const y1 = Math.min(view.y, d.y - 2);
  const x2 = Math.max(view.x + view.width, d.x + d.width + 2);
  const y2 = Math.max(view.y + view.height, d.y + d.height + 2);
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}
