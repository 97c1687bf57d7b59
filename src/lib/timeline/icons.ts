// Small icon paths for each track shape, centred on 0,0 inside a 12×12 box (radius ~5).
import type { Track } from './schema';

const ICONS: Record<Track['shape'], string> = {
  circle: 'M5,0A5,5 0 1,1 -5,0A5,5 0 1,1 5,0Z',
  square: 'M-4.4,-4.4H4.4V4.4H-4.4Z',
  diamond: 'M0,-5.6L5.6,0L0,5.6L-5.6,0Z',
  triangle: 'M0,-5.2L5.2,4.4H-5.2Z',
  hexagon: 'M0,-5.4L4.7,-2.7V2.7L0,5.4L-4.7,2.7V-2.7Z',
  star: 'M0,-5.6L1.5,-1.8L5.5,-1.7L2.4,0.8L3.4,4.6L0,2.4L-3.4,4.6L-2.4,0.8L-5.5,-1.7L-1.5,-1.8Z',
  cross: 'M-1.8,-5H1.8V-1.8H5V1.8H1.8V5H-1.8V1.8H-5V-1.8H-1.8Z',
};

/** The icon path of a track shape. */
export function shapeIconPath(shape: Track['shape']): string {
  return ICONS[shape];
}
