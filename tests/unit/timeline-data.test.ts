// The build's timeline data (src/data/timeline.ts): what pages look up once per build instead of per page.
import { describe, expect, it } from 'vitest';
import { eventIndex, getTimelineData } from '../../src/data/timeline';

describe('eventIndex', () => {
  it('gives every event its position in date order', () => {
    const { events } = getTimelineData();
    const index = eventIndex();
    expect(index.size).toBe(events.length);
    events.forEach((e, i) => expect(index.get(e.id)).toBe(i));
  });
});
