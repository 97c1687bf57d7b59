// Reads content/data/*.yaml, checks it against the schema and the cross-checks, and
// turns every problem into one plain line naming the file, line, entry and field.
// Node only (reads files); runs at build time and in tests.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import { TimelineData, type TimelineData as Data } from '../../lib/timeline/schema';
import { validateTimelineData } from '../../lib/timeline/validate';
import { didYouMean, nearMatches } from '../../lib/timeline/suggest';
import { explainIssue, fieldsAt, unknownField, yamlProblem } from './explain';

/** Which file holds which part of the combined data, and where in that file it starts. */
export const FILES = [
  { key: 'site', file: 'site.yaml', at: [] as string[] },
  { key: 'tracks', file: 'tracks.yaml', at: [] },
  { key: 'posts', file: 'actors.yaml', at: ['posts'] },
  { key: 'actors', file: 'actors.yaml', at: ['actors'] },
  { key: 'events', file: 'events.yaml', at: [] },
  { key: 'series', file: 'series.yaml', at: [] },
  { key: 'glossary', file: 'glossary.yaml', at: [] },
  { key: 'charts', file: 'charts.yaml', at: [] },
] as const;

const OPTIONAL_FILES = new Set(['actors.yaml', 'series.yaml', 'glossary.yaml', 'charts.yaml']);

/** What an empty required file should hold. */
const HOLDS: Record<string, string> = {
  'site.yaml': 'the site settings (title, description, language …)',
  'tracks.yaml': 'the list of tracks',
  'events.yaml': 'the list of events',
};

export interface DataProblem {
  file: string;
  line?: number;
  /** e.g. 'event "budget-vote"' */
  entry?: string;
  /** e.g. 'sources › 2 › url' */
  field?: string;
  message: string;
}

/** The build's error for bad data: its message is the list of problems, one a line. */
export class DataError extends Error {
  constructor(
    public problems: DataProblem[],
    what = 'The timeline data',
  ) {
    super(formatProblems(problems, what));
    this.name = 'DataError';
  }
}

/** One problem as one line a non-programmer can act on. */
export function formatProblem(p: DataProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const what = [p.entry, p.field ? `field "${p.field}"` : undefined].filter(Boolean).join(', ');
  return `${where} — ${what ? `${what}: ` : ''}${p.message}`;
}

export function formatProblems(problems: DataProblem[], what = 'The timeline data'): string {
  const n = problems.length;
  return [
    `${what} ha${what.endsWith('s') ? 've' : 's'} ${n} problem${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} and build again:`,
    ...problems.map((p) => `  • ${formatProblem(p)}`),
  ].join('\n');
}

export interface ParsedFile {
  path: string;
  doc: ReturnType<typeof parseDocument>;
  lines: LineCounter;
  /** The text parsed (a byte-order mark taken off). */
  text: string;
}

/** The content folder: content/, or the folder in CONTENT_DIR (tests build other content with it). */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR || 'content');
}

/** The data folder inside the content folder. */
export function defaultDataDir(): string {
  return join(contentDir(), 'data');
}

// A build loads the data up to four times (the story checks of Astro's config, the Markdown checks, the
// image step and the pages, the last from a bundle with its own copy of this module), and a translation as
// often: at 10,000 events each load (YAML, schema, cross-checks) took about 3 s. So validated data is kept
// for the process, under a global symbol, and each load is a copy of it (0.1 s): the same as a fresh load,
// whatever its caller then does with it, for as long as the files are unchanged.

/** The store of `slot`: one entry, under the stamp of the files it was read from. */
const storeOf = (slot: string) =>
  ((globalThis as Record<symbol, Map<string, unknown>>)[Symbol.for(`timeline-explainer:${slot}`)] ??= new Map());

/** What `load()` gives for `key` (a stamp of the files it reads), kept for the process in `slot` (one entry a slot). */
function kept<T>(slot: string, key: string, load: () => T): T {
  const store = storeOf(slot);
  let value = store.get(key) as T | undefined;
  if (value === undefined) {
    value = load();
    store.clear();
    store.set(key, value);
  }
  return value;
}

/** As kept(), each call getting its own copy. A load that throws is not kept. */
export function keptForProcess<T>(slot: string, key: string, load: () => T): T {
  return structuredClone(kept(slot, key, load));
}

/** The stamps of the data folder's files: a new stamp is new data. */
export function dataStamps(dir: string): string[] {
  return [resolve(dir), ...FILES.map(({ file }) => fileStamp(join(dir, file)))];
}

/** Loads and validates the data folder; throws DataError listing every problem found. */
export function loadTimelineData(dir = defaultDataDir()): Data {
  const key = JSON.stringify(dataStamps(dir));
  return keptForProcess('loaded-data', key, () => {
    const source = loadSource(dir);
    // A site in several languages lays each translation over this source (translations.ts): kept for them.
    if ((source.data.site.languages?.length ?? 0) > 1) kept('loaded-source', key, () => source);
    return source.data;
  });
}

