// <chart-tooltip>: wraps a build-time chart and shows the text of its marks on hover and on
// keyboard focus. Marks are the chart's items: the tip is their accessible name, split into lines where
// tipItem joined them (or their data-tip, where it had to keep them, see svg-parts.ts); the chart
// gives the first one tabindex="0" and the rest "-1", and the arrow keys, Home and End move
// between the visible ones (a roving tabindex). Escape hides the tip. Without JavaScript the
// chart, its accessible names and its table are all still there. Which mark a key moves to and
// where the tip goes are roving-tip.ts's, shared with the timeline.
import { moveFor, nextFocus, tipPosition } from '../roving-tip';
import { TIP_JOIN } from '../../lib/charts/tip';

const ITEM = '.item[aria-label]';

class ChartTooltip extends HTMLElement {
  private tip?: HTMLDivElement;
  private current?: Element;

  connectedCallback(): void {
    if (this.tip) return;
    const tip = document.createElement('div');
    tip.className = 'chart-tip';
    tip.setAttribute('aria-hidden', 'true');
    tip.hidden = true;
    this.append(tip);
    this.tip = tip;
    const showItem = (e: Event) => {
      const item = this.itemOf(e.target);
      if (item) this.show(item);
    };
    this.addEventListener('pointerover', showItem);
    this.addEventListener('pointerleave', () => {
      if (!this.contains(document.activeElement)) this.hide();
    });
    this.addEventListener('focusin', showItem);
    this.addEventListener('focusout', (e) => {
      if (!this.contains(e.relatedTarget as Node | null)) this.hide();
    });
    this.addEventListener('keydown', (e) => this.key(e));
  }

  private itemOf(target: EventTarget | null): Element | null {
    return target instanceof Element ? target.closest(ITEM) : null;
  }

  /** The marks of the variant on screen (the other one is display: none). */
  private items(): Element[] {
    return Array.from(this.querySelectorAll(ITEM)).filter((el) => el.getClientRects().length > 0);
  }

  private key(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      this.hide();
      return;
    }
    const items = this.items();
    const item = this.itemOf(e.target);
    if (!item || items.length === 0) return;
    const move = moveFor(e.key);
    if (!move) return;
    const target = nextFocus(items, item, move) as HTMLElement | SVGElement;
    e.preventDefault();
    item.setAttribute('tabindex', '-1');
    target.setAttribute('tabindex', '0');
    target.focus();
  }

  private show(item: Element): void {
    const tip = this.tip!;
    if (this.current !== item) {
      this.current = item;
      const lines =
        item.getAttribute('data-tip')?.split('\n') ?? (item.getAttribute('aria-label') ?? '').split(TIP_JOIN);
      tip.replaceChildren(
        ...lines.map((line, i) => {
          const span = document.createElement('span');
          if (i === 0) span.className = 'chart-tip-head';
          span.dir = 'auto';
          span.textContent = line;
          return span;
        }),
      );
    }
    tip.hidden = false;
    // Above the mark's anchor (its bar, its symbol), kept inside the chart; below when there is no room.
    const anchor = item.querySelector('[data-anchor]') ?? item;
    const at = tipPosition(
      anchor.getBoundingClientRect(),
      this.getBoundingClientRect(),
      tip.offsetWidth,
      tip.offsetHeight,
      8,
      true,
    );
    tip.style.left = `${Math.round(at.left)}px`;
    tip.style.top = `${Math.round(at.top)}px`;
  }

  private hide(): void {
    if (this.tip) this.tip.hidden = true;
    this.current = undefined;
  }
}

if (!customElements.get('chart-tooltip')) customElements.define('chart-tooltip', ChartTooltip);
