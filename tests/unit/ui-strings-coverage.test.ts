// Every word the engine writes into a chart, an image, a data file or the details panel comes from the
// UI strings (src/lib/ui/strings*.ts) or from content/, never from a literal in code. The engine is run
// with a language whose every string is wrapped in «…» (uiStrings is mocked to return it), on the real
// content and on the second story; then each text node and accessible name of every companion chart
// (both variants), every chart image (timeline, key figures included), the CSV headers and the event
// details must read as marked words, content text, dates and numbers only. An English word left in a
// library literal ("No holder recorded", "day 5", "(did not happen)") is none of these and fails here,
// whichever file it is in; a scan of source literals would miss words built by templates and pass
// words that no reader sees. The same runs in Spanish, where month names are marked words too (they come
// from `ui.dates`): an English date left in a chart ("7 June 2019", "Jun") fails there.
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { chartImageSvgs, createImageContext } from '../../src/build/images/build';
import { displayUrl } from '../../src/build/images/context';
import { loadTimelineData } from '../../src/build/data/load';
import { chartModel } from '../../src/lib/charts/models';
import { svgNodeToString } from '../../src/lib/svg';
import { sortEvents } from '../../src/lib/timeline/chronology';
import { eventDetails } from '../../src/lib/timeline/details';
import { eventsToCsv, seriesToCsv } from '../../src/lib/timeline/exports';
import type { TimelineData } from '../../src/lib/timeline/schema';
import { uiStrings, type UiStrings } from '../../src/lib/ui/strings';

vi.mock('../../src/lib/ui/strings', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/lib/ui/strings')>();
  /** The same strings, each wrapped in «…»: texts, the results of sentence functions, list items. */
  /** The same strings, each wrapped in «…»; the language's codes stay as they are (Intl reads them). */
  const mark = (v: unknown): unknown => {
    if (typeof v === 'string') return `«${v}»`;
    if (typeof v === 'function') return (...args: unknown[]) => mark(v(...args));
    if (Array.isArray(v)) return v.map(mark);
    if (v && typeof v === 'object')
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, k === 'lang' || k === 'locale' ? x : mark(x)]));
    return v;
  };
  const marked = { en: mark(real.en) as UiStrings, es: mark(real.uiStrings('es')) as UiStrings };
  return { ...real, uiStrings: (language: string) => (language.startsWith('es') ? marked.es : marked.en) };
});

const MONTH =
  /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?/g;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]);

/** Every string in the content, for "is this text the content's?". */
function contentStrings(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const v of value) contentStrings(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) contentStrings(v, out);
  return out;
}

/**
 * The parts of `text` that are neither marked UI words, nor content, nor dates and numbers: what the
 * engine wrote itself. Marked parts (innermost first, as sentences nest words) are cut out; each part
 * left (split at punctuation that joins pieces) must have no letters once month names and compact
 * numbers ("150k") are gone, or be found whole-word in some content string (a wrapped line of a title,
 * a surname).
 */
function unmarked(text: string, content: readonly string[], months: RegExp | null = MONTH): string[] {
  let rest = decode(text);
  while (/«[^«»]*»/.test(rest)) rest = rest.replace(/«[^«»]*»/g, '\n');
  // A line of a wrapped marked paragraph (an image's source line) holds its start or its end only.
  rest = rest.replace(/«[^»]*$/, '').replace(/^[^«]*»/, '');
  return (
    rest
      .split(/\n|;|\s[·|–—]\s|, |: |\(|\)/)
      .map((p) => p.trim())
      .filter((p) => /\p{L}/u.test((months ? p.replace(months, '') : p).replace(/\b\d[\d.,]*[kM]\b/g, '')))
      // A figure's number before its unit from the content ("6,000 Guard members").
      .map((p) => p.replace(/^[\d.,%\s]+(?=\p{L})/u, ''))
      // A content line cut to fit ("… to press Mexico on…"): its words before the ellipsis.
      .map((p) => p.replace(/…$/, ''))
      .filter((p) => {
        const whole = new RegExp(`(^|[^\\p{L}])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}])`, 'u');
        return !content.some((c) => c.includes(p) && whole.test(c));
      })
  );
}

