import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { layoutTimeline, type LayoutEvent, type LayoutTrack, type TimelineLayout } from '../../src/lib/timeline/layout';
import { TimelineEvent, Track } from '../../src/lib/timeline/schema';
import {
  timelineSvgAttrs,
  timelineSvgLayers,
  type SvgModelOptions,
  type SvgNode,
} from '../../src/lib/timeline/svg-model';
import { getTimelineData } from '../../src/data/timeline';
import { timelineChartVariants, type TimelineSpec } from '../../src/lib/timeline/chart-variants';
import { svgToString } from '../../src/lib/svg';
import { en } from '../../src/lib/ui/strings';
import { DENSE_TRACKS, denseEvents } from '../fixtures/timeline/generate';
import fixture from '../fixtures/timeline/fixture.json';

const events: LayoutEvent[] = z.array(TimelineEvent).parse(fixture.events);
const tracks: LayoutTrack[] = z.array(Track).parse(fixture.tracks);
const periods = fixture.periods;
const SITE = { fontSize: 13, textWidthFactor: 1.15, words: en.timelineClient.layout } as const;
const model = (extra: Partial<SvgModelOptions> = {}): SvgModelOptions => ({
  uid: 'tl-test',
  href: (id) => `/events/${id}/`,
  label: 'Test timeline',
  ...extra,
});

function find(nodes: SvgNode[], key: string): SvgNode {
  const node = nodes.find((n) => n.key === key);
  if (!node) throw new Error(`no node "${key}" among ${nodes.map((n) => n.key).join(', ')}`);
  return node;
}

/** Path of keys to every node whose siblings share its key. */
function duplicateKeys(nodes: SvgNode[], path = ''): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const n of nodes) {
    const id = `${n.tag}:${n.key}`;
    if (seen.has(id)) out.push(`${path}/${id}`);
    seen.add(id);
    out.push(...duplicateKeys(n.children ?? [], `${path}/${id}`));
  }
  return out;
}

function markNode(layers: SvgNode[], id: string): SvgNode {
  return find(find(find(layers, 'data').children!, 'marks').children!, id);
}

const layouts: [string, TimelineLayout][] = [
  ['horizontal', layoutTimeline(events, tracks, { width: 960, periods, highlighted: ['joint-declaration'], ...SITE })],
  ['vertical', layoutTimeline(events, tracks, { width: 360, orientation: 'vertical', periods, ...SITE })],
  [
    'dense vertical',
    layoutTimeline(denseEvents(400), DENSE_TRACKS, { width: 360, orientation: 'vertical', periods, ...SITE }),
  ],
];

