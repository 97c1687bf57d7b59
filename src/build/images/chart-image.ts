// A chart as a standalone image for newsletters and print: title, one-line caption, legend, the
// chart's own SVG (painted: colours as attributes), and the source and credit lines, on the theme's
// background, 1200 units wide, all text in DejaVu Sans. Returns SVG markup (no <style>, no class).
// composeChartImage({ title, caption, source, credit, colours, chart, legend, notes, cards })
import type { SvgNode } from '../../lib/svg';
import type { ThemeTokens } from '../../lib/theme';
import { element, fmt, svgDocument } from './svg-element';
import { FONT_STACK, measureText } from './render';
import { firstSentence, fitLines, truncate, wrapText } from '../../lib/text/wrap';
import { cardRows } from '../../lib/charts/key-figures';

/** Width of every chart image in SVG units (the PNG is rendered at 2×: 2400 px). */
export const CHART_IMAGE_WIDTH = 1200;
const MARGIN = 48;
const INNER = CHART_IMAGE_WIDTH - 2 * MARGIN;

/** The theme colours a frame uses (src/lib/theme.ts). */
export type ThemeColours = Pick<ThemeTokens, 'bg' | 'fg' | 'muted' | 'rule' | 'panel' | 'accent'>;

/** A key figure as the image shows it: a card of the key-figures chart. */
export interface FigureCard {
  /** The big number ("45 days"). */
  value: string;
  /** What it counts. */
  label: string;
  /** Further lines (the event and date, the source). */
  lines: string[];
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What a chart gives its image: the drawing (painted), its legend, notes or cards. */
export interface ChartDrawing {
  /**
   * The chart's painted SVG: the root's presentation attributes and its children, and the box to
   * show (its viewBox, which the image step grows to what is drawn outside it, unless `measured`).
   */
  chart: { attrs: Record<string, string>; children: SvgNode[]; box: Box; measured?: boolean } | null;
  /** Legend entries; an icon is an <svg> element with width, height and viewBox. */
  legend: { icon: SvgNode | null; text: string }[];
  notes: string[];
  cards: FigureCard[];
  /** The caption as the page shows it, when it differs from the chart's. */
  caption?: string;
}

export interface ChartImageInput extends Omit<ChartDrawing, 'caption'> {
  title: string;
  caption?: string;
  /** The source line, in full, with its fixed words ("Source: …", ui.charts.source). */
  source: string;
  /** Publisher and where the chart lives, e.g. "Timeline Explainer · example.org/explainers/x/". */
  publisher: string;
  url: string;
  colours: ThemeColours;
  /** Accessible description of the image (defaults to the caption). */
  description?: string;
}

/** Text lines as <text> elements, one per line; returns the elements and the y after the last line. */
function textLines(
  lines: string[],
  x: number,
  top: number,
  size: number,
  lineHeight: number,
  attrs: Record<string, string | number>,
): { nodes: SvgNode[]; bottom: number } {
  const nodes = lines.map((line, i) =>
    element('text', { x, y: top + size * 0.93 + i * lineHeight, 'font-size': size, ...attrs }, [line]),
  );
  return { nodes, bottom: top + (lines.length - 1) * lineHeight + size * 1.2 };
}

/** A paragraph of 16-unit text across the image (a note, the source line), at most `maxLines` lines. */
function smallPrint(text: string, top: number, fill: string, maxLines?: number): { nodes: SvgNode[]; bottom: number } {
  return textLines(
    wrapText(text, INNER, (s) => measureText(s, 16), maxLines),
    MARGIN,
    top,
    16,
    21,
    { fill },
  );
}

/** A part of the image placed from `y` down: its elements and the y below it. */
type Section = { nodes: SvgNode[]; y: number };

/** Title (bold, up to two lines, smaller before it is cut) and the caption's first sentence. */
function heading(input: ChartImageInput, y: number): Section {
  const c = input.colours;
  const title = fitLines(input.title, INNER, 2, [34, 30, 27], (s, size) => measureText(s, size, 700), true);
  const t = textLines(title.lines, MARGIN, y, title.size, Math.round(title.size * 1.22), {
    'font-weight': 700,
    fill: c.fg,
  });
  const nodes = [...t.nodes];
  y = t.bottom + 6;
  if (input.caption) {
    // Up to three lines: a sentence cut with an ellipsis would misquote the caption.
    const cap1 = fitLines(firstSentence(input.caption), INNER, 3, [20, 18, 17], (s, size) => measureText(s, size));
    const cap = textLines(cap1.lines, MARGIN, y, cap1.size, 24, { fill: c.muted });
    nodes.push(...cap.nodes);
    y = cap.bottom;
  }
  return { nodes, y: y + 18 };
}

/** Legend: icon + text entries, flowing into rows. */
function legend(input: ChartImageInput, y: number): Section {
  if (input.legend.length === 0) return { nodes: [], y };
  const size = 17;
  const rowHeight = 28;
  const nodes: SvgNode[] = [];
  let x = MARGIN;
  let rowTop = y;
  for (const entry of input.legend) {
    const iconW = entry.icon ? iconWidth(entry.icon) * 1.4 : 0;
    const textW = measureText(entry.text, size);
    const text = truncate(entry.text, INNER - iconW - 8, (s) => measureText(s, size));
    const w = (iconW ? iconW + 8 : 0) + Math.min(textW, INNER - iconW - 8);
    if (x > MARGIN && x + w > MARGIN + INNER) {
      x = MARGIN;
      rowTop += rowHeight;
    }
    if (entry.icon) nodes.push(placeIcon(entry.icon, x, rowTop + rowHeight / 2 - 4, 1.4));
    const textX = x + (iconW ? iconW + 8 : 0);
    const textY = rowTop + rowHeight / 2 - 4 + size * 0.36;
    nodes.push(element('text', { x: textX, y: textY, 'font-size': size, fill: input.colours.fg }, [text]));
    x += w + 26;
  }
  return { nodes, y: rowTop + rowHeight + 10 };
}

/** The text of one key-figure card, laid out in `textW`: the number is never cut (smaller, then two lines). */
function cardText(card: FigureCard, textW: number, pad: number) {
  const valueAt = (s: string, size: number) => measureText(s, size, 700);
  const oneLine = fitLines(card.value, textW, 1, [32, 28, 25], valueAt);
  const value = !card.value
    ? { size: 32, lines: [] }
    : oneLine.lines.length === 1 && !oneLine.lines[0].endsWith('…')
      ? oneLine
      : fitLines(card.value, textW, 2, [28, 24], valueAt, true);
  const valueStep = Math.round(value.size * 1.15);
  const label = card.label ? wrapText(card.label, textW, (s) => measureText(s, 17), 4) : [];
  const lines = card.lines.flatMap((l) => wrapText(l, textW, (s) => measureText(s, 15), 3));
  const height =
    pad +
    value.lines.length * valueStep +
    (value.lines.length ? 10 : 0) +
    label.length * 22 +
    (lines.length ? 8 + lines.length * 20 : 0) +
    pad;
  return { value, valueStep, label, lines, height };
}

/** Key-figure cards, three to a row, the last rows sharing theirs (cardRows: no card alone under a full row). */
function cards(input: ChartImageInput, y: number): Section {
  const c = input.colours;
  const gap = 16;
  const pad = 16;
  const nodes: SvgNode[] = [];
  let row = 0;
  for (const count of cardRows(input.cards.length, 3)) {
    const w = (INNER - gap * (count - 1)) / count;
    const laid = input.cards.slice(row, row + count).map((card) => cardText(card, w - 2 * pad, pad));
    row += count;
    const h = Math.max(...laid.map((l) => l.height));
    laid.forEach((l, i) => {
      const x = MARGIN + i * (w + gap);
      nodes.push(element('rect', { x, y, width: w, height: h, fill: c.panel, stroke: c.rule, 'stroke-width': 1 }));
      nodes.push(element('rect', { x, y, width: w, height: 3, fill: c.fg }));
      let ty = y + pad;
      for (const line of l.value.lines) {
        const size = l.value.size;
        nodes.push(
          element('text', { x: x + pad, y: ty + size * 0.93, 'font-size': size, 'font-weight': 700, fill: c.fg }, [
            line,
          ]),
        );
        ty += l.valueStep;
      }
      if (l.value.lines.length) ty += 10;
      for (const line of l.label) {
        nodes.push(element('text', { x: x + pad, y: ty + 16, 'font-size': 17, fill: c.fg }, [line]));
        ty += 22;
      }
      if (l.lines.length) ty += 8;
      for (const line of l.lines) {
        nodes.push(element('text', { x: x + pad, y: ty + 14, 'font-size': 15, fill: c.muted }, [line]));
        ty += 20;
      }
    });
    y += h + gap;
  }
  return { nodes, y };
}

/** Notes, then the source and the credit line below a rule. */
function footer(input: ChartImageInput, y: number): Section {
  const c = input.colours;
  const nodes: SvgNode[] = [];
  for (const note of input.notes) {
    const n = smallPrint(note, y, c.muted, 3);
    nodes.push(...n.nodes);
    y = n.bottom + 6;
  }
  y += 8;
  nodes.push(element('rect', { x: MARGIN, y, width: INNER, height: 1, fill: c.rule }));
  y += 14;
  const source = smallPrint(input.source, y, c.muted);
  nodes.push(...source.nodes);
  y = source.bottom + 6;
  const publisherW = measureText(input.publisher, 16, 700);
  const url = truncate(input.url, INNER - publisherW - 30, (s) => measureText(s, 16));
  nodes.push(
    element('text', { x: MARGIN, y: y + 15, 'font-size': 16, 'font-weight': 700, fill: c.fg }, [input.publisher]),
    element('text', { x: MARGIN + INNER, y: y + 15, 'font-size': 16, 'text-anchor': 'end', fill: c.muted }, [url]),
  );
  return { nodes, y: y + 20 + 32 };
}

/** Lays out the image; returns SVG markup and its height. */
export function composeChartImage(input: ChartImageInput): { svg: string; width: number; height: number } {
  const body: SvgNode[] = [];
  const add = (section: Section) => {
    body.push(...section.nodes);
    return section.y;
  };
  let y = add(heading(input, 40));
  y = add(legend(input, y));
  // The chart, scaled to the inner width.
  if (input.chart) {
    const { attrs, children, box } = input.chart;
    const scale = INNER / box.width;
    const transform = `translate(${fmt(MARGIN - box.x * scale)},${fmt(y - box.y * scale)}) scale(${fmt4(scale)})`;
    body.push(element('g', { transform, ...presentation(attrs) }, children));
    y += box.height * scale + 16;
  }
  y = add(cards(input, y));
  y = add(footer(input, y));

  const height = Math.ceil(y);
  const description = input.description ?? input.caption ?? '';
  const root = element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width: CHART_IMAGE_WIDTH,
      height,
      viewBox: `0 0 ${CHART_IMAGE_WIDTH} ${height}`,
      role: 'img',
      'font-family': FONT_STACK,
    },
    [
      element('title', {}, [input.title]),
      ...(description ? [element('desc', {}, [description])] : []),
      element('rect', { width: CHART_IMAGE_WIDTH, height, fill: input.colours.bg }),
      ...body,
    ],
  );
  return { svg: svgDocument(root), width: CHART_IMAGE_WIDTH, height };
}

