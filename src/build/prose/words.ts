// Words of a prose block, each with its line and whether it stands inside quotation marks.
// Normalised as ../shared/research/ngram_overlap.py does: lower case, apostrophes dropped
// ("we’ve" → "weve"), anything else that is not a letter or digit separates words, and
// "U.S." becomes "us" so that it compares equal to "US".
import type { ProseBlock } from './extract';

export interface Word {
  /** The word, normalised. */
  word: string;
  line: number;
  /** Inside "…", “…”, «…» or ‘…’: someone else's words. */
  quoted: boolean;
}

const LETTER = /[\p{L}\p{N}]/u;
const WORD = /[0-9a-z\u00c0-\u024f]+(?:[\u2019\u2018'`][0-9a-z\u00c0-\u024f]+)*/giu;
const APOS = /[\u2019\u2018'`]/g;

/**
 * Which characters of `text` are inside quotation marks. Straight double quotes toggle; “ opens
 * and ” closes, as « and » do (Spanish and French); ‘ opens when it does not follow a letter, and
 * ’ closes an open ‘ when no letter follows it (so the apostrophe in “council’s” is not a quotation mark).
 */
export function quotedMask(text: string): boolean[] {
  const mask: boolean[] = new Array(text.length).fill(false);
  const open: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const before = i > 0 && LETTER.test(text[i - 1]);
    const after = i + 1 < text.length && LETTER.test(text[i + 1]);
    if (c === '"') {
      if (open[open.length - 1] === '"') open.pop();
      else open.push('"');
    } else if (c === '\u201c' || c === '\u00ab') open.push(c);
    else if (c === '\u201d' || c === '\u00bb') {
      if (open[open.length - 1] === (c === '\u201d' ? '\u201c' : '\u00ab')) open.pop();
    } else if (c === '\u2018' && !before) open.push('\u2018');
    else if (c === '\u2019' && !after && open[open.length - 1] === '\u2018') {
      mask[i] = true;
      open.pop();
      continue;
    }
    mask[i] = open.length > 0 || c === '"' || c === '\u201d' || c === '\u00bb';
  }
  return mask;
}

/** The block's words in order. */
export function blockWords(block: ProseBlock): Word[] {
  const text = block.lines.map((l) => l.text).join('\n');
  const lineAt: number[] = [];
  block.lines.forEach((l) => {
    for (let k = 0; k <= l.text.length; k++) lineAt.push(l.line);
  });
  const mask = quotedMask(text);
  const raw: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    raw.push({ word: m[0].toLowerCase().replace(APOS, ''), line: lineAt[m.index], quoted: mask[m.index] });
  }
  // "u s" → "us"
  const out: Word[] = [];
  for (let i = 0; i < raw.length; i++) {
    if (raw[i].word === 'u' && raw[i + 1]?.word === 's') {
      out.push({ ...raw[i], word: 'us' });
      i++;
    } else out.push(raw[i]);
  }
  return out;
}

/** Words of plain text (e.g. the seed article), one block per line, none quoted-aware beyond the line. */
export function textWords(text: string, file = 'text'): Word[] {
  return text.split('\n').flatMap((t, i) => blockWords({ file, lines: [{ line: i + 1, text: t }] }));
}
