import { describe, expect, it } from 'vitest';
import { placeBeside } from '../../src/components/Timeline/timeline-panel';
import { wheelZoom, ZOOM_STEP } from '../../src/components/Timeline/timeline-zoom';

const factor = (deltaY: number, deltaMode = 0) => 2 ** wheelZoom(deltaY, deltaMode);

describe('wheelZoom: a ctrl+wheel event as a zoom factor', () => {
  it('makes one notch (100 px, 3 lines) one step, in and out', () => {
    expect(factor(-100)).toBeCloseTo(ZOOM_STEP, 10);
    expect(factor(100)).toBeCloseTo(1 / ZOOM_STEP, 10);
    expect(factor(-3, 1)).toBeCloseTo(ZOOM_STEP, 10);
    expect(factor(3, 1)).toBeCloseTo(1 / ZOOM_STEP, 10);
  });

  it('keeps a 120 px notch (Windows) within the range a reader can follow', () => {
    expect(factor(-120)).toBeGreaterThanOrEqual(1.25);
    expect(factor(-120)).toBeLessThanOrEqual(1.5);
  });

  it('scales a trackpad pinch by its delta: ten small events make one notch', () => {
    expect(factor(-10)).toBeGreaterThan(1);
    expect(factor(-10)).toBeLessThan(1.04);
    expect(factor(-10) ** 10).toBeCloseTo(ZOOM_STEP, 10);
  });
});

describe('placeBeside: the details panel beside its mark', () => {
  const bounds = { left: 0, top: 8, right: 1000, bottom: 792 };
  const rect = (left: number, top: number, w: number, h: number) => ({ left, top, right: left + w, bottom: top + h });
  const covers = (p: { left: number; top: number }, w: number, h: number, r: ReturnType<typeof rect>) =>
    p.left < r.right && p.left + w > r.left && p.top < r.bottom && p.top + h > r.top;

  it('goes right of the mark and its label when there is room', () => {
    const symbol = rect(100, 400, 10, 10);
    const mark = rect(95, 395, 200, 20);
    const p = placeBeside(mark, symbol, 350, 300, bounds);
    expect(p.left).toBe(mark.right + 12);
    expect(covers(p, 350, 300, mark)).toBe(false);
  });

  it('goes left of the mark near the right edge', () => {
    const symbol = rect(900, 400, 10, 10);
    const mark = rect(700, 395, 215, 20);
    const p = placeBeside(mark, symbol, 350, 300, bounds);
    expect(p.left).toBe(mark.left - 12 - 350);
  });

  it('falls back to beside the symbol (label covered, symbol not) when neither side of the whole mark has room', () => {
    const symbol = rect(400, 400, 10, 10);
    const mark = rect(395, 395, 500, 20);
    const p = placeBeside(mark, symbol, 350, 300, bounds);
    expect(covers(p, 350, 300, symbol)).toBe(false);
    expect(p.left).toBeGreaterThanOrEqual(bounds.left);
    expect(p.left + 350).toBeLessThanOrEqual(bounds.right);
  });

  it('stays inside the bounds vertically, its top a little above the symbol', () => {
    expect(placeBeside(rect(95, 395, 200, 20), rect(100, 400, 10, 10), 350, 300, bounds).top).toBe(381);
    expect(placeBeside(rect(95, 5, 200, 20), rect(100, 10, 10, 10), 350, 300, bounds).top).toBe(8);
    expect(placeBeside(rect(95, 775, 200, 20), rect(100, 780, 10, 10), 350, 300, bounds).top).toBe(492);
  });
});
