// A time scale that gives some stretches of time more room than others: the weeks a story is
// about get more length, the quiet months less. Pure and piecewise linear, so the layout, the
// axis and the zoom (which works in the warped units, "u") agree on every pixel.
//
// u(t) has slope 1 (one u per ms) outside the breakpoints' range and between breakpoints it is
// linear, so a warp is a list of (t, u) pairs, increasing in both. The identity warp has none.

const DAY = 86_400_000;

export interface Warp {
  /** Breakpoints in time (ms), increasing. */
  ts: readonly number[];
  /** u at each breakpoint, increasing. */
  us: readonly number[];
}

export const IDENTITY_WARP: Warp = { ts: [], us: [] };

/** Warped units of time `t`. */
export function toU(w: Warp, t: number): number {
  return interpolate(w.ts, w.us, t);
}

/** The time at warped units `u` (the inverse of toU). */
export function fromU(w: Warp, u: number): number {
  return interpolate(w.us, w.ts, u);
}

function interpolate(xs: readonly number[], ys: readonly number[], x: number): number {
  const n = xs.length;
  if (n === 0) return x;
  if (x <= xs[0]) return ys[0] + (x - xs[0]);
  if (x >= xs[n - 1]) return ys[n - 1] + (x - xs[n - 1]);
  let a = 0;
  let b = n - 1;
  while (b - a > 1) {
    const mid = (a + b) >>> 1;
    if (xs[mid] <= x) a = mid;
    else b = mid;
  }
  const span = xs[b] - xs[a];
  return span > 0 ? ys[a] + ((x - xs[a]) / span) * (ys[b] - ys[a]) : ys[a];
}

export interface FocusOptions {
  /** The stretch of time that gets more room, [startMs, endMs). */
  focus: readonly [number, number];
  /** The whole domain the length is shared over. */
  fullDomain: readonly [number, number];
  /** Pixels the full domain spans at full view. */
  length: number;
  /** The positions (ms) of the events: a focus day gets the sum of their pitches (at least minDay). */
  positions: readonly number[];
  /** Pixels per event on a focus day (one number, or one per position); 0 gives every focus day the same length. */
  pitch: number | readonly number[];
  /** Least pixels of a focus day without events. */
  minDay: number;
  /** Most of the length the focus may take (0–1). */
  maxShare: number;
  /** Least of the length the focus takes (0–1): it never gets less room than a plain scale gives it. */
  minShare?: number;
}

/**
 * A warp in which each day of the focus gets max(minDay, events × pitch) px at full view (scaled
 * down together when that would pass maxShare of the length, and up to at least minShare), and
 * the rest of the domain shares what is left evenly. The identity when the focus is outside the
 * domain or the domain has no time outside it.
 */
export function focusWarp(o: FocusOptions): Warp {
  const [f0, f1] = o.fullDomain;
  const a = Math.max(o.focus[0], f0);
  const b = Math.min(o.focus[1], f1);
  if (!(b > a) || !(o.length > 0)) return IDENTITY_WARP;
  const days: number[] = [];
  const starts: number[] = [];
  for (let t = a; t < b;) {
    const next = Math.min(b, (Math.floor(t / DAY) + 1) * DAY);
    starts.push(t);
    days.push(next - t);
    t = next;
  }
  const need = new Array<number>(days.length).fill(0);
  o.positions.forEach((p, i) => {
    if (p < a || p >= b) return;
    need[Math.min(days.length - 1, Math.floor((p - a + (a % DAY)) / DAY))] +=
      typeof o.pitch === 'number' ? o.pitch : o.pitch[i];
  });
  const want = days.map((d, i) => Math.max(o.minDay * (d / DAY), need[i]));
  let focusPx = want.reduce((s, x) => s + x, 0);
  const contextMs = f1 - f0 - (b - a);
  const plainShare = (b - a) / (f1 - f0);
  // Never less than a plain scale gives the focus: a focus that is nearly all the domain (an event page's
  // window inside its padding) would otherwise leave the last sliver of context most of the length.
  const share = Math.max(
    plainShare,
    Math.min(o.maxShare, Math.max(o.minShare ?? plainShare, contextMs > 0 ? focusPx / o.length : 1)),
  );
  const scale = (share * o.length) / focusPx;
  focusPx = share * o.length;
  // u per px: context keeps slope 1, so the context's pixels fix the unit.
  const contextPx = o.length - focusPx;
  if (contextMs <= 0 || contextPx <= 0) {
    // All focus: u runs with pixels (scaled so the domain keeps its length in u).
    const uPerPx = (f1 - f0) / o.length;
    return build(
      a,
      starts,
      want.map((x) => x * scale * uPerPx),
      b,
    );
  }
  const uPerPx = contextMs / contextPx;
  return build(
    a,
    starts,
    want.map((x) => x * scale * uPerPx),
    b,
  );
}

function build(a: number, starts: number[], uLengths: number[], b: number): Warp {
  const ts: number[] = [];
  const us: number[] = [];
  let u = a;
  for (let i = 0; i < starts.length; i++) {
    ts.push(starts[i]);
    us.push(u);
    u += uLengths[i];
  }
  ts.push(b);
  us.push(u);
  return { ts, us };
}
