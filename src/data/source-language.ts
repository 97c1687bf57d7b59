// The language a source's title is written in, so that a page marks it (lang="…") when it is not the
// page's own: a screen reader then reads an English headline on a Spanish page in English (WCAG 3.1.2).
// A title is the publisher's headline, in the source's language (`language`, else the site's default),
// unless it describes the page instead ("Report on … (headline not recorded)"): such titles are written
// in the default language, and each translation's sources.yaml lists them with their translations.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { defaultDataDir } from '../build/data/load';
import { SOURCES_FILE } from '../build/data/translations-fields';
import type { Source } from '../lib/timeline/schema';
import { siteLanguages } from './timeline';

let titles: { described: Set<string>; translated: Map<string, Set<string>> } | undefined;

/** Every language's sources.yaml: the described titles (its keys) and, per language, their translations. */
function readTitles() {
  if (titles) return titles;
  titles = { described: new Set(), translated: new Map() };
  for (const lang of siteLanguages().all) {
    const file = join(defaultDataDir(), lang, SOURCES_FILE);
    if (!existsSync(file)) continue;
    const map = (parse(readFileSync(file, 'utf8')) ?? {}) as Record<string, string>;
    for (const key of Object.keys(map)) titles.described.add(key);
    titles.translated.set(lang, new Set(Object.values(map)));
  }
  return titles;
}

/** The language of a source's title as a page in `pageLang` shows it. */
export function sourceTitleLanguage(source: Pick<Source, 'title' | 'language'>, pageLang: string): string {
  const { described, translated } = readTitles();
  const fallback = siteLanguages().default;
  if (translated.get(pageLang)?.has(source.title)) return pageLang;
  if (described.has(source.title)) return fallback;
  return source.language ?? fallback;
}

/** `lang` for a text in `textLang` on a page in `pageLang`: the code when they differ, else none. */
export const langAttr = (textLang: string, pageLang: string): string | undefined =>
  textLang === pageLang ? undefined : textLang;
