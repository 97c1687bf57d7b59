// What a reader must be able to read, checked on the layout itself (the browser test checks the
// drawn page): no label is ever cut, every mark is a target of its own, a focus gives the busy
// weeks a row per event, and annotations keep clear of each other and of the axis labels.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TimelineEvent, Track } from '../../src/lib/timeline/schema';
import {
  labelFits,
  layoutPrepared,
  layoutTimeline,
  prepareTimeline,
  type Box,
  type LayoutEvent,
  type LayoutOptions,
  type LayoutTrack,
  type TimelineLayout,
} from '../../src/lib/timeline/layout';
import { IDENTITY_WARP, focusWarp, fromU, toU } from '../../src/lib/timeline/warp';
import { TIMELINE_VARIANTS } from '../../src/lib/timeline/variants';
import { DENSE_TRACKS, denseEvents } from '../fixtures/timeline/generate';
import { getTimelineData } from '../../src/data/timeline';
import { timelineChartVariants, type TimelineSpec } from '../../src/lib/timeline/chart-variants';
import { symbolExtent } from '../../src/lib/timeline/shapes';
import fixture from '../fixtures/timeline/fixture.json';

const events: LayoutEvent[] = z.array(TimelineEvent).parse(fixture.events);
const tracks: LayoutTrack[] = z.array(Track).parse(fixture.tracks);
const DAY = 86_400_000;
const { textWidthFactor, variantOptions } = TIMELINE_VARIANTS;
const WIDE: LayoutOptions = { ...variantOptions.wide, textWidthFactor };
const NARROW: LayoutOptions = { ...variantOptions.narrow, textWidthFactor };
// The article-column variant, with the height cap Timeline.astro gives it (lanes come off, marks cluster).
const COLUMN: LayoutOptions = { ...variantOptions.column, textWidthFactor, maxHeight: 505 };

/** Windows: the full domain, then halves and tenths at three places. */
function zooms(full: readonly [number, number]): [number, number][] {
  const span = full[1] - full[0];
  const out: [number, number][] = [[full[0], full[1]]];
  for (const fraction of [0.5, 0.1]) {
    for (const at of [0, 0.4, 0.8]) {
      const a = full[0] + at * span;
      out.push([a, Math.min(full[1], a + fraction * span)]);
    }
  }
  return out;
}

/** Centres of marks and clusters closer than `target` px (vertical: any two; horizontal: in one row). */
function crowded(layout: TimelineLayout, target: number): string[] {
  const all = [...layout.marks, ...layout.clusters].filter((m) => {
    const along = layout.orientation === 'vertical' ? m.y : m.x;
    const [a, b] =
      layout.orientation === 'vertical'
        ? [layout.plot.y, layout.plot.y + layout.plot.h]
        : [layout.plot.x, layout.plot.x + layout.plot.w];
    return along >= a && along <= b;
  });
  const found: string[] = [];
  all.sort((a, b) => (layout.orientation === 'vertical' ? a.y - b.y : a.x - b.x));
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const gap = layout.orientation === 'vertical' ? all[j].y - all[i].y : all[j].x - all[i].x;
      if (gap >= target) break;
      if (Math.hypot(all[j].x - all[i].x, all[j].y - all[i].y) < target - 0.01)
        found.push(`${all[i].id} ~ ${all[j].id}`);
    }
  }
  return found;
}