describe('timelineSvgLayers', () => {
  for (const [name, layout] of layouts) {
    it(`gives every node a key unique among its siblings (${name})`, () => {
      expect(duplicateKeys(timelineSvgLayers(layout, model()))).toEqual([]);
    });

    it(`gives the same tree and markup for the same layout (${name})`, () => {
      const a = timelineSvgLayers(layout, model());
      const b = timelineSvgLayers(JSON.parse(JSON.stringify(layout)), model());
      expect(b).toEqual(a);
      expect(svgToString(timelineSvgAttrs(layout, model()), a)).toBe(svgToString(timelineSvgAttrs(layout, model()), b));
    });
  }

  it('makes the earliest cluster the tab stop, a button, when a drawing has clusters only; else a mark is', () => {
    const tabStops = (layout: TimelineLayout) =>
      [
        ...find(find(timelineSvgLayers(layout, model()), 'data').children!, 'clusters').children!,
        ...find(find(timelineSvgLayers(layout, model()), 'data').children!, 'marks').children!,
      ]
        .filter((n) => n.attrs.tabindex === '0')
        .map((n) => [n.key, n.attrs.role ?? n.tag]);
    const crowded = layoutTimeline(denseEvents(2000), DENSE_TRACKS, { width: 360, orientation: 'vertical', ...SITE });
    expect(crowded.marks).toEqual([]);
    const earliest = [...crowded.clusters].sort((a, b) => a.domain[0] - b.domain[0])[0];
    expect(tabStops(crowded)).toEqual([[earliest.id, 'button']]);
    const clusters = find(find(timelineSvgLayers(crowded, model()), 'data').children!, 'clusters').children!;
    expect(clusters.filter((c) => c.attrs.role === 'img')).toHaveLength(crowded.clusters.length - 1);
    // With marks, a mark is the only tab stop and every cluster is an image.
    const horizontal = layoutTimeline(denseEvents(2000), DENSE_TRACKS, { width: 960, ...SITE });
    expect(horizontal.clusters.length).toBeGreaterThan(0);
    expect(tabStops(horizontal)).toEqual([[horizontal.marks[0].id, 'a']]);
  });

  it("names a mark by reference to the page's list where the list has its event, else by its own aria-label", () => {
    const layout = layouts[0][1];
    const [listed, other] = [layout.marks[0], layout.marks[1]];
    const layers = timelineSvgLayers(layout, model({ names: { prefix: 'n-', listed: (id) => id === listed.id } }));
    expect(markNode(layers, listed.id).attrs).toMatchObject({ 'aria-labelledby': `n-${listed.id}` });
    expect(markNode(layers, listed.id).attrs['aria-label']).toBeUndefined();
    expect(markNode(layers, other.id).attrs).toMatchObject({ 'aria-label': other.ariaLabel });
    expect(markNode(layers, other.id).attrs['aria-labelledby']).toBeUndefined();
    // Without a list (a standalone SVG): every mark carries its name.
    for (const m of layout.marks)
      expect(markNode(timelineSvgLayers(layout, model()), m.id).attrs['aria-label']).toBe(m.ariaLabel);
  });

  it("paints the periods' bands over the tracks' bands (a grey lane hid the 45 days), under the marks", () => {
    for (const [, layout] of layouts) {
      expect(layout.periods.length).toBeGreaterThan(0);
      const keys = timelineSvgLayers(layout, model()).map((n) => n.key);
      expect(keys.indexOf('tracks')).toBeGreaterThanOrEqual(0);
      expect(keys.indexOf('periods')).toBeGreaterThan(keys.indexOf('tracks'));
      expect(keys.indexOf('data')).toBeGreaterThan(keys.indexOf('periods'));
    }
  });

  it("paints every note's rule before any note's text, so that no rule crosses another note's text", () => {
    const data = getTimelineData('en');
    const chart = data.charts.find(
      (c): c is TimelineSpec => c.kind === 'timeline' && (c.annotations ?? []).length > 1,
    )!;
    const v = timelineChartVariants(chart, data);
    const layout = layoutTimeline(v.layoutEvents, v.layoutTracks, { ...v.variants[0].options, ...SITE });
    expect(layout.annotations.length).toBeGreaterThan(1);
    const order: string[] = [];
    const walk = (n: SvgNode) => {
      if (n.attrs.class === 'tl-annotation__rule' || n.attrs.class === 'tl-annotation__label')
        order.push(n.attrs.class);
      n.children?.forEach(walk);
    };
    timelineSvgLayers(layout, model()).forEach(walk);
    const lastRule = order.lastIndexOf('tl-annotation__rule');
    const firstLabel = order.indexOf('tl-annotation__label');
    expect(lastRule).toBe(layout.annotations.length - 1);
    expect(firstLabel).toBeGreaterThan(lastRule);
  });

  it('writes a label of two rows as two <text> rows, one row height apart, under the mark', () => {
    const layout = layouts[1][1];
    const mark = layout.marks.find((m) => m.labelLines.length === 2)!;
    expect(mark).toBeDefined();
    const node = markNode(timelineSvgLayers(layout, model()), mark.id);
    const rows = node.children!.filter((c) => c.tag === 'text');
    expect(rows.map((r) => r.key)).toEqual(['label', 'label-2']);
    expect(rows.map((r) => r.text!.trimEnd())).toEqual(mark.labelLines);
    // every row but the last ends with a space, so the rows read as one phrase
    expect(rows.slice(0, -1).every((r) => r.text!.endsWith(' '))).toBe(true);
    expect(rows[0].attrs.x).toBe(rows[1].attrs.x);
    expect(Number(rows[1].attrs.y) - Number(rows[0].attrs.y)).toBeCloseTo(layout.labelHeight, 5);
    // Relative to the mark: the first row's centre is the box's first row.
    expect(Number(rows[0].attrs.x)).toBeCloseTo(mark.labelBox!.x - mark.x, 1);
    expect(Number(rows[0].attrs.y)).toBeCloseTo(mark.labelBox!.y + layout.labelHeight / 2 - mark.y, 1);
  });

  it('anchors a label that sits left of its mark at the right edge of its box', () => {
    const late: LayoutEvent[] = [
      { id: 'first', date: '2019-01-10', track: 'agreement', title: 'Start', importance: 3 },
      {
        id: 'late',
        date: '2019-06-20',
        track: 'tariffs',
        title: 'Trump announces tariffs on all Mexican goods to press Mexico on migration',
        importance: 1,
      },
    ];
    const layout = layoutTimeline(late, tracks, { width: 960, ...SITE });
    const mark = layout.marks.find((m) => m.id === 'late')!;
    expect(mark.labelAnchor).toBe('end');
    const text = markNode(timelineSvgLayers(layout, model()), 'late').children!.find((c) => c.key === 'label')!;
    expect(text.attrs['text-anchor']).toBe('end');
    expect(Number(text.attrs.x)).toBeCloseTo(mark.labelBox!.x + mark.labelBox!.w - mark.x, 1);
    const first = markNode(timelineSvgLayers(layout, model()), 'first').children!.find((c) => c.key === 'label')!;
    expect(first.attrs['text-anchor']).toBeUndefined();
  });

  it('draws a leader from a mark to its label when the label moved, behind the symbol', () => {
    const layout = layoutTimeline(events, tracks, { width: 360, orientation: 'vertical', length: 900, ...SITE });
    const mark = layout.marks.find((m) => m.leader)!;
    expect(mark).toBeDefined();
    const layers = timelineSvgLayers(layout, model());
    const children = markNode(layers, mark.id).children!;
    const leader = children.find((c) => c.key === 'leader')!;
    expect(leader.attrs.class).toBe('tl-leader');
    expect(leader.attrs.d).toMatch(/^M[\d.-]+,[\d.-]+L[\d.-]+,[\d.-]+$/);
    expect(children.indexOf(leader)).toBeLessThan(children.findIndex((c) => c.key === 'symbol'));
    for (const m of layout.marks.filter((x) => !x.leader)) {
      expect(markNode(layers, m.id).children!.some((c) => c.key === 'leader')).toBe(false);
    }
  });

  it('draws links only for the selected event, those from it and those to it', () => {
    const layout = layoutTimeline(events, tracks, {
      width: 1280,
      highlighted: ['joint-declaration', 'tariff-suspended'],
    });
    const links = (options: SvgModelOptions) =>
      find(find(timelineSvgLayers(layout, options), 'data').children!, 'links').children!;
    expect(layout.links.length).toBeGreaterThan(2);
    expect(links(model())).toEqual([]);
    const selected = links(model({ selectedId: 'joint-declaration' }));
    expect(selected.map((l) => l.key).sort()).toEqual(
      layout.links
        .filter((l) => l.from === 'joint-declaration' || l.to === 'joint-declaration')
        .map((l) => l.id)
        .sort(),
    );
    expect(selected.length).toBeGreaterThanOrEqual(3);
    for (const l of selected) expect(l.attrs.class).toContain('tl-link--selected');
  });

  it('puts no track legend in the vertical layout, and a header per track in the horizontal one', () => {
    expect(find(timelineSvgLayers(layouts[1][1], model()), 'tracks').children).toEqual([]);
    expect(find(timelineSvgLayers(layouts[0][1], model()), 'tracks').children!.map((c) => c.key)).toEqual(
      tracks.map((t) => t.id),
    );
  });

  it('sets the axis and period labels one px smaller than event labels, as the layout measures them', () => {
    const layers = timelineSvgLayers(layouts[0][1], model());
    expect(find(layers, 'axis').attrs['font-size']).toBe(String(layouts[0][1].axis.fontSize));
    expect(find(layers, 'periods').attrs['font-size']).toBe(String(SITE.fontSize - 1));
  });

  it('clips period bands to the plot but not their labels, which may sit beside the axis', () => {
    const layout = layouts[1][1];
    const period = layout.periods.find((p) => p.labelBox)!;
    const node = find(find(timelineSvgLayers(layout, model()), 'periods').children!, period.id);
    expect(find(node.children!, 'band').attrs['clip-path']).toBe('url(#tl-test-clip)');
    const label = find(node.children!, 'label');
    expect(label.attrs['clip-path']).toBeUndefined();
    expect(label.text).toBe(period.text);
  });
});

