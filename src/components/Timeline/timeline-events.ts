// A chart's events and words, as its page ships them (payload.ts): in the page for a chart of a few events,
// else from the file of every event, requested once for every chart of the page. And whether a
// chart shows an event, for deep links: known from the page, or once that file has loaded.
import type { ShippedPayload, TimelineEventsFile, TimelinePayload } from '../../lib/timeline/payload';

const requests = new Map<string, Promise<unknown>>();
/** The track of every event of each loaded file, by the file's URL. */
const tracksOf = new Map<string, Map<string, string>>();
const shipped = new WeakMap<Element, ShippedPayload | null>();

/** The payload in the page of the <timeline-chart> `el` (parsed once), or null. */
export function shippedPayload(el: Element): ShippedPayload | null {
  let p = shipped.get(el);
  if (p === undefined) {
    const text = el.querySelector('script.tl-payload')?.textContent;
    shipped.set(el, (p = text ? (JSON.parse(text) as ShippedPayload) : null));
  }
  return p;
}

/**
 * The JSON at `url`, as `read` takes it (it throws on what is not the expected shape): one request
 * for the page, shared by every caller; a failed one (HTTP error, network, shape) is dropped, so the
 * next call asks again. Rejects on failure.
 */
export function fetchOnce<T>(url: string, read: (json: unknown) => T): Promise<T> {
  let request = requests.get(url) as Promise<T> | undefined;
  if (!request) {
    request = fetch(url).then(async (r) => {
      if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
      return read(await r.json());
    });
    requests.set(url, request);
    request.catch(() => requests.delete(url));
  }
  return request;
}

/** The file of every event at `url`. */
function loadEvents(url: string): Promise<TimelineEventsFile> {
  return fetchOnce(url, (json) => {
    const file = json as Partial<TimelineEventsFile> | null;
    if (!Array.isArray(file?.events) || !file.ui) throw new Error(`${url}: not the timeline's events`);
    tracksOf.set(url, new Map(file.events.map((e) => [e.id, e.track])));
    return file as TimelineEventsFile;
  });
}

/** The payload with the chart's events and words: the page's, or the file's (its events of the chart's tracks). */
export async function withEvents(p: ShippedPayload): Promise<TimelinePayload> {
  if (p.events && p.ui) return { ...p, events: p.events, ui: p.ui };
  const tracks = new Set(p.tracks.map((t) => t.id));
  const file = await loadEvents(p.eventsUrl!);
  return { ...p, events: file.events.filter((e) => tracks.has(e.track)), ui: file.ui };
}

/**
 * Whether the chart `el` shows the event `id`: true or false, or undefined while that is not known
 * (its events are in a file that has not loaded yet).
 */
export function holds(el: Element, id: string): boolean | undefined {
  const p = shippedPayload(el);
  if (!p) return false;
  if (p.events) return p.events.some((e) => e.id === id);
  const tracks = tracksOf.get(p.eventsUrl!);
  if (!tracks) return undefined;
  const track = tracks.get(id);
  return track !== undefined && p.tracks.some((t) => t.id === track);
}
