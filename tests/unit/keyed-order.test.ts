import { describe, expect, it } from 'vitest';
import { boundAll, longestIncreasing, type Drawn } from '../../src/components/Timeline/keyed-join';

/** The kept values, in order. */
const kept = (values: number[]) => values.filter((_, i) => longestIncreasing(values)[i]);

describe('longestIncreasing (which redrawn elements may stay where they are)', () => {
  it('keeps everything when nothing moved', () => {
    expect(kept([0, 1, 2, 3])).toEqual([0, 1, 2, 3]);
  });

  it('moves only the element that changed place', () => {
    // The first element went to the end: three stay, one moves (not four).
    expect(kept([1, 2, 3, 0])).toEqual([1, 2, 3]);
    expect(kept([3, 0, 1, 2])).toEqual([0, 1, 2]);
  });

  it('skips new elements (-1) and keeps a longest run of the others', () => {
    const values = [-1, 4, 0, -1, 1, 5, 2, 3];
    const run = kept(values);
    expect(run).toEqual([0, 1, 2, 3]);
    expect(longestIncreasing(values)[0]).toBe(false);
  });

  it('returns a strictly increasing run as long as any', () => {
    // A deterministic shuffle of 0..199: the run is increasing, and no longer one exists (checked by O(n²) DP).
    const values = Array.from({ length: 200 }, (_, i) => (i * 73) % 200);
    const run = kept(values);
    for (let i = 1; i < run.length; i++) expect(run[i]).toBeGreaterThan(run[i - 1]);
    const best = values.map(() => 1);
    for (let i = 0; i < values.length; i++)
      for (let j = 0; j < i; j++) if (values[j] < values[i]) best[i] = Math.max(best[i], best[j] + 1);
    expect(run.length).toBe(Math.max(...best));
  });
});

describe('boundAll (whether the build-time drawing can stand without a redraw at load)', () => {
  const el = {} as Element;
  const leaf = (kids: Drawn[] | null = []): Drawn => ({ el, key: 'g:x', kids });
  it('holds when every subtree was bound', () => {
    expect(boundAll([leaf([leaf(), leaf()]), leaf()])).toBe(true);
    expect(boundAll([])).toBe(true);
  });
  it('fails when the top or any subtree did not match the build', () => {
    expect(boundAll(null)).toBe(false);
    expect(boundAll([leaf(), leaf([leaf(), leaf(null)])])).toBe(false);
  });
});
