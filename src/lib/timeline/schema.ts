// The data dictionary: one zod schema for everything in content/data/, with the
// TypeScript types inferred from it. Shape checks live here; checks that need the
// whole data set (unknown ids, duplicates, end before start) live in validate.ts.
import { z } from 'zod';
import { ChartSpec } from './schema-charts';
import { DayText, Id, PartialDateText, WebUrl, markdown, text } from './schema-fields';

export { ChartSpec, PeriodSpec } from './schema-charts';
export { DayText, Id, PartialDateText, WebUrl } from './schema-fields';

/**
 * What kind of publisher a source comes from. `primary`: a document issued by the government,
 * court, agency or organisation itself; `wire`: a news agency (AP, Reuters, AFP …); `newspaper`:
 * a newspaper, magazine or news site; `broadcaster`: a television or radio newsroom; `other`:
 * blogs, advocacy or partisan sites, law-firm and commercial blogs, aggregators, mirrors and
 * document-sharing sites. An event whose every source is `other` needs a `sourcingNote`.
 */
export const SOURCE_KINDS = ['primary', 'wire', 'newspaper', 'broadcaster', 'other'] as const;

/**
 * Where a fact comes from, credited to its original publisher: "AP via The Japan Times" is
 * `publisher: AP`, `via: The Japan Times`.
 */
export const Source = z.strictObject({
  /** The original publisher: who wrote or issued it (e.g. "AP", "U.S. Department of State"). */
  publisher: text(120),
  /** What kind of publisher that is (the same for every source of one publisher). */
  kind: z.enum(SOURCE_KINDS),
  /** The headline or document title. */
  title: text(300),
  /**
   * The original publisher's page. For a wire story known only from a client's copy, that copy's
   * page, with the client named in `via`.
   */
  url: WebUrl,
  /** Where it was read, when not at `url`: an archived or syndicated copy. */
  archived: WebUrl.optional(),
  /** Publication date of the page. */
  date: PartialDateText.optional(),
  /** The publication whose page carries the story, when it is not the publisher (e.g. "The Japan Times"). */
  via: text(120).optional(),
  /** A short supporting phrase, quoted exactly as on the page (keep it short: a citation, not a copy). */
  quote: text(400).optional(),
  /** Language of the page when not English, as a BCP 47 tag ("es"). */
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/)
    .optional(),
});
export type Source = z.infer<typeof Source>;

export const TRACK_SHAPES = ['circle', 'square', 'diamond', 'triangle', 'hexagon', 'star', 'cross'] as const;

/** A row of the timeline: a kind of event with its own colour and shape. */
export const Track = z.strictObject({
  id: Id,
  label: text(40),
  description: text(280),
  /** Position from the top (lower first). */
  order: z.number().int(),
  /** Mark colour in light mode (#rrggbb). Pick one with 3:1 contrast on white. */
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, { error: 'should be a colour like #1f6feb' }),
  /** Mark colour in dark mode; defaults to `colour`. Pick one with 3:1 contrast on #111. */
  colourDark: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, { error: 'should be a colour like #58a6ff' })
    .optional(),
  /** Shape of the mark, so a track is told apart without colour. */
  shape: z.enum(TRACK_SHAPES),
});
export type Track = z.infer<typeof Track>;

/** An office or post that people hold in turn (e.g. the head of a city department). */
export const Post = z.strictObject({
  id: Id,
  label: text(120),
  /** The institution (an actor id) the post belongs to. */
  organisation: Id,
  /** ISO 3166 alpha-2 country code. */
  country: z.string().regex(/^[A-Z]{2}$/),
  order: z.number().int().optional(),
});
export type Post = z.infer<typeof Post>;

/** A post held by a person from one date to another, with its sources. */
export const Role = z.strictObject({
  post: Id,
  from: PartialDateText,
  /** Omit while the role continues past the end of the story's period. */
  to: PartialDateText.optional(),
  /** True for acting or interim heads. */
  acting: z.boolean().default(false),
  note: text(400).optional(),
  sources: z.array(Source).min(1, { error: 'needs at least one source' }),
});
export type Role = z.infer<typeof Role>;

/** A person or an institution that events name. */
export const Actor = z.strictObject({
  id: Id,
  name: text(120),
  kind: z.enum(['person', 'institution']),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  description: text(280).optional(),
  roles: z.array(Role).default([]),
});
export type Actor = z.infer<typeof Actor>;

export const MILESTONE_KINDS = [
  'announced',
  'scheduled',
  'signed',
  'published',
  'effective',
  'suspended',
  'blocked',
  'reinstated',
  'ended',
] as const;

