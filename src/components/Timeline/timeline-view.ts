// The timeline's drawing: the chart's state (window, hidden tracks, focused and selected event,
// variant) laid out (layout.ts) and joined onto the variant's SVG (keyed-join.ts). The
// controller (timeline-interactive.ts) changes the state and calls render().
import {
  layoutPrepared,
  prepareTimeline,
  type TimelineLayout,
  type PreparedTimeline,
  type LayoutOptions,
} from '../../lib/timeline/layout';
import { namesPrefix, timelineSvgAttrs, timelineSvgLayers } from '../../lib/timeline/svg-model';
import type { TimelinePayload, TimelineVariant } from '../../lib/timeline/payload';
import { bindBuilt, joinNodes, type Drawn } from './keyed-join';

export class TimelineView {
  prepared: PreparedTimeline;
  hiddenTracks = new Set<string>();
  domain?: [number, number];
  selectedId?: string;
  focusId?: string;
  variant!: TimelineVariant;
  svg!: SVGSVGElement;
  /** What was drawn into each variant's SVG. */
  drawn = new Map<Element, Drawn>();
  layout!: TimelineLayout;
  /** While refocus() moves the keyboard's focus to the drawing's new tab stop (a focusin listener may wait). */
  refocusing = false;
  /**
   * Layouts made ahead, in idle time, of the windows the next zoom step would show (layAhead: in and out by
   * button or key, and by the wheel where the mouse rests), each with what else it was laid out for: render()
   * takes one whose window and state match.
   */
  private ahead: { domain: [number, number]; basis: unknown[]; layout: TimelineLayout }[] = [];
  /** How many redraws took a layout made ahead (for tests). */
  laidAheadTaken = 0;
  /** The detached copy of a variant's SVG that rehearse() draws onto, while rehearsals last. */
  private stage?: { svg: SVGSVGElement; drawn: Drawn };

  constructor(
    readonly root: HTMLElement,
    readonly payload: TimelinePayload,
  ) {
    this.prepared = prepareTimeline(payload.events, payload.tracks, payload.ui.layout.dates);
  }

