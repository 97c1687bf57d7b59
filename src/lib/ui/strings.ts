// The engine's own words: every fixed sentence, heading, button and label the site shows that does not
// come from content/. One object per language; `en` is the reference, and its type (UiStrings) is what
// any other language must fill in whole — the type checker lists every missing key. Sentences with
// numbers are functions; sentences with links are templates whose [text](key) parts become links
// (see links.ts), so a translation can move the link inside its sentence.
// The words inside charts, images, data files and the details panel are in strings-charts.ts, spread in
// below: one type for all. The story's own wording (what its series is called, what its footer says
// about its sources) lives in content/data/site.yaml, never here.
import type { DateWords } from '../dates';
import { dateWords } from '../i18n/intl';
import type { Source } from '../timeline/schema';
import { chartsEn, csvEn, milestonesEn, relationsEn, wordsEn } from './strings-charts';
import { es } from './strings-es';

const NUMBER_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** "six weeks", "ten days", "day", "17 days": a number of days as a reader would say it. */
export function spanInWords(days: number): string {
  if (days % 7 === 0 && days / 7 <= 10 && days >= 14) return `${NUMBER_WORDS[days / 7]} weeks`;
  if (days === 1) return 'day';
  return `${days <= 10 ? NUMBER_WORDS[days] : days} days`;
}

/** "a, b and c". */
const listOf = (items: string[]) =>
  items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

/** British dates ("7 June 2019"), with the three-letter abbreviations the axes have always had ("Sep"). */
const datesEn: DateWords = dateWords('en-GB', 'en');

/**
 * How many sources the events cite, and (a link to the sources page) how many the whole data does where
 * that is more: people's posts, figures and glossary terms cite their own. The sources page counts them all.
 */
const sourcesIn = (events: number, total: number) =>
  total > events
    ? `${events} for the events; [${total} in all](sources), with those of the rest of the data`
    : `${events} in all`;

