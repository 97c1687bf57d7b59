// The copy check: runs of 12 or more words that the project's own prose shares with someone
// else's text (the original article, a stored source quote). Words are normalised as in
// ../shared/research/ngram_overlap.py (see words.ts). A shared run is allowed only inside
// quotation marks in our prose: a run is reported when at least `min` of its words in a row
// stand outside quotation marks.
import type { ProseBlock } from './extract';
import { blockWords, type Word } from './words';

/** Someone else's text, as words, with a name for each word's place ("seed:12"). */
export interface OtherText {
  words: Word[];
  /** Where word i of this text is, e.g. "seed:12" or "content/data/events.yaml:1142 (quote)". */
  where: (line: number) => string;
}

export interface CopiedRun {
  /** Our side: "file:line" or "file:line-line". */
  at: string;
  /** Their side. */
  from: string;
  words: string;
  length: number;
}

/**
 * Every maximal run of at least `min` words that a block of our prose shares with one of `others`
 * and that has `min` or more words in a row outside quotation marks on our side.
 */
export function findCopiedRuns(blocks: ProseBlock[], others: OtherText[], min = 12): CopiedRun[] {
  // Index every `min`-word stretch of the other texts.
  const index = new Map<string, { t: number; j: number }[]>();
  others.forEach((o, t) => {
    for (let j = 0; j + min <= o.words.length; j++) {
      const key = o.words
        .slice(j, j + min)
        .map((w) => w.word)
        .join(' ');
      const at = index.get(key);
      if (at) at.push({ t, j });
      else index.set(key, [{ t, j }]);
    }
  });
  const found: CopiedRun[] = [];
  for (const block of blocks) {
    const a = blockWords(block);
    for (let i = 0; i + min <= a.length; i++) {
      const key = a
        .slice(i, i + min)
        .map((w) => w.word)
        .join(' ');
      for (const { t, j } of index.get(key) ?? []) {
        const b = others[t].words;
        if (i > 0 && j > 0 && a[i - 1].word === b[j - 1].word) continue; // not maximal on the left
        let n = min;
        while (i + n < a.length && j + n < b.length && a[i + n].word === b[j + n].word) n++;
        const run = a.slice(i, i + n);
        let longest = 0;
        let streak = 0;
        for (const w of run) {
          streak = w.quoted ? 0 : streak + 1;
          longest = Math.max(longest, streak);
        }
        if (longest < min) continue; // inside quotation marks: someone else's words, as words of theirs
        const first = run[0].line;
        const last = run[n - 1].line;
        const fromA = others[t].where(b[j].line);
        found.push({
          at: `${block.file}:${first}${last !== first ? `-${last}` : ''}`,
          from: fromA,
          words: run.map((w) => w.word).join(' '),
          length: n,
        });
      }
    }
  }
  return found;
}

/** A plain text file as another text: lines starting with "#" at the top are a header, not counted. */
export function otherTextFile(text: string, name: string): OtherText {
  const lines = text.split('\n');
  let header = 0;
  while (header < lines.length && lines[header].startsWith('#')) header++;
  const words = lines
    .slice(header)
    .flatMap((t, i) => blockWords({ file: name, lines: [{ line: i + 1, text: t }] }))
    .map((w) => ({ ...w, quoted: false }));
  return { words, where: (line) => `${name}:${line}` };
}

/** Stored quotes (blocks of other people's words) as other texts. */
export function otherTextsOfQuotes(quotes: ProseBlock[]): OtherText[] {
  return quotes.map((q) => ({
    words: blockWords(q).map((w) => ({ ...w, quoted: false })),
    where: (line) => `${q.file}:${line} (a source quote)`,
  }));
}

export function formatCopiedRun(r: CopiedRun): string {
  return `${r.at} — ${r.length} words shared with ${r.from}, outside quotation marks: "${r.words}"`;
}
