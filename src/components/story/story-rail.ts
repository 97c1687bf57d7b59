// <story-rail>: follows the section of the story in view (the last heading above the window's middle)
// and lights up, in the rail's strip, the events that section refers to; Previous/Next step
// from heading to heading. No library.

class StoryRail extends HTMLElement {
  connectedCallback() {
    const story = document.querySelector<HTMLElement>('.story');
    if (!story) return;
    const headings = [...story.querySelectorAll<HTMLElement>(':scope > h2')];
    if (!headings.length) return;
    const refs = [...story.querySelectorAll<HTMLAnchorElement>('[data-event-ref]')];
    const sectionOf = (el: Element) => {
      let index = -1;
      for (const [i, h] of headings.entries()) {
        if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) index = i;
      }
      return index;
    };
    const sections = headings.map(() => new Map<string, string>());
    for (const ref of refs) {
      const i = sectionOf(ref);
      if (i >= 0) sections[i].set(ref.dataset.eventRef!, ref.dataset.eventLabel || ref.textContent || '');
    }
    const label = this.querySelector<HTMLElement>('.rail-section')!;
    const list = this.querySelector<HTMLOListElement>('.rail-events')!;
    const dots = new Map([...this.querySelectorAll<SVGPathElement>('.rail-dot')].map((d) => [d.dataset.id!, d]));
    const at = (id: string) => Number(dots.get(id)?.dataset.t ?? Infinity);
    let current = -1;
    const show = (i: number) => {
      if (i === current) return;
      current = i;
      for (const d of dots.values()) d.classList.remove('on');
      list.replaceChildren();
      // A new section's list starts at its top, not where the reader left the last one's.
      list.scrollTop = 0;
      label.textContent = i >= 0 ? headings[i].textContent : '';
      // In date order (each dot carries its event's date), as first mentioned where two share a day: in the
      // order of mention a section's list read "7 June, 10 June, 7 June, 10 June".
      const entries = [...(i >= 0 ? sections[i] : [])].sort(([a], [b]) => at(a) - at(b) || 0);
      for (const [id, title] of entries) {
        dots.get(id)?.classList.add('on');
        const li = document.createElement('li');
        const a = document.createElement('a');
        a.href = refs.find((r) => r.dataset.eventRef === id)!.href;
        a.textContent = title;
        li.append(a);
        list.append(li);
      }
    };
    // The section in view is the last heading above the middle of the window, found again at most once a
    // frame as the page scrolls. (Watching the headings cross the middle missed jumps: End, a dragged
    // scrollbar or a link can carry the page past several headings without one ever being at the middle.)
    let queued = false;
    const update = () => {
      queued = false;
      // Not drawn (a phone's layout hides the rail): nothing to follow until a resize shows it.
      if (this.getClientRects().length === 0) return;
      let best = -1;
      for (const [i, h] of headings.entries()) if (h.getBoundingClientRect().top < innerHeight / 2) best = i;
      show(best);
    };
    const queue = () => {
      if (queued) return;
      queued = true;
      requestAnimationFrame(update);
    };
    addEventListener('scroll', queue, { passive: true });
    addEventListener('resize', queue);
    queue();
    const steps = this.querySelector<HTMLElement>('.rail-steps')!;
    steps.hidden = false;
    steps.addEventListener('click', (e) => {
      const step = Number((e.target as HTMLElement).closest<HTMLButtonElement>('button')?.dataset.step);
      if (!step) return;
      const next = headings[Math.max(0, Math.min(headings.length - 1, current + step))];
      const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
      next.scrollIntoView({ behavior: reduce ? 'auto' : 'smooth', block: 'start' });
      next.setAttribute('tabindex', '-1');
      next.focus({ preventScroll: true });
      show(headings.indexOf(next));
    });
  }
}

if (!customElements.get('story-rail')) customElements.define('story-rail', StoryRail);
