// The embed code journalists paste into their articles, and the message names that the embed page
// (embed-frame.ts) and the host script (public/embed.js, which repeats them: it has no imports) share.
// Pure: no Astro, no DOM — the oEmbed endpoint, the Embed control and the tests all use it.
import type { ChartSpec } from '../../lib/timeline/schema';
import type { HeightStep } from './heights';

/** postMessage types. Keep in step with public/embed.js. */
export const MESSAGE = {
  /** frame → host: { type, id, height } */
  height: 'timeline-explainer:height',
  /** host → frame: { type, theme: 'light' | 'dark' | 'auto' } */
  theme: 'timeline-explainer:theme',
  /** host → frame: { type }; the frame answers with a height message */
  requestHeight: 'timeline-explainer:request-height',
} as const;

export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * A guess per kind of chart at the height of its embed page, generous rather than short, since a frame
 * too short scrolls. (heights.ts starts from it; the snippet and oEmbed take their heights from there.)
 */
export const INITIAL_HEIGHT: Record<ChartSpec['kind'], number> = {
  timeline: 640,
  series: 520,
  period: 520,
  steps: 440,
  posts: 520,
  figures: 440,
};

export interface SnippetOptions {
  /** Absolute URL of the embed page, /embed/<id>/ (with ?theme=… when chosen). */
  embedUrl: string;
  /** Absolute URL of public/embed.js. */
  scriptUrl: string;
  /** The chart's title: the iframe's accessible name. */
  title: string;
  /** The height attribute in px: the embed page's height at the usual column width. */
  height: number;
  /** The embed page's height at a few frame widths (heights.ts): embed.js sizes the frame from them
   * until the page reports its own height, and for good where its scripts cannot run. */
  heights?: readonly HeightStep[];
  /** A Subresource Integrity hash of embed.js ("sha384-…"): pins the script (needs CORS on embed.js). */
  integrity?: string;
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Heights as the compact data-heights attribute embed.js reads: "320:2400 360:2210 …" (width:height). */
export function heightsAttribute(steps: readonly HeightStep[]): string {
  return steps.map((s) => `${Math.round(s.width)}:${Math.round(s.height)}`).join(' ');
}

/**
 * The embed code: an iframe that works on its own (at its height attribute, scrolling), and the host
 * script that sizes it to its content. No inline script, so it runs on hosts with a strict CSP.
 * No style attribute either: a host whose CSP refuses inline styles (style-src without
 * 'unsafe-inline') would log a violation, and WordPress strips it. The width and the border are
 * presentational attributes instead, which every browser maps to CSS (HTML's rendering rules: a
 * percentage width, frameborder="0" → no border) and WordPress's oEmbed filter keeps; width="100%" and
 * frameborder are not conforming HTML, a price paid on purpose. embed.js sets the same through the
 * CSSOM, which no CSP refuses.
 */
export function embedSnippet({ embedUrl, scriptUrl, title, height, heights, integrity }: SnippetOptions): string {
  const a = escapeAttribute;
  const pin = integrity ? ` integrity="${a(integrity)}" crossorigin="anonymous"` : '';
  const steps = heights?.length ? ` data-heights="${heightsAttribute(heights)}"` : '';
  return (
    `<iframe src="${a(embedUrl)}" title="${a(title)}" loading="lazy" width="100%" height="${Math.round(height)}" ` +
    `frameborder="0"${steps} data-timeline-explainer></iframe>` +
    `<script src="${a(scriptUrl)}" async${pin}></script>`
  );
}

/**
 * The embed code with an instance id in the iframe's address (?frame=<id>, or &frame=<id> after a
 * query): the embed page then names itself with it in every message whose format has a key (ours and
 * Datawrapper's: the frame's address), so that two copies of one chart on a page, or another widget
 * whose address contains the chart's id, are never taken for each other. The Embed control adds one
 * to the code it lets journalists copy; the oEmbed answer and the static code stay deterministic.
 */
export function withFrameId(code: string, id: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(id)) throw new Error(`withFrameId: "${id}" is not a valid instance id`);
  return code.replace(
    /(<iframe src=")([^"#]*)/,
    (_, open: string, src: string) => `${open}${src}${src.includes('?') ? '&amp;' : '?'}frame=${id}`,
  );
}
