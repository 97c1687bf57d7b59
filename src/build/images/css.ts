// A small CSS engine for build-time images: parses the site's (minified) stylesheets, keeps the
// rules that apply in one theme, matches them against a parsed page (type, class, id, attribute,
// descendant/child/sibling combinators, :root, :not, :is, :where, :nth-child …; anything dynamic
// such as :hover never matches) and computes the SVG-relevant properties of an element, with
// custom properties and var() resolved. Rules it cannot read are ignored, never guessed.
// const resolver = new StyleResolver(parseStylesheet(css), { theme: 'dark', width: 1200 });
// resolver.computed(element).props.get('fill')
import type { MarkupElement } from './markup';

export interface Declaration {
  name: string;
  value: string;
  important: boolean;
}

export interface Condition {
  kind: 'media' | 'container' | 'supports';
  text: string;
}

export interface StyleRule {
  selectors: ComplexSelector[];
  declarations: Declaration[];
  /** The @media/@container/@supports blocks the rule sits in, outermost first. */
  conditions: Condition[];
}

type Simple =
  | { k: 'type'; name: string }
  | { k: 'universal' }
  | { k: 'class'; name: string }
  | { k: 'id'; name: string }
  | { k: 'attr'; name: string; op: string; value: string; ci: boolean }
  | { k: 'pseudo'; name: string; list?: ComplexSelector[]; nth?: { a: number; b: number; of?: ComplexSelector[] } }
  | { k: 'never' };

export interface ComplexSelector {
  /** Compound selectors, left to right. */
  compounds: Simple[][];
  /** Combinators between compounds (' ', '>', '+', '~'). */
  combinators: string[];
  specificity: [number, number, number];
}

/** The media and container conditions a theme is rendered in. */
export interface StyleEnv {
  theme: 'light' | 'dark';
  /** Viewport and container width in CSS px (the images use the wide variants). */
  width: number;
}

// ---------------------------------------------------------------------------------------------
// Parsing

/** Parses a stylesheet into style rules (at-rules other than @media/@container/@supports/@layer are skipped). */
export function parseStylesheet(css: string): StyleRule[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const rules: StyleRule[] = [];
  parseBlock(text, 0, [], rules);
  return rules;
}

/** Parses rules from `pos` until an unmatched '}' or the end; returns the index after it. */
function parseBlock(text: string, pos: number, conditions: Condition[], out: StyleRule[]): number {
  let i = pos;
  const n = text.length;
  while (i < n) {
    while (i < n && /[\s;]/.test(text[i])) i++;
    if (i >= n) break;
    if (text[i] === '}') return i + 1;
    const { end, stop } = scanUntil(text, i, '{;}');
    const prelude = text.slice(i, end).trim();
    if (stop === ';' || stop === '' || stop === '}') {
      // A statement at-rule (@import, @layer a, b;) or garbage: skip it.
      i = stop === '}' ? end : end + 1;
      continue;
    }
    // stop === '{'
    const bodyStart = end + 1;
    if (prelude.startsWith('@')) {
      const m = /^@([\w-]+)\s*([\s\S]*)$/.exec(prelude);
      const name = (m?.[1] ?? '').toLowerCase();
      const cond = (m?.[2] ?? '').trim();
      if (name === 'media' || name === 'container' || name === 'supports') {
        i = parseBlock(text, bodyStart, [...conditions, { kind: name, text: cond }], out);
      } else if (name === 'layer' || name === 'scope' || name === 'document') {
        i = parseBlock(text, bodyStart, conditions, out);
      } else {
        i = skipBlock(text, bodyStart);
      }
      continue;
    }
    const close = skipBlock(text, bodyStart);
    const body = text.slice(bodyStart, close - 1);
    // Nested rules (CSS nesting) are not expected in built CSS: drop the rule rather than misread it.
    if (!body.includes('{')) {
      const selectors = parseSelectorList(prelude);
      if (selectors.length > 0) out.push({ selectors, declarations: parseDeclarations(body), conditions });
    }
    i = close;
  }
  return i;
}

