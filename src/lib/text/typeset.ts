// Typographic quotation marks and apostrophes for text from the data files, as the story's prose gets
// them from Markdown (smartypants): editors type " and ' and the reader sees “ ” ‘ ’, the same on a page,
// in a chart, in an image and in the downloads.

/** Opens a quotation when a mark follows it: the start, a space, an opening bracket, a dash or another opening mark. */
const OPENS_AFTER = /[\s([{\u2014\u2013\u201c\u2018«]/;

/**
 * `text` with each straight double quote turned into “ or ”, and each straight single quote into ‘ or ’
 * (an apostrophe, as in "Mexico's", "migrants'" or "'90s", is always ’). A mark opens at the start of
 * the text or after a space, bracket or dash, and closes elsewhere. Text with no straight mark is returned
 * as it is.
 */
export function typeset(text: string, previous = ''): string {
  if (!text.includes('"') && !text.includes("'")) return text;
  // `previous`: the character before the text, where it continues other text (typesetMarkdown).
  let out = previous;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '"' && c !== "'") {
      out += c;
      continue;
    }
    // What precedes as typeset, so that a mark just opened counts as opening ("'safe'" → “‘safe’”).
    const before = out.length ? out[out.length - 1] : ' ';
    const after = i + 1 < text.length ? text[i + 1] : ' ';
    const opens = OPENS_AFTER.test(before) && !/\s/.test(after);
    if (c === '"') out += opens ? '\u201c' : '\u201d';
    // An elided year ('90s, '19) is an apostrophe even where a quotation would open.
    else out += opens && !/^\d\d(?!\d)/.test(text.slice(i + 1, i + 4)) ? '\u2018' : '\u2019';
  }
  return out.slice(previous.length);
}

/** In Markdown, what must stay as typed: code spans, link addresses and bare web addresses. */
const AS_TYPED = /(`[^`]*`|\]\([^)]*\)|https?:\/\/[^\s)>\]]+)/;

/** A Markdown field typeset as typeset() does, leaving code spans and addresses as they are. */
export function typesetMarkdown(source: string): string {
  let out = '';
  for (const [i, part] of source.split(AS_TYPED).entries()) out += i % 2 ? part : typeset(part, out.slice(-1));
  return out;
}

/**
 * The fields that are not running text but addresses, which must stay as typed. (Ids are slugs, with no
 * quotation mark to change.) Every other string in the data is text a reader sees.
 */
const NOT_TEXT = new Set(['url', 'archived']);
/** The fields in Markdown (an event's body, a glossary definition). */
const MARKDOWN = new Set(['body', 'definition']);

/** A copy of `value` (the data as loaded) with typeset() applied to every string a reader sees. */
export function typesetData<T>(value: T): T {
  return walk(value, '') as T;
}

function walk(value: unknown, key: string): unknown {
  if (typeof value === 'string')
    return NOT_TEXT.has(key) ? value : MARKDOWN.has(key) ? typesetMarkdown(value) : typeset(value);
  if (Array.isArray(value)) return value.map((item) => walk(item, key));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) copy[k] = walk(v, k);
    return copy;
  }
  return value;
}