/** A dated step inside one event: a fare rise was announced, scheduled, then suspended. */
export const Milestone = z.strictObject({
  kind: z.enum(MILESTONE_KINDS),
  date: PartialDateText,
  /** Short text shown for the step, as written ("5% rise due"); without it, the step is called by its kind. */
  label: text(80).optional(),
  /** True when the step was planned but never happened (a rise never applied). */
  didNotHappen: z.boolean().default(false),
  /** A number the step sets, e.g. a rate of 5 (with unit "%"): drawn by step charts. */
  value: z.number().optional(),
  unit: text(20).optional(),
});
export type Milestone = z.infer<typeof Milestone>;
export type MilestoneKind = Milestone['kind'];

/** A number that matters to the story, as reported. */
export const Figure = z.strictObject({
  value: z.number(),
  /** "people", "%", "troops", "days" … */
  unit: text(30).optional(),
  label: text(140),
  /** True for "about", "almost", "some". */
  approximate: z.boolean().default(false),
  /** Marks a key figure for the story's figures panel. */
  key: z.boolean().default(false),
});
export type Figure = z.infer<typeof Figure>;

export const RELATIONS = ['led-to', 'responds-to', 'implements', 'suspends', 'replaces'] as const;

/** A typed connection from this event to another one. */
export const EventLink = z.strictObject({
  to: Id,
  relation: z.enum(RELATIONS),
});
export type EventLink = z.infer<typeof EventLink>;
export type Relation = EventLink['relation'];

export const UpdateEntry = z.strictObject({
  date: DayText,
  change: text(400),
});

/** One event of the chronology. */
export const TimelineEvent = z.strictObject({
  /** Stable, kebab-case; used in URLs (/events/<id>/) and references. Never reuse or rename. */
  id: Id,
  /** When it happened, at the precision the sources give. */
  date: PartialDateText,
  /** For spans: when it ended. */
  end: PartialDateText.optional(),
  /** Set when the date is worked out from a weekday in the sources rather than printed. */
  dateInferred: z.boolean().default(false),
  track: Id,
  title: text(90),
  /**
   * The few words shown beside the event's mark on a chart ("Budget vote", "Director resigns");
   * lists, pages and tables use the title. Default the title. A chart shows it whole or not at all.
   */
  label: text(40).optional(),
  summary: text(280),
  /** Longer text in Markdown, shown on the event's page (the safe subset: no HTML, http(s) or site links). */
  body: markdown().optional(),
  /**
   * Where it happened, when the title or summary says so: a city or building and the ISO 3166 alpha-2
   * code of its country ({ name: 'Lyon', country: 'FR' }). It is the event's location in the
   * page's structured data; without it, that is the countries of its actors.
   */
  place: z
    .strictObject({
      name: text(80),
      country: z.string().regex(/^[A-Z]{2}$/, { error: 'should be a country code like "MX"' }),
    })
    .optional(),
  actors: z.array(Id).default([]),
  milestones: z.array(Milestone).default([]),
  figures: z.array(Figure).default([]),
  links: z.array(EventLink).default([]),
  /** 1 = central to the story, 3 = background. Less important labels give way first. */
  importance: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'should be 1, 2 or 3' }),
  sources: z.array(Source).min(1, { error: 'needs at least one source' }),
  /**
   * Why the event rests on these sources, shown with them on the event's page. Required when every
   * source is of kind `other`.
   */
  sourcingNote: text(400).optional(),
  /** Where sources disagree or a figure needs a caveat. */
  notes: z.array(text(600)).default([]),
  /** Corrections and changes after publication. */
  updates: z.array(UpdateEntry).default([]),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const RELEASES = ['first-release', 'revised', 'final'] as const;

/** One published value of a monthly series, with where it comes from. */
export const SeriesValue = z.strictObject({
  value: z.number().int().nonnegative(),
  /** first-release: as first announced; revised/final: a later figure that replaced it. */
  release: z.enum(RELEASES),
  /** True when the value is our arithmetic on sourced values (e.g. a total minus one of its parts). */
  derived: z.boolean().default(false),
  note: text(400).optional(),
  sources: z.array(Source).min(1, { error: 'needs at least one source' }),
});
export type SeriesValue = z.infer<typeof SeriesValue>;

/** A measure's id: its key in each month. Letters, digits, "_" and "-"; not "month", which names the month. */
export const MeasureId = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_-]*$/, { error: 'should be a letter then letters, digits, "_" or "-", like "arrivals"' })
  .refine((v) => v !== 'month', { error: '"month" names the month; give the measure another id' });

/**
 * What a series counts, declared once; each month then gives its value under the measure's id.
 * Legends, tables, tooltips and the CSV columns (the label in snake_case) all use the label.
 */
