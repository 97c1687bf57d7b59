// The variants chart-variants.ts gives a timeline of charts.yaml: a chart with a window and no focus of
// its own takes its whole window as its focus on a phone (a row per event), and keeps its scale wider.
import { describe, expect, it } from 'vitest';
import { getTimelineData } from '../../src/data/timeline';
import { timelineChartVariants, type TimelineSpec } from '../../src/lib/timeline/chart-variants';
import { layoutTimeline } from '../../src/lib/timeline/layout';
import { windowDomain } from '../../src/lib/timeline/payload';
import { en } from '../../src/lib/ui/strings';

const data = getTimelineData('en');
const timelines = data.charts.filter((c): c is TimelineSpec => c.kind === 'timeline');
const windowed = timelines.filter((c) => c.window && !c.focus);

describe('a timeline with a window and no focus', () => {
  it('is in the story (timeline-45-days)', () => {
    expect(windowed.map((c) => c.id)).toContain('timeline-45-days');
  });

  for (const chart of windowed) {
    it(`labels every event of its window on a phone, each on its own mark (${chart.id})`, () => {
      const v = timelineChartVariants(chart, data);
      const [wide, column, narrow] = v.variants;
      const window = windowDomain(chart.window!.start, chart.window!.end);
      expect(narrow.options.focus).toEqual(window);
      expect(wide.options.focus).toBeUndefined();
      expect(column.options.focus).toBeUndefined();
      const layout = layoutTimeline(v.layoutEvents, v.layoutTracks, {
        ...narrow.options,
        words: en.timelineClient.layout,
      });
      const inWindow = v.events.filter((e) => {
        const t = windowDomain(e.date, e.date)[0];
        return t >= window[0] && t < window[1];
      });
      expect(inWindow.length).toBeGreaterThan(20);
      expect(layout.clusters).toEqual([]);
      const labelled = new Set(layout.marks.filter((m) => m.labelLines.length > 0).map((m) => m.id));
      expect(inWindow.filter((e) => !labelled.has(e.id)).map((e) => e.id)).toEqual([]);
    });
  }
});

describe("the lead timeline's article-column variant (560–719 px)", () => {
  for (const language of ['en', 'es'] as const) {
    it(`shares its lanes among the tracks and labels every emphasised event and a third of its marks (${language})`, () => {
      const own = getTimelineData(language);
      const lead = own.charts.find((c): c is TimelineSpec => c.kind === 'timeline')!;
      const v = timelineChartVariants(lead, own);
      const column = v.variants.find((x) => x.name === 'column')!;
      expect(column.options.sharedLanes).toBe(true);
      const layout = layoutTimeline(v.layoutEvents, v.layoutTracks, column.options);
      expect(layout.tracks).toEqual([]);
      // With a band per track it labelled 4 of its 19 marks and grouped the rest in 15 "+N" clusters.
      const labelled = layout.marks.filter((m) => m.label).length;
      expect(labelled, `${labelled} of ${layout.marks.length}`).toBeGreaterThanOrEqual(layout.marks.length / 3);
      expect(layout.clusters.length).toBeLessThan(layout.marks.length / 5);
      const shown = new Set([
        ...layout.marks.filter((m) => m.label).map((m) => m.id),
        ...layout.clusters.filter((c) => c.lead && c.labelBox).map((c) => c.lead!),
      ]);
      expect((lead.highlight ?? []).filter((id) => !shown.has(id))).toEqual([]);
    });
  }
});
