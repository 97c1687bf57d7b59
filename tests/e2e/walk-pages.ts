// The pages the browser walk (walk.test.ts) visits, and the template of each built page.
// Pages: every built page that is not an event page, a sample of event pages chosen by rule (so that the one
// event template is seen with each of its parts), and one page of each template.
// Templates, by rule: a page's template is the route file in src/pages that builds it (the language folder
// taken off; a [param] segment stands for any one segment; a static route wins over a dynamic one), split
// by the kind of chart a page shows alone (<html data-chart="id">, an embed; the kind from the data). So a
// new route or chart kind is a new template without a change here, and a page that no route builds has no
// template (the walk fails on it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { listPages, parseTags } from '../../scripts/lib/site-check.mjs';
import type { TimelineData } from '../../src/lib/timeline/schema';

type Event = TimelineData['events'][number];

/** The optional parts the event page draws. */
const PARTS: (keyof Event)[] = [
  'end',
  'dateInferred',
  'place',
  'body',
  'sourcingNote',
  'figures',
  'milestones',
  'links',
  'notes',
  'updates',
];

/**
 * The sample of events, by rule: the first and the last by date, the one with the longest title and the
 * one with the most sources; then, while a track or an optional part the event page draws (an end date, an
 * inferred date, a place, a body, a sourcing note, figures, milestones, links, notes, updates) is in no
 * chosen event, the event with the most of those not yet seen (the earliest on a tie). So every track and
 * every part is seen, on as few pages as the rule finds.
 */
export function eventSample(events: Event[]): Event[] {
  const byDate = [...events].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  if (!byDate.length) return [];
  const most = (score: (e: Event) => number) =>
    byDate.reduce((best, e) => (score(e) > score(best) ? e : best), byDate[0]);
  const features = (e: Event) => [
    `track ${e.track}`,
    ...PARTS.filter((part) => {
      const value = e[part];
      return Array.isArray(value) ? value.length > 0 : Boolean(value);
    }),
  ];
  const chosen = new Set([
    byDate[0],
    byDate[byDate.length - 1],
    most((e) => e.title.length),
    most((e) => e.sources.length),
  ]);
  const seen = new Set([...chosen].flatMap(features));
  for (;;) {
    const gain = (e: Event) => features(e).filter((f) => !seen.has(f)).length;
    const next = most(gain);
    if (gain(next) === 0) break;
    chosen.add(next);
    for (const f of features(next)) seen.add(f);
  }
  return [...chosen];
}

export interface Walk {
  /** The pages to walk, sorted. */
  pages: string[];
  /** Every built page. */
  all: string[];
  /** Template → its built pages. */
  templates: Map<string, string[]>;
  /** Template → the page that stands for it: its largest in the default language (the most to check). */
  representatives: Map<string, string>;
  /** Built pages that no route builds. */
  unmatched: string[];
}

/**
 * The pages to walk, by rule (see the header). `folders` are the other languages' folders ('es/'): each
 * gets every page but event pages, and the first and last event by date.
 */
export function walkPages(dist: string, data: TimelineData, folders: string[] = []): Walk {
  const all = listPages(dist);
  const sample = new Set(eventSample(data.events).map((e) => `events/${e.id}/index.html`));
  const below = (p: string) => {
    const folder = folders.find((f) => p.startsWith(f));
    return folder ? p.slice(folder.length) : p;
  };
  // In another language the templates are the same and only the words change: its event pages are
  // the sample's first and last by date.
  const ends = eventSample(data.events)
    .slice(0, 2)
    .map((e) => `events/${e.id}/index.html`);
  const missing = [...sample].filter((p) => !all.includes(p));
  if (missing.length) throw new Error(`event pages not built: ${missing.join(', ')}`);
  const routes = pageRoutes();
  const kinds = new Map(data.charts.map((c) => [c.id, c.kind]));
  const templates = new Map<string, string[]>();
  const unmatched: string[] = [];
  const size = new Map<string, number>();
  for (const page of all) {
    const html = readFileSync(join(dist, page), 'utf8');
    size.set(page, html.length);
    const template = templateOf(page, html, routes, folders, kinds);
    if (template === undefined) unmatched.push(page);
    else templates.set(template, [...(templates.get(template) ?? []), page]);
  }
  const representatives = new Map<string, string>();
  for (const [template, members] of templates) {
    const own = members.filter((p) => below(p) === p);
    const largest = (own.length ? own : members).reduce((a, b) => (size.get(b)! > size.get(a)! ? b : a));
    representatives.set(template, largest);
  }
  const chosen = new Set(representatives.values());
  const pages = all.filter((p) => {
    const rest = below(p);
    if (!rest.startsWith('events/') || chosen.has(p)) return true;
    return rest === p ? sample.has(rest) : ends.includes(rest);
  });
  return { pages, all, templates, representatives, unmatched };
}

/** Names that look like custom elements but are SVG/MathML's own. */
const RESERVED = new Set([
  'annotation-xml',
  'color-profile',
  'font-face',
  'font-face-src',
  'font-face-uri',
  'font-face-format',
  'font-face-name',
  'missing-glyph',
]);

/** The custom elements of a page's tags (parseTags), sorted. */
export function customElementNames(tags: { name: string }[]): string[] {
  const names = tags.map((t) => t.name).filter((n) => n.includes('-') && !RESERVED.has(n));
  return [...new Set(names)].sort();
}

interface Route {
  /** The route file, relative to the pages folder ('events/[id].astro'). */
  file: string;
  match: RegExp;
}

/**
 * The routes that build HTML pages: every .astro/.md/.mdx/.html file under `dir` (endpoints, .ts, build
 * other files), static ones first. 'x/index.astro' builds x/index.html; 'x.astro' builds x/index.html (or
 * x.html, as 404.astro builds 404.html).
 */
export function pageRoutes(dir = 'src/pages'): Route[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(astro|mdx?|html)$/.test(name)) files.push(relative(dir, full).split('\\').join('/'));
    }
  };
  walk(dir);
  const params = (file: string) => file.split('[').length;
  return files
    .sort((a, b) => params(a) - params(b) || a.localeCompare(b))
    .map((file) => {
      const stem = file.replace(/\.[a-z]+$/, '');
      const pattern = stem
        .split('/')
        .map((part) =>
          part.startsWith('[...') ? '.+' : part.startsWith('[') ? '[^/]+' : part.replace(/[.*+?^${}()|\\]/g, '\\$&'),
        )
        .join('/');
      return {
        file,
        match: new RegExp(/(^|\/)index$/.test(stem) ? `^${pattern}\\.html$` : `^${pattern}(/index)?\\.html$`),
      };
    });
}

/**
 * Each built page's template (see the header), or undefined when no route builds it. `folders` are the
 * other languages' folders ('es/'); `kinds` gives a chart's kind by its id.
 */
export function templateOf(
  page: string,
  html: string,
  routes: Route[],
  folders: string[],
  kinds: Map<string, string>,
): string | undefined {
  const folder = folders.find((f) => page.startsWith(f));
  const rest = folder ? page.slice(folder.length) : page;
  const route = routes.find((r) => r.match.test(rest));
  if (!route) return undefined;
  // Only the part before <head> is parsed: the <html> tag is there, and parsing all 180 pages takes seconds.
  const head = html.search(/<head[\s>]/);
  const chart = parseTags(head < 0 ? html : html.slice(0, head)).find((t) => t.name === 'html')?.attrs['data-chart'];
  return chart === undefined ? route.file : `${route.file} (${kinds.get(chart) ?? `unknown chart ${chart}`} chart)`;
}
