// Writes an SvgNode tree as SVG markup: the build-time renderer (and the source of static images).
import type { SvgNode } from './svg-model';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text or an attribute value, escaped for XML and HTML. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

/** One node and its children as markup. */
export function svgNodeToString(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  const inner =
    (node.text !== undefined ? escapeXml(node.text) : '') + (node.children ?? []).map(svgNodeToString).join('');
  return `<${node.tag}${attrs}>${inner}</${node.tag}>`;
}

/** A whole <svg> element from its attributes and layers. */
export function svgToString(attrs: Record<string, string>, layers: SvgNode[], extra = ''): string {
  return svgNodeToString({
    key: 'svg',
    tag: 'svg',
    attrs: { xmlns: 'http://www.w3.org/2000/svg', ...attrs },
    children: [],
  }).replace('></svg>', `>${extra}${layers.map(svgNodeToString).join('')}</svg>`);
}
