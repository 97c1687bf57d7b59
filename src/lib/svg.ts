// An SVG as a tree of keyed element descriptions (SvgNode), shared by every chart, and the build-time
// renderer that writes such a tree out as markup. Charts build the tree from their layouts; the page
// writes it as markup, the browser joins it by key, the image step paints and renders it.

/** One SVG element: its tag, attributes, text, and children, with a key unique among its siblings. */
export interface SvgNode {
  key: string;
  tag: string;
  attrs: Record<string, string>;
  text?: string;
  children?: SvgNode[];
}

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
