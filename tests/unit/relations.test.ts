// An event page lists the events linked to it, each once: its own links, and the links other events make to it.
import { describe, expect, it } from 'vitest';
import { relatedEvents } from '../../src/lib/timeline/relations';
import { en } from '../../src/lib/ui/strings';
import type { TimelineEvent } from '../../src/lib/timeline/schema';

const event = (id: string, date: string, links: TimelineEvent['links'] = []) =>
  ({ id, date, links }) as unknown as TimelineEvent;

describe('relatedEvents', () => {
  const announced = event('announced', '2018-12-20', [{ to: 'guidance', relation: 'led-to' }]);
  const guidance = event('guidance', '2019-01-25', [{ to: 'announced', relation: 'implements' }]);
  const later = event('later', '2019-02-01', [{ to: 'announced', relation: 'responds-to' }]);
  const events = [announced, guidance, later];

  it('lists an event linked both ways once, by the page event’s own link', () => {
    expect(relatedEvents(announced, events, en).map((r) => [r.label, r.event.id])).toEqual([
      [en.relations.outgoing['led-to'], 'guidance'],
      [en.relations.incoming['responds-to'], 'later'],
    ]);
  });

  it('lists it once from the other side too', () => {
    expect(relatedEvents(guidance, events, en).map((r) => [r.label, r.event.id])).toEqual([
      [en.relations.outgoing.implements, 'announced'],
    ]);
  });
});
