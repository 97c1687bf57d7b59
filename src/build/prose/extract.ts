// The project's own prose, as text lines with their file and line: the stories and pages
// (content/stories/*.mdx, content/pages/*.mdx: front-matter title, description and summary,
// and the body with its components reduced to the text they show) and the prose fields of
// content/data/*.yaml (titles, labels, summaries, notes, definitions, captions, descriptions),
// and of their translations (content/data/<lang>/*.yaml). Anything under `sources` (titles and
// quotes of other people's pages) is left out: those are other people's words. Every block knows
// its language: a file named x.<lang>.mdx or kept in data/<lang>/ is in that language, any other
// in site.yaml's `language`. Used by the loaded-word check (a build warning) and the copy check (a test).
// Node only (reads files). Names no story: it reads whatever the content folder holds.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { LineCounter, parse, parseDocument, visit, isPair, isScalar, Scalar } from 'yaml';
import { formatFigure } from '../../lib/timeline/figures';
import { uiStrings } from '../../lib/ui/strings';
import { LANGUAGE_TAG, languageOfFile } from '../../lib/i18n/file-language';
import type { Figure } from '../../lib/timeline/schema';
import { keptSourceIfAny, type ParsedFile } from '../data/load';

/** One line of prose: its text and where it is. */
export interface ProseLine {
  line: number;
  text: string;
}

/**
 * A run of prose in which quotation marks pair up: one YAML value, or one paragraph of MDX.
 * A quotation left open at the end of a block does not run into the next.
 */
export interface ProseBlock {
  file: string;
  lines: ProseLine[];
  /** Its language (a BCP 47 tag such as "en" or "es"); absent means the site's default. */
  language?: string;
}

export { languageOfFile };

/** The site's default language: site.yaml's `language`, or "en" when it has none. */
export function defaultLanguage(contentDir: string): string {
  const path = join(contentDir, 'data', 'site.yaml');
  const site = existsSync(path) ? (parse(readFileSync(path, 'utf8')) as { language?: unknown } | null) : null;
  return typeof site?.language === 'string' ? site.language : 'en';
}

/** Keys of the data files whose string values are the project's own words. */
export const PROSE_KEYS = new Set([
  'title',
  'label',
  'summary',
  'notes',
  'body',
  'definition',
  'term',
  'caption',
  'note',
  'text',
  'description',
  'credits',
  'change',
  'source',
]);

/** Keys whose contents are other people's words (titles and quotes of the pages cited). */
const OTHER_PEOPLES = new Set(['sources']);

