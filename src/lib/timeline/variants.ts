// The three variants every timeline is built in — wide (horizontal), column (horizontal, for article
// columns and tablets, 560–719 px) and narrow (vertical, phones) —
// in one place, for the component that draws them and the validation that checks that every
// event's label can be shown at all.

/** Text widths are estimated, not measured: 1.15 leaves room for fonts wider than Helvetica (DejaVu Sans is about 12% wider). */
const textWidthFactor = 1.15;

/** px per event on a focus day of the narrow variant (see warpFor in layout/scale.ts): a target's size and a little more. */
const NARROW_ROW = 33;

export const TIMELINE_VARIANTS = {
  textWidthFactor,
  variantOptions: {
    // Drawn at 720 px and up: 24 CSS px between marks needs 28 at the layout's 820. 820, not wider: drawn
    // at 720 px its 13-unit labels stay over 11 px and its 12-unit period labels over 10 (at 960 they were
    // 9.75 and 9 px; 12 px now in the home page's 776-px column, where they were 10.5).
    wide: { width: 820, orientation: 'horizontal' as const, fontSize: 13, targetSize: 28 },
    // Drawn at 560–719 px (an article column, an embed in one): 26 keeps marks 24 CSS px apart at 560;
    // the height is capped so that the chart is about a screen tall in a 640 px frame. Its tracks share
    // their lanes: with a band per track, the lead chart labelled 4 of its 19 marks (15 were "+N"
    // groups); now 19 of 54, with 8 groups (Spanish: 2 of 19, now 21 of 61).
    column: { width: 600, orientation: 'horizontal' as const, fontSize: 13, targetSize: 26, sharedLanes: true },
    // Drawn at 320–480 px: 28 keeps marks 24 CSS px apart down to 320.
    narrow: { width: 360, orientation: 'vertical' as const, fontSize: 13, targetSize: 28 },
    /** Length of the narrow variant's time axis: room for a row per focus event (about 65% of it), the rest for the context. */
    narrowLength(events: number, focusEvents: number, compact: boolean): number {
      const base = compact ? 520 : Math.min(1800, Math.max(600, events * 18));
      if (focusEvents === 0) return base;
      return Math.min(3600, Math.max(base, Math.round((focusEvents * NARROW_ROW + 120) / 0.65)));
    },
  },
};
