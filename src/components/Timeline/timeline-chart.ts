// <timeline-chart>: the small part that loads with the page. It waits until the chart comes
// near the viewport, then loads the interactive part (d3-zoom and the layout) and hands over.
// Before that, the build-time SVG is the chart: its marks are links to the events' pages.
// If the interactive part or the chart's events fail to load (a network error, or an old page during a deploy whose
// chunk is gone), the build-time chart stays as it is, without the toolbar's reserved room
// (data-failed), and the next interaction with the chart tries once more.

import type { TimelinePayload } from '../../lib/timeline/payload';
import { holds, shippedPayload, withEvents } from './timeline-events';
import { failedModule, retryAddress } from './module-retry';

/** What counts as the reader turning to the chart again, after a failed load. */
const RETRY_ON = ['pointerdown', 'focusin', 'keydown'] as const;

/**
 * The interactive part's address, read from the browser's error once importing it failed. Chromium (150)
 * keeps a failed module import and fails again at once, without asking the server, so a retry asks for
 * the same file under another address (?retry=N). A browser whose error does not name the file retries
 * the import as it was.
 */
let failedChunk: string | undefined;
let retries = 0;

function interactivePart(): Promise<typeof import('./timeline-interactive')> {
  if (!failedChunk) return import('./timeline-interactive');
  retries += 1;
  return import(/* @vite-ignore */ retryAddress(failedChunk, retries));
}

class TimelineChart extends HTMLElement {
  #observer?: IntersectionObserver;

  #onHash = () => {
    if (this.#wanted()) this.#load();
  };

  #retry = () => this.#load();

  /**
   * Whether the URL asks for an event this chart holds (?event=<id> or #event-<id>; it may be in a
   * cluster), or may hold: a chart whose events are in a file not loaded yet loads to find out.
   */
  #wanted(): boolean {
    const id =
      new URLSearchParams(location.search).get('event') ??
      (location.hash.startsWith('#event-') ? location.hash.slice(7) : '');
    return !!id && holds(this, id) !== false;
  }

  connectedCallback() {
    // A deep link to an event of this chart needs the chart at once.
    addEventListener('hashchange', this.#onHash);
    if (this.#wanted()) return void this.#load();
    if (!('IntersectionObserver' in window)) return void this.#load();
    this.#observe(false);
  }

  disconnectedCallback() {
    this.#stopWaiting();
  }

  /**
   * Loads when the chart comes near the viewport; `again` (after a failed load): only when it
   * comes back after having been away, not at once because it is still in sight.
   */
  #observe(again: boolean) {
    let away = !again;
    this.#observer = new IntersectionObserver(
      (entries) => {
        const near = entries.some((e) => e.isIntersecting);
        if (near && away) this.#load();
        else if (!near) away = true;
      },
      { rootMargin: '400px 0px' },
    );
    this.#observer.observe(this);
  }

  #stopWaiting() {
    this.#observer?.disconnect();
    this.#observer = undefined;
    removeEventListener('hashchange', this.#onHash);
    for (const type of RETRY_ON) this.removeEventListener(type, this.#retry);
  }

  async #load() {
    this.#stopWaiting();
    if (this.dataset.loading !== undefined) return;
    this.dataset.loading = '';
    let loaded: [typeof import('./timeline-interactive'), TimelinePayload];
    try {
      // The interactive part and, for a chart of every event of its tracks, its events (fetched beside it).
      loaded = await Promise.all([interactivePart(), withEvents(shippedPayload(this)!)]);
    } catch (error) {
      failedChunk ??= failedModule(error);
      // The build-time chart stands (its marks are links); the next interaction tries again.
      console.warn(
        'The interactive timeline did not load; the static chart stays. Retrying on the next interaction.',
        error,
      );
      delete this.dataset.loading;
      this.dataset.failed = '';
      if (!this.isConnected) return;
      for (const type of RETRY_ON) this.addEventListener(type, this.#retry);
      addEventListener('hashchange', this.#onHash);
      if ('IntersectionObserver' in window) this.#observe(true);
      return;
    }
    loaded[0].mountTimeline(this, loaded[1]);
    delete this.dataset.failed;
  }
}

if (!customElements.get('timeline-chart')) customElements.define('timeline-chart', TimelineChart);
