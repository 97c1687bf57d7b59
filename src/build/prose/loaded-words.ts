// Loaded words kept out of the project's own voice. The list is content
// (content/data/loaded-words.yaml: `word`, optional `forms` and `why`); this finds each one in
// the project's prose outside quotation marks, with its file and line. The build prints the
// hits as warnings; a unit test requires none.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { collectProse, type FigureLookup, type ProseBlock } from './extract';
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

/** Reads the list; an absent file is an empty list. */
export function readLoadedWords(contentDir: string): LoadedWord[] {
  const path = loadedWordsFile(contentDir);
  if (!existsSync(path)) return [];
  const list = parse(readFileSync(path, 'utf8')) as unknown;
  if (!Array.isArray(list)) throw new Error(`${path}: should be a list of { word, forms?, why? }`);
  return list.map((e, i) => {
    if (typeof e === 'string') return { word: e };
    if (!e || typeof e.word !== 'string') throw new Error(`${path}: entry ${i + 1} needs a "word"`);
    return e as LoadedWord;
  });
}

/** The regular forms of a word: surge → surge, surges, surged, surging; victory → victories. */
export function inflections(word: string): string[] {
  const forms = new Set([word, `${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`]);
  if (word.endsWith('e')) forms.add(`${word.slice(0, -1)}ing`);
  if (word.endsWith('y')) {
    forms.add(`${word.slice(0, -1)}ies`);
    forms.add(`${word.slice(0, -1)}ied`);
  }
  return [...forms];
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\u2019\u2018'`]/g, '')
    .split(/[^0-9a-z\u00c0-\u024f*]+/)
    .filter(Boolean);

/** A matcher for one entry: given words from i on, how many it covers (0 = no match). */
function matcher(entry: LoadedWord): (words: string[], i: number) => number {
  const phrases = (entry.forms ?? [entry.word]).map(norm);
  const explicit = !!entry.forms;
  return (words, i) => {
    for (const parts of phrases) {
      const ok = parts.every((p, k) => {
        const w = words[i + k];
        if (w === undefined) return false;
        if (p.endsWith('*')) return w.startsWith(p.slice(0, -1));
        // The last word of a phrase takes its regular inflections unless the forms are listed.
        return !explicit && k === parts.length - 1 ? inflections(p).includes(w) : w === p;
      });
      if (ok) return parts.length;
    }
    return 0;
  };
}

/** Every loaded word outside quotation marks in these blocks. */
export function findLoadedWords(blocks: ProseBlock[], list: LoadedWord[]): LoadedWordHit[] {
  const matchers = list.map((e) => ({ entry: e, match: matcher(e) }));
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

/** The hits in a content folder's prose. */
export function checkLoadedWords(contentDir: string, figure?: FigureLookup): LoadedWordHit[] {
  const list = readLoadedWords(contentDir);
  return list.length ? findLoadedWords(collectProse(contentDir, figure), list) : [];
}

/** One hit as a warning line: "content/stories/x.mdx:20 — “record” (loaded word “record”: why)". */
export function formatLoadedWordHit(h: LoadedWordHit): string {
  return `${h.file}:${h.line} — “${h.found}”${h.entry === h.found ? '' : ` (“${h.entry}”)`}${h.why ? `: ${h.why}` : ''}. Quote and attribute it, or say it neutrally.`;
}
