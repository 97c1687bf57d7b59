// The height of each chart's embed page (/embed/<id>/) at a few frame widths, known at build time,
// so that a frame has its content's height before any script runs (snippet, oEmbed, embed.js).
// Pure: no Astro, no DOM.
import type { ChartSpec } from '../../lib/timeline/schema';
import { INITIAL_HEIGHT } from './snippet';

export interface HeightStep {
  /** The iframe's width in CSS px. */
  width: number;
  /** The embed page's document height at that width, in CSS px. */
  height: number;
}

/** The widths the heights are given at (a phone, a narrow column, the usual article column, wide). */
export const HEIGHT_WIDTHS = [320, 360, 480, 640, 720, 960, 1280] as const;

/** The column width the iframe's own height attribute is sized for. */
export const COLUMN_WIDTH = 640;

/**
 * The embed page's height at each of HEIGHT_WIDTHS, ascending by width.
 * (Placeholder: one guess per kind of chart at every width, until the estimate from the layouts lands.)
 */
export function chartHeights(chart: Pick<ChartSpec, 'id' | 'kind'>): HeightStep[] {
  return HEIGHT_WIDTHS.map((width) => ({ width, height: INITIAL_HEIGHT[chart.kind] }));
}

/** The height at `width`: linear between the two nearest steps, the end step's beyond them. */
export function heightAt(steps: readonly HeightStep[], width: number): number {
  if (steps.length === 0) return 0;
  if (width <= steps[0].width) return steps[0].height;
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1];
    const b = steps[i];
    if (width <= b.width)
      return Math.round(a.height + ((b.height - a.height) * (width - a.width)) / (b.width - a.width));
  }
  return steps[steps.length - 1].height;
}
