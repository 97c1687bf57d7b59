import { describe, expect, it } from 'vitest';
import { eventContext, narrowContextStart, type EventExtent } from '../../src/lib/timeline/context';
import { spanInWords } from '../../src/lib/ui/strings';

const DAY = 86_400_000;
const T0 = Date.UTC(2019, 5, 7);
const at = (id: string, day: number, length = 1): EventExtent => ({
  id,
  start: T0 + day * DAY,
  end: T0 + (day + length) * DAY - 1,
});

describe('eventContext', () => {
  it('shows six weeks either side when they hold five events or more', () => {
    const extents = [
      at('far-before', -60),
      at('before', -40),
      at('near', -3),
      at('self', 0),
      at('next', 20),
      at('after', 41),
      at('far-after', 50),
    ];
    const c = eventContext(extents, 'self');
    expect(c.ids).toEqual(['before', 'near', 'self', 'next', 'after']);
    expect(c.days).toBe(42);
    expect(c.from).toBe(T0 - 42 * DAY);
    expect(c.to).toBe(T0 + 43 * DAY - 1);
  });

  it('widens, in whole weeks up to ten, where six weeks hold fewer than five events', () => {
    // The last event of a chronology, with one neighbour in six weeks: the window takes in the next
    // three (the fifth-nearest is 52 days away: eight weeks), not the one beyond ten weeks.
    const extents = [at('old', -80), at('c', -52), at('b', -50), at('a', -45), at('prev', -30), at('self', 0)];
    const c = eventContext(extents, 'self');
    expect(c.days).toBe(56);
    expect(c.ids).toEqual(['c', 'b', 'a', 'prev', 'self']);
    expect(c.from).toBe(T0 - 56 * DAY);
    // Fewer than five within ten weeks: as far as the farthest of them.
    const sparse = eventContext([at('a', -45), at('self', 0), at('gone', 90)], 'self');
    expect(sparse).toMatchObject({ ids: ['a', 'self'], days: 49, capped: false });
    // Alone: six weeks, as before.
    expect(eventContext([at('self', 0), at('gone', 90)], 'self')).toMatchObject({ ids: ['self'], days: 42 });
  });

  it('narrows the window to the nearest events when more than `max` would fall in six weeks', () => {
    // One event a day for ±100 days.
    const extents = Array.from({ length: 201 }, (_, i) => at(`e${i - 100}`, i - 100));
    const c = eventContext(extents, 'e0', { max: 11 });
    expect(c.days).toBe(5);
    expect(c.ids).toEqual(['e-5', 'e-4', 'e-3', 'e-2', 'e-1', 'e0', 'e1', 'e2', 'e3', 'e4', 'e5']);
    // Every event inside the window is shown: none hidden between the ones drawn.
    for (const e of extents) {
      const inside = e.end >= c.from && e.start <= c.to;
      expect(c.ids.includes(e.id)).toBe(inside);
    }
  });

  it('keeps at least a day either side, and the max nearest when that day holds more', () => {
    const extents = [at('next', 1), ...Array.from({ length: 30 }, (_, i) => at(`same${i}`, 0)), at('later', 3)];
    const c = eventContext(extents, 'same5', { max: 10 });
    expect(c.days).toBe(1);
    expect(c.capped).toBe(true);
    // The event itself, then the nine nearest: the same day's, in the order given; 'next' is a day away.
    expect(c.ids).toEqual(['same0', 'same1', 'same2', 'same3', 'same4', 'same5', 'same6', 'same7', 'same8', 'same9']);
    expect(eventContext(extents, 'same5', { max: 31 })).toMatchObject({ capped: false, days: 1 });
    expect(eventContext(extents, 'same5', { max: 31 }).ids).toContain('next');
  });

  it('keeps the max nearest of the events a long event overlaps: those that start nearest its start', () => {
    const extents = [...Array.from({ length: 100 }, (_, i) => at(`in${99 - i}`, 99 - i)), at('long', 0, 100)];
    const c = eventContext(extents, 'long', { max: 5 });
    expect(c.capped).toBe(true);
    expect(c.ids).toEqual(['in3', 'in2', 'in1', 'in0', 'long']);
  });

  it('is not capped when the window holds max events or fewer', () => {
    const extents = Array.from({ length: 5 }, (_, i) => at(`e${i}`, i * 3));
    expect(eventContext(extents, 'e2', { max: 5 })).toMatchObject({ capped: false, days: 42 });
  });

  it('names an unknown event', () => {
    expect(() => eventContext([], 'nope')).toThrow(/"nope"/);
  });
});

describe('spanInWords', () => {
  it('says the span as a reader would', () => {
    expect(spanInWords(42)).toBe('six weeks');
    expect(spanInWords(14)).toBe('two weeks');
    expect(spanInWords(7)).toBe('seven days');
    expect(spanInWords(1)).toBe('day');
    expect(spanInWords(17)).toBe('17 days');
  });
});

describe('narrowContextStart', () => {
  it('begins on the day of the second event before the page’s own', () => {
    const extents = [at('old', -30), at('a', -9), at('b', -4), at('c', -2), at('self', 0), at('next', 3)];
    expect(narrowContextStart(extents, 'self')).toEqual({ start: T0 - 4 * DAY, before: 2, hidden: 2 });
    expect(narrowContextStart(extents, 'self', 1)).toEqual({ start: T0 - 2 * DAY, before: 1, hidden: 3 });
  });

  it('counts every event of that day, and begins at the start of a day even when the event does not', () => {
    const noon = (e: EventExtent): EventExtent => ({ ...e, start: e.start + DAY / 2 });
    const extents = [at('a', -5), noon(at('b', -4)), at('b2', -4), at('c', -1), at('self', 0)];
    expect(narrowContextStart(extents, 'self')).toEqual({ start: T0 - 4 * DAY, before: 3, hidden: 1 });
  });

  it('begins with the event itself when none is before it, and names an unknown event', () => {
    expect(narrowContextStart([at('self', 0), at('next', 2)], 'self')).toEqual({ start: T0, before: 0, hidden: 0 });
    expect(narrowContextStart([at('same', 0), at('self', 0)], 'self')).toEqual({ start: T0, before: 0, hidden: 0 });
    expect(() => narrowContextStart([at('a', 0)], 'gone')).toThrow(/"gone"/);
  });
});
