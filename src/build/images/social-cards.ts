// The social cards of the build: a 1200×630 PNG for the home page, every chart and every event,
// with a strip of the story's timeline (social-card.ts draws one). socialCards(ctx) lists them.
import {
  formatDateRange,
  formatTickDate,
  parsePartialDate,
  partialDateMidpoint,
  type DateWords,
} from '../../lib/dates';
import { socialCardPath } from '../../lib/images/paths';
import { THEME } from '../../lib/theme';
import { uiStrings, type UiStrings } from '../../lib/ui/strings';
import type { ChartSpec, TimelineData } from '../../lib/timeline/schema';
import { displayUrl, ImageBuildError, type ImageContext } from './context';
import { homeStoryTitle } from '../data/stories';
import { composeSocialCard, type StripMark, type TimelineStrip } from './social-card';

/**
 * The timeline strip of the social cards: every event of the story's period, one row per track; its
 * month labels in `dates`' language (`ui.dates`; default English).
 */
export function timelineStrip(data: TimelineData, dates?: DateWords): TimelineStrip {
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
      labels.push([
        t,
        formatTickDate(new Date(t), m === 0 ? 'year' : labels.length === 0 ? 'monthYear' : 'month', dates),
      ]);
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

export interface SocialCard {
  /** Site path of the PNG, e.g. 'images/social/event-x.png'. */
  path: string;
  subject: string;
  /** Composes the card's SVG (when it is drawn: 10,000 cards' SVGs at once would fill the memory). */
  compose: () => string;
}

/** Every social card of the site: home, one per chart, one per event; in `ui`'s words (default the site's language). */
export function socialCards(ctx: ImageContext, ui: UiStrings = uiStrings(ctx.data.site.language)): SocialCard[] {
  const { data } = ctx;
  const colours = THEME.light;
  const strip = timelineStrip(data, ui.dates);
  const words = ui.charts.socialCard;
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
      title: homeStoryTitle() ?? data.site.title,
      kicker: {
        date: formatDateRange(data.site.period.start, data.site.period.end, ui.dates),
        label: words.events(data.events.length),
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
        kicker: { date: words.chart, label: range ? formatDateRange(range.start, range.end, ui.dates) : undefined },
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
          date: formatDateRange(event.date, event.end, ui.dates),
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
