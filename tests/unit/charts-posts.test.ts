import { describe, expect, it } from 'vitest';
import { holderLabels, layoutPostsChart, tenuresOf } from '../../src/lib/charts/posts';
import { postsChartSvg } from '../../src/lib/charts/posts-svg';
import type { SvgNode } from '../../src/lib/svg';
import { textWidth } from '../../src/lib/charts/text';
import { en } from '../../src/lib/ui/strings';
import { actor, post } from './charts-helpers';

const words = en.charts.posts;

const posts = [post('dhs', 2), post('cbp', 1), post('empty', 3)];
const actors = [
  actor('nielsen', 'Kirstjen Nielsen', [{ post: 'dhs', from: '2017-12-06', to: '2019-04-10' }]),
  actor('mcaleenan', 'Kevin McAleenan', [
    { post: 'cbp', from: '2018-03-20', to: '2019-04-10' },
    { post: 'dhs', from: '2019-04-11', to: '2019-11-13', acting: true },
  ]),
  actor('wolf', 'Chad Wolf', [{ post: 'dhs', from: '2019-11-13', acting: true }]),
  actor('sanders', 'John P. Sanders', [{ post: 'cbp', from: '2019-04-11', to: '2019-07-05', acting: true }]),
  actor('morgan', 'Mark A. Morgan', [{ post: 'cbp', from: '2019-07-05', acting: true }]),
  // A tenure that starts after the window: left out of the chart.
  actor('guillen', 'Tonatiuh Guillén López', [{ post: 'empty', from: '2021-01' }], 'MX'),
];

