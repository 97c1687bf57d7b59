// The embed code journalists paste into their articles, and the message names that the embed page
// (embed-frame.ts) and the host script (public/embed.js, which repeats them: it has no imports) share.
// Pure: no Astro, no DOM — the oEmbed endpoint, the Embed control and the tests all use it.
import type { ChartSpec } from '../../lib/timeline/schema';

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
 * The height an iframe has before its page reports its own (and keeps when scripts cannot run):
 * a guess per kind of chart, generous rather than short, since a frame too short scrolls.
 */
export const INITIAL_HEIGHT: Record<ChartSpec['kind'], number> = {
  timeline: 640,
  series: 520,
  period: 520,
  steps: 440,
  posts: 520,
  figures: 440,
};

/** The nominal width (px) oEmbed requires; the iframe itself takes the width of its column. */
export const OEMBED_WIDTH = 640;

export interface SnippetOptions {
  /** Absolute URL of the embed page, /embed/<id>/ (with ?theme=… when chosen). */
  embedUrl: string;
  /** Absolute URL of public/embed.js. */
  scriptUrl: string;
  /** The chart's title: the iframe's accessible name. */
  title: string;
  /** Initial height in px. */
  height: number;
  /** A Subresource Integrity hash of embed.js ("sha384-…"): pins the script (needs CORS on embed.js). */
  integrity?: string;
}

/** Escapes text for a double-quoted HTML attribute. */
export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The embed code: an iframe that works on its own (at its initial height, scrolling), and the host
 * script that sizes it to its content. No inline script, so it runs on hosts with a strict CSP.
 * The width is in the style attribute only: width="100%" is not valid HTML (width takes pixels).
 */
export function embedSnippet({ embedUrl, scriptUrl, title, height, integrity }: SnippetOptions): string {
  const a = escapeAttribute;
  const pin = integrity ? ` integrity="${a(integrity)}" crossorigin="anonymous"` : '';
  return (
    `<iframe src="${a(embedUrl)}" title="${a(title)}" loading="lazy" height="${Math.round(height)}" ` +
    `style="border:0;width:100%" data-timeline-explainer></iframe>` +
    `<script src="${a(scriptUrl)}" async${pin}></script>`
  );
}
