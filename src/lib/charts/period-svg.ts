// The period chart (a window of days and the events in it) as an SVG tree: what PeriodChart.astro
// writes into the page and the image step paints. From the chart's props and the data (periodChart),
// or from one layout (periodChartSvg).
import type { SvgNode } from '../svg';
import type { TimelineData, Track } from '../timeline/schema';
import type { DayCount } from '../timeline/schema-charts';
import type { UiStrings } from '../ui/strings';
import { formatDateRange, formatPartialDate } from '../dates';
import { shapeIconPath } from '../timeline/icons';
import { publisherLine } from './axis';
import { layoutPeriodChart, type PeriodLayout } from './period';
import {
  chartFrame,
  el,
  g,
  PRESENT,
  ring,
  tipItem,
  trackMarkSvg,
  type FrameOptions,
  type LegendItem,
} from './svg-parts';

export interface PeriodChartProps {
  /** The figure's id. */
  id: string;
  /** First day, "YYYY-MM-DD": day 0 (day 1 is the day after), or day 1 when `countDays` is 'inclusive'. */
  start: string;
  /** Last day, "YYYY-MM-DD" (day N). */
  end: string;
  /** Name of the window, e.g. "The first five weeks". */
  label: string;
  /** How the counter numbers the days; default 'exclusive' (see firstDayNumber in period-days.ts). */
  countDays?: DayCount;
  /** Only events of these tracks (ids); default all. */
  tracks?: readonly string[];
  /** Only events of this importance or more central (1 central … 3 background); default 3 (all). */
  maxImportance?: 1 | 2 | 3;
}

/** The inline colours of a track's marks (--c light, --c-dark dark; see charts.css). */
const styleOf = (t: Track) => `--c:${t.colour};--c-dark:${t.colourDark ?? t.colour}`;

/** The heading, day axis, marks and spans of one variant of the chart. */
export function periodChartSvg(l: PeriodLayout, tracks: readonly Track[], o: FrameOptions): SvgNode {
  const trackById = new Map(tracks.map((t) => [t.id, t]));
  const track = (id: string) => trackById.get(id)!;
  const lineH = Math.round(l.fontSize * 1.3);
  const markIds = new Set(l.marks.map((m) => m.id));
  return chartFrame(l, o, [
    g({ 'aria-hidden': 'true' }, [heading(l, lineH), ...axis(l, lineH)]),
    g({ class: 'items' }, [
      ...l.marks.map((m, i) =>
        tipItem(
          m.tip,
          i === 0,
          [
            ring(m.hit[0], m.hit[1], m.hit[2] - m.hit[0], m.hit[3] - m.hit[1], '3'),
            el('path', {
              d: shapeIconPath(track(m.track).shape),
              transform: `translate(${m.x},${m.y})`,
              class: 'track-fill mark',
              'data-anchor': PRESENT,
            }),
            el(
              'text',
              { x: m.textX, y: m.textY, 'text-anchor': m.anchor },
              m.lines.map((line, j) => el('tspan', { x: m.textX, dy: j === 0 ? 0 : lineH }, line)),
            ),
          ],
          { style: styleOf(track(m.track)) },
          m.id,
        ),
      ),
      // An event with an end is a bar by the axis; when it also has a mark, the bar is only a drawing.
      ...l.spans.map((s) => {
        const bar = { x: s.x, y: s.y, width: s.width, height: s.height, class: 'track-fill' };
        return markIds.has(s.id)
          ? el('rect', { ...bar, style: styleOf(track(s.track)), 'aria-hidden': 'true' }, undefined, `span-${s.id}`)
          : tipItem(
              s.tip,
              false,
              [
                ring(s.hit[0], s.hit[1], s.hit[2] - s.hit[0], s.hit[3] - s.hit[1], '3'),
                el('rect', { ...bar, 'data-anchor': PRESENT }),
              ],
              { style: styleOf(track(s.track)) },
              `span-${s.id}`,
            );
      }),
    ]),
  ]);
}

