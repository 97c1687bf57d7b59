// Social cards (og:image), 1200×630, light theme: the site title, a date/track line, the page's
// title on up to three lines, a thin strip of the whole timeline with the page's event (or the
// chart's period) marked, and the publisher. Returns SVG markup; text in DejaVu Sans.
// Emoji are dropped from the drawn text (withoutEmoji): DejaVu has no glyph for them, and resvg would draw
// an empty box. (A monochrome emoji TTF is on npm, but drawing it would mean a second font for resvg and for
// the line-breaking metrics of render.ts; one font keeps every card's text measured as it is drawn.)
// composeSocialCard({ siteTitle, title, kicker, strip, publisher, url, colours })
import type { MarkShape } from '../../lib/timeline/shapes';
import { symbolPath, translatePath } from '../../lib/timeline/shapes';
import { svgNodeToString, type SvgNode } from '../../lib/svg';
import type { ThemeColours } from './chart-image';
import { element, fmt, svgDocument } from './svg-element';
import { FONT_STACK, measureText } from './render';
import { fitLines, truncate } from '../../lib/text/wrap';

import { SOCIAL_CARD_HEIGHT, SOCIAL_CARD_WIDTH } from '../../lib/images/paths';

export { SOCIAL_CARD_HEIGHT, SOCIAL_CARD_WIDTH };
const MARGIN = 72;
const INNER = SOCIAL_CARD_WIDTH - 2 * MARGIN;

export interface StripMark {
  /** Start (and end, for spans) in ms since the epoch. */
  start: number;
  end?: number;
  /** Row: the track's position from the top. */
  row: number;
  colour: string;
  shape: MarkShape;
}

export interface TimelineStrip {
  /** The period shown, ms since the epoch. */
  from: number;
  to: number;
  rows: number;
  marks: StripMark[];
  /** The page's event, drawn large with a rule through the strip. */
  marked?: StripMark;
  /** A period to shade (a chart's window). */
  band?: { start: number; end: number };
  /** Axis labels: [time, text]. */
  labels: [number, string][];
}

export interface SocialCardInput {
  siteTitle: string;
  title: string;
  /** The date/track line: text, with an optional track symbol before `label`. */
  kicker?: { date?: string; label?: string; shape?: MarkShape; colour?: string };
  strip?: TimelineStrip;
  publisher: string;
  /** Shown at the bottom right, e.g. "news.example.org/explainers/x". */
  url: string;
  colours: ThemeColours;
}

// Emoji, whole: a pictograph from U+2300 on (below it, DejaVu draws every one: ©, ™, arrows) or a flag
// letter, with what joins it (skin tones, presentation selectors, keycaps, tags, zero-width joins to the
// next one), a keycap sequence, or a stray emoji presentation selector.
const PICTOGRAPH = String.raw`(?:(?![\u0000-\u22FF])\p{Extended_Pictographic}|\p{Regional_Indicator})`;
const JOINED = String.raw`[\u{1F3FB}-\u{1F3FF}\uFE0E\uFE0F\u20E3\u{E0020}-\u{E007F}]*`;
const EMOJI = String.raw`[#*0-9]\uFE0F?\u20E3|${PICTOGRAPH}${JOINED}(?:\u200D${PICTOGRAPH}${JOINED})*|\uFE0F`;
/** Emoji and the spaces before them. */
const EMOJI_RUN = new RegExp(String.raw`\s*(?:${EMOJI})+`, 'gu');

/** Text without its emoji (and the spaces they leave), for fonts that have none; other text as it was. */
export function withoutEmoji(text: string): string {
  const out = text.replace(EMOJI_RUN, '');
  return out === text ? text : out.trim();
}