describe('layoutPostsChart', () => {
  const l = layoutPostsChart(posts, actors, { width: 680, from: '2019-01', to: '2019-12', words });

  it('draws one row per post in their order, the rows stacked without overlap', () => {
    expect(l.rows.map((r) => r.postId)).toEqual(['cbp', 'dhs', 'empty']);
    for (let i = 1; i < l.rows.length; i++) expect(l.rows[i].y).toBeCloseTo(l.rows[i - 1].y + l.rows[i - 1].height, 1);
    expect(l.rows[2].bars).toHaveLength(0);
    const chosen = layoutPostsChart(posts, actors, {
      width: 680,
      from: '2019-01',
      to: '2019-12',
      words,
      postIds: ['dhs'],
    });
    expect(chosen.rows.map((r) => r.postId)).toEqual(['dhs']);
    expect(() =>
      layoutPostsChart(posts, actors, { width: 680, from: '2019-01', to: '2019-12', words, postIds: ['nope'] }),
    ).toThrow(/unknown post id "nope"/);
  });

  it('clips tenures to the window and lays holders of one post end to end', () => {
    const dhs = l.rows[1];
    expect(dhs.bars.map((b) => b.actorId)).toEqual(['nielsen', 'mcaleenan', 'wolf']);
    expect(dhs.bars[0].x).toBe(l.plot.x);
    expect(dhs.bars[0].clippedStart).toBe(true);
    expect(dhs.bars[2].clippedEnd).toBe(true);
    expect(dhs.bars[2].x + dhs.bars[2].width).toBeCloseTo(l.plot.x + l.plot.width, 1);
    for (let i = 1; i < dhs.bars.length; i++)
      expect(dhs.bars[i].x).toBeGreaterThanOrEqual(dhs.bars[i - 1].x + dhs.bars[i - 1].width - 0.01);
  });

  it('flags acting holders and says so in their labels and tooltips', () => {
    const [nielsen, mcaleenan] = l.rows[1].bars;
    expect(nielsen.acting).toBe(false);
    expect(mcaleenan.acting).toBe(true);
    expect(mcaleenan.fullLabel).toBe('Kevin McAleenan (acting)');
    expect(mcaleenan.tip.split('\n')[0]).toBe('Kevin McAleenan (acting)');
    expect(mcaleenan.label).toMatch(/\(acting\)$/);
    expect(l.uses.acting).toBe(true);
  });

  it('marks each change of holder inside the window', () => {
    const dhs = l.rows[1];
    expect(dhs.changes.map((c) => c.date)).toEqual(['2019-04-10', '2019-04-11', '2019-11-13']);
  });

  it('shortens a label to the surname, then hides it, keeping the full name in the tooltip', () => {
    const narrow = layoutPostsChart(posts, actors, { width: 260, from: '2019-01', to: '2019-12', words });
    const levels = narrow.rows.flatMap((r) => r.bars.map((b) => b.labelLevel));
    expect(levels).toContain('surname');
    const tiny = layoutPostsChart(posts, actors, { width: 90, from: '2019-01', to: '2019-12', words });
    const hidden = tiny.rows.flatMap((r) => r.bars).filter((b) => b.labelLevel === 'hidden');
    expect(hidden.length).toBeGreaterThan(0);
    for (const b of hidden) {
      expect(b.label).toBe('');
      expect(b.tip.split('\n')[0]).toBe(b.fullLabel);
    }
    // No shown label runs into a later bar's label on its line.
    for (const r of [...narrow.rows, ...tiny.rows])
      r.bars.forEach((b, i) => {
        const next = r.bars.slice(i + 1).find((c) => c.label && c.textY === b.textY);
        if (next && b.label) expect(b.textX + b.labelWidth).toBeLessThanOrEqual(next.textX);
      });
  });

  it('puts overlapping tenures of one post on separate lines', () => {
    const overlapping = [
      actor('a', 'Ann Able', [{ post: 'dhs', from: '2019-01-01', to: '2019-06-30' }]),
      actor('b', 'Bob Baker', [{ post: 'dhs', from: '2019-06-01', to: '2019-12-31', acting: true }]),
    ];
    const o = layoutPostsChart([post('dhs')], overlapping, { width: 600, from: '2019-01', to: '2019-12', words });
    const [a, b] = o.rows[0].bars;
    expect(a.y).not.toBe(b.y);
    // Each change mark crosses only the line of the tenure that changes, not the labels of the other.
    for (const c of o.rows[0].changes) {
      const bar = c.date === '2019-06-30' ? a : b;
      expect(c.y1).toBeGreaterThanOrEqual(bar.y - 4);
      expect(c.y2).toBeLessThanOrEqual(bar.y + bar.height + 4);
    }
  });

  it('builds labels with the surname of two family names for countries that use them', () => {
    expect(holderLabels('Tonatiuh Guillén López', false, words, 'MX')).toEqual([
      'Tonatiuh Guillén López',
      'Guillén López',
      'Guillén',
    ]);
    expect(holderLabels('Luis Videgaray Caso', true, words, 'MX')).toEqual([
      'Luis Videgaray Caso (acting)',
      'Videgaray Caso (acting)',
      'Videgaray Caso',
      'Videgaray (acting)',
      'Videgaray',
    ]);
    expect(holderLabels('Chad Wolf', true, words, 'US')).toEqual(['Chad Wolf (acting)', 'Wolf (acting)', 'Wolf']);
    expect(tenuresOf('cbp', actors, words).map((t) => t.actorId)).toEqual(['mcaleenan', 'sanders', 'morgan']);
  });

  it('names a short tenure by the first of two family names when both do not fit before the next', () => {
    const chart = (width: number) =>
      layoutPostsChart(
        [post('sre', 1)],
        [
          actor('videgaray', 'Luis Videgaray Caso', [{ post: 'sre', from: '2017-01', to: '2018-11-30' }], 'MX'),
          actor('ebrard', 'Marcelo Ebrard Casaubón', [{ post: 'sre', from: '2018-12-01' }], 'MX'),
        ],
        { width, from: '2018-10', to: '2020-01', words },
      ).rows[0].bars[0];
    // Two months of sixteen: room for 'Videgaray', not for 'Videgaray Caso'.
    const bar = chart(720);
    expect(bar.x + bar.width - bar.textX - 6).toBeLessThan(textWidth('Videgaray Caso', 11));
    expect(bar.label).toBe('Videgaray');
    expect(bar.labelLevel).toBe('surname');
    expect(bar.textX + bar.labelWidth).toBeLessThanOrEqual(bar.x + bar.width - 6 + 0.5);
    // Wider, the two family names, then the whole name.
    expect(chart(900).label).toBe('Videgaray Caso');
    expect(chart(1200).label).toBe('Luis Videgaray Caso');
  });
});

