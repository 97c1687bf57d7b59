import { describe, expect, it } from 'vitest';
import { en, uiStrings } from '../../src/lib/ui/strings';
import { es, fromTo, listOfEs, spanInWordsEs } from '../../src/lib/ui/strings-es';
import { linkPieces } from '../../src/lib/ui/links';
import { fill } from '../../src/lib/ui/fill';
import { publisherLine } from '../../src/lib/charts/axis';

describe('UI strings', () => {
  it('picks a language by its primary subtag and falls back to English', () => {
    expect(uiStrings('en-GB')).toBe(en);
    expect(uiStrings('EN')).toBe(en);
    expect(uiStrings('xx')).toBe(en);
    expect(uiStrings('es')).toBe(es);
    expect(uiStrings('es-MX')).toBe(es);
    expect([en.lang, en.locale, es.lang, es.locale]).toEqual(['en', 'en-GB', 'es', 'es-MX']);
  });

  it('lists only what the content holds, and a series only when it is given one', () => {
    const all = { people: true, posts: true };
    expect(en.home.json(all)).toBe('events, tracks, people and posts');
    expect(en.home.json(all, 'border series')).toBe('events, tracks, people and posts, and the border series');
    expect(en.home.json({ people: true, posts: false })).toBe('events, tracks and people');
    expect(en.home.json({ people: false, posts: false }, 'data series')).toBe('events and tracks, and the data series');
    expect(en.notFound.data()).not.toContain('series');
  });
});

/** Words that are the same in English and Spanish (formats, codes); a text may match English if it holds only these. */
const SAME_IN_BOTH = ['id', 'JSON', 'CSV', 'No', 'Zoom'];
const onlySharedWords = (text: string) =>
  !/\p{L}/u.test(SAME_IN_BOTH.reduce((t, w) => t.replace(new RegExp(`\\b${w}\\b`, 'g'), ''), text));

/** Every text of a strings object by its path; a sentence function is called with 3 for each parameter. */
function texts(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(path, value);
  else if (typeof value === 'function') {
    try {
      texts(value(...Array.from({ length: value.length }, () => 3)), `${path}()`, out);
    } catch {
      // A function that needs more than numbers (home.json's flags) is compared through its own tests.
    }
  } else if (Array.isArray(value)) value.forEach((v, i) => texts(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) texts(v, `${path}.${k}`, out);
  return out;
}

describe('Spanish UI strings', () => {
  it('translate every text: none is the English one, but for words both languages write alike', () => {
    const english = texts(en);
    // The date words come from Intl (their patterns may coincide: "{d} {m}"), and the codes differ by design.
    const same = [...texts(es)].filter(
      ([path, text]) => !/^\.dates|\.layout\.dates/.test(path) && english.get(path) === text && !onlySharedWords(text),
    );
    expect(same).toEqual([]);
    expect(texts(es).size).toBe(english.size);
  });

  it('say spans and lists as Spanish does', () => {
    expect([42, 10, 1, 17, 14].map(spanInWordsEs)).toEqual([
      'seis semanas',
      'diez días',
      'día',
      '17 días',
      'dos semanas',
    ]);
    expect(listOfEs(['a', 'b', 'c'])).toBe('a, b y c');
    expect(listOfEs(['eventos', 'hitos'])).toBe('eventos e hitos');
    expect(listOfEs(['eventos', 'hielo'])).toBe('eventos y hielo');
    expect(es.home.json({ people: true, posts: true })).toBe('eventos, temas, personas y cargos');
    expect(es.event.contextCaption(42)).toBe('Los eventos de las seis semanas antes y después; este, resaltado.');
    expect(es.event.contextCaption(10)).toBe('Los eventos de los diez días antes y después; este, resaltado.');
    expect(es.event.contextCaption(1)).toBe('Los eventos del día anterior y el posterior; este, resaltado.');
    expect(es.chronology.yearOnly(2019)).toBe('2019 (mes desconocido)');
    expect(fromTo('1 de junio de 2019', '7 de junio de 2019')).toBe('del 1 de junio de 2019 al 7 de junio de 2019');
    expect(fromTo('junio de 2019', '2020')).toBe('de junio de 2019 a 2020');
    expect(es.chronology.description(3, '1 de junio de 2019', 'julio de 2019')).toBe(
      'Los 3 eventos, del 1 de junio de 2019 a julio de 2019, cada uno con sus fuentes.',
    );
  });

  it('write a chart’s source line', () => {
    const s = (publisher: string, via?: string) => ({ publisher, via });
    const line = publisherLine([s('AP', 'Reuters'), s('CBP'), s('AFP'), s('INM')], 2, es.charts.publishers);
    expect(line).toBe('AP vía Reuters; CBP y 2 más (véase la tabla)');
    expect(publisherLine([s('AP', 'Reuters')], 2, en.charts.publishers)).toBe('AP via Reuters');
  });
});

describe('linkPieces', () => {
  it('splits a sentence into text and links, in order', () => {
    expect(linkPieces('Read them as [a chronology](chronology), or as [a table](table) you can sort.')).toEqual([
      { text: 'Read them as ' },
      { text: 'a chronology', link: 'chronology' },
      { text: ', or as ' },
      { text: 'a table', link: 'table' },
      { text: ' you can sort.' },
    ]);
  });

  it('leaves a sentence without links whole, and brackets without a key as text', () => {
    expect(linkPieces('No links here.')).toEqual([{ text: 'No links here.' }]);
    expect(linkPieces('[The data](data)')).toEqual([{ text: 'The data', link: 'data' }]);
    expect(linkPieces('a [note] (x) <b>')).toEqual([{ text: 'a [note] (x) <b>' }]);
  });
});

describe("a '+N' cluster's tooltip", () => {
  it('names no one way to act: it shows on keyboard focus and under a finger as well as the pointer', () => {
    for (const lang of ['en', 'es'] as const) {
      const words = uiStrings(lang).timelineClient.cluster;
      expect(words, lang).toContain('{count}');
      expect(words, lang).not.toMatch(/\b(click|clic|tap|toque|pulse)\b/i);
    }
  });
});

describe('fill', () => {
  it('fills the named parts it is given and leaves the others as written', () => {
    expect(fill('{count} events: click to zoom in', { count: 3 })).toBe('3 events: click to zoom in');
    expect(fill('{shown} of {total} events shown', { shown: 0, total: 13 })).toBe('0 of 13 events shown');
    expect(fill('Details: {title}', {})).toBe('Details: {title}');
  });
});