/** The data folder as loadSource reads it, the one loadTimelineData kept while the files are unchanged: read only. */
export function keptSource(dir = defaultDataDir()): LoadedSource {
  return kept('loaded-source', JSON.stringify(dataStamps(dir)), () => loadSource(dir));
}

/** The source loadTimelineData kept for `dir` (a site in several languages) while its files are unchanged, if any. */
export function keptSourceIfAny(dir = defaultDataDir()): LoadedSource | undefined {
  return storeOf('loaded-source').get(JSON.stringify(dataStamps(dir))) as LoadedSource | undefined;
}

/** A file's modification time and size ('' when it is missing). */
export function fileStamp(path: string): string {
  try {
    const { mtimeMs, size } = statSync(path);
    return `${mtimeMs}:${size}`;
  } catch {
    return '';
  }
}

/** A data folder as read: its parsed files (for lines), the data before the schema, and the validated data. */
export interface LoadedSource {
  dir: string;
  /** A data file's name as problems show it (relative to the working folder). */
  shown: (file: string) => string;
  parsed: Map<string, ParsedFile>;
  raw: Record<string, unknown>;
  data: Data;
}

/** Like loadTimelineData, keeping what the translations need to point at the original's lines. */
export function loadSource(dir = defaultDataDir()): LoadedSource {
  const shown = (file: string) => relative(process.cwd(), join(dir, file)) || file;
  const { parsed, raw, problems } = readDataFiles(dir, shown);
  if (problems.length) throw new DataError(problems);

  const locate = (path: PropertyKey[]): DataProblem => {
    const [key, ...rest] = path as (string | number)[];
    const spec = FILES.find((f) => f.key === key)!;
    const file = parsed.get(spec.file);
    const inFile = [...spec.at, ...rest];
    const where = rest.length || key === 'site' ? describePath(String(key), rest, raw) : { entry: 'this file' };
    if (!rest.length && spec.at.length) where.entry = `the "${spec.at[0]}" part`;
    return { file: shown(spec.file), line: file ? lineOf(file, inFile) : undefined, ...where, message: '' };
  };
  // In reading order: the files in their usual order, each from the top.
  const order = (p: DataProblem) => FILES.findIndex((f) => shown(f.file) === p.file);
  return { dir, shown, parsed, raw, data: checkData(raw, locate, order) };
}

/** The schema, then the cross-checks, on data as read; throws DataError with each problem where `locate` puts it. */
export function checkData(
  raw: Record<string, unknown>,
  locate: (path: PropertyKey[]) => DataProblem,
  order: (p: DataProblem) => number,
): Data {
  // reportInput: the messages say what was found, not only what was expected.
  const result = TimelineData.safeParse(raw, { reportInput: true });
  if (!result.success) {
    const found = schemaProblems(result.error.issues, raw, locate);
    found.sort((a, b) => order(a) - order(b) || (a.line ?? 0) - (b.line ?? 0));
    throw new DataError(dedupe(found));
  }
  const crossChecks = validateTimelineData(result.data).map((i) => ({ ...locate(i.path), message: i.message }));
  if (crossChecks.length) throw new DataError(dedupe(crossChecks));
  return result.data;
}

/** Reads and parses every data file; problems so far: missing, unreadable, empty or not YAML. */
function readDataFiles(dir: string, shown: (file: string) => string) {
  const problems: DataProblem[] = [];
  const parsed = new Map<string, ParsedFile>();
  const raw: Record<string, unknown> = {};
  for (const { key, file, at } of FILES) {
    let entry = parsed.get(file);
    if (!entry) {
      const path = join(dir, file);
      if (!existsSync(path)) {
        if (!OPTIONAL_FILES.has(file)) problems.push({ file: shown(file), message: 'this file is missing' });
        continue;
      }
      const read = readText(path);
      if (typeof read !== 'string') {
        problems.push({ file: shown(file), ...read });
        continue;
      }
      const lines = new LineCounter();
      const doc = parseDocument(read, { lineCounter: lines, prettyErrors: false });
      entry = { path, doc, lines, text: read };
      parsed.set(file, entry);
      if (doc.errors.length) problems.push({ file: shown(file), ...yamlProblem(read, doc.errors, lines) });
      else if (doc.contents === null && !OPTIONAL_FILES.has(file)) {
        problems.push({ file: shown(file), message: `this file is empty; it should hold ${HOLDS[file]}` });
      } else if (at.length) problems.push(...partsProblems(entry, shown(file)));
    }
    // An empty optional file holds no entries.
    if (entry.doc.errors.length || entry.doc.contents === null) continue;
    const value = at.length ? entry.doc.getIn(at, false) : entry.doc.toJS();
    if (value !== undefined)
      raw[key] = at.length ? ((value as { toJSON?: () => unknown })?.toJSON?.() ?? value) : value;
  }
  return { parsed, raw, problems };
}

