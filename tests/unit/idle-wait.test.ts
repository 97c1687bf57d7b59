// The chart's idle tasks (rehearsals, layouts made ahead) ask the browser for an idle moment with a limit: a
// page that gets none still runs them, as tasks of their own (headless Chromium with the mouse resting on the
// chart once gave none for seconds, and the rehearsals stopped after the first).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { IDLE_WAIT, runWhenIdle } from '../../src/components/Timeline/timeline-rehearsal';

afterEach(() => vi.unstubAllGlobals());

describe('runWhenIdle in the browser', () => {
  it('asks for each idle moment with a timeout, so that the tasks run even where none comes', () => {
    const asked: (IdleRequestOptions | undefined)[] = [];
    const pending: (() => void)[] = [];
    vi.stubGlobal('window', globalThis);
    vi.stubGlobal('requestIdleCallback', (run: () => void, options?: IdleRequestOptions) => {
      asked.push(options);
      pending.push(run);
      return asked.length;
    });
    const ran: number[] = [];
    let done = false;
    runWhenIdle(
      3,
      (i) => ran.push(i),
      () => (done = true),
    );
    while (pending.length) pending.shift()!();
    expect(ran).toEqual([0, 1, 2]);
    expect(done).toBe(true);
    expect(asked).toEqual([{ timeout: IDLE_WAIT }, { timeout: IDLE_WAIT }, { timeout: IDLE_WAIT }]);
    expect(IDLE_WAIT).toBeGreaterThan(0);
    expect(IDLE_WAIT).toBeLessThanOrEqual(1000);
  });
});
