// The images the build draws (src/build/images/): every chart as PNG and SVG in light and dark, a social
// card for the home page, every chart and every event, and the meta tags that point at the cards.
// Reads the build in dist/ (or DIST); ids come from its data/timeline.json, so a fixture build works too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildInfo, headersForPath, parseHeadersFile } from '../../scripts/lib/site-check.mjs';
import { chartImageSvgs, createImageContext, CHART_PNG_SCALE } from '../../src/build/images/build';
import { findAll, findFirst, parseMarkup, textContent, type MarkupElement } from '../support/markup';
import { chartImagePath, SOCIAL_CARD_HEIGHT, SOCIAL_CARD_WIDTH, socialCardPath } from '../../src/lib/images/paths';
import { renderPng } from '../../src/build/images/render';
import type { TimelineData } from '../../src/lib/timeline/schema';
import { DIST, launchBrowser, serveDist, type Site } from './browser';
import { normaliseSvg, SNAPSHOT_DIR } from '../unit/images-snapshot';

const data: TimelineData = JSON.parse(readFileSync(join(DIST, 'data/timeline.json'), 'utf8'));
const info = buildInfo(DIST);
const base = info.base ?? '/';
const site = info.site ?? 'http://localhost:4321';
const file = (path: string) => join(DIST, path);

