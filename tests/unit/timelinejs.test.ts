// `npm run import`'s conversion of TimelineJS timelines: the YAML it writes, the rows it reports, and the
// HTML it turns into the safe Markdown subset (checked by rendering the Markdown and reading the HTML).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { marked } from 'marked';
import { parseFragment } from 'parse5';
import { parse } from 'yaml';
import { partialDateProblem } from '../../src/lib/dates';
import { fromHtml, firstSentence } from '../../scripts/lib/timelinejs-markdown.mjs';
import { COLUMNS, parseCsv, readTimelineJs } from '../../scripts/lib/timelinejs-read.mjs';
import { convertRows, slug, toYaml } from '../../scripts/lib/timelinejs.mjs';

const convert = (text: string, sourceKind?: string) =>
  convertRows(readTimelineJs(text), { dateProblem: partialDateProblem, sourceKind });

/** A CSV of the template's columns from rows given by column name. */
function csv(rows: Record<string, string>[]): string {
  const quote = (v = '') => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => quote(r[c])).join(','))].join('\r\n') + '\r\n';
}

/** Every element the Markdown renders to (with marked, as the site does), as "tag attr=value …". */
function renderedElements(markdown: string): string[] {
  const found: string[] = [];
  const walk = (nodes: any[]) => {
    for (const n of nodes) {
      if (n.tagName) found.push([n.tagName, ...n.attrs.map((a: any) => `${a.name}=${a.value}`)].join(' '));
      if (n.childNodes) walk(n.childNodes);
    }
  };
  walk(parseFragment(marked.parse(markdown, { async: false })).childNodes);
  return found;
}

describe('TimelineJS HTML to the safe Markdown subset', () => {
  it('keeps paragraphs, emphasis, lists and http(s) links, and nothing else', () => {
    const { markdown } = fromHtml(
      '<p class="lead">One <em>two</em> <b>three</b>.</p><ul><li>a</li><li>b<ol><li>c</li></ol></li></ul>' +
        '<h2>Heading</h2><blockquote>Quoted <cite>someone</cite></blockquote><a href="https://example.org/x(y)">link</a>',
    );
    expect(markdown).toBe(
      'One *two* **three**.\n\n- a\n- b\n  1. c\n\nHeading\n\nQuoted someone\n\n[link](https://example.org/x%28y%29)',
    );
    expect(renderedElements(markdown)).toEqual([
      'p',
      'em',
      'strong',
      'ul',
      'li',
      'li',
      'ol',
      'li',
      'p',
      'p',
      'p',
      'a href=https://example.org/x%28y%29',
    ]);
  });

  it('drops scripts, handlers, frames, forms, styles and links that are not http(s)', () => {
    const planted =
      '<p onclick="steal()">Safe<script>alert(1)</script> text</p><img src=x onerror="alert(2)">' +
      '<a href="javascript:alert(3)">js</a> <a href=" jav&#x09;ascript:alert(4)">tab</a> <a href="data:text/html,x">data</a>' +
      '<iframe src="https://example.org/frame"></iframe><meta http-equiv="refresh" content="0;url=https://example.org">' +
      '<base href="https://example.org/"><form action="https://example.org"><input name=a></form><style>p{}</style>' +
      '<svg onload="alert(5)"><a href="https://example.org">svg</a></svg> <a href="/relative">rel</a>';
    const { markdown, links } = fromHtml(planted);
    expect(markdown).toBe('Safe text\n\njs tab data rel');
    expect(renderedElements(markdown)).toEqual(['p', 'p']);
    expect(links).toEqual([]);
  });

  it('escapes text that Markdown would read as markup', () => {
    const { markdown } = fromHtml(
      '<p>&lt;img src=x onerror=alert(1)&gt; *not em* [not](javascript:alert(1)) &amp;lt; ~x~ `c` a@example.org</p>' +
        '<p># not a heading</p><p>1985. Not a list</p><p>- not an item</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>',
    );
    const html = marked.parse(markdown, { async: false });
    expect(renderedElements(markdown)).toEqual(['p', 'p', 'p', 'p', 'p']);
    expect(html).toContain(
      '&lt;img src=x onerror=alert(1)&gt; *not em* [not](javascript:alert(1)) &amp;lt; ~x~ `c` a@example.org',
    );
    expect(html).toContain('<p># not a heading</p>\n<p>1985. Not a list</p>\n<p>- not an item</p>');
  });

  it('cuts a first sentence at a word, past titles and initials', () => {
    expect(firstSentence('Dr. Ada J. Byron wrote notes. Then she left.', 280)).toBe('Dr. Ada J. Byron wrote notes.');
    expect(firstSentence('one two three four five six', 14)).toBe('one two three…');
  });
});

