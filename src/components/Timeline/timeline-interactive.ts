// The interactive timeline, loaded when a chart comes into view: zoom and pan (d3-zoom), a
// keyboard path through every event, track filters, a tooltip, a details panel and deep links.
// Every redraw is layoutPrepared() → timelineSvgLayers() → a keyed d3 join onto the build's SVG,
// so the first redraw of the build-time state changes nothing.
import { select } from 'd3-selection';
import { zoom as d3zoom, zoomIdentity, type ZoomBehavior, type ZoomTransform } from 'd3-zoom';
import { partialDateMidpoint } from '../../lib/dates';
import { layoutPrepared, prepareTimeline, type TimelineLayout, type PreparedTimeline, type LayoutOptions } from '../../lib/timeline/layout';
import { timelineSvgAttrs, timelineSvgLayers, type SvgNode } from '../../lib/timeline/svg-model';
import type { TimelinePayload, TimelineVariant } from '../../lib/timeline/payload';
import type { EventDetails } from '../../lib/timeline/details';

const DAY = 86_400_000;
let detailsCache: Promise<Record<string, EventDetails>> | undefined;
const charts: TimelineController[] = [];

/** Takes over a <timeline-chart> whose build-time SVG is in place. */
export function mountTimeline(root: HTMLElement): void {
  const payloadEl = root.querySelector<HTMLScriptElement>('script.tl-payload');
  if (!payloadEl || root.dataset.ready !== undefined) return;
  const payload = JSON.parse(payloadEl.textContent || '{}') as TimelinePayload;
  charts.push(new TimelineController(root, payload));
  if (charts.length === 1) listenToEventRefs();
}

// ─── Keyed rendering: the same SvgNode tree the build wrote ─────────────────

interface Keyed {
  node: SvgNode;
  key: string;
}

const keyed = (nodes: SvgNode[]): Keyed[] => nodes.map((node) => ({ node, key: `${node.tag}:${node.key}` }));

/** Joins `nodes` onto the children of `parent` by key, setting exactly the nodes' attributes and text. */
function joinNodes(parent: Element, nodes: SvgNode[]): void {
  const list = keyed(nodes);
  // Fast path: the same children in the same order (a mark's symbol and label, most of the tree
  // on a zoom step): update them in place; only lists that gain or lose members need a d3 join.
  const kids = parent.children;
  if (kids.length === list.length) {
    let same = true;
    for (let i = 0; i < list.length && same; i++) same = (kids[i] as Element & { __data__?: Keyed }).__data__?.key === list[i].key;
    if (same) {
      for (let i = 0; i < list.length; i++) {
        (kids[i] as Element & { __data__?: Keyed }).__data__ = list[i];
        applyNode(kids[i], list[i].node);
      }
      return;
    }
  }
  select(parent)
    .selectChildren<Element, Keyed | undefined>()
    .data(list, (d) => d?.key ?? '')
    .join((enter) => enter.append((d) => document.createElementNS('http://www.w3.org/2000/svg', d.node.tag)))
    .each(function (d) {
      applyNode(this, d.node);
    })
    .order();
}

/** Sets an element's attributes and text to the node's, removing any others. */
function applyNode(el: Element, node: SvgNode): void {
  const attrs = el.attributes;
  for (let i = attrs.length - 1; i >= 0; i--) {
    const name = attrs[i].name;
    if (!(name in node.attrs) || node.attrs[name] === '') el.removeAttribute(name);
  }
  for (const [name, value] of Object.entries(node.attrs)) {
    if (value !== '' && el.getAttribute(name) !== value) el.setAttribute(name, value);
  }
  if (node.children) joinNodes(el, node.children);
  else if (node.text !== undefined && el.textContent !== node.text) el.textContent = node.text;
}

