// The site's languages and their translations: each language but the default has an overlay folder,
// content/data/<lang>/, of the data files' translated text only (translations-fields.ts says which
// fields). This lays it over the default language's data, checks the result with the same schema,
// and lists what is wrong with it and which texts it still lacks.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { Site, TimelineData as Data } from '../../lib/timeline/schema';
import { didYouMean } from '../../lib/timeline/suggest';
import { describeValue, yamlProblem } from './explain';
import {
  checkData,
  dataStamps,
  keptForProcess,
  keptSource,
  DataError,
  formatProblems,
  defaultDataDir,
  describePath,
  FILES,
  fileStamp,
  lineOf,
  loadSource,
  readText,
  type DataProblem,
  type LoadedSource,
  type ParsedFile,
} from './load';
import { SOURCES_FILE, TRANSLATABLE } from './translations-fields';
import { nameOfLanguage } from '../../lib/i18n/language-name';
import { keyOf, mergeShape, type MergeContext } from './translations-merge';

/** The site's languages: the default first; `published` are those not marked draft (they get pages). */
export interface SiteLanguages {
  default: string;
  all: string[];
  published: string[];
}

export function languagesOf(site: Site): SiteLanguages {
  const listed = site.languages ?? [{ code: site.language, draft: false }];
  const others = listed.filter((l) => l.code !== site.language);
  return {
    default: site.language,
    all: [site.language, ...others.map((l) => l.code)],
    published: [site.language, ...others.filter((l) => !l.draft).map((l) => l.code)],
  };
}

/** A language's name in English words ("Spanish"), for messages. */
export const languageName = (code: string): string => nameOfLanguage(code, 'en');

/** One language's translation: the merged data (none when it breaks the schema), its problems, its missing texts. */
export interface Translation {
  data?: Data;
  problems: DataProblem[];
  missing: DataProblem[];
}

/** Lays content/data/<lang>/ over the loaded default data; never throws for what is in the overlay. */
export function translate(source: LoadedSource, lang: string): Translation {
  const folder = join(source.dir, lang);
  const shown = (file: string) => relative(process.cwd(), join(folder, file)) || file;
  const problems: DataProblem[] = [];
  const missing: DataProblem[] = [];
  const located = new Map<string, DataProblem>();
  // A copy: the titles of sources are translated in place, and the source may be kept (load.ts: keptSource).
  const raw = structuredClone(source.raw);
  for (const [file, shape] of Object.entries(TRANSLATABLE)) {
    const original = source.parsed.get(file);
    const overlay = readOverlay(join(folder, file), shown(file), problems);
    // A file that cannot be read is one problem, not a list of every text in it as missing.
    if (overlay === null) continue;
    if (!original) {
      if (overlay?.doc.contents) {
        problems.push({ file: shown(file), message: `there is no ${file} in ${source.shown('')}; remove this file` });
      }
      continue;
    }
    const ctx: MergeContext = {
      file,
      original,
      overlay,
      shownOriginal: source.shown(file),
      shownOverlay: shown(file),
      language: languageName(lang),
      defaultLanguage: languageName(source.data.site.language),
      problems,
      missing,
      located,
    };
    const at = {
      orig: [],
      over: overlay ? [] : undefined,
      field: [],
      entry: file === 'site.yaml' ? 'site settings' : undefined,
    };
    const merged = mergeShape(shape, original.doc.toJS(), overlay?.doc.toJS() ?? undefined, at, ctx);
    for (const f of FILES.filter((f) => f.file === file)) {
      if (f.key in raw) raw[f.key] = f.at.length ? (merged as Record<string, unknown>)[f.at[0] as string] : merged;
    }
  }
  translateSourceTitles(raw, folder, shown(SOURCES_FILE), problems, located);
  problems.push(...strayFiles(folder, shown));
  raw.site = { ...(raw.site as object), language: lang };
  if (problems.length) return { problems, missing };
  try {
    return { data: checkData(raw, locateIn(raw, located, shown), () => 0), problems, missing };
  } catch (error) {
    if (!(error instanceof DataError)) throw error;
    return { problems: [...problems, ...error.problems], missing };
  }
}

/** Files in the overlay folder that are no data file's translation (a misspelt name would be ignored). */
function strayFiles(folder: string, shown: (file: string) => string): DataProblem[] {
  const known = [...Object.keys(TRANSLATABLE), SOURCES_FILE];
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.yaml') && !known.includes(name))
    .map((name) => ({
      file: shown(name),
      message: `is not the translation of a data file${didYouMean(name, known) || `; the files are ${known.join(', ')}`}`,
    }));
}

