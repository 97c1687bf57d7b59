// Built pages and images read as a tree for tests, with parse5 (the HTML standard's parser; SVG is read
// as the foreign content it is inside HTML): elements with their tag, attributes, children and parent.
import { parse } from 'parse5';

export interface MarkupElement {
  tag: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
  parent: MarkupElement | null;
}
export type MarkupNode = MarkupElement | string;

interface Parse5Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string; prefix?: string }[];
  childNodes?: Parse5Node[];
  content?: Parse5Node;
}

function convert(node: Parse5Node, parent: MarkupElement | null): MarkupElement {
  const attrs: Record<string, string> = {};
  for (const a of node.attrs ?? []) attrs[a.prefix ? `${a.prefix}:${a.name}` : a.name] = a.value;
  const el: MarkupElement = { tag: node.tagName ?? node.nodeName, attrs, children: [], parent };
  for (const child of node.content?.childNodes ?? node.childNodes ?? []) {
    if (child.nodeName === '#text') el.children.push(child.value ?? '');
    else if (child.tagName) el.children.push(convert(child, el));
  }
  return el;
}

/** The whole document (an HTML page, or an SVG file) as a tree; the root is the document. */
export function parseMarkup(source: string): MarkupElement {
  return convert(parse(source) as unknown as Parse5Node, null);
}

/** Every element under `root` (itself included) that passes `test`, in document order. */
export function findAll(root: MarkupElement, test: (e: MarkupElement) => boolean): MarkupElement[] {
  const out: MarkupElement[] = [];
  const walk = (e: MarkupElement) => {
    if (test(e)) out.push(e);
    for (const c of e.children) if (typeof c !== 'string') walk(c);
  };
  walk(root);
  return out;
}

export function findFirst(root: MarkupElement, test: (e: MarkupElement) => boolean): MarkupElement | undefined {
  return findAll(root, test)[0];
}

/** The text inside an element, all descendants' text joined. */
export function textContent(e: MarkupElement): string {
  return e.children.map((c) => (typeof c === 'string' ? c : textContent(c))).join('');
}
