// The interactive timeline, loaded when a chart comes into view: zoom and pan (timeline-zoom.ts),
// a keyboard path through every event (nextFocus in roving-tip.ts), track filters, a tooltip, a
// details panel beside the mark (timeline-panel.ts; a bottom sheet on phones) and deep links
// (url-state.ts: ?event=<id>, #event-<id>). This controller wires them to the chart's drawing
// (timeline-view.ts): every redraw is layoutPrepared() → timelineSvgLayers() → a keyed join
// (keyed-join.ts) onto the build's SVG, so the first redraw of the build-time state changes nothing.
// (d3-zoom first: the order of the modules in the chunk is this order, and gzip packs it best so.)
import { TimelineZoom, ZOOM_STEP, wheelZoom } from './timeline-zoom';
import { partialDateMidpoint } from '../../lib/dates';
import { toU } from '../../lib/timeline/warp';
import type { TimelinePayload, TimelineVariant } from '../../lib/timeline/payload';
import { TimelineView } from './timeline-view';
import { DetailsPanel, loadDetails, showMarkTip } from './timeline-panel';
import { chartFor, pushUrl, wantedEvent } from './url-state';
import { listenToEventRefs, showHint, shownStatus, windowStatus } from './timeline-toolbar';
import { onClick, onKey } from './timeline-input';
import { boundAll } from './keyed-join';
import { nextFocus, nextFocusFromGroup, type Move } from '../roving-tip';
import { rehearsalWindows, runWhenIdle } from './timeline-rehearsal';

/** What a reader does on the chart before a first zoom: the rehearsals start on the first of them. */
const INTENT = ['pointerenter', 'focusin', 'touchstart'] as const;
/** How long after a zoom step, with none since, the tooltip comes back and the new window is announced (ms). */
const STEPS_PAUSE = 150;

const charts: TimelineController[] = [];

/** Takes over a <timeline-chart> whose build-time SVG is in place, with its payload and events (timeline-events.ts). */
export function mountTimeline(root: HTMLElement, payload: TimelinePayload): void {
  if (root.dataset.ready !== undefined) return;
  const chart = new TimelineController(root, payload);
  // The current window, for tests and the benchmark (a property, not an attribute: no DOM write).
  Object.defineProperty(root, 'timelineDomain', { get: () => [...chart.layout.domain], configurable: true });
  // The window's length in the axis's linear units (zoom steps are even in these, not in days, where a focus warps time).
  Object.defineProperty(root, 'timelineSpanU', {
    get: () => toU(chart.layout.warp, chart.layout.domain[1]) - toU(chart.layout.warp, chart.layout.domain[0]),
    configurable: true,
  });
  // How many zoom windows were rehearsed off the page (timeline-rehearsal.ts), for tests.
  Object.defineProperty(root, 'timelineRehearsed', { get: () => chart.rehearsed, configurable: true });
  // How many redraws took a layout made ahead in idle time (timeline-view.ts, layAhead), for tests.
  Object.defineProperty(root, 'timelineLaidAhead', { get: () => chart.laidAheadTaken, configurable: true });
  if (charts.length === 1) listenToEventRefs(charts);
}

// ─── One chart ───────────────────────────────────────────────────────────────

class TimelineController extends TimelineView {
  order: string[];
  trackOf: Map<string, string>;
  timeOf: Map<string, number>;
  zoom!: TimelineZoom;
  frame = 0;
  tooltip: HTMLElement;
  /** The mark the tooltip is about, while it shows. */
  tipMark?: Element;
  panel: DetailsPanel;
  status: HTMLElement;
  hint?: { hide: () => void };
  /** Zoom windows rehearsed off the page so far (timeline-rehearsal.ts). */
  rehearsed = 0;

