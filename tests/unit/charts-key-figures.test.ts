import { describe, expect, it } from 'vitest';
import { cardRows, collectKeyFigures } from '../../src/lib/charts/key-figures';
import { en } from '../../src/lib/ui/strings';
import { event } from './charts-helpers';

const events = [
  event({
    id: 'a',
    date: '2019-05-30',
    end: '2019-06-07',
    figures: [
      { value: 5, unit: '%', label: 'Tariff due', key: true },
      { value: 1, label: 'Not key' },
    ],
  }),
  event({
    id: 'b',
    date: '2019-06-24',
    figures: [{ value: 15000, unit: 'troops', label: 'Deployed', approximate: true, key: true }],
  }),
];

describe('collectKeyFigures', () => {
  it('keeps only the key figures, formatted, with their event and its first source', () => {
    const f = collectKeyFigures(events, en);
    expect(f.map((x) => x.value)).toEqual(['5%', 'about 15,000 troops']);
    expect(f[0]).toMatchObject({
      eventId: 'a',
      date: '2019-05-30',
      dateText: '30 May – 7 June 2019',
      label: 'Tariff due',
    });
    expect(f[1].source?.url).toBe('https://example.org/');
  });
  it('follows the order of the ids it is given, and names an unknown one', () => {
    expect(collectKeyFigures(events, en, ['b', 'a']).map((x) => x.eventId)).toEqual(['b', 'a']);
    expect(() => collectKeyFigures(events, en, ['zzz'])).toThrow(/unknown event id "zzz"/);
  });
});

describe('cardRows', () => {
  it('fills rows, then lets the last rows share theirs so that no card stands alone under a full row', () => {
    expect(cardRows(7, 3)).toEqual([3, 2, 2]);
    expect(cardRows(8, 3)).toEqual([3, 3, 2]);
    expect(cardRows(9, 3)).toEqual([3, 3, 3]);
    expect(cardRows(4, 3)).toEqual([2, 2]);
    expect(cardRows(9, 4)).toEqual([4, 3, 2]);
    expect(cardRows(7, 4)).toEqual([4, 3]);
    expect(cardRows(6, 4)).toEqual([4, 2]);
    // In two columns a last odd card takes its row; one card, one row; one column, a card a row.
    expect(cardRows(7, 2)).toEqual([2, 2, 2, 1]);
    expect(cardRows(1, 3)).toEqual([1]);
    expect(cardRows(3, 1)).toEqual([1, 1, 1]);
    expect(cardRows(0, 3)).toEqual([]);
  });
  it('places every card once, never more to a row than the columns', () => {
    for (let columns = 1; columns <= 5; columns++)
      for (let n = 0; n <= 30; n++) {
        const rows = cardRows(n, columns);
        expect(rows.reduce((a, b) => a + b, 0)).toBe(n);
        expect(Math.max(0, ...rows)).toBeLessThanOrEqual(columns);
        if (columns > 2 && rows.length > 1) expect(Math.min(...rows)).toBeGreaterThanOrEqual(2);
      }
  });
});
