import { describe, expect, it } from 'vitest';
import { LaneGrid, assignLanes, fitText, textWidth, type Interval } from '../../src/lib/timeline/lanes';
import { seeded } from '../fixtures/timeline/generate';

/** The most intervals that overlap at one point (with `gap` added to each end). */
function depth(intervals: readonly Interval[], gap = 0): number {
  const points: [number, number][] = [];
  for (const { start, end } of intervals) points.push([start, 1], [end + gap, -1]);
  points.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 0;
  for (const [, d] of points) most = Math.max(most, (now += d));
  return most;
}

function laneConflicts(intervals: readonly Interval[], lanes: number[], gap = 0): number {
  let conflicts = 0;
  for (let i = 0; i < intervals.length; i++) {
    for (let j = i + 1; j < intervals.length; j++) {
      if (lanes[i] < 0 || lanes[i] !== lanes[j]) continue;
      const [a, b] = [intervals[i], intervals[j]];
      if (a.start < b.end + gap && b.start < a.end + gap) conflicts++;
    }
  }
  return conflicts;
}

describe('assignLanes', () => {
  it('puts overlapping intervals on separate lanes', () => {
    const lanes = assignLanes([
      { start: 0, end: 10 },
      { start: 5, end: 15 },
      { start: 8, end: 20 },
    ]);
    expect(new Set(lanes).size).toBe(3);
  });

  it('reuses the lowest free lane', () => {
    const lanes = assignLanes([
      { start: 0, end: 10 },
      { start: 5, end: 30 },
      { start: 12, end: 20 },
      { start: 22, end: 25 },
    ]);
    expect(lanes).toEqual([0, 1, 0, 0]);
  });

  it('keeps the gap between neighbours in a lane', () => {
    const touching = [
      { start: 0, end: 10 },
      { start: 12, end: 20 },
    ];
    expect(assignLanes(touching, { gap: 2 })).toEqual([0, 0]);
    expect(assignLanes(touching, { gap: 3 })).toEqual([0, 1]);
  });

  it('returns lanes in input order, whatever the order of the input', () => {
    const lanes = assignLanes([
      { start: 12, end: 20 },
      { start: 0, end: 10 },
      { start: 5, end: 15 },
    ]);
    expect(lanes).toEqual([0, 0, 1]);
  });

  it('uses as few lanes as the deepest overlap, with no two overlapping intervals on one lane', () => {
    const rnd = seeded(3);
    for (let round = 0; round < 20; round++) {
      const intervals: Interval[] = [];
      for (let i = 0; i < 300; i++) {
        const start = Math.floor(rnd() * 1000);
        intervals.push({ start, end: start + 1 + Math.floor(rnd() * 80) });
      }
      const lanes = assignLanes(intervals, { gap: 4 });
      expect(Math.max(...lanes) + 1).toBe(depth(intervals, 4));
      expect(laneConflicts(intervals, lanes, 4)).toBe(0);
    }
  });

  it('gives -1 to intervals past maxLanes', () => {
    const lanes = assignLanes(
      [
        { start: 0, end: 10 },
        { start: 1, end: 10 },
        { start: 2, end: 10 },
        { start: 11, end: 12 },
      ],
      { maxLanes: 2 },
    );
    expect(lanes).toEqual([0, 1, -1, 0]);
  });
});

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
