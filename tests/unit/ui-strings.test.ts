import { describe, expect, it } from 'vitest';
import { en, uiStrings } from '../../src/lib/ui/strings';
import { linkPieces } from '../../src/lib/ui/links';
import { fill } from '../../src/lib/ui/fill';

describe('UI strings', () => {
  it('picks a language by its primary subtag and falls back to English', () => {
    expect(uiStrings('en-GB')).toBe(en);
    expect(uiStrings('EN')).toBe(en);
    expect(uiStrings('xx')).toBe(en);
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

describe('fill', () => {
  it('fills the named parts it is given and leaves the others as written', () => {
    expect(fill('{count} events: click to zoom in', { count: 3 })).toBe('3 events: click to zoom in');
    expect(fill('{shown} of {total} events shown', { shown: 0, total: 13 })).toBe('0 of 13 events shown');
    expect(fill('Details: {title}', {})).toBe('Details: {title}');
  });
});
