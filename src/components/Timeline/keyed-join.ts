// The keyed join of the timeline's SvgNode tree (svg-model.ts) onto the live SVG: the build wrote
// the same tree as markup, so the first redraw of the build-time state changes nothing, and every
// later redraw writes only the elements and attributes that changed.
import type { SvgNode } from '../../lib/svg';

/**
 * What the chart last drew into an element: the node it was drawn from, and the same for each
 * child element (null: unknown content, drawn afresh). The renderer reads this mirror, never the
 * DOM, to find what changed, and writes only that.
 */
export interface Drawn {
  el: Element;
  key: string;
  node?: SvgNode;
  kids: Drawn[] | null;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const keyOf = (node: SvgNode) => `${node.tag}:${node.key}`;

/** The mirror of the build's elements, from the model of the state the build drew (the same tree). */
export function bindBuilt(el: Element, nodes: SvgNode[]): Drawn[] | null {
  const children = el.children;
  if (children.length !== nodes.length) return null;
  const out: Drawn[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const c = children[i];
    const node = nodes[i];
    if (c.tagName.toLowerCase() !== node.tag.toLowerCase()) return null;
    out.push({ el: c, key: keyOf(node), node, kids: node.children ? bindBuilt(c, node.children) : [] });
  }
  return out;
}

/** Whether bindBuilt found the build's elements for the whole tree (no subtree left to draw afresh). */
export function boundAll(kids: Drawn[] | null): boolean {
  return kids !== null && kids.every((d) => boundAll(d.kids));
}

/**
 * Joins `nodes` onto the children of `parent` by key, setting exactly the nodes' attributes and
 * text: a child whose key is still there is updated, one whose key left is reused for a new key
 * of the same tag (a zoom step swaps dozens of marks in and out; moving an element costs far less
 * than removing one and building another), and only what is left over is created or removed.
 */
export function joinNodes(parent: Drawn, nodes: SvgNode[]): void {
  let old = parent.kids;
  // Fast path: the same children in the same order (a mark's symbol and label, most of the tree
  // on a zoom step): update them in place.
  if (old && old.length === nodes.length) {
    let same = true;
    for (let i = 0; i < nodes.length && same; i++) same = old[i].key === keyOf(nodes[i]);
    if (same) {
      for (let i = 0; i < nodes.length; i++) applyNode(old[i], nodes[i]);
      return;
    }
  }
  if (!old) {
    parent.el.replaceChildren();
    old = [];
  }
  const byKey = new Map<string, number>();
  old.forEach((d, i) => byKey.set(d.key, i));
  const used = new Array<boolean>(old.length).fill(false);
  const kids: (Drawn | undefined)[] = nodes.map((node) => {
    const i = byKey.get(keyOf(node));
    if (i === undefined || used[i]) return undefined;
    used[i] = true;
    return old[i];
  });
  // Elements whose key left, by tag and class, to reuse; never the one holding the focus (it
  // would then stand for another event under the reader's cursor).
  const spare = new Map<string, Drawn[]>();
  const active = document.activeElement;
  old.forEach((d, i) => {
    if (used[i]) return;
    if (!d.node || (active && d.el.contains(active))) {
      d.el.remove();
      used[i] = true;
      return;
    }
    for (const kind of [`${d.node.tag} ${d.node.attrs.class ?? ''}`, d.node.tag]) {
      if (!spare.has(kind)) spare.set(kind, []);
      spare.get(kind)!.push(d);
    }
  });
  // Taken in their order on the page: new nodes come in order too, so a reused element mostly
  // stands where its new node goes, and stays there (moving one costs nearly what building one does).
  const taken = new Set<Drawn>();
  const next = new Map<string, number>();
  const take = (kind: string): Drawn | undefined => {
    const pool = spare.get(kind);
    if (!pool) return undefined;
    for (let i = next.get(kind) ?? 0; i < pool.length; i++) {
      const d = pool[i];
      if (taken.has(d)) continue;
      next.set(kind, i + 1);
      taken.add(d);
      return d;
    }
    next.set(kind, pool.length);
    return undefined;
  };
  const fresh = new Set<Drawn>();
  const oldIndex = new Map<Drawn, number>();
  old.forEach((d, i) => oldIndex.set(d, i));
  nodes.forEach((node, i) => {
    if (kids[i]) return;
    const key = keyOf(node);
    const reused = take(`${node.tag} ${node.attrs.class ?? ''}`) ?? take(node.tag);
    if (reused) {
      reused.key = key;
      kids[i] = reused;
    } else {
      // A new element gets its attributes and children before it joins the page: the browser then styles it once, whole.
      const d: Drawn = { el: document.createElementNS(SVG_NS, node.tag), key, kids: [] };
      applyNode(d, node);
      fresh.add(d);
      kids[i] = d;
    }
  });
  old.forEach((d, i) => {
    if (!used[i] && !taken.has(d)) d.el.remove();
  });
  // Into order with the fewest moves: the elements whose old positions form the longest
  // increasing run stay where they are; the others are inserted before their next neighbour.
  const stay = longestIncreasing(kids.map((d) => oldIndex.get(d!) ?? -1));
  let after: Element | null = null;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const el = kids[i]!.el;
    if (!stay[i]) parent.el.insertBefore(el, after);
    after = el;
  }
  parent.kids = kids as Drawn[];
  for (let i = 0; i < nodes.length; i++) if (!fresh.has(kids[i]!)) applyNode(kids[i]!, nodes[i]);
}

/** Which entries (those ≥ 0) belong to one longest strictly increasing subsequence of `values`. O(n log n). */
export function longestIncreasing(values: readonly number[]): boolean[] {
  const tails: number[] = []; // index into values of the last entry of the best run of each length
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < 0) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1];
    tails[lo] = i;
  }
  const keep = new Array<boolean>(values.length).fill(false);
  for (let i = tails.length ? tails[tails.length - 1] : -1; i >= 0; i = prev[i]) keep[i] = true;
  return keep;
}

/** Sets an element's attributes and text to the node's, writing only what differs from what it was drawn from. */
function applyNode(d: Drawn, node: SvgNode): void {
  const el = d.el;
  const before = d.node;
  if (before !== node) {
    const was = before?.attrs;
    const now = node.attrs;
    if (was)
      for (const name in was) if (was[name] !== '' && (!(name in now) || now[name] === '')) el.removeAttribute(name);
    for (const name in now) {
      const value = now[name];
      if (value !== '' && (!was || was[name] !== value)) el.setAttribute(name, value);
    }
  }
  d.node = node;
  if (node.children) joinNodes(d, node.children);
  else if (node.text !== undefined && before?.text !== node.text) el.textContent = node.text;
  else if (node.text === undefined && before?.text !== undefined) el.textContent = '';
}
