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

/**
 * The stylesheet: each token once, as light-dark(light, dark). Which of the two a page gets is its
 * color-scheme, set once in global.css: the reader's system setting, unless the page is told
 * otherwise (?theme= on embeds sets data-theme). The build lowers light-dark() for older browsers.
 */
export function themeCss(): string {
  const declarations = (Object.keys(THEME.light) as (keyof ThemeTokens)[]).map(
    (k) => `  ${tokenProperty(k)}: light-dark(${THEME.light[k]}, ${THEME.dark[k]});`,
  );
  return [
    '/* Generated from src/lib/theme.ts by `node scripts/theme-css.mjs`: edit the table there, not this file. */',
    `:root {\n${declarations.join('\n')}\n}`,
    '',
  ].join('\n');
}
