// The phone (vertical) layout's axis: its breaks keep off the marks on the axis line, and it writes a
// chart's dated annotations in the gutter left of the axis, whole
// or not at all: a translation's longer text takes a third line rather than disappearing, where the
// gutter has room once the annotations two lines hold are placed.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TimelineEvent, Track } from '../../src/lib/timeline/schema';
import { layoutTimeline } from '../../src/lib/timeline/layout';
import { symbolExtent } from '../../src/lib/timeline/shapes';
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

  it('keeps a short one, whole', () => {
    expect(layout.annotations.find((a) => a.id === 'deal')?.lines.join(' ')).toBe('Deal, 7\u00a0June');
  });

  it('ends each label short of the marks on the axis line beside it (a star or a triangle reaches past its radius)', () => {
    // An annotation on each of the first 30 events' days, every track drawn as stars (the widest symbol):
    // many labels sit beside a mark on the line.
    const stars = tracks.map((t) => ({ ...t, shape: 'star' as const }));
    const many = layoutTimeline(events, stars, {
      width: 358,
      orientation: 'vertical',
      annotations: events.slice(0, 30).map((e, i) => ({ id: `a${i}`, date: e.date, text: `Note ${i}, ${e.date}` })),
    });
    const spine = many.axis.x + many.axis.w;
    const shapeOf = new Map(stars.map((t) => [t.id, t.shape]));
    const touching: string[] = [];
    let beside = 0;
    for (const a of many.annotations) {
      const { x, y, w, h } = a.labelBox!;
      for (const m of many.marks) {
        if (Math.abs(m.x - spine) > 1) continue;
        const reach = symbolExtent(shapeOf.get(m.trackId)!, m.r).x;
        if (m.y + reach <= y || m.y - reach >= y + h) continue;
        beside++;
        if (x + w > spine - reach) touching.push(`${a.text} / ${m.id}`);
      }
    }
    expect(beside).toBeGreaterThan(0);
    expect(touching).toEqual([]);
  });
});

describe('the axis breaks of the vertical layout', () => {
  // A focus that starts or ends on an event's day puts a break, where the scale changes, at that
  // event's mark on the axis line: the break's two slashes (svg-model.ts: 5 px above its point, 3 below,
  // 6 px either side of the line) must keep off every mark, moved along the line if need be.
  const DAY = 86_400_000;
  const windows = events.slice(0, 24).flatMap((e) => {
    const t = Date.parse(e.date.length === 7 ? `${e.date}-15` : e.date.slice(0, 10));
    return [
      [t, t + 40 * DAY],
      [t - 40 * DAY, t],
    ] as const;
  });

  it('keeps each break off the marks on the axis line', () => {
    const covered: string[] = [];
    let breaks = 0;
    for (const focus of windows) {
      const layout = layoutTimeline(events, tracks, { width: 358, orientation: 'vertical', focus });
      const spine = layout.axis.x + layout.axis.w;
      breaks += layout.axis.breaks.length;
      for (const b of layout.axis.breaks)
        for (const m of [...layout.marks, ...layout.clusters]) {
          const reach = 'count' in m ? m.r : symbolExtent(m.shape, m.r).y;
          if (Math.abs(m.x - spine) < m.r + 6 && m.y - reach < b + 4 && m.y + reach > b - 6)
            covered.push(`${new Date(focus[0]).toISOString().slice(0, 10)}: ${m.id}`);
        }
    }
    expect(breaks).toBeGreaterThan(windows.length);
    expect(covered).toEqual([]);
  });
});
