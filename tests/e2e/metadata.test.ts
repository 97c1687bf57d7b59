// What the built pages tell search engines and social sites: every page has a social card (og:image
// with its size and alt text); every JSON-LD block parses as schema.org data with absolute http(s)
// URLs; each event page has one valid Event (a location, performers rather than actors, its sources
// as subjectOf rather than citation); the sitemap lists the embed gallery but no per-chart embed.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInfo, listPages, pageUrlPath, parseTags } from '../../scripts/lib/site-check.mjs';

const DIST = process.env.DIST || 'dist';
const info = buildInfo(DIST);
const base = (info.base ?? '/').replace(/\/*$/, '/');
const site = new URL(info.site ?? 'http://localhost:4321');
const pages = listPages(DIST);
const eventPages = pages.filter((p) => /^events\/[^/]+\/index\.html$/.test(p));
const tagsOf = (page: string) => parseTags(readFileSync(join(DIST, page), 'utf8'));
const meta = (tags: ReturnType<typeof parseTags>, property: string) =>
  tags.find((t) => t.name === 'meta' && (t.attrs.property === property || t.attrs.name === property))?.attrs.content;

type Json = { [key: string]: unknown };

/** The JSON-LD blocks of a page, parsed (a block that does not parse is reported as an error). */
function jsonLd(page: string): Json[] {
  return tagsOf(page)
    .filter((t) => t.name === 'script' && t.attrs.type === 'application/ld+json')
    .map((t, i) => {
      try {
        return JSON.parse(t.text ?? '') as Json;
      } catch (error) {
        throw new Error(`${page}: JSON-LD block ${i + 1} does not parse (${error}): ${t.text?.slice(0, 200)}`);
      }
    });
}

/** Every [key path, string value] in a JSON value. */
function strings(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => strings(v, `${path}.${k}`));
  return [];
}

/** Keys whose values are URLs in the site's JSON-LD. */
const URL_KEYS = /\.(@context|@id|url|image|mainEntityOfPage|sameAs|eventStatus|itemListOrder)$/;

