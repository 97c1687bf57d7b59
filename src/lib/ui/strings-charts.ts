// The engine's words inside charts, images and data files: legends, captions, tooltips, the sentences
// screen readers hear, the relation and milestone words, CSV column names. Part of UiStrings (strings.ts
// spreads these sections into `en`); the library code that draws a chart or writes a file takes them as a
// parameter, so it holds no sentence of its own.
import type { MilestoneKind, Relation, SeriesValue } from '../timeline/schema';

/** "1 post", "3 posts". */
const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What a step that did not happen is called unless the chart says otherwise. */
const NEVER_IMPOSED = 'never imposed';

export const chartsEn = {
  legend: 'Legend',
  markedEvents: 'Marked events',
  none: '—',
  /** Before an image's source line: "Source: AP, Reuters". */
  source: (publishers: string) => `Source: ${publishers}`,
  /** A chart's source line: "AP via Reuters; AFP and 2 more (see the table)". */
  publishers: {
    via: (publisher: string, via: string) => `${publisher} via ${via}`,
    more: (names: string, n: number) => `${names} and ${n} more (see the table)`,
  },
  /** The small line above a social card's title. */
  socialCard: {
    chart: 'Chart',
    events: (n: number) => count(n, 'event'),
  },
  keyFigures: {
    title: 'Key figures',
    caption: 'The numbers that matter to the story, each with the event it belongs to and where it comes from.',
    empty: 'No figure is marked as key yet.',
    source: 'Source:',
    via: 'via',
    head: ['Figure', 'What it counts', 'Date', 'Source'],
  },
  steps: {
    empty:
      'No step of this event carries a value yet, so there is nothing to chart; its milestones are listed in the table.',
    caption: (title: string) => `${title}: every step`,
    head: { date: 'Date', step: 'Step', value: 'Value', happened: 'Happened?' },
    yes: 'Yes',
    no: 'No',
    noBecause: (why: string) => `No: ${why}`,
    /** A step that did not happen, when the chart gives no words of its own. */
    notHappened: NEVER_IMPOSED,
    /** A rule's tooltip line for a milestone that did not happen. */
    didNotHappen: 'did not happen',
    legend: {
      happened: 'Took effect',
      notHappened: (words: string) => `Scheduled, ${words}`,
      strong: 'Suspended, blocked or ended',
      other: 'Other milestone, as labelled',
    },
    /** The caption under the chart; `notHappened` when some step did not happen. */
    figureCaption: (notHappened?: string) =>
      notHappened === undefined
        ? 'The steps as scheduled.'
        : `The steps as scheduled; dashed, hollow steps ${notHappened === NEVER_IMPOSED ? 'were never imposed' : `: ${notHappened}`}.`,
    desc: (steps: number, first: string, firstDate: string, last: string, lastDate: string, notHappened: number) =>
      `A step chart of ${count(steps, 'scheduled step')}, from ${first} on ${firstDate} to ${last} on ${lastDate}. ` +
      `${notHappened} did not happen. The table lists every step.`,
  },
  period: {
    tracks: 'Tracks',
    undated: 'Also in this period, dated only to the month (not placed on the chart):',
    caption: (title: string) => `${title}: the events and their day numbers`,
    head: { date: 'Date', day: 'Day', event: 'Event', track: 'Track' },
    /** The day counter's tick and the table's day column: "day 5". */
    day: (n: number) => `day ${n}`,
    /** An event's tooltip line: its dates and, inside the window, its day. */
    when: (dates: string, day?: number) => (day === undefined ? dates : `${dates} (day ${day})`),
    /** The table's day for an event that starts before the window. */
    beforeDayOne: 'before day 1',
    title: (label: string, range: string) => `${label}: ${range}`,
    /** `first`: the start date when it is day 1, else undefined (day 1 is the day after `start`). */
    figureCaption: (range: string, start: string, first: boolean, lastDay: number, end: string) =>
      `The events of ${range}, day by day. Day 1 is ${first ? start : `the day after ${start}`}; ` +
      `day ${lastDay} is ${end}.`,
    desc: (events: number, range: string, lastDay: number) =>
      `A day-by-day chart of ${count(events, 'event')} from ${range} (day 1 to day ${lastDay}), marked by track. ` +
      'The table lists them all.',
  },
  posts: {
    caption: (title: string) => `${title}: every holder, with dates`,
    head: ['Holder', 'Post', 'From', 'To', 'Source'],
    continues: 'continues',
    /** An acting or interim holder's name: "Jane Doe (acting)". */
    acting: (name: string) => `${name} (acting)`,
    /** A tenure with no end yet, in its tooltip: "from 1 June 2019". */
    from: (date: string) => `from ${date}`,
    empty: 'No holder recorded in this period',
    legend: { holder: 'Holder', acting: 'Acting or interim', change: 'Change of holder' },
    title: (range: string) => `Who held the posts, ${range}`,
    figureCaption: (acting: boolean) =>
      `One row per post, one bar per holder. ${acting ? 'Hatched bars are acting or interim holders. ' : ''}` +
      'A tick marks each change.',
    desc: (posts: number, tenures: number, changes: number, range: string) =>
      `${count(posts, 'post')}, ${count(tenures, 'tenure')} and ${count(changes, 'change')} from ${range}. ` +
      'The table lists every holder with dates.',
  },
  series: {
    release: { 'first-release': 'first release', revised: 'revised', final: 'final' } satisfies Record<
      SeriesValue['release'],
      string
    >,
    /** After the release status of a value that is our arithmetic: "(first release, derived)". */
    derived: ', derived',
    notAvailable: 'not available',
    legend: {
      /** A "sum of" measure drawn as a line over its parts. */
      line: (measure: string) => `${measure} (line)`,
      firstRelease: (line: boolean) => `Hatched${line ? ', hollow dot' : ''}: as first released`,
      revised: 'Solid: revised or final',
      derived: 'Dashed outline: derived (our arithmetic on published figures)',
    },
    caption: (title: string) => `${title}: the value of each month, its release status and its sources`,
    head: { month: 'Month', sources: 'Sources', events: 'Events' },
    desc: (what: string, from: string, to: string, peak: [string, string], low: [string, string], hatched: boolean) =>
      `Monthly bars of ${what}, ${from} to ${to}. Highest in ${peak[0]} (${peak[1]}), lowest in ${low[0]} ` +
      `(${low[1]}). ${hatched ? 'Values as first released are hatched. ' : ''}Every value is in the table.`,
  },
};

