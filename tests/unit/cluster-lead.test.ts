import { describe, expect, it } from 'vitest';
import { layoutTimeline, type Box, type LayoutEvent, type TimelineLayout } from '../../src/lib/timeline/layout';
import { TIMELINE_VARIANTS } from '../../src/lib/timeline/variants';
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

describe("an event page's small timeline (keepHighlightedLabels): its own event keeps its label", () => {
  const DAY = 86_400_000;
  const { textWidthFactor, variantOptions } = TIMELINE_VARIANTS;
  // The page's horizontal variants as chart-variants.ts gives them to a compact chart.
  const variants = [variantOptions.wide, variantOptions.column].map((v) => ({
    ...v,
    textWidthFactor,
    density: 'compact' as const,
    maxHeight: 320,
    words,
  }));
  // Short labels, as the data gives its events for charts (a cluster named after one adds " +N" to it).
  const all = denseEvents(400, 11, 365).map((e) => ({ ...e, label: e.title.split(' ').slice(0, 3).join(' ') }));
  const at = (e: LayoutEvent) => Date.parse(e.date);
  /** Each sampled event's page: its neighbours within six weeks, it highlighted. */
  const pages = all
    .filter((_, i) => i % 10 === 0)
    .map((ev) => ({ ev, events: all.filter((e) => Math.abs(at(e) - at(ev)) <= 42 * DAY) }));

  /** The label of the page's event, or of the cluster named after it; null where it has none, undefined where it is not drawn. */
  function ownLabel(layout: TimelineLayout, id: string): string | null | undefined {
    const mark = layout.marks.find((m) => m.id === id);
    if (mark) return mark.label;
    const holder = layout.clusters.find((c) => c.ids.includes(id));
    return holder && (holder.lead === id ? holder.label : null);
  }

  const symbol = (m: { x: number; y: number; r: number }): Box => ({
    x: m.x - m.r,
    y: m.y - m.r,
    w: 2 * m.r,
    h: 2 * m.r,
  });
  const intersects = (a: Box, b: Box) =>
    a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;

  it('loses it among its neighbours without the option (the case arises)', () => {
    let lost = 0;
    for (const { ev, events } of pages)
      for (const v of variants) {
        const own = ownLabel(layoutTimeline(events, DENSE_TRACKS, { ...v, highlighted: [ev.id] }), ev.id);
        if (own === null) lost++;
      }
    expect(lost).toBeGreaterThan(5);
  });

  it('shows it whole, over no other mark, at the same height, in every horizontal variant', () => {
    let named = 0;
    let flipped = 0;
    for (const { ev, events } of pages)
      for (const v of variants) {
        const plain = layoutTimeline(events, DENSE_TRACKS, { ...v, highlighted: [ev.id] });
        const layout = layoutTimeline(events, DENSE_TRACKS, {
          ...v,
          highlighted: [ev.id],
          keepHighlightedLabels: true,
        });
        const own = ownLabel(layout, ev.id);
        const where = `${ev.id} at ${v.width} px`;
        expect(own, where).toBeDefined();
        expect(own ?? '', where).toMatch(new RegExp(`^${escape(ev.label)}( \\+\\d+)?$`));
        expect(layout.size.height, where).toBe(plain.size.height);
        const marks = [...layout.marks, ...layout.clusters];
        for (const m of marks) {
          if (!m.labelBox) continue;
          for (const other of marks)
            if (other !== m)
              expect(intersects(m.labelBox, symbol(other)), `${where}: ${m.id} over ${other.id}`).toBe(false);
        }
        if (!layout.marks.some((m) => m.id === ev.id)) named++;
        else if (layout.marks.find((m) => m.id === ev.id)!.labelAnchor === 'end') flipped++;
      }
    // Both ways arise: the label on the left of its mark, and a cluster named after the event.
    expect(named).toBeGreaterThan(0);
    expect(flipped).toBeGreaterThan(0);
  });

  it('leaves bare, where the crowd must, marks far from it rather than those beside it', () => {
    // Labels took their lanes from left to right, and a mark with no free lane hid the first label it
    // met: the marks beside the page's event were left bare more often than those weeks away.
    /** Of the marks other than the page's event's, the share left bare: within a tenth of the width of it, and further. */
    const bareShares = (keepHighlightedLabels: boolean) => {
      const bare = { near: 0, far: 0 };
      const seen = { near: 0, far: 0 };
      for (const { ev, events } of pages)
        for (const v of variants) {
          // At the height event pages have (chart-variants.ts).
          const layout = layoutTimeline(events, DENSE_TRACKS, {
            ...v,
            maxHeight: 640,
            highlighted: [ev.id],
            keepHighlightedLabels,
          });
          const own = layout.marks.find((m) => m.id === ev.id);
          if (!own) continue;
          for (const m of layout.marks) {
            if (m === own) continue;
            const side = Math.abs(m.x - own.x) <= v.width / 10 ? 'near' : 'far';
            seen[side]++;
            if (m.label === null) bare[side]++;
          }
        }
      expect(seen.near).toBeGreaterThan(100);
      return { near: bare.near / seen.near, far: bare.far / seen.far };
    };
    const page = bareShares(true);
    const plain = bareShares(false);
    // A crowd this dense (about 90 events in the window) leaves about half its marks bare anywhere.
    expect(plain.near, 'the case arises: without the option, more bare beside it than away').toBeGreaterThan(plain.far);
    expect(page.near, `beside it ${page.near}, away ${page.far}`).toBeLessThan(page.far);
    expect(page.near).toBeLessThan(0.8 * plain.near);
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
