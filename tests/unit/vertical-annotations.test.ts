// The phone (vertical) layout writes a chart's dated annotations in the gutter left of the axis, whole
// or not at all: a translation's longer text takes a third line rather than disappearing, where the
// gutter has room once the annotations two lines hold are placed.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TimelineEvent, Track } from '../../src/lib/timeline/schema';
import { layoutTimeline } from '../../src/lib/timeline/layout';
import fixture from '../fixtures/timeline/fixture.json';

const events = z.array(TimelineEvent).parse(fixture.events);
const tracks = z.array(Track).parse(fixture.tracks);

describe('annotations in the vertical gutter', () => {
  const long = 'Amenaza arancelaria, 30\u00a0de\u00a0mayo';
  const layout = layoutTimeline(events, tracks, {
    width: 358,
    orientation: 'vertical',
    focus: [Date.UTC(2019, 4, 25), Date.UTC(2019, 6, 27)],
    annotations: [
      { id: 'threat', date: '2019-05-30', text: long },
      { id: 'deal', date: '2019-06-07', text: 'Deal, 7\u00a0June' },
    ],
  });

  it('keeps an annotation whose text needs three lines, whole, inside the gutter', () => {
    const threat = layout.annotations.find((a) => a.id === 'threat');
    expect(threat?.lines.length).toBe(3);
    expect(threat?.lines.join(' ')).toBe(long);
    expect(threat!.labelBox.x).toBeGreaterThanOrEqual(0);
  });

  it('keeps a short one on its rows', () => {
    expect(layout.annotations.find((a) => a.id === 'deal')?.lines).toEqual(['Deal, 7\u00a0June']);
  });
});
