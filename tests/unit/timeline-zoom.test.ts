import { describe, expect, it } from 'vitest';
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomTransform } from 'd3-zoom';
import { MIN_SPAN, stepTransform, weekU, windowOf, zoomFor } from '../../src/components/Timeline/timeline-zoom';
import { IDENTITY_WARP } from '../../src/lib/timeline/warp';

// The full domain, 0…1000 in u, drawn over pixels 100…600 at k = 1.
const full = [0, 1000] as const;
const range = [100, 600] as const;

describe('zoomFor and windowOf: a time window as a d3-zoom transform and back', () => {
  it('shows the full domain with no zoom', () => {
    const z = zoomFor(full, range, full);
    expect(z.k).toBe(1);
    expect(z.t).toBeCloseTo(0, 10);
    expect(windowOf(full, range, 1, 0)).toEqual([0, 1000]);
  });

  it('zooms into a window: its length sets the scale, its start the translation', () => {
    const z = zoomFor(full, range, [250, 500]);
    expect(z.k).toBe(4);
    // u 250 is pixel 225 at k = 1; at k = 4 it must land on the range's start, 100.
    expect(225 * z.k + z.t).toBeCloseTo(100, 10);
    expect(350 * z.k + z.t).toBeCloseTo(600, 10); // u 500 at the range's end
  });

  it('round-trips: the window of the zoom for a window is that window', () => {
    for (const w of [
      [0, 1000],
      [10, 20],
      [400, 1000],
      [123.5, 678.25],
    ] as const) {
      const { k, t } = zoomFor(full, range, w);
      const back = windowOf(full, range, k, t);
      expect(back[0]).toBeCloseTo(w[0], 8);
      expect(back[1]).toBeCloseTo(w[1], 8);
    }
  });

  it('pans without zooming: a translation shifts the window by the same share of the domain', () => {
    // 50 px left is a tenth of the 500 px range: a tenth of the domain later.
    expect(windowOf(full, range, 1, -50)).toEqual([100, 1100]);
  });
});

describe('weekU: the narrowest window in u', () => {
  it('is a week where time is not warped', () => {
    expect(weekU(IDENTITY_WARP)).toBe(MIN_SPAN);
  });

  it('is a week at the focus’s average stretch where there is a focus', () => {
    const day = 86_400_000;
    // A focus that makes 10 days 30 days long in u: a week there is three weeks of u.
    expect(weekU({ ts: [0, 10 * day], us: [0, 30 * day] })).toBeCloseTo(3 * MIN_SPAN, 6);
  });
});

describe('stepTransform: the next zoom step, known before it is taken', () => {
  it('is exactly the transform d3-zoom’s scaleBy makes, in and out, at the scale’s limits and its translate extent', () => {
    for (const extent of [
      [
        [0, 12],
        [360, 1812],
      ],
      [
        [96, 0],
        [812, 640],
      ],
    ] as [[number, number], [number, number]][]) {
      const behavior = zoom().extent(extent).translateExtent(extent).scaleExtent([1, 60]).duration(0);
      // d3-zoom on a stand-in for the chart's SVG: it keeps its transform in __zoom.
      const standIn: { __zoom: ZoomTransform } = { __zoom: zoomIdentity };
      let t = { k: 1, x: 0, y: 0 };
      // About the middle (buttons and keys), then about a point (a ctrl+wheel notch under the pointer:
      // d3-zoom's wheel takes the same steps as scaleBy there); in, out, and at the scale's limits.
      const middle = [1.35, 1.35, 1.35, 1 / 1.35, 1.35 ** 20, 1.35, 1 / 1.35, 1.35 ** -20, 1 / 1.35].map(
        (f) => [f, undefined] as const,
      );
      const points = [
        [Math.pow(2, Math.log2(1.35)), [200, 300]],
        [1.35 ** 20, [120.5, 33.25]],
        [1.35, [120.5, 33.25]],
        [1 / 1.35, [700, 500]],
        [1 / 1.35, [5, 1700]],
      ] as const;
      for (const [f, p] of [...middle, ...points]) {
        behavior.scaleBy(select(standIn as unknown as Element), f, p as [number, number] | undefined);
        t = stepTransform(t, f, extent, [1, 60], p);
        const { k, x, y } = standIn.__zoom;
        expect([t.k, t.x, t.y]).toEqual([k, x, y]);
      }
    }
  });
});
