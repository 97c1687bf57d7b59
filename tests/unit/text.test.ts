import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFontMetrics } from '../../src/build/images/font-metrics';
import { fit } from '../../src/lib/text/fit';
import { BOLD_WIDTH, SYSTEM_FONT_MARGIN, tableMeasure, textWidth } from '../../src/lib/text/measure';
import { balanceText, firstSentence, fitLines, truncate, wrapLines, wrapText } from '../../src/lib/text/wrap';
import { textWidth as chartWidth } from '../../src/lib/charts/text';
import { textWidth as timelineWidth } from '../../src/lib/timeline/lanes';
import { FONT_FILE, OUT_FILE, widthsSource } from '../../scripts/text-widths.mjs';

/** A fixed-width measure: 10 px per character. */
const mono = (s: string) => s.length * 10;

describe('the width table', () => {
  it('is the one scripts/text-widths.mjs writes from Liberation Sans (run it when this fails)', () => {
    // Liberation Sans comes with Debian's fonts-liberation, which Chromium depends on.
    const font = parseFontMetrics(readFileSync(FONT_FILE));
    expect(readFileSync(OUT_FILE, 'utf8')).toBe(widthsSource(font));
  });

  it('measures Helvetica widths, accented letters as their base letter', () => {
    expect(textWidth('Hello', 10)).toBeCloseTo(((722 + 556 + 222 + 222 + 556) * 10) / 1000);
    expect(textWidth('Garduño', 11)).toBe(textWidth('Garduno', 11));
    expect(tableMeasure(11, 2)('abc')).toBeCloseTo(textWidth('abc', 22));
  });

  it('is the same table for the timeline and the charts; the charts add their margin, and bold widens both alike', () => {
    expect(timelineWidth('Remain in Mexico', 12)).toBe(textWidth('Remain in Mexico', 12));
    expect(chartWidth('Remain in Mexico', 12)).toBeCloseTo(textWidth('Remain in Mexico', 12) * SYSTEM_FONT_MARGIN);
    expect(chartWidth('Remain', 12, true)).toBeCloseTo(textWidth('Remain', 12) * SYSTEM_FONT_MARGIN * BOLD_WIDTH);
  });
});

describe('fit', () => {
  it('keeps text that fits, with its width', () => {
    expect(fit('one two', 70, mono)).toEqual({ text: 'one two', width: 70, truncated: false });
  });

  it('cuts at a word boundary by default, anywhere with cut: char, never before dangling punctuation', () => {
    expect(fit('one two three', 100, mono)?.text).toBe('one two…');
    expect(fit('one two three', 100, mono, 'char')?.text).toBe('one two t…');
    expect(fit('one, two', 70, mono)?.text).toBe('one…');
    expect(fit('unbreakable', 50, mono)?.text).toBe('unbr…');
  });

  it('gives null when not even one letter and the ellipsis fit', () => {
    expect(fit('one', 15, mono)).toBeNull();
  });
});

describe('wrapLines', () => {
  const text = 'one two threefourfive six';

  it('fills lines greedily and cuts the last allowed one', () => {
    expect(wrapLines('one two three four', 90, mono)).toEqual({
      lines: ['one two', 'three', 'four'],
      truncated: false,
    });
    expect(wrapLines('one two three four', 90, mono, { maxLines: 2 })).toEqual({
      lines: ['one two', 'three…'],
      truncated: true,
    });
  });

  it('breaks, cuts or stops at a word longer than a line, as asked', () => {
    expect(wrapLines(text, 70, mono)?.lines).toEqual(['one two', 'threefo', 'urfive', 'six']);
    expect(wrapLines(text, 70, mono, { longWords: 'cut', cut: 'char' })?.lines).toEqual(['one two', 'threef…', 'six']);
    expect(wrapLines(text, 70, mono, { longWords: 'stop', maxLines: 3 })).toEqual({
      lines: ['one two', 'threef…'],
      truncated: true,
    });
  });

  it('never breaks at a no-break space', () => {
    expect(wrapLines('Deadline, 22\u00a0July', 130, mono)?.lines).toEqual(['Deadline,', '22\u00a0July']);
  });

  it('gives null when not even one letter fits (breaking a word, one letter a line)', () => {
    expect(wrapLines('one', 15, mono, { longWords: 'stop' })).toBeNull();
    expect(wrapLines('one', 15, mono)?.lines).toEqual(['o', 'n', 'e']);
  });
});

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
