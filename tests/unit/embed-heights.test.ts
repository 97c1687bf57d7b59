// The pure parts of the embed heights: the simplification of measured points, interpolation by
// width, and the data fingerprint that tells the build when heights were measured for other data.
import { describe, expect, it } from 'vitest';
import { simplify } from '../../scripts/lib/embed-heights.mjs';
import { dataFingerprint, heightAt } from '../../src/components/embed/heights';
import type { TimelineData } from '../../src/lib/timeline/schema';

describe('embed heights', () => {
  it('keeps only the widths where the height changes course, within the tolerance', () => {
    // Falls linearly to 600 px, jumps at a breakpoint (700 → 710), then is flat.
    const points: [number, number][] = [];
    for (let w = 300; w <= 1000; w += 10) points.push([w, w < 710 ? 3000 - 2 * w : 900]);
    const kept = simplify(points, 0.01);
    expect(kept[0]).toEqual([300, 2400]);
    expect(kept[kept.length - 1]).toEqual([1000, 900]);
    expect(kept.map(([w]) => w)).toEqual([300, 700, 710, 1000]);
    // Every measured point is within 1% of the line through the kept ones.
    const steps = kept.map(([width, height]) => ({ width, height }));
    for (const [w, h] of points) expect(Math.abs(heightAt(steps, w) - h)).toBeLessThanOrEqual(0.01 * h + 0.5);
  });

  it('interpolates between steps and holds the end steps beyond them', () => {
    const steps = [
      { width: 320, height: 2000 },
      { width: 640, height: 1000 },
    ];
    expect(heightAt(steps, 200)).toBe(2000);
    expect(heightAt(steps, 480)).toBe(1500);
    expect(heightAt(steps, 1280)).toBe(1000);
    expect(heightAt([], 480)).toBe(0);
  });

  it('fingerprints the data: the same data gives the same print, any change another', () => {
    const data = { charts: [{ id: 'a' }], events: [{ id: 'e', title: 'One' }] } as unknown as TimelineData;
    const changed = { ...data, events: [{ id: 'e', title: 'Two' }] } as unknown as TimelineData;
    expect(dataFingerprint('a', data)).toBe(dataFingerprint('a', structuredClone(data)));
    expect(dataFingerprint('a', data)).not.toBe(dataFingerprint('a', changed));
    expect(dataFingerprint('a', data)).not.toBe(dataFingerprint('b', data));
    expect(dataFingerprint('a', data)).toMatch(/^[0-9a-f]{8}$/);
  });
});
