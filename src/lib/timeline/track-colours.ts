// Track colours as a stylesheet (/tracks.css) rather than inline styles, so pages run under a
// Content-Security-Policy without 'unsafe-inline'. An element with class tc-<track> gets --tc.
import type { Track } from './schema';

/** The class that gives an element its track's colour as the custom property --tc. */
export function trackColourClass(trackId: string): string {
  return `tc-${trackId}`;
}

/** The stylesheet: light colours, dark ones when the reader's system or the page's theme is dark. */
export function trackColoursCss(tracks: readonly Pick<Track, 'id' | 'colour' | 'colourDark'>[]): string {
  const light = tracks.map((t) => `.${trackColourClass(t.id)}{--tc:${t.colour}}`).join('\n');
  const darkRules = tracks.map((t) => `.${trackColourClass(t.id)}{--tc:${t.colourDark ?? t.colour}}`);
  const scoped = (prefix: string) => darkRules.map((r) => `${prefix} ${r}`).join('\n');
  return [
    '/* Generated from content/data/tracks.yaml */',
    light,
    `@media (prefers-color-scheme: dark){\n${scoped(":root:not([data-theme='light'])")}\n}`,
    scoped(":root[data-theme='dark']"),
    '',
  ].join('\n');
}
