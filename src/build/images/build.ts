// The image step of the build: for every chart, /images/<id>.svg|png and <id>-dark.svg|png from
// the SVG of its built embed page; for the home page, every chart and every event, a 1200×630
// social card in /images/social/. Runs after Astro has written the site (src/integrations/images.ts).
// await buildImages({ outDir: 'dist', base: '/', site: 'https://example.org', data })
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { formatDateRange, parsePartialDate, partialDateMidpoint } from '../../lib/dates';
import type { ChartSpec, TimelineData } from '../../lib/timeline/schema';
import { findChartSource, pageStyles } from './chart-source';
import { CHART_IMAGE_WIDTH, composeChartImage, type ThemeColours } from './chart-image';
import { parsePaint } from './colour';
import { parseStylesheet, StyleResolver, type StyleRule } from './css';
import { inlineSvgStyles } from './inline-styles';
import { findFirst, parseMarkup, serializeXml, type MarkupElement } from './markup';
import { paintedBox, renderPng } from './render';
import { chartImagePath, socialCardPath, SOCIAL_CARD_WIDTH } from '../../lib/images/paths';
import { composeSocialCard, type StripMark, type TimelineStrip } from './social-card';

export type Theme = 'light' | 'dark';
export const THEMES: readonly Theme[] = ['light', 'dark'];
/** The PNGs of charts are rendered at twice the 1200-unit design: 2400 px wide. */
export const CHART_PNG_SCALE = 2;

