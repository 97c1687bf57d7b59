// Finds a chart in a built page: the stylesheets the page links, and inside its <figure> the
// chart's drawing — the first <svg> of the figure's body that is shown at a wide width (not a
// hidden phone variant), not an aria-hidden icon and not a legend swatch — with the legend
// entries and notes around it. A figure without a drawing (the key-figures grid) gives its cards.
// const source = findChartSource(parseMarkup(html), resolver);
import type { StyleResolver } from './css';
import type { FigureCard } from './chart-image';
import { ancestors, classList, findAll, findFirst, hasClass, textContent, type MarkupElement } from './markup';

export interface LegendEntry {
  /** The entry's icon (an inline <svg> in the page), if it has one. */
  icon: MarkupElement | null;
  text: string;
}

export interface ChartSource {
  figure: MarkupElement;
  /** The figure's caption as the page shows it (a component may supply a default). */
  caption?: string;
  /** The chart's drawing, when the figure has one. */
  svg: MarkupElement | null;
  legend: LegendEntry[];
  /** Short notes shown with the chart (e.g. events not placed on it). */
  notes: string[];
  /** The figure's cards when it is a grid of figures instead of a drawing. */
  cards: FigureCard[];
}

/** The stylesheet hrefs a page links, in order, and the text of its <style> elements. */
export function pageStyles(doc: MarkupElement): { hrefs: string[]; inline: string[] } {
  const hrefs = findAll(
    doc,
    (e) => e.tag.toLowerCase() === 'link' && (e.attrs.rel ?? '').split(/\s+/).includes('stylesheet') && !!e.attrs.href,
  ).map((e) => e.attrs.href);
  const inline = findAll(
    doc,
    (e) => e.tag.toLowerCase() === 'style' && !ancestors(e).some((a) => a.tag.toLowerCase() === 'svg'),
  ).map((e) => e.children.map((c) => (c.type === 'text' ? c.text : '')).join(''));
  return { hrefs, inline };
}

/** Whether an element and every ancestor are displayed. */
export function isDisplayed(el: MarkupElement, resolver: StyleResolver): boolean {
  return [el, ...ancestors(el)].every((e) => resolver.computed(e).props.get('display') !== 'none');
}

function svgWidth(svg: MarkupElement): number {
  const w = parseFloat(svg.attrs.width ?? '');
  if (Number.isFinite(w)) return w;
  const vb = (svg.attrs.viewBox ?? svg.attrs.viewbox ?? '').split(/[\s,]+/).map(Number);
  return vb.length === 4 && Number.isFinite(vb[2]) ? vb[2] : 0;
}

/** The chart of the page's figure (the one with id `figureId`, else the first figure). */
export function findChartSource(doc: MarkupElement, resolver: StyleResolver, figureId?: string): ChartSource {
  const figure =
    (figureId ? findFirst(doc, (e) => e.tag.toLowerCase() === 'figure' && e.attrs.id === figureId) : undefined) ??
    findFirst(doc, (e) => e.tag.toLowerCase() === 'figure');
  if (!figure) throw new Error('the page has no <figure>');
  const body = findFirst(figure, (e) => hasClass(e, 'chart-body')) ?? figure;
  const inLegend = (e: MarkupElement) => ancestors(e).some((a) => classList(a).some((c) => c.includes('legend')));
  const svg =
    findAll(
      body,
      (e) =>
        e.tag.toLowerCase() === 'svg' &&
        e.attrs['aria-hidden'] !== 'true' &&
        !ancestors(e).some((a) => a.tag.toLowerCase() === 'svg') &&
        svgWidth(e) >= 100 &&
        !inLegend(e),
    ).find((e) => isDisplayed(e, resolver)) ?? null;

  const legend: LegendEntry[] = [];
  for (const list of findAll(body, (e) => /^(ul|ol)$/i.test(e.tag) && classList(e).some((c) => c.includes('legend')))) {
    if (!isDisplayed(list, resolver)) continue;
    for (const li of list.children) {
      if (li.type !== 'element' || li.tag.toLowerCase() !== 'li' || !isDisplayed(li, resolver)) continue;
      const icon = findFirst(li, (e) => e.tag.toLowerCase() === 'svg') ?? null;
      const text = textContent(li, (e) => e.tag.toLowerCase() === 'svg' || hasClass(e, 'visually-hidden'));
      if (text) legend.push({ icon, text });
    }
  }

  const notes = findAll(body, (e) => e.tag.toLowerCase() === 'p' && hasClass(e, 'chart-note'))
    .filter((p) => isDisplayed(p, resolver))
    .map((p) => textContent(p))
    .filter(Boolean);

  const cards: FigureCard[] = [];
  if (!svg) {
    for (const li of findAll(
      body,
      (e) => e.tag.toLowerCase() === 'li' && classList(e).some((c) => c === 'key-figure' || c.endsWith('-card')),
    )) {
      const part = (cls: string) => {
        const e = findFirst(li, (x) => hasClass(x, cls));
        return e ? textContent(e) : '';
      };
      const value = part('kf-value');
      const label = part('kf-label');
      const lines = findAll(li, (e) => e.tag.toLowerCase() === 'p')
        .map((p) => textContent(p))
        .filter(Boolean);
      if (value || label) cards.push({ value, label, lines });
      else {
        const text = textContent(li);
        if (text) cards.push({ value: '', label: text, lines: [] });
      }
    }
  }
  const captionEl = findFirst(figure, (e) => hasClass(e, 'chart-caption'));
  const caption = captionEl ? textContent(captionEl) || undefined : undefined;
  return { figure, caption, svg, legend, notes, cards };
}
