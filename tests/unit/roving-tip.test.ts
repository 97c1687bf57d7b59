import { describe, expect, it } from 'vitest';
import { moveFor, nextFocus, nextFocusFromGroup, tipPosition, type Rows } from '../../src/components/roving-tip';

// Five marks on three tracks, in time order: a1 (t 0, track a), b1 (t 1, b), a2 (t 2, a), c1 (t 3, c), b2 (t 5, b).
const marks = { a1: ['a', 0], b1: ['b', 1], a2: ['a', 2], c1: ['c', 3], b2: ['b', 5] } as const;
type Id = keyof typeof marks;
const order = Object.keys(marks) as Id[];
const rows = (visible: readonly string[]): Rows<Id> => ({
  rows: visible,
  rowOf: (id) => marks[id][0],
  timeOf: (id) => marks[id][1],
});
const all = rows(['a', 'b', 'c']);

describe('moveFor: the move a key asks for', () => {
  it('steps along the time axis with the arrows that follow it, across rows with the others', () => {
    expect(['ArrowRight', 'ArrowLeft', 'ArrowDown', 'ArrowUp', 'Home', 'End'].map((k) => moveFor(k))).toEqual([
      'next',
      'prev',
      'down',
      'up',
      'first',
      'last',
    ]);
  });

  it('turns the arrows with a vertical chart (time runs down)', () => {
    expect(['ArrowDown', 'ArrowUp', 'ArrowRight', 'ArrowLeft'].map((k) => moveFor(k, true))).toEqual([
      'next',
      'prev',
      'down',
      'up',
    ]);
  });

  it('asks for no move on other keys', () => {
    expect(moveFor('Enter')).toBeUndefined();
    expect(moveFor('a', true)).toBeUndefined();
  });
});

describe('nextFocus: where the focus goes', () => {
  it('steps to the next and previous mark, and stops at the ends', () => {
    expect(nextFocus(order, 'b1', 'next', all)).toBe('a2');
    expect(nextFocus(order, 'b1', 'prev', all)).toBe('a1');
    expect(nextFocus(order, 'b2', 'next', all)).toBe('b2');
    expect(nextFocus(order, 'a1', 'prev', all)).toBe('a1');
  });

  it('goes to the first and the last mark', () => {
    expect(nextFocus(order, 'a2', 'first', all)).toBe('a1');
    expect(nextFocus(order, 'a2', 'last', all)).toBe('b2');
  });

  it('starts at the first mark when no mark has the focus', () => {
    expect(nextFocus(order, undefined, 'next', all)).toBe('a1');
    expect(nextFocus(order, undefined, 'prev', all)).toBe('a1');
    expect(nextFocus(order, undefined, 'down', all)).toBe('b1');
  });

  it('goes down and up to the mark nearest in time in the next row', () => {
    expect(nextFocus(order, 'a2', 'down', all)).toBe('b1'); // b1 (t 1) is nearer t 2 than b2 (t 5)
    expect(nextFocus(order, 'c1', 'up', all)).toBe('b1'); // a tie (t 1 and t 5 are both 2 from t 3): the first
    expect(nextFocus(order, 'b2', 'up', all)).toBe('a2');
  });

  it('has nowhere to go past the first and the last row', () => {
    expect(nextFocus(order, 'a1', 'up', all)).toBeUndefined();
    expect(nextFocus(order, 'c1', 'down', all)).toBeUndefined();
  });

  it('skips a hidden track: its marks are not in the order, nor it in the rows', () => {
    const shown = order.filter((id) => marks[id][0] !== 'b');
    const ac = rows(['a', 'c']);
    expect(nextFocus(shown, 'a1', 'next', ac)).toBe('a2');
    expect(nextFocus(shown, 'a2', 'down', ac)).toBe('c1');
    expect(nextFocus(shown, 'c1', 'up', ac)).toBe('a2');
    expect(nextFocus(shown, 'c1', 'last', ac)).toBe('c1');
  });

  it('goes nowhere when there are no marks', () => {
    for (const move of ['next', 'prev', 'first', 'last', 'up', 'down'] as const)
      expect(nextFocus([] as Id[], undefined, move, rows([]))).toBeUndefined();
  });

  it('makes up and down previous and next without rows (the companion charts)', () => {
    const items = ['x', 'y', 'z'];
    expect(nextFocus(items, 'y', 'down')).toBe('z');
    expect(nextFocus(items, 'y', 'up')).toBe('x');
    expect(nextFocus(items, 'z', 'down')).toBe('z');
  });
});

describe('nextFocusFromGroup: from a "+N" cluster that has the focus', () => {
  // A cluster of a2 and b2 (given out of order): a2 is its earliest mark in the order.
  const group: Id[] = ['b2', 'a2'];
  it('goes into the group, to its earliest mark, on the next move', () => {
    expect(nextFocusFromGroup(order, group, 'next', all)).toBe('a2');
  });
  it('moves as from that mark otherwise: back before the group, to the ends, across rows', () => {
    expect(nextFocusFromGroup(order, group, 'prev', all)).toBe('b1');
    expect(nextFocusFromGroup(order, group, 'first', all)).toBe('a1');
    expect(nextFocusFromGroup(order, group, 'last', all)).toBe('b2');
    expect(nextFocusFromGroup(order, group, 'down', all)).toBe('b1');
  });
  it('moves as from no mark when none of the group is in the order (its track hidden)', () => {
    expect(nextFocusFromGroup(order, [] as Id[], 'next', all)).toBe('a1');
  });
});

describe('tipPosition: a tooltip beside its mark', () => {
  const host = { left: 100, top: 50, right: 500, bottom: 450 };
  const mark = (left: number, top: number) => ({ left, top, right: left + 20, bottom: top + 10 });

  it('centres the tip above the mark, in host coordinates', () => {
    expect(tipPosition(mark(290, 250), host, 100, 40, 8, true)).toEqual({
      left: 150,
      top: 152,
    });
  });

  it('goes below the mark when there is no room above', () => {
    expect(tipPosition(mark(290, 60), host, 100, 40, 8, true).top).toBe(28);
  });

  it('starts at the mark’s left edge, below it, when asked', () => {
    expect(tipPosition(mark(290, 250), host, 200, 0, 6, false)).toEqual({
      left: 190,
      top: 216,
    });
  });

  it('stays inside the host on both sides', () => {
    expect(tipPosition(mark(90, 250), host, 100, 40, 8, true).left).toBe(0);
    expect(tipPosition(mark(480, 250), host, 200, 0, 6, false).left).toBe(200);
  });
});