describe('reading TimelineJS files', () => {
  it('reads quoted CSV fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b, ""c""",d\r\n"e\nf",,\n')).toEqual([
      ['a', 'b, "c"', 'd'],
      ['e\nf', '', ''],
    ]);
  });

  it('refuses a CSV without the template columns, naming them', () => {
    expect(() => readTimelineJs('Date,Title\n2019,x\n')).toThrow(
      'This is not a TimelineJS spreadsheet: it has no "Year" or "Headline" column.',
    );
  });

  it('makes ids from headlines, unique', () => {
    expect(slug('Rózsa Péter: “Recursive Functions” (1951)')).toBe('rozsa-peter-recursive-functions-1951');
    expect(slug('word '.repeat(20))).toBe('word-word-word-word-word-word-word-word-word-word-word-word');
  });
});

describe('TimelineJS rows to events and tracks', () => {
  it('writes this exact YAML for a small spreadsheet', () => {
    const { events, tracks, site } = convert(
      csv([
        { Headline: 'The harbour timeline', Text: 'A made-up story. It has two events.', Type: 'title' },
        {
          Year: '2021',
          Month: '3',
          Day: '9',
          'End Year': '2021',
          'End Month': '3',
          'End Day': '12',
          Headline: 'Crane installed',
          Text: '<p>A crane was <i>installed</i>, said the <a href="https://example.org/crane">port</a>.</p>',
          Group: 'Works & repairs',
        },
        {
          Year: '2022',
          Headline: 'Ferry: new timetable',
          Media: 'https://example.org/ferry',
          'Media Credit': 'Ferry company',
          'Media Caption': 'The timetable',
        },
      ]),
      'newspaper',
    );
    expect(site).toEqual({ title: 'The harbour timeline', description: 'A made-up story. It has two events.' });
    expect(toYaml(events, 'Imported.')).toBe(`# Imported.

- id: crane-installed
  date: '2021-03-09'
  end: '2021-03-12'
  track: works-repairs
  title: Crane installed
  summary: A crane was installed, said the port.
  body: A crane was *installed*, said the [port](https://example.org/crane).
  importance: 2
  sources:
    - publisher: example.org
      kind: newspaper
      title: port
      url: 'https://example.org/crane'
- id: ferry-new-timetable
  date: '2022'
  track: events
  title: "Ferry: new timetable"
  summary: "Ferry: new timetable"
  importance: 2
  sources:
    - publisher: Ferry company
      kind: newspaper
      title: The timetable
      url: 'https://example.org/ferry'
`);
    expect(toYaml(tracks, 'Tracks.')).toBe(`# Tracks.

- id: works-repairs
  label: Works & repairs
  description: Works & repairs
  order: 1
  colour: '#0072B2'
  colourDark: '#56B4E9'
  shape: circle
- id: events
  label: Events
  description: Events
  order: 2
  colour: '#D55E00'
  colourDark: '#E8762D'
  shape: square
`);
  });

  it('lists every row it could not convert, and why', () => {
    const { events, report } = convert(
      csv([
        { Headline: 'Title', Type: 'title' },
        { Year: '2020', Headline: 'Second title', Type: 'title' },
        {},
        { Year: '2021', 'End Year': '2022', Headline: 'An era', Type: 'era' },
        { Month: '5', Headline: 'No year' },
        { Year: '2021', Month: '13', Headline: 'Month 13' },
        { Year: '2021', Month: '2', Day: '30', Headline: 'February 30' },
        { Year: '2021', Day: '4', Headline: 'A day but no month' },
        { Year: 'c. 1900', Headline: 'Circa' },
        { Year: '-44', Headline: 'Before the common era' },
        { Year: '2021', Text: 'No headline' },
        { Year: '2021', 'End Year': 'soon', Headline: 'Bad end', Text: 'See <a href="https://example.org/e">e</a>.' },
        { Year: '2021', Headline: 'No source', Text: 'Nothing to link.' },
      ]),
    );
    expect(events.map((e) => e.id)).toEqual(['bad-end', 'no-source']);
    expect(report.map((r) => `${r.where}: ${r.skipped ? 'skipped' : 'check'}: ${r.message}`)).toEqual([
      `row 2: skipped: the title slide ("Title") gives the site's title and description`,
      'row 3: skipped: a second title slide; only the first one is used',
      `row 5: skipped: an era ("An era"): eras are not imported; add it to a timeline chart's "periods"`,
      'row 6: skipped: "No year": no year',
      'row 7: skipped: "Month 13": bad date: "2021-13" has month 13, but months run from 01 to 12',
      'row 8: skipped: "February 30": bad date: "2021-02-30" is not a real date: February 2021 has 28 days',
      'row 9: skipped: "A day but no month": bad date: it has a day (4) but no month',
      'row 10: skipped: "Circa": bad date: the year "c. 1900" is not a whole number',
      'row 11: skipped: "Before the common era": bad date: the year -44 is outside 1–9999, which the site cannot show',
      'row 12: skipped: no headline (the site needs a title for every event)',
      'row 13: check: "Bad end": the end date was left out: the year "soon" is not a whole number',
      'row 14: check: "No source": needs a source (it has no link in Text and no web address in Media)',
    ]);
    expect(events[1].sources).toEqual([]);
  });

  it("imports TimelineJS's sample spreadsheet", () => {
    const { events, tracks, site, report } = convert(
      readFileSync('tests/fixtures/timelinejs/women-in-computing.csv', 'utf8'),
    );
    expect(site.title).toBe('Women in Computing');
    expect(events).toHaveLength(10);
    expect(tracks.map((t) => t.id)).toEqual(['events']);
    expect(events.map((e) => e.date)).toEqual([
      '1815-12-10',
      '1948-03-14',
      '1943-07',
      '1943-06-05',
      '1951',
      '1952',
      '1956',
      '1958',
      '1972',
      '1985',
    ]);
    const ada = events[0];
    expect(ada.end).toBe('1852-11-27');
    expect(ada.sources.map((s: { url: string }) => s.url)).toEqual([
      'https://en.wikipedia.org/wiki/Ada_Lovelace',
      'https://en.wikipedia.org/wiki/Analytical_Engine',
    ]);
    // The media of a row without links is its source, credited to the Media Credit.
    expect(events[2].sources).toEqual([
      {
        publisher: 'Computer History Museum',
        kind: 'other',
        title: 'Jean Bartik talks about the ENIAC women',
        url: 'https://www.youtube.com/watch?v=aPweFhhXFvY',
      },
    ]);
    // The YAML reads back as the same data, whatever quotes, colons and dots the text holds.
    expect(parse(toYaml(events, 'x'))).toEqual(events);
    expect(parse(toYaml(tracks, 'x'))).toEqual(tracks);
    expect(report.map((r) => `${r.where}: ${r.message}`)).toEqual([
      `row 2: the title slide ("Women in Computing") gives the site's title and description`,
      'row 4: "Edith Clarke: Bucking the Trend": no text; the summary repeats the headline',
      'row 4: "Edith Clarke: Bucking the Trend": needs a source (it has no link in Text and no web address in Media)',
    ]);
  });

  it('imports a TimelineJS JSON file: groups to tracks, eras and bad slides reported, unsafe HTML dropped', () => {
    const { events, tracks, site, report } = convert(
      readFileSync('tests/fixtures/timelinejs/own-timeline.json', 'utf8'),
    );
    expect(site).toEqual({
      title: 'A sample harbour timeline',
      description: 'Made up for the tests of npm run import.',
    });
    expect(tracks.map((t) => [t.id, t.label, t.order])).toEqual([
      ['works', 'Works', 1],
      ['services', 'Services', 2],
    ]);
    expect(events.map((e) => [e.id, e.date, e.end, e.track])).toEqual([
      ['harbour-crane-installed', '2021-03-09', undefined, 'works'],
      ['summer-ferry-timetable', '2021-06', '2021-08', 'services'],
      ['harbour-crane-installed-2', '2021-09-01', undefined, 'works'],
    ]);
    expect(events[0].body).toBe(
      'A new crane was **installed** at the east quay. The [port authority](https://example.org/crane) announced it.\n\nSecond paragraph.',
    );
    expect(events[1].body).toBe('- More sailings\n- Later last boat');
    expect(events[2].body).toBe('It was moved to the west quay. Details.');
    expect(report.map((r) => `${r.where}: ${r.message}`)).toEqual([
      `the title slide: the title slide ("A sample harbour timeline") gives the site's title and description`,
      'event 3: "Harbour crane installed": needs a source (it has no link in Text and no web address in Media)',
      'event 4: "A date that does not exist": bad date: "2021-02-30" is not a real date: February 2021 has 28 days',
      'event 5: "An undated note": no year',
      'event 6: no headline (the site needs a title for every event)',
      `era 1: an era ("Rebuilding years"): eras are not imported; add it to a timeline chart's "periods"`,
    ]);
  });
});
