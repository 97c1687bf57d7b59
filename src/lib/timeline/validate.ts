// Checks that need the whole data set: duplicate and unknown ids, spans that end
// before they start, milestones outside their event, duplicate or missing months.
// Pure: takes parsed data, returns problems with the path of the offending value.
import { parsePartialDate } from '../dates';
import type { TimelineData } from './schema';
import { sourceUses } from './sources';
import { checkSeries } from './validate-series';
import { labelFits } from './layout';
import { TIMELINE_VARIANTS } from './variants';
import { nearMatches } from './suggest';

export interface DataIssue {
  /** Path in the combined data, e.g. ["events", 3, "links", 0, "to"]. */
  path: (string | number)[];
  /** What is wrong and what was expected, in plain words. */
  message: string;
}

/** Lists every cross-reference and consistency problem in schema-valid data. */
export function validateTimelineData(data: TimelineData): DataIssue[] {
  const issues: DataIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  /** A date range whose end lies before its start: the problem is filed at the end's path. */
  const inOrder = (path: (string | number)[], start: string, end: string | undefined) => {
    if (end && endsBeforeStart(start, end)) add(path, `ends (${end}) before it starts (${start})`);
  };

  const trackIds = checkUnique(data.tracks, 'tracks', 'track', add);
  const actorIds = checkUnique(data.actors, 'actors', 'actor', add);
  const postIds = checkUnique(data.posts, 'posts', 'post', add);
  const eventIds = checkUnique(data.events, 'events', 'event', add);
  checkUnique(data.series, 'series', 'series', add);
  checkUnique(data.glossary, 'glossary', 'glossary entry', add);
  const seriesIds = new Set(data.series.map((s) => s.id));
  checkUnique(data.charts, 'charts', 'chart', add);

  data.posts.forEach((post, i) => {
    const org = data.actors.find((a) => a.id === post.organisation);
    if (!org) add(['posts', i, 'organisation'], unknown('actor', post.organisation, actorIds));
    else if (org.kind !== 'institution') {
      add(['posts', i, 'organisation'], `"${post.organisation}" is a person; a post belongs to an institution`);
    }
  });

  data.actors.forEach((actor, i) => {
    actor.roles.forEach((role, j) => {
      if (!postIds.has(role.post)) add(['actors', i, 'roles', j, 'post'], unknown('post', role.post, postIds));
      inOrder(['actors', i, 'roles', j, 'to'], role.from, role.to);
    });
  });

  data.events.forEach((event, i) => {
    if (!trackIds.has(event.track)) add(['events', i, 'track'], unknown('track', event.track, trackIds));
    event.actors.forEach((id, j) => {
      if (!actorIds.has(id)) add(['events', i, 'actors', j], unknown('actor', id, actorIds));
    });
    event.links.forEach((link, j) => {
      if (link.to === event.id) add(['events', i, 'links', j, 'to'], 'links the event to itself');
      else if (!eventIds.has(link.to)) add(['events', i, 'links', j, 'to'], unknown('event', link.to, eventIds));
    });
    const unfit = labelProblem(event.label ?? event.title, event.importance);
    if (unfit) {
      add(
        ['events', i, event.label ? 'label' : 'title'],
        event.label
          ? `the chart label "${event.label}" is too long to show beside its mark ${unfit}; write a shorter one (a few words)`
          : `the title is too long to show beside the event's mark ${unfit}; add a short "label" (a few words) for the charts`,
      );
    }
    inOrder(['events', i, 'end'], event.date, event.end);
    event.milestones.forEach((milestone, j) => {
      const problem = milestoneProblem(event.date, event.end, milestone.date, milestone.kind);
      if (problem) add(['events', i, 'milestones', j, 'date'], problem);
    });
    if (event.sources.every((s) => s.kind === 'other') && !event.sourcingNote) {
      add(
        ['events', i, 'sources'],
        'every source is of kind "other" (a blog, advocacy site, law-firm page, aggregator or mirror). ' +
          'Cite a primary document, a wire, a newspaper or a broadcaster, or explain in "sourcingNote" why these ' +
          'sources are used (readers see it on the event page)',
      );
    }
  });

  checkSources(data, add);
  checkSeries(data, add);

  data.series.forEach((series, s) =>
    checkMonths(
      series.months.map((m) => m.month),
      ['series', s, 'months'],
      add,
    ),
  );

  data.charts.forEach((chart, i) => {
    const ids = (field: string, list: string[] | undefined, known: Set<string>, noun: string) =>
      list?.forEach((id, j) => {
        if (!known.has(id)) add(['charts', i, field, j], unknown(noun, id, known));
      });
    switch (chart.kind) {
      case 'timeline':
        ids('tracks', chart.tracks, trackIds, 'track');
        ids('highlight', chart.highlight, eventIds, 'event');
        if (chart.window) inOrder(['charts', i, 'window', 'end'], chart.window.start, chart.window.end);
        chart.periods.forEach((p, j) => inOrder(['charts', i, 'periods', j, 'end'], p.start, p.end));
        break;
      case 'series':
        if (!seriesIds.has(chart.series)) add(['charts', i, 'series'], unknown('series', chart.series, seriesIds));
        ids('annotate', chart.annotate, eventIds, 'event');
        break;
      case 'period':
        ids('tracks', chart.tracks, trackIds, 'track');
        inOrder(['charts', i, 'end'], chart.start, chart.end);
        break;
      case 'steps': {
        const event = data.events.find((e) => e.id === chart.event);
        if (!event) add(['charts', i, 'event'], unknown('event', chart.event, eventIds));
        else if (!event.milestones.some((m) => m.value !== undefined)) {
          add(['charts', i, 'event'], `the event "${chart.event}" has no milestone with a "value" to draw as a step`);
        }
        break;
      }
      case 'posts':
        ids('posts', chart.posts, postIds, 'post');
        inOrder(['charts', i, 'to'], chart.from, chart.to);
        break;
      case 'figures':
        break;
    }
  });

  return issues;
}