/** Width and height from a PNG's IHDR chunk. */
function pngSize(path: string): { width: number; height: number } {
  const b = readFileSync(file(path));
  expect(b.subarray(0, 8).toString('hex'), `${path} is not a PNG`).toBe('89504e470d0a1a0a');
  expect(b.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** An attribute as an element gets it: its own, else its nearest ancestor's. */
function effective(el: MarkupElement, name: string): string | undefined {
  for (let e: MarkupElement | null = el; e; e = e.parent) if (e.attrs[name] !== undefined) return e.attrs[name];
  return undefined;
}

function svgRoot(path: string): { root: MarkupElement; text: string; markup: string } {
  const markup = readFileSync(file(path), 'utf8');
  const root = findFirst(parseMarkup(markup), (e) => e.tag === 'svg')!;
  const text = findAll(root, (e) => e.tag === 'text')
    .map((t) => textContent(t))
    .join(' ');
  return { root, text, markup };
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('chart images', () => {
  it('the build has charts to draw', () => {
    expect(data.charts.length).toBeGreaterThan(0);
  });

  for (const chart of data.charts) {
    describe(chart.id, () => {
      for (const theme of ['light', 'dark'] as const) {
        it(`${theme}: a 1200-wide SVG with the title, caption and source drawn, styled by attributes only`, () => {
          const path = chartImagePath(chart.id, 'svg', theme);
          expect(existsSync(file(path)), `${path} is missing`).toBe(true);
          const { root, text, markup } = svgRoot(path);
          expect(root.attrs.width).toBe('1200');
          const [, , w, h] = root.attrs.viewBox.split(' ').map(Number);
          expect(w).toBe(1200);
          expect(h).toBe(Number(root.attrs.height));
          // The words of the title and the whole source line are in the image (they may wrap).
          const words = squash(text);
          for (const word of chart.title.split(/\s+/)) expect(words).toContain(word.replace(/…$/, ''));
          expect(words).toContain(`Source: ${squash(chart.source)}`);
          // No CSS left to resolve, nothing interactive.
          expect(markup).not.toMatch(
            /\sclass=|<style|\sstyle=|var\(--|currentcolor|tabindex|<a[\s>]|<script|\son\w+=/i,
          );
          for (const t of findAll(root, (e) => e.tag === 'text'))
            expect(effective(t, 'fill'), textContent(t)).toMatch(/^#[0-9a-f]{6}$/);
          // The background is the theme's.
          const bg = findFirst(root, (e) => e.tag === 'rect')!;
          expect(bg.attrs.fill).toBe(theme === 'light' ? '#ffffff' : '#111111');
        });

        it(`${theme}: a PNG at twice the SVG's size`, () => {
          const { root } = svgRoot(chartImagePath(chart.id, 'svg', theme));
          const size = pngSize(chartImagePath(chart.id, 'png', theme));
          expect(size.width).toBe(1200 * CHART_PNG_SCALE);
          expect(size.height).toBe(Math.round(Number(root.attrs.height) * CHART_PNG_SCALE));
        });
      }

      it('light and dark differ', () => {
        expect(readFileSync(file(chartImagePath(chart.id, 'png', 'dark')))).not.toEqual(
          readFileSync(file(chartImagePath(chart.id, 'png'))),
        );
      });
    });
  }
});

describe('chart images and their committed snapshots (tests/snapshots/images/)', () => {
  const ids = new Set(data.charts.map((c) => c.id));
  const snapshots = readdirSync(SNAPSHOT_DIR).filter((f) => ids.has(f.replace(/(-dark)?\.svg$/, '')));
  it.each(snapshots)('%s: the build draws it as the snapshot shows it', (name) => {
    const built = readFileSync(file(`images/${name}`), 'utf8');
    expect(normaliseSvg(built)).toEqual(normaliseSvg(readFileSync(join(SNAPSHOT_DIR, name), 'utf8')));
  });
});

describe('social cards', () => {
  const cards = [
    socialCardPath('home'),
    ...data.charts.map((c) => socialCardPath('chart', c.id)),
    ...data.events.map((e) => socialCardPath('event', e.id)),
  ];

  it(`one per page: home, ${data.charts.length} charts, ${data.events.length} events, each 1200×630`, () => {
    for (const path of cards) {
      expect(existsSync(file(path)), `${path} is missing`).toBe(true);
      expect(pngSize(path), path).toEqual({ width: SOCIAL_CARD_WIDTH, height: SOCIAL_CARD_HEIGHT });
    }
  });

  const absolute = (path: string) => new URL(`${base.replace(/\/?$/, '/')}${path}`, site).href;
  const metaOf = (page: string) => {
    const doc = parseMarkup(readFileSync(file(page), 'utf8'));
    const meta = (attr: string, value: string) =>
      findFirst(doc, (e) => e.tag === 'meta' && e.attrs[attr] === value)?.attrs.content;
    return {
      image: meta('property', 'og:image'),
      width: meta('property', 'og:image:width'),
      height: meta('property', 'og:image:height'),
      alt: meta('property', 'og:image:alt'),
      card: meta('name', 'twitter:card'),
      twitter: meta('name', 'twitter:image'),
    };
  };

  it('the home page, an event page and an embed page point at their cards with absolute URLs', () => {
    const pages: [string, string][] = [
      ['index.html', socialCardPath('home')],
      [`events/${data.events[0].id}/index.html`, socialCardPath('event', data.events[0].id)],
      [`embed/${data.charts[0].id}/index.html`, socialCardPath('chart', data.charts[0].id)],
    ];
    for (const [page, card] of pages) {
      const m = metaOf(page);
      expect(m.image, page).toBe(absolute(card));
      expect(m.twitter, page).toBe(absolute(card));
      expect([m.width, m.height], page).toEqual(['1200', '630']);
      expect(m.card, page).toBe('summary_large_image');
      expect(m.alt, page).toBeTruthy();
    }
  });
});

describe('rendering', () => {
  it('is deterministic: the same chart drawn twice gives the same bytes, and the same SVG as the build', async () => {
    const chart = data.charts[0];
    const ctx = () => createImageContext({ outDir: DIST, base, site, data });
    const a = chartImageSvgs(ctx(), chart);
    const b = chartImageSvgs(ctx(), chart);
    expect(a.light).toBe(b.light);
    expect(a.dark).toBe(b.dark);
    expect(a.light).toBe(readFileSync(file(chartImagePath(chart.id, 'svg')), 'utf8'));
    const [p1, p2] = await Promise.all([renderPng(a.light, 2400), renderPng(b.light, 2400)]);
    expect(p1.equals(p2)).toBe(true);
    expect(p1.equals(readFileSync(file(chartImagePath(chart.id, 'png'))))).toBe(true);
  });
});

describe('an SVG opened on its own, under the site policy', () => {
  let served: Site;
  let browser: Browser;
  const headers = parseHeadersFile(readFileSync('public/_headers', 'utf8'));
  beforeAll(async () => {
    served = await serveDist({
      root: DIST,
      base,
      headers: headersForPath(headers, `/${chartImagePath(data.charts[0].id, 'svg')}`),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('draws without a Content-Security-Policy violation', async () => {
    const page = await browser.newPage();
    const complaints: string[] = [];
    page.on('console', (msg) => {
      if (/Content[ -]Security[ -]Policy|Refused/i.test(msg.text())) complaints.push(msg.text());
    });
    const response = await page.goto(`${served.url}${chartImagePath(data.charts[0].id, 'svg')}`);
    expect(response?.headers()['content-security-policy']).toContain("default-src 'self'");
    const box = await page.evaluate(() => {
      const r = document.documentElement.getBoundingClientRect();
      return { width: r.width, height: r.height, texts: document.querySelectorAll('text').length };
    });
    expect(box.width).toBe(1200);
    expect(box.texts).toBeGreaterThan(3);
    expect(complaints).toEqual([]);
    await page.close();
  });
});