/** A failure of the image step, naming what it was drawing (one line). */
export class ImageBuildError extends Error {
  constructor(subject: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Images: ${subject}: ${reason.replace(/\s*\n\s*/g, ' ')}`);
    this.name = 'ImageBuildError';
  }
}

export interface ImageContext {
  outDir: string;
  /** The site's base path, e.g. '/explainers/x/'. */
  base: string;
  /** The site's origin, e.g. 'https://example.org'. */
  site: string;
  data: TimelineData;
  styles: Map<string, StyleRule[]>;
}

export function createImageContext(options: {
  outDir: string;
  base: string;
  site: string;
  data: TimelineData;
}): ImageContext {
  return { ...options, base: `/${options.base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/'), styles: new Map() };
}

/** The site's address without the scheme, for the images' credit line: "example.org/explainers/x/". */
export function displayUrl(ctx: ImageContext): string {
  const url = new URL(ctx.base, ctx.site);
  return `${url.host}${url.pathname}`.replace(/\/$/, '');
}

/** The file a site href refers to in the output folder (null for other origins). */
function fileOfHref(ctx: ImageContext, href: string, pagePath: string): string | null {
  const url = new URL(href, new URL(pagePath, `http://site.invalid${ctx.base}`));
  const own = new URL(ctx.site);
  if (url.host !== 'site.invalid' && url.host !== own.host) return null;
  let path = decodeURIComponent(url.pathname);
  if (path.startsWith(ctx.base)) path = path.slice(ctx.base.length);
  else path = path.replace(/^\/+/, '');
  return join(ctx.outDir, path);
}

function readPage(ctx: ImageContext, pagePath: string): MarkupElement {
  const file = join(ctx.outDir, pagePath);
  let html: string;
  try {
    html = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`the built page ${pagePath} is missing`);
  }
  return parseMarkup(html);
}

/** The style rules a page links (cached per stylesheet). */
function pageRules(ctx: ImageContext, doc: MarkupElement, pagePath: string): StyleRule[] {
  const { hrefs, inline } = pageStyles(doc);
  const rules: StyleRule[] = [];
  for (const href of hrefs) {
    const file = fileOfHref(ctx, href, pagePath);
    if (!file) continue;
    let parsed = ctx.styles.get(file);
    if (!parsed) {
      let css: string;
      try {
        css = readFileSync(file, 'utf8');
      } catch {
        throw new Error(`the stylesheet ${href} that ${pagePath} links is missing`);
      }
      parsed = parseStylesheet(css);
      ctx.styles.set(file, parsed);
    }
    rules.push(...parsed);
  }
  for (const css of inline) rules.push(...parseStylesheet(css));
  return rules;
}

function htmlElement(doc: MarkupElement): MarkupElement {
  const html = findFirst(doc, (e) => e.tag.toLowerCase() === 'html');
  if (!html) throw new Error('the page has no <html> element');
  return html;
}

/** The site's theme colours, used where a page's CSS does not give one. */
const FALLBACK_COLOURS: Record<Theme, ThemeColours> = {
  light: { bg: '#ffffff', fg: '#1a1a1a', muted: '#595959', rule: '#d0d0d0', panel: '#f4f4f2', accent: '#8a4b00' },
  dark: { bg: '#111111', fg: '#ececec', muted: '#b0b0b0', rule: '#3a3a3a', panel: '#1c1c1c', accent: '#f0b35a' },
};

/** The theme's colours (the page's --bg, --fg … on :root), as #rrggbb. */
function themeColours(resolver: StyleResolver, html: MarkupElement, theme: Theme): ThemeColours {
  const custom = resolver.computed(html).custom;
  const pick = (name: keyof ThemeColours) => {
    const p = parsePaint(custom.get(`--${name}`) ?? '');
    return p && p.colour.startsWith('#') ? p.colour : FALLBACK_COLOURS[theme][name];
  };
  return {
    bg: pick('bg'),
    fg: pick('fg'),
    muted: pick('muted'),
    rule: pick('rule'),
    panel: pick('panel'),
    accent: pick('accent'),
  };
}

/** A chart's standalone image as SVG, in both themes, from its built embed page. */
export function chartImageSvgs(ctx: ImageContext, chart: ChartSpec): Record<Theme, string> {
  const pagePath = `embed/${chart.id}/index.html`;
  const doc = readPage(ctx, pagePath);
  const rules = pageRules(ctx, doc, pagePath);
  const html = htmlElement(doc);
  const out = {} as Record<Theme, string>;
  let box: { x: number; y: number; width: number; height: number } | undefined;
  for (const theme of THEMES) {
    // The page as it is with ?theme=<theme>: data-theme on <html>, and the system setting to match.
    html.attrs['data-theme'] = theme;
    const resolver = new StyleResolver(rules, { theme, width: CHART_IMAGE_WIDTH });
    const source = findChartSource(doc, resolver, `chart-${chart.id}`);
    if (!source.svg && source.cards.length === 0 && source.notes.length === 0) {
      throw new Error(`${pagePath} has no chart drawing (<svg>), figure cards or note in its <figure>`);
    }
    const svg = source.svg ? inlineSvgStyles(source.svg, resolver) : null;
    if (svg && !box) box = chartBox(svg);
    const legend = source.legend.map((entry) => ({
      icon: entry.icon ? inlineSvgStyles(entry.icon, resolver) : null,
      text: entry.text,
    }));
    const { svg: markup } = composeChartImage({
      title: chart.title,
      caption: source.caption ?? chart.caption,
      source: chart.source,
      publisher: ctx.data.site.publisher,
      url: displayUrl(ctx),
      colours: themeColours(resolver, html, theme),
      chart: svg && box ? { svg, box } : null,
      legend,
      notes: source.notes,
      cards: source.cards,
      description: source.caption ?? chart.caption,
    });
    out[theme] = markup;
  }
  return out;
}

/** The part of a chart to show: its viewBox, grown to anything drawn outside it (the page shows overflow). */
function chartBox(svg: MarkupElement): { x: number; y: number; width: number; height: number } {
  const vb = (svg.attrs.viewBox ?? '').split(/[\s,]+/).map(Number);
  const view =
    vb.length === 4 && vb.every(Number.isFinite)
      ? { x: vb[0], y: vb[1], width: vb[2], height: vb[3] }
      : { x: 0, y: 0, width: parseFloat(svg.attrs.width) || 600, height: parseFloat(svg.attrs.height) || 400 };
  const d = paintedBox(
    serializeXml({ ...svg, attrs: { ...svg.attrs, xmlns: 'http://www.w3.org/2000/svg' } }),
    view,
    Math.round(view.width / 5),
  );
  if (!d) return view;
  const x1 = Math.min(view.x, d.x - 2);
  const y1 = Math.min(view.y, d.y - 2);
  const x2 = Math.max(view.x + view.width, d.x + d.width + 2);
  const y2 = Math.max(view.y + view.height, d.y + d.height + 2);
  return { x: x1, y: y1, width: x2 - x1, height: y2 - y1 };
}

// ---------------------------------------------------------------------------------------------
// Social cards

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The timeline strip of the social cards: every event of the story's period, one row per track. */
export function timelineStrip(data: TimelineData): TimelineStrip {
  const from = parsePartialDate(data.site.period.start).start.getTime();
  const to = parsePartialDate(data.site.period.end).end.getTime();
  const rowOf = new Map(data.tracks.map((t, i) => [t.id, i]));
  const trackOf = new Map(data.tracks.map((t) => [t.id, t]));
  const all = data.events
    .filter((e) => trackOf.has(e.track))
    .map((e) => ({
      start: partialDateMidpoint(e.date),
      end: e.end ? partialDateMidpoint(e.end) : undefined,
      row: rowOf.get(e.track)!,
      colour: trackOf.get(e.track)!.colour,
      shape: trackOf.get(e.track)!.shape,
    }))
    .filter((m) => m.start >= from && m.start <= to);
  const marks = thinStripMarks(all, from, to);
  // Labels at the quarters (years at January; the first label carries its year).
  const labels: [number, string][] = [];
  const first = new Date(from);
  let y = first.getUTCFullYear();
  let m = first.getUTCMonth();
  if (first.getUTCDate() !== 1 || first.getUTCHours() !== 0) m += 1;
  for (;;) {
    if (m > 11) ((m -= 12), (y += 1));
    const t = Date.UTC(y, m, 1);
    if (t > to) break;
    if (m % 3 === 0 || labels.length === 0)
      labels.push([t, m === 0 ? String(y) : labels.length === 0 ? `${SHORT_MONTHS[m]} ${y}` : SHORT_MONTHS[m]]);
    m += 1;
  }
  // A long period: years only.
  const shown = labels.length > 9 ? labels.filter(([, text]) => /^\d{4}$/.test(text) || /\d{4}$/.test(text)) : labels;
  return { from, to, rows: data.tracks.length, marks, labels: shown };
}

/**
 * The strip's marks without those that would be drawn on top of an identical one: marks of the
 * same row whose start (and end) fall in the same 1/600 of the period (under 2 px of the 1,056-px
 * strip, where a mark is 6 px wide). A site of 10,000 events thus draws at most 600 marks a row.
 */
export function thinStripMarks(marks: readonly StripMark[], from: number, to: number, steps = 600): StripMark[] {
  const step = (to - from) / steps || 1;
  const seen = new Set<string>();
  const out: StripMark[] = [];
  for (const m of marks) {
    const key = `${m.row}:${Math.round((m.start - from) / step)}:${m.end === undefined ? '' : Math.round((m.end - from) / step)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(m);
  }
  return out;
}

/** The dates a chart covers, for its card's band and date line. */
export function chartRange(chart: ChartSpec, data: TimelineData): { start: string; end: string } | undefined {
  switch (chart.kind) {
    case 'timeline':
      return chart.window
        ? { start: chart.window.start, end: chart.window.end }
        : { start: data.site.period.start, end: data.site.period.end };
    case 'period':
      return { start: chart.start, end: chart.end };
    case 'posts':
      return { start: chart.from, end: chart.to };
    case 'series': {
      const months = data.series
        .find((s) => s.id === chart.series)
        ?.months.map((m) => m.month)
        .sort();
      return months?.length ? { start: months[0], end: months[months.length - 1] } : undefined;
    }
    case 'steps': {
      const event = data.events.find((e) => e.id === chart.event);
      if (!event) return undefined;
      const dates = [event.date, event.end, ...event.milestones.map((m) => m.date)]
        .filter((d): d is string => !!d)
        .sort();
      return { start: dates[0], end: dates[dates.length - 1] };
    }
    default:
      return undefined;
  }
}

/** The light theme's colours as the site's CSS sets them (read from the built home page). */
function lightColours(ctx: ImageContext): ThemeColours {
  try {
    const doc = readPage(ctx, 'index.html');
    const html = htmlElement(doc);
    html.attrs['data-theme'] = 'light';
    return themeColours(
      new StyleResolver(pageRules(ctx, doc, 'index.html'), { theme: 'light', width: CHART_IMAGE_WIDTH }),
      html,
      'light',
    );
  } catch {
    return FALLBACK_COLOURS.light;
  }
}

/** The title of a built page (its og:title), if it has one. */
function pageTitle(ctx: ImageContext, pagePath: string): string | undefined {
  const doc = readPage(ctx, pagePath);
  const meta = findFirst(doc, (e) => e.tag.toLowerCase() === 'meta' && e.attrs.property === 'og:title');
  return meta?.attrs.content || undefined;
}

export interface SocialCard {
  /** Site path of the PNG, e.g. 'images/social/event-x.png'. */
  path: string;
  subject: string;
  /** Composes the card's SVG (when it is drawn: 10,000 cards' SVGs at once would fill the memory). */
  compose: () => string;
}

/** Every social card of the site: home, one per chart, one per event. */
export function socialCards(ctx: ImageContext): SocialCard[] {
  const { data } = ctx;
  const colours = lightColours(ctx);
  const strip = timelineStrip(data);
  const common = { siteTitle: data.site.title, publisher: data.site.publisher, url: displayUrl(ctx), colours };
  const cards: SocialCard[] = [];
  const card = (path: string, subject: string, make: () => string) => {
    cards.push({
      path,
      subject,
      compose: () => {
        try {
          return make();
        } catch (error) {
          throw new ImageBuildError(subject, error);
        }
      },
    });
  };
  card(socialCardPath('home'), 'the home page social card', () =>
    composeSocialCard({
      ...common,
      title: pageTitle(ctx, 'index.html') ?? data.site.title,
      kicker: {
        date: formatDateRange(data.site.period.start, data.site.period.end),
        label: `${data.events.length} events`,
      },
      strip,
    }),
  );
  for (const chart of data.charts) {
    card(socialCardPath('chart', chart.id), `chart "${chart.id}" social card`, () => {
      const range = chartRange(chart, data);
      let band = range
        ? { start: parsePartialDate(range.start).start.getTime(), end: parsePartialDate(range.end).end.getTime() }
        : undefined;
      // A band over (nearly) the whole strip says nothing.
      if (band && Math.min(band.end, strip.to) - Math.max(band.start, strip.from) >= 0.95 * (strip.to - strip.from))
        band = undefined;
      return composeSocialCard({
        ...common,
        title: chart.title,
        kicker: { date: 'Chart', label: range ? formatDateRange(range.start, range.end) : undefined },
        strip: { ...strip, band },
      });
    });
  }
  const trackOf = new Map(data.tracks.map((t, i) => [t.id, { track: t, row: i }]));
  for (const event of data.events) {
    card(socialCardPath('event', event.id), `event "${event.id}" social card`, () => {
      const t = trackOf.get(event.track);
      if (!t) throw new Error(`unknown track "${event.track}"`);
      return composeSocialCard({
        ...common,
        title: event.title,
        kicker: {
          date: formatDateRange(event.date, event.end),
          label: t.track.label,
          shape: t.track.shape,
          colour: t.track.colour,
        },
        strip: {
          ...strip,
          marked: {
            start: partialDateMidpoint(event.date),
            end: event.end ? partialDateMidpoint(event.end) : undefined,
            row: t.row,
            colour: t.track.colour,
            shape: t.track.shape,
          },
        },
      });
    });
  }
  return cards;
}

// ---------------------------------------------------------------------------------------------
// The whole step

export interface ImageBuildResult {
  /** Site paths and sizes in bytes of every file written. */
  files: { path: string; bytes: number }[];
  /** Milliseconds spent composing the SVGs and rendering the PNGs. */
  timings: { compose: number; render: number };
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await task(items[next++]);
  });
  await Promise.all(workers);
}

/** Writes every chart image and social card into `outDir/images/`. Throws ImageBuildError naming the chart or event. */
export async function buildImages(options: {
  outDir: string;
  base: string;
  site: string;
  data: TimelineData;
  concurrency?: number;
}): Promise<ImageBuildResult> {
  const started = performance.now();
  const ctx = createImageContext(options);
  const files: ImageBuildResult['files'] = [];
  const write = (path: string, content: string | Buffer) => {
    const file = join(ctx.outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    files.push({ path, bytes: Buffer.byteLength(content) });
  };
  const renders: { path: string; subject: string; svg: () => string; width: number }[] = [];

  for (const chart of ctx.data.charts) {
    const subject = `chart "${chart.id}"`;
    let svgs: Record<Theme, string>;
    try {
      svgs = chartImageSvgs(ctx, chart);
    } catch (error) {
      throw new ImageBuildError(subject, error);
    }
    for (const theme of THEMES) {
      write(chartImagePath(chart.id, 'svg', theme), svgs[theme]);
      renders.push({
        path: chartImagePath(chart.id, 'png', theme),
        subject,
        svg: () => svgs[theme],
        width: CHART_IMAGE_WIDTH * CHART_PNG_SCALE,
      });
    }
  }
  for (const card of socialCards(ctx))
    renders.push({ path: card.path, subject: card.subject, svg: card.compose, width: SOCIAL_CARD_WIDTH });

  const poolStart = performance.now();
  let composeInPool = 0;
  // Biggest first, so the pool does not end on one long render. The social cards' SVGs are
  // composed as the pool reaches them (on this thread, while resvg draws others on its threads).
  renders.sort((a, b) => b.width - a.width);
  await pool(renders, options.concurrency ?? availableParallelism(), async (r) => {
    const t = performance.now();
    const svg = r.svg();
    composeInPool += performance.now() - t;
    let png: Buffer;
    try {
      png = await renderPng(svg, r.width);
    } catch (error) {
      throw new ImageBuildError(r.subject, error);
    }
    write(r.path, png);
  });
  files.sort((a, b) => a.path.localeCompare(b.path));
  const end = performance.now();
  return { files, timings: { compose: poolStart - started + composeInPool, render: end - poolStart - composeInPool } };
}