/** Lays out a social card; returns SVG markup. Emoji are dropped from the text it draws. */
export function composeSocialCard(card: SocialCardInput): string {
  const k = card.kicker;
  const input: SocialCardInput = {
    ...card,
    siteTitle: withoutEmoji(card.siteTitle),
    title: withoutEmoji(card.title),
    publisher: withoutEmoji(card.publisher),
    kicker: k && { ...k, label: k.label && withoutEmoji(k.label) },
  };
  const c = input.colours;
  const W = SOCIAL_CARD_WIDTH;
  const H = SOCIAL_CARD_HEIGHT;
  const body: SvgNode[] = [
    element('rect', { width: W, height: H, fill: c.bg }),
    element('rect', { width: W, height: 10, fill: c.accent }),
  ];

  // Site title.
  // Site title: one line, smaller before it is cut (a translated title runs longer).
  const site = fitLines(input.siteTitle, INNER, 1, [24, 22, 20, 18], (s, size) => measureText(s, size, 700));
  body.push(
    element('text', { x: MARGIN, y: 78, 'font-size': site.size, 'font-weight': 700, fill: c.accent }, site.lines),
  );

  // Date and track.
  let top = 116;
  if (input.kicker && (input.kicker.date || input.kicker.label)) {
    const k = input.kicker;
    let x = MARGIN;
    const baseline = top + 26;
    if (k.date) {
      body.push(element('text', { x, y: baseline, 'font-size': 27, 'font-weight': 700, fill: c.fg }, [k.date]));
      x += measureText(k.date, 27, 700);
    }
    if (k.label) {
      if (k.date) {
        body.push(element('text', { x: x + 12, y: baseline, 'font-size': 27, fill: c.muted }, ['·']));
        x += 12 + measureText('·', 27) + 14;
      }
      if (k.shape) {
        body.push(
          element('path', {
            d: symbolPath(k.shape, 9),
            transform: `translate(${fmt(x + 10)},${fmt(baseline - 9)})`,
            fill: k.colour ?? c.fg,
          }),
        );
        x += 30;
      }
      body.push(
        element('text', { x, y: baseline, 'font-size': 27, fill: c.fg }, [
          truncate(k.label, MARGIN + INNER - x, (s) => measureText(s, 27)),
        ]),
      );
    }
    top += 54;
  }

  // Title: up to three lines, smaller before it is cut.
  const stripTop = input.strip ? 436 : H - 80;
  const room = stripTop - 24 - top;
  const sizes = [62, 56, 50, 44, 40].filter((s) => s * 1.18 * 2 + s <= room || s === 40);
  const title = fitLines(input.title, INNER, 3, sizes, (s, size) => measureText(s, size, 700), true);
  const lineHeight = Math.round(title.size * 1.18);
  title.lines.forEach((line, i) => {
    body.push(
      element(
        'text',
        {
          x: MARGIN,
          y: top + title.size * 0.95 + i * lineHeight,
          'font-size': title.size,
          'font-weight': 700,
          fill: c.fg,
        },
        [line],
      ),
    );
  });

  const strip = input.strip ? drawStrip(input.strip, stripTop, c) : [];

  // Publisher and address.
  const baseline = H - 34;
  const footer: SvgNode[] = [];
  footer.push(element('rect', { x: MARGIN, y: baseline - 40, width: INNER, height: 1, fill: c.rule }));
  footer.push(
    element('text', { x: MARGIN, y: baseline, 'font-size': 24, 'font-weight': 700, fill: c.fg }, [input.publisher]),
  );
  const publisherW = measureText(input.publisher, 24, 700);
  const url = truncate(input.url, INNER - publisherW - 40, (s) => measureText(s, 22));
  footer.push(
    element('text', { x: MARGIN + INNER, y: baseline, 'font-size': 22, 'text-anchor': 'end', fill: c.muted }, [url]),
  );

  const root = element('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    width: W,
    height: H,
    viewBox: `0 0 ${W} ${H}`,
    role: 'img',
    'font-family': FONT_STACK,
  });
  // svgDocument(root) with these children, written out here so that the strip's markup, the same on
  // every card of a site (thousands of marks), is written once (stripMarkup).
  const children = [element('title', {}, [card.title]), ...body, ...strip, ...footer];
  const markup = children.map((n) => (typeof n === 'string' ? n : svgNodeToString(n))).join('');
  return svgDocument(root).replace(/<\/svg>\n$/, () => `${markup}</svg>\n`);
}

/**
 * The timeline strip: one thin row per track, every event as a small mark (as markup, stripMarkup),
 * the page's event large.
 */
