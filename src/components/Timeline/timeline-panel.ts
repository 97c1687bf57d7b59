// The details panel of the interactive timeline: an event's details (rendered at build time by
// EventDetails.astro, loaded once for every chart on the page), beside the chart where the page has
// room, else beside its mark on wide charts, or along the bottom of the screen on phones, and
// following its mark as the chart zooms; and the tooltip of a mark or cluster.
import type { EventMark, LayoutEvent, TimelineLayout } from '../../lib/timeline/layout';
import { tipPosition, type Rect } from '../roving-tip';
import type { TimelinePayload } from '../../lib/timeline/payload';
import { fill } from '../../lib/ui/fill';
import { fetchOnce } from './timeline-events';

/** Each event's details as markup, by event id (/data/timeline-details.json). */
type DetailsMarkup = Record<string, string>;

/**
 * The details of every event (one request for all charts: fetchOnce), or undefined when they did not
 * load (an HTTP error, a network error, not JSON): the next opening of a panel then asks again. Never rejects.
 */
export function loadDetails(url: string): Promise<DetailsMarkup | undefined> {
  return fetchOnce(url, (all) => {
    if (!all || typeof all !== 'object') throw new Error(`${url}: not the events' details`);
    return all as DetailsMarkup;
  }).catch((error: unknown) => {
    console.warn('The event details did not load; the panel links to the event page instead.', error);
    return undefined;
  });
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
  return { left, top: topBeside(symbol, h, bounds) };
}

/** A panel's top beside a symbol: a little above the symbol's middle, the panel kept inside `bounds`. */
const topBeside = (symbol: Rect, h: number, bounds: Rect) =>
  Math.max(bounds.top, Math.min((symbol.top + symbol.bottom) / 2 - 24, bounds.bottom - h));

/**
 * Where a panel of `w` × `h` goes beside the whole chart (viewport coordinates), where the page has room
 * for it right of the chart (else left of it) inside `viewport`: the chart, its selected mark and the lines
 * to its related events then stay in sight. Its top a little above the symbol, as placeBeside's. Undefined
 * when neither side has room (an embed, a phone, a narrow window).
 */
export function placeOutside(
  chart: Rect,
  symbol: Rect,
  w: number,
  h: number,
  viewport: Rect,
  gap = 12,
): { left: number; top: number } | undefined {
  let left: number;
  if (chart.right + gap + w <= viewport.right) left = chart.right + gap;
  else if (chart.left - gap - w >= viewport.left) left = chart.left - gap - w;
  else return undefined;
  return { left, top: topBeside(symbol, h, viewport) };
}

/** The panel of one chart (`box`, the chart's .tl-details). */
export class DetailsPanel {
  /** The open panel beside a mark: its page position, and the mark's layout position and SVG scale then. */
  private anchor?: { left: number; top: number; x: number; y: number; scale: number; min: number; max: number };

  constructor(
    readonly box: HTMLElement,
    private root: HTMLElement,
    private eventHref: string,
    private ui: TimelinePayload['ui'],
  ) {}

  /**
   * Shows the event's details (`markup`, our own build output), or when they did not load its title
   * and a link to its page (the next opening tries again). The heading is one level under the chart's
   * figure heading.
   */
  fill(id: string, markup: string | undefined, event: LayoutEvent | undefined): void {
    const box = this.box;
    box.className = `tl-details scroll-shades${event ? ` tc-${event.track}` : ''}`;
    const ui = this.ui;
    const close = el('button', ui.close, 'tl-details__close');
    close.type = 'button';
    close.setAttribute('aria-label', ui.closeLabel);
    const body = document.createElement('template');
    if (markup) body.innerHTML = markup;
    else {
      const page = el('a', ui.openPage);
      page.href = this.eventHref.replace('{id}', id);
      el('h3', event?.title ?? id, undefined, body.content);
      const [before, after = ''] = ui.detailsFailed.split('{link}');
      el('p', before, 'tl-details__fallback', body.content).append(page, after);
    }
    let heading = body.content.querySelector('h3')!;
    if (!this.root.closest('figure')?.querySelector('h2')) {
      const h4 = document.createElement('h4');
      if (heading.dir) h4.dir = heading.dir;
      h4.append(...heading.childNodes);
      heading.replaceWith(h4);
      heading = h4;
    }
    box.setAttribute('aria-label', fill(ui.detailsLabel, { title: heading.textContent ?? '' }));
    box.replaceChildren(close, body.content);
  }

