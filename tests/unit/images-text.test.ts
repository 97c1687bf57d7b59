import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFontMetrics } from '../../src/build/images/font-metrics';
import { fontFiles, measureText } from '../../src/build/images/render';

describe('font metrics', () => {
  it('reads DejaVu Sans advance widths from the font file', () => {
    const sans = parseFontMetrics(readFileSync(fontFiles()[0]));
    expect(sans.unitsPerEm).toBe(2048);
    expect(sans.width('', 16)).toBe(0);
    expect(sans.width('MMMM', 16)).toBeGreaterThan(sans.width('iiii', 16));
    // Twice the size, twice the width; widths add up.
    expect(sans.width('Mexico', 32)).toBeCloseTo(2 * sans.width('Mexico', 16), 6);
    expect(sans.width('ab', 16)).toBeCloseTo(sans.width('a', 16) + sans.width('b', 16), 6);
    // Accents and typographic punctuation have real widths (not the missing-glyph box).
    expect(sans.width('é', 16)).toBeCloseTo(sans.width('e', 16), 6);
    expect(sans.width('–', 16)).toBeGreaterThan(0);
  });

  it('measures bold wider than regular', () => {
    expect(measureText('Key figures', 20, 700)).toBeGreaterThan(measureText('Key figures', 20, 400));
  });
});
