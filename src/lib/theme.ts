// The site's colours, light and dark: one table for the pages and the images. The pages get them as
// custom properties (--bg, --fg …) from src/styles/theme.css, which is written from this table
// (`node scripts/theme-css.mjs`; tests/unit/theme.test.ts fails when the two differ); the image
// step paints its charts with the same values (src/build/images/paint.ts). Track colours come from
// tracks.yaml (track-colours.ts).

export type ThemeName = 'light' | 'dark';
export const THEME_NAMES: readonly ThemeName[] = ['light', 'dark'];

export interface ThemeTokens {
  bg: string;
  fg: string;
  muted: string;
  rule: string;
  panel: string;
  link: string;
  linkVisited: string;
  focus: string;
  accent: string;
  /** The companion charts' two series colours (--chart-1, --chart-2). */
  chart1: string;
  chart2: string;
}

export const THEME: Record<ThemeName, ThemeTokens> = {
  light: {
    bg: '#ffffff',
    fg: '#1a1a1a',
    muted: '#595959',
    rule: '#d0d0d0',
    panel: '#f4f4f2',
    link: '#0b5cad',
    linkVisited: '#6a3d9a',
    focus: '#0b5cad',
    accent: '#8a4b00',
    chart1: '#0072b2',
    chart2: '#c75300',
  },
  dark: {
    bg: '#111111',
    fg: '#ececec',
    muted: '#b0b0b0',
    rule: '#3a3a3a',
    panel: '#1c1c1c',
    link: '#7cb8ff',
    linkVisited: '#c9a6f2',
    focus: '#7cb8ff',
    accent: '#f0b35a',
    chart1: '#56b4e9',
    chart2: '#e69f00',
  },
};

/** The custom property of a token: linkVisited → --link-visited, chart1 → --chart-1. */
export function tokenProperty(token: keyof ThemeTokens): string {
  return `--${token.replace(/[A-Z]|\d+/g, (c) => `-${c.toLowerCase()}`)}`;
}

function declarations(tokens: ThemeTokens, indent: string): string {
  return (Object.keys(tokens) as (keyof ThemeTokens)[])
    .map((k) => `${indent}${tokenProperty(k)}: ${tokens[k]};`)
    .join('\n');
}

/**
 * The stylesheet: light on :root; dark when the reader's system is dark, unless the page is told
 * otherwise (?theme= on embeds sets data-theme), and whenever data-theme is dark.
 */
export function themeCss(): string {
  return [
    '/* Generated from src/lib/theme.ts by `node scripts/theme-css.mjs`: edit the table there, not this file. */',
    `:root {\n${declarations(THEME.light, '  ')}\n}`,
    `@media (prefers-color-scheme: dark) {\n  :root:not([data-theme='light']) {\n${declarations(THEME.dark, '    ')}\n  }\n}`,
    `:root[data-theme='dark'] {\n${declarations(THEME.dark, '  ')}\n}`,
    '',
  ].join('\n');
}