/** Undoes the escapes of one line of a double-quoted YAML scalar. */
function unescapeDouble(s: string): string {
  return s.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|.)/g, (_, e: string) => {
    if (e.length > 1) return String.fromCodePoint(parseInt(e.slice(1), 16));
    return ({ n: '\n', t: '\t', _: '\u00a0', N: '\u0085', '0': '\0' } as Record<string, string>)[e] ?? e;
  });
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The lines of one scalar as they stand in the file (without its quotes or block header). */
function scalarLines(node: Scalar, src: string, counter: LineCounter, lineOffset: number): ProseLine[] {
  const value = String(node.value);
  const range = node.range;
  if (!range) return [];
  const first = counter.linePos(range[0]).line + lineOffset;
  const whole: ProseLine[] = [{ line: first, text: value }];
  let raw = src.slice(range[0], range[1]).split('\n');
  let start = first;
  switch (node.type) {
    case Scalar.QUOTE_SINGLE:
      raw = raw.map((l, i) => (i === 0 ? l.replace(/^'/, '') : l));
      raw[raw.length - 1] = raw[raw.length - 1].replace(/'$/, '');
      raw = raw.map((l) => l.replace(/''/g, "'"));
      break;
    case Scalar.QUOTE_DOUBLE:
      raw = raw.map((l, i) => (i === 0 ? l.replace(/^"/, '') : l));
      raw[raw.length - 1] = raw[raw.length - 1].replace(/"$/, '');
      raw = raw.map(unescapeDouble);
      break;
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      if (/^[>|]/.test(raw[0])) {
        raw = raw.slice(1);
        start += 1;
      }
      break;
    default:
      break;
  }
  const lines = raw.map((text, i) => ({ line: start + i, text: text.trim() })).filter((l) => l.text);
  // The line-by-line text must say what the value says; if it does not (an escape we do not
  // undo), the value is checked whole, at its first line.
  return squash(lines.map((l) => l.text).join(' ')) === squash(value) ? lines : whole;
}

/**
 * Prose blocks of one YAML text (or of one the data's loading has parsed already): each string value
 * (or list item) under a key in `keys` (PROSE_KEYS), not under a key in `skipUnder` (`sources`).
 * `lineOffset` is added to every line (for MDX front matter).
 */
export function yamlProse(
  yaml: string | Pick<ParsedFile, 'text' | 'doc' | 'lines'>,
  file: string,
  lineOffset = 0,
  keys = PROSE_KEYS,
  skipUnder = OTHER_PEOPLES,
): ProseBlock[] {
  const src = typeof yaml === 'string' ? yaml : yaml.text;
  const counter = typeof yaml === 'string' ? new LineCounter() : yaml.lines;
  const doc = typeof yaml === 'string' ? parseDocument(src, { lineCounter: counter }) : yaml.doc;
  const blocks: ProseBlock[] = [];
  visit(doc, {
    Scalar(key, node, path) {
      if (key === 'key' || typeof node.value !== 'string') return;
      const pairs = path.filter(isPair);
      const names = pairs.map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
      if (names.some((n) => skipUnder.has(n))) return;
      const nearest = names[names.length - 1];
      if (!nearest || !keys.has(nearest)) return;
      const lines = scalarLines(node, src, counter, lineOffset);
      if (lines.length) blocks.push({ file, lines });
    },
  });
  return blocks;
}

/** Looks up a figure for <FigureRef event="…" figure={n} />. */
export type FigureLookup = (event: string, index: number) => Pick<Figure, 'value' | 'unit' | 'approximate'> | undefined;

/**
 * Prose blocks of one MDX file: the front matter's title, description and summary, and the
 * body's paragraphs, with components reduced to the text a reader sees (<FigureRef> becomes the
 * figure as `language` writes it; other tags disappear and keep their inner text), imports,
 * exports and {expressions} dropped. The blocks carry `language` when it is given.
 */
export function mdxProse(src: string, file: string, figure?: FigureLookup, language?: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const ui = uiStrings(language ?? 'en');
  let body = src;
  let bodyStart = 1;
  const fm = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(src);
  if (fm) {
    blocks.push(...yamlProse(fm[1], file, 1, new Set(['title', 'description', 'summary'])));
    body = src.slice(fm[0].length);
    bodyStart = fm[0].split('\n').length;
  }
  // Keep line breaks wherever something is removed, so that lines stay where they are.
  const blank = (s: string) => s.replace(/[^\n]/g, '');
  body = body
    .replace(/<FigureRef\s+event="([^"]+)"(?:\s+figure=\{(\d+)\})?\s*\/>/g, (m, ev: string, n?: string) => {
      const f = figure?.(ev, Number(n ?? 1));
      return f ? formatFigure(f, ui) : blank(m);
    })
    .replace(/<\/?[A-Za-z][^>]*>/g, (m) => ` ${blank(m)}`)
    .replace(/\{[^{}]*\}/g, blank);
  let current: ProseLine[] = [];
  const flush = () => {
    if (current.length) blocks.push({ file, lines: current });
    current = [];
  };
  body.split('\n').forEach((text, i) => {
    const line = bodyStart + i;
    if (!text.trim() || /^(import|export)\s/.test(text)) return flush();
    if (/^#{1,6}\s/.test(text)) {
      flush();
      blocks.push({ file, lines: [{ line, text }] });
      return;
    }
    current.push({ line, text });
  });
  flush();
  return language ? blocks.map((b) => ({ ...b, language })) : blocks;
}

const list = (dir: string, ext: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith(ext))
        .sort()
        .map((f) => join(dir, f))
    : [];

/** The translation folders of a data folder: data/es/, data/pt-BR/ … */
const overlayFolders = (dataDir: string) =>
  existsSync(dataDir)
    ? readdirSync(dataDir)
        .filter((name) => LANGUAGE_TAG.test(name) && statSync(join(dataDir, name)).isDirectory())
        .sort()
    : [];

/**
 * Every prose block of a content folder, each with its language: stories, pages, the data files,
 * then their translations in data/<lang>/.
 */
export function collectProse(contentDir: string, figure?: FigureLookup): ProseBlock[] {
  const shown = (path: string) => relative(process.cwd(), path) || path;
  const site = defaultLanguage(contentDir);
  const blocks: ProseBlock[] = [];
  for (const path of [...list(join(contentDir, 'stories'), '.mdx'), ...list(join(contentDir, 'pages'), '.mdx')]) {
    blocks.push(...mdxProse(readFileSync(path, 'utf8'), shown(path), figure, languageOfFile(path) ?? site));
  }
  const dataDir = join(contentDir, 'data');
  // The data files as the data's loading parsed them, when it kept them (a site in several languages).
  const parsed = keptSourceIfAny(dataDir)?.parsed;
  for (const language of [site, ...overlayFolders(dataDir).filter((l) => l !== site)]) {
    for (const path of list(language === site ? dataDir : join(dataDir, language), '.yaml')) {
      if (path.endsWith('loaded-words.yaml')) continue;
      const kept = language === site ? parsed?.get(basename(path)) : undefined;
      const yaml = kept && resolve(kept.path) === resolve(path) ? kept : readFileSync(path, 'utf8');
      blocks.push(...yamlProse(yaml, shown(path)).map((b) => ({ ...b, language })));
    }
  }
  return blocks;
}

/** The stored source quotes of a content folder's data files (other people's words), one block each. */
export function collectQuotes(contentDir: string): ProseBlock[] {
  const shown = (path: string) => relative(process.cwd(), path) || path;
  return list(join(contentDir, 'data'), '.yaml').flatMap((path) =>
    yamlProse(readFileSync(path, 'utf8'), shown(path), 0, new Set(['quote']), new Set()),
  );
}
