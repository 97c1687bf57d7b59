// <timeline-chart>: the small part that loads with the page. It waits until the chart comes
// near the viewport, then loads the interactive part (d3-zoom and the layout) and hands over.
// Before that, the build-time SVG is the chart: its marks are links to the events' pages.

class TimelineChart extends HTMLElement {
  #observer?: IntersectionObserver;

  connectedCallback() {
    // A deep link to an event of this chart, or a print request, needs the chart at once.
    const params = new URLSearchParams(location.search);
    const wanted = params.get('event') ?? (location.hash.startsWith('#event-') ? location.hash.slice(7) : null);
    if (wanted && this.querySelector(`[data-id="${CSS.escape(wanted)}"]`)) return void this.#load();
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
    this.#observer?.disconnect();
  }

  async #load() {
    this.#observer?.disconnect();
    if (this.dataset.loading) return;
    this.dataset.loading = '';
    const { mountTimeline } = await import('./timeline-interactive');
    mountTimeline(this);
  }
}

if (!customElements.get('timeline-chart')) customElements.define('timeline-chart', TimelineChart);
