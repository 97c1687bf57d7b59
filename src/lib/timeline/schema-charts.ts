// The charts of the story, as the data describes them (schema.ts re-exports these).
import { z } from 'zod';
import { Id, PartialDateText, text } from './schema-fields';

/** How a period chart numbers its days: see `countDays`. */
export const DAY_COUNTS = ['exclusive', 'inclusive'] as const;
export type DayCount = (typeof DAY_COUNTS)[number];

/** An annotated band on a timeline, e.g. the weeks of a review. */
export const PeriodSpec = z.strictObject({
  id: Id,
  label: text(60),
  start: PartialDateText,
  end: PartialDateText,
});

const chartCommon = {
  /** Used in URLs: /embed/<id>/, /images/<id>.png, /data/<id>.csv. */
  id: Id,
  title: text(120),
  caption: text(400).optional(),
  /** Shown as "Source: …". */
  source: text(300),
};

/** A chart of the story, placed in MDX with <Chart id="…"/> and embeddable at /embed/<id>/. */
export const ChartSpec = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      ...chartCommon,
      kind: z.literal('timeline'),
      /** Track ids to show (default: all). */
      tracks: z.array(Id).optional(),
      /** The time window shown first (default: all events). */
      window: z.strictObject({ start: PartialDateText, end: PartialDateText }).optional(),
      /** Event ids drawn emphasised. */
      highlight: z.array(Id).default([]),
      periods: z.array(PeriodSpec).default([]),
      /**
       * The weeks the chart is about: they get more room than the rest (on phones a row per
       * event), and the axis shows where the scale changes. `note` says so in a line under the chart.
       */
      focus: z.strictObject({ start: PartialDateText, end: PartialDateText, note: text(160).optional() }).optional(),
      /** Dated notes written on the chart ("Vote, 7 March"). */
      annotations: z.array(z.strictObject({ id: Id, date: PartialDateText, text: text(40) })).default([]),
      density: z.enum(['compact', 'regular', 'roomy']).default('regular'),
    }),
    z.strictObject({
      ...chartCommon,
      kind: z.literal('series'),
      /** A series id from series.yaml. */
      series: Id,
      /** Event ids to mark on the chart. */
      annotate: z.array(Id).default([]),
      /**
       * Ids of the series' measures to draw, stacked from the bottom; a "sum of" measure is drawn as a
       * line over the others. Default: the measures that are not a "sum of".
       */
      measures: z.array(z.string()).min(1, { error: 'should name at least one measure' }).optional(),
    }),
    z.strictObject({
      ...chartCommon,
      kind: z.literal('period'),
      start: PartialDateText,
      end: PartialDateText,
      /** Name of the period ("The first five weeks"). */
      label: text(60),
      tracks: z.array(Id).optional(),
      /**
       * How the day counter counts. `exclusive` (default): the start date is day 0 and day 1 the day
       * after, so the end date's number is the days elapsed (1 to 3 March: day 0, 1, 2). `inclusive`:
       * the start date is day 1, so the end date's number is the days the period lasts (day 1, 2, 3).
       */
      countDays: z.enum(DAY_COUNTS).default('exclusive'),
    }),
    z.strictObject({
      ...chartCommon,
      kind: z.literal('steps'),
      /** The event whose valued milestones make the steps. */
      event: Id,
    }),
    z.strictObject({
      ...chartCommon,
      kind: z.literal('posts'),
      /** Post ids, top to bottom (default: all posts in their order). */
      posts: z.array(Id).optional(),
      from: PartialDateText,
      to: PartialDateText,
    }),
    z.strictObject({
      ...chartCommon,
      kind: z.literal('figures'),
    }),
  ],
  { error: 'should have a "kind": timeline, series, period, steps, posts or figures' },
);

export type ChartSpec = z.infer<typeof ChartSpec>;
export type PeriodSpec = z.infer<typeof PeriodSpec>;
