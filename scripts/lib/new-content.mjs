// Writes a new content folder from scripts/templates/new/: `npm run new` uses it as it is, and
// `npm run import` into an empty folder uses it around the events it imports.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { stringify } from 'yaml';

export const TEMPLATE = resolve(import.meta.dirname, '..', 'templates', 'new');

/** The values the template's files leave open, as `new` fills them. */
export const DEFAULTS = {
  title: 'A new explainer',
  description: 'One or two sentences about the story, for search results and social cards.',
  start: '2024-01',
  end: '2024-03',
  firstEvent: 'first-event',
  lastEvent: 'third-event',
};

/** Why `dir` cannot take new content (it holds files already), or null. */
export function occupied(dir) {
  if (!existsSync(dir)) return null;
  const entries = readdirSync(dir);
  return entries.length
    ? `${dir} is not empty (it holds ${entries.slice(0, 3).join(', ')}${entries.length > 3 ? ', …' : ''}); ` +
        'choose a new folder, or empty this one first. Nothing was written.'
    : null;
}

/** Copies the template into `dir` (which must be empty or absent) and fills in its open values. */
export function writeNewContent(dir, values = {}) {
  const problem = occupied(dir);
  if (problem) throw new Error(problem);
  const v = { ...DEFAULTS, today: new Date().toISOString().slice(0, 10), ...values };
  cpSync(TEMPLATE, dir, { recursive: true });
  // Text goes into YAML (site.yaml and the story's front matter) quoted as YAML needs, whatever quotes
  // or colons it holds; dates are quoted so that YAML keeps them as text.
  const scalar = (value) => stringify(value, { lineWidth: 0 }).trimEnd();
  const marks = {
    __TITLE__: scalar(v.title),
    __DESCRIPTION__: scalar(v.description),
    __TODAY__: `'${v.today}'`,
    __START__: `'${v.start}'`,
    __END__: `'${v.end}'`,
    __FIRST_EVENT__: v.firstEvent,
    __LAST_EVENT__: v.lastEvent,
  };
  for (const file of ['data/site.yaml', 'stories/story.mdx']) {
    const path = join(dir, file);
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace(/__[A-Z_]+__/g, (m) => marks[m] ?? m),
    );
  }
}
