import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatShortRange, parsePartialDate, partialDateMidpoint } from '../../src/lib/dates';
import { TimelineEvent, Track } from '../../src/lib/timeline/schema';
import {
  clampDomain,
  layoutPrepared,
  layoutRange,
  layoutTimeline,
  prepareTimeline,
  type Box,
  type LayoutEvent,
  type LayoutOptions,
  type LayoutTrack,
  type TimelineLayout,
} from '../../src/lib/timeline/layout';
import { linkPath, markClass, markTransform, spanPath, svgNumber } from '../../src/lib/timeline/attrs';
import { BOLD_WIDTH, textWidth } from '../../src/lib/timeline/lanes';
import { symbolPath } from '../../src/lib/timeline/shapes';
import { TRACK_SHAPES } from '../../src/lib/timeline/schema';
import { en } from '../../src/lib/ui/strings';

/** The words the pages give the layout. */
const words = en.timelineClient.layout;
import { gapAt, labelColumn, placeLabel } from '../../src/lib/timeline/layout/vertical-labels';
import { DENSE_TRACKS, denseEvents } from '../fixtures/timeline/generate';
import fixture from '../fixtures/timeline/fixture.json';

// The fixture is real data: it must pass the schema.
const events: LayoutEvent[] = z.array(TimelineEvent).parse(fixture.events);
const tracks: LayoutTrack[] = z.array(Track).parse(fixture.tracks);
const periods = fixture.periods;
const dense = denseEvents(2000);
const DAY = 86_400_000;

/** Every label box in a layout: events, clusters, periods. */
function labelBoxes(layout: TimelineLayout): { id: string; box: Box }[] {
  const out: { id: string; box: Box }[] = [];
  for (const m of layout.marks) if (m.labelBox) out.push({ id: m.id, box: m.labelBox });
  for (const c of layout.clusters) if (c.labelBox) out.push({ id: c.id, box: c.labelBox });
  for (const p of layout.periods) if (p.labelBox) out.push({ id: `period ${p.id}`, box: p.labelBox });
  return out;
}

/** Pairs of label boxes that overlap (touching edges do not count). */
function overlaps(layout: TimelineLayout): string[] {
  const boxes = labelBoxes(layout).sort((a, b) => a.box.x - b.box.x);
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    const a = boxes[i].box;
    for (let j = i + 1; j < boxes.length && boxes[j].box.x < a.x + a.w; j++) {
      const b = boxes[j].box;
      if (a.y < b.y + b.h && b.y < a.y + a.h) found.push(`${boxes[i].id} × ${boxes[j].id}`);
    }
  }
  return found;
}

/** Marks and clusters of one row (track and lane) whose centres are closer than `target` px. */
function crowdedTargets(layout: TimelineLayout, target: number): string[] {
  const rows = new Map<string, { id: string; x: number; y: number }[]>();
  for (const m of [...layout.marks, ...layout.clusters]) {
    const key = `${m.trackId}|${m.y}`;
    rows.set(key, [...(rows.get(key) ?? []), { id: m.id, x: m.x, y: m.y }]);
  }
  const found: string[] = [];
  for (const row of rows.values()) {
    row.sort((a, b) => a.x - b.x);
    for (let i = 1; i < row.length; i++)
      if (row[i].x - row[i - 1].x < target - 0.01) found.push(`${row[i - 1].id} ~ ${row[i].id}`);
  }
  return found;
}

/** Zoom windows: the full domain, then halves, tenths and hundredths at several places. */
function zooms(full: readonly [number, number]): [number, number][] {
  const span = full[1] - full[0];
  const out: [number, number][] = [[full[0], full[1]]];
  for (const fraction of [0.5, 0.1, 0.01]) {
    for (const at of [0, 0.3, 0.75]) {
      const a = full[0] + at * span;
      out.push([a, a + fraction * span]);
    }
  }
  return out;
}

/** Where an event's mark sits in time (as the layout documents it). */
function markTime(e: LayoutEvent): number {
  return e.end ? parsePartialDate(e.date).start.getTime() : partialDateMidpoint(e.date);
}

/** Strict overlap of two boxes, beyond `slack` px (touching edges do not count). */
function intersects(a: Box, b: Box, slack = 0.5): boolean {
  return a.x + slack < b.x + b.w && b.x + slack < a.x + a.w && a.y + slack < b.y + b.h && b.y + slack < a.y + a.h;
}

/** Everything drawn for an event or cluster that is not text: symbols, milestones, bars; keyed by the event (or cluster) id. */
function markBoxes(layout: TimelineLayout): { owner: string; what: string; box: Box }[] {
  const out: { owner: string; what: string; box: Box }[] = [];
  const around = (x: number, y: number, r: number): Box => ({ x: x - r, y: y - r, w: 2 * r, h: 2 * r });
  for (const m of layout.marks) out.push({ owner: m.id, what: 'mark', box: around(m.x, m.y, m.r) });
  for (const c of layout.clusters) out.push({ owner: c.id, what: 'cluster', box: around(c.x, c.y, c.r) });
  for (const m of layout.milestones) out.push({ owner: m.eventId, what: 'milestone', box: around(m.x, m.y, m.r) });
  for (const s of layout.spans) out.push({ owner: s.eventId, what: s.kind, box: s });
  return out;
}

/** Marks, milestones and bars that lie under the label of another event, cluster or period. */
function marksUnderLabels(layout: TimelineLayout): string[] {
  const found: string[] = [];
  const marks = markBoxes(layout);
  for (const { id, box } of labelBoxes(layout)) {
    for (const m of marks) {
      if (m.owner !== id && intersects(box, m.box)) found.push(`${m.what} of ${m.owner} under the label of ${id}`);
    }
  }
  return found;
}

/** The options the site's chart uses (Timeline.astro), at any width. */
const SITE = { fontSize: 13, textWidthFactor: 1.15 } as const;
/** The layouts every general check runs on: a band per track, time down the page, and shared lanes under a height cap. */
const MODES = [
  ['horizontal', { orientation: 'horizontal' }],
  ['vertical', { orientation: 'vertical' }],
  ['shared lanes', { orientation: 'horizontal', sharedLanes: true, maxHeight: 505 }],
] as const satisfies readonly (readonly [string, Partial<LayoutOptions>])[];

function scaleOf(layout: TimelineLayout): (t: number) => number {
  const [r0, r1] = layoutRange(layout);
  const [d0, d1] = layout.domain;
  return (t) => r0 + ((t - d0) / (d1 - d0)) * (r1 - r0);
}

describe('prepareTimeline', () => {
  // The layout's loops read these objects thousands of times a zoom step; a field present on some events
  // and missing on others (a date to the day against a month) gives V8 two object shapes to look fields
  // up on, and made layoutTimeline of 10,000 events about twice as slow (docs/bench.md).
  it('gives every prepared event the same fields, in the same order, whatever its data holds', () => {
    for (const [name, data] of [
      ['the fixture', events],
      ['2,000 generated events', dense],
    ] as const) {
      const prepared = prepareTimeline(data, data === dense ? DENSE_TRACKS : tracks);
      const shapes = new Set(prepared.events.map((e) => Object.keys(e).join(',')));
      expect([...shapes], name).toHaveLength(1);
    }
    // The data has both kinds: dated to the day, and to a month.
    expect(events.some((e) => /^\d{4}-\d{2}$/.test(e.date))).toBe(true);
    expect(events.some((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date))).toBe(true);
  });
});

