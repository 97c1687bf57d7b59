// One colour table (src/lib/theme.ts) for the pages and the images: src/styles/theme.css is written
// from it, and no other stylesheet sets a colour token (except print's own black on white).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { THEME, themeCss, tokenProperty, type ThemeTokens } from '../../src/lib/theme';

const STYLESHEETS = ['src/styles/global.css', 'src/styles/embed.css', 'src/components/charts/charts.css'];

/** A stylesheet without its @media print blocks. */
function withoutPrint(css: string): string {
  let out = css;
  for (let at = out.indexOf('@media print'); at >= 0; at = out.indexOf('@media print')) {
    let depth = 0;
    let end = out.indexOf('{', at);
    for (; end < out.length; end++) {
      if (out[end] === '{') depth++;
      else if (out[end] === '}' && --depth === 0) break;
    }
    out = out.slice(0, at) + out.slice(end + 1);
  }
  return out;
}

describe('theme colours', () => {
  it('src/styles/theme.css is the table as written by `node scripts/theme-css.mjs`', () => {
    expect(readFileSync('src/styles/theme.css', 'utf8')).toBe(themeCss());
  });

  it('the stylesheet gives every token once, as light-dark(light, dark)', () => {
    const css = themeCss();
    for (const token of Object.keys(THEME.light) as (keyof ThemeTokens)[]) {
      const p = tokenProperty(token);
      expect(css).toContain(`${p}: light-dark(${THEME.light[token]}, ${THEME.dark[token]});`);
      expect(css.split(`${p}:`)).toHaveLength(2);
    }
    expect(tokenProperty('linkVisited')).toBe('--link-visited');
    expect(tokenProperty('chart2')).toBe('--chart-2');
  });

  it("global.css picks light-dark()'s side: the system's scheme, unless data-theme says otherwise", () => {
    const css = readFileSync('src/styles/global.css', 'utf8').replace(/\s+/g, ' ');
    expect(css).toMatch(/:root \{[^}]*color-scheme: light dark;/);
    expect(css).toContain(":root[data-theme='dark'] { color-scheme: dark; }");
    expect(css).toContain(":root[data-theme='light'] { color-scheme: light; }");
  });

  it('no other stylesheet sets a colour token outside print', () => {
    const properties = (Object.keys(THEME.light) as (keyof ThemeTokens)[]).map(tokenProperty);
    for (const path of STYLESHEETS) {
      const css = withoutPrint(readFileSync(path, 'utf8'));
      for (const p of properties) expect(css, `${path} sets ${p}`).not.toMatch(new RegExp(`${p}\\s*:`));
    }
  });
});
