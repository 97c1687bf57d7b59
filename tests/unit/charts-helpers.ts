// Small data builders for the chart layout tests: inline objects run through the schema so
// that defaults (acting: false, didNotHappen: false …) apply as they do in the build.
import { Actor, Post, Series, TimelineEvent, Track } from '../../src/lib/timeline/schema';

const source = { publisher: 'Example', kind: 'newspaper' as const, title: 'Example', url: 'https://example.org/' };

export function event(fields: Partial<Record<string, unknown>> & { id: string; date: string }): TimelineEvent {
  return TimelineEvent.parse({
    track: 'a',
    title: `Event ${fields.id}`,
    summary: 'Summary.',
    importance: 2,
    sources: [source],
    ...fields,
  });
}

export const tracks: Track[] = [
  Track.parse({
    id: 'a',
    label: 'A',
    description: 'Track A.',
    order: 1,
    colour: '#0072b2',
    colourDark: '#56b4e9',
    shape: 'square',
  }),
  Track.parse({ id: 'b', label: 'B', description: 'Track B.', order: 2, colour: '#c75300', shape: 'triangle' }),
];

type V = { value: number; release?: string; derived?: boolean };
const value = (v: V) => ({ release: 'first-release', sources: [source], ...v });

/** Two parts and their total, as a series declares them. */
export const PARTS_AND_TOTAL = [
  { id: 'borderPatrol', label: 'Border Patrol apprehensions' },
  { id: 'inadmissibles', label: 'Port-of-entry inadmissibles' },
  { id: 'total', label: 'Total encounters', sumOf: ['borderPatrol', 'inadmissibles'] },
];

/** A series of these measures; each month gives values under measure ids (undefined: no value). */
export function monthlySeries(
  measures: { id: string; label: string; unit?: string; sumOf?: string[] }[],
  months: ({ month: string } & Record<string, V | string | undefined>)[],
): Series {
  return Series.parse({
    id: 'test-series',
    title: 'Test series',
    description: 'A test series.',
    measures,
    months: months.map(({ month, ...values }) => ({
      month,
      ...Object.fromEntries(
        Object.entries(values).flatMap(([id, v]) => (v && typeof v === 'object' ? [[id, value(v)]] : [])),
      ),
    })),
  });
}

export function series(months: { month: string; bp: V; inad?: V; total?: V }[]): Series {
  return monthlySeries(
    PARTS_AND_TOTAL,
    months.map((m) => ({ month: m.month, borderPatrol: m.bp, inadmissibles: m.inad, total: m.total })),
  );
}

export function post(id: string, order?: number): Post {
  return Post.parse({ id, label: `Head of ${id}`, organisation: 'org', country: 'US', order });
}

export function actor(
  id: string,
  name: string,
  roles: { post: string; from: string; to?: string; acting?: boolean }[],
  country = 'US',
): Actor {
  return Actor.parse({ id, name, kind: 'person', country, roles: roles.map((r) => ({ ...r, sources: [source] })) });
}

/** True when the boxes [x0, y0, x1, y1] overlap (touching edges do not count). */
export function overlaps(a: readonly number[], b: readonly number[]): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}
