// Symbol paths for marks, as plain SVG path strings centred on (0, 0).
// Every shape has about the area of a circle of radius r, so no track looks
// more important than another. No d3-shape needed: the strings are fixed maths.
import type { MilestoneKind } from './schema';
import type { TRACK_SHAPES } from './schema';

export type MarkShape = (typeof TRACK_SHAPES)[number];

/** The shape of a milestone's mark on its event's bar, by kind. */
export const MILESTONE_SHAPES: Readonly<Record<MilestoneKind, MarkShape>> = {
  announced: 'circle',
  scheduled: 'square',
  signed: 'diamond',
  published: 'square',
  effective: 'triangle',
  suspended: 'cross',
  blocked: 'cross',
  reinstated: 'triangle',
  ended: 'diamond',
};

/**
 * A number as it is written into SVG: at most one decimal, no "-0", no trailing zeros. A tenth of a
 * unit is under a fifth of a pixel in any drawing of the timeline (at most 1.3 px per unit), and
 * the second decimal cost the home page's HTML about 1.4 KB gzipped.
 */
export function svgNumber(n: number): string {
  const rounded = Math.round(n * 10) / 10;
  return String(rounded === 0 ? 0 : rounded);
}

function polygon(points: readonly (readonly [number, number])[]): string {
  return `M${points.map(([x, y]) => `${svgNumber(x)},${svgNumber(y)}`).join('L')}Z`;
}

function regular(count: number, radius: number, startAngle: number, inner?: number): string {
  const points: [number, number][] = [];
  const steps = inner === undefined ? count : count * 2;
  for (let i = 0; i < steps; i++) {
    const rr = inner === undefined || i % 2 === 0 ? radius : inner;
    const a = startAngle + (i * 2 * Math.PI) / steps;
    points.push([rr * Math.cos(a), rr * Math.sin(a)]);
  }
  return polygon(points);
}

/** symbolPath() results: zoom redraws ask for the same few paths thousands of times. */
const SYMBOL_PATHS = new Map<string, string>();

/** The SVG path of a mark of `shape` centred on (0, 0), with the area of a circle of radius `r`. */
export function symbolPath(shape: MarkShape, r: number): string {
  const key = `${shape}|${r}`;
  let path = SYMBOL_PATHS.get(key);
  if (path === undefined) {
    path = drawSymbol(shape, r);
    // A chart uses a few shapes at a few sizes; the cap only guards against an unusual caller.
    if (SYMBOL_PATHS.size > 500) SYMBOL_PATHS.clear();
    SYMBOL_PATHS.set(key, path);
  }
  return path;
}

function drawSymbol(shape: MarkShape, r: number): string {
  const up = -Math.PI / 2;
  switch (shape) {
    case 'circle': {
      const s = svgNumber(r);
      return `M${s},0A${s},${s},0,1,1,-${s},0A${s},${s},0,1,1,${s},0Z`;
    }
    case 'square': {
      const h = (r * Math.sqrt(Math.PI)) / 2;
      return polygon([
        [-h, -h],
        [h, -h],
        [h, h],
        [-h, h],
      ]);
    }
    case 'diamond': {
      const d = r * Math.sqrt(Math.PI / 2);
      return polygon([
        [0, -d],
        [d, 0],
        [0, d],
        [-d, 0],
      ]);
    }
    case 'triangle': {
      // Equilateral, centred on its centroid: circumradius s/√3 with s = r·√(4π/√3).
      const side = r * Math.sqrt((4 * Math.PI) / Math.sqrt(3));
      return regular(3, side / Math.sqrt(3), up);
    }
    case 'hexagon':
      return regular(6, r * Math.sqrt((2 * Math.PI) / (3 * Math.sqrt(3))), up);
    case 'star': {
      // Five points, inner radius 0.45·R: area = 5·R·ri·sin(36°).
      const k = 0.45;
      const outer = r * Math.sqrt(Math.PI / (5 * k * Math.sin(Math.PI / 5)));
      return regular(5, outer, up, outer * k);
    }
    case 'cross': {
      // A plus sign of five squares of side 2a.
      const a = r * Math.sqrt(Math.PI / 20);
      const l = 3 * a;
      return polygon([
        [-a, -l],
        [a, -l],
        [a, -a],
        [l, -a],
        [l, a],
        [a, a],
        [a, l],
        [-a, l],
        [-a, a],
        [-l, a],
        [-l, -a],
        [-a, -a],
      ]);
    }
  }
}

/** symbolExtent() results, by shape and radius. */
const SYMBOL_EXTENTS = new Map<string, { x: number; y: number }>();

/**
 * How far `shape`'s symbol of radius `r` reaches from its centre, across (x) and along (y), px: read from
 * symbolPath's own points (the symbols keep equal areas, so a star or a triangle reaches past r).
 */
export function symbolExtent(shape: MarkShape, r: number): { x: number; y: number } {
  const key = `${shape}|${r}`;
  let extent = SYMBOL_EXTENTS.get(key);
  if (extent === undefined) {
    extent = { x: 0, y: 0 };
    for (const [, x, y] of symbolPath(shape, r).matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) {
      extent = { x: Math.max(extent.x, Math.abs(+x)), y: Math.max(extent.y, Math.abs(+y)) };
    }
    // A circle's path is two arcs (A): its reach is its radius.
    if (shape === 'circle') extent = { x: r, y: r };
    if (SYMBOL_EXTENTS.size > 500) SYMBOL_EXTENTS.clear();
    SYMBOL_EXTENTS.set(key, extent);
  }
  return extent;
}

/**
 * A symbol path moved by (dx, dy): its absolute coordinates shifted (M, L, and the end point of A,
 * the only commands symbolPath writes). Many marks of one colour then make one path, e.g. a social
 * card's strip of 2,000 marks drawn as a few paths.
 */
export function translatePath(d: string, dx: number, dy: number): string {
  return d.replace(/([MLA])([^MLAZ]*)/g, (_m, cmd: string, args: string) => {
    const v = args.split(',').map(Number);
    if (cmd === 'A') {
      v[5] += dx;
      v[6] += dy;
    } else {
      v[0] += dx;
      v[1] += dy;
    }
    return cmd + v.map((x, i) => (cmd === 'A' && i < 5 ? String(x) : svgNumber(x))).join(',');
  });
}
