// How a chart mark's accessible name joins the lines of its tooltip: the build writes the name
// (svg-parts.ts, tipItem), the browser splits it back into the tooltip's lines (chart-tooltip.ts).
export const TIP_JOIN = '; ';
