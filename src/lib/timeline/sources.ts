// Every source of the data, grouped by publisher, with the events and entries that cite it.
import { SOURCE_KINDS, type Source, type TimelineData } from './schema';
import { measureValue } from './series';

export type SourceKind = Source['kind'];

export interface CitedSource {
  source: Source;
  /** Where it is cited: { kind: 'event', id, title } or a role/series/glossary citation. */
  citedBy: { kind: 'event' | 'role' | 'series' | 'glossary'; id: string; label: string }[];
}

export interface PublisherGroup {
  publisher: string;
  kind: SourceKind;
  sources: CitedSource[];
}

/** Per kind: how many publishers and how many distinct sources, in the order of SOURCE_KINDS. */
export function countsByKind(groups: PublisherGroup[]): { kind: SourceKind; publishers: number; sources: number }[] {
  return SOURCE_KINDS.map((kind) => {
    const of = groups.filter((g) => g.kind === kind);
    return { kind, publishers: of.length, sources: of.reduce((n, g) => n + g.sources.length, 0) };
  });
}

type Citation = CitedSource['citedBy'][number];

/** Every use of a source in the data: the source, where it sits (a path for error messages) and what cites it. */
export function* sourceUses(
  data: Pick<TimelineData, 'events' | 'actors' | 'series' | 'glossary' | 'posts'>,
): Generator<{ source: Source; path: (string | number)[]; by: Citation }> {
  // A role is named by its post's label, in the data's language (its id is for the data, not the reader).
  const postLabel = new Map(data.posts.map((p) => [p.id, p.label]));
  for (const [i, e] of data.events.entries()) {
    for (const [j, source] of e.sources.entries())
      yield { source, path: ['events', i, 'sources', j], by: { kind: 'event', id: e.id, label: e.title } };
  }
  for (const [i, a] of data.actors.entries()) {
    for (const [j, r] of a.roles.entries()) {
      for (const [k, source] of r.sources.entries()) {
        const by: Citation = { kind: 'role', id: a.id, label: `${a.name}: ${postLabel.get(r.post) ?? r.post}` };
        yield { source, path: ['actors', i, 'roles', j, 'sources', k], by };
      }
    }
  }
  for (const [i, series] of data.series.entries()) {
    for (const [j, m] of series.months.entries()) {
      for (const { id } of series.measures) {
        for (const [k, source] of (measureValue(m, id)?.sources ?? []).entries()) {
          const by: Citation = { kind: 'series', id: m.month, label: `${series.title}, ${m.month}` };
          yield { source, path: ['series', i, 'months', j, id, 'sources', k], by };
        }
      }
    }
  }
  for (const [i, g] of data.glossary.entries()) {
    for (const [j, source] of g.sources.entries())
      yield { source, path: ['glossary', i, 'sources', j], by: { kind: 'glossary', id: g.id, label: g.term } };
  }
}

/** All distinct sources (by URL) grouped by publisher, publishers and titles in alphabetical order. */
export function sourcesByPublisher(data: TimelineData): PublisherGroup[] {
  const byUrl = new Map<string, CitedSource>();
  for (const { source, by } of sourceUses(data)) {
    const entry = byUrl.get(source.url) ?? { source, citedBy: [] };
    if (!entry.citedBy.some((c) => c.kind === by.kind && c.id === by.id)) entry.citedBy.push(by);
    byUrl.set(source.url, entry);
  }
  const groups = new Map<string, CitedSource[]>();
  for (const entry of byUrl.values()) {
    const list = groups.get(entry.source.publisher) ?? [];
    list.push(entry);
    groups.set(entry.source.publisher, list);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { sensitivity: 'base' }))
    .map(([publisher, sources]) => ({
      publisher,
      kind: sources[0].source.kind,
      sources: sources.sort((a, b) => a.source.title.localeCompare(b.source.title)),
    }));
}

/** How many different sources (by URL) the events cite, and the whole data: the sources page lists `all`. */
export function sourceCounts(data: TimelineData): { events: number; all: number } {
  const all = new Set<string>();
  for (const { source } of sourceUses(data)) all.add(source.url);
  return { events: new Set(data.events.flatMap((e) => e.sources.map((s) => s.url))).size, all: all.size };
}

/**
 * A source's short quote as a page shows it: between double quotation marks, and a quotation inside it
 * between single ones (“committed itself to ‘immediately expand[ing]…’”), as English nests them. The quote's
 * own double marks, curly or straight, become single; its apostrophes stay as they are. Straight marks are
 * paired in turn, so a quote with an inch mark (5") or German marks („…“) would pair them wrongly: none of
 * the site's quotes has one.
 */
export function quoted(quote: string): string {
  let opening = true;
  const inner = quote.replace(/[“”"]/g, (mark) => {
    if (mark !== '"') return mark === '“' ? '‘' : '’';
    opening = !opening;
    return opening ? '’' : '‘';
  });
  return `“${inner}”`;
}