  constructor(root: HTMLElement, payload: TimelinePayload) {
    super(root, payload);
    this.timeOf = new Map(payload.events.map((e) => [e.id, partialDateMidpoint(e.date)]));
    this.trackOf = new Map(payload.events.map((e) => [e.id, e.track]));
    this.order = payload.events
      .map((e) => e.id)
      .sort((a, b) => this.timeOf.get(a)! - this.timeOf.get(b)! || a.localeCompare(b));
    this.tooltip = root.querySelector('.tl-tooltip')!;
    this.panel = new DetailsPanel(root.querySelector('.tl-details')!, root, payload.eventHref, payload.ui);
    this.status = root.querySelector('.tl-status')!;
    charts.push(this);

    this.useVariant(this.visibleVariant(), true);
    new ResizeObserver(() => {
      const name = this.visibleVariant();
      if (name !== this.variant.name) this.useVariant(name, false);
      if (this.selectedId && !this.panel.box.hidden) this.placePanel();
    }).observe(root);

    root.querySelector('.tl-toolbar')?.removeAttribute('hidden');
    root.addEventListener('click', (e) => onClick(this, e));
    root.addEventListener('keydown', (e) => onKey(this, e));
    root.addEventListener('pointerover', (e) => this.showTooltip(e.target));
    root.addEventListener('pointermove', (e) => this.mouseMoved(e), { passive: true });
    root.addEventListener('pointerleave', () => (this.mouseAt = undefined), { passive: true });
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
    this.hint = showHint(root, payload.ui);
    this.fromUrl(true);
    const fitted = (document.fonts?.ready ?? Promise.resolve()).then(() => this.fitFont());
    // Warm the zoom path (timeline-rehearsal.ts) once the reader comes to the chart: a pointer over it, a
    // focus in it or a touch comes before any zoom, and a page whose chart nobody touches pays nothing (at
    // load, the rehearsals were tasks that a phone's first taps waited behind).
    const warm = () => {
      for (const type of INTENT) root.removeEventListener(type, warm);
      void fitted.then(() => this.rehearseAll());
    };
    for (const type of INTENT) root.addEventListener(type, warm, { passive: true });
  }

  /** Rehearses the zoom path off the page, one window per idle moment (timeline-rehearsal.ts). */
  private rehearseAll(): void {
    const windows = rehearsalWindows(this.layout.domain, this.layout.warp, ZOOM_STEP);
    runWhenIdle(
      windows.length,
      (i) => {
        this.rehearse(windows[i]);
        this.rehearsed++;
      },
      () => {
        this.endRehearsal();
        this.warmed = true;
        // For the bench, which waits for it before its first step.
        this.layAheadWhenIdle(() => (this.root.dataset.warm = ''));
      },
    );
  }

  /** Once the rehearsals are done: after each redraw, the layouts of the next steps (layAhead). */
  private warmed = false;
  private aheadRound = 0;
  /** Where a mouse rests on the chart (client px), for the window of a ctrl+wheel notch there. */
  private mouseAt?: { clientX: number; clientY: number };
  private mouseTimer = 0;

  /**
   * Lays out the windows of the next zoom step in and out by button or key, and by a ctrl+wheel notch
   * (100 px, as a mouse's in Chromium) where the mouse rests, one per idle moment, so that such a step
   * finds its layout made (about 3 ms of a phone's frame at 5,002 events); a redraw or a move of the mouse
   * before they are made starts them again.
   */
  private layAheadWhenIdle(done?: () => void): void {
    const round = ++this.aheadRound;
    const at = this.mouseAt;
    const windows = [
      () => this.zoom.peek(ZOOM_STEP),
      () => this.zoom.peek(1 / ZOOM_STEP),
      ...(at ? [-100, 100].map((deltaY) => () => this.zoom.peek(Math.pow(2, wheelZoom(deltaY, 0)), at)) : []),
    ];
    runWhenIdle(
      windows.length,
      (i) => {
        if (round === this.aheadRound) this.layAhead(windows[i](), windows.length);
      },
      () => done?.(),
    );
  }

  /** A mouse moved over the chart: once it rests (100 ms), the windows of a ctrl+wheel notch there are laid out. */
  private mouseMoved(event: PointerEvent): void {
    if (event.pointerType !== 'mouse') return;
    this.mouseAt = { clientX: event.clientX, clientY: event.clientY };
    clearTimeout(this.mouseTimer);
    if (this.warmed) this.mouseTimer = window.setTimeout(() => this.layAheadWhenIdle(), 100);
  }

  useVariant(name: TimelineVariant['name'], first: boolean): void {
    this.showVariant(name, first);
    this.zoom = new TimelineZoom(
      this.svg,
      () => this.layout,
      this.vertical(),
      this.domain ?? this.layout.domain,
      (domain, byReader) => {
        if (this.hint && byReader) {
          this.hint.hide();
          this.hint = undefined;
        }
        this.domain = domain;
        cancelAnimationFrame(this.frame);
        this.frame = requestAnimationFrame(() => this.render());
      },
    );
    // The build's drawing of this state is bound as it is (showVariant): no second layout and join of
    // the same state while the page loads. Another variant, or a build drawing that did not match, is drawn.
    if (!first || !boundAll(this.drawn.get(this.svg)!.kids)) this.render();
  }

  // ── zoom ──

  render(domain = this.domain): void {
    super.render(domain);
    if (this.warmed) this.layAheadWhenIdle();
    if (this.selectedId) this.panel.follow(this.markAt(this.selectedId));
    // A tooltip whose mark the zoom removed (a "+N" clicked open: the pointer has not moved, so no
    // pointerout) would cover the events now drawn there; one whose mark moved goes with it, once the
    // steps pause (placing it reads the page's layout, which in the step's frame would lay the page out twice).
    if (this.tipMark) {
      if (this.tipMark.isConnected) this.tipAfterSteps(this.tipMark);
      else this.hideTooltip();
    }
  }

