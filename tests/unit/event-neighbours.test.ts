// An event page's small timeline looks for its events among the neighbours an index finds
// (src/build/pages/event-neighbours.ts): the same context as a scan of every event.
import { describe, expect, it } from 'vitest';
import { nearbyExtents } from '../../src/build/pages/event-neighbours';
import { eventContext, type EventExtent } from '../../src/lib/timeline/context';

const DAY = 86_400_000;
const T0 = Date.UTC(2019, 0, 1);

/** A seeded chronology: clusters on one day, long events and gaps longer than the window. */
function chronology(count: number, seed: number): EventExtent[] {
  let s = seed;
  const random = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, i) => {
    const day = Math.floor(random() * 900);
    const length = random() < 0.1 ? Math.floor(random() * 200) + 1 : 1;
    const start = T0 + day * DAY;
    return { id: `e${i}`, start, end: start + length * DAY - 1 };
  });
}

describe('nearbyExtents', () => {
  it('gives every event page the context a scan of all events gives', () => {
    // 400 events over 900 days, and 30: sparse enough that many windows widen past six weeks.
    for (const [count, seed] of [
      [400, 1],
      [400, 2],
      [400, 3],
      [30, 4],
      [30, 5],
    ]) {
      const extents = chronology(count, seed);
      for (const e of extents) {
        const near = nearbyExtents(extents, e.id);
        expect(eventContext(near, e.id), e.id).toEqual(eventContext(extents, e.id));
        expect(eventContext(near, e.id, { max: 5 }), e.id).toEqual(eventContext(extents, e.id, { max: 5 }));
      }
    }
  });

  it('keeps the order of the list, and leaves out the events beyond the window', () => {
    const at = (id: string, day: number, length = 1) => ({
      id,
      start: T0 + day * DAY,
      end: T0 + (day + length) * DAY - 1,
    });
    const extents = [at('b', 10), at('long', -300, 260), at('self', 0), at('far', 71), at('a', -70), at('old', -72)];
    expect(nearbyExtents(extents, 'self').map((e) => e.id)).toEqual(['b', 'long', 'self', 'a']);
  });

  it('gives every event for an unknown id, so that eventContext names it', () => {
    const extents = chronology(10, 4);
    expect(nearbyExtents(extents, 'nope')).toBe(extents);
    expect(() => eventContext(nearbyExtents(extents, 'nope'), 'nope')).toThrow(/"nope"/);
  });
});
