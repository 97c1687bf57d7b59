import { describe, expect, it } from 'vitest';
import { boundAll, joinNodes, longestIncreasing, type Drawn } from '../../src/components/Timeline/keyed-join';
import type { SvgNode } from '../../src/lib/svg';

/** The kept values, in order. */
const kept = (values: number[]) => values.filter((_, i) => longestIncreasing(values)[i]);

describe('longestIncreasing (which redrawn elements may stay where they are)', () => {
  it('keeps everything when nothing moved', () => {
    expect(kept([0, 1, 2, 3])).toEqual([0, 1, 2, 3]);
  });

  it('moves only the element that changed place', () => {
    // The first element went to the end: three stay, one moves (not four).
    expect(kept([1, 2, 3, 0])).toEqual([1, 2, 3]);
    expect(kept([3, 0, 1, 2])).toEqual([0, 1, 2]);
  });

  it('skips new elements (-1) and keeps a longest run of the others', () => {
    const values = [-1, 4, 0, -1, 1, 5, 2, 3];
    const run = kept(values);
    expect(run).toEqual([0, 1, 2, 3]);
    expect(longestIncreasing(values)[0]).toBe(false);
  });

  it('returns a strictly increasing run as long as any', () => {
    // A deterministic shuffle of 0..199: the run is increasing, and no longer one exists (checked by O(n²) DP).
    const values = Array.from({ length: 200 }, (_, i) => (i * 73) % 200);
    const run = kept(values);
    for (let i = 1; i < run.length; i++) expect(run[i]).toBeGreaterThan(run[i - 1]);
    const best = values.map(() => 1);
    for (let i = 0; i < values.length; i++)
      for (let j = 0; j < i; j++) if (values[j] < values[i]) best[i] = Math.max(best[i], best[j] + 1);
    expect(run.length).toBe(Math.max(...best));
  });
});

describe('boundAll (whether the build-time drawing can stand without a redraw at load)', () => {
  const el = {} as Element;
  const leaf = (kids: Drawn[] | null = []): Drawn => ({ el, key: 'g:x', kids });
  it('holds when every subtree was bound', () => {
    expect(boundAll([leaf([leaf(), leaf()]), leaf()])).toBe(true);
    expect(boundAll([])).toBe(true);
  });
  it('fails when the top or any subtree did not match the build', () => {
    expect(boundAll(null)).toBe(false);
    expect(boundAll([leaf(), leaf([leaf(), leaf(null)])])).toBe(false);
  });
});

/**
 * Just enough of an element for joinNodes, counting what the browser pays for: elements inserted into
 * the page or moved on it (each is styled and laid out afresh), and attributes written while on it.
 */
class FakeElement {
  parent: FakeElement | null = null;
  kids: FakeElement[] = [];
  attrs = new Map<string, string>();
  textContent = '';
  constructor(
    readonly tagName: string,
    readonly counts: { inserted: number; writtenOnPage: number },
  ) {}
  private onPage(): boolean {
    let el: FakeElement | null = this;
    while (el.parent) el = el.parent;
    return el.tagName === 'svg';
  }
  setAttribute(name: string, value: string) {
    if (this.onPage()) this.counts.writtenOnPage++;
    this.attrs.set(name, value);
  }
  removeAttribute(name: string) {
    if (this.onPage()) this.counts.writtenOnPage++;
    this.attrs.delete(name);
  }
  insertBefore(el: FakeElement, ref: FakeElement | null) {
    el.remove();
    if (this.onPage()) this.counts.inserted++;
    el.parent = this;
    this.kids.splice(ref ? this.kids.indexOf(ref) : this.kids.length, 0, el);
  }
  remove() {
    if (this.parent) this.parent.kids.splice(this.parent.kids.indexOf(this), 1);
    this.parent = null;
  }
  replaceChildren() {
    for (const k of [...this.kids]) k.remove();
  }
  contains(other: unknown): boolean {
    return other === this || this.kids.some((k) => k.contains(other));
  }
}

describe('joinNodes (a zoom step drawn onto the SVG)', () => {
  const counts = { inserted: 0, writtenOnPage: 0 };
  const g = {
    document: { activeElement: null, createElementNS: (_: string, tag: string) => new FakeElement(tag, counts) },
  };
  // A cluster as the model draws it: a group with its symbol and label.
  const cluster = (bin: number, n: number): SvgNode => ({
    key: `cluster-a-${bin}`,
    tag: 'g',
    attrs: { class: 'tl-cluster', transform: `translate(0,${bin * 10})`, 'data-id': `cluster-a-${bin}` },
    children: [
      { key: 'symbol', tag: 'path', attrs: { class: 'tl-cluster__symbol', d: 'M0,0' } },
      { key: 'label', tag: 'text', attrs: { class: 'tl-cluster__label' }, text: `+${n}` },
    ],
  });
  /** The drawing as the model says it should be. */
  const shape = (el: FakeElement): unknown => ({
    tag: el.tagName,
    attrs: Object.fromEntries(el.attrs),
    ...(el.kids.length ? { kids: el.kids.map(shape) } : { text: el.textContent }),
  });
  const expected = (n: SvgNode): unknown => ({
    tag: n.tag,
    attrs: n.attrs,
    ...(n.children ? { kids: n.children.map(expected) } : { text: n.text ?? '' }),
  });

  it('reuses the elements whose keys left in place, in order, and builds new ones off the page', () => {
    Object.assign(globalThis, g);
    try {
      const svg = new FakeElement('svg', counts);
      const root: Drawn = { el: svg as unknown as Element, key: 'svg', kids: [] };
      // The overview: 40 clusters. One step in: every bin is new (they halve), and there are 60.
      const before = Array.from({ length: 40 }, (_, i) => cluster(i * 2, 8));
      const after = Array.from({ length: 60 }, (_, i) => cluster(1000 + i, 4));
      joinNodes(root, before);
      expect(svg.kids.map(shape)).toEqual(before.map(expected));
      counts.inserted = 0;
      counts.writtenOnPage = 0;
      joinNodes(root, after);
      expect(svg.kids.map(shape)).toEqual(after.map(expected));
      // The 40 elements stay where they are (their transforms, ids and texts change); 20 new ones are
      // inserted, built whole before that (none of their attributes is written on the page).
      expect(counts.inserted).toBe(20);
      expect(counts.writtenOnPage).toBe(40 * 2);
      // And back: 20 taken off, none moved.
      counts.inserted = 0;
      joinNodes(root, before);
      expect(svg.kids.map(shape)).toEqual(before.map(expected));
      expect(counts.inserted).toBe(0);
    } finally {
      delete (globalThis as { document?: unknown }).document;
    }
  });
});
