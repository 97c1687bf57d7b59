// Loaded words kept out of the project's own voice. The lists are content
// (content/data/loaded-words.yaml: one list per language, each entry a `word`, optional `forms`
// and `why`); this finds each one in the project's prose outside quotation marks, with its file
// and line, reading each text with the list of its own language. The build prints the hits as
// warnings; a unit test requires none.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { collectProse, defaultLanguage, type FigureLookup, type ProseBlock } from './extract';
import { blockWords } from './words';

export interface LoadedWord {
  /** A word ("surge"), a phrase ("illegal aliens") or a stem ending in * ("invad*"). */
  word: string;
  /** The forms to look for instead of the word's regular ones. */
  forms?: string[];
  why?: string;
}

export interface LoadedWordHit {
  file: string;
  line: number;
  /** The entry of the list that matched. */
  entry: string;
  /** The words as found (normalised). */
  found: string;
  why?: string;
}

/** The list's file in a content folder. */
export const loadedWordsFile = (contentDir: string) => join(contentDir, 'data', 'loaded-words.yaml');

/** Loaded-word lists by language tag ("en", "es"). */
export type LoadedWordLists = Record<string, LoadedWord[]>;

function entries(list: unknown, where: string): LoadedWord[] {
  if (!Array.isArray(list)) throw new Error(`${where}: should be a list of { word, forms?, why? }`);
  return list.map((e, i) => {
    if (typeof e === 'string') return { word: e };
    if (!e || typeof e.word !== 'string') throw new Error(`${where}: entry ${i + 1} needs a "word"`);
    return e as LoadedWord;
  });
}

/**
 * Reads the lists: a map of language → list (`en: [...]`, `es: [...]`), or a single list, which
 * is the site's default language's. An absent file has no lists.
 */
export function readLoadedWordLists(contentDir: string): LoadedWordLists {
  const path = loadedWordsFile(contentDir);
  if (!existsSync(path)) return {};
  const file = parse(readFileSync(path, 'utf8')) as unknown;
  if (Array.isArray(file)) return { [defaultLanguage(contentDir)]: entries(file, path) };
  if (!file || typeof file !== 'object') throw new Error(`${path}: should map each language to a list`);
  return Object.fromEntries(Object.entries(file).map(([lang, list]) => [lang, entries(list, `${path} (${lang})`)]));
}

/** The list for a language ("es-MX" falls back to "es"); none is an empty list. */
export function listFor(lists: LoadedWordLists, language: string): LoadedWord[] {
  return lists[language] ?? lists[language.split('-')[0]] ?? [];
}

/** The list of one language (by default the site's). */
export function readLoadedWords(contentDir: string, language = defaultLanguage(contentDir)): LoadedWord[] {
  return listFor(readLoadedWordLists(contentDir), language);
}

/** The regular forms of an English word: surge → surge, surges, surged, surging; victory → victories. */
function englishForms(word: string): string[] {
  const forms = new Set([word, `${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`]);
  if (word.endsWith('e')) forms.add(`${word.slice(0, -1)}ing`);
  if (word.endsWith('y')) {
    forms.add(`${word.slice(0, -1)}ies`);
    forms.add(`${word.slice(0, -1)}ied`);
  }
  return [...forms];
}

const PLAIN_VOWEL: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

/**
 * The regular forms of a Spanish noun or adjective: plural (oleada → oleadas, invasión →
 * invasiones, voraz → voraces) and, for one in -o, the feminine (masivo → masiva, masivas).
 * Verbs are listed as stems (invad*).
 */
function spanishForms(word: string): string[] {
  const forms = new Set([word, `${word}s`, `${word}es`]);
  // A written accent on a last syllable that ends in n or s moves off in the plural: invasión → invasiones.
  const accented = /^(.*)([áéíóú])([ns])$/.exec(word);
  if (accented) forms.add(`${accented[1]}${PLAIN_VOWEL[accented[2]]}${accented[3]}es`);
  if (word.endsWith('z')) forms.add(`${word.slice(0, -1)}ces`);
  if (word.endsWith('o')) for (const end of ['a', 'os', 'as']) forms.add(`${word.slice(0, -1)}${end}`);
  return [...forms];
}

/** The regular forms of a word in a language (English unless it is Spanish). */
export function inflections(word: string, language = 'en'): string[] {
  return language.split('-')[0] === 'es' ? spanishForms(word) : englishForms(word);
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2019\u2018'`]/g, '')
    .split(/[^0-9a-z\u00c0-\u024f*]+/)
    .filter(Boolean);

/** A matcher for one entry: given words from i on, how many it covers (0 = no match). */
function matcher(entry: LoadedWord, language: string): (words: string[], i: number) => number {
  const explicit = !!entry.forms;
  // The last word of a phrase takes its regular inflections unless the forms are listed (worked out
  // once here, not at every word of the prose).
  const phrases = (entry.forms ?? [entry.word]).map(norm).map((parts) => ({
    parts,
    last: explicit || !parts.length ? undefined : new Set(inflections(parts[parts.length - 1], language)),
  }));
  return (words, i) => {
    for (const { parts, last } of phrases) {
      const ok = parts.every((p, k) => {
        const w = words[i + k];
        if (w === undefined) return false;
        if (p.endsWith('*')) return w.startsWith(p.slice(0, -1));
        return last && k === parts.length - 1 ? last.has(w) : w === p;
      });
      if (ok) return parts.length;
    }
    return 0;
  };
}

/** Every loaded word of `list` (a list in `language`) outside quotation marks in these blocks. */
export function findLoadedWords(blocks: ProseBlock[], list: LoadedWord[], language = 'en'): LoadedWordHit[] {
  const matchers = list.map((e) => ({ entry: e, match: matcher(e, language) }));
  const hits: LoadedWordHit[] = [];
  for (const block of blocks) {
    const words = blockWords(block);
    const plain = words.map((w) => w.word);
    words.forEach((w, i) => {
      if (w.quoted) return;
      for (const { entry, match } of matchers) {
        const n = match(plain, i);
        // A phrase partly inside quotation marks ('a "record number"') is quoted.
        if (n && words.slice(i, i + n).every((x) => !x.quoted)) {
          hits.push({
            file: block.file,
            line: w.line,
            entry: entry.word,
            found: plain.slice(i, i + n).join(' '),
            why: entry.why,
          });
        }
      }
    });
  }
  return hits;
}

/** The hits in a content folder's prose, each text read with its own language's list. */
export function checkLoadedWords(contentDir: string, figure?: FigureLookup): LoadedWordHit[] {
  const lists = readLoadedWordLists(contentDir);
  if (!Object.keys(lists).length) return [];
  const site = defaultLanguage(contentDir);
  const byLanguage = new Map<string, ProseBlock[]>();
  for (const block of collectProse(contentDir, figure)) {
    const language = block.language ?? site;
    const blocks = byLanguage.get(language);
    if (blocks) blocks.push(block);
    else byLanguage.set(language, [block]);
  }
  return [...byLanguage].flatMap(([language, blocks]) => findLoadedWords(blocks, listFor(lists, language), language));
}

/** One hit as a warning line: "content/stories/x.mdx:20 — “record” (loaded word “record”: why)". */
export function formatLoadedWordHit(h: LoadedWordHit): string {
  return `${h.file}:${h.line} — “${h.found}”${h.entry === h.found ? '' : ` (“${h.entry}”)`}${h.why ? `: ${h.why}` : ''}. Quote and attribute it, or say it neutrally.`;
}
