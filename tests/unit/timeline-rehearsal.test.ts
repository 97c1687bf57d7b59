import { describe, expect, it } from 'vitest';
import { REHEARSALS, rehearsalWindows, runWhenIdle } from '../../src/components/Timeline/timeline-rehearsal';
import { ZOOM_STEP } from '../../src/components/Timeline/timeline-zoom';
import { IDENTITY_WARP, toU, type Warp } from '../../src/lib/timeline/warp';

describe('rehearsalWindows: the zoom windows rehearsed before the first step', () => {
  const domain = [1000, 9000] as const;
  const windows = rehearsalWindows(domain, IDENTITY_WARP, ZOOM_STEP);

  it('rehearses enough runs for the zoom path to be compiled for speed, not the three that left the first step slow', () => {
    expect(windows).toHaveLength(REHEARSALS);
    // Twelve left the column drawing's first step at 5,002 events over 16 ms in most page loads.
    expect(REHEARSALS).toBeGreaterThanOrEqual(18);
  });

  it('steps in about the middle one zoom step at a time, three deep, and back out to the window itself, three times', () => {
    const depth = ([a, b]: [number, number]) => Math.round(Math.log((9000 - 1000) / (b - a)) / Math.log(ZOOM_STEP));
    expect(windows.map(depth)).toEqual([1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0, 1, 2, 3, 2, 1, 0]);
    for (const [a, b] of windows) expect((a + b) / 2).toBeCloseTo(5000, 6);
    for (const i of [5, 11, 17]) expect(windows[i]).toEqual([1000, 9000]);
  });

  it("steps evenly in the axis's units where a focus stretches time, about the axis's middle, as the buttons do", () => {
    // Time 4000…5000 takes 9 times its length on the axis: u runs 0…3000, 3000…12000, 12000…16000.
    const warp: Warp = { ts: [3000, 4000, 5000], us: [2000, 3000, 12000] };
    const [a, b] = [1000, 9000].map((t) => toU(warp, t));
    const spans = rehearsalWindows([1000, 9000], warp, ZOOM_STEP).map(([s, e]) => [toU(warp, s), toU(warp, e)]);
    spans.forEach(([s, e], i) => {
      expect((s + e) / 2).toBeCloseTo((a + b) / 2, 6);
      expect((b - a) / (e - s)).toBeCloseTo(ZOOM_STEP ** [1, 2, 3, 2, 1, 0][i % 6], 6);
    });
    // In time, the first step keeps more of the stretched days than a step even in days would (2037…7963).
    const [s0, e0] = rehearsalWindows([1000, 9000], warp, ZOOM_STEP)[0];
    expect(s0).toBeGreaterThan(3000);
    expect(e0).toBeLessThan(7000);
  });
});

describe('runWhenIdle: rehearsals in idle moments', () => {
  /** Idle moments, run when drained. */
  function moments() {
    const log: string[] = [];
    let moment = -1;
    const queue: (() => void)[] = [];
    const idle = (run: () => void) => {
      queue.push(() => {
        moment++;
        log.push(`moment ${moment}`);
        run();
      });
    };
    const drain = () => {
      while (queue.length) queue.shift()!();
    };
    return { log, idle, drain, moments: () => moment + 1 };
  }

  it('runs every task once, in order, one in each idle moment, then says it is done', () => {
    const m = moments();
    runWhenIdle(
      3,
      (i) => m.log.push(`task ${i}`),
      () => m.log.push('done'),
      m.idle,
    );
    expect(m.log).toEqual([]); // nothing before the first idle moment
    m.drain();
    expect(m.log).toEqual(['moment 0', 'task 0', 'moment 1', 'task 1', 'moment 2', 'task 2', 'done']);
  });

  it('is done at once when there is nothing to rehearse', () => {
    const m = moments();
    runWhenIdle(
      0,
      (i) => m.log.push(`task ${i}`),
      () => m.log.push('done'),
      m.idle,
    );
    m.drain();
    expect(m.log).toEqual(['done']);
    expect(m.moments()).toBe(0);
  });
});
