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

interface RelationIndex {
  byId: Map<string, TimelineEvent>;
  order: Map<string, number>;
  incoming: Map<string, { from: TimelineEvent; relation: Relation }[]>;
}

// Built once per list of events: asking for every event's relations stays linear in the links.
const indexes = new WeakMap<readonly TimelineEvent[], RelationIndex>();

function indexOf(events: readonly TimelineEvent[]): RelationIndex {
  let index = indexes.get(events);
  if (!index) {
    const incoming = new Map<string, { from: TimelineEvent; relation: Relation }[]>();
    for (const from of events) {
      for (const link of from.links) {
        const list = incoming.get(link.to) ?? [];
        list.push({ from, relation: link.relation });
        incoming.set(link.to, list);
      }
    }
    index = { byId: new Map(events.map((e) => [e.id, e])), order: new Map(events.map((e, i) => [e.id, i])), incoming };
    indexes.set(events, index);
  }
  return index;
}

/** Every event linked to `event`, in either direction, in date order of the list given. */
export function relatedEvents(event: TimelineEvent, events: readonly TimelineEvent[]): RelatedEvent[] {
  const { byId, order, incoming } = indexOf(events);
  const out: RelatedEvent[] = [];
  for (const link of event.links) {
    const other = byId.get(link.to);
    if (other) out.push({ label: OUTGOING[link.relation], event: other });
  }
  for (const { from, relation } of incoming.get(event.id) ?? []) out.push({ label: INCOMING[relation], event: from });
  return out.sort((a, b) => order.get(a.event.id)! - order.get(b.event.id)!);
}
