// Lays one overlay file over its original, following the shape in translations-fields.ts: each
// translated text replaces the original's, and what is wrong or missing becomes a problem with the
// overlay's file and line. The original is never changed; a missing text keeps the original's.
import { didYouMean } from '../../lib/timeline/suggest';
import { describeValue } from './explain';
import { lineOf, type DataProblem, type ParsedFile } from './load';
import type { ListShape, MapShape, Shape } from './translations-fields';

export interface MergeContext {
  /** The data file's name ("events.yaml"). */
  file: string;
  original: ParsedFile;
  overlay?: ParsedFile;
  shownOriginal: string;
  shownOverlay: string;
  /** "Spanish", "English": the overlay's and the original's languages in words. */
  language: string;
  defaultLanguage: string;
  problems: DataProblem[];
  /** Required texts the overlay does not have, one per field. */
  missing: DataProblem[];
  /** Where each translated text sits in the overlay, by its path in the original file (keyOf). */
  located: Map<string, DataProblem>;
}

/** Where the walk is: the path in the original file, in the overlay (none when it lacks the entry), the words. */
export interface At {
  orig: (string | number)[];
  over?: (string | number)[];
  entry?: string;
  field: string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const keyOf = (file: string, path: (string | number)[]) => [file, ...path].join('\0');

/** The original value with the overlay's texts laid over it. */
export function mergeShape(shape: Shape, orig: unknown, over: unknown, at: At, ctx: MergeContext): unknown {
  if (shape === 'text' || shape === 'text?') return mergeText(shape === 'text', orig, over, at, ctx);
  if (shape === 'texts' || shape === 'texts?') return mergeTexts(shape === 'texts', orig, over, at, ctx);
  if (shape.kind === 'map') return mergeMap(shape, orig, over, at, ctx);
  return mergeList(shape, orig, over, at, ctx);
}

/** The overlay's place for a problem at `at`. */
function where(at: At, ctx: MergeContext): Omit<DataProblem, 'message'> {
  return {
    file: ctx.shownOverlay,
    line: at.over && ctx.overlay ? lineOf(ctx.overlay, at.over) : undefined,
    entry: at.entry,
    field: at.field.join(' › ') || undefined,
  };
}

const problem = (at: At, ctx: MergeContext, message: string) => ctx.problems.push({ ...where(at, ctx), message });

function missing(at: At, ctx: MergeContext) {
  const line = lineOf(ctx.original, at.orig);
  ctx.missing.push({
    ...where(at, ctx),
    message: `has no ${ctx.language} translation (the ${ctx.defaultLanguage} text is at ${ctx.shownOriginal}:${line})`,
  });
}

const nothingToTranslate = (at: At, ctx: MergeContext) =>
  problem(at, ctx, `${ctx.shownOriginal} has no text here, so there is nothing to translate; remove it`);

function child(at: At, key: string | number, word = String(key)): At {
  return { orig: [...at.orig, key], over: at.over && [...at.over, key], entry: at.entry, field: [...at.field, word] };
}

function mergeText(required: boolean, orig: unknown, over: unknown, at: At, ctx: MergeContext): unknown {
  if (over === undefined) {
    if (required && orig !== undefined) missing(at, ctx);
    return orig;
  }
  if (orig === undefined) nothingToTranslate(at, ctx);
  else if (typeof over !== 'string') problem(at, ctx, `should be text; found ${describeValue(over)}`);
  else {
    ctx.located.set(keyOf(ctx.file, at.orig), where(at, ctx) as DataProblem);
    return over;
  }
  return orig;
}

function mergeTexts(positional: boolean, orig: unknown, over: unknown, at: At, ctx: MergeContext): unknown {
  const list = Array.isArray(orig) ? orig : [];
  if (over === undefined) {
    if (positional) list.forEach((_, i) => missing(child(at, i, String(i + 1)), ctx));
    return orig;
  }
  if (!Array.isArray(over) || over.some((v) => typeof v !== 'string')) {
    problem(at, ctx, `should be a list of texts; found ${describeValue(over)}`);
    return orig;
  }
  if (!positional) {
    over.forEach((_, i) => mergeText(false, '', over[i], child(at, i, String(i + 1)), ctx));
    return over;
  }
  if (over.length !== list.length) {
    problem(at, ctx, lengthMessage(over.length, list.length, ctx));
    return orig;
  }
  return list.map((v, i) => mergeText(true, v, over[i], child(at, i, String(i + 1)), ctx));
}

function lengthMessage(here: number, there: number, ctx: MergeContext): string {
  return (
    `has ${here} item${here === 1 ? '' : 's'} here and ${there} in ${ctx.shownOriginal}; items are matched ` +
    'by position, so keep them in the same order and write {} for one with nothing to translate'
  );
}

function mergeMap(shape: MapShape, orig: unknown, over: unknown, at: At, ctx: MergeContext, skip?: string): unknown {
  if (!isObj(orig)) {
    if (over !== undefined) nothingToTranslate(at, ctx);
    return orig;
  }
  if (over === undefined && shape.optional) return orig;
  if (over !== undefined && !isObj(over)) {
    problem(at, ctx, `should be a set of fields, as in ${ctx.shownOriginal}; found ${describeValue(over)}`);
    return orig;
  }
  const given = over ?? {};
  const rest = shape.rest ? Object.keys(orig).filter((k) => k !== skip && !(k in shape.fields)) : [];
  for (const key of Object.keys(given)) {
    if (key === skip || key in shape.fields || rest.includes(key)) continue;
    const typo = key in orig ? '' : didYouMean(key, Object.keys(shape.fields));
    const message = typo
      ? `is not a field that is translated${typo}`
      : key in orig || !shape.rest
        ? `is not translated: dates, ids, numbers and sources stay in ${ctx.file}; remove it here`
        : `is not in ${ctx.shownOriginal}, so there is nothing to translate; remove it`;
    problem(child(at, key), ctx, message);
  }
  const merged: Obj = { ...orig };
  for (const [key, sub] of Object.entries(shape.fields)) {
    if (orig[key] === undefined && given[key] === undefined) continue;
    merged[key] = mergeShape(sub, orig[key], given[key], child(at, key), ctx);
  }
  for (const key of rest) merged[key] = mergeMap(shape.rest!, orig[key], given[key], child(at, key), ctx);
  return merged;
}

function mergeList(shape: ListShape, orig: unknown, over: unknown, at: At, ctx: MergeContext): unknown {
  if (!Array.isArray(orig)) {
    if (over !== undefined) nothingToTranslate(at, ctx);
    return orig;
  }
  if (over !== undefined && !Array.isArray(over)) {
    problem(at, ctx, `should be a list, as in ${ctx.shownOriginal}; found ${describeValue(over)}`);
    return orig;
  }
  const items = (over ?? []) as unknown[];
  const top = at.entry === undefined;
  // A top-level item is the entry ('event "x"'); a nested one is a step of the field ("figures › 2").
  const itemAt = (i: number, overIndex: number | undefined, word: string): At => ({
    orig: [...at.orig, i],
    // An item the overlay lacks is pointed at by its entry's line, or (a whole entry) by none.
    over: overIndex === undefined || !at.over ? (top ? undefined : at.over) : [...at.over, overIndex],
    entry: !top ? at.entry : shape.by === 'position' ? `${shape.noun} number ${word}` : `${shape.noun} "${word}"`,
    field: top ? [] : [...at.field, word],
  });
  if (shape.by === 'position') {
    if (over !== undefined && items.length !== orig.length) {
      problem(at, ctx, lengthMessage(items.length, orig.length, ctx));
      return orig;
    }
    return orig.map((o, i) =>
      mergeMap(shape.item, o, items[i], itemAt(i, over === undefined ? undefined : i, String(i + 1)), ctx),
    );
  }
  const found = matchItems(shape, orig, items, at, ctx);
  return orig.map((o, i) => {
    const key = String((o as Obj)?.[shape.by]);
    const j = found.get(key);
    return mergeMap(shape.item, o, j === undefined ? undefined : items[j], itemAt(i, j, key), ctx, shape.by);
  });
}

/** Each overlay item's index by its id (or month); the items that match nothing are problems. */
function matchItems(shape: ListShape, orig: unknown[], items: unknown[], at: At, ctx: MergeContext) {
  const by = shape.by;
  const known = orig.map((o) => String((o as Obj)?.[by]));
  const found = new Map<string, number>();
  items.forEach((item, j) => {
    const key = isObj(item) ? item[by] : undefined;
    const itemAt = { ...at, over: at.over && [...at.over, j] };
    if (typeof key !== 'string') {
      problem(itemAt, ctx, `has no "${by}"; each ${shape.noun} here is matched to its original by its ${by}`);
    } else if (found.has(key)) problem(itemAt, ctx, `the ${shape.noun} "${key}" is translated twice`);
    else if (!known.includes(key)) {
      const none =
        by === 'month' ? `${ctx.shownOriginal} has no month "${key}" here` : `no ${shape.noun} has the id "${key}"`;
      problem(itemAt, ctx, `${none}${didYouMean(key, known)}`);
    } else found.set(key, j);
  });
  return found;
}