  zoomBy(factor: number): void {
    this.zoom.by(factor);
    this.announce();
  }

  zoomTo(domain: readonly [number, number]): void {
    this.zoom.to(domain);
  }

  reset(): void {
    this.zoomTo(this.variant.options.domain ?? this.layout.fullDomain);
    this.announce();
  }

  private announceTimer = 0;

  /**
   * Tells a screen reader the window shown, once no zoom step has come for STEPS_PAUSE ms: one message for a
   * run of steps, not one cut off by the next, and its text is set outside the step's frame. (Set in the frame,
   * the first "+" on a phone at 5,002 events took 22 ms of main-thread CPU, median of 5 loads, against 15.)
   */
  announce(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = window.setTimeout(
      () => (this.status.textContent = windowStatus(this.layout, this.payload.ui)),
      STEPS_PAUSE,
    );
  }

  // ── selection and keyboard ──

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

  move(from: string | undefined, how: Move, cluster?: string): void {
    const hidden = this.hiddenTracks;
    const order = this.order.filter((id) => !hidden.has(this.trackOf.get(id)!));
    const rows = {
      rows: this.payload.tracks.map((t) => t.id).filter((id) => !hidden.has(id)),
      rowOf: (id: string) => this.trackOf.get(id)!,
      timeOf: (id: string) => this.timeOf.get(id)!,
    };
    const group = cluster ? this.layout.clusters.find((c) => c.id === cluster)?.ids : undefined;
    const target = group ? nextFocusFromGroup(order, group, how, rows) : nextFocus(order, from, how, rows);
    if (target && target !== from) this.reveal(target);
    else if (from) this.markEl(from)?.focus();
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
    clearTimeout(this.announceTimer);
    this.status.textContent = shownStatus(this.layout, this.payload.ui);
  }

  // ── details panel and deep links ──

  /** Opens an event's details beside its mark, without scrolling the page (unless `centre`: a deep link). */
  async select(id: string, push: boolean, centre = false): Promise<void> {
    this.selectedId = id;
    this.focusId = id;
    this.reveal(id, false);
    if (push) pushUrl(id, this.payload.chart);
    const all = await loadDetails(this.payload.detailsUrl);
    // The browser's own jump to a #fragment (and its scroll restoration) is over by `load`: centre after it.
    if (centre && document.readyState !== 'complete')
      await new Promise((r) => addEventListener('load', r, { once: true }));
    if (this.selectedId !== id) return;
    const panel = this.panel;
    panel.fill(
      id,
      all?.[id],
      this.payload.events.find((e) => e.id === id),
    );
    panel.box.hidden = false;
    this.centre(id, centre);
    panel.open();
    this.placePanel();
    panel.box.focus({ preventScroll: true });
  }

  close(push: boolean): void {
    const id = this.selectedId;
    this.selectedId = undefined;
    this.panel.close();
    this.render();
    if (push) pushUrl(undefined, this.payload.chart);
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
    const id = this.selectedId;
    const scale = this.svg.getBoundingClientRect().width / this.layout.size.width;
    this.panel.place(
      this.variant.name === 'narrow',
      id ? this.markEl(id) : null,
      id ? this.markAt(id) : undefined,
      scale,
    );
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
      if (id !== this.selectedId || this.panel.box.hidden || centre) void this.select(id, false, centre);
    } else if (this.selectedId) this.close(false);
  }

  // ── tooltip ──

  showTooltip(target: EventTarget | null): void {
    const mark = (target as Element | null)?.closest?.('.tl-marks [data-id], .tl-cluster');
    if (!mark) return;
    this.tipMark = mark;
    // The focus a zoom step moved to the new tab stop (TimelineView.refocus): its tooltip after the steps.
    if (this.refocusing) this.tipAfterSteps(mark);
    else showMarkTip(this.tooltip, mark, this.layout, this.payload.ui);
  }

  hideTooltip(): void {
    clearTimeout(this.tipTimer);
    this.tooltip.hidden = true;
    this.tipMark = undefined;
  }

  private tipTimer = 0;

  /** Hides the tooltip now and shows it at `mark` once no zoom step has come for STEPS_PAUSE ms. */
  private tipAfterSteps(mark: Element): void {
    this.tooltip.hidden = true;
    clearTimeout(this.tipTimer);
    this.tipTimer = window.setTimeout(() => {
      if (this.tipMark === mark && mark.isConnected) showMarkTip(this.tooltip, mark, this.layout, this.payload.ui);
    }, STEPS_PAUSE);
  }
}
