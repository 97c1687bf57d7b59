// Emoji in a social card's text are dropped, whole and with the space before them, so resvg, which draws
// the cards in DejaVu Sans only, never meets a character the font lacks (an empty box); other symbols
// DejaVu draws (©, ™, arrows) and every other script stay as written. Checked on the SVG's drawn text
// against DejaVu's own character map (read with fontkitten).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { create, type Font } from 'fontkitten';
import { composeSocialCard, withoutEmoji } from '../../src/build/images/social-card';
import { fontFiles } from '../../src/build/images/render';
import { findAll, parseMarkup, textContent } from '../support/markup';

// A .ttf is one font (a .ttc would be a collection).
const [regular, bold] = fontFiles().map((file) => create(readFileSync(file)) as Font);
/** The characters of `text` that a DejaVu face has no glyph for. */
const tofu = (text: string) =>
  [...new Set(text)].filter((ch) => ![regular, bold].every((f) => f.hasGlyphForCodePoint(ch.codePointAt(0)!)));

const colours = { bg: '#fff', fg: '#111', muted: '#555', rule: '#ccc', panel: '#eee', accent: '#840' };

describe('withoutEmoji', () => {
  it.each([
    ['Talks end 🤝 with a deal', 'Talks end with a deal'],
    ['🎉 Signed', 'Signed'],
    ['Deal signed 🎉', 'Deal signed'],
    ['Thumbs 👍🏽, then 👨‍👩‍👧 families', 'Thumbs, then families'],
    ['Flags 🇲🇽🇺🇸 and 🏴󠁧󠁢󠁳󠁣󠁴󠁿 and 🏳️‍🌈', 'Flags and and'],
    ['Steps 1️⃣ and #️⃣', 'Steps and'],
    ['Storms ⛈ and ❤️ and ⭐', 'Storms and and'],
    ['Rights ©️ 2019', 'Rights © 2019'],
  ])('%j → %j', (text, expected) => expect(withoutEmoji(text)).toBe(expected));

  it.each([
    'Plain title',
    'Acme™ © 2019 ↔ ↩ ™',
    'Trump–AMLO: “deal”',
    'اتفاق الهجرة',
    'הסכם',
    '移民协议',
    '  spaced  ',
  ])('leaves %j as it was', (text) => expect(withoutEmoji(text)).toBe(text));
});

describe('a social card whose texts hold emoji', () => {
  const input = {
    siteTitle: '🌎 World desk',
    title: 'Leaders 🤝 agree on ⛈ storm relief 🇲🇽🇺🇸 after 👨‍👩‍👧 families ask ❤️',
    kicker: { date: '7 June 2019', label: 'Agreements ✅' },
    publisher: 'Newsroom 📰',
    url: 'example.org/x',
    colours,
  };
  const svg = composeSocialCard(input);
  const drawn = findAll(parseMarkup(svg), (e) => e.tag === 'text').map(textContent);

  it('would show empty boxes if drawn as written (the check can fail)', () => {
    expect(tofu(input.title).length).toBeGreaterThan(5);
  });

  it('draws no character DejaVu lacks, and keeps the words', () => {
    expect(tofu(drawn.join(''))).toEqual([]);
    expect(drawn).toContain('World desk');
    expect(drawn).toContain('Agreements');
    expect(drawn).toContain('Newsroom');
    expect(drawn.join(' ')).toMatch(/Leaders agree on storm relief after\s+families ask/);
  });

  it('keeps the whole title in the SVG title (read by assistive technology, not drawn)', () => {
    expect(svg).toContain(`<title>${input.title}</title>`);
  });
});
