// What every part of the image step shares: where the site is written, its address, its data, and
// the one-line error that names what was being drawn.
import type { TimelineData } from '../../lib/timeline/schema';
import type { ThemeName } from '../../lib/theme';

export type Theme = ThemeName;
export const THEMES: readonly Theme[] = ['light', 'dark'];

/** A failure of the image step, naming what it was drawing (one line). */
export class ImageBuildError extends Error {
  constructor(subject: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Images: ${subject}: ${reason.replace(/\s*\n\s*/g, ' ')}`);
    this.name = 'ImageBuildError';
  }
}

export interface ImageContext {
  outDir: string;
  /** The site's base path, e.g. '/explainers/x/'. */
  base: string;
  /** The site's origin, e.g. 'https://example.org'. */
  site: string;
  data: TimelineData;
  /** The font files to draw an SVG with (font-subset.ts), when not the full ones (render.ts: fontFiles). */
  faces?: (svg: string) => string[] | undefined;
}

export function createImageContext(options: ImageContext): ImageContext {
  return { ...options, base: `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/') };
}

/** The site's address without the scheme, for the images' credit line: "example.org/explainers/x/". */
export function displayUrl(ctx: ImageContext): string {
  const url = new URL(ctx.base, ctx.site);
  return `${url.host}${url.pathname}`.replace(/\/$/, '');
}
