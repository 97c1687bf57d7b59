// The stories of content/stories/, in order; the first is the home page's.
import { getCollection, type CollectionEntry } from 'astro:content';

export type Story = CollectionEntry<'stories'>;

/** All stories, by their `order`, then id. */
export async function getStories(): Promise<Story[]> {
  const all = await getCollection('stories');
  return all.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
}
