// Structured data (schema.org JSON-LD) for the pages: the serialiser that keeps it inside its
// <script>, and the Event of an event page. Pages put it in the head:
//   <script type="application/ld+json" slot="head" set:html={serializeJsonLd(ld)} />
import type { Actor, Source, TimelineData, TimelineEvent } from './timeline/schema';

export type JsonLd = { [key: string]: unknown };

/**
 * JSON for a <script type="application/ld+json"> element. Every "<" is written \u003c (the same
 * character to a JSON parser), so no text from the data can close the element ("</script>") or
 * switch the parser into its comment states ("<!--"): what ends the script is then only our "</script>".
 */
export function serializeJsonLd(value: JsonLd): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

/** A source of an event as a CreativeWork about it (schema.org `subjectOf`). */
export function sourceJsonLd(source: Source): JsonLd {
  return {
    '@type': 'CreativeWork',
    name: source.title,
    url: source.url,
    publisher: { '@type': 'Organization', name: source.publisher },
    ...(source.date ? { datePublished: source.date } : {}),
    ...(source.language ? { inLanguage: source.language } : {}),
  };
}

function actorJsonLd(actor: Actor): JsonLd {
  return { '@type': actor.kind === 'person' ? 'Person' : 'Organization', name: actor.name };
}

/**
 * The countries an event without a `place` is located in: those of the people and institutions it
 * names (their `country` in actors.yaml), in the order they are named; for an event that names none
 * (a period such as a review), those of the events it links to. A bilateral declaration
 * thus gets both countries: true at the level of countries, and nothing more precise is claimed.
 */
export function eventCountries(event: TimelineEvent, data: Pick<TimelineData, 'actors' | 'events'>): string[] {
  const actorById = new Map(data.actors.map((a) => [a.id, a]));
  const countriesOf = (e: TimelineEvent) =>
    e.actors.map((id) => actorById.get(id)?.country).filter((c): c is string => Boolean(c));
  let codes = countriesOf(event);
  if (codes.length === 0) {
    const eventById = new Map(data.events.map((e) => [e.id, e]));
    codes = event.links.flatMap((link) => {
      const linked = eventById.get(link.to);
      return linked ? countriesOf(linked) : [];
    });
  }
  return [...new Set(codes)];
}

/** A country (ISO 3166 alpha-2 code) as a schema.org Country, named in the site's language. */
function countryJsonLd(code: string, language: string): JsonLd {
  let name = code;
  try {
    name = new Intl.DisplayNames([language, 'en'], { type: 'region' }).of(code) ?? code;
  } catch {
    // An unknown language or code keeps the code as the name.
  }
  return { '@type': 'Country', name, address: { '@type': 'PostalAddress', addressCountry: code } };
}

/**
 * The schema.org Event of an event's page. Its `location` is its `place` when the data gives one, else
 * the countries of eventCountries (left out when there is none to give). The people and institutions
 * it names are its `performer`s (those who act in it; the data does not say who organised what, so
 * no `organizer`); its sources are CreativeWorks about it (`subjectOf`).
 */
export function eventJsonLd(
  event: TimelineEvent,
  data: Pick<TimelineData, 'actors' | 'events' | 'site'>,
  urls: { page: string; image?: string },
): JsonLd {
  const actorById = new Map(data.actors.map((a) => [a.id, a]));
  const actors = event.actors.map((id) => actorById.get(id)).filter((a): a is Actor => Boolean(a));
  const location = event.place
    ? [
        {
          '@type': 'Place',
          name: event.place.name,
          address: { '@type': 'PostalAddress', addressCountry: event.place.country },
        },
      ]
    : eventCountries(event, data).map((code) => countryJsonLd(code, data.site.language));
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    '@id': `${urls.page}#event`,
    name: event.title,
    description: event.summary,
    startDate: event.date,
    ...(event.end ? { endDate: event.end } : {}),
    // "Has taken place on the startDate as scheduled": the chronology lists what happened.
    eventStatus: 'https://schema.org/EventScheduled',
    url: urls.page,
    mainEntityOfPage: urls.page,
    ...(urls.image ? { image: urls.image } : {}),
    ...(location.length ? { location: location.length === 1 ? location[0] : location } : {}),
    ...(actors.length ? { performer: actors.map(actorJsonLd) } : {}),
    subjectOf: event.sources.map(sourceJsonLd),
  };
}
