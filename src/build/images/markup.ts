// A small, tolerant HTML/SVG parser and serialiser for the build's own output: enough to find a
// chart's <svg> in a built page, know its ancestors (for CSS matching) and write SVG back out.
// Not a general HTML5 parser: it expects what Astro writes (closed tags, quoted attributes).
// const doc = parseMarkup(html); const svg = findAll(doc, (e) => e.tag === 'svg')[0];

export interface MarkupElement {
  type: 'element';
  /** The tag as written (SVG keeps its case: clipPath, linearGradient). */
  tag: string;
  attrs: Record<string, string>;
  children: MarkupNode[];
  parent: MarkupElement | null;
}

export interface MarkupText {
  type: 'text';
  /** Decoded text. */
  text: string;
}

export type MarkupNode = MarkupElement | MarkupText;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);
const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  middot: '·',
  times: '×',
  minus: '−',
};

/** Decodes character references (&amp; &#39; &#x2014; and a few named ones). */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

/** Text or an attribute value, escaped for XML. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** Parses a document or fragment into a root element (tag '#root') holding the top-level nodes. */
export function parseMarkup(source: string): MarkupElement {
  const root: MarkupElement = { type: 'element', tag: '#root', attrs: {}, children: [], parent: null };
  let current = root;
  let i = 0;
  const n = source.length;
  const pushText = (raw: string, decode = true) => {
    if (raw) current.children.push({ type: 'text', text: decode ? decodeEntities(raw) : raw });
  };
  while (i < n) {
    const lt = source.indexOf('<', i);
    if (lt === -1) {
      pushText(source.slice(i));
      break;
    }
    pushText(source.slice(i, lt));
    i = lt;
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i + 9);
      pushText(source.slice(i + 9, end === -1 ? n : end), false);
      i = end === -1 ? n : end + 3;
      continue;
    }
    if (source[i + 1] === '!' || source[i + 1] === '?') {
      const end = source.indexOf('>', i);
      i = end === -1 ? n : end + 1;
      continue;
    }
    if (source[i + 1] === '/') {
      const end = source.indexOf('>', i);
      const name = source
        .slice(i + 2, end === -1 ? n : end)
        .trim()
        .toLowerCase();
      i = end === -1 ? n : end + 1;
      // Close the nearest open element of that name (and anything left open inside it).
      for (let e: MarkupElement | null = current; e && e !== root; e = e.parent) {
        if (e.tag.toLowerCase() === name) {
          current = e.parent ?? root;
          break;
        }
      }
      continue;
    }
    const tagMatch = /^<([A-Za-z][A-Za-z0-9:_.-]*)/.exec(source.slice(i, i + 64));
    if (!tagMatch) {
      pushText('<');
      i += 1;
      continue;
    }
    const tag = tagMatch[1];
    i += tagMatch[0].length;
    const attrs: Record<string, string> = {};
    let selfClosing = false;
    // Attributes until '>' or '/>'.
    while (i < n) {
      while (i < n && /\s/.test(source[i])) i++;
      if (source[i] === '>') {
        i++;
        break;
      }
      if (source[i] === '/' && source[i + 1] === '>') {
        selfClosing = true;
        i += 2;
        break;
      }
      const nameMatch = /^[^\s=>/"']+/.exec(source.slice(i, i + 256));
      if (!nameMatch) {
        i++;
        continue;
      }
      const name = nameMatch[0];
      i += name.length;
      while (i < n && /\s/.test(source[i])) i++;
      let value = '';
      if (source[i] === '=') {
        i++;
        while (i < n && /\s/.test(source[i])) i++;
        const q = source[i];
        if (q === '"' || q === "'") {
          const end = source.indexOf(q, i + 1);
          value = source.slice(i + 1, end === -1 ? n : end);
          i = end === -1 ? n : end + 1;
        } else {
          const m = /^[^\s>]+/.exec(source.slice(i, i + 4096));
          value = m ? m[0] : '';
          i += value.length;
        }
      }
      if (!(name in attrs)) attrs[name] = decodeEntities(value);
    }
    const el: MarkupElement = { type: 'element', tag, attrs, children: [], parent: current };
    current.children.push(el);
    const lower = tag.toLowerCase();
    if (selfClosing || VOID.has(lower)) continue;
    if (RAW_TEXT.has(lower)) {
      const close = source.toLowerCase().indexOf(`</${lower}`, i);
      const end = close === -1 ? n : close;
      const raw = source.slice(i, end);
      if (raw)
        el.children.push({ type: 'text', text: lower === 'textarea' || lower === 'title' ? decodeEntities(raw) : raw });
      const gt = source.indexOf('>', end);
      i = gt === -1 ? n : gt + 1;
      continue;
    }
    current = el;
  }
  return root;
}

