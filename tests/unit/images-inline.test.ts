// The timeline's build-time SVG (svg-model.ts), styled by the site's real CSS (global.css, the
// stylesheets of Timeline.astro, /tracks.css), turned into a standalone SVG for each theme.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { contrastRatio } from '../../src/build/images/colour';
import { parseStylesheet, StyleResolver } from '../../src/build/images/css';
import { inlineSvgStyles } from '../../src/build/images/inline-styles';
import { findAll, parseMarkup, serializeXml, type MarkupElement } from '../../src/build/images/markup';
import { findChartSource } from '../../src/build/images/chart-source';
import { layoutTimeline, type LayoutEvent } from '../../src/lib/timeline/layout';
import { TimelineEvent, Track } from '../../src/lib/timeline/schema';
import { timelineSvgAttrs, timelineSvgLayers } from '../../src/lib/timeline/svg-model';
import { svgToString } from '../../src/lib/svg';
import { trackColoursCss } from '../../src/lib/timeline/track-colours';
import fixture from '../fixtures/timeline/fixture.json';

const events: LayoutEvent[] = z.array(TimelineEvent).parse(fixture.events);
const tracks = z.array(Track).parse(fixture.tracks);
const timelineCss = ['Timeline.css', 'timeline-svg.css', 'timeline-panel.css']
  .map((f) => readFileSync(`src/components/Timeline/${f}`, 'utf8'))
  .join('\n');
const css = [
  readFileSync('src/styles/theme.css', 'utf8'),
  readFileSync('src/styles/global.css', 'utf8'),
  timelineCss,
  trackColoursCss(tracks),
].join('\n');
const rules = parseStylesheet(css);

function svgMarkup(variant: 'wide' | 'narrow'): string {
  const layout = layoutTimeline(events, tracks, {
    width: variant === 'wide' ? 960 : 360,
    orientation: variant === 'wide' ? 'horizontal' : 'vertical',
    periods: fixture.periods,
    highlighted: ['joint-declaration'],
    fontSize: 13,
    textWidthFactor: 1.15,
  });
  const uid = `tl-test-${variant}`;
  return svgToString(
    timelineSvgAttrs(layout, { uid, label: 'Test' }),
    timelineSvgLayers(layout, { uid, label: 'Test', href: (id) => `/events/${id}/` }),
  );
}

/** A page like the embed page: both variants, the narrow one hidden by the container query. */
function page(theme: 'light' | 'dark'): MarkupElement {
  return parseMarkup(
    `<!doctype html><html data-theme="${theme}"><head></head><body><figure id="f"><div class="chart-body"><timeline-chart>` +
      `<div class="tl-stage"><div class="tl-variant tl-variant--wide">${svgMarkup('wide')}</div>` +
      `<div class="tl-variant tl-variant--narrow">${svgMarkup('narrow')}</div></div></timeline-chart></div></figure></body></html>`,
  );
}

/** An attribute as the element gets it: its own, else the nearest ancestor's. */
function effective(el: MarkupElement, name: string): string | undefined {
  for (let e: MarkupElement | null = el; e; e = e.parent) if (e.attrs[name] !== undefined) return e.attrs[name];
  return undefined;
}

const THEME = {
  light: { bg: '#ffffff', colours: tracks.map((t) => t.colour.toLowerCase()) },
  dark: { bg: '#111111', colours: tracks.map((t) => (t.colourDark ?? t.colour).toLowerCase()) },
};

describe('inlineSvgStyles on the timeline', () => {
  for (const theme of ['light', 'dark'] as const) {
    const doc = page(theme);
    const resolver = new StyleResolver(rules, { theme, width: 1200 });
    const source = findChartSource(doc, resolver, 'f');
    const out = inlineSvgStyles(source.svg!, resolver);
    const markup = serializeXml(out);

    it(`${theme}: picks the wide variant, the one the page shows at 1200 px`, () => {
      expect(source.svg!.attrs['data-orientation']).toBe('horizontal');
    });

    it(`${theme}: leaves no class, style, var(), currentColor or interactive attribute`, () => {
      expect(markup).not.toMatch(/\sclass=|\sstyle=|var\(|currentcolor|tabindex|\shref=|aria-|data-|<a[\s>]|role=/i);
      // The hit circles (transparent) are gone; so are the odd rows' transparent bands.
      expect(findAll(out, (e) => e.tag === 'circle')).toHaveLength(0);
    });

    it(`${theme}: gives every text a colour with AA contrast on the background`, () => {
      const texts = findAll(out, (e) => e.tag === 'text');
      expect(texts.length).toBeGreaterThan(10);
      for (const t of texts) {
        const fill = effective(t, 'fill');
        expect(fill, `text "${t.children.map((c) => (c.type === 'text' ? c.text : '')).join('')}"`).toMatch(
          /^#[0-9a-f]{6}$/,
        );
        expect(contrastRatio(fill!, THEME[theme].bg)).toBeGreaterThanOrEqual(4.5);
      }
    });

    it(`${theme}: draws the marks in the theme's track colours`, () => {
      const fills = new Set(findAll(out, (e) => e.tag === 'path').map((p) => effective(p, 'fill')));
      for (const colour of THEME[theme].colours.filter((_, i) => events.some((e) => e.track === tracks[i].id)))
        expect(fills).toContain(colour);
    });

    it(`${theme}: leaves nothing drawn in the initial black (every drawn element is styled by the page's CSS)`, () => {
      for (const e of findAll(out, (x) => ['path', 'rect', 'text'].includes(x.tag) && x.parent?.tag !== 'clipPath')) {
        expect(effective(e, 'fill'), serializeXml(e).slice(0, 120)).not.toBe('#000000');
      }
    });
  }

  it('writes different colours for light and dark', () => {
    const one = (theme: 'light' | 'dark') => {
      const doc = page(theme);
      const r = new StyleResolver(rules, { theme, width: 1200 });
      return serializeXml(inlineSvgStyles(findChartSource(doc, r, 'f').svg!, r));
    };
    expect(one('light')).not.toBe(one('dark'));
    expect(one('light')).toBe(one('light'));
  });
});