function fmt4(n: number): string {
  return String(Math.round(n * 10000) / 10000);
}

/** The presentation attributes of a chart's root <svg>, to carry over to the group that replaces it. */
function presentation(attrs: Record<string, string>): Record<string, string> {
  const keep: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) {
    if (
      [
        'xmlns',
        'viewBox',
        'viewbox',
        'width',
        'height',
        'x',
        'y',
        'preserveAspectRatio',
        'id',
        'version',
        'overflow',
      ].includes(k)
    )
      continue;
    keep[k] = v;
  }
  return keep;
}

function iconWidth(icon: SvgNode): number {
  return parseFloat(icon.attrs.width ?? '') || 14;
}

/** An inline icon <svg> placed with its vertical centre at `cy`, scaled by `scale`. */
function placeIcon(icon: SvgNode, x: number, cy: number, scale: number): SvgNode {
  const w = iconWidth(icon) * scale;
  const h = (parseFloat(icon.attrs.height ?? '') || 14) * scale;
  const attrs: Record<string, string> = {
    ...icon.attrs,
    x: fmt(x),
    y: fmt(cy - h / 2),
    width: fmt(w),
    height: fmt(h),
    overflow: 'visible',
  };
  delete attrs.xmlns;
  return element('svg', attrs, icon.children ?? []);
}