  /** Shows the panel, in the top layer (a manual popover) where the browser has one: it then escapes the chart's containment and any stacking. */
  open(): void {
    const box = this.box;
    box.hidden = false;
    if (box.showPopover && !box.matches(':popover-open')) {
      box.popover = 'manual';
      box.showPopover();
    }
  }

  close(): void {
    this.anchor = undefined;
    if (this.box.matches(':popover-open')) this.box.hidePopover();
    this.box.hidden = true;
  }

  /**
   * Puts the open panel beside its mark (wide charts) or along the bottom of the screen (phones,
   * `sheet`). `mark` is the mark's element and `at` its place in the layout, `scale` the SVG's.
   */
  place(sheet: boolean, mark: Element | null, at: EventMark | undefined, scale: number): void {
    const box = this.box;
    box.classList.toggle('tl-details--sheet', sheet);
    box.style.left = box.style.top = box.style.width = '';
    this.anchor = undefined;
    const s = mark?.querySelector('.tl-mark__symbol')?.getBoundingClientRect();
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
    // A popover (in the top layer) may go beside the chart, over the page, where the page has room for a
    // panel at least 280 px wide: it then covers none of the chart. Without popover support the panel is
    // placed in the chart.
    const popover = box.matches(':popover-open');
    const viewport = { left: 4, right: innerWidth - 4, top: 8, bottom: innerHeight - 8 };
    const room = Math.max(viewport.right - root.right, root.left - viewport.left) - 12;
    const besideChart = popover && room >= 280;
    box.style.width = `${besideChart ? Math.min(352, room) : Math.min(352, (bounds.right - bounds.left) * 0.46)}px`;
    const outside = besideChart ? placeOutside(root, s, box.offsetWidth, box.offsetHeight, viewport) : undefined;
    const p = outside ?? placeBeside(mark.getBoundingClientRect(), s, box.offsetWidth, box.offsetHeight, bounds);
    const origin = popover ? { left: -scrollX, top: -scrollY } : root;
    const left = p.left - origin.left;
    const top = p.top - origin.top;
    box.style.left = `${left}px`;
    box.style.top = `${top}px`;
    if (at) {
      // Beside the chart, it follows its mark up and down only; beside the mark, across too.
      const max = outside ? left : bounds.right - origin.left - box.offsetWidth;
      this.anchor = { left, top, x: at.x, y: at.y, scale, min: outside ? left : bounds.left - origin.left, max };
    }
  }

  /** After a zoom step, moves the open panel as far as its mark moved (from the layout: no DOM read). */
  follow(at: EventMark | undefined): void {
    const a = this.anchor;
    if (!a || !at) return;
    this.box.style.left = `${Math.max(a.min, Math.min(a.max, a.left + (at.x - a.x) * a.scale))}px`;
    this.box.style.top = `${a.top + (at.y - a.y) * a.scale}px`;
  }
}

/** Shows the tooltip `tip` for a mark or cluster element of the chart laid out as `layout`. */
export function showMarkTip(tip: HTMLElement, mark: Element, layout: TimelineLayout, ui: TimelinePayload['ui']): void {
  const id = mark.getAttribute('data-id')!;
  const m = layout.marks.find((x) => x.id === id);
  const c = m ? undefined : layout.clusters.find((x) => x.id === id);
  if (!m && !c) return;
  tip.replaceChildren();
  const strong = el('strong', m ? m.dateText : c!.dateText);
  tip.append(strong, m ? m.title : fill(ui.cluster, { count: c!.count }));
  tip.hidden = false;
  // Below the mark, from its left edge; 200 px is the tooltip's widest.
  const at = tipPosition(mark.getBoundingClientRect(), tip.parentElement!.getBoundingClientRect(), 200, 0, 6, false);
  tip.style.left = `${at.left}px`;
  tip.style.top = `${at.top}px`;
}

/** A new element with its text and class, appended to `parent` if given. */
function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  text?: string,
  cls?: string,
  parent?: ParentNode,
): HTMLElementTagNameMap[K] {
  const x = document.createElement(tag);
  if (text !== undefined) x.textContent = text;
  if (cls) x.className = cls;
  parent?.append(x);
  return x;
}