/**
 * A publisher is one kind everywhere (the first use sets it); a copy is not its own original;
 * a source names its host in `via` only when that is someone else.
 */
function checkSources(data: TimelineData, add: (path: (string | number)[], message: string) => void) {
  const kinds = new Map<string, { kind: string; path: (string | number)[] }>();
  for (const { source: s, path } of sourceUses(data)) {
    const first = kinds.get(s.publisher);
    if (!first) kinds.set(s.publisher, { kind: s.kind, path });
    else if (first.kind !== s.kind) {
      add(
        [...path, 'kind'],
        `"${s.publisher}" is of kind "${first.kind}" elsewhere (${first.path.join(' › ')}); give it one kind everywhere`,
      );
    }
    if (s.archived && s.archived === s.url) add([...path, 'archived'], 'is the same address as "url"; leave it out');
    if (s.via && s.via === s.publisher) add([...path, 'via'], 'names the publisher itself; leave it out');
  }
}

/** Where a chart label can never be shown whole ("on a phone" / "on a wide screen"), or null. */
function labelProblem(text: string, importance: 1 | 2 | 3): string | null {
  const { textWidthFactor, variantOptions } = TIMELINE_VARIANTS;
  if (!labelFits(text, importance, { ...variantOptions.narrow, textWidthFactor }))
    return 'on a phone (two short rows at most)';
  if (!labelFits(text, importance, { ...variantOptions.wide, textWidthFactor })) return 'on a wide screen';
  return null;
}

function checkUnique(
  items: { id: string }[],
  key: string,
  noun: string,
  add: (path: (string | number)[], message: string) => void,
): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) {
      add(
        [key, i, 'id'],
        `the ${noun} id "${item.id}" is used twice (entries ${first + 1} and ${i + 1}); ids must be unique`,
      );
    } else seen.set(item.id, i);
  });
  return new Set(seen.keys());
}

function unknown(noun: string, id: string, known: Set<string>): string {
  const list = [...known].sort();
  const near = nearMatches(id, list);
  const hint = near.length
    ? `did you mean ${near.map((k) => `"${k}"`).join(' or ')}?`
    : list.length <= 12
      ? `known ${noun}s: ${list.join(', ')}`
      : `there are ${list.length} ${noun}s; check the spelling`;
  return `there is no ${noun} "${id}" (${hint})`;
}

/**
 * A monthly series lists each month once, and every month from its first to its last: a chart
 * would otherwise draw a straight line across the gap as if the months between were known.
 */
function checkMonths(
  months: string[],
  path: (string | number)[],
  add: (path: (string | number)[], message: string) => void,
) {
  const seen = new Map<string, number>();
  months.forEach((month, m) => {
    const first = seen.get(month);
    if (first !== undefined)
      add([...path, m, 'month'], `${month} appears twice (entries ${first + 1} and ${m + 1}); each month once`);
    else seen.set(month, m);
  });
  const sorted = [...seen.keys()].sort();
  for (let k = 1; k < sorted.length; k++) {
    const missing = monthsBetween(sorted[k - 1], sorted[k]);
    if (!missing.length) continue;
    const what = missing.length === 1 ? `${missing[0]} is missing` : `${missing[0]} to ${missing.at(-1)} are missing`;
    add(
      [...path, seen.get(sorted[k])!, 'month'],
      `${what}: the months jump from ${sorted[k - 1]} to ${sorted[k]}. ` +
        `Add ${missing.length === 1 ? 'that month' : `those ${missing.length} months`} with ${missing.length === 1 ? 'its' : 'their'} figures: ` +
        'every month from the first to the last must be listed',
    );
  }
}

/** The "YYYY-MM" months strictly between two others. */
function monthsBetween(from: string, to: string): string[] {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let i = index(from) + 1; i < index(to); i++) {
    out.push(`${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}

/** True when `end` lies entirely before `start` (partial dates compare by their periods). */
function endsBeforeStart(start: string, end: string): boolean {
  return parsePartialDate(end).end.getTime() <= parsePartialDate(start).start.getTime();
}

/**
 * A milestone may not lie before its event starts; when the event has an end, it may not
 * lie after it either, except a `scheduled` step (a planned date that may never come).
 */
function milestoneProblem(start: string, end: string | undefined, date: string, kind: string): string | null {
  const m = parsePartialDate(date);
  const s = parsePartialDate(start);
  if (m.end.getTime() <= s.start.getTime()) {
    return `the "${kind}" step (${date}) is before the event's date (${start}); set the event's date to its first step`;
  }
  if (end && kind !== 'scheduled') {
    const e = parsePartialDate(end);
    if (m.start.getTime() >= e.end.getTime()) {
      return `the "${kind}" step (${date}) is after the event's end (${end}); extend "end" or remove the step`;
    }
  }
  return null;
}
