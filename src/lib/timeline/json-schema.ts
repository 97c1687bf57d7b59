// JSON Schema exports of the zod schema: for /data/timeline.json and for editing content/data/*.yaml.
import { z } from 'zod';
import { Actor, ChartSpec, GlossaryEntry, Post, Series, Site, TimelineData, TimelineEvent, Track } from './schema';

const options = { unrepresentable: 'any', target: 'draft-2020-12' } as const;

/** The schema of /data/timeline.json (defaults applied, so every field is present). */
export function timelineJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(TimelineData, { ...options, io: 'output' }),
    title: 'Timeline data',
    description:
      'Tracks, actors, posts, events and series of a timeline explainer, as published at /data/timeline.json.',
  };
}

/** One schema per file of content/data/, for editors (yaml-language-server) — what editors write, before defaults. */
export function contentJsonSchemas(): Record<string, Record<string, unknown>> {
  const input = (schema: z.ZodType, title: string) => ({
    ...z.toJSONSchema(schema, { ...options, io: 'input' }),
    title,
  });
  return {
    'site.schema.json': input(Site, 'content/data/site.yaml'),
    'tracks.schema.json': input(z.array(Track), 'content/data/tracks.yaml'),
    'actors.schema.json': input(
      z.strictObject({ posts: z.array(Post), actors: z.array(Actor) }),
      'content/data/actors.yaml',
    ),
    'events.schema.json': input(z.array(TimelineEvent), 'content/data/events.yaml'),
    'series.schema.json': input(z.array(Series), 'content/data/series.yaml'),
    'glossary.schema.json': input(z.array(GlossaryEntry), 'content/data/glossary.yaml'),
    'charts.schema.json': input(z.array(ChartSpec), 'content/data/charts.yaml'),
  };
}
