// Zoom and pan: d3-zoom turns gestures into a transform of the full domain's pixel range, and the
// pure functions below turn that transform into a time window and back. The axis is linear in
// "u" (warp.ts: a focus stretches time), so the maths is done in u, not in days.
import { pointer as d3pointer, select } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity, zoomTransform, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { layoutRange, type TimelineLayout } from '../../lib/timeline/layout';
import { fromU, toU, type Warp } from '../../lib/timeline/warp';

const DAY = 86_400_000;
/** One zoom step: a +/− button or key, and one mouse-wheel notch with ctrl/⌘. */
export const ZOOM_STEP = 1.35;
/** The narrowest window a reader can zoom to. */
export const MIN_SPAN = 7 * DAY;

type Pair = readonly [number, number];

/**
 * d3-zoom's wheel delta (log2 of the zoom factor) for a ctrl/⌘+wheel event: one notch (100 px,
 * or 3 lines) is one ZOOM_STEP, and a trackpad pinch's small deltas make proportionally small steps.
 */
export function wheelZoom(deltaY: number, deltaMode: number): number {
  const px = deltaY * (deltaMode === 1 ? 100 / 3 : deltaMode === 2 ? 300 : 1);
  return (-px / 100) * Math.log2(ZOOM_STEP);
}

/**
 * The zoom (scale k, translation t along the time axis) that shows the window `window` (in u) of
 * the full domain `full` (in u), drawn over the pixel range `range` at k = 1.
 */
export function zoomFor(full: Pair, range: Pair, window: Pair): { k: number; t: number } {
  const [f0, f1] = full;
  const [r0, r1] = range;
  const k = (f1 - f0) / (window[1] - window[0]);
  const base = r0 + ((window[0] - f0) / (f1 - f0)) * (r1 - r0);
  return { k, t: r0 - k * base };
}

/** The window (in u) that the zoom k, t shows: the inverse of zoomFor. */
export function windowOf(full: Pair, range: Pair, k: number, t: number): [number, number] {
  const [f0, f1] = full;
  const [r0, r1] = range;
  const u = (px: number) => f0 + (((px - t) / k - r0) / (r1 - r0)) * (f1 - f0);
  return [u(r0), u(r1)];
}

/** What a week spans in u: on average over the focus where there is one (the narrowest view shows about a week there). */
export function weekU(w: Warp): number {
  if (w.ts.length < 2) return MIN_SPAN;
  const t0 = w.ts[0];
  const t1 = w.ts[w.ts.length - 1];
  return ((toU(w, t1) - toU(w, t0)) / (t1 - t0)) * MIN_SPAN;
}

type Extent = readonly [readonly [number, number], readonly [number, number]];
interface Transform {
  k: number;
  x: number;
  y: number;
}

/**
 * The transform of a zoom step by `factor` about `p0` (by default the middle of `extent`): d3-zoom's scaleBy,
 * or its ctrl+wheel step about the pointer, step for step (the scale held within `scaleExtent`, the point
 * under `p0` kept there, then its default constrain to `extent`), written out so that the window of the next
 * step can be known before it is taken.
 */
export function stepTransform(
  t0: Transform,
  factor: number,
  extent: Extent,
  scaleExtent: Pair,
  p0: Pair = [(extent[0][0] + extent[1][0]) / 2, (extent[0][1] + extent[1][1]) / 2],
): Transform {
  const k = Math.max(scaleExtent[0], Math.min(scaleExtent[1], t0.k * factor));
  const p1 = [(p0[0] - t0.x) / t0.k, (p0[1] - t0.y) / t0.k];
  const x = p0[0] - p1[0] * k;
  const y = p0[1] - p1[1] * k;
  const dx0 = (extent[0][0] - x) / k - extent[0][0];
  const dx1 = (extent[1][0] - x) / k - extent[1][0];
  const dy0 = (extent[0][1] - y) / k - extent[0][1];
  const dy1 = (extent[1][1] - y) / k - extent[1][1];
  const tx = dx1 > dx0 ? (dx0 + dx1) / 2 : Math.min(0, dx0) || Math.max(0, dx1);
  const ty = dy1 > dy0 ? (dy0 + dy1) / 2 : Math.min(0, dy0) || Math.max(0, dy1);
  return tx === 0 && ty === 0 ? { k, x, y } : { k, x: x + k * tx, y: y + k * ty };
}

