// Building the images' SVG as SvgNode trees (src/lib/svg.ts), the same tree type the charts use,
// so a chart's model drops into its frame as it is: element('text', { x: 48, y: 71.6 }, ['Title']).
import { svgNodeToString, type SvgNode } from '../../lib/svg';

/** A number for SVG: at most two decimals, no "-0". */
export function fmt(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r === 0 ? 0 : r);
}

let nextKey = 0;

/** An element; numbers are written with fmt(), empty or undefined attributes left out, a string child is its text. */
export function element(
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  children: (SvgNode | string)[] = [],
): SvgNode {
  const node: SvgNode = { key: `k${nextKey++}`, tag, attrs: {} };
  for (const [k, v] of Object.entries(attrs))
    if (v !== undefined && v !== '') node.attrs[k] = typeof v === 'number' ? fmt(v) : v;
  const text = children.filter((c): c is string => typeof c === 'string').join('');
  const nodes = children.filter((c): c is SvgNode => typeof c !== 'string');
  if (text) node.text = text;
  if (nodes.length) node.children = nodes;
  return node;
}

/** A whole SVG file: the XML declaration and the root element. */
export function svgDocument(root: SvgNode): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${svgNodeToString(root)}\n`;
}