/** How two linked events read, from either end ("Led to" / "Followed from"). */
export const relationsEn = {
  outgoing: {
    'led-to': 'Led to',
    'responds-to': 'Responds to',
    implements: 'Implements',
    suspends: 'Suspends',
    replaces: 'Replaces',
  } satisfies Record<Relation, string>,
  incoming: {
    'led-to': 'Followed from',
    'responds-to': 'Drew a response',
    implements: 'Implemented by',
    suspends: 'Suspended by',
    replaces: 'Replaced by',
  } satisfies Record<Relation, string>,
};

/**
 * A milestone without a label of its own is called by its kind (milestones.ts), in the event's page and
 * list, the details panel and its mark's accessible name.
 */
export const milestonesEn: Record<MilestoneKind, string> = {
  announced: 'Announced',
  scheduled: 'Scheduled',
  signed: 'Signed',
  published: 'Published',
  effective: 'Took effect',
  suspended: 'Suspended',
  blocked: 'Blocked',
  reinstated: 'Reinstated',
  ended: 'Ended',
};

/** Words the details panel, the timeline's marks and the data files share. */
export const wordsEn = {
  /** After a milestone that did not happen. */
  didNotHappen: ' (did not happen)',
  /** After a date worked out from the weekday the sources give. */
  dateInferred: ' (date inferred)',
  /** An approximate figure: "about 15,000 troops". */
  about: (figure: string) => `about ${figure}`,
  /** An event's sourcing note among its notes. */
  onSources: (note: string) => `On the sources: ${note}`,
};

/** The data files' fixed words: column names and the words inside cells. */
export const csvEn = {
  events: [
    'id',
    'date',
    'date_precision',
    'end',
    'track',
    'track_label',
    'importance',
    'title',
    'summary',
    'actors',
    'figures',
    'milestones',
    'related',
    'sources',
    'notes',
  ],
  steps: ['event_id', 'event_title', 'date', 'step', 'label', 'value', 'unit', 'did_not_happen', 'sources'],
  figures: ['event_id', 'event_date', 'event_title', 'value', 'unit', 'label', 'approximate', 'sources'],
  posts: ['post_id', 'post', 'organisation', 'person_id', 'person', 'from', 'to', 'acting', 'note', 'sources'],
  /** A series' columns: the month, each measure's four, then the notes. */
  series: {
    month: 'month',
    measure: (name: string) => [name, `${name}_release`, `${name}_derived`, `${name}_sources`],
    notes: 'notes',
  },
  via: (publisher: string) => ` via ${publisher}`,
  readAt: (url: string) => ` (read at <${url}>)`,
};
