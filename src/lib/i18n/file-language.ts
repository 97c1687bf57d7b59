// A file's language, from its name: "story.es.mdx" is Spanish, "story.mdx" is in the site's default
// language. Stories, engine pages (method.es.mdx) and the prose checks read it the same way.

/** A language tag as file names write it: "es", "pt-BR". */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/;

/** The language a file name or content id gives ("a/story.es.mdx", "story.es" → "es"), or undefined. */
export function languageOfFile(path: string): string | undefined {
  const parts = (path.split('/').pop() ?? '').replace(/\.mdx$/, '').split('.');
  return parts.length > 1 && LANGUAGE_TAG.test(parts[parts.length - 1]) ? parts[parts.length - 1] : undefined;
}
