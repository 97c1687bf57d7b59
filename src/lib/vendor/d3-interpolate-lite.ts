// A stand-in for d3-interpolate in the browser bundle. d3-zoom imports d3-interpolate only for
// interpolateZoom, the path of an animated zoom transition, and our charts never start one (see
// d3-transition-lite.ts: zoom.duration(0), no transitions). Importing the real module keeps all of
// d3-color in the bundle (its colour tables are set up at load, so they are not tree-shaken).
// Aliased for the client build only in astro.config.mjs (the build's d3-scale needs the real one).

/** Never called: a zoom transition would need d3-transition, which the bundle does not have. */
export function interpolateZoom(): never {
  throw new Error('d3-interpolate-lite: animated zoom transitions are not supported (zoom.duration(0))');
}