describe('layoutPostsChart, names that do not fit before the next bar', () => {
  const mx = [post('sre', 1), post('dhs', 2)];
  const people = [
    actor('videgaray', 'Luis Videgaray Caso', [{ post: 'sre', from: '2017-01', to: '2018-11-30' }], 'MX'),
    actor('ebrard', 'Marcelo Ebrard Casaubón', [{ post: 'sre', from: '2018-12-01' }], 'MX'),
    actor('nielsen', 'Kirstjen Nielsen', [{ post: 'dhs', from: '2017-12-06', to: '2019-04-10' }]),
    actor('mcaleenan', 'Kevin McAleenan', [{ post: 'dhs', from: '2019-04-11', to: '2019-11-13', acting: true }]),
  ];
  const at = (width: number) => layoutPostsChart(mx, people, { width, from: '2018-10', to: '2020-01', words });
  const lineH = Math.round(11 * 1.3);

  it('raises a name to a line of its own above its lane, where it runs on over the next bar', () => {
    const l = at(300);
    const [videgaray, ebrard] = l.rows[0].bars;
    // Two months of sixteen: no room before Ebrard's bar, so the name goes up a line.
    expect(videgaray.x + videgaray.width - videgaray.textX - 6).toBeLessThan(textWidth('Videgaray', 11));
    expect(videgaray.label).not.toBe('');
    expect(videgaray.textY).toBe(ebrard.textY - lineH);
    expect(videgaray.textX + videgaray.labelWidth).toBeGreaterThan(ebrard.textX);
    expect(videgaray.textX + videgaray.labelWidth).toBeLessThanOrEqual(300 - 6);
    // The bars stay level; the raised line sits under the post's title.
    expect(videgaray.y).toBe(ebrard.y);
    expect(videgaray.textY - 11).toBeGreaterThan(l.rows[0].titleY);
  });

  it("keeps a raised name's ring (its target and focus ring) off the next bar: an L of its line and its bar", () => {
    const l = at(300);
    const [videgaray, ebrard] = l.rows[0].bars;
    expect(videgaray.raised).toBe(true);
    expect(ebrard.raised).toBe(false);
    const rings: SvgNode[] = [];
    const walk = (n: SvgNode) => {
      if (n.attrs.class === 'ring') rings.push(n);
      n.children?.forEach(walk);
    };
    walk(postsChartSvg(l, { chartId: 'posts', variant: 'narrow', desc: '' }, words));
    // Each ring's outline as numbers: a rect's corners, or the L path's (M x,y H V H V H Z).
    const cornersOf = (n: SvgNode) =>
      n.tag === 'rect'
        ? [+n.attrs.x, +n.attrs.y, +n.attrs.x + +n.attrs.width, +n.attrs.y + +n.attrs.height]
        : (n.attrs.d.match(/-?[\d.]+/g) ?? []).map(Number);
    const [vRing, eRing] = rings.slice(0, 2).map(cornersOf);
    // Videgaray's: M x,top H labelEnd V mid H barEnd V bottom H x Z. Past its own bar it is one line high,
    // and it ends above the line where Ebrard's ring begins.
    expect(rings[0].tag).toBe('path');
    const [x, top, labelEnd, mid, barEnd, bottom] = vRing;
    expect(labelEnd).toBeGreaterThan(ebrard.x);
    expect(barEnd).toBeLessThanOrEqual(ebrard.x + 2);
    expect(mid - top).toBe(l.lineHeight);
    expect(mid).toBeLessThanOrEqual(eRing[1]);
    expect(bottom).toBe(videgaray.y + videgaray.height + 2);
    expect(x).toBe(videgaray.x - 2);
    // Ebrard's ring is a rect round its own name and bar.
    expect(rings[1].tag).toBe('rect');
    // A rule joins the raised name to its own bar's start; a name on its lane's line has none.
    const lines: SvgNode[] = [];
    const items = (n: SvgNode): void => {
      if (n.children?.some((c) => c.attrs.class === 'ring'))
        lines.push(...n.children.filter((c) => c.tag === 'line'), { tag: 'hr', key: '', attrs: {} });
      else n.children?.forEach(items);
    };
    items(postsChartSvg(l, { chartId: 'posts', variant: 'narrow', desc: '' }, words));
    const [vLine, sep] = lines;
    expect(vLine.tag).toBe('line');
    // Half its 1.5 stroke right of the bar's start (SVG numbers have one decimal).
    expect(Math.abs(+vLine.attrs.x1 - (videgaray.x + 0.75))).toBeLessThanOrEqual(0.05 + 1e-9);
    expect([+vLine.attrs.y1, +vLine.attrs.y2]).toEqual([videgaray.textY + 3, videgaray.y]);
    expect(sep.tag).toBe('hr');
    expect(lines[2].tag).toBe('hr');
  });

  it('adds that line only to rows that need it: a row grows by one line', () => {
    const wide = at(1200);
    const narrow = at(300);
    expect(wide.rows[0].bars.every((b) => b.textY === wide.rows[0].bars[0].textY)).toBe(true);
    expect(narrow.rows[0].height - wide.rows[0].height).toBe(lineH);
    // The second row's names fit on their line at 300 px: no line added there.
    expect(narrow.rows[1].bars.every((b) => b.label && b.textY === narrow.rows[1].bars[0].textY)).toBe(true);
    expect(narrow.rows[1].height).toBe(wide.rows[1].height);
  });
});
