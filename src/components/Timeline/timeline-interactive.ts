// The interactive timeline, loaded when a chart comes into view: zoom and pan (d3-zoom), a
// keyboard path through every event, track filters, a tooltip, a details panel beside the mark
// (a bottom sheet on phones) and deep links (?event=<id>, #event-<id>).
// Every redraw is layoutPrepared() → timelineSvgLayers() → a keyed join (joinNodes) onto the
// build's SVG, so the first redraw of the build-time state changes nothing. d3-zoom (with
// d3-selection) turns gestures into time windows.
import { select } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { partialDateMidpoint } from '../../lib/dates';
import {
  layoutPrepared,
  layoutRange,
  prepareTimeline,
  type TimelineLayout,
  type PreparedTimeline,
  type LayoutOptions,
} from '../../lib/timeline/layout';
import { fromU, toU } from '../../lib/timeline/warp';
import { timelineSvgAttrs, timelineSvgLayers, type SvgNode } from '../../lib/timeline/svg-model';
import type { TimelinePayload, TimelineVariant } from '../../lib/timeline/payload';
import type { EventDetails } from '../../lib/timeline/details';

const DAY = 86_400_000;
/** One zoom step: a +/− button or key, and one mouse-wheel notch with ctrl/⌘. */
export const ZOOM_STEP = 1.35;
/** The narrowest window a reader can zoom to. */
export const MIN_SPAN = 7 * DAY;
let hinted = false;
let detailsCache: Promise<Record<string, EventDetails>> | undefined;
const charts: TimelineController[] = [];

/**
 * The details of every event (one request for all charts), or undefined when they did not load
 * (an HTTP error, a network error, not JSON): then the failed request is dropped, so the next
 * opening of a panel asks again. Never rejects.
 */
function loadDetails(url: string): Promise<Record<string, EventDetails> | undefined> {
  const request = (detailsCache ??= fetch(url).then(async (r) => {
    if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
    const all: unknown = await r.json();
    if (!all || typeof all !== 'object') throw new Error(`${url}: not the events' details`);
    return all as Record<string, EventDetails>;
  }));
  return request.catch((error: unknown) => {
    if (detailsCache === request) detailsCache = undefined;
    console.warn('The event details did not load; the panel links to the event page instead.', error);
    return undefined;
  });
}

/** Takes over a <timeline-chart> whose build-time SVG is in place. */
export function mountTimeline(root: HTMLElement): void {
  const payloadEl = root.querySelector<HTMLScriptElement>('script.tl-payload');
  if (!payloadEl || root.dataset.ready !== undefined) return;
  const payload = JSON.parse(payloadEl.textContent || '{}') as TimelinePayload;
  const chart = new TimelineController(root, payload);
  // The current window, for tests and the benchmark (a property, not an attribute: no DOM write).
  Object.defineProperty(root, 'timelineDomain', { get: () => [...chart.layout.domain], configurable: true });
  // The window's length in the axis's linear units (zoom steps are even in these, not in days, where a focus warps time).
  Object.defineProperty(root, 'timelineSpanU', {
    get: () => toU(chart.layout.warp, chart.layout.domain[1]) - toU(chart.layout.warp, chart.layout.domain[0]),
    configurable: true,
  });
  if (charts.length === 1) listenToEventRefs();
}

/**
 * d3-zoom's wheel delta (log2 of the zoom factor) for a ctrl/⌘+wheel event: one notch (100 px,
 * or 3 lines) is one ZOOM_STEP, and a trackpad pinch's small deltas make proportionally small steps.
 */
