// The paint pass (src/build/images/paint.ts): classes become presentation attributes from a rule
// table and the theme's colours; on the timeline (timeline-image.ts's rules) every text gets a
// colour that reads on the background, and the marks their tracks' colours.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contrastRatio } from '../../src/build/images/colour';
import { companionDrawing } from '../../src/build/images/companion-image';
import { paint, paintTheme, type PaintRule } from '../../src/build/images/paint';
import { TIMELINE_PAINT } from '../../src/build/images/timeline-image';
import { svgNodeToString, type SvgNode } from '../../src/lib/svg';
import { THEME } from '../../src/lib/theme';
import { BOLD_WIDTH } from '../../src/lib/timeline/lanes';
import { layoutTimeline, type LayoutEvent } from '../../src/lib/timeline/layout';
import { TimelineEvent, Track } from '../../src/lib/timeline/schema';
import { timelineSvgAttrs, timelineSvgLayers } from '../../src/lib/timeline/svg-model';
import fixture from '../fixtures/timeline/fixture.json';

const events: LayoutEvent[] = z.array(TimelineEvent).parse(fixture.events);
const tracks = z.array(Track).parse(fixture.tracks);

const node = (tag: string, attrs: Record<string, string>, children?: SvgNode[], text?: string): SvgNode => ({
  key: tag,
  tag,
  attrs,
  ...(children ? { children } : {}),
  ...(text !== undefined ? { text } : {}),
});

/** Every element of a tree with its ancestors, depth first. */
function walk(nodes: readonly SvgNode[], up: SvgNode[] = []): { node: SvgNode; up: SvgNode[] }[] {
  return nodes.flatMap((n) => [{ node: n, up }, ...walk(n.children ?? [], [n, ...up])]);
}

/** An attribute as an element gets it: its own, else its nearest ancestor's. */
const effective = (e: { node: SvgNode; up: SvgNode[] }, name: string) =>
  [e.node, ...e.up].find((n) => n.attrs[name] !== undefined)?.attrs[name];

describe('paint', () => {
  const theme = paintTheme('light', [{ id: 'a', colour: '#0072B2' }]);
  const rules: PaintRule[] = [
    { tag: 'text', set: { fill: '@fg' } },
    { classes: ['bar'], set: { fill: '@tc', stroke: '@bg' } },
    { classes: ['bar'], within: 'row:even', set: { stroke: '@accent' } },
    { classes: ['hit'], set: { display: 'none' } },
  ];

  it('resolves classes to attributes, later rules winning, colours from the theme and the track class', () => {
    const tree = node('g', { class: 'rows' }, [
      node('g', { class: 'row tc-a' }, [node('rect', { class: 'bar', x: '1' })]),
      node('g', { class: 'row tc-a' }, [node('rect', { class: 'bar', x: '2' }), node('circle', { class: 'hit' })]),
    ]);
    const [out] = paint([tree], rules, theme);
    expect(svgNodeToString(out)).toBe(
      '<g><g><rect x="1" fill="#0072b2" stroke="#ffffff"></rect></g>' +
        '<g><rect x="2" fill="#0072b2" stroke="#8a4b00"></rect></g></g>',
    );
  });

  it('turns links into groups, drops what only a page uses, and empty groups', () => {
    const tree = node(
      'a',
      { href: '/x', class: 'm', tabindex: '0', 'aria-label': 'X', 'data-id': 'x', transform: 't' },
      [node('text', { x: '1', role: 'img' }, undefined, 'Label'), node('g', { class: 'links' }, [])],
    );
    expect(svgNodeToString(paint([tree], rules, theme)[0])).toBe(
      '<g transform="t"><text x="1" fill="#1a1a1a">Label</text></g>',
    );
  });

  it('names an unknown colour', () => {
    expect(() => paint([node('text', {})], [{ tag: 'text', set: { fill: '@nope' } }], theme)).toThrow(
      'paint: no theme colour "nope"',
    );
  });

  it('gives track colours in the dark theme from colourDark, in lower case', () => {
    expect(paintTheme('dark', [{ id: 'a', colour: '#0072B2', colourDark: '#56B4E9' }]).tracks.a).toBe('#56b4e9');
    expect(paintTheme('dark', [{ id: 'a', colour: '#0072B2' }]).tracks.a).toBe('#0072b2');
  });
});

