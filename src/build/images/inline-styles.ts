// Turns a chart's <svg> from a built page into a standalone one: every colour, stroke and font
// setting the page's CSS gives it is written as presentation attributes (CSS classes and custom
// properties resolved for one theme), and what only serves interaction — tab stops, links, hit
// areas, focus rings, data and ARIA attributes — is removed. No <style>, no class.
// const standalone = inlineSvgStyles(svgElement, new StyleResolver(rules, { theme: 'light', width: 1200 }));
import { PROPERTIES, type StyleResolver } from './css';
import { parsePaint } from './colour';
import type { MarkupElement, MarkupNode } from './markup';

/** The properties written as presentation attributes (display and color are used, not written). */
export const PRESENTATION_PROPERTIES = Object.keys(PROPERTIES).filter((p) => p !== 'display' && p !== 'color');

const SHAPES = new Set(['rect', 'circle', 'ellipse', 'line', 'path', 'polygon', 'polyline']);
/** Elements whose content is geometry or a paint server, never drawn in place. */
const NO_CULL = new Set(['clippath', 'mask', 'symbol', 'marker']);
const DROP_TAGS = new Set(['script', 'style', 'title', 'desc', 'foreignobject', 'metadata']);
const TEXT_TAGS = new Set(['text', 'tspan', 'textpath']);

type Used = Map<string, string>;

/** A copy of `svg` with resolved presentation attributes and without interactive-only parts. */
export function inlineSvgStyles(svg: MarkupElement, resolver: StyleResolver): MarkupElement {
  const out = convert(svg, resolver, null, false);
  if (!out) throw new Error('the chart SVG is hidden in this theme (display: none)');
  return out;
}

/** The used values of an element: currentColor resolved, colour alpha folded into the opacities. */
export function usedValues(el: MarkupElement, resolver: StyleResolver): Used {
  const { props } = resolver.computed(el);
  const used: Used = new Map();
  for (const p of PRESENTATION_PROPERTIES) used.set(p, props.get(p)!);
  const colour = props.get('color')!;
  for (const [paint, opacity] of [
    ['fill', 'fill-opacity'],
    ['stroke', 'stroke-opacity'],
  ] as const) {
    let v = props.get(paint)!;
    if (v === 'currentcolor') v = colour;
    const parsed = parsePaint(v) ?? { colour: v, alpha: 1 };
    used.set(paint, parsed.colour);
    const o = parseFloat(used.get(opacity)!);
    used.set(opacity, String(Math.round((Number.isNaN(o) ? 1 : o) * parsed.alpha * 1000) / 1000));
  }
  return used;
}

function isInvisible(tag: string, used: Used): boolean {
  if (parseFloat(used.get('opacity')!) === 0) return true;
  if (!SHAPES.has(tag)) return false;
  const noFill = used.get('fill') === 'none' || parseFloat(used.get('fill-opacity')!) === 0;
  const noStroke =
    used.get('stroke') === 'none' ||
    parseFloat(used.get('stroke-width')!) === 0 ||
    parseFloat(used.get('stroke-opacity')!) === 0;
  return noFill && noStroke;
}

function keepAttribute(tag: string, name: string): boolean {
  const n = name.toLowerCase();
  if (n === 'class' || n === 'style' || n === 'tabindex' || n === 'role' || n === 'focusable' || n === 'font-family')
    return false;
  if (n.startsWith('aria-') || n.startsWith('data-') || n.startsWith('on')) return false;
  if (tag === 'a' && (n === 'href' || n === 'xlink:href' || n === 'target' || n === 'rel' || n === 'download'))
    return false;
  if (n in PROPERTIES) return false;
  return true;
}

function convert(
  el: MarkupElement,
  resolver: StyleResolver,
  parentUsed: Used | null,
  inNoCull: boolean,
): MarkupElement | null {
  const tag = el.tag.toLowerCase();
  if (DROP_TAGS.has(tag)) return null;
  const { props } = resolver.computed(el);
  if (props.get('display') === 'none') return null;
  const used = usedValues(el, resolver);
  if (!inNoCull && isInvisible(tag, used)) return null;

  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(el.attrs)) if (keepAttribute(tag, k)) attrs[k] = v;
  for (const p of PRESENTATION_PROPERTIES) {
    const v = used.get(p)!;
    const def = PROPERTIES[p];
    const textProp = TEXT_TAGS.has(tag) && (p === 'text-anchor' || p === 'dominant-baseline');
    const write =
      parentUsed === null || !def.inherited
        ? v !== def.initial
        : v !== parentUsed.get(p) || (textProp && v !== def.initial);
    if (write) attrs[p] = v;
  }

  const children: MarkupNode[] = [];
  const copy: MarkupElement = { type: 'element', tag: tag === 'a' ? 'g' : el.tag, attrs, children, parent: null };
  const childNoCull = inNoCull || NO_CULL.has(tag);
  for (const c of el.children) {
    if (c.type === 'text') {
      children.push({ type: 'text', text: c.text });
      continue;
    }
    const converted = convert(c, resolver, used, childNoCull);
    if (converted) {
      converted.parent = copy;
      children.push(converted);
    }
  }
  // A group left with nothing to draw goes too.
  if ((copy.tag === 'g' || copy.tag === 'a') && !attrs.id && !children.some((c) => c.type === 'element')) return null;
  return copy;
}
