// Every element of the built home page and an event page that shows a text from content/data/ (a title,
// summary, label, name, source title, term …) says dir="auto", so an Arabic or Hebrew title sits right-to-left
// inside a left-to-right story, and the other way round. Reads dist/ (build first); starts no browser.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST } from './browser';
import { loadTimelineData } from '../../src/build/data/load';
import { findAll, parseMarkup, type MarkupElement } from '../support/markup';

const data = loadTimelineData();

/** The short texts of the data a page shows whole in one element. */
function dataTexts(): Set<string> {
  const texts: (string | undefined)[] = [data.site.title, data.site.publisher];
  for (const e of data.events) {
    texts.push(e.title, e.label, e.summary, e.sourcingNote, ...e.notes, ...e.figures.map((f) => f.label));
    texts.push(...e.milestones.map((m) => m.label), ...e.sources.flatMap((s) => [s.title, s.publisher, s.via]));
  }
  texts.push(...data.tracks.map((t) => t.label), ...data.actors.flatMap((a) => [a.name, a.description]));
  texts.push(...data.posts.map((p) => p.label), ...data.glossary.map((g) => g.term));
  texts.push(...data.charts.flatMap((c) => [c.title, c.caption]));
  return new Set(texts.filter((t): t is string => !!t && t.length > 2).map((t) => t.replace(/\s+/g, ' ').trim()));
}

/** "main > p.lede" for a failure message. */
const where = (e: MarkupElement): string => {
  const name = `${e.tag}${e.attrs.class ? `.${e.attrs.class.split(' ')[0]}` : ''}`;
  return e.parent && e.parent.tag !== 'body' && e.parent.tag !== '#document' ? `${where(e.parent)} > ${name}` : name;
};

/** How many elements hold a data text as their own text, and those with no dir on themselves or their parent. */
function withoutDir(html: string): { checked: number; missing: string[] } {
  const texts = dataTexts();
  const root = parseMarkup(html);
  const body = findAll(root, (e) => e.tag === 'body')[0];
  const skipped = new Set(['script', 'style', 'title', 'template']);
  const missing = new Set<string>();
  // Drawings are left out: SVG text has no dir attribute, and its placement (text-anchor) is the drawing's.
  const inSvg = (e: MarkupElement | null): boolean => !!e && (e.tag === 'svg' || inSvg(e.parent));
  const holders = findAll(
    body,
    (e) => !inSvg(e) && e.children.some((c) => typeof c === 'string' && texts.has(c.replace(/\s+/g, ' ').trim())),
  );
  for (const e of holders) {
    if (skipped.has(e.tag) || e.attrs.dir || e.parent?.attrs.dir) continue;
    missing.add(where(e));
  }
  return { checked: holders.length, missing: [...missing] };
}

describe('dir="auto" on data text', () => {
  const event = data.events.find((e) => e.body && e.sources.length > 1) ?? data.events[0];
  const pages = [
    'index.html',
    `events/${event.id}/index.html`,
    'table/index.html',
    'glossary/index.html',
    'sources/index.html',
  ];
  it.each(pages)('on every element of %s that shows it', (page) => {
    const { checked, missing } = withoutDir(readFileSync(join(DIST, page), 'utf8'));
    expect(checked).toBeGreaterThan(20);
    expect(missing).toEqual([]);
  });

  it("in the timeline's details panel (/data/timeline-details.json, inserted by the browser)", () => {
    const details = JSON.parse(readFileSync(join(DIST, 'data/timeline-details.json'), 'utf8')) as Record<
      string,
      string
    >;
    const { checked, missing } = withoutDir(`<!doctype html><body>${details[event.id]}</body>`);
    expect(checked).toBeGreaterThan(5);
    expect(missing).toEqual([]);
  });
});
