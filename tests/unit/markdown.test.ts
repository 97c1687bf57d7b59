// The safe Markdown renderer (src/lib/markdown.ts): every planted markup, rendered and read back with the
// HTML standard's parser, makes only the subset's elements, no event handler and no link off http(s) or
// the site; the subset itself renders as marked always rendered it; validation names each plant.
import { describe, expect, it } from 'vitest';
import { marked, Renderer } from 'marked';
import { isSafeHref, markdownProblems, renderMarkdown, REPLACED_RENDERERS } from '../../src/lib/markdown';
import { findAll, parseMarkup, type MarkupElement } from '../support/markup';
import { PLANTS, SUBSET } from '../support/markdown-plants';

const ALLOWED = new Set(['p', 'em', 'strong', 'ul', 'ol', 'li', 'a', 'br', 'code']);
/** The elements a fragment makes inside <body>, read as a browser reads it. */
const elementsOf = (html: string): MarkupElement[] => {
  const body = findAll(parseMarkup(`<!doctype html><body>${html}`), (e) => e.tag === 'body')[0];
  return findAll(body, (e) => e !== body);
};

describe('renderMarkdown', () => {
  it.each(PLANTS)('makes only safe elements of the plant "$name"', ({ source }) => {
    const elements = elementsOf(renderMarkdown(source));
    expect(elements.length).toBeGreaterThan(0);
    for (const e of elements) {
      expect(ALLOWED).toContain(e.tag);
      expect(Object.keys(e.attrs).filter((name) => name !== 'href')).toEqual([]);
      if (e.tag === 'a') expect(e.attrs.href).toMatch(/^(https?:\/\/[^/\\]|\/[^/\\]|#)/);
    }
  });

  it('shows refused markup as the text the editor wrote', () => {
    const text = (html: string) => elementsOf(html)[0].children.join('');
    expect(text(renderMarkdown('<img src=x onerror=alert(1)>'))).toBe('<img src=x onerror=alert(1)>');
    expect(text(renderMarkdown('[x](javascript:alert(1))'))).toBe('[x](javascript:alert(1))');
    expect(renderMarkdown('&#60;script&#62;')).toBe('<p>&#60;script&#62;</p>\n');
    expect(renderMarkdown('- [ ] a\n- [x] b')).toBe('<ul>\n<li>[ ] a</li>\n<li>[x] b</li>\n</ul>\n');
  });

  it('renders the subset as marked did, so pages stay the same', () => {
    expect(renderMarkdown(SUBSET.source)).toBe(SUBSET.html);
    // The one difference: an "&" in an address is written "&amp;" (the same address to a browser), so that
    // no character reference in it is read as a character.
    const before = marked.parse(SUBSET.source, { async: false });
    expect(renderMarkdown(SUBSET.source)).toBe(before.replace('?b=1&c=2', '?b=1&amp;c=2'));
  });

  it("replaces every renderer of marked's outside the subset (a new one in an upgrade fails here)", () => {
    const subset = ['space', 'paragraph', 'list', 'listitem', 'text', 'strong', 'em', 'codespan', 'br', 'def'];
    // Called only by the table renderer, which is replaced.
    subset.push('tablerow', 'tablecell');
    const all = Object.getOwnPropertyNames(Renderer.prototype).filter((name) => name !== 'constructor');
    expect([...REPLACED_RENDERERS, ...subset].sort()).toEqual(all.sort());
  });
});

describe('isSafeHref', () => {
  it.each(['https://example.org/', 'HTTP://example.org', '/glossary/', '#top', 'events/x/', '../a', '?q=1'])(
    'takes %s',
    (href) => expect(isSafeHref(href)).toBe(true),
  );
  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\nscript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'mailto:a@example.org',
    '//evil.example',
    '/\\evil.example',
    'https:\\\\evil.example',
    '',
  ])('refuses %j', (href) => expect(isSafeHref(href)).toBe(false));
});

describe('markdownProblems', () => {
  it.each(PLANTS)('names what is wrong with the plant "$name"', ({ source, refused }) => {
    expect(markdownProblems(source)).toEqual(refused);
  });

  it('finds nothing wrong with the subset', () => {
    expect(markdownProblems(SUBSET.source)).toEqual([]);
  });
});