/** The schema's issues as problems, one per unknown field, a misspelt required field counted once. */
function schemaProblems(
  issues: $ZodIssue[],
  raw: Record<string, unknown>,
  locate: (path: PropertyKey[]) => DataProblem,
): DataProblem[] {
  const problems: DataProblem[] = [];
  const key = (path: PropertyKey[]) => path.map(String).join('\0');
  const missing = new Set(issues.filter(isMissing).map((i) => key(i.path)));
  for (const issue of issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    // Each unknown field at its own line, with the nearest field the entry takes; when that one
    // is missing, "sumary" and a missing "summary" are one mistake, told once.
    const known = fieldsAt(TimelineData, issue.path, raw);
    for (const k of issue.keys) {
      const meant = known && nearMatches(k, known).find((f) => missing.has(key([...issue.path, f])));
      if (meant) missing.delete(key([...issue.path, meant]));
      problems.push({ ...locate([...issue.path, k]), message: unknownField(k, meant ? [meant] : known) });
    }
  }
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys' || (isMissing(issue) && !missing.has(key(issue.path)))) continue;
    const problem = { ...locate(issue.path), message: explainIssue(issue) };
    if (issue.path.length === 1 && issue.path[0] !== 'site') {
      // A whole file (or part) of the wrong shape: "this file should be a list …".
      problem.message = `${problem.entry} ${problem.message}`;
      problem.entry = undefined;
    }
    problems.push(problem);
  }
  return problems;
}

/** A required field that is not there. */
const isMissing = (issue: $ZodIssue) => issue.code === 'invalid_type' && issue.input === undefined;

/** The file's text, or why it cannot be read as text: not UTF-8 (a leading byte-order mark is dropped). */
export function readText(path: string): string | { line: number; message: string } {
  const bytes = readFileSync(path);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    return {
      line: text.slice(0, bad).split('\n').length,
      message:
        'this file is not saved as UTF-8 (this line has a character in another encoding); ' +
        'in your editor, save the file with the encoding "UTF-8"',
    };
  }
}

/** A file of several parts (actors.yaml: posts and actors) must be a set of those parts, by name. */
function partsProblems(file: ParsedFile, shown: string): DataProblem[] {
  const parts = FILES.filter((f) => file.path.endsWith(f.file)).map((f) => f.at[0] as string);
  const root = file.doc.contents;
  const line = offsetLine(file, root);
  if (!isMap(root)) {
    return [
      { file: shown, line, message: `this file should have the parts ${parts.map((p) => `"${p}:"`).join(' and ')}` },
    ];
  }
  return root.items
    .map((pair) => String((pair.key as { value?: unknown })?.value))
    .filter((k) => !parts.includes(k))
    .map((k) => ({
      file: shown,
      line: lineOf(file, [k]),
      message: `"${k}" is not a part of this file${didYouMean(k, parts) || `; its parts are ${parts.join(' and ')}`}`,
    }));
}

export function dedupe(problems: DataProblem[]): DataProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = formatProblem(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The line of the value at a path inside a YAML document (or of its nearest parent that exists). */
export function lineOf(file: ParsedFile, path: (string | number)[]): number | undefined {
  let node: unknown = file.doc.contents;
  let best: number | undefined = offsetLine(file, node);
  for (const step of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown })?.value === step);
      if (!pair) break;
      best = offsetLine(file, pair.key) ?? best;
      node = pair.value;
      if (node) best = offsetLine(file, node) ?? best;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      if (!node) break;
      best = offsetLine(file, node) ?? best;
    } else break;
  }
  return best;
}

function offsetLine(file: ParsedFile, node: unknown): number | undefined {
  const range = (node as YamlNode | undefined)?.range;
  return range ? file.lines.linePos(range[0]).line : undefined;
}

export const NOUNS: Record<string, string> = {
  events: 'event',
  tracks: 'track',
  actors: 'actor',
  posts: 'post',
  series: 'series',
  glossary: 'glossary entry',
  charts: 'chart',
};

/** 'event "budget-vote"' and 'sources › 2 › url' from a data path. */
export function describePath(key: string, rest: (string | number)[], raw: Record<string, unknown>) {
  if (key === 'site') return { entry: 'site settings', field: rest.join(' › ') || undefined };
  const [index, ...field] = rest;
  if (typeof index !== 'number') return { entry: undefined, field: rest.join(' › ') || undefined };
  const list = raw[key] as { id?: unknown }[] | undefined;
  const id = list?.[index]?.id;
  const noun = NOUNS[key] ?? key;
  const entry = typeof id === 'string' && id ? `${noun} "${id}"` : `${noun} number ${index + 1} (it has no id)`;
  // Lists inside an entry are counted from 1 for readers: "sources › 2 › url".
  const fieldText = field.map((f) => (typeof f === 'number' ? String(f + 1) : f)).join(' › ');
  return { entry, field: fieldText || undefined };
}