/** Binds the build's elements to the model of the same state (the same tree), so the joins key them. */
function bindBuilt(parent: Element, nodes: SvgNode[]): void {
  const children = [...parent.children];
  keyed(nodes).forEach((d, i) => {
    const el = children[i] as (Element & { __data__?: Keyed }) | undefined;
    if (!el || el.tagName.toLowerCase() !== d.node.tag.toLowerCase()) return;
    el.__data__ = d;
    if (d.node.children) bindBuilt(el, d.node.children);
  });
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
  layout!: TimelineLayout;
  zoom!: ZoomBehavior<SVGSVGElement, unknown>;
  frame = 0;
  silent = false;
  tooltip: HTMLElement;
  details: HTMLElement;
  status: HTMLElement;

  constructor(root: HTMLElement, payload: TimelinePayload) {
    this.root = root;
    this.payload = payload;
    this.prepared = prepareTimeline(payload.events, payload.tracks);
    this.timeOf = new Map(payload.events.map((e) => [e.id, partialDateMidpoint(e.date)]));
    this.trackOf = new Map(payload.events.map((e) => [e.id, e.track]));
    this.order = payload.events.map((e) => e.id).sort((a, b) => this.timeOf.get(a)! - this.timeOf.get(b)! || a.localeCompare(b));
    this.tooltip = root.querySelector('.tl-tooltip')!;
    this.details = root.querySelector('.tl-details')!;
    this.status = root.querySelector('.tl-status')!;

    this.useVariant(this.visibleVariant(), true);
    new ResizeObserver(() => {
      const name = this.visibleVariant();
      if (name !== this.variant.name) this.useVariant(name, false);
    }).observe(root);

    root.querySelector('.tl-toolbar')?.removeAttribute('hidden');
    root.addEventListener('click', (e) => this.onClick(e));
    root.addEventListener('keydown', (e) => this.onKey(e));
    root.addEventListener('pointerover', (e) => this.showTooltip(e.target));
    root.addEventListener('focusin', (e) => this.showTooltip(e.target));
    root.addEventListener('pointerout', () => this.hideTooltip());
    root.addEventListener('focusout', () => this.hideTooltip());
    addEventListener('popstate', () => this.fromUrl(false));
    addEventListener('beforeprint', () => this.render(this.variant.options.domain ? [...this.variant.options.domain] as [number, number] : undefined));
    addEventListener('afterprint', () => this.render());
    root.dataset.ready = '';
    this.fromUrl(true);
  }

  visibleVariant(): TimelineVariant['name'] {
    const narrow = this.root.querySelector<HTMLElement>('.tl-variant--narrow');
    return narrow && getComputedStyle(narrow).display !== 'none' ? 'narrow' : 'wide';
  }

  useVariant(name: TimelineVariant['name'], first: boolean): void {
    this.variant = this.payload.variants.find((v) => v.name === name)!;
    this.svg = this.root.querySelector<SVGSVGElement>(`.tl-variant--${name} svg`)!;
    const layout = this.computeLayout();
    if (first) bindBuilt(this.svg, timelineSvgLayers(layout, this.modelOptions()));
    this.layout = layout;
    this.setUpZoom();
    this.render();
  }

  options(domain = this.domain): LayoutOptions {
    const o: LayoutOptions = { ...this.variant.options };
    if (domain) o.domain = domain;
    if (this.hiddenTracks.size) o.visibleTracks = this.payload.tracks.map((t) => t.id).filter((id) => !this.hiddenTracks.has(id));
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
    this.layout = this.computeLayout(domain);
    const model = this.modelOptions();
    const attrs = timelineSvgAttrs(this.layout, model);
    for (const [k, v] of Object.entries(attrs)) if (this.svg.getAttribute(k) !== v) this.svg.setAttribute(k, v);
    joinNodes(this.svg, timelineSvgLayers(this.layout, model));
  }

  // ── zoom ──

  vertical(): boolean {
    return this.variant.options.orientation === 'vertical';
  }

  range(): [number, number] {
    const p = this.layout.plot;
    return this.vertical() ? [p.y, p.y + p.h] : [p.x, p.x + p.w];
  }

  /** The zoom transform that shows `domain` (d3-zoom works on the full domain's pixel range). */
  transformFor(domain: readonly [number, number]): ZoomTransform {
    const [f0, f1] = this.layout.fullDomain;
    const [r0, r1] = this.range();
    const k = (f1 - f0) / (domain[1] - domain[0]);
    const base = r0 + ((domain[0] - f0) / (f1 - f0)) * (r1 - r0);
    const t = r0 - k * base;
    return this.vertical() ? zoomIdentity.translate(0, t).scale(k) : zoomIdentity.translate(t, 0).scale(k);
  }

  domainOf(transform: ZoomTransform): [number, number] {
    const [f0, f1] = this.layout.fullDomain;
    const [r0, r1] = this.range();
    const invert = (px: number) => f0 + ((px - r0) / (r1 - r0)) * (f1 - f0);
    const inv = (v: number) => (this.vertical() ? transform.invertY(v) : transform.invertX(v));
    return [invert(inv(r0)), invert(inv(r1))];
  }

  setUpZoom(): void {
    const [f0, f1] = this.layout.fullDomain;
    const [r0, r1] = this.range();
    const { width, height } = this.layout.size;
    const extent: [[number, number], [number, number]] = this.vertical() ? [[0, r0], [width, r1]] : [[r0, 0], [r1, height]];
    this.zoom = d3zoom<SVGSVGElement, unknown>()
      .duration(0)
      .scaleExtent([1, Math.max(1, (f1 - f0) / (2 * DAY))])
      .extent(extent)
      .translateExtent(extent)
      // A plain wheel and a one-finger swipe scroll the page; ctrl/⌘+wheel (and trackpad pinch) and two fingers zoom.
      .filter((event: Event) => {
        if (event.type === 'wheel') return (event as WheelEvent).ctrlKey || (event as WheelEvent).metaKey;
        if (event.type.startsWith('touch')) return (event as TouchEvent).touches.length >= 2;
        return !(event as MouseEvent).button;
      })
      .on('zoom', (event: { transform: ZoomTransform }) => {
        if (this.silent) return;
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
      const fmt = (t: number) => new Date(t).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
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
      this.zoomBy(2);
    } else if (e.key === '-' || e.key === '_') {
      e.preventDefault();
      this.zoomBy(0.5);
    } else if (e.key === '0') {
      e.preventDefault();
      this.reset();
    }
  }

  onClick(e: MouseEvent): void {
    const target = e.target as Element;
    const button = target.closest<HTMLButtonElement>('button');
    if (button?.dataset.zoom) {
      if (button.dataset.zoom === 'in') this.zoomBy(2);
      else if (button.dataset.zoom === 'out') this.zoomBy(0.5);
      else this.reset();
      return;
    }
    if (button?.classList.contains('tl-filter')) return this.toggleTrack(button.dataset.track!);
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

  toggleTrack(track: string): void {
    if (this.hiddenTracks.has(track)) this.hiddenTracks.delete(track);
    else if (this.hiddenTracks.size < this.payload.tracks.length - 1) this.hiddenTracks.add(track);
    this.root.querySelector(`.tl-filter[data-track="${CSS.escape(track)}"]`)?.setAttribute('aria-pressed', String(!this.hiddenTracks.has(track)));
    if (this.selectedId && this.hiddenTracks.has(this.trackOf.get(this.selectedId)!)) this.close(false);
    this.render();
    this.status.textContent = `${this.layout.marks.length + this.layout.clusters.reduce((n, c) => n + c.count, 0)} events shown.`;
  }

  // ── details panel and deep links ──

  async select(id: string, push: boolean): Promise<void> {
    this.selectedId = id;
    this.focusId = id;
    this.reveal(id, false);
    if (push) this.pushUrl(id);
    detailsCache ??= fetch(this.payload.detailsUrl).then((r) => r.json());
    const all = await detailsCache;
    if (this.selectedId !== id) return;
    this.fillDetails(all[id]);
    this.details.hidden = false;
    this.details.focus();
  }

  close(push: boolean): void {
    const id = this.selectedId;
    this.selectedId = undefined;
    this.details.hidden = true;
    this.render();
    if (push) this.pushUrl(undefined);
    if (id) this.markEl(id)?.focus();
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
        span.append(`${s.publisher}${s.via ? ` (copy of ${s.via})` : ''}${s.date ? `, ${s.date}` : ''}: `, a);
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

  /** Applies ?event=<id>&chart=<chart> (or #event-<id>) when this chart is the one it names. */
  fromUrl(initial: boolean): void {
    const params = new URLSearchParams(location.search);
    const id = params.get('event') ?? (location.hash.startsWith('#event-') ? location.hash.slice(7) : null);
    const chart = params.get('chart');
    const mine =
      id !== null &&
      this.timeOf.has(id) &&
      (chart ? chart === this.payload.chart : charts.find((c) => c.timeOf.has(id)) === this);
    if (mine) {
      void this.select(id!, false);
      if (initial) this.root.scrollIntoView({ block: 'start' });
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
      .sort((a, b) => Math.abs(a.root.getBoundingClientRect().top - y) - Math.abs(b.root.getBoundingClientRect().top - y))[0];
    for (const c of charts) c.svg.querySelectorAll('.tl-mark--ref').forEach((el) => el.classList.remove('tl-mark--ref'));
    if (on && nearest) nearest.markEl(id)?.classList.add('tl-mark--ref');
  };
  document.addEventListener('pointerover', (e) => toggle(e.target, true));
  document.addEventListener('pointerout', (e) => toggle(e.target, false));
  document.addEventListener('focusin', (e) => toggle(e.target, true));
  document.addEventListener('focusout', (e) => toggle(e.target, false));
}
