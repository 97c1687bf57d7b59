// The time axis at full view: its length, and the focus warp (cached on the prepared data).
import { BOLD_WIDTH, wrapText } from '../lanes';
import { IDENTITY_WARP, focusWarp, type Warp } from '../warp';
import { PAD, V_GAP } from './constants';
import type { PEvent, PreparedTimeline } from './prepare';
import type { LayoutOptions } from './types';
import { verticalLabelsX } from './vertical-frame';

/** The length of the time axis at full view, px: the plot's width, or the vertical axis's length. */
export function axisLength(prepared: PreparedTimeline, options: LayoutOptions, labelH: number): number {
  if (options.orientation !== 'vertical') return Math.max(1, options.width - 2 * PAD);
  if (options.length !== undefined) return options.length;
  let count = 0;
  const visible = options.visibleTracks ? new Set(options.visibleTracks) : null;
  for (const t of prepared.tracks) if (!visible || visible.has(t.id)) count += prepared.byTrack.get(t.id)!.length;
  return Math.min(4000, Math.max(480, Math.round(count * (labelH + 4))));
}

/**
 * The warp of the focus (IDENTITY_WARP without one), cached on `prepared`: vertical, each focus
 * day gets a row per event (at least a target's size apart), up to 70% of the length; horizontal,
 * the focus takes `focusShare` of the width.
 */
export function warpFor(
  prepared: PreparedTimeline,
  options: LayoutOptions,
  fullDomain: [number, number],
  length: number,
  labelH: number,
  target: number,
): Warp {
  if (!options.focus) return IDENTITY_WARP;
  const vertical = options.orientation === 'vertical';
  const key = [
    'warp',
    vertical,
    options.width,
    options.fontSize,
    options.textWidthFactor,
    length,
    labelH,
    target,
    options.focusShare,
    options.highlighted?.join(','),
    ...options.focus,
    ...fullDomain,
  ].join('|');
  let warp = prepared.warpCache.get(key);
  if (!warp) {
    // Vertical: a row per event, as tall as its label wraps (one or two rows) and at least a target.
    const labelsW = Math.max(0, options.width - PAD - verticalLabelsX(options));
    const mFont = (options.fontSize ?? 12) * (options.textWidthFactor ?? 1);
    const bold = new Set(options.highlighted);
    const rowOf = (e: PEvent) => {
      const font = e.importance === 1 || bold.has(e.id) ? mFont * BOLD_WIDTH : mFont;
      const rows = wrapText(e.text, labelsW, font, 2)?.lines.length ?? 1;
      return Math.ceil(Math.max(target * 1.15, rows * labelH + V_GAP + 4));
    };
    warp = focusWarp({
      focus: options.focus,
      fullDomain,
      length,
      positions: prepared.events.map((e) => e.t),
      pitch: vertical ? prepared.events.map(rowOf) : 0,
      minDay: vertical ? 4 : length,
      maxShare: vertical ? 0.7 : (options.focusShare ?? 0.35),
    });
    prepared.warpCache.set(key, warp);
  }
  return warp;
}