/** Every element under `node` (depth first, document order) that `test` accepts. */
export function findAll(node: MarkupElement, test: (e: MarkupElement) => boolean): MarkupElement[] {
  const out: MarkupElement[] = [];
  const walk = (e: MarkupElement) => {
    for (const c of e.children) {
      if (c.type !== 'element') continue;
      if (test(c)) out.push(c);
      walk(c);
    }
  };
  walk(node);
  return out;
}

/** The first element under `node` that `test` accepts. */
export function findFirst(node: MarkupElement, test: (e: MarkupElement) => boolean): MarkupElement | undefined {
  for (const c of node.children) {
    if (c.type !== 'element') continue;
    if (test(c)) return c;
    const inner = findFirst(c, test);
    if (inner) return inner;
  }
  return undefined;
}

/** The class names of an element. */
export function classList(e: MarkupElement): string[] {
  return (e.attrs.class ?? '').split(/\s+/).filter(Boolean);
}

/** Whether an element has a class. */
export function hasClass(e: MarkupElement, name: string): boolean {
  return classList(e).includes(name);
}

/** The element's ancestors, nearest first (without the '#root'). */
export function ancestors(e: MarkupElement): MarkupElement[] {
  const out: MarkupElement[] = [];
  for (let p = e.parent; p && p.tag !== '#root'; p = p.parent) out.push(p);
  return out;
}

/** The text of an element and its descendants, whitespace collapsed (skip: elements not to read). */
export function textContent(e: MarkupElement, skip: (e: MarkupElement) => boolean = () => false): string {
  let s = '';
  const walk = (n: MarkupElement) => {
    for (const c of n.children) {
      if (c.type === 'text') s += c.text;
      else if (!skip(c)) walk(c);
    }
  };
  walk(e);
  return s.replace(/\s+/g, ' ').trim();
}

/** An element and its children as XML (attribute values and text escaped). */
export function serializeXml(node: MarkupNode): string {
  if (node.type === 'text') return escapeXml(node.text);
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
  if (node.children.length === 0) return `<${node.tag}${attrs}/>`;
  return `<${node.tag}${attrs}>${node.children.map(serializeXml).join('')}</${node.tag}>`;
}

/** Builds an element (for composing images). */
export function element(
  tag: string,
  attrs: Record<string, string | number | undefined> = {},
  children: (MarkupNode | string)[] = [],
): MarkupElement {
  const el: MarkupElement = { type: 'element', tag, attrs: {}, children: [], parent: null };
  for (const [k, v] of Object.entries(attrs))
    if (v !== undefined && v !== '') el.attrs[k] = typeof v === 'number' ? fmt(v) : v;
  for (const c of children) {
    const child: MarkupNode = typeof c === 'string' ? { type: 'text', text: c } : c;
    if (child.type === 'element') child.parent = el;
    el.children.push(child);
  }
  return el;
}

/** A number for SVG: at most two decimals, no "-0". */
export function fmt(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r === 0 ? 0 : r);
}
