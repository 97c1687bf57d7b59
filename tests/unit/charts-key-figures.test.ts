import { describe, expect, it } from 'vitest';
import { collectKeyFigures } from '../../src/lib/charts/key-figures';
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
