// The interactive timeline's surroundings: the toolbar's hint and folded track filters, the
// status line a screen reader hears, and the story's references to events (hovering or focusing
// one marks the event on the nearest chart that shows it).
import { formatPartialDate } from '../../lib/dates';
import type { TimelineLayout } from '../../lib/timeline/layout';
import type { TimelinePayload } from '../../lib/timeline/payload';
import { fill } from '../../lib/ui/fill';

type Words = TimelinePayload['ui'];

let hinted = false;

/**
 * "Drag to pan · …", once per browsing session, in the toolbar's row of `root` (its room is
 * already there); it fades after ten seconds or when `hide` is called (the reader zoomed). Where
 * the row has no room for it (the track buttons run along it), it stays out of sight until a
 * resize makes room: it never covers a button nor makes the row taller.
 */
export function showHint(root: HTMLElement, ui: Words): { hide: () => void } | undefined {
  if (hinted) return undefined;
  hinted = true;
  try {
    if (sessionStorage.getItem('tl-hint')) return undefined;
    sessionStorage.setItem('tl-hint', '1');
  } catch {
    // Storage is off (a sandboxed frame): the hint shows once per page.
  }
  const hint = document.createElement('p');
  hint.className = 'tl-hint';
  hint.textContent = matchMedia('(hover: none)').matches ? ui.hintTouch : ui.hintMouse;
  root.querySelector('.tl-controls')?.append(hint);
  const toolbar = root.querySelector('.tl-toolbar');
  const place = () => (hint.hidden = !!toolbar && !fitsBeside(hint, toolbar));
  place();
  const resized = new ResizeObserver(place);
  if (toolbar) resized.observe(toolbar);
  const handle = {
    hide: () => {
      resized.disconnect();
      hint.classList.add('tl-hint--gone');
    },
  };
  setTimeout(handle.hide, 10_000);
  return handle;
}

/** Whether `hint`, where CSS puts it (right of the toolbar's first row), keeps clear of every button and within that row. */
function fitsBeside(hint: HTMLElement, toolbar: Element): boolean {
  hint.hidden = false;
  const h = hint.getBoundingClientRect();
  if (!h.width) return true; // Not shown at this width (CSS).
  const gap = 8;
  const buttons = [...toolbar.querySelectorAll('button')].map((b) => b.getBoundingClientRect()).filter((r) => r.width);
  const row = buttons.reduce((bottom, r) => Math.min(bottom, r.bottom), Infinity);
  return (
    h.bottom <= row + 0.5 &&
    buttons.every((r) => r.right + gap <= h.left || r.left >= h.right + gap || r.bottom <= h.top || r.top >= h.bottom)
  );
}

/** In narrow containers the track buttons fold under one "Tracks" button (Timeline.css). */
export function toggleFilters(root: HTMLElement, button: HTMLButtonElement): void {
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', String(open));
  root.querySelector('.tl-filters')?.toggleAttribute('data-open', open);
}

/** The status line after a zoom step: the window and what it shows, its dates in the payload's words. */
export function windowStatus(layout: TimelineLayout, ui: Words): string {
  const fmt = (t: number) => formatPartialDate(new Date(t).toISOString().slice(0, 10), ui.layout.dates);
  const [a, b] = layout.domain;
  return fill(ui.showing, { from: fmt(a), to: fmt(b), events: layout.marks.length, groups: layout.clusters.length });
}

/** The status line after a track filter changed: how many events the chart shows. */
export function shownStatus(layout: TimelineLayout, ui: Words): string {
  return fill(ui.shown, { events: layout.marks.length + layout.clusters.reduce((n, c) => n + c.count, 0) });
}

/** What event references need of a chart. */
interface RefTarget {
  root: HTMLElement;
  svg: SVGSVGElement;
  timeOf: Map<string, number>;
  markEl(id: string): SVGElement | null;
}

/** Marks the event a story reference ([data-event-ref]) points at while it is hovered or focused. */
export function listenToEventRefs(charts: readonly RefTarget[]): void {
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
