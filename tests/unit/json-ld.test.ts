// The JSON-LD of the pages (src/lib/json-ld.ts): text from the data cannot end its <script>, and every
// event of content/data/ gets a schema.org Event with a location (its place, else its actors'
// countries), performers and its sources.
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadTimelineData } from '../../src/build/data/load';
import { eventCountries, eventJsonLd, serializeJsonLd } from '../../src/lib/json-ld';
import type { TimelineEvent } from '../../src/lib/timeline/schema';
import { parseTags } from '../../scripts/lib/site-check.mjs';

const data = loadTimelineData(resolve('content/data'));
const urls = (id: string) => ({
  page: `https://example.org/events/${id}/`,
  image: `https://example.org/images/social/event-${id}.png`,
});

describe('serializeJsonLd', () => {
  const nasty = 'Ends </script><script>alert(1)</script> and <!-- <script> opens a comment & "quotes"';

  it('writes no "<", so no text can close the script element or open a comment in it', () => {
    const json = serializeJsonLd({ name: nasty, nested: [{ text: '</SCRIPT >' }] });
    expect(json).not.toContain('<');
    expect(JSON.parse(json)).toEqual({ name: nasty, nested: [{ text: '</SCRIPT >' }] });
  });

  it('keeps the text whole when the page is parsed as HTML', () => {
    const html = `<head><script type="application/ld+json">${serializeJsonLd({ name: nasty })}</script><title>t</title></head>`;
    const scripts = parseTags(html).filter((t) => t.name === 'script');
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(scripts[0].text ?? '')).toEqual({ name: nasty });
  });
});

describe('eventJsonLd', () => {
  it('gives every event of the data a valid Event: location, performers, sources as subjectOf, no citation or actor', () => {
    for (const event of data.events) {
      const ld = eventJsonLd(event, data, urls(event.id));
      expect(ld['@context']).toBe('https://schema.org');
      expect(ld['@type']).toBe('Event');
      expect(ld).not.toHaveProperty('citation');
      expect(ld).not.toHaveProperty('actor');
      expect(ld.location, `${event.id} has a location`).toBeDefined();
      expect(ld.startDate).toBe(event.date);
      expect((ld.subjectOf as { url: string }[]).map((s) => s.url)).toEqual(event.sources.map((s) => s.url));
      expect(((ld.performer ?? []) as unknown[]).length).toBe(event.actors.length);
    }
  });

  it('places an event in the countries of the people and institutions it names, in their order', () => {
    const event = data.events.find((e) => e.id === 'lopez-obrador-takes-office')!;
    expect(eventCountries(event, data)).toEqual(['MX']);
    expect(eventJsonLd(event, data, urls(event.id)).location).toEqual({
      '@type': 'Country',
      name: 'Mexico',
      address: { '@type': 'PostalAddress', addressCountry: 'MX' },
    });
  });

  it('places an event where its `place` says, when the data gives one', () => {
    const event = data.events.find((e) => e.id === 'pompeo-ebrard-meeting')!;
    expect(event.place).toEqual({ name: 'Mexico City', country: 'MX' });
    expect(eventJsonLd(event, data, urls(event.id)).location).toEqual({
      '@type': 'Place',
      name: 'Mexico City',
      address: { '@type': 'PostalAddress', addressCountry: 'MX' },
    });
  });

  it('places an event that names no one where the events it links to are', () => {
    const linked: TimelineEvent = { ...data.events[0], id: 'x', actors: ['donald-trump'], links: [] };
    const period: TimelineEvent = { ...data.events[0], id: 'p', actors: [], links: [{ to: 'x', relation: 'led-to' }] };
    expect(eventCountries(period, { actors: data.actors, events: [linked, period] })).toEqual(['US']);
  });

  it('types people as Person and institutions as Organization, and sources’ publishers as Organizations', () => {
    const event = data.events.find((e) => e.id === 'lopez-obrador-takes-office')!;
    const ld = eventJsonLd(event, data, urls(event.id));
    const performers = ld.performer as { '@type': string; name: string }[];
    expect(performers.find((p) => p.name.includes('López Obrador'))?.['@type']).toBe('Person');
    expect(performers.at(-1)?.['@type']).toBe('Organization');
    const [source] = ld.subjectOf as { publisher: unknown; inLanguage?: string }[];
    expect(source.publisher).toEqual({ '@type': 'Organization', name: event.sources[0].publisher });
    expect(source.inLanguage).toBe('es');
  });
});
