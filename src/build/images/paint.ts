// The paint pass of the image step: a chart's SvgNode tree, whose look the pages give by class names
// and CSS, becomes a tree with presentation attributes only (fill, stroke, font-weight …) that resvg
// and any SVG viewer draw without a stylesheet. The looks come from a short explicit table of rules
// per chart (e.g. timeline-image.ts), keyed by class names, with the colours of src/lib/theme.ts:
// no CSS is parsed. paint(layers, rules, paintTheme('dark', data.tracks))
import type { SvgNode } from '../../lib/svg';
import { THEME, type ThemeName, type ThemeTokens } from '../../lib/theme';
import type { Track } from '../../lib/timeline/schema';

/** The colours a rule may name: the theme's tokens and, as `tc`, the element's track colour. */
export interface PaintTheme extends ThemeTokens {
  name: ThemeName;
  /** Each track's colour in this theme, by track id. */
  tracks: Record<string, string>;
}

export function paintTheme(
  name: ThemeName,
  tracks: readonly Pick<Track, 'id' | 'colour' | 'colourDark'>[],
): PaintTheme {
  return {
    ...THEME[name],
    name,
    tracks: Object.fromEntries(
      tracks.map((t) => [t.id, (name === 'dark' ? (t.colourDark ?? t.colour) : t.colour).toLowerCase()]),
    ),
  };
}

/**
 * One rule: the attributes `set` gives every element that has all of `classes` (and the tag, and
 * an ancestor with the class `within`; `name:even` is a class of the even children of a parent, as
 * CSS :nth-child(even)), in the theme `theme` if given. A value '@token' is a colour of the theme
 * ('@fg'; '@tc' the track colour), '@--name' a custom property that the element or an ancestor sets
 * in its style attribute (e.g. style="--c:#0072b2"); `display: 'none'` leaves the element out.
 * Later rules win.
 */
export interface PaintRule {
  classes?: string[];
  tag?: string;
  within?: string;
  theme?: ThemeName;
  set: Record<string, string>;
}

/** Attributes that only mean something to a page (styles, scripts, assistive technology, links). */
const PAGE_ONLY = /^(class|style|role|tabindex|href|focusable|aria-.*|data-.*)$/;

/** The class that gives an element its track colour (track-colours.ts): tc-<track id>. */
const TRACK_CLASS = /^tc-(.+)$/;

interface Scope {
  /** The classes of every ancestor (with their `:even` forms). */
  ancestors: Set<string>;
  track?: string;
  /** Custom properties set in style attributes here and above. */
  vars: Record<string, string>;
}

/** The custom properties of a style attribute ("--c:#0072b2;--c-dark:#56b4e9"); other declarations are ignored. */
function customProperties(style: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of (style ?? '').matchAll(/(--[\w-]+)\s*:\s*([^;]+)/g)) out[m[1]] = m[2].trim();
  return out;
}

function resolve(value: string, theme: PaintTheme, scope: Omit<Scope, 'ancestors'>): string {
  if (!value.startsWith('@')) return value;
  const token = value.slice(1);
  if (token.startsWith('--')) {
    const v = scope.vars[token];
    if (!v) throw new Error(`paint: no ${token} set on the element or above`);
    return v.toLowerCase();
  }
  if (token === 'tc') return (scope.track && theme.tracks[scope.track]) || theme.muted;
  const colour = theme[token as keyof ThemeTokens];
  if (!colour) throw new Error(`paint: no theme colour "${token}"`);
  return colour;
}

function paintNode(
  node: SvgNode,
  index: number,
  rules: readonly PaintRule[],
  theme: PaintTheme,
  scope: Scope,
): SvgNode | null {
  const own = (node.attrs.class ?? '').split(/\s+/).filter(Boolean);
  const classes = new Set(own);
  const track = own.map((c) => TRACK_CLASS.exec(c)?.[1]).find(Boolean) ?? scope.track;
  const vars = { ...scope.vars, ...customProperties(node.attrs.style) };
  const set: Record<string, string> = {};
  for (const rule of rules) {
    if (rule.theme && rule.theme !== theme.name) continue;
    if (rule.tag && rule.tag !== node.tag) continue;
    if (rule.classes && !rule.classes.every((c) => classes.has(c))) continue;
    if (rule.within && !scope.ancestors.has(rule.within)) continue;
    Object.assign(set, rule.set);
  }
  if (set.display === 'none') return null;
  delete set.display;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(node.attrs)) if (!PAGE_ONLY.test(k)) attrs[k] = v;
  for (const [k, v] of Object.entries(set)) attrs[k] = resolve(v, theme, { track, vars });
  // A link is a group in an image: nothing to follow.
  const tag = node.tag === 'a' ? 'g' : node.tag;
  const even = (index + 1) % 2 === 0;
  const inner: Scope = {
    ancestors: new Set([...scope.ancestors, ...own, ...(even ? own.map((c) => `${c}:even`) : [])]),
    track,
    vars,
  };
  const children = (node.children ?? [])
    .map((child, i) => paintNode(child, i, rules, theme, inner))
    .filter((c): c is SvgNode => c !== null);
  // A group left empty (e.g. the links of a selection the image has not) draws nothing.
  if (tag === 'g' && children.length === 0) return null;
  return {
    key: node.key,
    tag,
    attrs,
    ...(node.text !== undefined ? { text: node.text } : {}),
    ...(children.length ? { children } : {}),
  };
}

/** The tree with its classes resolved to presentation attributes (elements a rule hides, and empty groups, left out). */
export function paint(
  layers: readonly SvgNode[],
  rules: readonly PaintRule[],
  theme: PaintTheme,
  root: { classes?: string[]; track?: string } = {},
): SvgNode[] {
  const scope: Scope = { ancestors: new Set(root.classes ?? []), track: root.track, vars: {} };
  return layers.map((n, i) => paintNode(n, i, rules, theme, scope)).filter((c): c is SvgNode => c !== null);
}
