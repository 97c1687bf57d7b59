// A stand-in for d3-time in the browser bundle: the four UTC intervals the timeline's axis ticks use
// (day, week from Monday, month, year) with the two methods they call, range and every. d3-time is
// one file that builds every interval it has at load, local-time ones and their tick helpers too (with
// d3-array), so none of it is tree-shaken: 1.6 KB of gzipped JavaScript the browser never used.
// Aliased for the client build only in astro.config.mjs (the build's own code has the real one);
// tests/unit/d3-time-lite.test.ts holds it to d3-time's results.
import type { CountableTimeInterval } from 'd3-time';

type Step = (date: Date) => void;

/**
 * An interval from its floor (in place) and its step to the next boundary (in place, from a boundary);
 * `field` picks the boundaries of `every(k)`: those whose field is a multiple of k.
 */
function interval(floor: Step, next: Step, field: (date: Date) => number, k = 1): CountableTimeInterval {
  const self = {
    /** The boundaries in [start, stop), as d3-time gives them. */
    range(start: Date, stop: Date): Date[] {
      const out: Date[] = [];
      const d = new Date(+start - 1);
      floor(d);
      for (next(d), floor(d); d < stop; next(d), floor(d)) if (field(d) % k === 0) out.push(new Date(+d));
      return out;
    },
    every(step: number) {
      step = Math.floor(step);
      return Number.isFinite(step) && step > 0 ? (step === 1 ? self : interval(floor, next, field, step)) : null;
    },
  };
  return self as unknown as CountableTimeInterval;
}

const midnight = (d: Date) => d.setUTCHours(0, 0, 0, 0);

export const utcDay = interval(
  midnight,
  (d) => d.setUTCDate(d.getUTCDate() + 1),
  (d) => d.getUTCDate() - 1,
);

export const utcMonday = interval(
  (d) => {
    d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
    midnight(d);
  },
  (d) => d.setUTCDate(d.getUTCDate() + 7),
  // d3-time steps weeks by their count from the epoch's week (from Monday 29 December 1969).
  (d) => Math.round((+d - Date.UTC(1969, 11, 29)) / 6048e5),
);

export const utcMonth = interval(
  (d) => {
    d.setUTCDate(1);
    midnight(d);
  },
  (d) => d.setUTCMonth(d.getUTCMonth() + 1),
  (d) => d.getUTCMonth(),
);

export const utcYear = interval(
  (d) => {
    d.setUTCMonth(0, 1);
    midnight(d);
  },
  (d) => d.setUTCFullYear(d.getUTCFullYear() + 1),
  (d) => d.getUTCFullYear(),
);
