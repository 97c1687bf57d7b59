import { describe, expect, it } from 'vitest';
import { chartRange, thinStripMarks, timelineStrip } from '../../src/build/images/social-cards';
import { symbolPath, translatePath } from '../../src/lib/timeline/shapes';
import { TRACK_SHAPES } from '../../src/lib/timeline/schema';
import { contrastRatio } from '../../src/build/images/colour';
import { findAll, parseMarkup, textContent } from '../support/markup';
import { chartImagePath, socialCardPath } from '../../src/lib/images/paths';
import { composeSocialCard } from '../../src/build/images/social-card';
import type { TimelineData } from '../../src/lib/timeline/schema';

const colours = {
  bg: '#ffffff',
  fg: '#1a1a1a',
  muted: '#595959',
  rule: '#d0d0d0',
  panel: '#f4f4f2',
  accent: '#8a4b00',
};

const data = {
  site: {
    title: 'Site',
    description: 'd',
    language: 'en',
    published: '2026-01-01',
    updated: '2026-01-01',
    publisher: 'Pub',
    credits: [],
    period: { start: '2018-10', end: '2020-01' },
  },
  tracks: [
    { id: 'a', label: 'A', description: 'a', order: 1, colour: '#0072B2', shape: 'square' },
    { id: 'b', label: 'B', description: 'b', order: 2, colour: '#D55E00', shape: 'circle' },
  ],
  events: [
    { id: 'one', date: '2019-06-07', track: 'a', title: 'One', importance: 1 },
    { id: 'two', date: '2019-07', end: '2019-09', track: 'b', title: 'Two', importance: 2 },
  ],
  series: [{ id: 's', title: 'S', description: 'S', months: [{ month: '2019-01' }, { month: '2018-10' }] }],
  charts: [],
} as unknown as TimelineData;

describe('paths', () => {
  it('names the social cards and chart images', () => {
    expect(socialCardPath('home')).toBe('images/social/home.png');
    expect(socialCardPath('event', 'one')).toBe('images/social/event-one.png');
    expect(chartImagePath('timeline', 'svg', 'dark')).toBe('images/timeline-dark.svg');
  });
});

describe('timelineStrip', () => {
  it('spans the story period, one row per track, labels at the quarters with the first year', () => {
    const strip = timelineStrip(data);
    expect(new Date(strip.from).toISOString()).toBe('2018-10-01T00:00:00.000Z');
    expect(new Date(strip.to).toISOString()).toBe('2020-02-01T00:00:00.000Z');
    expect(strip.rows).toBe(2);
    expect(strip.marks.map((m) => m.row)).toEqual([0, 1]);
    expect(strip.labels.map(([, t]) => t)).toEqual(['Oct 2018', '2019', 'Apr', 'Jul', 'Oct', '2020']);
  });
});

describe('translatePath', () => {
  it('moves every shape a symbol can take, keeping arc radii and flags', () => {
    expect(translatePath(symbolPath('circle', 3), 10, 20)).toBe('M13,20A3,3,0,1,1,7,20A3,3,0,1,1,13,20Z');
    for (const shape of TRACK_SHAPES) {
      const moved = translatePath(symbolPath(shape, 4), 100, -50);
      const coords = (d: string) =>
        [...d.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
      const a = coords(symbolPath(shape, 4));
      const b = coords(moved);
      expect(b.length).toBe(a.length);
      b.forEach(([x, y], i) => {
        expect(x).toBeCloseTo(a[i][0] + 100, 1);
        expect(y).toBeCloseTo(a[i][1] - 50, 1);
      });
    }
  });
});

describe('thinStripMarks', () => {
  const from = Date.UTC(2019, 0, 1);
  const to = Date.UTC(2020, 0, 1);
  const mark = (start: number, row = 0, end?: number) => ({
    start,
    end,
    row,
    colour: '#000000',
    shape: 'circle' as const,
  });

  it('drops marks drawn exactly over another of the same row, keeps other rows and distinct spans', () => {
    const hour = 3_600_000;
    const marks = [
      mark(from),
      mark(from + hour),
      mark(from, 1),
      mark(from + 30 * 24 * hour),
      mark(from, 0, from + 40 * 24 * hour),
    ];
    expect(thinStripMarks(marks, from, to)).toEqual([marks[0], marks[2], marks[3], marks[4]]);
  });

  it('keeps at most one mark per row and step, whatever the number of events', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => mark(from + ((to - from) * i) / 10_000, i % 3));
    const thinned = thinStripMarks(many, from, to);
    expect(thinned.length).toBeLessThanOrEqual(3 * 601);
    expect(thinned.length).toBeGreaterThan(3 * 500);
  });
});

