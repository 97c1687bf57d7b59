import { describe, expect, it } from 'vitest';
import { LaneGrid, fitText, textWidth, wrapText } from '../../src/lib/timeline/lanes';

describe('LaneGrid', () => {
  it('fits an interval only where it keeps the gap to its neighbours', () => {
    const grid = new LaneGrid(2, 5);
    grid.insert(0, 10, 20);
    grid.insert(0, 40, 50);
    expect(grid.fits(0, 25, 35)).toBe(true);
    expect(grid.fits(0, 24, 35)).toBe(false);
    expect(grid.fits(0, 25, 36)).toBe(false);
    expect(grid.firstFit(0, 30)).toBe(1);
    expect(grid.firstFit(60, 70)).toBe(0);
  });

  it('keeps each lane sorted whatever the insertion order', () => {
    const grid = new LaneGrid(1);
    for (const s of [50, 10, 30, 70]) grid.insert(0, s, s + 5);
    expect(grid.starts[0]).toEqual([10, 30, 50, 70]);
    expect(grid.ends[0]).toEqual([15, 35, 55, 75]);
  });

  it('reports the free stretch around an interval and what it would overlap', () => {
    const grid = new LaneGrid(1, 2);
    grid.insert(0, 10, 20);
    grid.insert(0, 40, 50);
    expect(grid.freeAround(0, 25, 30)).toEqual([22, 38]);
    expect(grid.freeAround(0, 60, 61)).toEqual([52, Infinity]);
    expect(grid.overlaps(0, 15, 45)).toBe(2);
    expect(grid.overlaps(0, 25, 30)).toBe(0);
  });

  it('names the owners of the intervals an interval comes near, within the gap or a smaller one', () => {
    const grid = new LaneGrid(1, 6);
    grid.insert(0, 10, 20, 7);
    grid.insert(0, 40, 50, 8);
    expect(grid.overlapping(0, 24, 36)).toEqual([
      [10, 20, 7],
      [40, 50, 8],
    ]);
    // Only what it touches.
    expect(grid.overlapping(0, 24, 36, 1)).toEqual([]);
    expect(grid.overlapping(0, 19, 36, 1)).toEqual([[10, 20, 7]]);
  });

  it('removes an interval by its start and owner', () => {
    const grid = new LaneGrid(1, 2);
    grid.insert(0, 10, 20, 1);
    grid.insert(0, 30, 40, 2);
    expect(grid.remove(0, 30, 1)).toBe(false);
    expect(grid.remove(0, 30, 2)).toBe(true);
    expect(grid.starts[0]).toEqual([10]);
    expect(grid.fits(0, 25, 60)).toBe(true);
  });

  it('merges an interval with those it comes within the gap of, keeping the lane sorted and disjoint', () => {
    const grid = new LaneGrid(1, 3);
    grid.insert(0, 0, 5, 1);
    grid.insert(0, 10, 20, 2);
    grid.insert(0, 30, 40, 3);
    grid.insert(0, 60, 70, 4);
    grid.merge(0, 18, 32);
    expect(grid.starts[0]).toEqual([0, 10, 60]);
    expect(grid.ends[0]).toEqual([5, 40, 70]);
    expect(grid.owners[0]).toEqual([1, -1, 4]);
    // Alone, it is a plain insert.
    grid.merge(0, 48, 52);
    expect(grid.starts[0]).toEqual([0, 10, 48, 60]);
  });
});

describe('textWidth', () => {
  it('measures with the fixed width table, in proportion to the font size', () => {
    expect(textWidth('2019', 10)).toBeCloseTo(22.24, 5);
    expect(textWidth('2019', 20)).toBeCloseTo(44.48, 5);
    expect(textWidth('', 12)).toBe(0);
  });

  it('measures wide letters wider than narrow ones, and accents like their base letter', () => {
    expect(textWidth('WWWW', 12)).toBeGreaterThan(textWidth('iiii', 12) * 3);
    expect(textWidth('México', 12)).toBe(textWidth('Mexico', 12));
    expect(textWidth('…', 10)).toBe(10);
  });
});

describe('wrapText', () => {
  it('keeps text that fits on one row', () => {
    expect(wrapText('Tariffs', 100, 12)).toEqual({
      lines: ['Tariffs'],
      width: textWidth('Tariffs', 12),
      truncated: false,
    });
  });

  it('breaks text at spaces into rows no wider than the width', () => {
    const text = 'US and Mexico issue a joint declaration on migration';
    const wrapped = wrapText(text, 180, 12)!;
    expect(wrapped.lines.length).toBe(2);
    expect(wrapped.lines.join(' ')).toBe(text);
    expect(wrapped.truncated).toBe(false);
    for (const line of wrapped.lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(180);
    expect(wrapped.width).toBe(Math.max(...wrapped.lines.map((l) => textWidth(l, 12))));
    // Greedy: the first row takes as many words as fit.
    const next = wrapped.lines[1].split(' ')[0];
    expect(textWidth(`${wrapped.lines[0]} ${next}`, 12)).toBeGreaterThan(180);
  });

  it('cuts the last row with an ellipsis when the rows run out', () => {
    const text =
      'At the 45-day mark, Ebrard reports a 36.2% fall in flows and rules out talks on a safe-third-country agreement';
    const wrapped = wrapText(text, 150, 12, 2)!;
    expect(wrapped.lines.length).toBe(2);
    expect(wrapped.truncated).toBe(true);
    expect(wrapped.lines[1].endsWith('…')).toBe(true);
    expect(text.startsWith(wrapped.lines.join(' ').slice(0, -1))).toBe(true);
    expect(wrapText(text, 150, 12, 1)!.lines).toEqual([fitText(text, 150, 12)!.text]);
  });

  it('cuts a word longer than a row', () => {
    const wrapped = wrapText('Supercalifragilisticexpialidocious deal', 60, 12)!;
    expect(wrapped.truncated).toBe(true);
    expect(wrapped.lines.length).toBe(1);
    expect(wrapped.width).toBeLessThanOrEqual(60);
    expect(wrapText('Mexico', 8, 12)).toBeNull();
  });
});

describe('fitText', () => {
  it('keeps text that fits', () => {
    expect(fitText('Tariffs', 100, 12)).toEqual({ text: 'Tariffs', width: textWidth('Tariffs', 12), truncated: false });
  });

  it('cuts text that does not fit with an ellipsis, within the width', () => {
    const fitted = fitText('US and Mexico issue a joint declaration', 100, 12)!;
    expect(fitted.truncated).toBe(true);
    expect(fitted.text.endsWith('…')).toBe(true);
    expect(fitted.width).toBeLessThanOrEqual(100);
    expect(fitted.width).toBe(textWidth(fitted.text, 12));
    expect('US and Mexico issue a joint declaration'.startsWith(fitted.text.slice(0, -1))).toBe(true);
  });

  it('does not leave a space or a comma before the ellipsis', () => {
    const widthOfUsAnd = textWidth('US and ', 12) + textWidth('…', 12);
    expect(fitText('US and Mexico', widthOfUsAnd + 0.5, 12)!.text).toBe('US and…');
    expect(fitText('Tariffs, then talks', textWidth('Tariffs, t…', 12) - 0.1, 12)!.text).toBe('Tariffs…');
  });

  it('gives null when not even one letter fits', () => {
    expect(fitText('Mexico', 8, 12)).toBeNull();
  });
});
