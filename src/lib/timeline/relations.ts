// How a link between two events reads, from either end.
import type { Relation, TimelineEvent } from './schema';
import type { UiStrings } from '../ui/strings';

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

/** Every event linked to `event`, in either direction (once each), in date order of the list given, labelled in `ui`'s words. */
export function relatedEvents(
  event: TimelineEvent,
  events: readonly TimelineEvent[],
  ui: Pick<UiStrings, 'relations'>,
): RelatedEvent[] {
  const { outgoing, incoming: incomingWords } = ui.relations;
  const { byId, order, incoming } = indexOf(events);
  const out: RelatedEvent[] = [];
  for (const link of event.links) {
    const other = byId.get(link.to);
    if (other) out.push({ label: outgoing[link.relation], event: other });
  }
  // An event linked both ways (A "led to" B, B "implements" A) is listed once, by this event's own link.
  const listed = new Set(out.map((r) => r.event.id));
  for (const { from, relation } of incoming.get(event.id) ?? [])
    if (!listed.has(from.id)) out.push({ label: incomingWords[relation], event: from });
  return out.sort((a, b) => order.get(a.event.id)! - order.get(b.event.id)!);
}
