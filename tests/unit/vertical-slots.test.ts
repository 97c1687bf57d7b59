// A phone chart's column: which slot (on the axis line, or beside it) each mark takes.
import { describe, expect, it } from 'vitest';
import { assignSlots } from '../../src/lib/timeline/layout/vertical-column';
import type { Item } from '../../src/lib/timeline/layout/context';

const SPINE = 100;
const STEP = 28;
const TARGET = 24;

/** A mark at `x` down the page (a circle of radius `r`), with milestones down its bar at `steps`. */
function item(x: number, r: number, steps: number[] = []): Item {
  return {
    x,
    r,
    track: { id: 't', label: 'T', order: 0, shape: 'circle' },
    ev: { milestones: steps.map((t, index) => ({ index, t, kind: 'announced', didNotHappen: false, dateText: '' })) },
  } as unknown as Item;
}

describe('assignSlots', () => {
  it('keeps a mark off the milestones down the bar of a mark above it, in the other slot where that has room', () => {
    // An event on the axis line whose steps run down its bar (8 px right of the line) to 200 and 300; a
    // "+N" cluster of radius 10 at 300 would cover the step there on the line; beside it, it covers none.
    const items = [item(0, 5, [200, 300]), item(300, 10)];
    expect(assignSlots(items, SPINE, STEP, TARGET, (t) => t)).toEqual([]);
    expect(items.map((it) => it.lane)).toEqual([0, 1]);
    expect(items[1].cx).toBe(SPINE + STEP);
  });

  it('takes the axis line as before where it covers no milestone, or where no slot free of them has room', () => {
    const clear = [item(0, 5, [200, 300]), item(250, 10)];
    assignSlots(clear, SPINE, STEP, TARGET, (t) => t);
    expect(clear.map((it) => it.lane)).toEqual([0, 0]);
    // The slot beside the line is taken just above, and the line has room: the cluster stays on it, over the step.
    const full = [item(0, 5, [300]), item(266, 5), item(280, 5), item(300, 10)];
    expect(assignSlots(full, SPINE, STEP, TARGET, (t) => t)).toEqual([]);
    expect(full.map((it) => it.lane)).toEqual([0, 0, 1, 0]);
  });
});
