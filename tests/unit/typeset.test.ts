import { describe, expect, it } from 'vitest';
import { typeset, typesetData, typesetMarkdown } from '../../src/lib/text/typeset';

describe('typeset', () => {
  it('turns straight double quotes into opening and closing marks', () => {
    expect(typeset('a "record number" of arrests')).toBe('a “record number” of arrests');
    expect(typeset('"Remain in Mexico" (MPP)')).toBe('“Remain in Mexico” (MPP)');
    expect(typeset('(a "record number", The Washington Post)')).toBe('(a “record number”, The Washington Post)');
    expect(typeset('said "no."')).toBe('said “no.”');
  });

  it('makes every apostrophe ’, and single quotes open and close', () => {
    expect(typeset("Mexico's foreign ministry")).toBe('Mexico’s foreign ministry');
    expect(typeset("the migrants' shelters")).toBe('the migrants’ shelters');
    expect(typeset("known as 'safe third country' agreements")).toBe('known as ‘safe third country’ agreements');
    expect(typeset("the '90s and '19")).toBe('the ’90s and ’19');
    expect(typeset("chargé d'affaires")).toBe('chargé d’affaires');
  });

  it('nests: a single quote just inside an opening double one opens too', () => {
    expect(typeset(`"'safe' is his word"`)).toBe('“‘safe’ is his word”');
  });

  it('leaves text that is already typeset, or has no mark, as it is', () => {
    const text = 'Bárcena: “not ready”, Mexico’s envoy';
    expect(typeset(text)).toBe(text);
    expect(typeset('')).toBe('');
  });
});

describe('typesetData', () => {
  it('typesets every string a reader sees and keeps addresses and ids as typed', () => {
    const data = {
      site: { title: "Mexico's deal", url: "https://example.org/it's" },
      events: [
        {
          id: 'a',
          summary: 'a "record"',
          sources: [
            { url: "https://example.org/?q='x'", archived: "https://web.archive.org/'y'", title: "CBP's figures" },
          ],
          figures: [{ value: 3, label: "Mexico's" }],
          body: `"It's" [here](https://example.org/it's)`,
        },
      ],
    };
    const typeset = typesetData(data);
    expect(typeset).toEqual({
      site: { title: 'Mexico’s deal', url: "https://example.org/it's" },
      events: [
        {
          id: 'a',
          summary: 'a “record”',
          sources: [
            { url: "https://example.org/?q='x'", archived: "https://web.archive.org/'y'", title: 'CBP’s figures' },
          ],
          figures: [{ value: 3, label: 'Mexico’s' }],
          body: `“It’s” [here](https://example.org/it's)`,
        },
      ],
    });
    // A copy: the data as loaded is not changed.
    expect(data.events[0].summary).toBe('a "record"');
  });
});

describe('typesetMarkdown', () => {
  it('typesets the text of a Markdown field, keeping code spans and addresses as typed', () => {
    expect(typesetMarkdown(`"*Remain in Mexico*" [Mexico's](https://example.org/o'brien) \`it's\``)).toBe(
      `“*Remain in Mexico*” [Mexico’s](https://example.org/o'brien) \`it's\``,
    );
    expect(typesetMarkdown(`"[the text](/glossary/)" and https://example.org/it's "so"`)).toBe(
      `“[the text](/glossary/)” and https://example.org/it's “so”`,
    );
  });
});
