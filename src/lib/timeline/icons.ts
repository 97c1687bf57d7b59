// Small icon paths for each track shape, centred on 0,0 inside a 12×12 box: the same shapes as the chart's marks.
import type { Track } from './schema';
import { symbolPath } from './shapes';

/** The icon path of a track shape. */
export function shapeIconPath(shape: Track['shape']): string {
  return symbolPath(shape, 4.6);
}
