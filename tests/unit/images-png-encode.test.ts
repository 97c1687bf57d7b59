// The PNG writer of the image step (src/build/images/png-encode.mjs): an opaque render becomes an RGB
// PNG whose pixels are resvg's, every chunk well formed; a render with transparency keeps resvg's PNG.
import { crc32, inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { opaquePng, pngOf } from '../../src/build/images/png-encode.mjs';
import { renderOptions } from '../../src/build/images/render';

const svg = (background: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40">${background}` +
  `<circle cx="20" cy="20" r="13.3" fill="#0072b2" fill-opacity="0.6"/><text x="40" y="27" font-size="18">Ág 1</text></svg>`;
const render = (markup: string) => new Resvg(markup, renderOptions(240)).render();

/** The chunks of a PNG, each checked against its CRC. */
function chunks(png: Buffer): { type: string; data: Buffer }[] {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const out: { type: string; data: Buffer }[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const body = png.subarray(at + 4, at + 8 + length);
    expect(png.readUInt32BE(at + 8 + length)).toBe(crc32(body));
    out.push({ type: body.subarray(0, 4).toString('latin1'), data: body.subarray(4) });
    at += 12 + length;
  }
  return out;
}

describe('pngOf', () => {
  it('writes an opaque render as RGB, with the pixels resvg drew', () => {
    const image = render(svg('<rect width="120" height="40" fill="#fdfcf8"/>'));
    const png = pngOf(image);
    const parts = chunks(png);
    expect(parts.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'IEND']);
    const header = parts[0].data;
    expect([header.readUInt32BE(0), header.readUInt32BE(4), ...header.subarray(8)]).toEqual([240, 80, 8, 2, 0, 0, 0]);
    const rows = inflateSync(parts[1].data);
    const rgba = image.pixels;
    // Antialiased edges and text: many colours, each as resvg drew it.
    expect(new Set(rgba.toString('hex').match(/.{8}/g)).size).toBeGreaterThan(20);
    // Each row: filter 0 (none), then the pixels' red, green and blue.
    const expected = Buffer.alloc(80 * (1 + 240 * 3));
    for (let y = 0, to = 0; y < 80; y++) {
      expected[to++] = 0;
      for (let x = 0; x < 240; x++, to += 3) expected.set(rgba.subarray((y * 240 + x) * 4, (y * 240 + x) * 4 + 3), to);
    }
    expect(rows.equals(expected)).toBe(true);
  });

  it("keeps resvg's own PNG when a pixel is not opaque", () => {
    const image = render(svg(''));
    expect(opaquePng(image.pixels, image.width, image.height)).toBeUndefined();
    expect(pngOf(image).equals(image.asPng())).toBe(true);
  });

  it('reads every pixel: red, green and blue in order, and one pixel short of opaque is enough to decline', () => {
    // Two rows of two pixels, each channel a different value; the last pixel's alpha is checked too.
    const pixels = new Uint8Array([1, 2, 3, 255, 4, 5, 6, 255, 7, 8, 9, 255, 10, 11, 12, 255]);
    const rows = inflateSync(chunks(opaquePng(pixels, 2, 2)!)[1].data);
    expect([...rows]).toEqual([0, 1, 2, 3, 4, 5, 6, 0, 7, 8, 9, 10, 11, 12]);
    pixels[15] = 254;
    expect(opaquePng(pixels, 2, 2)).toBeUndefined();
  });
});