/** Index of the first of `stops` at nesting depth 0 (outside strings, () and []), and which it was. */
function scanUntil(text: string, from: number, stops: string): { end: number; stop: string } {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i = skipString(text, i);
      continue;
    }
    if (c === '\\') {
      i++;
      continue;
    }
    if (depth === 0 && stops.includes(c)) return { end: i, stop: c };
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
  }
  return { end: text.length, stop: '' };
}

function skipString(text: string, i: number): number {
  const q = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === '\\') j++;
    else if (text[j] === q) return j;
  }
  return text.length;
}

/** From just inside a '{', the index after its matching '}'. */
function skipBlock(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = skipString(text, i);
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** Splits at top-level occurrences of `sep` (outside strings, () and []). */
function splitTop(text: string, sep: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") i = skipString(text, i);
    else if (c === '\\') i++;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === sep) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** Parses `a: b; c: d !important` (also a style attribute). */
export function parseDeclarations(body: string): Declaration[] {
  const out: Declaration[] = [];
  for (const part of splitTop(body, ';')) {
    const colon = part.indexOf(':');
    if (colon === -1) continue;
    const rawName = part.slice(0, colon).trim();
    let value = part.slice(colon + 1).trim();
    if (!rawName || !value) continue;
    let important = false;
    const imp = /!\s*important\s*$/i.exec(value);
    if (imp) {
      important = true;
      value = value.slice(0, imp.index).trim();
    }
    // Custom property names are case-sensitive; others are not.
    const name = rawName.startsWith('--') ? rawName : rawName.toLowerCase();
    out.push({ name, value, important });
  }
  return out;
}

/** Parses a selector list; selectors it cannot read are left out. */
export function parseSelectorList(text: string): ComplexSelector[] {
  const out: ComplexSelector[] = [];
  for (const part of splitTop(text, ',')) {
    const sel = parseComplex(part.trim());
    if (sel) out.push(sel);
  }
  return out;
}

const PSEUDO_ELEMENTS = new Set([
  'before',
  'after',
  'first-line',
  'first-letter',
  'marker',
  'selection',
  'placeholder',
  'backdrop',
  'file-selector-button',
]);

function parseComplex(text: string): ComplexSelector | null {
  if (!text) return null;
  const compounds: Simple[][] = [];
  const combinators: string[] = [];
  let i = 0;
  const n = text.length;
  let current: Simple[] = [];
  let pendingCombinator: string | null = null;
  const readIdent = (): string => {
    let s = '';
    while (i < n) {
      const c = text[i];
      if (c === '\\' && i + 1 < n) {
        // A hex escape (\31 ) or a literal escaped character.
        const hex = /^[0-9a-fA-F]{1,6}\s?/.exec(text.slice(i + 1, i + 8));
        if (hex) {
          s += String.fromCodePoint(parseInt(hex[0].trim(), 16));
          i += 1 + hex[0].length;
        } else {
          s += text[i + 1];
          i += 2;
        }
        continue;
      }
      if (/[\w-]/.test(c) || c.charCodeAt(0) > 127) {
        s += c;
        i++;
      } else break;
    }
    return s;
  };
  const flush = () => {
    if (current.length === 0) return false;
    if (pendingCombinator !== null) combinators.push(pendingCombinator);
    else if (compounds.length > 0) combinators.push(' ');
    compounds.push(current);
    current = [];
    pendingCombinator = null;
    return true;
  };
  while (i < n) {
    const c = text[i];
    if (/\s/.test(c) || c === '>' || c === '+' || c === '~') {
      // A combinator (whitespace alone means descendant).
      if (current.length > 0) flush();
      let comb = ' ';
      while (i < n && /[\s>+~]/.test(text[i])) {
        if (text[i] !== ' ' && !/\s/.test(text[i])) comb = text[i];
        i++;
      }
      if (compounds.length === 0) return null; // a leading combinator (relative selector): unsupported here
      pendingCombinator = comb;
      continue;
    }
    if (c === '*') {
      current.push({ k: 'universal' });
      i++;
    } else if (c === '.') {
      i++;
      const name = readIdent();
      if (!name) return null;
      current.push({ k: 'class', name });
    } else if (c === '#') {
      i++;
      const name = readIdent();
      if (!name) return null;
      current.push({ k: 'id', name });
    } else if (c === '[') {
      const close = scanUntil(text, i + 1, ']').end;
      const inner = text.slice(i + 1, close).trim();
      i = close + 1;
      const m = /^([\w:-]+)\s*(?:([~|^$*]?=)\s*("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s\]]+)\s*([is])?)?$/i.exec(
        inner,
      );
      if (!m) return null;
      let value = m[3] ?? '';
      if (value.startsWith('"') || value.startsWith("'")) value = value.slice(1, -1).replace(/\\(.)/g, '$1');
      current.push({
        k: 'attr',
        name: m[1].toLowerCase(),
        op: m[2] ?? '',
        value,
        ci: (m[4] ?? '').toLowerCase() === 'i',
      });
    } else if (c === ':') {
      const isElement = text[i + 1] === ':';
      i += isElement ? 2 : 1;
      const name = readIdent().toLowerCase();
      let arg: string | undefined;
      if (text[i] === '(') {
        const close = scanUntil(text, i + 1, ')').end;
        arg = text.slice(i + 1, close).trim();
        i = close + 1;
      }
      if (isElement || PSEUDO_ELEMENTS.has(name) || name.startsWith('-webkit-') || name.startsWith('-moz-')) {
        current.push({ k: 'never' });
      } else if (['not', 'is', 'where', 'matches', 'any'].includes(name)) {
        const list = parseSelectorList(arg ?? '');
        // An unreadable :not() argument: the whole rule is dropped rather than matched wrongly.
        if (list.length === 0 && name === 'not') return null;
        current.push({ k: 'pseudo', name: name === 'matches' || name === 'any' ? 'is' : name, list });
      } else if (['nth-child', 'nth-last-child', 'nth-of-type', 'nth-last-of-type'].includes(name)) {
        const nth = parseNth(arg ?? '');
        if (!nth) return null;
        current.push({ k: 'pseudo', name, nth });
      } else {
        current.push({ k: 'pseudo', name });
      }
    } else if (/[\w-]/.test(c) || c === '\\' || c.charCodeAt(0) > 127) {
      const name = readIdent();
      current.push({ k: 'type', name: name.toLowerCase() });
    } else {
      return null;
    }
  }
  if (!flush()) return null;
  if (pendingCombinator !== null) return null;
  return { compounds, combinators, specificity: specificityOf(compounds) };
}

function parseNth(arg: string): { a: number; b: number; of?: ComplexSelector[] } | null {
  const [formula, ofPart] = arg.split(/\s+of\s+/i);
  const f = formula.replace(/\s+/g, '').toLowerCase();
  let a = 0;
  let b = 0;
  if (f === 'even') ((a = 2), (b = 0));
  else if (f === 'odd') ((a = 2), (b = 1));
  else {
    const m = /^([+-]?\d*)n([+-]\d+)?$/.exec(f);
    if (m) {
      a = m[1] === '' || m[1] === '+' ? 1 : m[1] === '-' ? -1 : parseInt(m[1], 10);
      b = m[2] ? parseInt(m[2], 10) : 0;
    } else if (/^[+-]?\d+$/.test(f)) b = parseInt(f, 10);
    else return null;
  }
  return { a, b, of: ofPart ? parseSelectorList(ofPart) : undefined };
}

function specificityOf(compounds: Simple[][]): [number, number, number] {
  const s: [number, number, number] = [0, 0, 0];
  for (const compound of compounds) {
    for (const simple of compound) {
      const add = simpleSpecificity(simple);
      s[0] += add[0];
      s[1] += add[1];
      s[2] += add[2];
    }
  }
  return s;
}

function simpleSpecificity(simple: Simple): [number, number, number] {
  switch (simple.k) {
    case 'id':
      return [1, 0, 0];
    case 'class':
    case 'attr':
      return [0, 1, 0];
    case 'type':
    case 'never':
      return [0, 0, 1];
    case 'universal':
      return [0, 0, 0];
    case 'pseudo': {
      if (simple.name === 'where') return [0, 0, 0];
      if (simple.list) return maxSpecificity(simple.list);
      if (simple.nth?.of) {
        const m = maxSpecificity(simple.nth.of);
        return [m[0], m[1] + 1, m[2]];
      }
      return [0, 1, 0];
    }
  }
}

function maxSpecificity(list: ComplexSelector[]): [number, number, number] {
  let best: [number, number, number] = [0, 0, 0];
  for (const sel of list) if (compareSpecificity(sel.specificity, best) > 0) best = sel.specificity;
  return best;
}

function compareSpecificity(a: readonly number[], b: readonly number[]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

// ---------------------------------------------------------------------------------------------
// Conditions

/** Whether a rule's @media/@container/@supports conditions hold in `env`. */
export function conditionsHold(conditions: readonly Condition[], env: StyleEnv): boolean {
  return conditions.every((c) =>
    c.kind === 'supports' ? true : c.kind === 'media' ? mediaMatches(c.text, env) : containerMatches(c.text, env),
  );
}

/** Evaluates a media query list for a screen of `env.width` px in `env.theme`. Unknown features are false. */
export function mediaMatches(query: string, env: StyleEnv): boolean {
  return splitTop(query, ',').some((q) => {
    let text = q.trim().toLowerCase();
    let negate = false;
    if (text.startsWith('not ')) {
      negate = true;
      text = text.slice(4).trim();
    }
    if (text.startsWith('only ')) text = text.slice(5).trim();
    const parts = text.split(/\s+and\s+/);
    let ok = true;
    for (const part of parts) {
      const p = part.trim();
      if (p === 'all' || p === 'screen') continue;
      if (p === 'print' || p === 'speech' || !p.startsWith('(')) {
        ok = false;
        continue;
      }
      if (!featureMatches(p, env)) ok = false;
    }
    return negate ? !ok : ok;
  });
}

function containerMatches(text: string, env: StyleEnv): boolean {
  // "name (cond)" or "(cond) and (cond)": drop the container name.
  const t = text.trim().replace(/^[\w-]+\s+(?=\()/, '');
  const negate = /^not\s+/i.test(t);
  const body = t.replace(/^not\s+/i, '');
  const parts = body.split(/\s+and\s+/i);
  const ok = parts.every((p) => featureMatches(p.trim().toLowerCase(), env));
  return negate ? !ok : ok;
}

const REM = 16;

function lengthPx(v: string): number | null {
  const m = /^(-?[\d.]+)(px|em|rem)?$/.exec(v.trim());
  if (!m) return null;
  const n = parseFloat(m[1]);
  return m[2] === 'em' || m[2] === 'rem' ? n * REM : n;
}

function featureMatches(feature: string, env: StyleEnv): boolean {
  const inner = feature.replace(/^\(/, '').replace(/\)$/, '').trim();
  // Range syntax: (width<=719px), (400px<=width<=800px), (width>600px)
  const range = /^(?:([\d.]+\w*)\s*(<=|<|>=|>)\s*)?(width|height|inline-size)\s*(?:(<=|<|>=|>|=)\s*([\d.]+\w*))?$/.exec(
    inner,
  );
  if (range && (range[2] || range[4])) {
    const value = env.width;
    const cmp = (a: number, op: string, b: number) =>
      op === '<=' ? a <= b : op === '<' ? a < b : op === '>=' ? a >= b : op === '>' ? a > b : a === b;
    if (range[1] && range[2]) {
      const l = lengthPx(range[1]);
      if (l === null || !cmp(l, range[2], value)) return false;
    }
    if (range[4] && range[5]) {
      const r = lengthPx(range[5]);
      if (r === null || !cmp(value, range[4], r)) return false;
    }
    return true;
  }
  const [name, rawValue] = inner.split(':').map((s) => s.trim());
  const value = rawValue ?? '';
  switch (name) {
    case 'prefers-color-scheme':
      return value === env.theme;
    case 'prefers-reduced-motion':
    case 'prefers-reduced-transparency':
    case 'prefers-contrast':
      return value === 'no-preference';
    case 'forced-colors':
      return value === 'none';
    case 'hover':
      return value === 'hover' || value === '';
    case 'any-hover':
      return value === 'hover' || value === '';
    case 'pointer':
    case 'any-pointer':
      return value === 'fine' || value === '';
    case 'orientation':
      return value === 'landscape';
    case 'color':
      return true;
    case 'min-width':
    case 'min-inline-size': {
      const v = lengthPx(value);
      return v !== null && env.width >= v;
    }
    case 'max-width':
    case 'max-inline-size': {
      const v = lengthPx(value);
      return v !== null && env.width <= v;
    }
    default:
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Matching

/** Whether `el` matches a selector. */
export function matches(el: MarkupElement, sel: ComplexSelector): boolean {
  return matchFrom(el, sel, sel.compounds.length - 1);
}

function parentElement(el: MarkupElement): MarkupElement | null {
  return el.parent && el.parent.tag !== '#root' ? el.parent : null;
}

function matchFrom(el: MarkupElement, sel: ComplexSelector, index: number): boolean {
  if (!matchCompound(el, sel.compounds[index])) return false;
  if (index === 0) return true;
  const comb = sel.combinators[index - 1];
  if (comb === '>') {
    const p = parentElement(el);
    return p !== null && matchFrom(p, sel, index - 1);
  }
  if (comb === ' ') {
    for (let p = parentElement(el); p; p = parentElement(p)) if (matchFrom(p, sel, index - 1)) return true;
    return false;
  }
  const siblings = elementSiblings(el);
  const at = siblings.indexOf(el);
  if (comb === '+') return at > 0 && matchFrom(siblings[at - 1], sel, index - 1);
  for (let j = at - 1; j >= 0; j--) if (matchFrom(siblings[j], sel, index - 1)) return true;
  return false;
}

function elementSiblings(el: MarkupElement): MarkupElement[] {
  return (el.parent?.children ?? []).filter((c): c is MarkupElement => c.type === 'element');
}

function matchCompound(el: MarkupElement, compound: Simple[]): boolean {
  for (const s of compound) if (!matchSimple(el, s)) return false;
  return true;
}

function matchSimple(el: MarkupElement, s: Simple): boolean {
  switch (s.k) {
    case 'universal':
      return true;
    case 'never':
      return false;
    case 'type':
      return el.tag.toLowerCase() === s.name;
    case 'class':
      return (el.attrs.class ?? '').split(/\s+/).includes(s.name);
    case 'id':
      return el.attrs.id === s.name;
    case 'attr': {
      const key = Object.keys(el.attrs).find((k) => k.toLowerCase() === s.name);
      if (key === undefined) return false;
      if (!s.op) return true;
      let actual = el.attrs[key];
      let want = s.value;
      if (s.ci) ((actual = actual.toLowerCase()), (want = want.toLowerCase()));
      switch (s.op) {
        case '=':
          return actual === want;
        case '~=':
          return actual.split(/\s+/).includes(want);
        case '|=':
          return actual === want || actual.startsWith(`${want}-`);
        case '^=':
          return want !== '' && actual.startsWith(want);
        case '$=':
          return want !== '' && actual.endsWith(want);
        case '*=':
          return want !== '' && actual.includes(want);
        default:
          return false;
      }
    }
    case 'pseudo':
      return matchPseudo(el, s);
  }
}

function matchPseudo(el: MarkupElement, s: Extract<Simple, { k: 'pseudo' }>): boolean {
  switch (s.name) {
    case 'root':
      return parentElement(el) === null && el.tag.toLowerCase() === 'html';
    case 'not':
      return !(s.list ?? []).some((sel) => matches(el, sel));
    case 'is':
    case 'where':
      return (s.list ?? []).some((sel) => matches(el, sel));
    case 'first-child':
      return elementSiblings(el)[0] === el;
    case 'last-child': {
      const sib = elementSiblings(el);
      return sib[sib.length - 1] === el;
    }
    case 'only-child':
      return elementSiblings(el).length === 1;
    case 'first-of-type':
      return elementSiblings(el).find((e) => e.tag === el.tag) === el;
    case 'last-of-type': {
      const same = elementSiblings(el).filter((e) => e.tag === el.tag);
      return same[same.length - 1] === el;
    }
    case 'empty':
      return el.children.every((c) => c.type === 'text' && c.text === '');
    case 'nth-child':
    case 'nth-last-child':
    case 'nth-of-type':
    case 'nth-last-of-type': {
      const nth = s.nth!;
      let sib = elementSiblings(el);
      if (s.name.endsWith('of-type')) sib = sib.filter((e) => e.tag === el.tag);
      if (nth.of) sib = sib.filter((e) => nth.of!.some((sel) => matches(e, sel)));
      let pos = sib.indexOf(el);
      if (pos === -1) return false;
      if (s.name.startsWith('nth-last')) pos = sib.length - 1 - pos;
      const k = pos + 1;
      if (nth.a === 0) return k === nth.b;
      const m = (k - nth.b) / nth.a;
      return Number.isInteger(m) && m >= 0;
    }
    default:
      // :hover, :focus-visible, :visited, :has() … — a static image shows the resting state.
      return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Computed style

interface PropertyDef {
  inherited: boolean;
  initial: string;
}

/** The properties the images need, with whether they inherit and their initial values. */
export const PROPERTIES: Readonly<Record<string, PropertyDef>> = {
  color: { inherited: true, initial: '#000000' },
  display: { inherited: false, initial: 'inline' },
  visibility: { inherited: true, initial: 'visible' },
  opacity: { inherited: false, initial: '1' },
  fill: { inherited: true, initial: '#000000' },
  'fill-opacity': { inherited: true, initial: '1' },
  'fill-rule': { inherited: true, initial: 'nonzero' },
  stroke: { inherited: true, initial: 'none' },
  'stroke-width': { inherited: true, initial: '1' },
  'stroke-opacity': { inherited: true, initial: '1' },
  'stroke-dasharray': { inherited: true, initial: 'none' },
  'stroke-dashoffset': { inherited: true, initial: '0' },
  'stroke-linejoin': { inherited: true, initial: 'miter' },
  'stroke-linecap': { inherited: true, initial: 'butt' },
  'stroke-miterlimit': { inherited: true, initial: '4' },
  'paint-order': { inherited: true, initial: 'normal' },
  'font-size': { inherited: true, initial: '16' },
  'font-weight': { inherited: true, initial: '400' },
  'font-style': { inherited: true, initial: 'normal' },
  'text-anchor': { inherited: true, initial: 'start' },
  'dominant-baseline': { inherited: true, initial: 'auto' },
  'letter-spacing': { inherited: true, initial: 'normal' },
};

export interface ComputedStyle {
  /** Computed values of PROPERTIES (var() resolved; currentColor kept as 'currentcolor'). */
  props: Map<string, string>;
  /** Custom properties, resolved. */
  custom: Map<string, string>;
}

interface Entry {
  rule: StyleRule;
  sel: ComplexSelector;
  order: number;
}

/** A rule set for one theme, with the computed style of any element of a parsed page. */
export class StyleResolver {
  private byId = new Map<string, Entry[]>();
  private byClass = new Map<string, Entry[]>();
  private byTag = new Map<string, Entry[]>();
  private rest: Entry[] = [];
  private cache = new WeakMap<MarkupElement, ComputedStyle>();

  constructor(
    rules: readonly StyleRule[],
    readonly env: StyleEnv,
  ) {
    let order = 0;
    for (const rule of [...UA_RULES, ...rules]) {
      if (!conditionsHold(rule.conditions, env)) continue;
      for (const sel of rule.selectors) {
        const entry = { rule, sel, order: order++ };
        const last = sel.compounds[sel.compounds.length - 1];
        const id = last.find((s) => s.k === 'id');
        const cls = last.find((s) => s.k === 'class');
        const tag = last.find((s) => s.k === 'type');
        if (id && id.k === 'id') push(this.byId, id.name, entry);
        else if (cls && cls.k === 'class') push(this.byClass, cls.name, entry);
        else if (tag && tag.k === 'type') push(this.byTag, tag.name, entry);
        else this.rest.push(entry);
      }
    }
  }

  /** The rules matching an element, lowest precedence first (not counting !important). */
  private matching(el: MarkupElement): Entry[] {
    const candidates: Entry[] = [...this.rest];
    if (el.attrs.id) candidates.push(...(this.byId.get(el.attrs.id) ?? []));
    for (const c of (el.attrs.class ?? '').split(/\s+/)) if (c) candidates.push(...(this.byClass.get(c) ?? []));
    candidates.push(...(this.byTag.get(el.tag.toLowerCase()) ?? []));
    return candidates
      .filter((e) => matches(el, e.sel))
      .sort((a, b) => compareSpecificity(a.sel.specificity, b.sel.specificity) || a.order - b.order);
  }

  /** The computed style of an element (its ancestors' are computed and cached on the way). */
  computed(el: MarkupElement): ComputedStyle {
    const hit = this.cache.get(el);
    if (hit) return hit;
    const parentEl = parentElement(el);
    const parent = parentEl ? this.computed(parentEl) : ROOT_PARENT;

    // Cascade: presentation attributes (SVG), then rules by specificity and order, then the style
    // attribute; !important declarations after all normal ones.
    const normal: Declaration[] = [];
    const important: Declaration[] = [];
    if (isSvgElement(el)) {
      for (const [k, v] of Object.entries(el.attrs))
        if (k in PROPERTIES && k !== 'display') normal.push({ name: k, value: v, important: false });
    }
    for (const e of this.matching(el)) for (const d of e.rule.declarations) (d.important ? important : normal).push(d);
    const inline = el.attrs.style ? parseDeclarations(el.attrs.style) : [];
    for (const d of inline) if (!d.important) normal.push(d);
    const inlineImportant = inline.filter((d) => d.important);
    const cascaded = new Map<string, string>();
    for (const d of [...normal, ...important, ...inlineImportant])
      for (const [k, v] of expandShorthand(d)) cascaded.set(k, v);

    // Custom properties inherit; a declared one is resolved where it is declared.
    const custom = new Map(parent.custom);
    const declaredCustom = [...cascaded].filter(([k]) => k.startsWith('--'));
    for (const [k, v] of declaredCustom) custom.set(k, v);
    for (const [k, v] of declaredCustom) {
      const r =
        v === 'initial' ? undefined : v === 'inherit' ? parent.custom.get(k) : resolveVars(v, custom, new Set([k]));
      if (r === undefined) custom.delete(k);
      else custom.set(k, r);
    }

    const props = new Map<string, string>();
    for (const [name, def] of Object.entries(PROPERTIES)) {
      const inherited = parent.props.get(name) ?? def.initial;
      let value = cascaded.get(name);
      if (value !== undefined) value = resolveVars(value, custom, new Set());
      if (value === undefined || value === 'unset' || value === 'revert' || value === 'revert-layer')
        value = def.inherited ? inherited : def.initial;
      else if (value === 'inherit') value = inherited;
      else if (value === 'initial') value = def.initial;
      props.set(name, computeValue(name, value, parent.props.get('font-size') ?? '16', inherited));
    }
    const style = { props, custom };
    this.cache.set(el, style);
    return style;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const ROOT_PARENT: ComputedStyle = {
  props: new Map(Object.entries(PROPERTIES).map(([k, d]) => [k, d.initial])),
  custom: new Map(),
};

/** What a browser's own stylesheet hides. */
const UA_RULES: StyleRule[] = parseStylesheet('[hidden],head,script,style,template,noscript{display:none}');

function isSvgElement(el: MarkupElement): boolean {
  for (let e: MarkupElement | null = el; e && e.tag !== '#root'; e = e.parent) {
    const t = e.tag.toLowerCase();
    if (t === 'svg') return true;
    if (t === 'foreignobject' || t === 'body' || t === 'html') return false;
  }
  return false;
}

/** The longhands a declaration sets (only `font` is a shorthand the images care about). */
function expandShorthand(d: Declaration): [string, string][] {
  if (d.name !== 'font') return [[d.name, d.value]];
  const v = d.value.trim();
  if (/^(inherit|initial|unset)$/.test(v))
    return [
      ['font-size', v],
      ['font-weight', v],
      ['font-style', v],
    ];
  if (/^var\(/.test(v)) return [];
  const out: [string, string][] = [
    ['font-weight', '400'],
    ['font-style', 'normal'],
  ];
  const tokens = v.split(/\s+/);
  for (const t of tokens) {
    if (/^(bold|bolder|lighter|[1-9]00)$/.test(t)) out[0] = ['font-weight', t];
    else if (/^(italic|oblique)$/.test(t)) out[1] = ['font-style', t];
    else if (
      /^[\d.]+(px|em|rem|%|pt)?(\/.*)?$/.test(t) ||
      /^(small|medium|large|x-large|xx-large|x-small|xx-small|smaller|larger)(\/.*)?$/.test(t)
    ) {
      out.push(['font-size', t.split('/')[0]]);
      break;
    }
  }
  return out;
}

/** Substitutes var(--x[, fallback]); undefined when a variable is missing without a fallback (invalid at computed time). */
export function resolveVars(value: string, custom: ReadonlyMap<string, string>, seen: Set<string>): string | undefined {
  if (!value.includes('var(')) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const at = value.indexOf('var(', i);
    if (at === -1) {
      out += value.slice(i);
      break;
    }
    out += value.slice(i, at);
    const close = scanUntil(value, at + 4, ')').end;
    const inner = value.slice(at + 4, close);
    const comma = splitTop(inner, ',');
    const name = comma[0].trim();
    const fallback = comma.length > 1 ? comma.slice(1).join(',').trim() : undefined;
    let replacement: string | undefined;
    if (!seen.has(name) && custom.has(name)) {
      const next = new Set(seen).add(name);
      replacement = resolveVars(custom.get(name)!, custom, next);
    }
    if (replacement === undefined && fallback !== undefined) replacement = resolveVars(fallback, custom, seen);
    if (replacement === undefined) return undefined;
    out += replacement;
    i = close + 1;
  }
  return out.trim();
}

const FONT_KEYWORDS: Record<string, number> = {
  'xx-small': 9,
  'x-small': 10,
  small: 13,
  medium: 16,
  large: 18,
  'x-large': 24,
  'xx-large': 32,
};

/** A computed value: font sizes in px, weights as numbers, lengths without 'px', keywords lowercased. */
function computeValue(name: string, value: string, parentFontSize: string, inherited: string): string {
  const v = value.trim();
  switch (name) {
    case 'font-size': {
      const parentPx = parseFloat(parentFontSize) || 16;
      const m = /^(-?[\d.]+)(px|em|rem|%|pt)?$/.exec(v);
      if (m) {
        const n = parseFloat(m[1]);
        const px =
          m[2] === 'em'
            ? n * parentPx
            : m[2] === 'rem'
              ? n * REM
              : m[2] === '%'
                ? (n / 100) * parentPx
                : m[2] === 'pt'
                  ? (n * 4) / 3
                  : n;
        return trimNumber(px);
      }
      if (v in FONT_KEYWORDS) return String(FONT_KEYWORDS[v]);
      if (v === 'smaller') return trimNumber(parentPx / 1.2);
      if (v === 'larger') return trimNumber(parentPx * 1.2);
      return inherited;
    }
    case 'font-weight': {
      const parentW = parseFloat(inherited) || 400;
      if (v === 'normal') return '400';
      if (v === 'bold') return '700';
      if (v === 'bolder') return parentW < 400 ? '400' : parentW < 600 ? '700' : '900';
      if (v === 'lighter') return parentW < 600 ? '100' : parentW < 800 ? '400' : '700';
      return /^\d+$/.test(v) ? v : inherited;
    }
    case 'stroke-width':
    case 'stroke-dashoffset':
    case 'stroke-miterlimit':
    case 'opacity':
    case 'fill-opacity':
    case 'stroke-opacity': {
      const m = /^(-?[\d.]+)(px|%)?$/.exec(v);
      if (!m) return inherited;
      const n = parseFloat(m[1]);
      return trimNumber(m[2] === '%' && name.endsWith('opacity') ? n / 100 : n);
    }
    case 'stroke-dasharray': {
      if (v === 'none') return v;
      const parts = v.split(/[\s,]+/).map((p) => /^(-?[\d.]+)(px)?$/.exec(p));
      return parts.every(Boolean) ? parts.map((p) => trimNumber(parseFloat(p![1]))).join(' ') : inherited;
    }
    default:
      if (/^currentcolor$/i.test(v)) return name === 'color' ? inherited : 'currentcolor';
      return v;
  }
}

function trimNumber(n: number): string {
  return String(Math.round(n * 1000) / 1000);
}
