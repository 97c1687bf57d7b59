// The open event in the URL: ?event=<id>&chart=<chart> (written when a reader opens one), or
// #event-<id> (the static chart's links and the story's references). Parsing and formatting are
// pure functions of the URL; the browser's history is touched only by pushUrl.
import { holds } from './timeline-events';

const HASH = '#event-';

/** The event a URL asks for: ?event=<id>, else #event-<id>; null when it asks for none. */
export function eventOfUrl(search: string, hash: string): string | null {
  return new URLSearchParams(search).get('event') ?? (hash.startsWith(HASH) ? hash.slice(HASH.length) : null);
}

/** The chart a URL names (?chart=<chart>), or null. */
export function chartOfUrl(search: string): string | null {
  return new URLSearchParams(search).get('chart');
}

/** `href` with the event `id` of `chart` open, or with none open (id undefined); any #event- fragment goes. */
export function urlWithEvent(href: string, id: string | undefined, chart: string): string {
  const url = new URL(href);
  if (id) {
    url.searchParams.set('event', id);
    url.searchParams.set('chart', chart);
  } else {
    url.searchParams.delete('event');
    url.searchParams.delete('chart');
  }
  if (url.hash.startsWith(HASH)) url.hash = '';
  return url.href;
}

/** The event the page's URL asks for. */
export function wantedEvent(): string | null {
  return eventOfUrl(location.search, location.hash);
}

/** Records the open event (or none) in the page's history, when that changes the URL. */
export function pushUrl(id: string | undefined, chart: string): void {
  const href = urlWithEvent(location.href, id, chart);
  if (href !== location.href) history.pushState({ chart, event: id ?? null }, '', href);
}

/**
 * The chart on the page that shows `id`: the one ?chart= names if it holds it, else the first that does
 * (asked by a chart that has loaded, so the file of every event has loaded too).
 */
export function chartFor(id: string): Element | undefined {
  const named = chartOfUrl(location.search);
  const holders = [...document.querySelectorAll('timeline-chart')].filter((el) => holds(el, id));
  return holders.find((el) => el.getAttribute('data-chart') === named) ?? holders[0];
}
