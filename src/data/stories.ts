// The stories of content/stories/ in this build's language, in order; the first is the home page's.
// A file's language is in its name: `name.es.mdx` is Spanish; a name without one is in the site's
// default language. Entries keep that suffix in their id ('us-mexico-2019.es'; see content.config.ts).
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { getTimelineData, siteLanguages } from './timeline';
import { languageOfFile } from '../lib/i18n/file-language';

export type Story = CollectionEntry<'stories'>;

/** Whether an entry (by id) is written in `lang`. */
function inLanguage(id: string, lang: string): boolean {
  const own = languageOfFile(id);
  return own ? own === lang : lang === siteLanguages().default;
}

/** All stories in this build's language, by their `order`, then id. */
export async function getStories(): Promise<Story[]> {
  const lang = getTimelineData().site.language;
  const all = (await getCollection('stories')).filter((s) => inLanguage(s.id, lang));
  return all.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}

/** An engine page's text (content/pages/<id>.mdx) in this build's language. */
export async function getPageText(id: string): Promise<CollectionEntry<'pages'> | undefined> {
  const { language } = getTimelineData().site;
  const own = language === siteLanguages().default ? undefined : await getEntry('pages', `${id}.${language}`);
  return own ?? getEntry('pages', id);
}