function drawStrip(strip: TimelineStrip, top: number, c: ThemeColours): (SvgNode | string)[] {
  const out: (SvgNode | string)[] = [stripMarkup(strip, top, c)];
  const { x, rowY, height } = stripScale(strip, top);
  if (strip.marked) {
    const m = strip.marked;
    const mx = x(m.start);
    if (m.end !== undefined && x(m.end) - mx > 3) {
      out.push(element('rect', { x: mx, y: rowY(m.row) - 3, width: x(m.end) - mx, height: 6, fill: m.colour }));
    }
    out.push(element('rect', { x: mx - 1.25, y: top - 10, width: 2.5, height: height + 22, fill: c.fg }));
    out.push(
      element('path', {
        d: symbolPath(m.shape, 10),
        transform: `translate(${fmt(mx)},${fmt(rowY(m.row))})`,
        fill: m.colour,
        stroke: c.bg,
        'stroke-width': 2.5,
      }),
    );
  }
  return out;
}

/** The strip's scales: x of a time, y of a row's middle, and the height of its rows. */
function stripScale(strip: TimelineStrip, top: number) {
  const rowH = 8;
  return {
    x: (t: number) => MARGIN + ((t - strip.from) / (strip.to - strip.from || 1)) * INNER,
    rowY: (row: number) => top + 6 + row * rowH + rowH / 2,
    height: Math.max(1, strip.rows) * rowH,
  };
}

/** The markup of the strips drawn so far, by their marks, then by everything else they are drawn from. */
const stripCache = new WeakMap<readonly StripMark[], Map<string, string>>();

/** The strip without the page's event, as markup: the same for every event's card, so written once. */
function stripMarkup(strip: TimelineStrip, top: number, c: ThemeColours): string {
  const key = JSON.stringify([strip.from, strip.to, strip.rows, strip.band, strip.labels, top, c]);
  let byRest = stripCache.get(strip.marks);
  if (!byRest) stripCache.set(strip.marks, (byRest = new Map()));
  let markup = byRest.get(key);
  if (markup === undefined) {
    markup = stripNodes(strip, top, c).map(svgNodeToString).join('');
    byRest.set(key, markup);
  }
  return markup;
}

/** The strip's panel, its band, every event's mark and the axis. */
function stripNodes(strip: TimelineStrip, top: number, c: ThemeColours): SvgNode[] {
  const out: SvgNode[] = [];
  const { x, rowY, height } = stripScale(strip, top);
  out.push(element('rect', { x: MARGIN, y: top, width: INNER, height: height + 12, fill: c.panel }));
  if (strip.band) {
    const x1 = x(Math.max(strip.from, strip.band.start));
    const x2 = x(Math.min(strip.to, strip.band.end));
    out.push(
      element('rect', {
        x: x1,
        y: top - 6,
        width: Math.max(3, x2 - x1),
        height: height + 18,
        fill: c.accent,
        'fill-opacity': 0.18,
      }),
    );
  }
  // Bars first, then the marks of each track as one path (a strip can hold a few thousand).
  const symbols = new Map<string, { colour: string; d: string[] }>();
  for (const m of strip.marks) {
    const y = rowY(m.row);
    if (m.end !== undefined && x(m.end) - x(m.start) > 3) {
      out.push(
        element('rect', {
          x: x(m.start),
          y: y - 1.5,
          width: x(m.end) - x(m.start),
          height: 3,
          fill: m.colour,
          'fill-opacity': 0.55,
        }),
      );
    }
    const key = `${m.shape}|${m.colour}`;
    if (!symbols.has(key)) symbols.set(key, { colour: m.colour, d: [] });
    symbols.get(key)!.d.push(translatePath(symbolPath(m.shape, 3), x(m.start), y));
  }
  for (const { colour, d } of symbols.values()) out.push(element('path', { d: d.join(''), fill: colour }));
  // Axis: ticks and labels below the strip.
  const axisY = top + height + 12;
  out.push(element('rect', { x: MARGIN, y: axisY, width: INNER, height: 1.5, fill: c.muted }));
  for (const [t, label] of strip.labels) {
    const tx = x(t);
    out.push(element('rect', { x: tx - 0.75, y: axisY, width: 1.5, height: 7, fill: c.muted }));
    const w = measureText(label, 18);
    const anchorX = Math.min(MARGIN + INNER - w / 2, Math.max(MARGIN + w / 2, tx));
    out.push(
      element('text', { x: anchorX, y: axisY + 28, 'font-size': 18, 'text-anchor': 'middle', fill: c.muted }, [label]),
    );
  }
  return out;
}
