import { describe, expect, it } from 'vitest';
import { layoutTimeline, type TimelineLayout } from '../../src/lib/timeline/layout';
import { en } from '../../src/lib/ui/strings';
import { DENSE_TRACKS, denseEvents } from '../fixtures/timeline/generate';

const words = en.timelineClient.layout;
const events = denseEvents(600);

/** Marks closer than a target's size to a cluster of their own track, in the same lane: "mark ~ cluster (px)". */
function nearClusters(layout: TimelineLayout): string[] {
  const found: string[] = [];
  for (const c of layout.clusters)
    for (const m of layout.marks)
      if (m.trackId === c.trackId && m.y === c.y && Math.abs(m.x - c.x) < layout.targetSize)
        found.push(`${m.id} ~ ${c.id} (${Math.abs(m.x - c.x).toFixed(1)})`);
  return found;
}

describe('a height-capped chart still crowded at its last try (an event page at desktop width)', () => {
  it('leaves no mark closer than a target to a cluster in its lane: the mark joins the cluster', () => {
    const found: string[] = [];
    for (const width of [600, 960])
      for (let i = 0; i < events.length; i += 25) {
        // A window of about three months with its focus: bins cut in warped units.
        const from = Date.parse(events[i].date);
        const domain: [number, number] = [from, from + 90 * 864e5];
        const layout = layoutTimeline(events, DENSE_TRACKS, {
          width,
          density: 'compact',
          maxHeight: 240,
          domain,
          focus: domain,
          words,
        });
        found.push(...nearClusters(layout).map((f) => `${width} px from ${events[i].date}: ${f}`));
      }
    expect(found).toEqual([]);
  });
});