export const SeriesMeasure = z.strictObject({
  id: MeasureId,
  /** The readers' name, e.g. "Arrivals by sea". */
  label: text(80),
  /** What one counts, written after each value in tooltips and tables ("people", "t"); none by default. */
  unit: text(20).optional(),
  /**
   * The measures this one is the total of. A chart stacks the others as bars and draws this one as a
   * line over them. Published totals need not equal the sum of their parts: this is not checked.
   */
  sumOf: z.array(MeasureId).min(2, { error: 'should list at least two measures' }).optional(),
});
export type SeriesMeasure = z.infer<typeof SeriesMeasure>;

/** A month of a series: "month", then one value per measure it has, under the measure's id. */
export const SeriesMonth = z
  .strictObject({
    /** "YYYY-MM". */
    month: PartialDateText.refine((v) => v.length === 7, { error: 'should be a month, YYYY-MM' }),
  })
  .catchall(SeriesValue);
export type SeriesMonth = z.infer<typeof SeriesMonth>;

export const Series = z.strictObject({
  id: Id,
  title: text(120),
  description: text(600),
  /**
   * The name of its CSV download, /data/<download>.csv (default: the series id). Not "timeline",
   * which is the events' CSV.
   */
  download: Id.optional(),
  measures: z.array(SeriesMeasure).min(1, { error: 'needs at least one measure' }),
  months: z.array(SeriesMonth).min(1),
});
export type Series = z.infer<typeof Series>;

/** A BCP 47 language tag: "en", "es", "es-MX". */
const LanguageTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, { error: 'should be a language code like "es"' });

/** One language of the site. */
export const SiteLanguage = z.strictObject({
  code: LanguageTag,
  /** True while its translation is in progress: missing text falls back to the default language's, and no pages are made. */
  draft: z.boolean().default(false),
});
export type SiteLanguage = z.infer<typeof SiteLanguage>;

/** The site's metadata. */
export const Site = z
  .strictObject({
    title: text(120),
    /**
     * The site's name in a phone's header, where the title would take two lines or more and push the
     * story down ("Council budget 2025"; about 30 characters fit a line at 360 px). Default: the title.
     */
    shortTitle: text(40).optional(),
    /** One or two sentences for search results and social cards. */
    description: text(300),
    /** BCP 47 language tag of the text in content/data/*.yaml: the default language, whose pages are at the site root. */
    language: LanguageTag,
    /**
     * Every language of the site, the default included; each other one has its translations in
     * content/data/<code>/. Default: only `language`.
     */
    languages: z.array(SiteLanguage).min(1).optional(),
    published: DayText,
    updated: DayText,
    publisher: text(120),
    credits: z.array(text(200)).default([]),
    /** The first and last day of the period the story covers. */
    period: z.strictObject({ start: PartialDateText, end: PartialDateText }),
    /**
     * The footer's sentence about the sources, when the story has something to add ("Every event cites its
     * sources; many links are copies of wire stories…"). Default: "Every event cites its sources."
     */
    footerNote: text(300).optional(),
    /** Said on the sources page after "Each source is credited to its original publisher.", e.g. how wire copies are named. */
    sourcesNote: text(400).optional(),
    /** What the downloads and the 404 page call the data series, if there is one: "border series". Default: "data series". */
    seriesName: text(60).optional(),
    /** The series download's line on the home page ("monthly … figures, each with its source"). Default: the series' title. */
    seriesDescription: text(200).optional(),
  })
  .superRefine((site, ctx) => {
    const codes = (site.languages ?? []).map((l) => l.code);
    codes.forEach((code, i) => {
      if (codes.indexOf(code) !== i) {
        ctx.addIssue({ code: 'custom', path: ['languages', i, 'code'], message: `"${code}" is listed twice` });
      }
    });
    if (site.languages && !codes.includes(site.language)) {
      ctx.addIssue({
        code: 'custom',
        path: ['languages'],
        message: `should include the default language "${site.language}" (the "language" field)`,
      });
    }
  });
export type Site = z.infer<typeof Site>;

/** A term the story explains, linked from the text with <Term id="…">. */
export const GlossaryEntry = z.strictObject({
  id: Id,
  term: text(80),
  /** Plain-language definition (Markdown allowed: links, emphasis; no HTML). */
  definition: markdown(1200),
  /** Other names readers may meet ("WHO" for the World Health Organization). */
  aliases: z.array(text(80)).default([]),
  sources: z.array(Source).default([]),
});
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;

/** Everything in content/data/, as one object (the shape of /data/timeline.json). */
export const TimelineData = z.strictObject({
  site: Site,
  tracks: z.array(Track).min(1),
  actors: z.array(Actor).default([]),
  posts: z.array(Post).default([]),
  events: z.array(TimelineEvent).min(1),
  series: z.array(Series).default([]),
  glossary: z.array(GlossaryEntry).default([]),
  charts: z.array(ChartSpec).default([]),
});
export type TimelineData = z.infer<typeof TimelineData>;
/** What editors write (defaults not yet applied). */
export type TimelineDataInput = z.input<typeof TimelineData>;