/** The overlay file parsed; undefined when there is none, null when it cannot be read (then a problem). */
function readOverlay(path: string, shown: string, problems: DataProblem[]): ParsedFile | null | undefined {
  if (!existsSync(path)) return undefined;
  const read = readText(path);
  if (typeof read !== 'string') {
    problems.push({ file: shown, ...read });
    return null;
  }
  const lines = new LineCounter();
  const doc = parseDocument(read, { lineCounter: lines, prettyErrors: false });
  if (!doc.errors.length) return { path, doc, lines, text: read };
  problems.push({ file: shown, ...yamlProblem(read, doc.errors, lines) });
  return null;
}

/** A schema problem of the merged data, at the overlay line of the text it is about. */
function locateIn(raw: Record<string, unknown>, located: Map<string, DataProblem>, shown: (f: string) => string) {
  return (path: PropertyKey[]): DataProblem => {
    const [key, ...rest] = path as (string | number)[];
    for (let n = path.length; n > 1; n--) {
      const found = located.get(dataKey(path.slice(0, n) as (string | number)[]));
      if (found) return { ...found, message: '' };
    }
    const spec = FILES.find((f) => f.key === key)!;
    return { file: shown(spec.file), ...describePath(String(key), rest, raw), message: '' };
  };
}

/** The key of `located` for a path in the combined data ([key, ...rest]). */
function dataKey(path: (string | number)[]): string {
  const [key, ...rest] = path;
  const spec = FILES.find((f) => f.key === key)!;
  return keyOf(spec.file, [...spec.at, ...rest]);
}

/**
 * sources.yaml: original source title → translated title, for titles that describe a page rather than
 * quote its headline. Applied to every source anywhere (events, roles, series values, glossary).
 */
function translateSourceTitles(
  raw: Record<string, unknown>,
  folder: string,
  shown: string,
  problems: DataProblem[],
  located: Map<string, DataProblem>,
) {
  const overlay = readOverlay(join(folder, SOURCES_FILE), shown, problems);
  const map = overlay?.doc.toJS() as unknown;
  if (!overlay || map === undefined || map === null) return;
  if (typeof map !== 'object' || Array.isArray(map)) {
    problems.push({ file: shown, line: 1, message: 'should be lines of "original title: translated title"' });
    return;
  }
  const titles = map as Record<string, unknown>;
  const seen = new Set<string>();
  const visit = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, [...path, i]));
    if (!value || typeof value !== 'object' || Array.isArray(value)) return;
    const item = value as Record<string, unknown>;
    if (path.at(-2) === 'sources' && typeof item.title === 'string') {
      seen.add(item.title);
      const translated = Object.hasOwn(titles, item.title) ? titles[item.title] : undefined;
      if (typeof translated === 'string') {
        const entry = `source "${item.title}"`;
        located.set(dataKey([...path, 'title']), {
          file: shown,
          line: lineOf(overlay, [item.title]),
          entry,
          message: '',
        });
        item.title = translated;
      }
    }
    for (const [k, v] of Object.entries(item)) visit(v, [...path, k]);
  };
  visit(raw, []);
  for (const [title, translated] of Object.entries(titles)) {
    const line = lineOf(overlay, [title]);
    if (!seen.has(title)) {
      problems.push({ file: shown, line, message: `no source has the title "${title}"${didYouMean(title, seen)}` });
    } else if (typeof translated !== 'string') {
      problems.push({
        file: shown,
        line,
        message: `should be the translated title; found ${describeValue(translated)}`,
      });
    }
  }
}

/**
 * Loads the data in one language: the default's as is, another's merged and checked; throws DataError.
 * Kept for the process while the files are unchanged, as loadTimelineData's (load.ts says why).
 */
export function loadTranslatedData(lang: string, dir = defaultDataDir()): Data {
  const folder = join(dir, lang);
  const overlay = existsSync(folder) ? readdirSync(folder).sort() : [];
  const stamps = [...dataStamps(dir), lang, ...overlay.map((f) => `${f}:${fileStamp(join(folder, f))}`)];
  return keptForProcess(`translated-data:${lang}`, JSON.stringify(stamps), () => translatedData(lang, dir));
}

function translatedData(lang: string, dir: string): Data {
  const source = keptSource(dir);
  const languages = source.data.site.languages ?? [{ code: source.data.site.language, draft: false }];
  const listed = languages.find((l) => l.code === lang);
  if (!listed) {
    throw new DataError([
      {
        file: source.shown('site.yaml'),
        entry: 'site settings',
        field: 'languages',
        message: `does not list "${lang}"`,
      },
    ]);
  }
  if (lang === source.data.site.language) return source.data;
  const { data, problems, missing } = translate(source, lang);
  const all = listed.draft ? problems : [...problems, ...missing];
  if (all.length || !data) throw new DataError(all, `The ${languageName(lang)} translation`);
  return data;
}

/** Everything wrong with a language's translation and every text it lacks, draft or not (`validate --lang`). */
export function translationReport(lang: string, dir = defaultDataDir()): Omit<Translation, 'data'> {
  const { problems, missing } = translate(loadSource(dir), lang);
  return { problems, missing };
}

export { formatProblems };
