import { describe, expect, it } from 'vitest';
import { placeBeside, placeOutside } from '../../src/components/Timeline/timeline-panel';
import { wheelZoom, ZOOM_STEP } from '../../src/components/Timeline/timeline-zoom';
import { onKey } from '../../src/components/Timeline/timeline-input';

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

describe('placeOutside: the details panel beside the whole chart', () => {
  const viewport = { left: 4, top: 8, right: 1276, bottom: 792 };
  const rect = (left: number, top: number, w: number, h: number) => ({ left, top, right: left + w, bottom: top + h });
  const symbol = rect(380, 500, 10, 10);

  it('goes right of the chart where the page has room there, level with the symbol', () => {
    // The home page at 1280: the chart in its column, what you need to know beside it.
    const chart = rect(64, 380, 776, 900);
    expect(placeOutside(chart, symbol, 352, 200, viewport)).toEqual({ left: 852, top: 481 });
  });

  it('goes left of the chart when only that side has room', () => {
    const chart = rect(500, 100, 776, 600);
    expect(placeOutside(chart, rect(900, 300, 10, 10), 352, 200, viewport)).toEqual({ left: 136, top: 281 });
  });

  it('keeps inside the viewport vertically', () => {
    const chart = rect(64, 380, 776, 900);
    expect(placeOutside(chart, rect(380, 780, 10, 10), 352, 500, viewport)!.top).toBe(292);
    expect(placeOutside(chart, rect(380, 0, 10, 10), 352, 500, viewport)!.top).toBe(8);
  });

  it('gives way to placeBeside where neither side has room: an embed, a phone, a narrow window', () => {
    expect(placeOutside(rect(0, 0, 1280, 800), symbol, 352, 200, viewport)).toBeUndefined();
    expect(placeOutside(rect(64, 0, 1000, 800), symbol, 352, 200, viewport)).toBeUndefined();
  });
});

describe('onKey: keys on a "+N" cluster', () => {
  /** A chart that records what the input asked of it. */
  const recorder = () => {
    const calls: string[] = [];
    const chart = {
      root: {} as HTMLElement,
      timeOf: new Map<string, number>(),
      vertical: () => true,
      move: (from: string | undefined, how: string, group?: string) => void calls.push(`move ${from} ${how} ${group}`),
      select: async (id: string) => void calls.push(`select ${id}`),
      close: () => void calls.push('close'),
      reveal: (id: string) => void calls.push(`reveal ${id}`),
      zoomBy: (factor: number) => void calls.push(`zoomBy ${factor}`),
      zoomTo: (domain: readonly [number, number]) => void calls.push(`zoomTo ${domain.join('–')}`),
      reset: () => void calls.push('reset'),
      toggleTrack: () => undefined,
    };
    return { chart, calls };
  };
  /** A cluster's element in the drawing, as `closest` finds it and its ancestors. */
  const cluster = {
    dataset: { domain: '100,200' },
    getAttribute: (name: string) => (name === 'data-id' ? 'cluster-threat-559' : null),
    closest: (selector: string) => (selector === '.tl-cluster' || selector === 'svg.tl' ? cluster : null),
  };
  const press = (key: string) => {
    const { chart, calls } = recorder();
    let prevented = false;
    onKey(chart, { key, target: cluster, preventDefault: () => (prevented = true) } as unknown as KeyboardEvent);
    return { calls, prevented };
  };

  it('zooms in to its events on Enter or Space, as a click does', () => {
    expect(press('Enter')).toEqual({ calls: ['zoomTo 100–200'], prevented: true });
    expect(press(' ')).toEqual({ calls: ['zoomTo 100–200'], prevented: true });
  });

  it('zooms by + and −, and moves into the events by the arrows, from the cluster', () => {
    expect(press('+')).toEqual({ calls: [`zoomBy ${ZOOM_STEP}`], prevented: true });
    expect(press('-')).toEqual({ calls: [`zoomBy ${1 / ZOOM_STEP}`], prevented: true });
    // Into the cluster's events (ArrowDown is "next" in a vertical chart), from the cluster.
    expect(press('ArrowDown').calls).toEqual(['move undefined next cluster-threat-559']);
  });
});