describe('social cards', () => {
  it('every page has an og:image that exists in dist, with its size and alt text', () => {
    const problems: string[] = [];
    for (const page of pages) {
      const tags = tagsOf(page);
      const image = meta(tags, 'og:image');
      if (!image) {
        problems.push(`${page}: no og:image`);
        continue;
      }
      const url = new URL(image);
      if (url.origin !== site.origin || !url.pathname.startsWith(base))
        problems.push(`${page}: og:image ${image} is not on ${site.origin}${base}`);
      else if (!existsSync(join(DIST, decodeURIComponent(url.pathname.slice(base.length)))))
        problems.push(`${page}: og:image ${image} is not in dist`);
      if (meta(tags, 'og:image:width') !== '1200' || meta(tags, 'og:image:height') !== '630')
        problems.push(`${page}: og:image size is not 1200×630`);
      if (!meta(tags, 'og:image:alt')?.trim()) problems.push(`${page}: no og:image:alt`);
      if (meta(tags, 'twitter:image') !== image) problems.push(`${page}: twitter:image differs from og:image`);
    }
    expect(pages.length).toBeGreaterThan(3);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('a page without a card of its own shows the home card, with the home page’s alt text', () => {
    const home = tagsOf('index.html');
    for (const page of ['404.html', 'embed/index.html', 'table/index.html']) {
      const tags = tagsOf(page);
      expect(meta(tags, 'og:image'), page).toBe(meta(home, 'og:image'));
      expect(meta(tags, 'og:image:alt'), page).toBe(meta(home, 'og:image:alt'));
    }
  });
});

describe('JSON-LD', () => {
  it('every block parses, is schema.org data with a type, and gives its URLs as absolute http(s) URLs', () => {
    const problems: string[] = [];
    let blocks = 0;
    for (const page of pages) {
      for (const ld of jsonLd(page)) {
        blocks++;
        if (ld['@context'] !== 'https://schema.org') problems.push(`${page}: @context is ${ld['@context']}`);
        if (typeof ld['@type'] !== 'string') problems.push(`${page}: no @type`);
        for (const [path, value] of strings(ld)) {
          if (URL_KEYS.test(path) && !/^https?:\/\/[^/]/.test(value))
            problems.push(`${page}: ${path} is not an http(s) URL: ${value}`);
          if (/^\s*(javascript|data|vbscript):/i.test(value))
            problems.push(`${page}: ${path} has a ${value.split(':')[0]}: URL`);
        }
      }
    }
    expect(blocks).toBeGreaterThanOrEqual(eventPages.length + 2);
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('each event page has one Event with a location, performers and its sources, and no citation or actor', () => {
    const data = JSON.parse(readFileSync(join(DIST, 'data/timeline.json'), 'utf8')) as {
      events: { id: string; title: string; actors: string[]; sources: { url: string }[] }[];
    };
    expect(eventPages.length).toBe(data.events.length);
    const problems: string[] = [];
    for (const event of data.events) {
      const page = `events/${event.id}/index.html`;
      const events = jsonLd(page).filter((ld) => ld['@type'] === 'Event');
      if (events.length !== 1) {
        problems.push(`${page}: ${events.length} Events`);
        continue;
      }
      const [ld] = events;
      const pageUrl = new URL(pageUrlPath(page, base), site).href;
      if (ld.name !== event.title) problems.push(`${page}: name is not the title`);
      if (ld.url !== pageUrl) problems.push(`${page}: url ${ld.url} is not ${pageUrl}`);
      if (typeof ld.startDate !== 'string') problems.push(`${page}: no startDate`);
      for (const key of ['citation', 'actor', 'actors']) if (key in ld) problems.push(`${page}: Event has "${key}"`);
      const locations = [ld.location ?? []].flat() as Json[];
      if (locations.length === 0) problems.push(`${page}: no location`);
      for (const l of locations) {
        const address = l.address as Json | undefined;
        if (!['Place', 'Country', 'VirtualLocation'].includes(String(l['@type'])) || !l.name)
          problems.push(`${page}: location ${JSON.stringify(l)} is not a named Place`);
        if (l['@type'] !== 'VirtualLocation' && !/^[A-Z]{2}$/.test(String(address?.addressCountry)))
          problems.push(`${page}: location ${JSON.stringify(l)} has no address with a country`);
      }
      const performers = (ld.performer ?? []) as Json[];
      if (event.actors.length > 0 && performers.length !== event.actors.length)
        problems.push(`${page}: ${performers.length} performers for ${event.actors.length} actors`);
      for (const p of performers)
        if (!['Person', 'Organization'].includes(String(p['@type'])) || !p.name)
          problems.push(`${page}: performer ${JSON.stringify(p)}`);
      const subjectOf = (ld.subjectOf ?? []) as Json[];
      expect(
        subjectOf.map((s) => s.url),
        `${page}: subjectOf is the event's sources`,
      ).toEqual(event.sources.map((s) => s.url));
      for (const s of subjectOf)
        if (s['@type'] !== 'CreativeWork' || !s.name || (s.publisher as Json)?.['@type'] !== 'Organization')
          problems.push(
            `${page}: source ${JSON.stringify(s).slice(0, 120)} is not a CreativeWork with a publishing Organization`,
          );
    }
    expect(problems, problems.join('\n')).toEqual([]);
  });

  it('no page calls anything an Event without a location (the chronology lists the event pages instead)', () => {
    const problems: string[] = [];
    const visit = (page: string, value: unknown): void => {
      if (Array.isArray(value)) return value.forEach((v) => visit(page, v));
      if (!value || typeof value !== 'object') return;
      const o = value as Json;
      if (o['@type'] === 'Event' && !o.location) problems.push(`${page}: Event "${o.name}" has no location`);
      Object.values(o).forEach((v) => visit(page, v));
    };
    for (const page of pages) for (const ld of jsonLd(page)) visit(page, ld);
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('the sitemap and the embed pages', () => {
  const xml = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
  const locs = new Set([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].replace(/&amp;/g, '&')));
  const href = (page: string) => new URL(pageUrlPath(page, base), site).href;
  const noindex = (page: string) =>
    tagsOf(page).some(
      (t) => t.name === 'meta' && t.attrs.name === 'robots' && /\bnoindex\b/.test(t.attrs.content ?? ''),
    );

  it('lists the embed gallery, which search engines may index', () => {
    expect(locs).toContain(href('embed/index.html'));
    expect(noindex('embed/index.html')).toBe(false);
  });

  it('leaves out each chart’s embed page, which is noindex', () => {
    const frames = pages.filter((p) => /^embed\/[^/]+\/index\.html$/.test(p));
    expect(frames.length).toBeGreaterThan(0);
    for (const page of frames) {
      expect(locs, page).not.toContain(href(page));
      expect(noindex(page), `${page} is noindex`).toBe(true);
    }
  });
});

describe('the footer’s dates', () => {
  const homes = pages.filter((p) => /^([a-z]{2,3}\/)?index\.html$/.test(p));

  it('on each language’s home page: the story’s publication date, written in the page’s language', () => {
    expect(homes.length).toBeGreaterThan(0);
    for (const home of homes) {
      const html = readFileSync(join(DIST, home), 'utf8');
      const footer = html.slice(html.lastIndexOf('<footer'));
      const times = [...footer.matchAll(/<time datetime="([^"]+)"[^>]*>([^<]*)<\/time>/g)].map(([, d, t]) => [d, t]);
      const [published, updated] = times;
      expect(times, home).toHaveLength(2);
      // As the byline under the headline and the page's JSON-LD date it.
      const story = jsonLd(home).find((j) => j.datePublished) as Json;
      expect(published[0], home).toBe(story.datePublished);
      expect(updated[0] >= published[0], home).toBe(true);
      for (const [date, text] of times) {
        expect(text, `${home}: ${date}`).not.toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(text, `${home}: ${date}`).toContain(date.slice(0, 4));
      }
    }
  });
});
