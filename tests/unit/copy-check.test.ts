// The copy check: no run of 12 or more words shared between the project's own prose (stories and
// pages in every language, the prose of content/data/ and its translations) and the original article (tests/fixtures/seed-article.txt)
// or any stored source quote, unless it sits inside quotation marks.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { collectProse, collectQuotes, mdxProse, type ProseBlock } from '../../src/build/prose/extract';
import { findCopiedRuns, formatCopiedRun, otherTextFile, otherTextsOfQuotes } from '../../src/build/prose/copy-check';
import { loadTimelineData } from '../../src/build/data/load';
import { blockWords } from '../../src/build/prose/words';

const CONTENT = resolve('content');
const SEED = readFileSync(resolve('tests/fixtures/seed-article.txt'), 'utf8');

describe('the project’s own prose', () => {
  const data = loadTimelineData(resolve(CONTENT, 'data'));
  const figure = (id: string, n: number) => data.events.find((e) => e.id === id)?.figures[n - 1];
  const prose = collectProse(CONTENT, figure);
  const quotes = collectQuotes(CONTENT);
  const seed = otherTextFile(SEED, 'seed');

  it('shares no run of 12 or more words with the original article or a source quote, outside quotation marks', () => {
    const runs = findCopiedRuns(prose, [seed, ...otherTextsOfQuotes(quotes)], 12).map(formatCopiedRun);
    expect(runs, runs.join('\n')).toEqual([]);
  });

  it('is compared with the whole article and every stored quote', () => {
    expect(seed.words.length).toBeGreaterThan(900);
    expect(seed.words[0].line).toBe(1); // the fixture's header is not part of the article
    const quoteCount = (file: string) =>
      (readFileSync(resolve(CONTENT, 'data', file), 'utf8').match(/^\s+quote:/gm) ?? []).length;
    const files = ['events.yaml', 'actors.yaml', 'series.yaml', 'glossary.yaml'];
    expect(quotes.length).toBe(files.reduce((n, f) => n + quoteCount(f), 0));
    expect(prose.reduce((n, b) => n + b.lines.length, 0)).toBeGreaterThan(500);
  });

  it('includes the stories and pages in every language', () => {
    const files = new Set(prose.map((b) => b.file));
    for (const f of ['content/stories/us-mexico-2019.es.mdx', 'content/pages/method.es.mdx'])
      expect(files).toContain(f);
  });

  it('has a Spanish story of 1,500 to 3,000 words of body (as the checks count words)', () => {
    const file = 'content/stories/us-mexico-2019.es.mdx';
    const body = readFileSync(resolve(file), 'utf8').replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '');
    const words = mdxProse(body, file, figure, 'es').reduce((n, b) => n + blockWords(b).length, 0);
    expect(words).toBeGreaterThanOrEqual(1500);
    expect(words).toBeLessThanOrEqual(3000);
  });
});

describe('the check', () => {
  const other = (text: string) => otherTextFile(text, 'them');
  const block = (...lines: string[]): ProseBlock => ({
    file: 'ours.mdx',
    lines: lines.map((text, i) => ({ line: 10 + i, text })),
  });
  const theirs = 'one two three four five six seven eight nine ten eleven twelve thirteen';

  it('reports a copied run with file, lines and words, once, at its full length', () => {
    const runs = findCopiedRuns(
      [block('Zero one two three four five six', 'seven eight nine ten eleven twelve thirteen fourteen')],
      [other(`# header\n\n${theirs}`)],
    );
    expect(runs).toEqual([
      {
        at: 'ours.mdx:10-11',
        from: 'them:2',
        words: 'one two three four five six seven eight nine ten eleven twelve thirteen',
        length: 13,
      },
    ]);
  });

  it('lets 11 words pass, and a run inside quotation marks', () => {
    expect(findCopiedRuns([block('one two three four five six seven eight nine ten eleven')], [other(theirs)])).toEqual(
      [],
    );
    expect(findCopiedRuns([block(`They said “${theirs}” today`)], [other(theirs)])).toEqual([]);
    expect(findCopiedRuns([block(`They said "${theirs}" today`)], [other(theirs)])).toEqual([]);
  });

  it('reports a run whose quoted part leaves 12 words outside the quotes', () => {
    const runs = findCopiedRuns([block(`“zero” ${theirs}`)], [other(`zero ${theirs}`)]);
    expect(runs.map((r) => r.length)).toEqual([14]);
  });

  it('Spanish: a copied run of a Spanish quote is reported outside quotation marks, not inside “…” or «…»', () => {
    const quote = otherTextsOfQuotes([
      block('ha llevado a que tengamos una reducción en el flujo migratorio de alrededor de 36.2%'),
    ]);
    const copied =
      'Ebrard dijo que eso ha llevado a que tengamos una reducción en el flujo migratorio de alrededor de 36.2%.';
    expect(findCopiedRuns([block(copied)], quote).map((r) => r.length)).toEqual([16]); // "36.2" is two words
    const quoted = (open: string, close: string) =>
      `Ebrard habló de ${open}ha llevado a que tengamos una reducción en el flujo migratorio de alrededor de 36.2%${close}.`;
    expect(findCopiedRuns([block(quoted('“', '”'))], quote)).toEqual([]);
    expect(findCopiedRuns([block(quoted('«', '»'))], quote)).toEqual([]);
  });

  it('compares words as ngram_overlap.py does: case, punctuation, apostrophes and U.S.', () => {
    const text = 'The U.S. didn’t say; Mexico’s (minister) spoke to THE press, and we’ve heard it today';
    const ours = "the US didn't say, Mexico's minister spoke to the press — and weve heard it today";
    expect(findCopiedRuns([block(ours)], [other(text)]).map((r) => r.length)).toEqual([15]);
  });
});
