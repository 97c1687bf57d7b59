import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFontMetrics } from '../../src/build/images/font-metrics';
import { fontFiles, measureText } from '../../src/build/images/render';
import { balanceText, firstSentence, fitLines, truncate, wrapText } from '../../src/build/images/wrap';

/** A fixed-width measure: 10 px per character. */
const mono = (s: string) => s.length * 10;

describe('wrapText', () => {
  it('breaks between words so that no line is wider than the limit', () => {
    expect(wrapText('one two three four five', 100, mono)).toEqual(['one two', 'three four', 'five']);
  });

  it('ends the last allowed line with an ellipsis when text is left over', () => {
    const lines = wrapText('one two three four five six seven', 100, mono, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1].endsWith('…')).toBe(true);
    for (const l of lines) expect(mono(l)).toBeLessThanOrEqual(100);
  });

  it('cuts a word longer than a line', () => {
    const lines = wrapText('a supercalifragilistic word', 80, mono);
    for (const l of lines) expect(mono(l)).toBeLessThanOrEqual(80);
    expect(lines.join('')).toBe('asupercalifragilisticword');
  });
});

describe('balanceText', () => {
  it('keeps the number of lines but evens them out (no orphaned last word)', () => {
    const greedy = wrapText('The US–Mexico migration deal, October 2018 – January 2020', 500, mono);
    const balanced = balanceText('The US–Mexico migration deal, October 2018 – January 2020', 500, mono);
    expect(balanced).toHaveLength(greedy.length);
    expect(Math.max(...balanced.map(mono))).toBeLessThanOrEqual(Math.max(...greedy.map(mono)));
    expect(balanced[balanced.length - 1].split(' ').length).toBeGreaterThan(1);
  });
});

describe('truncate', () => {
  it('returns fitting text unchanged and cuts at a word with "…" otherwise', () => {
    expect(truncate('short', 100, mono)).toBe('short');
    expect(truncate('one two, three', 90, mono)).toBe('one two…');
  });
});

describe('firstSentence', () => {
  it('stops at the first full stop that ends a sentence, not at initials or titles', () => {
    expect(firstSentence('Every event. The bands mark days.')).toBe('Every event.');
    expect(firstSentence('Figures from U.S. Customs as released. More text.')).toBe(
      'Figures from U.S. Customs as released.',
    );
    expect(firstSentence('No stop at all')).toBe('No stop at all');
  });
});

describe('fitLines', () => {
  it('takes the largest size at which the text fits in the lines allowed', () => {
    const at = (s: string, size: number) => s.length * size * 0.5;
    const r = fitLines('aaaa bbbb cccc dddd', 100, 1, [20, 10], at);
    expect(r).toEqual({ size: 10, lines: ['aaaa bbbb cccc dddd'] });
  });
});

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