export const en = {
  /** The language's BCP 47 code, and the Intl locale its dates and numbers are written in. */
  lang: 'en',
  locale: 'en-GB',
  /** Month names and date order, read from Intl: what dates.ts formats with. */
  dates: datesEn,
  skipLink: 'Skip to content',
  nav: {
    label: 'Site',
    chronology: 'Chronology',
    table: 'Table',
    glossary: 'Glossary',
    sources: 'Sources',
  },
  footer: {
    /** The footer's sentence about sources when site.yaml has no `notes.footer`. */
    sources: 'Every event cites its sources.',
    data: 'Data:',
    json: 'JSON',
    csv: 'CSV',
    seriesCsv: (name: string) => `${name} (CSV)`,
    schema: 'JSON Schema',
    embeds: 'Every chart can be embedded in another site: [embeds](embed).',
    published: 'Published',
    updated: 'updated',
  },
  home: {
    keyPoints: 'What you need to know',
    published: 'Published',
    updated: 'Updated',
    chronologyHeading: 'Every event, with its sources',
    chronology: (events: number, from: string, to: string, sources: number, total = sources) =>
      `The charts above draw ${events} events from ${from} to ${to}, each with its sources (${sourcesIn(sources, total)}). ` +
      'Read them as [a chronology](chronology), month by month, or as [a table](table) you can sort and filter; ' +
      'every event has its own page.',
    dataHeading: 'The data',
    dataIntro: 'Everything on this page comes from one data set, published for reuse:',
    /** What timeline.json holds: only the kinds the content has, then its series if any. */
    json: (has: { people: boolean; posts: boolean }, series?: string) =>
      listOf(['events', 'tracks', ...(has.people ? ['people'] : []), ...(has.posts ? ['posts'] : [])]) +
      (series ? `, and the ${series}` : ''),
    csv: 'one row per event, with its sources',
    schema: 'the JSON Schema of timeline.json',
  },
  downloads: {
    /** What a series is called when site.yaml does not name it: "…, and the data series". */
    seriesName: 'data series',
  },
  notFound: {
    title: 'Page not found',
    description: 'There is no page at this address. The whole chronology and its data are on the home page.',
    lede: 'There is no page at this address. It may have been mistyped, or the link that brought you here is out of date.',
    intro: 'Everything in this explainer starts from the home page:',
    home: '[The home page](home): the story in brief.',
    chronology: '[The chronology](chronology): every event in date order, each with its sources.',
    data: (series?: string) =>
      `[The data](data): the events${series ? ` and the ${series}` : ''} as [JSON](json) and [CSV](csv), free to reuse.`,
  },
  chronology: {
    title: 'Chronology',
    listName: (site: string) => `${site}: chronology`,
    description: (events: number, from: string, to: string) =>
      `All ${events} events, ${from} to ${to}, each with its sources.`,
    lede: (events: number, from: string, to: string, sources: number, total = sources) =>
      `${events} events from ${from} to ${to}, each with its sources (${sourcesIn(sources, total)}). ` +
      'The same events are in [a table](table) you can sort and filter, and each has [its own page](event).',
    tracks: 'Tracks',
    /** The heading of the events dated only to a year. */
    yearOnly: (year: number) => `${year} (month not known)`,
  },
  table: {
    title: 'All events in a table',
    description: 'Every event of the chronology in one table, with filters.',
    heading: 'All events',
    filters: 'Filter the events',
    track: 'Track',
    allTracks: 'All tracks',
    actor: 'Person or institution',
    anyone: 'Anyone',
    apply: 'Apply',
    clear: 'Clear filters',
    count: (n: number) => `${n} events`,
    caption: 'Events of the chronology, oldest first',
    captionNewest: 'Events of the chronology, newest first',
    date: 'Date',
    oldestFirst: '(oldest first)',
    newestFirst: '(newest first)',
    /** Filled in the browser: {shown} and {total} are numbers. */
    shown: '{shown} of {total} events shown',
    event: 'Event',
    who: 'Who',
    sources: 'Sources',
  },
  sources: {
    title: 'Sources and method',
    description: (n: number) => `How the data was gathered, and all ${n} sources by publisher.`,
    corrections: 'Corrections and updates',
    noCorrections: 'None so far.',
    all: (n: number) => `All sources (${n}), by publisher`,
    credited: 'Each source is credited to its original publisher.',
    kindsCaption: 'Sources by kind of publisher',
    kind: 'Kind',
    publishers: 'Publishers',
    sources: 'Sources',
    citedFor: 'Cited for:',
    /** How each kind of publisher is named: the table's row, its description, one publisher's kind. */
    kinds: {
      primary: {
        label: 'Primary documents',
        one: 'primary source',
        description: 'issued by a government, court, agency or organisation itself',
      },
      wire: { label: 'Wire services', one: 'wire service', description: 'news agencies such as AP, Reuters and AFP' },
      newspaper: {
        label: 'Newspapers and news sites',
        one: 'newspaper or news site',
        description: 'newspapers, magazines and news websites',
      },
      broadcaster: { label: 'Broadcasters', one: 'broadcaster', description: 'television and radio newsrooms' },
      other: {
        label: 'Other',
        one: 'other: blog, advocacy site, law firm, aggregator or mirror',
        description: 'blogs, advocacy sites, law-firm pages, aggregators and mirrors',
      },
    } satisfies Record<Source['kind'], { label: string; one: string; description: string }>,
  },
  glossary: {
    title: 'Glossary',
    description: 'The terms used in the story, explained.',
    empty: 'No terms yet.',
    also: 'also:',
    sources: 'Sources',
  },
  event: {
    breadcrumb: 'Breadcrumb',
    home: 'Home',
    chronology: 'Chronology',
    inferred: '(date inferred from the weekday the sources give)',
    contextTitle: 'Where it sits in the chronology',
    /** The small timeline's caption: `days` either side of the event ("six weeks", "ten days", "day"). */
    contextCaption: (days: number) => `The events of the ${spanInWords(days)} before and after, this one emphasised.`,
    /** When a crowded chronology leaves room for only the nearest events. */
    contextCaptionNearest: (n: number) => `The ${n} events nearest in time to this one, which is emphasised.`,
    /** Under a phone's chart that begins shortly before the event (narrowContextStart), when earlier ones are left out. */
    contextNarrowNote: (before: number) =>
      `On a narrow screen the chart begins ${before === 0 ? 'with this event' : `${before === 1 ? 'one event' : before === 2 ? 'two events' : `${before} events`} before this one`}; zoom out, or see the chronology, for the weeks before.`,
    contextSource: 'The sources listed on each event’s page',
    steps: 'Steps',
    figures: 'Figures',
    who: 'Who',
    related: 'Related events',
    notes: 'Notes on the sources',
    sources: 'Sources',
    updates: 'Updates',
    prevNext: 'Chronology',
    /** Above the title of the event before and after this one, in the links at the page's foot. */
    previousEvent: 'Previous event',
    nextEvent: 'Next event',
  },
  timeline: {
    label: (title: string, events: number) =>
      `${title}: a timeline of ${events} events. Use the arrow keys to move between events, Enter for details, ` +
      'plus and minus to zoom. The same events are listed in text on the chronology page.',
    zoom: 'Zoom',
    zoomIn: 'Zoom in',
    zoomInTitle: 'Zoom in (+)',
    zoomOut: 'Zoom out',
    zoomOutTitle: 'Zoom out (−)',
    reset: 'Reset',
    resetTitle: 'Show the whole period (0)',
    tracks: 'Tracks',
    showHide: 'Show or hide tracks',
    details: 'Event details',
    asList: (events: number) => `All ${events} events as a text list`,
    asTable: 'as a table',
  },
  /**
   * The interactive timeline's words, sent to the browser in the chart's payload (never in its script):
   * {name} parts are filled there.
   */
  timelineClient: {
    close: 'Close',
    closeLabel: 'Close the details',
    detailsLabel: 'Details: {title}',
    openPage: "Open the event's page",
    detailsFailed: 'Details could not be loaded. {link}.',
    cluster: '{count} events: zoom in to see them',
    hintMouse: 'Drag to pan · Ctrl+scroll or pinch to zoom',
    hintTouch: 'Drag to pan · pinch to zoom',
    showing: 'Showing {from} to {to}: {events} events shown, {groups} groups.',
    shown: '{events} events shown.',
    /** The marks' accessible names and the narrow chart's mixed groups, written by the layout. */
    layout: {
      cluster: '{date}, {track}: {count} events, grouped; zoom in to see them',
      /** A group of events of several tracks: its label, and its "track" in the accessible name. */
      mixed: '+{count} events',
      mixedTrack: 'events',
      didNotHappen: ' (did not happen)',
      milestones: milestonesEn,
      /** The dates the layout writes (ticks, names, the status line), formatted in the browser too. */
      dates: datesEn,
    },
  },
  list: {
    inferredTitle: 'Worked out from the weekday the sources give',
    inferred: '(date inferred)',
    steps: 'Steps',
    figures: 'Figures',
    note: 'Note:',
    sources: 'Sources:',
  },
  /** The details panel of an event (built once into /data/timeline-details.json). */
  details: {
    steps: 'Steps',
    figures: 'Figures',
    who: 'Who:',
    related: 'Related events',
    notes: 'Notes',
    sources: 'Sources',
    via: 'via',
    everything: 'Everything about this event',
  },
  copyWeRead: 'copy we read',
  embed: {
    summary: 'Embed',
    galleryLabel: 'Embed code and downloads',
    code: 'Embed code',
    hint:
      'Paste it into the HTML of your article. The chart takes the width of its column and sets its own height. ' +
      'In WordPress, paste the address of the preview on a line of its own instead.',
    copy: 'Copy code',
    copied: 'Copied',
    selected: 'Selected: press Ctrl+C (⌘C on a Mac) to copy',
    links: 'Preview and downloads',
    preview: 'Preview',
    previewOf: 'of the embed:',
    pngDark: 'PNG (dark)',
    csv: 'Data (CSV)',
  },
  figure: {
    showTable: 'Show the data as a table',
    tableLabel: (title: string) => `${title}: the data`,
    source: 'Source:',
  },
  charts: chartsEn,
  relations: relationsEn,
  milestones: milestonesEn,
  words: wordsEn,
  csv: csvEn,
  storyRail: {
    label: 'Where this section sits in the timeline',
    previous: 'Previous section',
    next: 'Next section',
  },
  embedGallery: {
    title: 'Embed the charts',
    description: (site: string) =>
      `Put the charts of “${site}” in your own article: embed code, themes, data and images.`,
    lede:
      'Every chart of this explainer can go into your own article. Copy its embed code below and paste it into ' +
      'your page’s HTML. The chart keeps its sources and links back to the full story.',
    how: 'How it works',
    /**
     * The "How it works" list: **strong**, *emphasis* and `code` (see rich.ts); {names} are filled by the
     * page: {scriptKb} the script's size, {exampleUrl} a chart's address, and code ({postMessage}, {pym},
     * {csp}, {pinned}, {oembed}) that must stay exact.
     */
    howItems: [
      'The code is an `<iframe>` and a small script (`embed.js`, {scriptKb} KB compressed, no dependencies). ' +
        'The iframe works on its own, at about the chart’s height; the script makes it exactly as tall as the ' +
        'chart, at every width. Several charts on one page share one script.',
      '**WordPress:** paste the chart’s address (its preview link below, for example `{exampleUrl}`) on a line ' +
        'of its own. WordPress finds the chart’s oEmbed description and shows it across the column, sized to the ' +
        'chart — up to 1000 px tall, WordPress’s limit; a taller chart scrolls inside its frame. Or put the ' +
        'embed code in a *Custom HTML* block (it takes WordPress’s `unfiltered_html` permission: administrators ' +
        'and editors of a single site): then `embed.js` sizes it, with no limit.',
      '**Dark pages:** add `?theme=dark` to the iframe’s address (`?theme=light` forces light; without it the ' +
        'chart follows the reader’s setting). A page that switches themes can tell the chart with {postMessage}.',
      '**Other resizers:** pages that already use Pym.js, Datawrapper’s resizing script, or AMP’s ' +
        '`<amp-iframe resizable>` can leave out our script: the chart reports its height in their formats too. ' +
        'With Pym.js, give the parent the `xdomain` option: {pym}. Without it, Pym.js takes a height from any ' +
        'frame on your page — an advert’s could squash or stretch the chart. Datawrapper’s older scripts size ' +
        'the first iframe whose address contains the name in the message; the chart names itself by its full ' +
        'address, and the code copied from this page carries an id (`?frame=…`) of its own.',
      '**Content-Security-Policy:** allow this site in `script-src` and `frame-src`; nothing inline is needed. ' +
        'For example, a strict policy for an article with the charts is {csp}. To pin the script to this exact ' +
        'version, use {pinned} — and update the hash if we update the script (until then, charts keep their ' +
        'first height and scroll).',
      '**Sandboxed frames:** the charts work in `sandbox="allow-scripts"`. Add ' +
        '`allow-popups allow-popups-to-escape-sandbox` so that their links (the full story, the sources) can open.',
      '**oEmbed:** each chart has an oEmbed description at {oembed}, linked from its embed page.',
      '**Privacy:** the charts set no cookies, load nothing from any other site and have no analytics.',
    ],
    none: 'There are no charts to embed yet.',
  },
  embedPage: {
    heading: (site: string) => `Chart from “${site}”`,
    description: (chart: string, site: string, publisher: string) => `${chart}: a chart from “${site}” (${publisher}).`,
    source: 'Source:',
    fullStory: 'Full story',
    newTab: '(opens in a new tab)',
  },
};

/** What every language provides: the shape of `en`, with its texts as plain strings. */
export type UiStrings = typeof en;

const LANGUAGES: Record<string, UiStrings> = { en, es };

/** The strings for a BCP 47 language tag ("en", "en-GB"): its primary language, or English. */
export function uiStrings(language: string): UiStrings {
  return LANGUAGES[language.toLowerCase().split('-')[0]] ?? en;
}