  /** The events whose names the page lists (those the build drew as marks): read once. */
  private listedIds?: Set<string>;
  listed(): Set<string> {
    if (!this.listedIds) {
      const prefix = namesPrefix(this.payload.chart);
      this.listedIds = new Set(
        [...this.root.querySelectorAll('.tl-names li[id]')].map((li) => li.id.slice(prefix.length)),
      );
    }
    return this.listedIds;
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

  visibleVariant(): TimelineVariant['name'] {
    for (const name of ['narrow', 'column'] as const) {
      const el = this.root.querySelector<HTMLElement>(`.tl-variant--${name}`);
      if (el && getComputedStyle(el).display !== 'none') return name;
    }
    return 'wide';
  }

  /** Lays out the variant `name` (the one CSS shows) and binds its SVG: the build's drawing on `first` use. */
  showVariant(name: TimelineVariant['name'], first: boolean): void {
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
  }

  options(domain = this.domain): LayoutOptions {
    const o: LayoutOptions = { ...this.variant.options, words: this.payload.ui.layout };
    if (domain) o.domain = domain;
    if (this.hiddenTracks.size)
      o.visibleTracks = this.payload.tracks.map((t) => t.id).filter((id) => !this.hiddenTracks.has(id));
    return o;
  }

  computeLayout(domain = this.domain): TimelineLayout {
    return layoutPrepared(this.prepared, this.options(domain));
  }

  /** What a layout depends on besides its window: a layout made ahead for other ones is not used. */
  private basis(): unknown[] {
    return [this.variant, this.variant.options, [...this.hiddenTracks].join('\n')];
  }

  /** Lays out `domain` now (in idle time), for render() to take when a step shows it; keeps the last `keep`. */
  layAhead(domain: [number, number], keep: number): void {
    if (this.madeAhead(domain)) return;
    this.ahead = [...this.ahead.slice(1 - keep), { domain, basis: this.basis(), layout: this.computeLayout(domain) }];
  }

  /** The layout of `domain` made ahead for the state as it is, if any. */
  private madeAhead(domain: [number, number] | undefined): TimelineLayout | undefined {
    if (!domain) return undefined;
    const basis = this.basis();
    const hit = this.ahead.find(
      (a) => a.domain[0] === domain[0] && a.domain[1] === domain[1] && a.basis.every((b, i) => b === basis[i]),
    );
    return hit?.layout;
  }

  modelOptions() {
    return {
      uid: `tl-${this.payload.chart}-${this.variant.name}`,
      href: (id: string) => this.payload.eventHref.replace('{id}', id),
      label: this.svg.getAttribute('aria-label') ?? '',
      names: { prefix: namesPrefix(this.payload.chart), listed: (id: string) => this.listed().has(id) },
      focusId: this.focusId,
      selectedId: this.selectedId,
    };
  }

  /** Lays out the current state and joins it onto the SVG. */
  render(domain = this.domain): void {
    const t0 = performance.now();
    const made = this.madeAhead(domain);
    if (made) this.laidAheadTaken++;
    this.layout = made ?? this.computeLayout(domain);
    const t1 = performance.now();
    const model = this.modelOptions();
    writeAttrs(this.svg, timelineSvgAttrs(this.layout, model));
    const layers = timelineSvgLayers(this.layout, model);
    const t2 = performance.now();
    const focused = this.svg.contains(document.activeElement);
    joinNodes(this.drawn.get(this.svg)!, layers);
    // A focused mark or cluster the step took away: the keyboard's focus goes to the drawing's new tab
    // stop, not to the page's start, so the next key still zooms or moves; in a task after this frame,
    // as focusing makes the browser style the page at once (3–8 ms of the step's frame on a phone).
    if (focused && !this.svg.contains(document.activeElement)) setTimeout(() => this.refocus(), 0);
    // The benchmark (scripts/lib/bench-zoom.mjs) sets this array to split a frame's script time.
    (window as { __timelineRenders?: number[][] }).__timelineRenders?.push([t1 - t0, t2 - t1, performance.now() - t2]);
  }

  /** Focuses the drawing's tab stop, unless the reader has put the focus somewhere since. */
  private refocus(): void {
    const active = document.activeElement;
    if (active && active !== document.body) return;
    this.refocusing = true;
    this.svg.querySelector<SVGElement>('[tabindex="0"]')?.focus({ preventScroll: true });
    this.refocusing = false;
  }

  /**
   * One rehearsal of the zoom path (timeline-rehearsal.ts): `domain` laid out, its model built and
   * joined, as render() does, onto a detached copy of the SVG, made at the first rehearsal and kept
   * until endRehearsal(), so that successive windows rehearse the steps between them. The browser
   * styles and lays out the copy too (onStage()): its first layout and paint of a window's labels
   * cost the first real step more than the same work later (its caches of shaped words and glyphs
   * were cold). Nothing on the page changes.
   */
  rehearse(domain: [number, number]): void {
    const model = this.modelOptions();
    if (this.stage?.svg !== this.svg) {
      // Of the variant shown now; the copy is bound to the drawing it copies (the layout of the page's state).
      const copy = this.svg.cloneNode(true) as SVGSVGElement;
      // No ids: the page's stay unique while the copy is on it, and its references find the chart's clip path.
      for (const el of copy.querySelectorAll('[id]')) el.removeAttribute('id');
      this.stage = {
        svg: this.svg,
        drawn: { el: copy, key: 'svg', kids: bindBuilt(copy, timelineSvgLayers(this.layout, model)) },
      };
    }
    const layout = this.computeLayout(domain);
    writeAttrs(this.stage.drawn.el, timelineSvgAttrs(layout, model));
    joinNodes(this.stage.drawn, timelineSvgLayers(layout, model));
    onStage(this.svg, this.stage.drawn.el);
  }

  /** Drops the rehearsals' copy of the SVG. */
  endRehearsal(): void {
    this.stage = undefined;
  }

  vertical(): boolean {
    return this.variant.options.orientation === 'vertical';
  }

  markAt(id: string) {
    return this.layout.marks.find((m) => m.id === id);
  }

  markEl(id: string): SVGElement | null {
    return this.svg.querySelector(`.tl-marks [data-id="${CSS.escape(id)}"]`);
  }
}

/** Sets the SVG element's own attributes, writing only those that changed. */
function writeAttrs(el: Element, attrs: Record<string, string>): void {
  for (const [k, v] of Object.entries(attrs)) if (el.getAttribute(k) !== v) el.setAttribute(k, v);
}

/**
 * Puts `copy` on the page beside `svg`, where the same style rules and inherited styles apply to it,
 * has it styled and laid out at the width of `svg`, and takes it off again, all in this one task: the
 * browser never draws it, no reader sees it or reaches it, and no other script finds it. Absolutely
 * placed, it moves nothing.
 */
function onStage(svg: SVGSVGElement, copy: Element): void {
  copy.setAttribute('style', `position:absolute;left:0;top:0;width:${svg.getBoundingClientRect().width}px`);
  svg.after(copy);
  copy.getBoundingClientRect();
  copy.remove();
}
