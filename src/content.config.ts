// Content collections: the narratives in content/stories/*.mdx. (The timeline data in
// content/data/ is loaded by src/build/data/load.ts, which gives line-precise errors.)
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** YYYY-MM-DD, written plain or quoted (YAML reads a plain one as a date). */
const day = z.preprocess(
  (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
);

/** An entry's id: its file name without `.mdx`, the language suffix kept ('story.es'; see src/data/stories.ts). */
const generateId = ({ entry }: { entry: string }) => entry.replace(/\.mdx$/, '');

const stories = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${process.env.CONTENT_DIR || './content'}/stories`, generateId }),
  schema: z.strictObject({
    /** The headline. */
    title: z.string().min(1).max(140),
    /** One or two sentences: search results, social cards. */
    description: z.string().min(1).max(300),
    /** "What you need to know": 4–6 short bullets shown under the headline. */
    summary: z.array(z.string().min(1).max(300)).min(1).max(8),
    byline: z.string().optional(),
    published: day,
    updated: day,
    /** The story shown on the home page has order 1; others get /stories/<id>/. */
    order: z.number().int().default(1),
  }),
});

/** Text for the engine's own pages: content/pages/method.mdx is shown on the sources page. */
const pages = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${process.env.CONTENT_DIR || './content'}/pages`, generateId }),
  schema: z.strictObject({ title: z.string().min(1).max(140) }),
});

export const collections = { stories, pages };
