// The browser bundle's stand-in for d3-time (src/lib/vendor/d3-time-lite.ts) gives the axis the same
// instants as d3-time itself, which the build uses: the ticks drawn at build time and after a zoom agree.
import { describe, expect, it } from 'vitest';
import * as real from 'd3-time';
import * as lite from '../../src/lib/vendor/d3-time-lite';

const NAMES = ['utcDay', 'utcMonday', 'utcMonth', 'utcYear'] as const;
const DAY = 864e5;

/** Windows from 1 hour to 40 years, starting anywhere from 1899 to 2040, at odd times of day. */
function windows(): [Date, Date][] {
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: [Date, Date][] = [];
  for (let i = 0; i < 300; i++) {
    const start = Date.UTC(1899, 0, 1) + random() * 141 * 365 * DAY;
    const length = 36e5 * Math.exp(random() * Math.log(40 * 365 * 24));
    out.push([new Date(start), new Date(start + length)]);
  }
  // Ends on boundaries: a range includes its start and leaves out its stop.
  out.push([new Date(Date.UTC(2019, 5, 1)), new Date(Date.UTC(2019, 7, 1))]);
  out.push([new Date(Date.UTC(2019, 0, 1)), new Date(Date.UTC(2020, 0, 1, 0, 0, 0, 1))]);
  out.push([new Date(Date.UTC(2019, 5, 3)), new Date(Date.UTC(2019, 5, 3))]);
  return out;
}

describe('d3-time-lite', () => {
  for (const name of NAMES) {
    for (const k of [1, 2, 3, 6, 10]) {
      it(`${name}${k > 1 ? `.every(${k})` : ''}.range is d3-time's`, () => {
        const a = k === 1 ? real[name] : real[name].every(k)!;
        const b = k === 1 ? lite[name] : lite[name].every(k)!;
        const limit = name === 'utcDay' || name === 'utcMonday' ? 3 * 365 * DAY : Infinity;
        let compared = 0;
        for (const [start, stop] of windows()) {
          if (+stop - +start > limit) continue;
          expect(b.range(start, stop).map(Number), `${start.toISOString()} – ${stop.toISOString()}`).toEqual(
            a.range(start, stop).map(Number),
          );
          compared++;
        }
        expect(compared).toBeGreaterThan(100);
      });
    }
  }

  it('every() of a step that is not a positive number is null, as in d3-time', () => {
    for (const step of [0, -1, NaN, Infinity]) {
      expect(lite.utcMonth.every(step)).toBeNull();
      expect(real.utcMonth.every(step)).toBeNull();
    }
    expect(lite.utcMonth.every(1)).toBe(lite.utcMonth);
  });
});
