// The events that can be on an event page's small timeline (eventContext): those within
// CONTEXT_WIDEST_DAYS of it, found by binary search in an index of their starts built once per list, so
// that each page looks at its few neighbours rather than at every event (a scan per page made the pages
// quadratic in the events).
// eventContext(nearbyExtents(extents, id), id) is eventContext(extents, id): the events it leaves out are
// ones that eventContext leaves out too, and those it keeps stay in the order of `extents`.
import { CONTEXT_WIDEST_DAYS, type EventExtent } from '../../lib/timeline/context';

const DAY = 86_400_000;

interface StartIndex {
  /** Each event's position in the list, by id. */
  at: Map<string, number>;
  /** Positions in the list, by start (ascending), and those starts. */
  order: number[];
  starts: number[];
  /** The longest event: an event may start this long before another's window and still reach into it. */
  longest: number;
}

const indexes = new WeakMap<readonly EventExtent[], StartIndex>();

function startIndex(extents: readonly EventExtent[]): StartIndex {
  let index = indexes.get(extents);
  if (!index) {
    const order = extents.map((_, i) => i).sort((a, b) => extents[a].start - extents[b].start);
    index = {
      at: new Map(extents.map((e, i) => [e.id, i])),
      order,
      starts: order.map((i) => extents[i].start),
      longest: extents.reduce((n, e) => Math.max(n, e.end - e.start), 0),
    };
    indexes.set(extents, index);
  }
  return index;
}

/** How many of ascending `values` are below `x` (or at it, with `orAt`). */
function countBelow(values: readonly number[], x: number, orAt = false): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid] < x || (orAt && values[mid] === x)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The events of `extents` that overlap [start − days, end + days] of the event `id`, in the order of
 * `extents` (every event when `id` is not among them: eventContext then names it).
 */
export function nearbyExtents(
  extents: readonly EventExtent[],
  id: string,
  days: number = CONTEXT_WIDEST_DAYS,
): readonly EventExtent[] {
  const index = startIndex(extents);
  const self = extents[index.at.get(id) ?? -1];
  if (!self) return extents;
  const limit = days * DAY;
  const from = countBelow(index.starts, self.start - limit - index.longest);
  const to = countBelow(index.starts, self.end + limit, true);
  const found: number[] = [];
  for (let k = from; k < to; k++) {
    const e = extents[index.order[k]];
    if (e.end >= self.start - limit) found.push(index.order[k]);
  }
  return found.sort((a, b) => a - b).map((i) => extents[i]);
}