describe('the timeline, painted', () => {
  const layout = layoutTimeline(events, tracks, {
    width: 960,
    orientation: 'horizontal',
    periods: fixture.periods,
    highlighted: ['joint-declaration'],
    fontSize: 13,
    textWidthFactor: 1.15,
  });
  const options = { uid: 'tl-test', label: 'Test', href: (id: string) => `/events/${id}/` };
  const root = timelineSvgAttrs(layout, options);
  const drawn = (name: 'light' | 'dark') =>
    paint(timelineSvgLayers(layout, options), TIMELINE_PAINT, paintTheme(name, tracks), {
      classes: root.class.split(' '),
    });

  for (const name of ['light', 'dark'] as const) {
    const out = drawn(name);
    const all = walk(out);
    const markup = out.map(svgNodeToString).join('');

    it(`${name}: leaves no class, style, link or interactive attribute, nor the hit circles`, () => {
      expect(markup).not.toMatch(/\sclass=|\sstyle=|var\(|currentcolor|tabindex|\shref=|aria-|data-|<a[\s>]|role=/i);
      expect(all.filter((e) => e.node.tag === 'circle')).toHaveLength(0);
    });

    it(`${name}: gives every text a colour with AA contrast on the background`, () => {
      const texts = all.filter((e) => e.node.tag === 'text');
      expect(texts.length).toBeGreaterThan(10);
      for (const t of texts) {
        const fill = effective(t, 'fill');
        expect(fill, t.node.text).toMatch(/^#[0-9a-f]{6}$/);
        expect(contrastRatio(fill!, THEME[name].bg), t.node.text).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`${name}: paints the emphasised event's label bold in the text colour, even a minor event's (the page as its CSS does)`, () => {
      // An event page emphasises its own event, whatever its importance: importance 3 would mute it.
      const minor = events.find((e) => e.importance === 3 && e.id === 'inm-commissioner')!;
      const own = layoutTimeline(events, tracks, {
        width: 960,
        highlighted: [minor.id],
        domain: [Date.UTC(2019, 5, 1), Date.UTC(2019, 5, 30)],
        fontSize: 13,
        textWidthFactor: 1.15,
      });
      const painted = walk(
        paint(timelineSvgLayers(own, options), TIMELINE_PAINT, paintTheme(name, tracks), {
          classes: timelineSvgAttrs(own, options).class.split(' '),
        }),
      );
      const label = painted.find((e) => e.node.tag === 'text' && e.node.text === minor.title);
      expect(label, 'the emphasised label is drawn').toBeDefined();
      expect(effective(label!, 'fill')).toBe(THEME[name].fg);
      // And bold, as the layout measured it (below).
      expect(effective(label!, 'font-weight')).toBe('700');
      const plain = layoutTimeline(events, tracks, {
        width: 960,
        domain: [Date.UTC(2019, 5, 1), Date.UTC(2019, 5, 30)],
        fontSize: 13,
        textWidthFactor: 1.15,
      });
      const box = (l: typeof own) => l.marks.find((m) => m.id === minor.id)!.labelBox!;
      expect(box(own).w / box(plain).w).toBeCloseTo(BOLD_WIDTH, 1);
      const css = readFileSync(join(import.meta.dirname, '../../src/components/Timeline/timeline-svg.css'), 'utf8');
      const muted = css.indexOf('.tl-mark--importance-3 .tl-label');
      const kept = css.search(
        /\.tl-mark--highlighted \.tl-label \{\s*fill: var\(--fg\) !important;\s*font-weight: 700;/,
      );
      expect(kept, 'the page’s rule comes after the muting one').toBeGreaterThan(muted);
    });

    it(`${name}: draws the marks in the theme's track colours, and every shape in a colour of its own`, () => {
      const fills = new Set(all.filter((e) => e.node.tag === 'path').map((e) => effective(e, 'fill')));
      const colours = paintTheme(name, tracks).tracks;
      for (const t of tracks.filter((t) => events.some((e) => e.track === t.id)))
        expect(fills).toContain(colours[t.id]);
      for (const e of all.filter((x) => ['path', 'rect', 'text'].includes(x.node.tag) && x.up[0]?.tag !== 'clipPath'))
        expect(effective(e, 'fill'), svgNodeToString(e.node).slice(0, 120)).toBeDefined();
    });
  }

  it('paints light and dark differently, and the same way twice', () => {
    const text = (name: 'light' | 'dark') => drawn(name).map(svgNodeToString).join('');
    expect(text('light')).not.toBe(text('dark'));
    expect(text('light')).toBe(text('light'));
  });
});

describe('the companion charts, painted (companion-image.ts)', () => {
  const svg = node('svg', { class: 'period', viewBox: '0 0 10 10', role: 'img', 'aria-labelledby': 'x' }, [
    node('desc', { id: 'x' }, undefined, 'For screen readers'),
    node('g', { class: 'items' }, [
      node('rect', { class: 'track-fill mark', style: '--c:#0072B2;--c-dark:#56B4E9' }),
      node('circle', { class: 'ring' }),
    ]),
    node('text', { class: 'muted-text' }, undefined, 'Axis'),
  ]);
  const model = {
    svg,
    width: 10,
    height: 10,
    legend: [{ swatch: node('svg', { class: 'track-mark tc-a' }, [node('path', { d: 'M0,0' })]), label: 'A' }],
  };
  const tracks = [{ id: 'a', colour: '#D55E00', colourDark: '#E8762D' }];

  it('gives marks their own colours (light --c, dark --c-dark), drops the ring and the description', () => {
    const light = companionDrawing(model, paintTheme('light', tracks), ['period-chart']);
    const dark = companionDrawing(model, paintTheme('dark', tracks));
    expect(light.chart!.children.map(svgNodeToString).join('')).toBe(
      '<g><rect fill="#0072b2" stroke="#ffffff" stroke-width="1" paint-order="stroke"></rect></g>' +
        '<text fill="#595959">Axis</text>',
    );
    expect(svgNodeToString(dark.chart!.children[0])).toBe('<g><rect fill="#56b4e9"></rect></g>');
    expect(light.chart!.attrs).toEqual({ viewBox: '0 0 10 10' });
    expect(svgNodeToString(dark.legend[0].icon!)).toBe('<svg><path d="M0,0" fill="#e8762d"></path></svg>');
  });

  it('names a colour the model does not set', () => {
    const bare = { ...model, svg: node('svg', {}, [node('rect', { class: 'track-fill' })]) };
    expect(() => companionDrawing(bare, paintTheme('light', tracks))).toThrow(
      'paint: no --c set on the element or above',
    );
  });
});
