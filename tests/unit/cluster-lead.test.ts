import { describe, expect, it } from 'vitest';
import { layoutTimeline } from '../../src/lib/timeline/layout';
import { en } from '../../src/lib/ui/strings';
import { DENSE_TRACKS, denseEvents } from '../fixtures/timeline/generate';

const words = en.timelineClient.layout;
const events = denseEvents(600);

describe('a highlighted event in a crowded, height-capped chart (an event page at desktop width)', () => {
  it('is drawn as its own mark, or names the cluster it had to join', () => {
    let named = 0;
    // Every 20th event in turn is the page's event, in a compact chart far too short for 600 events.
    for (const ev of events.filter((_, i) => i % 20 === 0)) {
      const layout = layoutTimeline(events, DENSE_TRACKS, {
        width: 600,
        density: 'compact',
        maxHeight: 240,
        highlighted: [ev.id],
        words,
      });
      if (layout.marks.some((m) => m.id === ev.id)) continue;
      const holder = layout.clusters.find((c) => c.ids.includes(ev.id));
      if (!holder) continue; // outside the window
      named++;
      const text = ev.label ?? ev.title;
      expect(holder.lead, `${ev.id} is in ${holder.id}`).toBe(ev.id);
      expect(holder.ariaLabel.startsWith(`${text}, `)).toBe(true);
      if (holder.labelLines.length) expect(holder.labelLines.join(' ')).toContain(text.split(' ')[0]);
    }
    // The case arises: some of them had to join a cluster.
    expect(named).toBeGreaterThan(0);
  });

  it('leaves clusters without a highlighted member as they were: "+N", no lead', () => {
    const layout = layoutTimeline(events, DENSE_TRACKS, { width: 600, density: 'compact', maxHeight: 240, words });
    expect(layout.clusters.length).toBeGreaterThan(0);
    for (const c of layout.clusters) {
      expect(c.lead).toBeUndefined();
      if (c.labelLines.length) expect(c.labelLines.join('')).toMatch(/^\+\d+/);
    }
  });
});
