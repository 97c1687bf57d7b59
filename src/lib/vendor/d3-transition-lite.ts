// A stand-in for d3-transition in the browser bundle. d3-zoom imports d3-transition only to
// interrupt running transitions and to animate a double-click zoom; our charts never start a
// transition (zoom.duration(0); reduced motion is the default), so there is never anything to
// interrupt. Aliased in astro.config.mjs; it saves about 5 KB of gzipped JavaScript.
import { selection } from 'd3-selection';

/** Nothing runs, so nothing needs interrupting. */
export function interrupt(): void {}

// d3-zoom calls selection.interrupt() when a transform is set programmatically.
(selection.prototype as unknown as { interrupt: () => unknown }).interrupt = function (this: unknown) {
  return this;
};
