// The home page's story read straight from content/stories/ (its front matter), for build steps
// that run outside Astro's content layer, such as the image step's home social card. The same
// order as src/data/stories.ts: by `order` (default 1), then id.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { contentDir } from './load';
import { languageOfFile } from '../../lib/i18n/file-language';

/**
 * The headline of the first story in a language (SITE_LANG, the build's; none: the default language,
 * whose files have no language in their names), or undefined when there is none.
 */
export function homeStoryTitle(
  dir = join(contentDir(), 'stories'),
  lang: string | undefined = process.env.SITE_LANG,
): string | undefined {
  if (!existsSync(dir)) return undefined;
  const stories = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith('.mdx') && languageOfFile(d.name) === lang)
    .map((d) => {
      const file = join(d.parentPath, d.name);
      const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(file, 'utf8'));
      const data = (front ? parse(front[1]) : {}) as { title?: string; order?: number };
      return { id: relative(dir, file).replace(/\.mdx$/, ''), title: data.title, order: data.order ?? 1 };
    })
    .sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return stories[0]?.title;
}