/** The phone (narrow) layout of every timeline of the site's story, in each language. */
function sitePhoneLayouts(): { where: string; layout: TimelineLayout }[] {
  return (['en', 'es'] as const).flatMap((language) => {
    const data = getTimelineData(language);
    return data.charts
      .filter((c): c is TimelineSpec => c.kind === 'timeline')
      .map((chart) => {
        const v = timelineChartVariants(chart, data);
        const narrow = v.variants.find((x) => x.name === 'narrow')!;
        return {
          where: `${language} ${chart.id}`,
          layout: layoutTimeline(v.layoutEvents, v.layoutTracks, narrow.options),
        };
      });
  });
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

describe('legibility of the layout', () => {
  for (const [name, data, trackList] of [
    ['the fixture', events, tracks],
    ['2,000 generated events', denseEvents(2000), DENSE_TRACKS],
  ] as const) {
    for (const [variant, options] of [
      ['wide', WIDE],
      ['column', COLUMN],
      ['narrow', NARROW],
    ] as const) {
      it(`never cuts a label and keeps every mark a target's size from the next (${name}, ${variant}, several zooms)`, () => {
        const prepared = prepareTimeline(data, trackList);
        let labels = 0;
        let marks = 0;
        for (const domain of zooms(prepared.fullDomain)) {
          const layout = layoutPrepared(prepared, { ...options, domain });
          const where = `${new Date(domain[0]).toISOString().slice(0, 10)} – ${new Date(domain[1]).toISOString().slice(0, 10)}`;
          for (const m of [...layout.marks, ...layout.clusters]) {
            expect(m.label ?? '', where).not.toMatch(/…|\.\.\.$/);
            if ('truncated' in m) expect(m.truncated, where).toBe(false);
          }
          expect(crowded(layout, options.targetSize!), where).toEqual([]);
          labels += layout.marks.filter((m) => m.label).length;
          marks += layout.marks.length;
        }
        expect(labels).toBeGreaterThan(5);
        expect(marks).toBeGreaterThan(10);
      });
    }
  }

  it('shows a label whole, as written, or not at all', () => {
    const labelled = events.map((e, i) => (i % 2 ? { ...e, label: `Short ${i}` } : e));
    const layout = layoutTimeline(labelled, tracks, { width: 1280 });
    for (const m of layout.marks) {
      const e = labelled.find((x) => x.id === m.id)!;
      if (m.label !== null) expect(m.label).toBe(e.label ?? e.title);
      // The accessible name keeps the full title.
      expect(m.ariaLabel).toContain(e.title);
    }
    expect(layout.marks.some((m) => m.label?.startsWith('Short '))).toBe(true);
  });

  it('gives each event of a focus its own row on a phone, with its label, and squeezes the rest', () => {
    const focus = [Date.UTC(2019, 4, 20), Date.UTC(2019, 6, 27)] as const;
    const plain = layoutTimeline(events, tracks, { ...NARROW, length: 900 });
    const layout = layoutTimeline(events, tracks, { ...NARROW, length: 900, focus });
    const inFocus = (id: string) => {
      const e = events.find((x) => x.id === id)!;
      const t = Date.parse(e.date.length === 10 ? e.date : `${e.date}-15`);
      return t >= focus[0] && t < focus[1];
    };
    const focusMarks = layout.marks.filter((m) => inFocus(m.id));
    expect(focusMarks.length).toBeGreaterThan(5);
    expect(layout.clusters.filter((c) => c.ids.some(inFocus))).toEqual([]);
    for (const m of focusMarks) expect(m.label, m.id).not.toBeNull();
    // Rows: marks of the focus one after another, at least a target's size apart.
    const ys = focusMarks.map((m) => m.y).sort((a, b) => a - b);
    for (let i = 1; i < ys.length; i++)
      expect(ys[i] - ys[i - 1]).toBeGreaterThanOrEqual(variantOptions.narrow.targetSize - 0.01);
    // The focus takes more of the axis than a plain scale gives it, and the axis shows the breaks.
    const span = (l: TimelineLayout) => {
      const y = (t: number) =>
        l.plot.y +
        ((toU(l.warp, t) - toU(l.warp, l.domain[0])) / (toU(l.warp, l.domain[1]) - toU(l.warp, l.domain[0]))) *
          l.plot.h;
      return y(focus[1]) - y(focus[0]);
    };
    expect(span(layout)).toBeGreaterThan(2 * span(plain));
    expect(layout.axis.breaks.length).toBe(2);
    expect(plain.axis.breaks).toEqual([]);
    // The same height as without a focus, and the same at every zoom.
    expect(layout.size.height).toBe(plain.size.height);
    const prepared = prepareTimeline(events, tracks);
    for (const domain of zooms(prepared.fullDomain)) {
      expect(layoutPrepared(prepared, { ...NARROW, length: 900, focus, domain }).size.height).toBe(layout.size.height);
    }
  });

  it('places annotations clear of each other and of the axis labels, with a rule at their date', () => {
    const annotations = [
      { id: 'threat', date: '2019-05-30', text: 'Tariff threat, 30\u00a0May' },
      { id: 'deal', date: '2019-06-07', text: 'Deal, 7\u00a0June' },
      { id: 'deadline', date: '2019-07-22', text: 'Deadline, 22\u00a0July' },
    ];
    const focus = [Date.UTC(2019, 4, 28), Date.UTC(2019, 6, 27)] as const;
    for (const options of [WIDE, NARROW]) {
      const layout = layoutTimeline(events, tracks, { ...options, annotations, focus });
      expect(layout.annotations.map((a) => a.id)).toEqual(['threat', 'deal', 'deadline']);
      const boxes = [
        ...layout.annotations.map((a) => ({ id: a.id, box: a.labelBox })),
        ...layout.axis.ticks.filter((t) => t.labelBox).map((t) => ({ id: `tick ${t.label}`, box: t.labelBox! })),
      ];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++)
          expect(intersects(boxes[i].box, boxes[j].box), `${boxes[i].id} × ${boxes[j].id}`).toBe(false);
      }
      for (const a of layout.annotations)
        expect(a.lines.join(' ').replace(/\s+/g, ' ')).toBe(a.text.replace(/\s+/g, ' '));
    }
  });

  it("keeps a phone chart's axis labels and notes clear of the symbols on its axis line (the site's timelines)", () => {
    // A key event's star reached 11 px left of the line, and "21 Jul", level with it, ended 10 px from it.
    let checked = 0;
    for (const { where, layout } of sitePhoneLayouts()) {
      const texts = [
        ...layout.axis.ticks.filter((t) => t.labelBox).map((t) => ({ id: `tick ${t.label}`, box: t.labelBox! })),
        ...layout.annotations.map((a) => ({ id: a.text, box: a.labelBox })),
      ];
      // Each symbol's box, with half its outline (a mark's 1.5 px, a cluster's 3 at most).
      const symbols = [
        ...layout.marks.map((m) => ({ id: m.id, m, edge: 0.75 })),
        ...layout.clusters.map((c) => ({ id: c.id, m: c, edge: 1.5 })),
      ].map(({ id, m, edge }) => {
        const e = symbolExtent(m.shape, m.r);
        return { id, box: { x: m.x - e.x - edge, y: m.y - e.y - edge, w: 2 * (e.x + edge), h: 2 * (e.y + edge) } };
      });
      for (const t of texts)
        for (const s of symbols) expect(intersects(t.box, s.box), `${where}: ${t.id} × ${s.id}`).toBe(false);
      checked += texts.length;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it("draws no phone leader over another mark's symbol (the site's timelines)", () => {
    // "+4 Border data (Feb–May)" moved a row down from its cross, and its leader ran through the unlabelled
    // triangle beside it: the label read as the triangle's. (Where no row within reach keeps a leader clear,
    // the label stays where it was: a crowd of generated events still has a few.)
    const layouts = sitePhoneLayouts();
    let leaders = 0;
    for (const { where, layout } of layouts) {
      const all = [...layout.marks, ...layout.clusters];
      for (const m of all) {
        if (!m.leader) continue;
        leaders++;
        const { x1, y1, x2, y2 } = m.leader;
        const [dx, dy] = [x2 - x1, y2 - y1];
        for (const o of all) {
          if (o === m) continue;
          const t = Math.max(0, Math.min(1, ((o.x - x1) * dx + (o.y - y1) * dy) / (dx * dx + dy * dy)));
          const e = symbolExtent(o.shape, o.r);
          const d = Math.hypot(x1 + t * dx - o.x, y1 + t * dy - o.y);
          expect(d, `${where}: the leader of ${m.id} over ${o.id}`).toBeGreaterThanOrEqual(Math.min(e.x, e.y));
        }
      }
    }
    expect(leaders).toBeGreaterThan(10);
  });

  it("puts a phone chart's period labels in its band, level with no mark (the site's timelines)", () => {
    // "Days 46–90" stood level with a hexagon whose own label had found no room, and read as its name.
    let labelled = 0;
    for (const { where, layout } of sitePhoneLayouts()) {
      for (const band of layout.periods.filter((p) => p.labelBox && p.labelAnchor === 'start')) {
        const box = band.labelBox!;
        expect(box.y, band.id).toBeGreaterThanOrEqual(band.y);
        expect(box.y + box.h, band.id).toBeLessThanOrEqual(band.y + band.h);
        for (const m of [...layout.marks, ...layout.clusters])
          expect(m.y + m.r > box.y && m.y - m.r < box.y + box.h, `${where}: ${band.label} × ${m.id}`).toBe(false);
        labelled++;
      }
    }
    // Every one that had a label before (both periods on the lead chart, the 45 days on the June–July one; en, es).
    expect(labelled).toBe(6);
  });

  it('knows which labels can never show: one row on a wide screen, two short rows on a phone', () => {
    expect(labelFits('Tariff threat', 1, NARROW)).toBe(true);
    expect(labelFits('Trump announces tariffs on all Mexican goods to press Mexico on migration', 1, NARROW)).toBe(
      false,
    );
    expect(labelFits('Trump announces tariffs on all Mexican goods to press Mexico on migration', 1, WIDE)).toBe(true);
    expect(labelFits('x'.repeat(200), 3, WIDE)).toBe(false);
  });
});

describe('focus warp', () => {
  const full = [Date.UTC(2019, 0, 1), Date.UTC(2020, 0, 1)] as const;
  const focus = [Date.UTC(2019, 5, 1), Date.UTC(2019, 6, 1)] as const;

  it('is the identity without a focus inside the domain', () => {
    expect(
      focusWarp({
        focus: [Date.UTC(2021, 0, 1), Date.UTC(2021, 1, 1)],
        fullDomain: full,
        length: 1000,
        positions: [],
        pitch: 30,
        minDay: 4,
        maxShare: 0.7,
      }),
    ).toBe(IDENTITY_WARP);
    expect(toU(IDENTITY_WARP, 12345)).toBe(12345);
  });

  it('is increasing, inverts exactly, and gives a busy day a row per event', () => {
    const day = Date.UTC(2019, 5, 7);
    const positions = [day + DAY / 4, day + DAY / 2, day + (3 * DAY) / 4];
    const warp = focusWarp({ focus, fullDomain: full, length: 2000, positions, pitch: 30, minDay: 4, maxShare: 0.7 });
    let last = -Infinity;
    for (let t = full[0]; t <= full[1]; t += DAY / 3) {
      const u = toU(warp, t);
      expect(u).toBeGreaterThan(last);
      expect(fromU(warp, u)).toBeCloseTo(t, -1);
      last = u;
    }
    // The whole domain spans 2,000 px: a day with three events gets 3 × 30 px, an empty focus day 4.
    const pxPerU = 2000 / (toU(warp, full[1]) - toU(warp, full[0]));
    expect((toU(warp, day + DAY) - toU(warp, day)) * pxPerU).toBeCloseTo(90, 0);
    expect((toU(warp, day + 2 * DAY) - toU(warp, day + DAY)) * pxPerU).toBeCloseTo(4, 0);
    // The context keeps an even scale: a day there is the same length everywhere.
    const jan = (toU(warp, Date.UTC(2019, 0, 11)) - toU(warp, Date.UTC(2019, 0, 10))) * pxPerU;
    const nov = (toU(warp, Date.UTC(2019, 10, 11)) - toU(warp, Date.UTC(2019, 10, 10))) * pxPerU;
    expect(jan).toBeCloseTo(nov, 6);
    expect(jan).toBeCloseTo((2000 - 90 - 29 * 4) / (365 - 30), 3);
  });

  it('gives a focus that is nearly all the domain at least its plain share, not its cap', () => {
    // An event page's window (the focus) inside a domain two days longer: capped at 35% of the width, the
    // two days of context took the other 65%.
    const window = [Date.UTC(2019, 10, 14), Date.UTC(2020, 2, 5)] as const;
    const domain = [Date.UTC(2019, 10, 12), Date.UTC(2020, 2, 5)] as const;
    for (const maxShare of [0.35, 0.7]) {
      const warp = focusWarp({
        focus: window,
        fullDomain: domain,
        length: 1000,
        positions: [],
        pitch: 0,
        minDay: 1000,
        maxShare,
      });
      const px = (a: number, b: number) =>
        ((toU(warp, b) - toU(warp, a)) / (toU(warp, domain[1]) - toU(warp, domain[0]))) * 1000;
      const plain = ((window[1] - window[0]) / (domain[1] - domain[0])) * 1000;
      expect(px(window[0], window[1])).toBeGreaterThanOrEqual(plain - 0.5);
      expect(px(domain[0], window[0])).toBeLessThan(20);
    }
  });
});
