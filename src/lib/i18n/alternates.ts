// A page's twins in the site's other languages. The default language's pages live at the site's root,
// every other language's below /<lang>/ (see scripts/build.mjs), and every page exists in every
// published language, so a page's twin is the same path below the other language's folder.
import { nameOfLanguage } from './language-name';

export interface Alternate {
  /** BCP 47 code, as in site.yaml ("es"). */
  lang: string;
  /** The twin's absolute URL (for hreflang). */
  href: string;
  /** The twin's path from the host's root ('/es/events/x/'), for links: they work on any host and port. */
  path: string;
  /** The language's name in itself ("Español"), for a language switcher. */
  name: string;
}

/** The folder (below the site's root) of a language's pages: '' for the default, 'es/' for Spanish. */
export function languageFolder(lang: string, defaultLang: string): string {
  return lang === defaultLang ? '' : `${lang}/`;
}

/**
 * The page at `path` (below its language's folder: '' for the home page, 'events/x/') in each of
 * `languages` (the default first), as absolute URLs under `rootBase` on `site`.
 */
export function alternates(
  path: string,
  languages: readonly string[],
  defaultLang: string,
  rootBase: string,
  site: URL,
): Alternate[] {
  const root = rootBase.replace(/\/*$/, '/');
  const rest = path.replace(/^\/+/, '');
  return languages.map((lang) => {
    const path = `${root}${languageFolder(lang, defaultLang)}${rest}`;
    return { lang, href: new URL(path, site).href, path, name: nameOfLanguage(lang) };
  });
}
