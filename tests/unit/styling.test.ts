// docs/styling.md promises class names and custom properties to hosts: each must still be in the
// markup the build writes (the SVG model) and in the chart's stylesheet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TimelineEvent, Track } from '../../src/lib/timeline/schema';
import { layoutTimeline } from '../../src/lib/timeline/layout';
import { timelineSvgAttrs, timelineSvgLayers } from '../../src/lib/timeline/svg-model';
import { svgToString } from '../../src/lib/svg';
import fixture from '../fixtures/timeline/fixture.json';

const root = join(import.meta.dirname, '..', '..');
const doc = readFileSync(join(root, 'docs', 'styling.md'), 'utf8');
const events = z.array(TimelineEvent).parse(fixture.events);
const tracks = z.array(Track).parse(fixture.tracks);

/** The SVG of the fixture, wide and phone, with a focus, periods, annotations and a selection: every documented part drawn. */
function markup(): string {
  const common = {
    periods: fixture.periods,
    highlighted: ['joint-declaration'],
    focus: [Date.UTC(2019, 4, 25), Date.UTC(2019, 6, 27)] as const,
    annotations: [{ id: 'deal', date: '2019-06-07', text: 'Deal' }],
  };
  return [
    layoutTimeline(events, tracks, { width: 960, ...common }),
    layoutTimeline(events, tracks, { width: 360, orientation: 'vertical', ...common }),
  ]
    .map((layout) => {
      const opts = { uid: 'x', label: 'x', href: (id: string) => `/events/${id}/`, selectedId: 'joint-declaration' };
      return svgToString(timelineSvgAttrs(layout, opts), timelineSvgLayers(layout, opts));
    })
    .join('\n');
}

describe('the documented styling names', () => {
  const classes = [...doc.matchAll(/`(tl(?:-[a-z0-9]+)*(?:__[a-z]+)?(?:--[a-z0-9]+)?)`/g)].map((m) => m[1]);
  const properties = [...new Set([...doc.matchAll(/`(--[a-z]+)`/g)].map((m) => m[1]))];

  it('lists classes and properties (not vacuous)', () => {
    expect(classes.length).toBeGreaterThan(20);
    expect(properties).toEqual(expect.arrayContaining(['--bg', '--fg', '--tc', '--font']));
  });

  it('every documented class is in the markup the build writes', () => {
    const svg = markup();
    const used = new Set([...svg.matchAll(/class="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/)));
    const missing = classes.filter((c) => !c.endsWith('-') && !/--importance-$/.test(c) && !used.has(c));
    expect(missing).toEqual([]);
  });

  it('every documented custom property is used by the chart stylesheet', () => {
    const css = ['Timeline.css', 'timeline-svg.css', 'timeline-panel.css']
      .map((f) => readFileSync(join(root, 'src', 'components', 'Timeline', f), 'utf8'))
      .join('\n');
    const unused = properties.filter((p) => !css.includes(`var(${p}`));
    expect(unused).toEqual([]);
  });
});
