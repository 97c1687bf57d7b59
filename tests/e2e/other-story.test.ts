// The engine tells any story: build a second, different one (tests/fixtures/other-story: a 35-day
// government shutdown, four tracks, no series, a period chart, a right-to-left title) and check that
// no word of the main story reaches its output — pages, CSVs, JSON, sitemap, headers, and the text of
// its images — and that, with no series, nothing offers or names one.
// The build skips the PNGs (SKIP_IMAGES) to stay fast; the test composes the SVGs they are drawn from,
// chart images and social cards, and reads their text instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { buildSite } from './browser';
import { findAll, parseMarkup, type MarkupElement, type MarkupNode } from '../support/markup';
import { chartImageSvgs, createImageContext } from '../../src/build/images/build';
import { socialCards } from '../../src/build/images/social-cards';
import type { TimelineData } from '../../src/lib/timeline/schema';

const FIXTURE = resolve('tests/fixtures/other-story');
const out = join(mkdtempSync(join(tmpdir(), 'timeline-other-story-')), 'dist');

/** Words of the main story's subject that no other story would use, matched as word beginnings ("tariffs"). */
const FIXED = [
  'Mexico',
  'Mexican',
  'tariff',
  'Ebrard',
  'Guatemala',
  'asylum',
  'migrant',
  'migration',
  'border',
  'apprehension',
  'Trump',
  'INM',
];

/** Fixed words that are also CSS property names, which the engine's scripts set (frame.style.border). */
const CSS_WORDS = new Set(['border']);

const yamlOf = (file: string) => parse(readFileSync(join('content/data', file), 'utf8'));

/**
 * The main story’s own names, read from content/: actors’ names (and each word of five letters or more of a
 * person’s name: "Ebrard", not "Mark"), places, track labels, glossary terms and their aliases (a term
 * "National Guard (Mexico)" gives "National Guard" and "Mexico").
 */
function mainStoryWords(): string[] {
  const actors: { name: string; kind: string }[] = yamlOf('actors.yaml').actors;
  const events: { place?: { name: string } }[] = yamlOf('events.yaml');
  const tracks: { label: string }[] = yamlOf('tracks.yaml');
  const glossary: { term: string; aliases?: string[] }[] = yamlOf('glossary.yaml');
  const phrases = [
    ...actors.map((a) => a.name),
    ...actors.filter((a) => a.kind === 'person').flatMap((a) => a.name.split(/\s+/).filter((w) => w.length > 4)),
    // "Agua Prieta, Sonora": the place and its region.
    ...events.flatMap((e) => (e.place ? [e.place.name, ...e.place.name.split(/,\s*/)] : [])),
    ...tracks.map((t) => t.label),
    ...glossary.flatMap((g) => [g.term, ...(g.aliases ?? [])]),
  ];
  // A name in brackets ("(Mexico)", "(INM)") counts too; a description ("Veracruz (state)") does not.
  const words = phrases.flatMap((p) => {
    const inner = /^(.*?)\s*\(([^)]+)\)\s*$/.exec(p);
    return inner ? [p, inner[1], ...(/^\p{Lu}/u.test(inner[2]) ? [inner[2]] : [])] : [p];
  });
  return [...new Set(words.map((w) => w.trim()).filter((w) => w.length > 2))];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** One pattern per word: derived names whole, the fixed words as word beginnings; case-insensitive. */
