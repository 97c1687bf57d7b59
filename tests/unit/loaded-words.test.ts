// The loaded-word lists (content/data/loaded-words.yaml, one per language): none of their words in
// the project's own prose outside quotation marks; and the pieces that decide what counts (quotation
// marks, word forms, which text is ours and in which language, which line a word is on).
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { collectProse, languageOfFile, mdxProse, yamlProse } from '../../src/build/prose/extract';
import {
  checkLoadedWords,
  findLoadedWords,
  formatLoadedWordHit,
  inflections,
  readLoadedWords,
  type LoadedWord,
} from '../../src/build/prose/loaded-words';
import { blockWords, quotedMask } from '../../src/build/prose/words';

const CONTENT = resolve('content');
const block = (text: string, line = 1) => ({ file: 'x', lines: [{ line, text }] });
const hitsIn = (text: string, list: LoadedWord[]) => findLoadedWords([block(text)], list).map((h) => h.found);

describe('the project’s own prose', () => {
  it('has no loaded word outside quotation marks (stories, pages and data)', () => {
    const hits = checkLoadedWords(CONTENT).map(formatLoadedWordHit);
    expect(hits, hits.join('\n')).toEqual([]);
  });

  it('is all looked at: every story and page, and the prose of events, glossary, charts and site', () => {
    const files = new Set(collectProse(CONTENT).map((b) => b.file));
    for (const f of [
      'content/stories/us-mexico-2019.mdx',
      'content/pages/method.mdx',
      'content/data/events.yaml',
      'content/data/glossary.yaml',
      'content/data/charts.yaml',
      'content/data/site.yaml',
    ])
      expect(files, f).toContain(f);
    expect(readLoadedWords(CONTENT).length).toBeGreaterThan(10);
  });
});

describe('quotation marks', () => {
  const quotedWords = (text: string) =>
    blockWords(block(text))
      .filter((w) => w.quoted)
      .map((w) => w.word);

  it('straight and curly double quotes', () => {
    expect(quotedWords('He said "a surge" and “a flood” then left')).toEqual(['a', 'surge', 'a', 'flood']);
  });
  it('curly single quotes, but not the apostrophe', () => {
    expect(quotedWords('Mexico’s ‘crackdown’ and Reuters’ surge')).toEqual(['crackdown']);
    expect(quotedWords('Mexico’s crackdown')).toEqual([]);
  });
  it('nested quotes and quotes across lines of one block; a new block starts unquoted', () => {
    expect(quotedWords('“he called it ‘a win’ then” left')).toEqual(['he', 'called', 'it', 'a', 'win', 'then']);
    const two = {
      file: 'x',
      lines: [
        { line: 1, text: 'an “open' },
        { line: 2, text: 'quote” here' },
      ],
    };
    expect(blockWords(two).map((w) => [w.word, w.line, w.quoted])).toEqual([
      ['an', 1, false],
      ['open', 1, true],
      ['quote', 2, true],
      ['here', 2, false],
    ]);
    expect(quotedMask('no quotes').some(Boolean)).toBe(false);
  });
});

describe('word forms', () => {
  it('a word takes its regular forms, whole words only', () => {
    expect(inflections('surge')).toEqual(expect.arrayContaining(['surge', 'surges', 'surged', 'surging']));
    expect(inflections('victory')).toContain('victories');
    expect(hitsIn('Surged, surging, surges; a resurgence, surgeon', [{ word: 'surge' }])).toEqual([
      'surged',
      'surging',
      'surges',
    ]);
  });
  it('a stem with * and a phrase', () => {
    expect(hitsIn('they invaded; an invasion', [{ word: 'invad*' }])).toEqual(['invaded']);
    expect(hitsIn('Mexico backed down, would not back down', [{ word: 'back down' }])).toEqual(['back down']);
  });
  it('listed forms replace the regular ones; a phrase partly quoted is quoted', () => {
    const record: LoadedWord = { word: 'record', forms: ['a record', 'record number'] };
    expect(hitsIn('CBP records arrests; a record spring', [record])).toEqual(['a record']);
    expect(hitsIn('a "record number" of arrests', [record])).toEqual([]);
  });
});

describe('which text is ours, and where', () => {
  it('YAML: prose fields on their own lines, folded blocks line by line; sources and ids left out', () => {
    const src = [
      '- id: surge-event', // 1
      "  title: 'A surge'", // 2
      '  definition: >-', // 3
      '    plain words on line four', // 4
      '    and a flood on line five', // 5
      '  notes:', // 6
      '    - "a \\"quoted\\" surge"', // 7
      '  sources:', // 8
      "    - title: 'Surge at the border'", // 9
      "      quote: 'a flood of people'", // 10
    ].join('\n');
    const hits = findLoadedWords(yamlProse(src, 'f.yaml'), [{ word: 'surge' }, { word: 'flood' }]);
    expect(hits.map((h) => `${h.file}:${h.line} ${h.found}`)).toEqual([
      'f.yaml:2 surge',
      'f.yaml:5 flood',
      'f.yaml:7 surge',
    ]);
  });

  it('MDX: front matter and body with their lines; tags dropped, their text kept, figures shown', () => {
    const src = [
      '---', // 1
      "title: 'A title'", // 2
      "description: 'Mexico’s surge'", // 3
      'byline: A surge desk', // 4 (not prose we check)
      '---', // 5
      '', // 6
      '## A surge heading', // 7
      '', // 8
      'Text with <EventRef id="surge-id">a flood</EventRef> and <FigureRef event="e" figure={2} />.', // 9
    ].join('\n');
    const blocks = mdxProse(src, 's.mdx', (ev, n) =>
      ev === 'e' && n === 2 ? { value: 6000, unit: 'troops', approximate: false } : undefined,
    );
    const hits = findLoadedWords(blocks, [{ word: 'surge' }, { word: 'flood' }]);
    expect(hits.map((h) => `${h.line} ${h.found}`)).toEqual(['3 surge', '7 surge', '9 flood']);
    expect(blocks.at(-1)!.lines[0].text).toContain('6,000 troops');
  });
});

