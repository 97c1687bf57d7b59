// Reads content/data/*.yaml, checks it against the schema and the cross-checks, and
// turns every problem into one plain line naming the file, line, entry and field.
// Node only (reads files); runs at build time and in tests.
import { readFileSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import type { $ZodIssue } from 'zod/v4/core';
import { TimelineData, type TimelineData as Data } from '../../lib/timeline/schema';
import { validateTimelineData } from '../../lib/timeline/validate';

/** Which file holds which part of the combined data, and where in that file it starts. */
const FILES = [
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

export interface DataProblem {
  file: string;
  line?: number;
  /** e.g. 'event "joint-declaration"' */
  entry?: string;
  /** e.g. 'sources › 2 › url' */
  field?: string;
  message: string;
}

/** The build's error for bad data: its message is the list of problems, one a line. */
export class DataError extends Error {
  constructor(public problems: DataProblem[]) {
    super(formatProblems(problems));
    this.name = 'DataError';
  }
}

/** One problem as one line a non-programmer can act on. */
export function formatProblem(p: DataProblem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const what = [p.entry, p.field ? `field "${p.field}"` : undefined].filter(Boolean).join(', ');
  return `${where} — ${what ? `${what}: ` : ''}${p.message}`;
}

export function formatProblems(problems: DataProblem[]): string {
  const n = problems.length;
  return [
    `The timeline data has ${n} problem${n === 1 ? '' : 's'}; fix ${n === 1 ? 'it' : 'them'} and build again:`,
    ...problems.map((p) => `  • ${formatProblem(p)}`),
  ].join('\n');
}

interface ParsedFile {
  path: string;
  doc: ReturnType<typeof parseDocument>;
  lines: LineCounter;
}

/** The content folder: content/, or the folder in CONTENT_DIR (tests build other content with it). */
export function contentDir(): string {
  return resolve(process.env.CONTENT_DIR || 'content');
}

/** The data folder inside the content folder. */
export function defaultDataDir(): string {
  return join(contentDir(), 'data');
}

/** Loads and validates the data folder; throws DataError listing every problem found. */
export function loadTimelineData(dir = defaultDataDir()): Data {
  const problems: DataProblem[] = [];
  const parsed = new Map<string, ParsedFile>();
  const raw: Record<string, unknown> = {};
  const shown = (file: string) => relative(process.cwd(), join(dir, file)) || file;

  for (const { key, file, at } of FILES) {
    let entry = parsed.get(file);
    if (!entry) {
      const path = join(dir, file);
      if (!existsSync(path)) {
        if (!OPTIONAL_FILES.has(file)) {
          problems.push({ file: shown(file), message: 'this file is missing' });
        }
        continue;
      }
      const lines = new LineCounter();
      const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, prettyErrors: false });
      entry = { path, doc, lines };
      parsed.set(file, entry);
      for (const err of doc.errors) {
        const line = err.linePos?.[0]?.line ?? lines.linePos(err.pos[0]).line;
        problems.push({
          file: shown(file),
          line,
          message: `this is not valid YAML (${err.message.split('\n')[0]}); check indentation, colons and quotes on or just above this line`,
        });
      }
    }
    if (entry.doc.errors.length) continue;
    const value = at.length ? entry.doc.getIn(at, false) : entry.doc.toJS();
    if (value !== undefined)
      raw[key] = at.length ? ((value as { toJSON?: () => unknown })?.toJSON?.() ?? value) : value;
  }
  if (problems.length) throw new DataError(problems);

  const locate = (path: PropertyKey[]): DataProblem => {
    const [key, ...rest] = path as (string | number)[];
    const spec = FILES.find((f) => f.key === key);
    if (!spec) return { file: shown('site.yaml'), field: path.join(' › '), message: '' };
    const file = parsed.get(spec.file);
    const inFile = [...spec.at, ...rest];
    return {
      file: shown(spec.file),
      line: file ? lineOf(file, inFile) : undefined,
      ...describePath(String(key), rest, raw),
      message: '',
    };
  };

  const result = TimelineData.safeParse(raw);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({ ...locate(issue.path), message: explainIssue(issue) });
    }
    throw new DataError(dedupe(problems));
  }
  for (const issue of validateTimelineData(result.data)) {
    problems.push({ ...locate(issue.path), message: issue.message });
  }
  if (problems.length) throw new DataError(dedupe(problems));
  return result.data;
}

function dedupe(problems: DataProblem[]): DataProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = formatProblem(p);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The line of the value at a path inside a YAML document (or of its nearest parent that exists). */
function lineOf(file: ParsedFile, path: (string | number)[]): number | undefined {
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

const NOUNS: Record<string, string> = {
  events: 'event',
  tracks: 'track',
  actors: 'actor',
  posts: 'post',
  series: 'series',
  glossary: 'glossary entry',
  charts: 'chart',
};

/** 'event "joint-declaration"' and 'sources › 2 › url' from a data path. */
function describePath(key: string, rest: (string | number)[], raw: Record<string, unknown>) {
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

/** Plain words for a zod issue; our own messages pass through. */
function explainIssue(issue: $ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) return 'is missing; this field is required';
      return `should be ${article(issue.expected)}, but is ${describeValue(input)}`;
    }
    case 'unrecognized_keys':
      return `has a field this entry does not take: ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
    case 'invalid_value':
      return `should be one of: ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_union':
      return issue.message.startsWith('Invalid') ? 'has a value of the wrong kind' : issue.message;
    case 'too_small':
      if (issue.origin === 'array')
        return issue.message.startsWith('Too') ? `needs at least ${issue.minimum}` : issue.message;
      if (issue.origin === 'number') return `should be at least ${issue.minimum}`;
      return issue.message;
    case 'too_big':
      if (issue.origin === 'number') return `should be at most ${issue.maximum}`;
      return issue.message;
    case 'invalid_format':
      return issue.message.startsWith('Invalid') ? `is not in the expected format` : issue.message;
    default:
      return issue.message;
  }
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a set of fields',
  };
  return names[expected] ?? expected;
}

function describeValue(v: unknown): string {
  if (v === null) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a set of fields';
  if (typeof v === 'string') return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  return `${typeof v} ${JSON.stringify(v)}`;
}