/** The window's name and dates: on one line, or the dates under the name. */
function heading(l: PeriodLayout, lineH: number): SvgNode {
  return el('text', { x: l.labelX, y: l.labelY }, [
    el('tspan', { class: 'strong-text' }, l.label),
    l.rangeBelow
      ? el('tspan', { x: l.labelX, dy: lineH, class: 'muted-text' }, l.range)
      : el('tspan', { class: 'muted-text' }, ` · ${l.range}`),
  ]);
}

/** Gridlines, the axis with a tick per day, and the counter's labels ("day 5" over "12 Jun"). */
function axis(l: PeriodLayout, lineH: number): SvgNode[] {
  const horizontal = l.orientation === 'horizontal';
  const { x1, y1, x2, y2 } = l.axis;
  return [
    g(
      { class: 'grid' },
      l.ticks.map((t) =>
        horizontal
          ? el('line', { x1: t.at, x2: t.at, y1: l.grid.from, y2: l.grid.to })
          : el('line', { x1: l.grid.from, x2: l.grid.to, y1: t.at, y2: t.at }),
      ),
    ),
    el('line', { class: 'axis-line', x1, y1, x2, y2 }),
    el('path', {
      class: 'axis-line',
      d: l.dayTicks.map((p) => (horizontal ? `M${p},${y1}v3` : `M${x1},${p}h-3`)).join(''),
    }),
    ...l.ticks.map((t) => {
      const x = horizontal ? t.at : 0;
      const at = horizontal
        ? { x, y: y1 + l.fontSize + 6, 'text-anchor': 'middle' }
        : { x, y: t.at + l.fontSize + 3, 'text-anchor': 'start' };
      return el('text', at, [
        el('tspan', { x, class: 'strong-text' }, t.counter || t.date),
        t.counter && el('tspan', { x, dy: lineH, class: 'muted-text' }, t.date),
      ]);
    }),
  ];
}

/** Everything the period chart shows, from its props and the data: layouts, trees, legend and texts in `ui`'s words. */
export function periodChart(props: PeriodChartProps, data: TimelineData, ui: Pick<UiStrings, 'charts' | 'dates'>) {
  const words = { ...ui.charts.period, dates: ui.dates };
  const trackIds = new Set(data.tracks.map((t) => t.id));
  for (const t of props.tracks ?? []) {
    if (!trackIds.has(t)) {
      const known = data.tracks.map((x) => x.id).join(', ');
      throw new Error(`PeriodChart "${props.id}": unknown track "${t}"; known tracks: ${known}`);
    }
  }
  const events = data.events.filter(
    (e) => (!props.tracks || props.tracks.includes(e.track)) && e.importance <= (props.maxImportance ?? 3),
  );
  const options = { start: props.start, end: props.end, label: props.label, countDays: props.countDays, words };
  const layouts = {
    wide: layoutPeriodChart(events, data.tracks, {
      ...options,
      width: 680,
      orientation: 'horizontal',
    }),
    narrow: layoutPeriodChart(events, data.tracks, { ...options, width: 360, orientation: 'vertical' }),
  };
  const wide = layouts.wide;
  const shown = new Set([...wide.marks.map((m) => m.id), ...wide.spans.map((s) => s.id)]);
  const listed = data.events.filter((e) => shown.has(e.id));
  const usedTracks = data.tracks.filter((t) => listed.some((e) => e.track === t.id));
  const range = formatDateRange(props.start, props.end, ui.dates);
  const desc = words.desc(listed.length, range, wide.lastDay);
  const variants = (['wide', 'narrow'] as const).map((name) => ({
    name,
    layout: layouts[name],
    svg: periodChartSvg(layouts[name], data.tracks, { chartId: props.id, variant: name, desc }),
  }));
  return {
    variants,
    listed,
    undated: wide.undated,
    usedTracks,
    legend: usedTracks.map((t): LegendItem => ({ swatch: trackMarkSvg(t, 12), label: t.label })),
    title: words.title(props.label, range),
    caption: words.figureCaption(
      range,
      formatPartialDate(props.start, ui.dates),
      wide.firstDay === 1,
      wide.lastDay,
      formatPartialDate(props.end, ui.dates),
    ),
    source: publisherLine(
      listed.flatMap((e) => e.sources),
      3,
      ui.charts.publishers,
    ),
  };
}
