// How a link between two events reads, from either end.
import type { Relation, TimelineEvent } from './schema';

const OUTGOING: Record<Relation, string> = {
  'led-to': 'Led to',
  'responds-to': 'Responds to',
  implements: 'Implements',
  suspends: 'Suspends',
  replaces: 'Replaces',
};

const INCOMING: Record<Relation, string> = {
  'led-to': 'Followed from',
  'responds-to': 'Drew a response',
  implements: 'Implemented by',
  suspends: 'Suspended by',
  replaces: 'Replaced by',
};

export interface RelatedEvent {
  /** How the other event relates to this one, e.g. "Led to" or "Followed from". */
  label: string;
  event: TimelineEvent;
}

/** Every event linked to `event`, in either direction, in date order of the list given. */
export function relatedEvents(event: TimelineEvent, events: readonly TimelineEvent[]): RelatedEvent[] {
  const byId = new Map(events.map((e) => [e.id, e]));
  const out: RelatedEvent[] = [];
  for (const link of event.links) {
    const other = byId.get(link.to);
    if (other) out.push({ label: OUTGOING[link.relation], event: other });
  }
  for (const other of events) {
    for (const link of other.links) {
      if (link.to === event.id) out.push({ label: INCOMING[link.relation], event: other });
    }
  }
  const order = new Map(events.map((e, i) => [e.id, i]));
  return out.sort((a, b) => order.get(a.event.id)! - order.get(b.event.id)!);
}
