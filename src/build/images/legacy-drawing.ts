// The companion charts (series, period, steps, posts) not yet drawn from a model: their drawing is
// read back from the built embed page, its stylesheets resolved by a CSS engine (css.ts) and inlined
// (inline-styles.ts). Goes, with markup.ts, css.ts, inline-styles.ts and chart-source.ts, once every
// kind has an entry in drawings.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SvgNode } from '../../lib/svg';
import type { ChartSpec } from '../../lib/timeline/schema';
import type { ChartDrawing } from './chart-image';
import { findChartSource, pageStyles } from './chart-source';
import { CHART_IMAGE_WIDTH } from './chart-image';
import type { ImageContext, Theme } from './context';
import { parseStylesheet, StyleResolver, type StyleRule } from './css';
import { inlineSvgStyles } from './inline-styles';
import { findFirst, parseMarkup, serializeXml, type MarkupElement, type MarkupNode } from './markup';
import { growBox } from './render';

const styleCache = new WeakMap<ImageContext, Map<string, StyleRule[]>>();

/** The file a site href refers to in the output folder (null for other origins). */
function fileOfHref(ctx: ImageContext, href: string, pagePath: string): string | null {
  const url = new URL(href, new URL(pagePath, `http://site.invalid${ctx.base}`));
  const own = new URL(ctx.site);
  if (url.host !== 'site.invalid' && url.host !== own.host) return null;
  let path = decodeURIComponent(url.pathname);
  if (path.startsWith(ctx.base)) path = path.slice(ctx.base.length);
  else path = path.replace(/^\/+/, '');
  return join(ctx.outDir, path);
}

function readPage(ctx: ImageContext, pagePath: string): MarkupElement {
  const file = join(ctx.outDir, pagePath);
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`the built page ${pagePath} is missing`);
  }
  return parseMarkup(html);
}

/** The style rules a page links (cached per stylesheet). */
function pageRules(ctx: ImageContext, doc: MarkupElement, pagePath: string): StyleRule[] {
  const { hrefs, inline } = pageStyles(doc);
  let cache = styleCache.get(ctx);
  if (!cache) styleCache.set(ctx, (cache = new Map()));
  const rules: StyleRule[] = [];
  for (const href of hrefs) {
    const file = fileOfHref(ctx, href, pagePath);
    if (!file) continue;
    let parsed = cache.get(file);
    if (!parsed) {
      let css: string;
      try {
        css = readFileSync(file, 'utf8');
      } catch {
        throw new Error(`the stylesheet ${href} that ${pagePath} links is missing`);
      }
      parsed = parseStylesheet(css);
      cache.set(file, parsed);
    }
    rules.push(...parsed);
  }
  for (const css of inline) rules.push(...parseStylesheet(css));
  return rules;
}

/**
 * A parsed element as an SvgNode. An SvgNode has its text or its children, so in mixed content (a
 * <text> with <tspan>s) each run of text becomes a plain <tspan>, which draws the same; white
 * space between other elements is left out.
 */
function toSvgNode(e: MarkupElement, key = 'root'): SvgNode {
  const inText = /^(text|tspan)$/i.test(e.tag);
  const mixed = inText && e.children.some((c) => c.type === 'element') && e.children.some((c) => c.type === 'text');
  if (!mixed) {
    const text = e.children.map((c) => (c.type === 'text' ? c.text : '')).join('');
    const children = e.children
      .filter((c): c is MarkupElement => c.type === 'element')
      .map((c, i) => toSvgNode(c, String(i)));
    return {
      key,
      tag: e.tag,
      attrs: { ...e.attrs },
      ...(text.trim() || (inText && text) ? { text } : {}),
      ...(children.length ? { children } : {}),
    };
  }
  // White space before the first part and after the last is no text in SVG, and white space next
  // to a part's own space collapses into it: both are left out. Any other is a space, kept.
  const textOf = (c: MarkupNode | undefined): string =>
    !c ? ' ' : c.type === 'text' ? c.text : c.children.map((x) => textOf(x)).join('');
  const children = e.children.flatMap((c, i): SvgNode[] => {
    if (c.type === 'element') return [toSvgNode(c, String(i))];
    if (!c.text.trim() && (/\s$/.test(textOf(e.children[i - 1])) || /^\s/.test(textOf(e.children[i + 1])))) return [];
    return [{ key: String(i), tag: 'tspan', attrs: {}, text: c.text }];
  });
  return { key, tag: e.tag, attrs: { ...e.attrs }, children };
}

/** A chart's drawing in one theme, from its built embed page. */
export function legacyDrawing(ctx: ImageContext, chart: ChartSpec, theme: Theme): ChartDrawing {
  const pagePath = `embed/${chart.id}/index.html`;
  const doc = readPage(ctx, pagePath);
  const html = findFirst(doc, (e) => e.tag.toLowerCase() === 'html');
  if (!html) throw new Error('the page has no <html> element');
  // The page as it is with ?theme=<theme>: data-theme on <html>, and the system setting to match.
  html.attrs['data-theme'] = theme;
  const resolver = new StyleResolver(pageRules(ctx, doc, pagePath), { theme, width: CHART_IMAGE_WIDTH });
  const source = findChartSource(doc, resolver, `chart-${chart.id}`);
  if (!source.svg && source.cards.length === 0 && source.notes.length === 0) {
    throw new Error(`${pagePath} has no chart drawing (<svg>), figure cards or note in its <figure>`);
  }
  let drawn: ChartDrawing['chart'] = null;
  if (source.svg) {
    const inlined = inlineSvgStyles(source.svg, resolver);
    const svg = toSvgNode(inlined);
    const vb = (svg.attrs.viewBox ?? '').split(/[\s,]+/).map(Number);
    const box =
      vb.length === 4 && vb.every(Number.isFinite)
        ? { x: vb[0], y: vb[1], width: vb[2], height: vb[3] }
        : { x: 0, y: 0, width: parseFloat(svg.attrs.width) || 600, height: parseFloat(svg.attrs.height) || 400 };
    const markup = serializeXml({ ...inlined, attrs: { ...inlined.attrs, xmlns: 'http://www.w3.org/2000/svg' } });
    drawn = { attrs: svg.attrs, children: svg.children ?? [], box: growBox(markup, box), measured: true };
  }
  return {
    chart: drawn,
    legend: source.legend.map((entry) => ({
      icon: entry.icon ? toSvgNode(inlineSvgStyles(entry.icon, resolver)) : null,
      text: entry.text,
    })),
    notes: source.notes,
    cards: source.cards,
    caption: source.caption,
  };
}
