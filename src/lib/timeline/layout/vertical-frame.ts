// Vertical: the columns across the page (axis labels | marks on and beside the axis line | labels),
// and what the stages of one vertical layout share.
import { textWidth } from '../lanes';
import { CLUSTER_R, SLOTS, SLOT_STEP, TICK_LABEL_GAP, V_LEFT } from './constants';
import type { Ctx } from './context';
import type { Box, LayoutOptions } from './types';

/** Vertical: where the axis line is, and where the labels' column starts. */
export function verticalColumns(options: LayoutOptions): { spineX: number; slotStep: number; labelsX: number } {
  const fontSize = options.fontSize ?? 12;
  const target = Math.max(0, options.targetSize ?? 24);
  const axisMeasure = (fontSize - 1) * (options.textWidthFactor ?? 1);
  const spineX = V_LEFT + Math.ceil(textWidth('30 Sep 2019', axisMeasure)) + TICK_LABEL_GAP;
  const slotStep = Math.max(SLOT_STEP, target);
  return { spineX, slotStep, labelsX: spineX + (SLOTS - 1) * slotStep + Math.max(CLUSTER_R, target / 2) + 4 };
}

export const verticalLabelsX = (options: LayoutOptions) => verticalColumns(options).labelsX;

/** What the stages of one vertical layout read: where its columns are, and time → px down the page. */
export interface VerticalFrame {
  ctx: Ctx;
  width: number;
  labelH: number;
  /** The axis line. */
  spineX: number;
  /** Between the centres of two slots. */
  slotStep: number;
  /** The labels' column: its left edge and width. */
  labelsX: number;
  labelsW: number;
  /** Where the axis labels end (they are right-aligned, left of the axis line). */
  axisLabelX: number;
  plotY: number;
  /** Of the time axis, px. */
  length: number;
  plot: Box;
}