function wordPatterns(derived: string[]): { word: string; re: RegExp }[] {
  return [
    ...derived.map((word) => ({ word, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}(?![\\p{L}\\p{N}])`, 'iu') })),
    ...FIXED.map((word) => ({ word, re: new RegExp(`(?<![\\p{L}\\p{N}])${escape(word)}`, 'iu') })),
  ];
}

// Attributes that hold the engine's drawing and styling, never words a reader sees.
const DRAWING_ATTRS = new Set(['class', 'style', 'd', 'transform', 'viewbox', 'points', 'src', 'integrity']);

/** A page's or an image's text: its text nodes and attribute values, without styles, code and drawing. */
function markupText(source: string): string {
  const parts: string[] = [];
  const walk = (node: MarkupNode) => {
    if (typeof node === 'string') return void parts.push(node);
    if (node.tag === 'style') return;
    if (node.tag === 'script' && node.attrs.type !== 'application/ld+json') return;
    for (const [name, value] of Object.entries(node.attrs)) if (!DRAWING_ATTRS.has(name)) parts.push(value);
    node.children.forEach(walk);
  };
  walk(parseMarkup(source));
  return parts.join('\n');
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? listFiles(join(dir, d.name), `${prefix}${d.name}/`) : [`${prefix}${d.name}`],
  );
}

/**
 * Every text of the build a reader or a tool gets: path → text. Scripts are read whole (no story word
 * belongs in the engine's code); stylesheets and PNGs are not (CSS names its "border" properties).
 */
function outputTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const path of listFiles(out)) {
    if (/\.(css|png)$/.test(path)) continue;
    const raw = readFileSync(join(out, path), 'utf8');
    texts.set(path, /\.(html|svg)$/.test(path) ? markupText(raw) : raw);
  }
  // The images' text, from the SVGs the build renders its PNGs from.
  process.env.CONTENT_DIR = FIXTURE;
  const data: TimelineData = JSON.parse(texts.get('data/timeline.json')!);
  const ctx = createImageContext({ outDir: out, base: '/', site: 'https://example.org', data });
  for (const chart of data.charts)
    for (const [theme, svg] of Object.entries(chartImageSvgs(ctx, chart)))
      texts.set(`(image) chart ${chart.id}, ${theme}`, markupText(svg));
  for (const card of socialCards(ctx)) texts.set(`(image) ${card.path}`, markupText(card.compose()));
  return texts;
}

/** "file: word" for each main-story word found in each text. */
function findWords(texts: Map<string, string>, patterns: { word: string; re: RegExp }[]): string[] {
  const found: string[] = [];
  for (const [path, text] of texts)
    for (const { word, re } of patterns) {
      if (path.endsWith('.js') && CSS_WORDS.has(word)) continue;
      const m = re.exec(text);
      if (m) found.push(`${path}: "${word}" in “…${text.slice(Math.max(0, m.index - 40), m.index + 40)}…”`);
    }
  return found;
}

let texts: Map<string, string>;
beforeAll(() => {
  const result = buildSite({ CONTENT_DIR: FIXTURE, OUT_DIR: out, SKIP_IMAGES: '1', SITE_URL: '' });
  expect(result.status, result.output).toBe(0);
  // Built without SITE_URL: the build says what that means for a site put online.
  expect(result.output).toMatch(/SITE_URL is not set, so the embed codes[^]*name http:\/\/localhost:4321/);
  texts = outputTexts();
}, 300_000);
afterAll(() => rmSync(dirname(out), { recursive: true, force: true }));

describe('another newsroom’s story (tests/fixtures/other-story)', () => {
  it('derives the main story’s words from content/', () => {
    const words = mainStoryWords();
    expect(words.length).toBeGreaterThan(50);
    // The check finds a planted word, whole or in its parenthesis, and only as a word.
    const planted = new Map([
      ['index.html', 'Talks with the Guardia Nacional resumed.'],
      ['data/charts/x.csv', 'id,tariffs\n'],
      ['ok.txt', 'reborders and antitariff tables'],
    ]);
    expect(findWords(planted, wordPatterns(words)).map((f) => f.split(':')[0])).toEqual([
      'index.html',
      'data/charts/x.csv',
    ]);
  });

  it('builds pages, data and images in which no word of the main story appears', () => {
    expect(texts.size).toBeGreaterThan(30);
    const found = findWords(texts, wordPatterns(mainStoryWords()));
    expect(found, found.join('\n')).toEqual([]);
  });

  it('offers and names no series when the content has none', () => {
    const offending = [...texts]
      .filter(([path]) => /\.(html|xml|txt)$/.test(path) || path === '_headers')
      .flatMap(([path, text]) => {
        const m = /\bseries\b|border-apprehensions/i.exec(text);
        return m ? [`${path}: “…${text.slice(Math.max(0, m.index - 60), m.index + 40)}…”`] : [];
      });
    expect(offending, offending.join('\n')).toEqual([]);
  });

  it('shows the right-to-left title, and the footer and downloads the content holds', () => {
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    const footer = findAll(parseMarkup(home), (e) => e.tag === 'footer')[0] as MarkupElement;
    const links = findAll(footer, (e) => e.tag === 'a').map((a) => a.attrs.href);
    expect(links).toEqual(['/data/timeline.json', '/data/timeline.csv', '/data/timeline.schema.json', '/embed/']);
    expect(markupText(home)).toContain('Every event cites its sources.');
    // The fixture has people but no posts: the data set is described as it is.
    expect(markupText(home)).toMatch(/— events, tracks and people\s*\n/);
    expect(texts.get('chronology/index.html')).toContain('الموظفون الفيدراليون ينتظرون رواتبهم');
  });
});