/** A chart's d3-zoom: `layout` gives the chart's current layout, `onZoom` gets each new window. */
export class TimelineZoom {
  private behavior: ZoomBehavior<SVGSVGElement, unknown>;
  private silent = false;
  private extent: Extent;

  constructor(
    private svg: SVGSVGElement,
    private layout: () => TimelineLayout,
    private vertical: boolean,
    start: Pair,
    onZoom: (domain: [number, number], byReader: boolean) => void,
  ) {
    const l = layout();
    const [f0, f1] = this.fullU();
    const [r0, r1] = layoutRange(l);
    const { width, height } = l.size;
    const extent: [[number, number], [number, number]] = (this.extent = vertical
      ? [
          [0, r0],
          [width, r1],
        ]
      : [
          [r0, 0],
          [r1, height],
        ]);
    this.behavior = d3zoom<SVGSVGElement, unknown>()
      .duration(0)
      .scaleExtent([1, Math.max(1, (f1 - f0) / weekU(l.warp), this.transformFor(start).k)])
      .wheelDelta((event: WheelEvent) => wheelZoom(event.deltaY, event.deltaMode))
      .extent(extent)
      .translateExtent(extent)
      // A plain wheel and a one-finger swipe scroll the page; ctrl/⌘+wheel (and trackpad pinch) and two fingers zoom.
      .filter((event: Event) => {
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        if (event.type.startsWith('touch')) return (event as TouchEvent).touches.length >= 2;
        return !(event as MouseEvent).button;
      })
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        if (!this.silent) onZoom(this.domainOf(event.transform), !!event.sourceEvent);
      });
    const sel = select(svg);
    sel.call(this.behavior);
    // d3-zoom sets a tap-highlight style on the SVG; the stylesheet does that, so the element stays as built.
    svg.style.removeProperty('-webkit-tap-highlight-color');
    if (!svg.getAttribute('style')) svg.removeAttribute('style');
    // Start from the build's window without redrawing (the SVG already shows it).
    this.silent = true;
    this.behavior.transform(sel, this.transformFor(start));
    this.silent = false;
  }

  /** The full domain in u (a focus has more of them: warp.ts). */
  private fullU(): [number, number] {
    const l = this.layout();
    return [toU(l.warp, l.fullDomain[0]), toU(l.warp, l.fullDomain[1])];
  }

  /** The zoom transform that shows `domain` (d3-zoom works on the full domain's pixel range, linear in u). */
  private transformFor(domain: Pair): ZoomTransform {
    const w = this.layout().warp;
    const { k, t } = zoomFor(this.fullU(), layoutRange(this.layout()), [toU(w, domain[0]), toU(w, domain[1])]);
    return this.vertical ? zoomIdentity.translate(0, t).scale(k) : zoomIdentity.translate(t, 0).scale(k);
  }

  private domainOf(transform: Transform): [number, number] {
    const t = this.vertical ? transform.y : transform.x;
    const [u0, u1] = windowOf(this.fullU(), layoutRange(this.layout()), transform.k, t);
    const w = this.layout().warp;
    return [fromU(w, u0), fromU(w, u1)];
  }

  by(factor: number): void {
    this.behavior.scaleBy(select(this.svg), factor);
  }

  /**
   * The window that by(`factor`) would show now, without zooming (stepTransform); or, `at` a point (client px),
   * that of a ctrl+wheel step by `factor` there, as d3-zoom takes it about the pointer.
   */
  peek(factor: number, at?: { clientX: number; clientY: number }): [number, number] {
    const p0 = at && d3pointer(at as unknown as Event, this.svg);
    const t = stepTransform(zoomTransform(this.svg), factor, this.extent, this.behavior.scaleExtent(), p0);
    return this.domainOf(t);
  }

  to(domain: Pair): void {
    this.behavior.transform(select(this.svg), this.transformFor(domain));
  }
}