describe('the SVG of the fixture timeline', () => {
  it('draws every tick line as one path and each tick label as one <text>', () => {
    const layout = layoutTimeline(events, tracks, {
      width: 960,
      ...SITE,
      domain: [Date.UTC(2019, 4, 20), Date.UTC(2019, 6, 20)],
    });
    const axis = find(timelineSvgLayers(layout, model()), 'axis');
    expect(layout.axis.ticks.filter((t) => !t.label).length).toBeGreaterThan(10);
    expect(find(axis.children!, 'ticks').attrs.d.match(/M/g)?.length).toBe(layout.axis.ticks.length);
    const labels = axis.children!.filter((c) => c.tag === 'text');
    expect(labels.map((t) => t.text)).toEqual(layout.axis.ticks.filter((t) => t.label).map((t) => t.label));
    expect(labels.every((t) => t.attrs.class.startsWith('tl-tick '))).toBe(true);
  });

  it('matches the snapshot (horizontal, zoomed, vertical)', async () => {
    const draw = (layout: TimelineLayout, uid: string) =>
      svgToString(
        timelineSvgAttrs(layout, { uid, label: 'Fixture' }),
        timelineSvgLayers(layout, model({ uid, label: 'Fixture' })),
      );
    const svg = [
      draw(
        layoutTimeline(events, tracks, { width: 960, ...SITE, periods, highlighted: ['joint-declaration'] }),
        'wide',
      ),
      draw(
        layoutTimeline(events, tracks, {
          width: 640,
          ...SITE,
          periods,
          domain: [Date.UTC(2019, 4, 25), Date.UTC(2019, 5, 20)],
        }),
        'zoomed',
      ),
      draw(
        layoutTimeline(events, tracks, { width: 360, ...SITE, orientation: 'vertical', periods, length: 900 }),
        'narrow',
      ),
    ].join('\n');
    await expect(`${svg}\n`).toMatchFileSnapshot('../snapshots/timeline-fixture.svg.html');
  });
});
