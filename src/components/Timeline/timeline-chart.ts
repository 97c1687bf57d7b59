// <timeline-chart>: the small part that loads with the page. It waits until the chart comes
// near the viewport, then loads the interactive part (d3-zoom and the layout) and hands over.
// Before that, the build-time SVG is the chart: its marks are links to the events' pages.

class TimelineChart extends HTMLElement {
  #observer?: IntersectionObserver;

  #onHash = () => {
    if (this.#wanted()) this.#load();
  };

  /** Whether the URL asks for an event this chart holds (?event=<id> or #event-<id>; it may be in a cluster). */
  #wanted(): boolean {
    const id =
      new URLSearchParams(location.search).get('event') ??
      (location.hash.startsWith('#event-') ? location.hash.slice(7) : '');
    return !!id && !!this.querySelector('script.tl-payload')?.textContent?.includes(`"id":${JSON.stringify(id)}`);
  }

  connectedCallback() {
    // A deep link to an event of this chart needs the chart at once.
    addEventListener('hashchange', this.#onHash);
    if (this.#wanted()) return void this.#load();
    if (!('IntersectionObserver' in window)) return void this.#load();
    this.#observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.#load();
      },
      { rootMargin: '400px 0px' },
    );
    this.#observer.observe(this);
  }

  disconnectedCallback() {
    removeEventListener('hashchange', this.#onHash);
    this.#observer?.disconnect();
  }

  async #load() {
    this.#observer?.disconnect();
    removeEventListener('hashchange', this.#onHash);
    if (this.dataset.loading !== undefined) return;
    this.dataset.loading = '';
    const { mountTimeline } = await import('./timeline-interactive');
    mountTimeline(this);
  }
}

if (!customElements.get('timeline-chart')) customElements.define('timeline-chart', TimelineChart);
