import { describe, expect, it } from 'vitest';
import {
  mediaMatches,
  parseSelectorList,
  parseStylesheet,
  matches,
  StyleResolver,
  resolveVars,
} from '../../src/build/images/css';
import { findFirst, parseMarkup, type MarkupElement } from '../../src/build/images/markup';

const byId = (doc: MarkupElement, id: string) => findFirst(doc, (e) => e.attrs.id === id)!;

describe('parseStylesheet', () => {
  it('reads minified CSS with @media, @container, quoted attribute values and !important', () => {
    const rules = parseStylesheet(
      `:root{--bg:#fff;--font:system-ui, "Segoe UI", sans-serif}@media (prefers-color-scheme:dark){:root:not([data-theme='light']){--bg:#111}}` +
        `@container (width<=719px){.a{display:none}}.b{fill:red!important}/* a comment { } */@font-face{font-family:x}.c{}`,
    );
    expect(rules.map((r) => r.selectors.length)).toEqual([1, 1, 1, 1, 1]);
    expect(rules[0].declarations).toEqual([
      { name: '--bg', value: '#fff', important: false },
      { name: '--font', value: 'system-ui, "Segoe UI", sans-serif', important: false },
    ]);
    expect(rules[1].conditions).toEqual([{ kind: 'media', text: '(prefers-color-scheme:dark)' }]);
    expect(rules[2].conditions).toEqual([{ kind: 'container', text: '(width<=719px)' }]);
    expect(rules[3].declarations).toEqual([{ name: 'fill', value: 'red', important: true }]);
  });

  it('drops selectors it cannot read instead of guessing', () => {
    expect(parseSelectorList('.a, > .b, .c')).toHaveLength(2);
  });
});

describe('mediaMatches', () => {
  it('follows the theme, ignores print and compares widths', () => {
    const light = { theme: 'light' as const, width: 1200 };
    const dark = { theme: 'dark' as const, width: 1200 };
    expect(mediaMatches('(prefers-color-scheme: dark)', dark)).toBe(true);
    expect(mediaMatches('(prefers-color-scheme:dark)', light)).toBe(false);
    expect(mediaMatches('print', light)).toBe(false);
    expect(mediaMatches('screen and (min-width: 40em)', light)).toBe(true);
    expect(mediaMatches('(max-width: 600px)', light)).toBe(false);
    expect(mediaMatches('(prefers-reduced-motion: reduce)', light)).toBe(false);
    expect(mediaMatches('(width >= 600px)', light)).toBe(true);
  });
});

describe('selector matching', () => {
  const doc = parseMarkup(
    `<html data-theme="dark"><body><div class="chart"><svg><g class="row" id="r1"><text id="t1"/></g><g class="row" id="r2"><text id="t2"/></g></svg></div></body></html>`,
  );
  const sel = (s: string) => parseSelectorList(s)[0];

  it('matches classes, descendants, children and :nth-child', () => {
    expect(matches(byId(doc, 't1'), sel('.chart text'))).toBe(true);
    expect(matches(byId(doc, 't1'), sel('svg > text'))).toBe(false);
    expect(matches(byId(doc, 't2'), sel('.row:nth-child(2n) text'))).toBe(true);
    expect(matches(byId(doc, 't1'), sel('.row:nth-child(even) text'))).toBe(false);
    expect(matches(byId(doc, 'r2'), sel('.row + .row'))).toBe(true);
  });

  it('matches :root, :not() and attribute selectors; never dynamic states', () => {
    const html = findFirst(doc, (e) => e.tag === 'html')!;
    expect(matches(html, sel(`:root:not([data-theme='light'])`))).toBe(true);
    expect(matches(html, sel(':root[data-theme=dark]'))).toBe(true);
    expect(matches(byId(doc, 't1'), sel('.row:hover text'))).toBe(false);
    expect(matches(byId(doc, 't1'), sel('text:focus-visible'))).toBe(false);
  });
});

describe('StyleResolver', () => {
  const css = `
    :root { --fg: #1a1a1a; --tc: red }
    :root[data-theme='dark'] { --fg: #ececec }
    .chart { color: var(--fg); font-size: 12px }
    .chart text { fill: currentColor }
    .chart .muted { fill: var(--missing, #595959) }
    .small { font-size: 0.5em }
    .mark { fill: var(--tc) !important; stroke-width: 3px }
    .tc-a { --tc: #0072b2 }
    .nope { fill: var(--missing) }
  `;
  const page = (theme: string) =>
    parseMarkup(
      `<html data-theme="${theme}"><body><div class="chart"><svg font-size="13"><text id="t">x</text><g class="small"><text id="s" class="muted">y</text></g>` +
        `<path id="m" class="mark tc-a" fill="green" style="fill: blue"/><path id="p" fill="green" class="nope"/></svg></div></body></html>`,
    );

  it('resolves custom properties per theme and currentColor through color', () => {
    for (const [theme, fg] of [
      ['light', '#1a1a1a'],
      ['dark', '#ececec'],
    ]) {
      const doc = page(theme);
      const r = new StyleResolver(parseStylesheet(css), { theme: theme as 'light' | 'dark', width: 1200 });
      const t = r.computed(byId(doc, 't')).props;
      expect(t.get('fill')).toBe('currentcolor');
      expect(t.get('color')).toBe(fg);
    }
  });

  it('uses var() fallbacks, inherits custom properties and sizes em against the parent', () => {
    const doc = page('light');
    const r = new StyleResolver(parseStylesheet(css), { theme: 'light', width: 1200 });
    const s = r.computed(byId(doc, 's')).props;
    expect(s.get('fill')).toBe('#595959');
    expect(s.get('font-size')).toBe('6.5');
  });

  it('ranks presentation attributes below rules, the style attribute above, and !important above both', () => {
    const doc = page('light');
    const r = new StyleResolver(parseStylesheet(css), { theme: 'light', width: 1200 });
    const m = r.computed(byId(doc, 'm')).props;
    expect(m.get('fill')).toBe('#0072b2');
    expect(m.get('stroke-width')).toBe('3');
  });

  it('treats a var() without value or fallback as unset (inherited or initial)', () => {
    const doc = page('light');
    const r = new StyleResolver(parseStylesheet(css), { theme: 'light', width: 1200 });
    expect(r.computed(byId(doc, 'p')).props.get('fill')).toBe('#000000');
  });
});

describe('resolveVars', () => {
  it('substitutes nested variables and guards against cycles', () => {
    const custom = new Map([
      ['--a', 'var(--b)'],
      ['--b', '#123456'],
      ['--loop', 'var(--loop)'],
    ]);
    expect(resolveVars('var(--a)', custom, new Set())).toBe('#123456');
    expect(resolveVars('var(--loop, red)', custom, new Set())).toBe('red');
    expect(resolveVars('var(--none)', custom, new Set())).toBeUndefined();
  });
});