describe('each language with its own list', () => {
  const es = (text: string, list: LoadedWord[]) =>
    findLoadedWords([{ ...block(text), language: 'es' }], list, 'es').map((h) => h.found);

  it('a loaded word planted in a Spanish sentence is caught, in its regular forms, outside quotation marks only', () => {
    const list = readLoadedWords(CONTENT, 'es');
    expect(es('Según la CBP, una oleada de migrantes llegó a la frontera.', list)).toEqual(['oleada']);
    expect(es('Hablaron de invasiones y de detenciones masivas; una cifra récord.', list)).toEqual([
      'invasiones',
      'masivas',
      'cifra récord',
    ]);
    expect(es('La Casa Blanca habló de una “crisis humanitaria” y de «ilegales».', list)).toEqual([]);
    expect(es('Hubo una crisis humanitaria, según nadie.', list)).toEqual(['crisis']);
    // Whole words only: "recordó" is not "récord", "masivamente" is not "masivo".
    expect(es('AP recordó que los cruces bajan en verano; votaron masivamente.', list)).toEqual([]);
  });

  it('Spanish word forms: plurals (with the accent that moves), feminines; English forms stay English', () => {
    expect(inflections('invasión', 'es')).toEqual(expect.arrayContaining(['invasión', 'invasiones']));
    expect(inflections('masivo', 'es-MX')).toEqual(expect.arrayContaining(['masiva', 'masivos', 'masivas']));
    expect(inflections('voraz', 'es')).toContain('voraces');
    expect(inflections('surge', 'es')).not.toContain('surging');
    expect(inflections('surge')).toContain('surging');
  });

  it('the English list does not run on Spanish text, nor the Spanish list on English text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loaded-words-'));
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    };
    write('data/site.yaml', 'title: T\nlanguage: en\n');
    write('data/loaded-words.yaml', 'en:\n  - word: surge\nes:\n  - word: oleada\n');
    write('stories/story.mdx', '---\ntitle: T\n---\n\nA surge, not an oleada.\n');
    write('stories/story.es.mdx', '---\ntitle: T\n---\n\nUna oleada, no un surge.\n');
    write('data/events.yaml', '- id: a\n  title: A surge and an oleada\n');
    write('data/es/events.yaml', '- id: a\n  title: Una oleada y un surge\n');
    const hits = () => checkLoadedWords(dir).map((h) => `${relative(dir, h.file)}:${h.line} ${h.found}`);
    try {
      expect(hits().sort()).toEqual([
        'data/es/events.yaml:2 oleada',
        'data/events.yaml:2 surge',
        'stories/story.es.mdx:5 oleada',
        'stories/story.mdx:5 surge',
      ]);
      // A file that is a single list is the site language's list: English only.
      write('data/loaded-words.yaml', '- surge\n- oleada\n');
      expect(hits().sort()).toEqual([
        'data/events.yaml:2 oleada',
        'data/events.yaml:2 surge',
        'stories/story.mdx:5 oleada',
        'stories/story.mdx:5 surge',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('every text knows its language: the file suffix, the overlay folder, or site.yaml', () => {
    expect(languageOfFile('content/stories/us-mexico-2019.es.mdx')).toBe('es');
    expect(languageOfFile('content/stories/us-mexico-2019.mdx')).toBeUndefined();
    expect(languageOfFile('content/stories/v2.0.mdx')).toBeUndefined();
    const languages = new Map(collectProse(CONTENT).map((b) => [b.file, b.language]));
    expect(languages.get('content/stories/us-mexico-2019.mdx')).toBe('en');
    expect(languages.get('content/stories/us-mexico-2019.es.mdx')).toBe('es');
    expect(languages.get('content/pages/method.es.mdx')).toBe('es');
    expect(languages.get('content/data/events.yaml')).toBe('en');
    expect(readLoadedWords(CONTENT, 'es').length).toBeGreaterThan(10);
    expect(readLoadedWords(CONTENT, 'es-MX')).toEqual(readLoadedWords(CONTENT, 'es'));
    expect(readLoadedWords(CONTENT, 'fr')).toEqual([]);
  });

  it('« » are quotation marks too', () => {
    expect(
      blockWords(block('dijo «una oleada» y “otra”'))
        .filter((w) => w.quoted)
        .map((w) => w.word),
    ).toEqual(['una', 'oleada', 'otra']);
  });
});
