// Plain words for what the schema (zod) and the YAML parser report: what was expected, what was
// found, and how to fix it, for editors who do not program. load.ts adds the file, line and entry.
import type { $ZodIssue } from 'zod/v4/core';
import { DATE_NOT_TEXT } from '../../lib/timeline/schema-fields';
import { didYouMean } from '../../lib/timeline/suggest';
import type { LineCounter, YAMLError } from 'yaml';

const MISSING = 'is missing; this field is required';

/** What a value is, in words: 'the text "60,745"', 'the number 2019', 'a list' … */
export function describeValue(v: unknown): string {
  if (v === undefined || v === null) return 'nothing';
  if (v instanceof Date) return `the date ${v.toISOString().slice(0, 10)}`;
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a set of fields';
  if (typeof v === 'string') return `the text "${v.length > 40 ? `${v.slice(0, 40)}…` : v}"`;
  if (typeof v === 'boolean') return `the yes-or-no value ${v}`;
  return `the number ${String(v)}`;
}

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
};

/** Plain words for one zod issue; the schema's own messages pass through, with what was found. */
export function explainIssue(issue: $ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  const custom = !/^(Invalid|Too|Unrecognized)/.test(issue.message);
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return MISSING;
      if (issue.message === DATE_NOT_TEXT) return dateNotText(input);
      return wrongType(issue.expected, input);
    case 'invalid_value': {
      const options = issue.values.map((v) => JSON.stringify(v)).join(', ');
      if (input === undefined) return `is missing; it should be one of: ${options}`;
      const typo = typeof input === 'string' ? didYouMean(input, issue.values.map(String)) : '';
      return `should be one of: ${options}; found ${found(input)}${typo}`;
    }
    case 'invalid_union': {
      // A discriminated union reports the whole entry; what was found is its discriminator ("kind").
      const tag = (issue as { discriminator?: string }).discriminator;
      const value = tag ? (input as Record<string, unknown> | undefined)?.[tag] : input;
      if (value === undefined) return custom ? `is missing; it ${issue.message}` : MISSING;
      return `${custom ? issue.message : 'has a value of the wrong kind'}; found ${found(value)}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return custom ? issue.message : `needs at least ${issue.minimum}`;
      if (issue.origin === 'number') return `should be at least ${issue.minimum}; found ${String(input)}`;
      return issue.message;
    case 'too_big':
      if (issue.origin === 'number') return `should be at most ${issue.maximum}; found ${String(input)}`;
      return issue.message;
    case 'invalid_format':
      return `${custom ? issue.message : 'is not in the expected format'}; found ${found(input)}`;
    case 'custom':
      // A refinement's message names the rule; say what was found unless it already quotes it (or a
      // part of it, as the Markdown rules do) or the text is too long to repeat in one line.
      return typeof input === 'string' && !issue.message.includes('"') && !/[\n\r]/.test(input) && input.length <= 80
        ? `${issue.message}; found "${input}"`
        : issue.message;
    default:
      return issue.message;
  }
}

/** A bare value in a message: text in quotes, anything else described. */
function found(v: unknown): string {
  return typeof v === 'string' ? JSON.stringify(v) : describeValue(v);
}

/** "should be a number, found the text "60,745"", with the fix when it is plain. */
function wrongType(expected: string, input: unknown): string {
  const kind = KINDS[expected] ?? expected;
  if (input === null) return `has no value: write ${kind} after the colon`;
  const problem = `should be ${kind}, found ${describeValue(input)}`;
  if ((expected === 'number' || expected === 'int') && typeof input === 'string') {
    const n = Number(input.replace(/[,\s]/g, ''));
    if (input.trim() && Number.isFinite(n)) return `${problem}: write it without quotes or commas, as ${n}`;
  }
  if (expected === 'string' && (typeof input === 'number' || typeof input === 'boolean'))
    return `${problem}: put it in quotes, "${String(input)}"`;
  if (expected === 'boolean' && typeof input === 'string') return `${problem}: write true or false, without quotes`;
  if (expected === 'array' && (typeof input === 'string' || typeof input === 'number'))
    return `${problem}: write each item on its own line, starting with "- "`;
  if (expected === 'array' && typeof input === 'object') return `${problem}: start each entry with "- "`;
  if (expected === 'object' && typeof input !== 'object')
    return `${problem}: write its fields on the lines below, indented, as "name: value"`;
  return problem;
}

/** YAML reads an unquoted 2019 as a number (and under "%YAML 1.1", 2019-06-07 as a date). */
function dateNotText(input: unknown): string {
  if (input === null) return "has no value: write a date in quotes after the colon, like '2019-06-07'";
  const written =
    input instanceof Date
      ? input.toISOString().slice(0, 10)
      : typeof input === 'number' && Number.isInteger(input) && input >= 1000 && input <= 9999
        ? String(input)
        : undefined;
  if (written) return `dates must be quoted: write '${written}' (with quotes)`;
  return `should be a date in quotes, like '2019', '2019-06' or '2019-06-07'; found ${describeValue(input)}`;
}

/** A field the entry does not take, with the nearest known field or the list of them. */
export function unknownField(key: string, known: string[] | undefined): string {
  const hint = known ? didYouMean(key, known) : '';
  if (hint || !known) return `is not a field this entry takes${hint || ' (check the spelling)'}`;
  return `is not a field this entry takes; it takes: ${known.join(', ')}`;
}

/** The first YAML syntax error of a file, with its line, in plain words (later errors usually follow from it). */
export function yamlProblem(
  source: string,
  errors: YAMLError[],
  lines: LineCounter,
): { line: number; message: string } {
  // A tab in the indentation confuses the parser into errors elsewhere: name the tab's line.
  const tab = source.split('\n').findIndex((l) => /^ *\t/.test(l));
  if (tab >= 0) return { line: tab + 1, message: 'this line is indented with a tab; YAML needs spaces' };
  const [{ code, message, pos }] = errors;
  const key = /^[^:\r\n]*/.exec(source.slice(pos[0]))![0].trim();
  const plain: Record<string, string> = {
    DUPLICATE_KEY: `"${key}" appears a second time in the same entry; remove one, or if a new entry starts here, begin it with "- "`,
    BLOCK_AS_IMPLICIT_KEY: 'a value holds a colon and a space (": "); put the whole value in quotes',
    MULTIPLE_DOCS: 'the file has a second document after a "---" line; remove that line',
  };
  const words = plain[code]
    ? `this is not valid YAML: ${plain[code]}`
    : /closing "?quote/.test(message)
      ? 'this is not valid YAML: a quote is opened but not closed'
      : `this is not valid YAML (${message.split('\n')[0]}); check indentation, colons and quotes on or just above this line`;
  return { line: lines.linePos(pos[0]).line, message: words };
}

/** The fields an object of the schema at `path` takes (a chart's depend on its "kind"), or undefined. */
export function fieldsAt(schema: unknown, path: PropertyKey[], value: unknown): string[] | undefined {
  let s = unwrap(schema, value);
  let v = value;
  for (const step of path) {
    const def = s?._zod.def;
    if (def?.type === 'object') s = def.shape?.[step as string];
    else if (def?.type === 'array') s = def.element;
    else return undefined;
    v = (v as Record<PropertyKey, unknown> | undefined)?.[step];
    s = unwrap(s, v);
  }
  return s?._zod.def.type === 'object' ? Object.keys(s._zod.def.shape ?? {}) : undefined;
}

interface SchemaNode {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, SchemaNode>;
      element?: SchemaNode;
      innerType?: SchemaNode;
      in?: SchemaNode;
      options?: SchemaNode[];
      discriminator?: string;
      values?: unknown[];
    };
  };
}

/** The schema under optional/default wrappers; for a discriminated union, the option `value` picks. */
function unwrap(schema: unknown, value: unknown): SchemaNode | undefined {
  let s = schema as SchemaNode | undefined;
  while (s) {
    const def: SchemaNode['_zod']['def'] = s._zod.def;
    if (def.innerType) s = def.innerType;
    else if (def.type === 'pipe') s = def.in;
    else if (def.type === 'union' && def.discriminator) {
      const tag = (value as Record<string, unknown> | undefined)?.[def.discriminator];
      s = def.options?.find((o) => o._zod.def.shape?.[def.discriminator!]?._zod.def.values?.includes(tag));
    } else return s;
  }
  return undefined;
}