describe('chartRange', () => {
  it('gives the dates a chart covers', () => {
    expect(chartRange({ id: 'x', kind: 'series', series: 's', title: 't', source: 's', annotate: [] }, data)).toEqual({
      start: '2018-10',
      end: '2019-01',
    });
    expect(chartRange({ id: 'x', kind: 'figures', title: 't', source: 's' }, data)).toBeUndefined();
  });
});

describe('composeSocialCard', () => {
  const svg = composeSocialCard({
    siteTitle: 'From tariff threat to migration deal',
    title: 'A very long title '.repeat(12).trim(),
    kicker: { date: '7 June 2019', label: 'Agreements', shape: 'square', colour: '#0072B2' },
    strip: {
      ...timelineStrip(data),
      marked: { start: Date.UTC(2019, 5, 7), row: 0, colour: '#0072B2', shape: 'square' },
    },
    publisher: 'Timeline Explainer',
    url: 'example.org/x',
    colours,
  });
  const doc = parseMarkup(svg);
  const root = findAll(doc, (e) => e.tag === 'svg')[0];

  it('is 1200×630', () => {
    expect(root.attrs.width).toBe('1200');
    expect(root.attrs.height).toBe('630');
    expect(root.attrs.viewBox).toBe('0 0 1200 630');
  });

  it('sets a long title on at most three lines, ending in "…"', () => {
    const big = findAll(
      root,
      (e) => e.tag === 'text' && e.attrs['font-weight'] === '700' && Number(e.attrs['font-size']) >= 40,
    );
    expect(big.length).toBe(3);
    expect(textContent(big[2]).endsWith('…')).toBe(true);
  });

  it('gives every text a colour with AA contrast on the background', () => {
    for (const t of findAll(root, (e) => e.tag === 'text')) {
      expect(t.attrs.fill).toMatch(/^#/);
      expect(contrastRatio(t.attrs.fill, colours.bg)).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('composeSocialCard with the strip written once per build', () => {
  const strip = timelineStrip(data);
  const card = (s: typeof strip, title: string) =>
    composeSocialCard({ siteTitle: 'Site', title, strip: s, publisher: 'Pub', url: 'example.org', colours });
  // A copy of the marks is a strip the cache has not seen: the card is drawn from scratch.
  const fresh = (s: typeof strip, title: string) => card({ ...s, marks: [...s.marks] }, title);

  it('gives each card its own title and marked event over the shared strip', () => {
    const marked = { start: Date.UTC(2019, 5, 7), row: 0, colour: '#0072B2', shape: 'square' as const };
    const first = card({ ...strip, marked }, 'First $& <title>');
    const second = card(strip, 'Second');
    expect(first).toBe(fresh({ ...strip, marked }, 'First $& <title>'));
    expect(second).toBe(fresh(strip, 'Second'));
    expect(first).toContain('First $&amp; &lt;title&gt;');
    expect(second).not.toContain('First');
  });

  it('draws a strip again when what it is drawn from changes, not only its marks', () => {
    const band = { start: Date.UTC(2019, 0, 1), end: Date.UTC(2019, 3, 1) };
    const plain = card(strip, 'T');
    const banded = card({ ...strip, band }, 'T');
    expect(banded).not.toBe(plain);
    expect(banded).toBe(fresh({ ...strip, band }, 'T'));
    expect(card({ ...strip, labels: [] }, 'T')).toBe(fresh({ ...strip, labels: [] }, 'T'));
  });
});