describe('layoutTimeline', () => {
  for (const [name, data] of [
    ['the fixture', events],
    ['2,000 generated events', dense],
  ] as const) {
    for (const [orientation, mode] of MODES) {
      it(`never lets label boxes overlap (${name}, ${orientation}, 320/640/1280 px, several zooms)`, () => {
        const prepared = prepareTimeline(data, data === dense ? DENSE_TRACKS : tracks);
        let shown = 0;
        for (const width of [320, 640, 1280]) {
          for (const domain of zooms(prepared.fullDomain)) {
            const layout = layoutPrepared(prepared, { width, ...mode, domain, periods });
            expect(overlaps(layout), `${width}px, ${new Date(domain[0]).toISOString()}`).toEqual([]);
            shown += labelBoxes(layout).length;
          }
        }
        // Not vacuous: labels are shown.
        expect(shown).toBeGreaterThan(50);
      });
    }
  }

  for (const [name, data] of [
    ['the fixture', events],
    ['2,000 generated events', dense],
  ] as const) {
    for (const [orientation, mode] of MODES) {
      it(`never draws a mark, milestone or bar under another event's label (${name}, ${orientation}, 320/640/1280 px, several zooms)`, () => {
        const prepared = prepareTimeline(data, data === dense ? DENSE_TRACKS : tracks);
        let checked = 0;
        for (const width of [320, 640, 1280]) {
          for (const domain of zooms(prepared.fullDomain)) {
            for (const options of [{}, SITE]) {
              const layout = layoutPrepared(prepared, { width, ...mode, domain, periods, ...options });
              expect(marksUnderLabels(layout), `${width}px, ${new Date(domain[0]).toISOString()}`).toEqual([]);
              checked += labelBoxes(layout).length * layout.marks.length;
            }
          }
        }
        expect(checked).toBeGreaterThan(300);
      });

      it(`keeps every label inside the SVG, and event labels inside the plot across the time axis (${name}, ${orientation})`, () => {
        const prepared = prepareTimeline(data, data === dense ? DENSE_TRACKS : tracks);
        for (const width of [320, 640, 960, 1280]) {
          for (const domain of zooms(prepared.fullDomain)) {
            const layout = layoutPrepared(prepared, { width, ...mode, domain, periods, ...SITE });
            const { plot, size } = layout;
            for (const { id, box } of labelBoxes(layout)) {
              const where = `${id} at ${width}px`;
              expect(box.x, where).toBeGreaterThanOrEqual(0);
              expect(box.x + box.w, where).toBeLessThanOrEqual(size.width);
              expect(box.y, where).toBeGreaterThanOrEqual(0);
              expect(box.y + box.h, where).toBeLessThanOrEqual(size.height);
              if (id.startsWith('period ')) continue;
              expect(box.x, where).toBeGreaterThanOrEqual(plot.x - 0.01);
              expect(box.x + box.w, where).toBeLessThanOrEqual(plot.x + plot.w + 0.01);
            }
          }
        }
      });

      it(`keeps period labels apart from each other and from the axis labels (${name}, ${orientation})`, () => {
        const prepared = prepareTimeline(data, data === dense ? DENSE_TRACKS : tracks);
        let shown = 0;
        for (const width of [320, 640, 960, 1280]) {
          for (const domain of zooms(prepared.fullDomain)) {
            const layout = layoutPrepared(prepared, { width, ...mode, domain, periods, ...SITE });
            const labels = layout.periods.filter((p) => p.labelBox).map((p) => ({ id: p.id, box: p.labelBox! }));
            const ticks = layout.axis.ticks
              .filter((t) => t.labelBox)
              .map((t) => ({ id: `tick ${t.label}`, box: t.labelBox! }));
            shown += labels.length;
            for (let i = 0; i < labels.length; i++) {
              for (const other of [...labels.slice(i + 1), ...ticks]) {
                expect(intersects(labels[i].box, other.box, 0), `${labels[i].id} × ${other.id} at ${width}px`).toBe(
                  false,
                );
              }
            }
          }
        }
        expect(shown).toBeGreaterThan(10);
      });
    }
  }

  it('places a label that has no room right of its mark on its left, ending at the mark, and hides it when neither side has room', () => {
    const title = 'Trump announces tariffs on all Mexican goods to press Mexico on migration';
    const late: LayoutEvent[] = [
      { id: 'first', date: '2019-01-10', track: 'agreement', title: 'Start', importance: 3 },
      { id: 'late', date: '2019-06-20', track: 'tariffs', title, importance: 1 },
    ];
    const layout = layoutTimeline(late, tracks, { width: 960, ...SITE });
    const mark = layout.marks.find((m) => m.id === 'late')!;
    const box = mark.labelBox!;
    expect(mark.label).toBe(title);
    expect(mark.labelAnchor).toBe('end');
    expect(box.x + box.w).toBeLessThanOrEqual(mark.x - mark.r);
    expect(box.x).toBeGreaterThanOrEqual(layout.plot.x);
    // In a narrow chart neither side has room: no label (a chart never cuts one); the mark stays.
    const narrow = layoutTimeline(late, tracks, { width: 320, ...SITE }).marks.find((m) => m.id === 'late')!;
    expect(narrow.label).toBeNull();
    expect(narrow.labelBox).toBeNull();
    expect(narrow.truncated).toBe(false);
    expect(narrow.ariaLabel).toContain(title);
  });

  it('measures the labels of importance-1 events, which are bold, wider', () => {
    const title = 'US and Mexico issue a joint declaration on migration';
    const pair: LayoutEvent[] = [
      { id: 'bold', date: '2019-06-07', track: 'agreement', title, importance: 1 },
      { id: 'plain', date: '2019-06-07', track: 'border', title, importance: 2 },
    ];
    const layout = layoutTimeline(pair, tracks, { width: 1280, ...SITE });
    const [bold, plain] = ['bold', 'plain'].map((id) => layout.marks.find((m) => m.id === id)!.labelBox!);
    expect(plain.w).toBeCloseTo(textWidth(title, 13 * 1.15), 1);
    expect(bold.w).toBeCloseTo(textWidth(title, 13 * 1.15 * BOLD_WIDTH), 1);
    expect(BOLD_WIDTH).toBeGreaterThanOrEqual(1.08);
  });

  it('keeps the floor of lanes a track needs for its importance-1 labels when lanes are taken away for maxHeight', () => {
    // Three key events on one day, a minor one a week later: the minor mark needs a fourth lane,
    // or it would sit under a key label.
    const day: LayoutEvent[] = [
      {
        id: 'a',
        date: '2019-06-07',
        track: 'agreement',
        title: 'US and Mexico issue a joint declaration on migration',
        importance: 1,
      },
      {
        id: 'b',
        date: '2019-06-07',
        track: 'agreement',
        title: 'A one-page supplementary agreement sets a 45-day review',
        importance: 1,
      },
      {
        id: 'c',
        date: '2019-06-07',
        end: '2019-07-22',
        track: 'agreement',
        title: 'The 45-day review period',
        importance: 1,
      },
      {
        id: 'd',
        date: '2019-06-14',
        track: 'agreement',
        title: 'Mexico makes the supplementary agreement public',
        importance: 2,
      },
      ...events.filter((e) => e.track !== 'agreement'),
    ];
    const full = layoutTimeline(day, tracks, { width: 960, ...SITE });
    const limited = layoutTimeline(day, tracks, { width: 960, ...SITE, maxHeight: full.size.height - 60 });
    expect(limited.size.height).toBeLessThan(full.size.height);
    expect(limited.tracks.find((t) => t.id === 'agreement')!.lanes).toBe(4);
    for (const id of ['a', 'b', 'c']) expect(limited.marks.find((m) => m.id === id)!.label, id).not.toBeNull();
    expect(marksUnderLabels(limited)).toEqual([]);
  });

  it('keeps every label box inside the plot and inside its track band', () => {
    for (const width of [320, 640, 1280]) {
      const layout = layoutTimeline(dense, DENSE_TRACKS, {
        width,
        domain: [Date.UTC(2019, 5, 1), Date.UTC(2019, 7, 1)],
      });
      const { plot } = layout;
      for (const m of layout.marks) {
        if (!m.labelBox) continue;
        expect(m.labelBox.x).toBeGreaterThanOrEqual(plot.x);
        expect(m.labelBox.x + m.labelBox.w).toBeLessThanOrEqual(plot.x + plot.w + 0.01);
        const band = layout.tracks.find((t) => t.id === m.trackId)!;
        expect(m.labelBox.y).toBeGreaterThanOrEqual(band.y);
        expect(m.labelBox.y + m.labelBox.h).toBeLessThanOrEqual(band.y + band.h);
      }
    }
  });

  it('puts overlapping events on separate lanes', () => {
    const same: LayoutEvent[] = [
      { id: 'a', date: '2019-06-07', track: 'agreement', title: 'First event on the day', importance: 2 },
      { id: 'b', date: '2019-06-07', track: 'agreement', title: 'Second event on the day', importance: 2 },
      { id: 'c', date: '2019-09-01', track: 'agreement', title: 'Later', importance: 2 },
    ];
    const layout = layoutTimeline(same, tracks, { width: 800 });
    const [a, b] = ['a', 'b'].map((id) => layout.marks.find((m) => m.id === id)!);
    expect(a.lane).not.toBe(b.lane);
    expect(a.y).not.toBe(b.y);
    expect(a.label).toBe('First event on the day');
    expect(b.label).toBe('Second event on the day');
    // Events far apart share the first lane.
    expect(layout.marks.find((m) => m.id === 'c')!.lane).toBe(0);
  });

  it('gives each track only the lanes it needs over the full domain, up to the cap', () => {
    const layout = layoutTimeline(events, tracks, { width: 1280 });
    const lanes = Object.fromEntries(layout.tracks.map((t) => [t.id, t.lanes]));
    const sparse = layoutTimeline(
      [{ id: 'x', date: '2019-06-07', track: 'border', title: 'Alone', importance: 1 }],
      tracks,
      { width: 1280 },
    );
    expect(sparse.tracks.map((t) => t.lanes)).toEqual([1, 1, 1]);
    expect(Math.max(...Object.values(lanes))).toBe(4);
    const capped = layoutTimeline(events, tracks, { width: 1280, maxLanes: 2 });
    expect(capped.tracks.every((t) => t.lanes <= 2)).toBe(true);
  });

  it('takes lanes from the fullest tracks to fit under maxHeight, and fewer lanes when compact', () => {
    const roomy = layoutTimeline(dense, DENSE_TRACKS, { width: 1280, density: 'roomy' });
    const compact = layoutTimeline(dense, DENSE_TRACKS, { width: 1280, density: 'compact' });
    expect(roomy.tracks.map((t) => t.lanes)).toEqual([6, 6, 6]);
    expect(compact.tracks.map((t) => t.lanes)).toEqual([2, 2, 2]);
    const limited = layoutTimeline(dense, DENSE_TRACKS, { width: 1280, density: 'roomy', maxHeight: 400 });
    expect(limited.size.height).toBeLessThanOrEqual(400);
    const lanes = limited.tracks.map((t) => t.lanes);
    expect(Math.max(...lanes) - Math.min(...lanes)).toBeLessThanOrEqual(1);
    expect(overlaps(limited)).toEqual([]);
  });

  it('keeps the same height at every zoom', () => {
    const prepared = prepareTimeline(dense, DENSE_TRACKS);
    for (const width of [640, 1280]) {
      const heights = zooms(prepared.fullDomain).map(
        (domain) => layoutPrepared(prepared, { width, domain, periods }).size.height,
      );
      expect(new Set(heights).size).toBe(1);
    }
    const vertical = zooms(prepared.fullDomain).map(
      (domain) => layoutPrepared(prepared, { width: 320, orientation: 'vertical', domain }).size.height,
    );
    expect(new Set(vertical).size).toBe(1);
  });

  it('with shared lanes, draws no track bands, puts marks of several tracks in one lane a target apart, and keeps one height under the cap at every zoom', () => {
    const prepared = prepareTimeline(dense, DENSE_TRACKS);
    const options = { width: 600, ...SITE, targetSize: 26, sharedLanes: true, maxHeight: 505, periods };
    const heights = new Set<number>();
    let mixed = 0;
    for (const domain of zooms(prepared.fullDomain)) {
      const layout = layoutPrepared(prepared, { ...options, domain });
      expect(layout.tracks).toEqual([]);
      heights.add(layout.size.height);
      // A lane is a y: marks and clusters in it, whatever their track, a target's size apart.
      const byLane = new Map<number, { id: string; x: number; track: string }[]>();
      for (const m of [...layout.marks, ...layout.clusters])
        byLane.set(m.y, [...(byLane.get(m.y) ?? []), { id: m.id, x: m.x, track: m.trackId }]);
      for (const lane of byLane.values()) {
        lane.sort((a, b) => a.x - b.x);
        for (let i = 1; i < lane.length; i++)
          expect(lane[i].x - lane[i - 1].x, lane[i].id).toBeGreaterThanOrEqual(25.99);
        if (new Set(lane.map((m) => m.track)).size > 1) mixed++;
      }
    }
    expect([...heights].length).toBe(1);
    expect([...heights][0]).toBeLessThanOrEqual(505);
    expect(mixed).toBeGreaterThan(0);
  });

  it('with shared lanes, labels more marks under a height cap than a band per track, and keeps clusters within a track', () => {
    const cap = { width: 600, ...SITE, targetSize: 26, maxHeight: 400 };
    const labelled = (l: TimelineLayout) => l.marks.filter((m) => m.label).length;
    // The fixture: 6 of its 16 marks labelled in bands, 12 in shared lanes.
    expect(labelled(layoutTimeline(events, tracks, { ...cap, sharedLanes: true }))).toBeGreaterThanOrEqual(
      1.5 * labelled(layoutTimeline(events, tracks, cap)),
    );
    const crowd = denseEvents(200);
    const shared = layoutTimeline(crowd, DENSE_TRACKS, { ...cap, sharedLanes: true });
    const trackOf = new Map(crowd.map((e) => [e.id, e.track]));
    expect(shared.clusters.length).toBeGreaterThan(5);
    for (const c of shared.clusters)
      expect(new Set(c.ids.map((id) => trackOf.get(id))), c.id).toEqual(new Set([c.trackId]));
  });

  it("with shared lanes, keeps other marks at least 11 px (mostly 16) clear of a label's far end, where its own mark is 4 px from the near end", () => {
    let checked = 0;
    let free = 0;
    for (const [data, trackList] of [
      [events, tracks],
      [denseEvents(300), DENSE_TRACKS],
    ] as const) {
      const prepared = prepareTimeline(data, trackList);
      for (const domain of zooms(prepared.fullDomain)) {
        const layout = layoutPrepared(prepared, { width: 600, ...SITE, sharedLanes: true, maxHeight: 505, domain });
        const symbols = [...layout.marks, ...layout.clusters];
        for (const m of symbols) {
          if (!m.labelBox) continue;
          const box = m.labelBox;
          const start = m.labelAnchor === 'start';
          for (const o of symbols) {
            if (o === m || Math.abs(o.y - m.y) > 0.5) continue;
            // Only the marks beyond the far end: the other side is the label's own mark.
            if ((start && o.x < m.x) || (!start && o.x > m.x)) continue;
            const gap = start ? o.x - o.r - (box.x + box.w) : box.x - (o.x + o.r);
            // 16 (LABEL_GAP and FAR_END_GAP) where the mark found a free lane; a mark put where it
            // harms least keeps only clear of the far end's room (10, and 1 to touch).
            expect(gap, `${o.id} beside the label of ${m.id}`).toBeGreaterThanOrEqual(11 - 0.01);
            if (gap >= 16 - 0.01) free++;
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(free / checked).toBeGreaterThan(0.9);
  });

  it('with shared lanes, puts a label left of its mark where no lane has room on its right, ending at the mark', () => {
    // In one lane: a key event's mark five days after a minor one leaves no room for the minor label on
    // its right. With shared lanes it goes left; with a band per track it is hidden.
    const two: LayoutEvent[] = [
      { ...events[0], id: 'minor', date: '2019-06-20', end: undefined, importance: 2, title: 'A minor event label' },
      { ...events[0], id: 'key', date: '2019-06-25', end: undefined, importance: 1, title: 'Key' },
    ];
    const fullDomain: [number, number] = [Date.UTC(2019, 4, 1), Date.UTC(2019, 7, 1)];
    const one = { width: 600, fullDomain, maxLanes: 1, maxHeight: 80 };
    const shared = layoutTimeline(two, tracks, { ...one, sharedLanes: true });
    const banded = layoutTimeline(two, tracks, one);
    const minor = shared.marks.find((m) => m.id === 'minor')!;
    expect(shared.marks.map((m) => m.y)).toEqual([minor.y, minor.y]);
    expect(minor.label).toBe('A minor event label');
    expect(minor.labelAnchor).toBe('end');
    expect(minor.labelBox!.x + minor.labelBox!.w).toBeLessThan(minor.x);
    expect(banded.marks.find((m) => m.id === 'minor')!.label).toBeNull();
    expect(overlaps(shared)).toEqual([]);
    expect(marksUnderLabels(shared)).toEqual([]);
  });

  it('hides labels by importance where they crowd: 3 first, then 2, importance 1 last; never cuts one', () => {
    // Marks far enough apart to be targets of their own, labels too close to all show.
    const crowd: LayoutEvent[] = [
      { id: 'minor', date: '2019-05-27', track: 'agreement', title: 'A background detail close by', importance: 3 },
      { id: 'middle', date: '2019-06-03', track: 'agreement', title: 'A related step soon after', importance: 2 },
      { id: 'key', date: '2019-06-10', track: 'agreement', title: 'The key event of the day', importance: 1 },
      {
        id: 'before',
        date: '2019-05-18',
        track: 'agreement',
        title: 'An earlier event with a long title that runs on',
        importance: 2,
      },
      { id: 'edge', date: '2019-08-30', track: 'agreement', title: 'End', importance: 3 },
    ];
    const layout = layoutTimeline(crowd, tracks, { width: 640, maxLanes: 1 });
    const mark = (id: string) => layout.marks.find((m) => m.id === id)!;
    expect(layout.clusters).toEqual([]);
    expect(mark('key').label).toBe('The key event of the day');
    expect(mark('minor').label).toBeNull();
    expect(mark('middle').label).toBeNull();
    // Not enough room before the key event for the earlier label whole: hidden, not cut.
    expect(mark('before').label).toBeNull();
    for (const m of layout.marks) expect(m.truncated).toBe(false);
    // With room, it shows whole.
    const roomy = layoutTimeline(crowd, tracks, { width: 2560, maxLanes: 2 });
    expect(roomy.marks.find((m) => m.id === 'before')!.label).toBe('An earlier event with a long title that runs on');
    expect(overlaps(layout)).toEqual([]);
  });

  it('gives highlighted events their labels first', () => {
    const crowd: LayoutEvent[] = [
      { id: 'key', date: '2019-06-07', track: 'agreement', title: 'The key event of the day', importance: 1 },
      { id: 'minor', date: '2019-06-12', track: 'agreement', title: 'A background detail', importance: 3 },
      { id: 'edge', date: '2019-08-30', track: 'agreement', title: 'End', importance: 3 },
    ];
    const plain = layoutTimeline(crowd, tracks, { width: 640, maxLanes: 1 });
    const lit = layoutTimeline(crowd, tracks, { width: 640, maxLanes: 1, highlighted: ['minor'] });
    expect(plain.marks.find((m) => m.id === 'minor')!.label).toBeNull();
    expect(lit.marks.find((m) => m.id === 'minor')!.label).toBe('A background detail');
    expect(lit.marks.find((m) => m.id === 'minor')!.highlighted).toBe(true);
  });

  it('labels a mark that went over a label of its rank where its lane has room after it, but not over a key label', () => {
    // Zoomed in, a crowd of marks in a track's lanes kept one label of nine: each later mark went over an
    // earlier one's label, which was hidden, and took none of its own though its lane had room.
    const crowd = (importance: 1 | 2): LayoutEvent[] => [
      { id: 'first', date: '2019-06-07', track: 'agreement', title: 'An earlier event with a long label', importance },
      { id: 'later', date: '2019-06-14', track: 'agreement', title: 'A later one', importance: 3 },
    ];
    // A quarter on 640 px: the later mark stands under the earlier label, with room after it.
    const o = { width: 640, maxLanes: 1, fullDomain: [Date.UTC(2019, 4, 1), Date.UTC(2019, 7, 1)] as const };
    const label = (l: TimelineLayout, id: string) => l.marks.find((m) => m.id === id)!.label;
    const even = layoutTimeline(crowd(2), tracks, o);
    expect(label(even, 'first')).toBeNull();
    expect(label(even, 'later')).toBe('A later one');
    // Over the label of an importance-1 event, it stays bare: a lesser label does not stand in for a key one.
    const key = layoutTimeline(crowd(1), tracks, o);
    expect(label(key, 'later')).toBeNull();
    // A mark placed within the bar of an earlier event, over its label: that label does not come back over it.
    const barred = layoutTimeline(
      [
        { ...crowd(2)[0], end: '2019-07-25' },
        { id: 'within', date: '2019-06-15', track: 'agreement', title: 'Within the bar', importance: 2 },
      ],
      tracks,
      o,
    );
    const first = barred.marks.find((m) => m.id === 'first')!;
    const within = barred.marks.find((m) => m.id === 'within')!;
    expect(within.y).toBe(first.y);
    const labelEnd = first.labelBox ? first.labelBox.x + first.labelBox.w : -Infinity;
    expect(labelEnd).toBeLessThan(within.x - within.r);
  });

  it('draws spans from the start of the first date to the end of the last, with milestones on the bar', () => {
    const layout = layoutTimeline(events, tracks, { width: 1280 });
    const x = scaleOf(layout);
    const bar = layout.spans.find((s) => s.id === 'review-period')!;
    const mark = layout.marks.find((m) => m.id === 'review-period')!;
    expect(bar.kind).toBe('span');
    expect(bar.x).toBeCloseTo(x(Date.UTC(2019, 5, 7)), 1);
    expect(bar.x + bar.w).toBeCloseTo(x(Date.UTC(2019, 6, 23)), 1);
    // The mark sits inside the span's first day (events of the same day share it out).
    expect(mark.x).toBeGreaterThanOrEqual(bar.x);
    expect(mark.x).toBeLessThan(x(Date.UTC(2019, 5, 8)));
    expect(mark.span).toBe(true);
    const ended = layout.milestones.find((m) => m.id === 'review-period#1')!;
    expect(ended.kind).toBe('ended');
    expect(ended.x).toBeCloseTo(x(Date.UTC(2019, 6, 22)), 1);
    expect(ended.y).toBeCloseTo(bar.y + bar.h / 2, 5);
    expect(ended.label).toBe('Review closes');
  });

  it('joins an event without an end to its milestones with a line, and marks steps that did not happen', () => {
    const layout = layoutTimeline(events, tracks, { width: 1280, words });
    const x = scaleOf(layout);
    const steps = layout.spans.find((s) => s.id === 'tariff-threat#steps')!;
    expect(steps.kind).toBe('steps');
    expect(steps.x).toBeCloseTo(x(Date.UTC(2019, 4, 30)), 1);
    expect(steps.x + steps.w).toBeCloseTo(x(Date.UTC(2019, 5, 10)), 1);
    const due = layout.milestones.find((m) => m.id === 'tariff-threat#1')!;
    expect(due).toMatchObject({ kind: 'scheduled', didNotHappen: true, dateText: '10 June 2019' });
    expect(due.ariaLabel).toBe(
      '10 June 2019, Trump threatens a 5% tariff on all Mexican goods: 5% tariff due (did not happen)',
    );
    expect(layout.milestones.find((m) => m.id === 'tariff-threat#2')!.didNotHappen).toBe(false);
  });

  it('merges dense events into "+N" clusters when zoomed out and splits them when zoomed in', () => {
    const prepared = prepareTimeline(dense, DENSE_TRACKS);
    const out = layoutPrepared(prepared, { width: 1280, words });
    expect(out.clusters.length).toBeGreaterThan(0);
    // Every event in the window is either a mark or in exactly one cluster.
    const inClusters = out.clusters.flatMap((c) => c.ids);
    const marked = out.marks.map((m) => m.id);
    expect(new Set([...inClusters, ...marked]).size).toBe(inClusters.length + marked.length);
    expect(inClusters.length + marked.length).toBe(dense.length);
    const biggest = [...out.clusters].sort((a, b) => b.count - a.count)[0];
    expect(biggest.count).toBe(biggest.ids.length);
    const labelled = out.clusters.filter((c) => c.label !== null);
    expect(labelled.length).toBeGreaterThan(0);
    for (const c of labelled) expect(c.label).toBe(`+${c.count}`);
    expect(biggest.ariaLabel).toMatch(new RegExp(`${biggest.count} events, grouped`));

    const zoomed = layoutPrepared(prepared, { width: 1280, domain: biggest.domain });
    const members = new Set(biggest.ids);
    const nowMarks = zoomed.marks.filter((m) => members.has(m.id));
    expect(nowMarks.length).toBeGreaterThan(0);
    for (const c of zoomed.clusters) expect(c.count).toBeLessThan(biggest.count);
    // Zoomed to a few days, almost nothing clusters: only where marks would come within a
    // target's size of each other in every lane.
    const close = layoutPrepared(prepared, { width: 1280, domain: [Date.UTC(2019, 5, 1), Date.UTC(2019, 5, 8)] });
    expect(close.clusters.length).toBeLessThan(out.clusters.length / 4);
    expect(close.marks.length).toBeGreaterThan(10 * close.clusters.length);
    expect(crowdedTargets(close, 24)).toEqual([]);
  });

  it('draws an out-of-window event’s steps only where its bar comes well into the window', () => {
    // Two events marked on 20 May, before a window from 1 June: one whose only later step is on 1 June,
    // at the window's start (its line would be a stub at the plot's edge, its step a shape nobody could
    // name), one whose steps run to 20 June (its line comes in, and its step shows).
    const one: LayoutTrack[] = [{ id: 'a', label: 'A', order: 1, shape: 'circle' }];
    const data: LayoutEvent[] = [
      {
        id: 'stub',
        date: '2019-05-20',
        track: 'a',
        title: 'Stub',
        importance: 2,
        milestones: [{ kind: 'effective', date: '2019-06-01' }],
      },
      {
        id: 'long',
        date: '2019-05-20',
        track: 'a',
        title: 'Long',
        importance: 2,
        milestones: [{ kind: 'effective', date: '2019-06-20' }],
      },
      { id: 'in', date: '2019-06-10', track: 'a', title: 'In the window', importance: 2 },
      // After the window, so that the data's extent (which a window is kept inside) reaches beyond it.
      { id: 'late', date: '2019-07-20', track: 'a', title: 'Late', importance: 2 },
    ];
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const layout = layoutTimeline(data, one, {
        width: orientation === 'vertical' ? 390 : 900,
        orientation,
        domain: [Date.UTC(2019, 5, 1), Date.UTC(2019, 6, 1)],
        words,
      });
      expect(
        layout.marks.map((m) => m.id),
        orientation,
      ).toEqual(['in']);
      expect(
        layout.spans.map((s) => s.eventId),
        orientation,
      ).toEqual(['long']);
      expect(
        layout.milestones.map((m) => m.eventId),
        orientation,
      ).toEqual(['long']);
    }
  });

  it('shows a crowd just beyond the window’s edge as a "+N" cluster there, in shared lanes and in bands', () => {
    // 400 events over 100 days, then 30 on one day just past each edge: within the half target a mark
    // beyond the edge still shows in part. Once, each crowd stayed 30 single marks that no lane could
    // hold, and none of them was drawn.
    const day = (d: number) => new Date(Date.UTC(2019, 0, 1) + d * DAY).toISOString().slice(0, 10);
    const two: LayoutTrack[] = [
      { id: 'a', label: 'A', order: 1, shape: 'circle' },
      { id: 'b', label: 'B', order: 2, shape: 'square' },
    ];
    const data: LayoutEvent[] = [
      ...Array.from({ length: 400 }, (_, i) => ({
        id: `in-${i}`,
        date: day(i % 100),
        track: i % 2 ? 'a' : 'b',
        title: `Event ${i}`,
        importance: 3 as const,
      })),
      ...Array.from({ length: 30 }, (_, i) => ({
        id: `right-${i}`,
        date: day(101),
        track: 'a',
        title: `R ${i}`,
        importance: 2 as const,
      })),
      ...Array.from({ length: 30 }, (_, i) => ({
        id: `left-${i}`,
        date: day(-2),
        track: 'b',
        title: `L ${i}`,
        importance: 2 as const,
      })),
    ];
    const domain: [number, number] = [Date.UTC(2019, 0, 1), Date.UTC(2019, 0, 1) + 100.5 * DAY];
    for (const sharedLanes of [true, false]) {
      const layout = layoutTimeline(data, two, { width: 600, maxHeight: 300, sharedLanes, domain, words });
      const { x, w } = layout.plot;
      for (const [side, edge] of [
        ['right', x + w],
        ['left', x],
      ] as const) {
        const holding = layout.clusters.filter((c) => c.ids.some((id) => id.startsWith(`${side}-`)));
        expect(holding, `${side} edge, shared lanes ${sharedLanes}`).toHaveLength(1);
        expect(holding[0].ids.filter((id) => id.startsWith(`${side}-`))).toHaveLength(30);
        expect(Math.abs(holding[0].x - edge)).toBeLessThanOrEqual(12);
      }
    }
  });

  it('draws no mark for an event of the day after the window, at the window’s end (exclusive)', () => {
    // A window "to 31 July" ends as 1 August begins: a 1 August event stood at the plot's edge, half cut
    // and labelled, in a chart about June and July. Its steps' stub at the edge went with it (8d5df2e).
    const track: LayoutTrack[] = [{ id: 't', label: 'Track', order: 1, shape: 'circle' }];
    const events: LayoutEvent[] = [
      { id: 'first', date: '2019-07-01', track: 't', title: 'First day', importance: 2 },
      { id: 'last', date: '2019-07-31', track: 't', title: 'Last day', importance: 2 },
      {
        id: 'after',
        date: '2019-08-01',
        track: 't',
        title: 'Day after',
        importance: 2,
        milestones: [{ date: '2019-08-12', kind: 'effective' }],
      },
    ];
    const domain: [number, number] = [Date.UTC(2019, 6, 1), Date.UTC(2019, 7, 1)];
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const layout = layoutTimeline(events, track, {
        width: orientation === 'vertical' ? 360 : 820,
        orientation,
        domain,
        words,
      });
      expect(
        layout.marks.map((m) => m.id),
        orientation,
      ).toEqual(['first', 'last']);
      expect(layout.spans, orientation).toEqual([]);
      expect(layout.milestones, orientation).toEqual([]);
    }
  });

  it('never clusters highlighted events; key events only where they crowd', () => {
    const layout = layoutTimeline(dense, DENSE_TRACKS, { width: 320, highlighted: ['event-3'] });
    for (const c of layout.clusters) expect(c.ids).not.toContain('event-3');
    expect(layout.marks.some((m) => m.id === 'event-3' && m.highlighted)).toBe(true);

    // Two days a month apart in one track: on the first, ten minor events and three key ones (too
    // few to crowd: they stay marks); on the second, ten minor and five key ones (one "+15").
    const day = (d: string, n: number, importance: 1 | 3): LayoutEvent[] =>
      Array.from({ length: n }, (_, i) => ({
        id: `${d}-${importance}-${i}`,
        date: d,
        track: 't',
        title: `Event ${i}`,
        importance,
      }));
    const few = [...day('2019-03-05', 10, 3), ...day('2019-03-05', 3, 1)];
    const crowd = [...day('2019-09-10', 10, 3), ...day('2019-09-10', 5, 1)];
    const track: LayoutTrack[] = [{ id: 't', label: 'Track', order: 1, shape: 'circle' }];
    const out = layoutTimeline([...few, ...crowd], track, {
      width: 640,
      domain: [Date.UTC(2019, 0, 1), Date.UTC(2020, 0, 1)],
    });
    const clusterOf = (id: string) => out.clusters.find((c) => c.ids.includes(id));
    for (const e of few) {
      if (e.importance === 1) expect(out.marks.map((m) => m.id)).toContain(e.id);
      else expect(clusterOf(e.id)?.count).toBe(10);
    }
    for (const e of crowd) expect(clusterOf(e.id)?.count).toBe(15);
    // Zoomed in to the crowded day, its key events come back as marks.
    const zoomed = layoutTimeline([...few, ...crowd], track, {
      width: 640,
      domain: [Date.UTC(2019, 8, 9), Date.UTC(2019, 8, 12)],
    });
    expect(zoomed.marks.filter((m) => m.id.startsWith('2019-09-10-1-')).length).toBe(5);
  });

  it('marks a link highlighted only when both its events are', () => {
    const layout = layoutTimeline(events, tracks, {
      width: 1280,
      highlighted: ['joint-declaration', 'tariff-suspended'],
    });
    const byId = new Map(layout.links.map((l) => [l.id, l]));
    expect(byId.get('joint-declaration->tariff-suspended')!.highlighted).toBe(true);
    expect(byId.get('joint-declaration->guard-deployment')!.highlighted).toBe(false);
    expect(byId.get('talks-washington->joint-declaration')!.highlighted).toBe(false);
  });

  it('draws links only when both ends are visible', () => {
    const full = layoutTimeline(events, tracks, { width: 1280 });
    expect(full.links.map((l) => l.id)).toContain('talks-washington->joint-declaration');
    const link = full.links.find((l) => l.id === 'talks-washington->joint-declaration')!;
    const from = full.marks.find((m) => m.id === 'talks-washington')!;
    expect([link.x1, link.y1]).toEqual([from.x, from.y]);
    expect(link.relation).toBe('led-to');
    // A window that holds the review's end but not its start.
    const late = layoutTimeline(events, tracks, { width: 1280, domain: [Date.UTC(2019, 6, 15), Date.UTC(2019, 8, 1)] });
    expect(late.marks.some((m) => m.id === 'review-ends')).toBe(true);
    expect(late.links.map((l) => l.id)).not.toContain('review-period->review-ends');
    const noBorder = layoutTimeline(events, tracks, { width: 1280, visibleTracks: ['tariffs', 'agreement'] });
    expect(noBorder.links.map((l) => l.id)).not.toContain('joint-declaration->guard-deployment');
    expect(noBorder.links.map((l) => l.id)).toContain('joint-declaration->tariff-suspended');
  });

  it('drops the events of hidden tracks', () => {
    const layout = layoutTimeline(events, tracks, { width: 1280, visibleTracks: ['agreement'] });
    expect(layout.tracks.map((t) => t.id)).toEqual(['agreement']);
    expect(layout.marks.length).toBe(events.filter((e) => e.track === 'agreement').length);
    expect(layout.marks.every((m) => m.trackId === 'agreement')).toBe(true);
    expect(layout.milestones.every((m) => m.trackId === 'agreement')).toBe(true);
    expect(layout.spans.every((s) => s.trackId === 'agreement')).toBe(true);
    const all = layoutTimeline(events, tracks, { width: 1280 });
    expect(layout.size.height).toBeLessThan(all.size.height);
    expect(() => layoutTimeline(events, tracks, { width: 1280, visibleTracks: ['nope'] })).toThrow(
      /"nope".*tariffs, agreement, border/,
    );
  });

  it('in vertical orientation puts later events lower, all tracks in one column of marks by the axis, and gives labels the rest of the width', () => {
    for (const options of [{}, SITE]) {
      // A focus on the busy weeks gives each of their events a row (else same-day marks cluster).
      const focus = [Date.UTC(2019, 4, 25), Date.UTC(2019, 7, 1)] as const;
      const layout = layoutTimeline(events, tracks, { width: 360, orientation: 'vertical', focus, ...options });
      expect(layout.orientation).toBe('vertical');
      const time = new Map(events.map((e) => [e.id, markTime(e)]));
      const marks = [...layout.marks].sort((a, b) => time.get(a.id)! - time.get(b.id)!);
      for (let i = 1; i < marks.length; i++) {
        if (time.get(marks[i].id)! > time.get(marks[i - 1].id)!) expect(marks[i].y).toBeGreaterThan(marks[i - 1].y);
      }
      // One column: marks on the axis line or just beside it (when another mark is in the way), whatever their track.
      const columns = new Set(layout.marks.map((m) => m.x));
      expect(columns.size).toBeLessThanOrEqual(2);
      expect(Math.min(...columns)).toBe(layout.plot.x);
      expect(new Set(layout.marks.filter((m) => m.x === layout.plot.x).map((m) => m.trackId)).size).toBe(tracks.length);
      // The labels start in one place and take at least 60% of the width.
      const starts = new Set(layout.marks.filter((m) => m.labelBox).map((m) => m.labelBox!.x));
      expect(starts.size).toBe(1);
      const [labelsX] = starts;
      expect(labelsX).toBeGreaterThan(Math.max(...columns) + 9);
      expect(360 - labelsX).toBeGreaterThanOrEqual(0.6 * 360);
      // No in-SVG legend: the page's legend and filters name the tracks.
      expect(layout.tracks).toEqual([]);
      // Spans run down the page.
      const bar = layout.spans.find((s) => s.id === 'review-period')!;
      expect(bar.h).toBeGreaterThan(bar.w);
      expect(layout.axis.ticks.every((t) => t.anchor === 'end')).toBe(true);
    }
  });

  it('in vertical orientation wraps a long label onto a second row, and hides one too long for two', () => {
    const title = 'US and Mexico issue a joint declaration on migration';
    const long =
      'At the 45-day mark, Ebrard reports a 36.2% fall in flows and rules out talks on a safe-third-country agreement with the United States';
    const two: LayoutEvent[] = [
      { id: 'short', date: '2019-01-10', track: 'agreement', title: 'Talks', importance: 2 },
      { id: 'wrapped', date: '2019-05-30', track: 'tariffs', title, importance: 1 },
      { id: 'cut', date: '2019-09-30', track: 'agreement', title: long, importance: 2 },
    ];
    const layout = layoutTimeline(two, tracks, { width: 360, orientation: 'vertical', ...SITE });
    const mark = (id: string) => layout.marks.find((m) => m.id === id)!;
    expect(mark('short').labelLines).toEqual(['Talks']);
    expect(mark('short').labelBox!.h).toBe(layout.labelHeight);
    const wrapped = mark('wrapped');
    expect(wrapped.labelLines.length).toBe(2);
    expect(wrapped.labelLines.join(' ')).toBe(title);
    expect(wrapped.label).toBe(title);
    expect(wrapped.truncated).toBe(false);
    expect(wrapped.labelBox!.h).toBe(2 * layout.labelHeight);
    for (const line of wrapped.labelLines)
      expect(textWidth(line, 13 * 1.15 * BOLD_WIDTH)).toBeLessThanOrEqual(wrapped.labelBox!.w + 0.01);
    // Too long for two rows: no label at all (the data check refuses such a label in content).
    const cut = mark('cut');
    expect(cut.labelLines).toEqual([]);
    expect(cut.label).toBeNull();
    expect(cut.truncated).toBe(false);
  });

  it('in vertical orientation names the span of a "+N" cluster in its label, whole on its line, where it has room', () => {
    // A cluster's mark stands at its events' mean; under a long window that can be months from some of
    // them ("+6 Border data" at October, for releases of August to December): its label says where they are.
    const byId = new Map(dense.map((e) => [e.id, e]));
    // From its first mark to the end of the event that ends last (a span's end, else its mark).
    const span = (ids: string[]) => {
      const evs = ids.map((id) => byId.get(id)!);
      const ends = (e: LayoutEvent) => (e.end ? parsePartialDate(e.end).end.getTime() : markTime(e));
      const first = evs.reduce((a, e) => (markTime(e) < markTime(a) ? e : a));
      const last = evs.reduce((a, e) => (ends(e) > ends(a) ? e : a));
      return formatShortRange(first.date, last.end ?? last.date, words.dates);
    };
    const prepared = prepareTimeline(dense, DENSE_TRACKS);
    let spanned = 0;
    let plain = 0;
    for (const width of [240, 360, 640]) {
      const layout = layoutPrepared(prepared, { width, orientation: 'vertical', ...SITE, words });
      for (const c of layout.clusters.filter((c) => c.label)) {
        const track = DENSE_TRACKS.find((t) => t.id === c.trackId)?.label ?? words.mixedTrack;
        const base = c.trackId ? `+${c.count} ${track}` : `+${c.count} ${words.mixedTrack}`;
        const whole = `${base} (${span(c.ids).replace(/ /g, '\u00a0')})`;
        if (c.label === whole) {
          spanned++;
          // The span is never broken across the label's lines.
          expect(c.labelLines.some((line) => line.trim().endsWith(`(${span(c.ids).replace(/ /g, '\u00a0')})`))).toBe(
            true,
          );
        } else {
          // Without it only where the label with it would not fit on two rows, or found no room.
          expect(c.label).toBe(base);
          plain++;
        }
      }
    }
    expect(spanned).toBeGreaterThan(10);
    // At 240 px some labels keep room only without their span.
    expect(plain).toBeGreaterThan(0);
  });

  it('in vertical orientation stacks the labels of events close in time in the order of their marks, joined by leaders when moved', () => {
    const prepared = prepareTimeline(dense, DENSE_TRACKS);
    let leaders = 0;
    for (const domain of zooms(prepared.fullDomain)) {
      const layout = layoutPrepared(prepared, { width: 360, orientation: 'vertical', domain, ...SITE });
      const labelled = [...layout.marks, ...layout.clusters]
        .filter((m) => m.labelBox)
        .sort((a, b) => a.y - b.y || a.labelBox!.y - b.labelBox!.y);
      for (let i = 1; i < labelled.length; i++) {
        // In order, and apart.
        expect(labelled[i].labelBox!.y).toBeGreaterThanOrEqual(
          labelled[i - 1].labelBox!.y + labelled[i - 1].labelBox!.h,
        );
      }
      for (const m of labelled) {
        const row = m.labelBox!.y + layout.labelHeight / 2;
        // Near its mark: at most a few rows away.
        expect(Math.abs(row - m.y)).toBeLessThanOrEqual(5 * layout.labelHeight + 0.01);
        if (Math.abs(row - m.y) <= 1) {
          expect(m.leader).toBeNull();
          continue;
        }
        leaders++;
        expect(m.leader).not.toBeNull();
        expect(m.leader!.y1).toBeCloseTo(m.y, 1);
        expect(m.leader!.y2).toBeCloseTo(row, 1);
        expect(m.leader!.x1).toBeGreaterThan(m.x);
        expect(m.leader!.x2).toBeLessThan(m.labelBox!.x);
      }
    }
    expect(leaders).toBeGreaterThan(10);
  });

  it('names marks for screen readers with the date at its own precision', () => {
    const layout = layoutTimeline(events, tracks, { width: 1280 });
    const name = (id: string) => layout.marks.find((m) => m.id === id)!.ariaLabel;
    expect(name('joint-declaration')).toBe('7 June 2019, Agreement: US and Mexico issue a joint declaration');
    expect(name('guard-deployment')).toBe(
      'June 2019, Border and migration: Mexico deploys its National Guard to the southern border',
    );
    expect(name('usmca-debate')).toBe('2019, Tariffs and trade: USMCA ratification debate continues in Congress');
    expect(name('talks-washington')).toBe('5 – 7 June 2019, Agreement: Mexican delegation negotiates in Washington');
    expect(layout.marks.find((m) => m.id === 'guard-deployment')!.dateText).toBe('June 2019');
  });

  it('places a month-precision event at the middle of its month', () => {
    const layout = layoutTimeline(events, tracks, { width: 1280 });
    const x = scaleOf(layout);
    expect(layout.marks.find((m) => m.id === 'guard-deployment')!.x).toBeCloseTo(x(Date.UTC(2019, 5, 16)), 1);
  });

  it('lays out period bands with their labels', () => {
    const layout = layoutTimeline(events, tracks, { width: 1280, periods });
    const x = scaleOf(layout);
    const band = layout.periods.find((p) => p.id === 'review')!;
    expect(band.x).toBeCloseTo(x(Date.UTC(2019, 5, 7)), 1);
    expect(band.x + band.w).toBeCloseTo(x(Date.UTC(2019, 6, 23)), 1);
    expect(band.y).toBe(layout.plot.y);
    expect(band.h).toBe(layout.plot.h);
    expect(band.text).toBe('45-day review');
    expect(band.ariaLabel).toBe('7 June – 22 July 2019: 45-day review');
    // Out of the window, the band is dropped.
    const early = layoutTimeline(events, tracks, {
      width: 1280,
      periods,
      domain: [Date.UTC(2019, 4, 1), Date.UTC(2019, 5, 1)],
    });
    expect(early.periods).toEqual([]);
  });

  it('keeps the zoom window inside the full domain and at least two days long', () => {
    const full: [number, number] = [0, 100 * DAY];
    expect(clampDomain([-10 * DAY, 5 * DAY], full)).toEqual([0, 15 * DAY]);
    expect(clampDomain([90 * DAY, 120 * DAY], full)).toEqual([70 * DAY, 100 * DAY]);
    expect(clampDomain([10 * DAY, 10 * DAY + 1000], full)).toEqual([10 * DAY, 12 * DAY]);
    expect(clampDomain([-1e15, 1e15], full)).toEqual(full);
    expect(clampDomain(undefined, full)).toEqual(full);
    const layout = layoutTimeline(events, tracks, { width: 640, domain: [0, 1] });
    expect(layout.domain[0]).toBe(layout.fullDomain[0]);
  });

  it('gives axis ticks inside the plot that suit the zoom', () => {
    const year = layoutTimeline(events, tracks, { width: 1280 });
    const days = layoutTimeline(events, tracks, { width: 1280, domain: [Date.UTC(2019, 5, 3), Date.UTC(2019, 5, 13)] });
    const labelled = (l: TimelineLayout) => l.axis.ticks.filter((t) => t.label);
    expect(labelled(year).some((t) => t.label === '2020')).toBe(true);
    expect(labelled(days).map((t) => t.label)).toContain('7 Jun');
    for (const t of [...year.axis.ticks, ...days.axis.ticks]) {
      expect(t.x).toBeGreaterThanOrEqual(year.plot.x);
      expect(t.x).toBeLessThanOrEqual(year.plot.x + year.plot.w);
    }
  });

  it('keeps every axis label inside the SVG under a focus warp, at full view, zoomed and panned', () => {
    const prepared = prepareTimeline(dense, DENSE_TRACKS);
    const [d0, d1] = prepared.fullDomain;
    const focus: [number, number] = [d0 + 0.4 * (d1 - d0), d0 + 0.55 * (d1 - d0)];
    let labels = 0;
    for (const width of [600, 820]) {
      for (const domain of zooms(prepared.fullDomain)) {
        for (const shift of [0, 0.013, 0.029]) {
          const span = domain[1] - domain[0];
          const moved: [number, number] = [domain[0] + shift * span, domain[1] + shift * span];
          const layout = layoutPrepared(prepared, { width, ...SITE, focus, domain: moved });
          for (const t of layout.axis.ticks) {
            if (!t.labelBox) continue;
            labels++;
            const where = `"${t.label}" at ${width}, ${new Date(moved[0]).toISOString().slice(0, 10)}`;
            expect(t.labelBox.x, where).toBeGreaterThanOrEqual(0);
            expect(t.labelBox.x + t.labelBox.w, where).toBeLessThanOrEqual(width);
          }
        }
      }
    }
    expect(labels).toBeGreaterThan(100);
  });

  it('vertical: gives no event the date of another day, its row level with an axis label (under a focus, empty days are a few px)', () => {
    // "20 Jul" once sat level with a 21 July event, the 20th taking 4 px and its label winning over the 21st's.
    const focus = [Date.UTC(2019, 4, 25), Date.UTC(2019, 7, 1)] as const;
    const time = new Map(events.map((e) => [e.id, markTime(e)]));
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    let level = 0;
    for (const width of [360, 390]) {
      const prepared = prepareTimeline(events, tracks);
      for (const domain of [undefined, [Date.UTC(2019, 5, 1), Date.UTC(2019, 7, 1)] as [number, number]]) {
        const layout = layoutPrepared(prepared, { width, orientation: 'vertical', focus, ...SITE, domain, words });
        for (const t of layout.axis.ticks) {
          if (!t.labelBox || !/(^|\D)\d{1,2}(\D|$)/.test(t.label)) continue;
          const y = t.labelBox.y + t.labelBox.h / 2;
          for (const m of layout.marks) {
            if (Math.abs(m.y - y) >= t.labelBox.h) continue;
            level++;
            expect(day(time.get(m.id)!), `"${t.label}" level with ${m.id} at ${width}`).toBe(day(t.t));
          }
        }
      }
    }
    // Not vacuous: some events have their own date level with them.
    expect(level).toBeGreaterThan(0);
  });

  it('vertical: under a focus, labels each day with events level with its first mark', () => {
    // Weekly ticks fell on empty days, a few px above the next day's events ("17 Jun" 16 px above a
    // 21 June event, "8 Jul" 20 px above a 9 July one): a reader gave those events the wrong date.
    const focus = [Date.UTC(2019, 4, 25), Date.UTC(2019, 7, 1)] as const;
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    const byId = new Map(events.map((e) => [e.id, e]));
    let checked = 0;
    let level = 0;
    for (const width of [360, 390]) {
      const layout = layoutTimeline(events, tracks, { width, orientation: 'vertical', focus, ...SITE, words });
      const first = new Map<string, number>();
      for (const m of layout.marks) {
        const date = byId.get(m.id)!.date;
        if (date.length !== 10 || Date.parse(date) < focus[0] || Date.parse(date) >= focus[1]) continue;
        if (!first.has(date) || m.y < first.get(date)!) first.set(date, m.y);
      }
      const gutterTaken = (y: number) =>
        layout.annotations.some((a) => a.labelBox && y > a.labelBox.y - 10 && y < a.labelBox.y + a.labelBox.h + 10);
      const labelled = layout.axis.ticks.filter((t) => t.labelBox);
      const centre = (t: (typeof labelled)[number]) => t.labelBox!.y + t.labelBox!.h / 2;
      for (const [date, y] of first) {
        if (gutterTaken(y)) continue;
        checked++;
        const own = labelled.find((t) => day(t.t) === date);
        if (own && Math.abs(centre(own) - y) < 2) level++;
        // Else only because another day's label is in the way (rows squeezed under a target's height).
        else
          expect(
            labelled.some((t) => Math.abs(centre(t) - y) < 2 * t.labelBox!.h),
            `${date} at ${width}`,
          ).toBe(true);
      }
    }
    expect(level / checked).toBeGreaterThanOrEqual(0.7);
  });

  it('gives the same result when prepared once and laid out many times', () => {
    const prepared = prepareTimeline(events, tracks);
    const options: LayoutOptions = { width: 900, periods, domain: [Date.UTC(2019, 4, 20), Date.UTC(2019, 7, 1)] };
    layoutPrepared(prepared, { width: 900 });
    expect(layoutPrepared(prepared, options)).toEqual(layoutTimeline(events, tracks, options));
  });

  it('returns plain data that survives a JSON round trip', () => {
    const layout = layoutTimeline(dense.slice(0, 300), DENSE_TRACKS, { width: 640, periods });
    expect(JSON.parse(JSON.stringify(layout))).toEqual(layout);
  });

  it('throws on an event whose track does not exist, naming both', () => {
    const stray: LayoutEvent = { id: 'stray', date: '2019', track: 'weather', title: 'Storm', importance: 3 };
    expect(() => layoutTimeline([stray], tracks, { width: 640 })).toThrow(/"stray".*"weather"/);
    expect(() => layoutTimeline(events, tracks, { width: 0 })).toThrow(RangeError);
  });

  it('matches the fixture snapshot', async () => {
    const layout = {
      wide: layoutTimeline(events, tracks, { width: 1280, periods, highlighted: ['joint-declaration'], words }),
      zoomed: layoutTimeline(events, tracks, {
        width: 640,
        words,
        periods,
        domain: [Date.UTC(2019, 4, 25), Date.UTC(2019, 5, 20)],
      }),
      narrow: layoutTimeline(events, tracks, { width: 320, orientation: 'vertical', periods, words }),
    };
    await expect(`${JSON.stringify(layout, null, 1)}\n`).toMatchFileSnapshot('../snapshots/layout-fixture.json');
  });
});

/** Area of a closed polygon path "Mx,yLx,y…Z" (shoelace formula). */
function polygonArea(d: string): number {
  const points = d
    .replace(/^M|Z$/g, '')
    .split('L')
    .map((p) => p.split(',').map(Number));
  let sum = 0;
  for (let i = 0; i < points.length; i++) {
    const [x1, y1] = points[i];
    const [x2, y2] = points[(i + 1) % points.length];
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

describe('attrs and shapes', () => {
  it('write numbers with at most one decimal and no negative zero', () => {
    expect(svgNumber(1.23456)).toBe('1.2');
    expect(svgNumber(1.25001)).toBe('1.3');
    expect(svgNumber(-0.04)).toBe('0');
    expect(svgNumber(10)).toBe('10');
    expect(markTransform({ x: 10.06, y: 3 })).toBe('translate(10.1,3)');
    expect(spanPath({ x: 1, y: 2, w: 30, h: 4 })).toBe('M1,2h30v4h-30Z');
  });

  it('give every track shape about the area of a circle of the same radius', () => {
    for (const shape of TRACK_SHAPES) {
      const d = symbolPath(shape, 10);
      if (shape === 'circle') {
        expect(d).toBe('M10,0A10,10,0,1,1,-10,0A10,10,0,1,1,10,0Z');
        continue;
      }
      expect(polygonArea(d) / (Math.PI * 100), shape).toBeCloseTo(1, 1);
    }
  });

  it('class a mark by track, importance, highlight and hidden label', () => {
    const layout = layoutTimeline(events, tracks, { width: 1280, highlighted: ['joint-declaration'] });
    const mark = layout.marks.find((m) => m.id === 'joint-declaration')!;
    expect(markClass(mark)).toBe('tl-mark tl-mark--importance-1 tl-mark--highlighted');
  });

  it('curve a link as an arc within a lane and an S between lanes', () => {
    expect(linkPath({ x1: 0, y1: 50, x2: 90, y2: 50 })).toBe('M0,50Q45,26,90,50');
    expect(linkPath({ x1: 0, y1: 10, x2: 100, y2: 50 })).toBe('M0,10C50,10,50,50,100,50');
    expect(linkPath({ x1: 20, y1: 0, x2: 20, y2: 30 }, 'vertical')).toBe('M20,0Q10,15,20,30');
  });
});

describe("the vertical labels' column", () => {
  it('keeps labels in the order of their marks, 6 px apart, and no more than five rows from their marks', () => {
    const column = labelColumn(0, 1000, 16);
    expect(placeLabel(column, 5, 100, 16)).toBe(100);
    // Rank 6 wants the same place: it goes just below rank 5's label.
    expect(placeLabel(column, 6, 100, 16)).toBe(122);
    // Rank 4 goes just above rank 5's label.
    expect(placeLabel(column, 4, 100, 32)).toBe(62);
    expect(gapAt(column, 7)).toEqual([144, 1000, 3]);
    // Between ranks 4 and 5 there is no room; past rank 6 it would move more than 5 × 16 px.
    expect(placeLabel(column, 4.5, 90, 16)).toBeNull();
    expect(placeLabel(column, 7, 40, 16)).toBeNull();
    // The column's ends bound it.
    expect(placeLabel(column, 0, -20, 16)).toBe(0);
    expect(placeLabel(column, 9, 990, 16)).toBe(984);
  });
});
