// The variants chart-variants.ts gives a timeline of charts.yaml: a chart with a window and no focus of
// its own takes its whole window as its focus on a phone (a row per event), and keeps its scale wider.
import { describe, expect, it } from 'vitest';
import { eventExtents, getTimelineData } from '../../src/data/timeline';
import { eventContext, narrowContextStart } from '../../src/lib/timeline/context';
import { timelineChartVariants, type TimelineSpec } from '../../src/lib/timeline/chart-variants';
import { layoutTimeline } from '../../src/lib/timeline/layout';
import { windowDomain } from '../../src/lib/timeline/payload';
import { en, uiStrings } from '../../src/lib/ui/strings';

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

describe("the lead timeline's phone variant", () => {
  for (const language of ['en', 'es'] as const) {
    it(`labels every mark and cluster in its full view: a phone has no hover (${language})`, () => {
      // The Spanish "+4 Cifras fronterizas (feb–may)" took two rows, and "Publican ley de la Guardia"
      // (27 May) found no room between the "+6" cluster's label and the tariff threat's.
      const own = getTimelineData(language);
      const lead = own.charts.find((c): c is TimelineSpec => c.kind === 'timeline')!;
      const v = timelineChartVariants(lead, own);
      const narrow = v.variants.find((x) => x.name === 'narrow')!;
      const layout = layoutTimeline(v.layoutEvents, v.layoutTracks, {
        ...narrow.options,
        words: uiStrings(language).timelineClient.layout,
      });
      const bare = [
        ...layout.marks.filter((m) => !m.label).map((m) => m.id),
        ...layout.clusters.filter((c) => !c.labelBox).map((c) => c.id),
      ];
      expect(layout.marks.length).toBeGreaterThan(20);
      expect(bare).toEqual([]);
    });
  }
});

describe('every timeline of the story, wide (720 px and up)', () => {
  for (const language of ['en', 'es'] as const) {
    it(`labels every event it emphasises, in its full view (${language})`, () => {
      // At a height cap of 880 the lead chart's US asylum policy band had two lanes, and the Spanish
      // "Publican regla de tránsito" (16 July) room in neither: its large mark stood unlabelled.
      const own = getTimelineData(language);
      const charts = own.charts.filter((c): c is TimelineSpec => c.kind === 'timeline' && !!c.highlight?.length);
      expect(charts.length).toBeGreaterThan(0);
      for (const chart of charts) {
        const v = timelineChartVariants(chart, own);
        const wide = v.variants.find((x) => x.name === 'wide')!;
        const layout = layoutTimeline(v.layoutEvents, v.layoutTracks, wide.options);
        const shown = new Set([
          ...layout.marks.filter((m) => m.label).map((m) => m.id),
          ...layout.clusters.filter((c) => c.lead && c.labelBox).map((c) => c.lead!),
        ]);
        expect(
          chart.highlight!.filter((id) => !shown.has(id)),
          chart.id,
        ).toEqual([]);
      }
    });
  }
});

describe("an event page's chart on a phone", () => {
  // As the event page builds it (pages/events/[id].astro): six weeks either side, and on a phone a view
  // that begins two events before the page's own.
  const chartOf = (id: string, narrowStart?: number) => {
    const around = eventContext(eventExtents(), id);
    const spec: TimelineSpec = {
      id: `around-${id}`,
      kind: 'timeline',
      title: 't',
      caption: 'c',
      source: 's',
      highlight: [id],
      periods: [],
      annotations: [],
      density: 'compact',
    };
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    const v = timelineChartVariants(spec, data, {
      eventIds: around.ids,
      window: [iso(around.from), iso(around.to)],
      compact: true,
      narrowStart,
    });
    const narrow = v.variants.find((x) => x.name === 'narrow')!;
    return {
      around,
      layout: layoutTimeline(v.layoutEvents, v.layoutTracks, { ...narrow.options, words: en.timelineClient.layout }),
    };
  };
  const y = (layout: ReturnType<typeof layoutTimeline>, id: string) => layout.marks.find((m) => m.id === id)?.y;

  it('puts the page’s own event a few rows from the top, not in the middle of its twelve weeks', () => {
    const id = 'landau-confirmed';
    const whole = chartOf(id).layout;
    const extents = eventExtents().filter((e) => chartOf(id).around.ids.includes(e.id));
    const start = narrowContextStart(extents, id);
    expect(start.before).toBe(2);
    expect(start.hidden).toBeGreaterThan(15);
    const { layout } = chartOf(id, start.start);
    // The whole window: about 1,040 units down a 1,630-unit chart (now about 100 down 590).
    expect(y(whole, id)! - whole.plot.y).toBeGreaterThan(800);
    expect(y(layout, id)! - layout.plot.y).toBeLessThan(160);
    expect(layout.domain[0]).toBe(start.start);
    // The two events before it and every later one of the window: each a labelled mark of its own.
    expect(layout.clusters).toEqual([]);
    const shown = extents.filter((e) => e.start >= start.start && e.start < layout.domain[1]);
    expect(shown.length).toBeGreaterThanOrEqual(8);
    const labelled = new Set(layout.marks.filter((m) => m.labelLines.length > 0).map((m) => m.id));
    expect(shown.filter((e) => !labelled.has(e.id)).map((e) => e.id)).toEqual([]);
    // Rows as tall as when the whole window is shown (so the chart is shorter, not sparser).
    const pitch = (l: typeof layout) => {
      const ys = shown.map((e) => y(l, e.id)).filter((v): v is number => v !== undefined);
      return (Math.max(...ys) - Math.min(...ys)) / ys.length;
    };
    expect(pitch(layout) / pitch(whole)).toBeGreaterThan(0.8);
    expect(pitch(layout) / pitch(whole)).toBeLessThan(1.5);
    expect(layout.size.height).toBeLessThan(whole.size.height * 0.6);
  });
});
