// What a translation overlay (content/data/<lang>/<file>.yaml) may hold, file by file: the one table of
// translatable fields. Everything not named here (ids, dates, numbers, urls, tracks, sources, kinds)
// stays only in the original file. Adding a translatable field is one line in TRANSLATABLE.

/**
 * `text`: required in the overlay when the original has it; `text?`: optional (the original's text is
 * kept when the overlay leaves it out); `texts`: a list of texts matched by position, of the original's
 * length; `texts?`: an optional list that replaces the original's whole.
 */
export type TextShape = 'text' | 'text?' | 'texts' | 'texts?';

export interface MapShape {
  kind: 'map';
  fields: Record<string, Shape>;
  /** The overlay may leave the whole object out (the original's is kept). */
  optional?: boolean;
  /** The shape of every other key the original has (a series month's measures). */
  rest?: MapShape;
}

export interface ListShape {
  kind: 'list';
  /** How an overlay item finds its original: by the value of this field, or by its position. */
  by: 'id' | 'month' | 'position';
  /** What one item is called in messages ("event"). */
  noun: string;
  item: MapShape;
}

export type Shape = TextShape | MapShape | ListShape;

const map = (fields: Record<string, Shape>, extra: Partial<MapShape> = {}): MapShape => ({
  kind: 'map',
  fields,
  ...extra,
});
const list = (by: ListShape['by'], noun: string, fields: Record<string, Shape>, rest?: MapShape): ListShape => ({
  kind: 'list',
  by,
  noun,
  item: map(fields, rest ? { rest } : {}),
});

/** Per data file, the shape of its overlay. */
export const TRANSLATABLE: Record<string, Shape> = {
  'site.yaml': map({
    title: 'text',
    shortTitle: 'text',
    description: 'text',
    credits: 'texts',
    footerNote: 'text',
    sourcesNote: 'text',
    seriesName: 'text',
    seriesDescription: 'text',
  }),
  'tracks.yaml': list('id', 'track', { label: 'text', description: 'text' }),
  'actors.yaml': map({
    posts: list('id', 'post', { label: 'text' }),
    actors: list('id', 'actor', {
      // People keep their names; an institution's may differ.
      name: 'text?',
      description: 'text',
      roles: list('position', 'role', { note: 'text' }),
    }),
  }),
  'events.yaml': list('id', 'event', {
    title: 'text',
    label: 'text',
    summary: 'text',
    body: 'text',
    place: map({ name: 'text' }, { optional: true }),
    milestones: list('position', 'milestone', { label: 'text', unit: 'text' }),
    figures: list('position', 'figure', { label: 'text', unit: 'text' }),
    sourcingNote: 'text',
    notes: 'texts',
    updates: list('position', 'update', { change: 'text' }),
  }),
  'series.yaml': list('id', 'series', {
    title: 'text',
    description: 'text',
    measures: list('id', 'measure', { label: 'text', unit: 'text' }),
    // A month's values are under their measure ids; only a value's note is text.
    months: list('month', 'month', {}, map({ note: 'text' })),
  }),
  'glossary.yaml': list('id', 'glossary entry', { term: 'text', definition: 'text', aliases: 'texts?' }),
  'charts.yaml': list('id', 'chart', {
    title: 'text',
    caption: 'text',
    source: 'text',
    label: 'text',
    periods: list('id', 'period', { label: 'text' }),
    focus: map({ note: 'text' }),
    annotations: list('id', 'annotation', { text: 'text' }),
  }),
};

/** The overlay file of source titles: original title → translated title, for every source anywhere. */
export const SOURCES_FILE = 'sources.yaml';
