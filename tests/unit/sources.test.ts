// The sources page's data: every source once, grouped by its original publisher, with counts by kind.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadTimelineData } from '../../src/build/data/load';
import { getTimelineData } from '../../src/data/timeline';
import { countsByKind, quoted, sourceCounts, sourcesByPublisher } from '../../src/lib/timeline/sources';
import { en } from '../../src/lib/ui/strings';
import { es } from '../../src/lib/ui/strings-es';

const data = loadTimelineData(join(import.meta.dirname, '..', 'fixtures', 'content', 'data'));

describe('sourcesByPublisher', () => {
  const groups = sourcesByPublisher(data);

  it('groups every distinct source under its publisher, alphabetically, with the publisher’s kind', () => {
    expect(groups.map((g) => [g.publisher, g.kind, g.sources.length])).toEqual([
      ['CBP', 'primary', 2],
      ['Example News', 'newspaper', 3],
      ['La Silla Rota', 'newspaper', 1],
    ]);
  });

  it('lists what cites each source (a URL cited twice is one source)', () => {
    const may = groups[0].sources.find((s) => s.source.url.endsWith('/may'))!;
    expect(may.citedBy.map((c) => c.kind)).toEqual(['series']);
    expect(may.citedBy).toHaveLength(1);
  });

  it('names a role that cites a source by the holder and the post’s label, not its id', () => {
    const role = groups.flatMap((g) => g.sources).flatMap((s) => s.citedBy.filter((c) => c.kind === 'role'));
    expect(role.map((c) => c.label)).toEqual(['Tonatiuh Guillén López: Commissioner of INM']);
  });

  it('counts publishers and sources per kind, every kind listed', () => {
    expect(countsByKind(groups)).toEqual([
      { kind: 'primary', publishers: 1, sources: 2 },
      { kind: 'wire', publishers: 0, sources: 0 },
      { kind: 'newspaper', publishers: 2, sources: 4 },
      { kind: 'broadcaster', publishers: 0, sources: 0 },
      { kind: 'other', publishers: 0, sources: 0 },
    ]);
  });
});

describe('sourceCounts', () => {
  it('counts the events’ sources and, as the sources page does, every source of the data', () => {
    // The home page said "(181 in all)" of the events' sources while the sources page listed 228.
    const real = getTimelineData('en');
    const counts = sourceCounts(real);
    const page = sourcesByPublisher(real).reduce((n, g) => n + g.sources.length, 0);
    expect(counts.all).toBe(page);
    expect(counts.events).toBe(new Set(real.events.flatMap((e) => e.sources.map((s) => s.url))).size);
    expect(counts.all).toBeGreaterThan(counts.events);
    // Where they differ the sentence gives both and links the larger to the sources page; else one number.
    for (const ui of [en, es]) {
      const text = ui.home.chronology(2, 'a', 'b', counts.events, counts.all);
      expect(text).toContain(String(counts.events));
      expect(text).toMatch(new RegExp(`\\[${counts.all} [^\\]]+\\]\\(sources\\)`));
      expect(ui.chronology.lede(2, 'a', 'b', 5)).not.toContain('(sources)');
    }
  });
});

describe('quoted', () => {
  it('puts a quote between double marks, and a quotation inside it between single ones', () => {
    expect(quoted('take further actions')).toBe('“take further actions”');
    expect(quoted('committed itself to “immediately expand[ing]” its protocols,”')).toBe(
      '“committed itself to ‘immediately expand[ing]’ its protocols,’”',
    );
    expect(quoted('he said "no" and "yes"')).toBe('“he said ‘no’ and ‘yes’”');
  });
  it("leaves a quote's apostrophes and single marks as they are", () => {
    expect(quoted('Mexico’s ‘plan’ won’t')).toBe('“Mexico’s ‘plan’ won’t”');
  });
});