export function wheelZoom(deltaY: number, deltaMode: number): number {
  const px = deltaY * (deltaMode === 1 ? 100 / 3 : deltaMode === 2 ? 300 : 1);
  return (-px / 100) * Math.log2(ZOOM_STEP);
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Where a panel of `w` × `h` goes beside a mark (viewport coordinates): right of the whole mark
 * (symbol and label), else left of it, else beside the symbol on the roomier side, never covering
 * the symbol if it can help it; its top a little above the symbol, kept inside `bounds`.
 */
export function placeBeside(
  mark: Rect,
  symbol: Rect,
  w: number,
  h: number,
  bounds: Rect,
  gap = 12,
): { left: number; top: number } {
  const fitsRight = (x: number) => x + gap + w <= bounds.right;
  const fitsLeft = (x: number) => x - gap - w >= bounds.left;
  let left: number;
  if (fitsRight(mark.right)) left = mark.right + gap;
  else if (fitsLeft(mark.left)) left = mark.left - gap - w;
  else if (fitsRight(symbol.right)) left = symbol.right + gap;
  else if (fitsLeft(symbol.left)) left = symbol.left - gap - w;
  else left = bounds.right - symbol.right > symbol.left - bounds.left ? symbol.right + gap : symbol.left - gap - w;
  left = Math.max(bounds.left, Math.min(left, bounds.right - w));
  const top = Math.max(bounds.top, Math.min((symbol.top + symbol.bottom) / 2 - 24, bounds.bottom - h));
  return { left, top };
}

/** The event a URL asks for: ?event=<id>, else #event-<id>. */
function wantedEvent(): string | null {
  return (
    new URLSearchParams(location.search).get('event') ??
    (location.hash.startsWith('#event-') ? location.hash.slice(7) : null)
  );
}

/** The chart on the page that shows `id`: the one ?chart= names if it holds it, else the first that does. */
function chartFor(id: string): Element | undefined {
  const named = new URLSearchParams(location.search).get('chart');
  const holders = [...document.querySelectorAll('timeline-chart')].filter((el) =>
    el.querySelector('script.tl-payload')?.textContent?.includes(`"id":${JSON.stringify(id)}`),
  );
  return holders.find((el) => el.getAttribute('data-chart') === named) ?? holders[0];
}

// ─── Keyed rendering: the same SvgNode tree the build wrote ─────────────────

/**
 * What the chart last drew into an element: the node it was drawn from, and the same for each
 * child element (null: unknown content, drawn afresh). The renderer reads this mirror, never the
 * DOM, to find what changed, and writes only that.
 */
interface Drawn {
  el: Element;
  key: string;
  node?: SvgNode;
  kids: Drawn[] | null;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const keyOf = (node: SvgNode) => `${node.tag}:${node.key}`;

/** The mirror of the build's elements, from the model of the state the build drew (the same tree). */
function bindBuilt(el: Element, nodes: SvgNode[]): Drawn[] | null {
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

/**
 * Joins `nodes` onto the children of `parent` by key, setting exactly the nodes' attributes and
 * text: a child whose key is still there is updated, one whose key left is reused for a new key
 * of the same tag (a zoom step swaps dozens of marks in and out; moving an element costs far less
 * than removing one and building another), and only what is left over is created or removed.
 */
function joinNodes(parent: Drawn, nodes: SvgNode[]): void {
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
  const taken = new Set<Drawn>();
  const take = (kind: string): Drawn | undefined => {
    const pool = spare.get(kind);
    while (pool?.length) {
      const d = pool.pop()!;
      if (!taken.has(d)) return (taken.add(d), d);
    }
    return undefined;
  };
  const oldIndex = new Map<Drawn, number>();
  old.forEach((d, i) => oldIndex.set(d, i));
  nodes.forEach((node, i) => {
    if (kids[i]) return;
    const key = keyOf(node);
    const reused = take(`${node.tag} ${node.attrs.class ?? ''}`) ?? take(node.tag);
    if (reused) {
      reused.key = key;
      kids[i] = reused;
    } else kids[i] = { el: document.createElementNS(SVG_NS, node.tag), key, kids: [] };
  });
  old.forEach((d, i) => {
    if (!used[i] && !taken.has(d)) d.el.remove();
  });
  // Into order with the fewest moves: the elements whose old positions form the longest
  // increasing run stay where they are; the others are inserted before their next neighbour.
  const stay = longestIncreasing(kids.map((d) => oldIndex.get(d!) ?? -1));
  let next: Element | null = null;
  for (let i = nodes.length - 1; i >= 0; i--) {
    const el = kids[i]!.el;
    if (!stay[i]) parent.el.insertBefore(el, next);
    next = el;
  }
  parent.kids = kids as Drawn[];
  for (let i = 0; i < nodes.length; i++) applyNode(kids[i]!, nodes[i]);
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

// ─── One chart ───────────────────────────────────────────────────────────────

class TimelineController {
  root: HTMLElement;
  payload: TimelinePayload;
  prepared: PreparedTimeline;
  order: string[];
  trackOf: Map<string, string>;
  timeOf: Map<string, number>;
  hiddenTracks = new Set<string>();
  domain?: [number, number];
  selectedId?: string;
  focusId?: string;
  variant!: TimelineVariant;
  svg!: SVGSVGElement;
  /** What was drawn into each variant's SVG. */
  drawn = new Map<Element, Drawn>();
  layout!: TimelineLayout;
  zoom!: ZoomBehavior<SVGSVGElement, unknown>;
  frame = 0;
  silent = false;
  tooltip: HTMLElement;
  details: HTMLElement;
  status: HTMLElement;
  hint?: HTMLElement;
  /** The open panel beside a mark: its page position, and the mark's layout position and SVG scale then. */
  anchor?: { left: number; top: number; x: number; y: number; scale: number; min: number; max: number };

  constructor(root: HTMLElement, payload: TimelinePayload) {
    this.root = root;
    this.payload = payload;
    this.prepared = prepareTimeline(payload.events, payload.tracks);
    this.timeOf = new Map(payload.events.map((e) => [e.id, partialDateMidpoint(e.date)]));
    this.trackOf = new Map(payload.events.map((e) => [e.id, e.track]));
    this.order = payload.events
      .map((e) => e.id)
      .sort((a, b) => this.timeOf.get(a)! - this.timeOf.get(b)! || a.localeCompare(b));
    this.tooltip = root.querySelector('.tl-tooltip')!;
    this.details = root.querySelector('.tl-details')!;
    this.status = root.querySelector('.tl-status')!;
    charts.push(this);

    this.useVariant(this.visibleVariant(), true);
    new ResizeObserver(() => {
      const name = this.visibleVariant();
      if (name !== this.variant.name) this.useVariant(name, false);
      if (this.selectedId && !this.details.hidden) this.placePanel();
    }).observe(root);

    root.querySelector('.tl-toolbar')?.removeAttribute('hidden');
    root.addEventListener('click', (e) => this.onClick(e));
    root.addEventListener('keydown', (e) => this.onKey(e));
    root.addEventListener('pointerover', (e) => this.showTooltip(e.target));
    root.addEventListener('focusin', (e) => this.showTooltip(e.target));
    root.addEventListener('pointerout', () => this.hideTooltip());
    root.addEventListener('focusout', () => this.hideTooltip());
    addEventListener('popstate', () => this.fromUrl(false));
    addEventListener('hashchange', () => this.fromUrl(true));
    addEventListener('beforeprint', () =>
      this.render(this.variant.options.domain ? ([...this.variant.options.domain] as [number, number]) : undefined),
    );
    addEventListener('afterprint', () => this.render());
    root.dataset.ready = '';
    this.showHint();
    this.fromUrl(true);
    document.fonts?.ready.then(() => {
      this.fitFont();
      // Warm the zoom path while the reader reads: lay out (without drawing) the window one step
      // in, so the first real step costs what the others do, not a first run's compile and caches.
      const warm = () => {
        const [a, b] = this.layout.domain;
        const mid = (a + b) / 2;
        const half = (b - a) / 2 / ZOOM_STEP;
        layoutPrepared(this.prepared, this.options([mid - half, mid + half]));
      };
      if ('requestIdleCallback' in window) requestIdleCallback(warm);
      else setTimeout(warm, 200);
    });
  }

  /**
   * The layout measures labels with a width table; the reader's font may run wider. Once fonts
   * have loaded, the drawn one-row labels are measured against the widths the layout gave them, and
   * where the font is wider the chart is laid out again for it (both variants: one font).
   */
  fitFont(): void {
    let ratio = 1;
    for (const m of this.layout.marks) {
      if (!m.labelBox || m.labelLines.length !== 1 || !(m.labelBox.w > 0)) continue;
      const text = this.svg.querySelector<SVGTextElement>(`[data-id="${CSS.escape(m.id)}"] .tl-label`);
      if (text) ratio = Math.max(ratio, text.getComputedTextLength() / m.labelBox.w);
    }
    if (ratio <= 1.01) return;
    for (const v of this.payload.variants) {
      v.options = { ...v.options, textWidthFactor: (v.options.textWidthFactor ?? 1) * ratio * 1.02 };
    }
    this.render();
  }

  /** "Drag to pan · …", once per browsing session, in the toolbar's row (its room is already there). */
  showHint(): void {
    if (hinted) return;
    hinted = true;
    try {
      if (sessionStorage.getItem('tl-hint')) return;
      sessionStorage.setItem('tl-hint', '1');
    } catch {
      // Storage is off (a sandboxed frame): the hint shows once per page.
    }
    const hint = document.createElement('p');
    hint.className = 'tl-hint';
    hint.textContent = `Drag to pan · ${matchMedia('(hover: none)').matches ? '' : 'Ctrl+scroll or '}pinch to zoom`;
    this.root.querySelector('.tl-controls')?.append(hint);
    this.hint = hint;
    setTimeout(() => this.hideHint(), 10_000);
  }

  hideHint(): void {
    this.hint?.classList.add('tl-hint--gone');
    this.hint = undefined;
  }

  visibleVariant(): TimelineVariant['name'] {
    for (const name of ['narrow', 'column'] as const) {
      const el = this.root.querySelector<HTMLElement>(`.tl-variant--${name}`);
      if (el && getComputedStyle(el).display !== 'none') return name;
    }
    return 'wide';
  }

  useVariant(name: TimelineVariant['name'], first: boolean): void {
    this.variant = this.payload.variants.find((v) => v.name === name)!;
    this.svg = this.root.querySelector<SVGSVGElement>(`.tl-variant--${name} svg`)!;
    const layout = this.computeLayout();
    let drawn = this.drawn.get(this.svg);
    if (!drawn) {
      // The build drew the first variant in this state; the other is drawn afresh on first use.
      drawn = {
        el: this.svg,
        key: 'svg',
        kids: first ? bindBuilt(this.svg, timelineSvgLayers(layout, this.modelOptions())) : null,
      };
      this.drawn.set(this.svg, drawn);
    }
    this.layout = layout;
    this.setUpZoom();
    this.render();
  }

  options(domain = this.domain): LayoutOptions {
    const o: LayoutOptions = { ...this.variant.options };
    if (domain) o.domain = domain;
    if (this.hiddenTracks.size)
      o.visibleTracks = this.payload.tracks.map((t) => t.id).filter((id) => !this.hiddenTracks.has(id));
    return o;
  }

  computeLayout(domain = this.domain): TimelineLayout {
    return layoutPrepared(this.prepared, this.options(domain));
  }

  modelOptions() {
    return {
      uid: `tl-${this.payload.chart}-${this.variant.name}`,
      href: (id: string) => this.payload.eventHref.replace('{id}', id),
      label: this.svg.getAttribute('aria-label') ?? '',
      focusId: this.focusId,
      selectedId: this.selectedId,
    };
  }

  /** Lays out the current state and joins it onto the SVG. */
  render(domain = this.domain): void {
    const t0 = performance.now();
    this.layout = this.computeLayout(domain);
    const t1 = performance.now();
    const model = this.modelOptions();
    const attrs = timelineSvgAttrs(this.layout, model);
    for (const [k, v] of Object.entries(attrs)) if (this.svg.getAttribute(k) !== v) this.svg.setAttribute(k, v);
    const layers = timelineSvgLayers(this.layout, model);
    const t2 = performance.now();
    joinNodes(this.drawn.get(this.svg)!, layers);
    if (this.anchor) this.followMark();
    // The benchmark (scripts/lib/bench-browser.mjs) sets this array to split a frame's script time.
    (window as { __timelineRenders?: number[][] }).__timelineRenders?.push([t1 - t0, t2 - t1, performance.now() - t2]);
  }

  // ── zoom ──

  vertical(): boolean {
    return this.variant.options.orientation === 'vertical';
  }

  range(): [number, number] {
    return layoutRange(this.layout);
  }

  /** The full domain in the units the axis is linear in (a focus has more of them: warp.ts). */
  fullU(): [number, number] {
    const w = this.layout.warp;
    return [toU(w, this.layout.fullDomain[0]), toU(w, this.layout.fullDomain[1])];
  }

  /** The zoom transform that shows `domain` (d3-zoom works on the full domain's pixel range, linear in u). */
  transformFor(domain: readonly [number, number]): ZoomTransform {
    const w = this.layout.warp;
    const [f0, f1] = this.fullU();
    const [d0, d1] = [toU(w, domain[0]), toU(w, domain[1])];
    const [r0, r1] = this.range();
    const k = (f1 - f0) / (d1 - d0);
    const base = r0 + ((d0 - f0) / (f1 - f0)) * (r1 - r0);
    const t = r0 - k * base;
    return this.vertical() ? zoomIdentity.translate(0, t).scale(k) : zoomIdentity.translate(t, 0).scale(k);
  }

  domainOf(transform: ZoomTransform): [number, number] {
    const [f0, f1] = this.fullU();
    const [r0, r1] = this.range();
    const invert = (px: number) => fromU(this.layout.warp, f0 + ((px - r0) / (r1 - r0)) * (f1 - f0));
    const inv = (v: number) => (this.vertical() ? transform.invertY(v) : transform.invertX(v));
    return [invert(inv(r0)), invert(inv(r1))];
  }

  /** What a week spans in u: on average over the focus where there is one (the narrowest view shows about a week there). */
  weekU(): number {
    const w = this.layout.warp;
    if (w.ts.length < 2) return MIN_SPAN;
    const t0 = w.ts[0];
    const t1 = w.ts[w.ts.length - 1];
    return ((toU(w, t1) - toU(w, t0)) / (t1 - t0)) * MIN_SPAN;
  }

  setUpZoom(): void {
    const [f0, f1] = this.fullU();
    const [r0, r1] = this.range();
    const { width, height } = this.layout.size;
    const extent: [[number, number], [number, number]] = this.vertical()
      ? [
          [0, r0],
          [width, r1],
        ]
      : [
          [r0, 0],
          [r1, height],
        ];
    this.zoom = d3zoom<SVGSVGElement, unknown>()
      .duration(0)
      .scaleExtent([1, Math.max(1, (f1 - f0) / this.weekU(), this.transformFor(this.domain ?? this.layout.domain).k)])
      .wheelDelta((event: WheelEvent) => wheelZoom(event.deltaY, event.deltaMode))
      .extent(extent)
      .translateExtent(extent)
      // A plain wheel and a one-finger swipe scroll the page; ctrl/⌘+wheel (and trackpad pinch) and two fingers zoom.
      .filter((event: Event) => {
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        if (event.type.startsWith('touch')) return (event as TouchEvent).touches.length >= 2;
        return !(event as MouseEvent).button;
      })
      .on('zoom', (event: { transform: ZoomTransform; sourceEvent: Event | null }) => {
        if (this.silent) return;
        if (this.hint && event.sourceEvent) this.hideHint();
        this.domain = this.domainOf(event.transform);
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(() => this.render());
      });
    const sel = select(this.svg);
    sel.call(this.zoom);
    // d3-zoom sets a tap-highlight style on the SVG; the stylesheet does that, so the element stays as built.
    this.svg.style.removeProperty('-webkit-tap-highlight-color');
    if (!this.svg.getAttribute('style')) this.svg.removeAttribute('style');
    // Start from the build's window without redrawing (the SVG already shows it).
    this.silent = true;
    this.zoom.transform(sel, this.transformFor(this.domain ?? this.layout.domain));
    this.silent = false;
  }

  zoomBy(factor: number): void {
    this.zoom.scaleBy(select(this.svg), factor);
    this.announce();
  }

  zoomTo(domain: readonly [number, number]): void {
    this.zoom.transform(select(this.svg), this.transformFor(domain));
  }

  reset(): void {
    this.zoomTo(this.variant.options.domain ?? this.layout.fullDomain);
    this.announce();
  }

  announce(): void {
    requestAnimationFrame(() => {
      const fmt = (t: number) =>
        new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
      const [a, b] = this.layout.domain;
      this.status.textContent = `Showing ${fmt(a)} to ${fmt(b)}: ${this.layout.marks.length} events shown, ${this.layout.clusters.length} groups.`;
    });
  }

  // ── selection and keyboard ──

  markEl(id: string): SVGElement | null {
    return this.svg.querySelector(`.tl-marks [data-id="${CSS.escape(id)}"]`);
  }

  /** Brings an event into view (panning, then zooming in until it is no longer in a cluster) and focuses it. */
  reveal(id: string, focus = true): void {
    const t = this.timeOf.get(id);
    if (t === undefined) return;
    if (this.hiddenTracks.has(this.trackOf.get(id)!)) this.toggleTrack(this.trackOf.get(id)!);
    for (let i = 0; i < 12 && !this.layout.marks.some((m) => m.id === id); i++) {
      const [a, b] = this.layout.domain;
      const span = i === 0 ? b - a : (b - a) / 2;
      const domain: [number, number] = [t - span / 2, t + span / 2];
      this.domain = undefined;
      this.zoomTo(domain);
      cancelAnimationFrame(this.frame);
      this.render();
    }
    this.focusId = id;
    this.render();
    if (focus) this.markEl(id)?.focus();
  }

  visibleOrder(): string[] {
    return this.order.filter((id) => !this.hiddenTracks.has(this.trackOf.get(id)!));
  }

  move(from: string | undefined, how: 'next' | 'prev' | 'first' | 'last' | 'up' | 'down'): void {
    const order = this.visibleOrder();
    if (!order.length) return;
    const i = from ? order.indexOf(from) : -1;
    let target: string | undefined;
    if (how === 'first') target = order[0];
    else if (how === 'last') target = order[order.length - 1];
    else if (how === 'next') target = order[Math.min(order.length - 1, i + 1)];
    else if (how === 'prev') target = order[Math.max(0, i === -1 ? 0 : i - 1)];
    else {
      const tracks = this.payload.tracks.map((t) => t.id).filter((id) => !this.hiddenTracks.has(id));
      const ti = tracks.indexOf(this.trackOf.get(from ?? order[0])!);
      const t0 = this.timeOf.get(from ?? order[0])!;
      for (let step = 1; step < tracks.length && !target; step++) {
        const track = tracks[how === 'down' ? ti + step : ti - step];
        if (!track) break;
        let best: string | undefined;
        for (const id of order) {
          if (this.trackOf.get(id) !== track) continue;
          if (!best || Math.abs(this.timeOf.get(id)! - t0) < Math.abs(this.timeOf.get(best)! - t0)) best = id;
        }
        target = best;
      }
    }
    if (target && target !== from) this.reveal(target);
    else if (from) this.markEl(from)?.focus();
  }

  onKey(e: KeyboardEvent): void {
    const mark = (e.target as Element).closest?.('.tl-marks [data-id]');
    if (e.key === 'Escape' && this.selectedId) {
      e.preventDefault();
      this.close(true);
      return;
    }
    if (!mark && !(e.target as Element).closest?.('svg.tl')) return;
    const id = mark?.getAttribute('data-id') ?? undefined;
    const v = this.vertical();
    const keys: Record<string, Parameters<TimelineController['move']>[1]> = v
      ? { ArrowDown: 'next', ArrowUp: 'prev', ArrowRight: 'down', ArrowLeft: 'up', Home: 'first', End: 'last' }
      : { ArrowRight: 'next', ArrowLeft: 'prev', ArrowDown: 'down', ArrowUp: 'up', Home: 'first', End: 'last' };
    if (keys[e.key]) {
      e.preventDefault();
      this.move(id, keys[e.key]);
    } else if ((e.key === 'Enter' || e.key === ' ') && id) {
      e.preventDefault();
      this.select(id, true);
    } else if (e.key === '+' || e.key === '=') {
      e.preventDefault();
      this.zoomBy(ZOOM_STEP);
    } else if (e.key === '-' || e.key === '_') {
      e.preventDefault();
      this.zoomBy(1 / ZOOM_STEP);
    } else if (e.key === '0') {
      e.preventDefault();
      this.reset();
    }
  }

  onClick(e: MouseEvent): void {
    const target = e.target as Element;
    const button = target.closest<HTMLButtonElement>('button');
    if (button?.dataset.zoom) {
      if (button.dataset.zoom === 'in') this.zoomBy(ZOOM_STEP);
      else if (button.dataset.zoom === 'out') this.zoomBy(1 / ZOOM_STEP);
      else this.reset();
      return;
    }
    if (button?.classList.contains('tl-filter')) return this.toggleTrack(button.dataset.track!);
    if (button?.classList.contains('tl-filters-toggle')) return this.toggleFilters(button);
    if (button?.classList.contains('tl-details__close')) return this.close(true);
    const related = target.closest<HTMLAnchorElement>('a[data-related]');
    if (related && this.timeOf.has(related.dataset.related!)) {
      e.preventDefault();
      this.reveal(related.dataset.related!);
      this.select(related.dataset.related!, true);
      return;
    }
    const mark = target.closest('.tl-marks [data-id]');
    if (mark && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
      e.preventDefault();
      this.select(mark.getAttribute('data-id')!, true);
      return;
    }
    const cluster = target.closest<SVGElement>('.tl-cluster');
    if (cluster) {
      const [a, b] = (cluster.dataset.domain ?? '').split(',').map(Number);
      if (Number.isFinite(a) && Number.isFinite(b)) this.zoomTo([a, b]);
    }
  }

  /** In narrow containers the track buttons fold under one "Tracks" button (Timeline.astro's CSS). */
  toggleFilters(button: HTMLButtonElement): void {
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    this.root.querySelector('.tl-filters')?.toggleAttribute('data-open', open);
  }

  toggleTrack(track: string): void {
    if (this.hiddenTracks.has(track)) this.hiddenTracks.delete(track);
    else if (this.hiddenTracks.size < this.payload.tracks.length - 1) this.hiddenTracks.add(track);
    this.root
      .querySelector(`.tl-filter[data-track="${CSS.escape(track)}"]`)
      ?.setAttribute('aria-pressed', String(!this.hiddenTracks.has(track)));
    if (this.selectedId && this.hiddenTracks.has(this.trackOf.get(this.selectedId)!)) this.close(false);
    const toggle = this.root.querySelector('.tl-filters-toggle .tl-count');
    if (toggle) toggle.textContent = this.hiddenTracks.size ? `(${this.hiddenTracks.size} hidden)` : '';
    this.render();
    this.status.textContent = `${this.layout.marks.length + this.layout.clusters.reduce((n, c) => n + c.count, 0)} events shown.`;
  }

  // ── details panel and deep links ──

  /** Opens an event's details beside its mark, without scrolling the page (unless `centre`: a deep link). */
  async select(id: string, push: boolean, centre = false): Promise<void> {
    this.selectedId = id;
    this.focusId = id;
    this.reveal(id, false);
    if (push) this.pushUrl(id);
    const all = await loadDetails(this.payload.detailsUrl);
    // The browser's own jump to a #fragment (and its scroll restoration) is over by `load`: centre after it.
    if (centre && document.readyState !== 'complete')
      await new Promise((r) => addEventListener('load', r, { once: true }));
    if (this.selectedId !== id) return;
    const details = all?.[id];
    if (details) this.fillDetails(details);
    else this.fillFallback(id);
    const box = this.details;
    box.hidden = false;
    this.centre(id, centre);
    // In the top layer (a manual popover) the panel escapes the chart's containment and any stacking.
    if (box.showPopover && !box.matches(':popover-open')) {
      box.popover = 'manual';
      box.showPopover();
    }
    this.placePanel();
    box.focus({ preventScroll: true });
  }

  close(push: boolean): void {
    const id = this.selectedId;
    this.selectedId = undefined;
    this.anchor = undefined;
    if (this.details.matches(':popover-open')) this.details.hidePopover();
    this.details.hidden = true;
    this.render();
    if (push) this.pushUrl(undefined);
    if (id) this.markEl(id)?.focus();
  }

  /**
   * Scrolls the page so the event's mark is in the middle of the screen (on a phone, above the
   * sheet): always for a deep link, else only when it is out of sight (Back to an event scrolled
   * away). A click or Enter is on a mark in sight: the page stays put.
   */
  centre(id: string, always: boolean): void {
    const r = this.markEl(id)?.querySelector('.tl-mark__symbol')?.getBoundingClientRect();
    if (!r || (!always && r.bottom > 0 && r.top < innerHeight)) return;
    const at = this.variant.name === 'narrow' ? 0.25 : 0.5;
    scrollTo({ top: scrollY + (r.top + r.bottom) / 2 - innerHeight * at, behavior: 'instant' });
  }

  /** Puts the open panel beside its mark (wide charts) or along the bottom of the screen (phones). */
  placePanel(): void {
    const box = this.details;
    const sheet = this.variant.name === 'narrow';
    box.classList.toggle('tl-details--sheet', sheet);
    box.style.left = box.style.top = box.style.width = '';
    this.anchor = undefined;
    const mark = this.selectedId ? this.markEl(this.selectedId) : null;
    const symbol = mark?.querySelector('.tl-mark__symbol');
    const s = symbol?.getBoundingClientRect();
    // The sheet goes along the edge of the screen away from its mark, so the mark stays in sight.
    box.classList.toggle('tl-details--top', sheet && !!s && s.top + s.bottom > innerHeight);
    if (sheet || !mark || !s) return;
    const root = this.root.getBoundingClientRect();
    const bounds = {
      left: Math.max(root.left, 0) + 4,
      right: Math.min(root.right, innerWidth) - 4,
      top: 8,
      bottom: innerHeight - 8,
    };
    box.style.width = `${Math.min(352, (bounds.right - bounds.left) * 0.46)}px`;
    const at = placeBeside(mark.getBoundingClientRect(), s, box.offsetWidth, box.offsetHeight, bounds);
    // A popover is placed on the page; without popover support the panel is placed in the chart.
    const origin = box.matches(':popover-open') ? { left: -scrollX, top: -scrollY } : root;
    const left = at.left - origin.left;
    const top = at.top - origin.top;
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
    const m = this.layout.marks.find((x) => x.id === this.selectedId);
    const scale = this.svg.getBoundingClientRect().width / this.layout.size.width;
    if (m)
      this.anchor = {
        left,
        top,
        x: m.x,
        y: m.y,
        scale,
        min: bounds.left - origin.left,
        max: bounds.right - origin.left - box.offsetWidth,
      };
  }

  /** After a zoom step, moves the open panel as far as its mark moved (from the layout: no DOM read). */
  followMark(): void {
    const a = this.anchor!;
    const m = this.layout.marks.find((x) => x.id === this.selectedId);
    if (!m) return;
    this.details.style.left = `${Math.max(a.min, Math.min(a.max, a.left + (m.x - a.x) * a.scale))}px`;
    this.details.style.top = `${a.top + (m.y - a.y) * a.scale}px`;
  }

  /** When the details did not load: the event's title and a link to its page (the next open tries again). */
  fillFallback(id: string): void {
    const box = this.details;
    const event = this.payload.events.find((e) => e.id === id);
    box.replaceChildren();
    box.className = `tl-details${event ? ` tc-${event.track}` : ''}`;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'tl-details__close';
    close.textContent = 'Close';
    close.setAttribute('aria-label', 'Close the details');
    const title = event?.title ?? id;
    const heading = document.createElement(this.root.closest('figure')?.querySelector('h2') ? 'h3' : 'h4');
    heading.textContent = title;
    box.setAttribute('aria-label', `Details: ${title}`);
    const p = document.createElement('p');
    p.className = 'tl-details__fallback';
    const page = document.createElement('a');
    page.href = this.payload.eventHref.replace('{id}', id);
    page.textContent = "Open the event's page";
    p.append('Details could not be loaded. ', page, '.');
    box.append(close, heading, p);
  }

  fillDetails(d: EventDetails | undefined): void {
    const box = this.details;
    box.replaceChildren();
    if (!d) return;
    box.className = `tl-details tc-${d.track}`;
    const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, cls?: string) => {
      const x = document.createElement(tag);
      if (text !== undefined) x.textContent = text;
      if (cls) x.className = cls;
      return x;
    };
    const close = el('button', 'Close', 'tl-details__close');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close the details');
    const heading = el(this.root.closest('figure')?.querySelector('h2') ? 'h3' : 'h4', d.title);
    box.setAttribute('aria-label', `Details: ${d.title}`);
    box.append(close, el('p', `${d.dateText} · ${d.trackLabel}`, 'tl-details__meta'), heading, el('p', d.summary));
    const list = (title: string, items: (string | Node)[]) => {
      if (!items.length) return;
      box.append(el('p', title, 'tl-details__meta'));
      const ul = el('ul');
      for (const item of items) {
        const li = el('li');
        li.append(item);
        ul.append(li);
      }
      box.append(ul);
    };
    list('Steps', d.milestones);
    list('Figures', d.figures);
    if (d.actors.length) box.append(el('p', `Who: ${d.actors.join(', ')}`));
    list(
      'Related events',
      d.related.map((r) => {
        const a = el('a', r.title);
        a.href = this.payload.eventHref.replace('{id}', r.id);
        a.dataset.related = r.id;
        const span = el('span');
        span.append(`${r.label}: `, a);
        return span;
      }),
    );
    list('Notes', d.notes);
    list(
      'Sources',
      d.sources.map((s) => {
        const a = el('a', s.title);
        a.href = s.url;
        a.rel = 'noopener noreferrer';
        const span = el('span');
        span.append(`${s.publisher}${s.via ? ` via ${s.via}` : ''}${s.date ? `, ${s.date}` : ''}: `, a);
        return span;
      }),
    );
    const page = el('a', 'Everything about this event');
    page.href = this.payload.eventHref.replace('{id}', d.id);
    const p = el('p');
    p.append(page);
    box.append(p);
  }

  pushUrl(id: string | undefined): void {
    const url = new URL(location.href);
    if (id) {
      url.searchParams.set('event', id);
      url.searchParams.set('chart', this.payload.chart);
    } else {
      url.searchParams.delete('event');
      url.searchParams.delete('chart');
    }
    if (url.hash.startsWith('#event-')) url.hash = '';
    if (url.href !== location.href) history.pushState({ chart: this.payload.chart, event: id ?? null }, '', url);
  }

  /**
   * Applies ?event=<id> (with or without &chart=<chart>) or #event-<id> when this chart is the one
   * that shows it; `centre` (page load, a typed #fragment) also scrolls the event to the middle.
   */
  fromUrl(centre: boolean): void {
    const id = wantedEvent();
    if (id !== null && this.timeOf.has(id) && chartFor(id) === this.root) {
      // On reload the chart, not the remembered scroll position, decides where the page is.
      if (centre) history.scrollRestoration = 'manual';
      if (id !== this.selectedId || this.details.hidden || centre) void this.select(id, false, centre);
    } else if (this.selectedId) this.close(false);
  }

  // ── tooltip ──

  showTooltip(target: EventTarget | null): void {
    const mark = (target as Element | null)?.closest?.('.tl-marks [data-id], .tl-cluster');
    if (!mark) return;
    const id = mark.getAttribute('data-id')!;
    const m = this.layout.marks.find((x) => x.id === id);
    const c = m ? undefined : this.layout.clusters.find((x) => x.id === id);
    if (!m && !c) return;
    this.tooltip.replaceChildren();
    const strong = document.createElement('strong');
    strong.textContent = m ? m.dateText : c!.dateText;
    this.tooltip.append(strong, m ? m.title : `${c!.count} events: click to zoom in`);
    this.tooltip.hidden = false;
    const stage = this.tooltip.parentElement!.getBoundingClientRect();
    const box = mark.getBoundingClientRect();
    const left = Math.min(Math.max(0, box.left - stage.left), stage.width - 200);
    this.tooltip.style.left = `${left}px`;
    this.tooltip.style.top = `${box.bottom - stage.top + 6}px`;
  }

  hideTooltip(): void {
    this.tooltip.hidden = true;
  }
}

// ─── References from the story's text ───────────────────────────────────────

function listenToEventRefs(): void {
  const toggle = (target: EventTarget | null, on: boolean) => {
    const ref = (target as Element | null)?.closest?.<HTMLElement>('[data-event-ref]');
    if (!ref) return;
    const id = ref.dataset.eventRef!;
    const y = ref.getBoundingClientRect().top;
    const nearest = charts
      .filter((c) => c.timeOf.has(id))
      .sort(
        (a, b) => Math.abs(a.root.getBoundingClientRect().top - y) - Math.abs(b.root.getBoundingClientRect().top - y),
      )[0];
    for (const c of charts)
      c.svg.querySelectorAll('.tl-mark--ref').forEach((el) => el.classList.remove('tl-mark--ref'));
    if (on && nearest) nearest.markEl(id)?.classList.add('tl-mark--ref');
  };
  document.addEventListener('pointerover', (e) => toggle(e.target, true));
  document.addEventListener('pointerout', (e) => toggle(e.target, false));
  document.addEventListener('focusin', (e) => toggle(e.target, true));
  document.addEventListener('focusout', (e) => toggle(e.target, false));
}