/** Text nodes and accessible names of an SVG or HTML string. */
const textsOf = (markup: string) => [
  ...[...markup.matchAll(/>([^<>]+)</g)].map((m) => m[1]),
  ...[...markup.matchAll(/aria-label="([^"]*)"/g)].map((m) => m[1]),
];

function load(dir: string): TimelineData {
  const raw = loadTimelineData(resolve(dir));
  return { ...raw, tracks: [...raw.tracks].sort((a, b) => a.order - b.order), events: sortEvents(raw.events) };
}

const RUNS = ['content/data', 'tests/fixtures/other-story/data'].flatMap((dir) => [
  [dir, 'en'],
  [dir, 'es'],
]);

describe.each(RUNS)('the engine’s words on %s, in %s', (dir, language) => {
  const raw = load(dir);
  const data = { ...raw, site: { ...raw.site, language } };
  const ui = uiStrings(language);
  const content = contentStrings(raw);
  const companions = data.charts.filter((c) => ['series', 'steps', 'period', 'posts'].includes(c.kind));
  // English month names are dates there; in Spanish a month comes marked from ui.dates, or it is a leak.
  const months = language === 'en' ? MONTH : null;
  // …and on the second story, whose text names months only in its chart titles (drawn whole on the images),
  // a Spanish chart's text may not pass as content through an English date: a date the engine wrote in
  // English fails there.
  const titles = new Set(raw.charts.map((c) => c.title));
  const matchable =
    language === 'en' || !dir.includes('other-story')
      ? content
      : content.map((c) => (titles.has(c) ? c : c.replace(MONTH, '\u0000')));
  const check = (texts: string[]) => [...new Set(texts.flatMap((t) => unmarked(t, matchable, months)))];

  it.each(companions.flatMap((c) => (['wide', 'narrow'] as const).map((v) => [c.id, v, c] as const)))(
    'chart %s, %s: texts, tooltips and legend',
    (_id, variant, spec) => {
      const model = chartModel(spec, data, variant, ui);
      expect(check([...textsOf(svgNodeToString(model.svg)), ...model.legend.map((l) => l.label)])).toEqual([]);
    },
  );

  it.each(data.charts.map((c) => [c.id, c] as const))('image of %s', (_id, chart) => {
    const ctx = createImageContext({ outDir: '/nonexistent', base: '/', site: 'http://localhost:4321', data });
    const svgs = chartImageSvgs(ctx, chart);
    content.push(displayUrl(ctx));
    if (matchable !== content) matchable.push(displayUrl(ctx));
    expect(check([...textsOf(svgs.light), ...textsOf(svgs.dark)])).toEqual([]);
  });

  it('CSV headers and fixed cell words', () => {
    const firstLines = [eventsToCsv(data, ui), ...data.series.map((s) => seriesToCsv(s, ui))].map(
      (csv) => csv.split(/\r?\n/)[0],
    );
    expect(check(firstLines.flatMap((l) => l.split(',')))).toEqual([]);
    const rows = eventsToCsv(data, ui).replace(/«[^«»]*»/g, '');
    expect(rows).not.toMatch(/\(did not happen\)|On the sources:|\(read at </);
  });

  it('the details panel of every event', () => {
    const details = Object.values(eventDetails(data, ui));
    const texts = details.flatMap((d) => [
      d.dateText,
      ...d.milestones,
      ...d.figures,
      ...d.notes,
      ...d.related.map((r) => r.label),
    ]);
    expect(check(texts)).toEqual([]);
  });
});

describe('unmarked', () => {
  const content = ['Guillén resigns at the request of the president', 'Ebrard'];
  it('lets marked words, content, dates and numbers through', () => {
    expect(unmarked('«Source:» Ebrard', content)).toEqual([]);
    expect(unmarked('7 June 2019 «(day 3)»\nGuillén resigns', content)).toEqual([]);
    expect(unmarked('«Scheduled, «never imposed»»', content)).toEqual([]);
    expect(unmarked('150k', content)).toEqual([]);
  });
  it('finds words the engine wrote itself', () => {
    expect(unmarked('No holder recorded in this period', content)).toEqual(['No holder recorded in this period']);
    expect(unmarked('7 June 2019 (day 3)', content)).toEqual(['day 3']);
    expect(unmarked('«Source:» Ebrard via wire', content)).toEqual(['Ebrard via wire']);
    expect(unmarked('resign', content)).toEqual(['resign']);
  });
});
