// A timeline chart of charts.yaml as the layout takes it: its tracks and events, and the options of
// its three variants (wide, column, narrow). The page (Timeline.astro) draws all three; the image
// step draws the wide one. timelineChartVariants(spec, data).variants[0].options
import type { LayoutEvent, LayoutTrack } from './layout';
import { toLayoutEvent, toLayoutTrack, windowDomain, type TimelineVariant } from './payload';
import type { ChartSpec, TimelineData } from './schema';
import { TIMELINE_VARIANTS } from './variants';

export type TimelineSpec = Extract<ChartSpec, { kind: 'timeline' }>;

/** Each event's position in its list, once per list: an event page picks its few events without a scan. */
const positions = new WeakMap<readonly TimelineData['events'][number][], Map<string, number>>();

/** The events with these ids, in the order of `events`. */
function eventsById(events: TimelineData['events'], ids: readonly string[]): TimelineData['events'] {
  let at = positions.get(events);
  if (!at) positions.set(events, (at = new Map(events.map((e, i) => [e.id, i]))));
  const found = ids.map((id) => at.get(id)).filter((i): i is number => i !== undefined);
  return found.sort((a, b) => a - b).map((i) => events[i]);
}

export interface TimelineChartOptions {
  /** Only these events (e.g. an event page's neighbours); default all events of the chart's tracks. */
  eventIds?: string[];
  /** Overrides the chart's window. */
  window?: [string, string];
  /** A compact chart (event pages): lower heights. */
  compact?: boolean;
  /**
   * Where the narrow (phone) variant's view begins, ms since the epoch, later than the window's start: an
   * event page's chart starts a few events before its own (narrowContextStart). Its rows stay as tall
   * as they are when the whole window is shown; the window's earlier events are a zoom out away.
   */
  narrowStart?: number;
}

export function timelineChartVariants(chart: TimelineSpec, data: TimelineData, opts: TimelineChartOptions = {}) {
  const { eventIds, window: windowOverride, compact = false, narrowStart } = opts;
  const trackIds = chart.tracks ?? data.tracks.map((t) => t.id);
  const tracks = data.tracks.filter((t) => trackIds.includes(t.id));
  const shownTracks = new Set(trackIds);
  const events = (eventIds ? eventsById(data.events, eventIds) : data.events).filter((e) => shownTracks.has(e.track));
  const win = windowOverride ?? (chart.window ? [chart.window.start, chart.window.end] : undefined);
  const domain = win ? windowDomain(win[0], win[1]) : undefined;
  // The focus: the chart's own, or on a small timeline (an event page's window) the whole window,
  // so that each of its events gets a row of its own on a phone.
  const focusDates = chart.focus ? [chart.focus.start, chart.focus.end] : windowOverride;
  const focus = focusDates ? windowDomain(focusDates[0], focusDates[1]) : undefined;
  const shared = {
    highlighted: chart.highlight,
    periods: chart.periods,
    density: chart.density,
    annotations: chart.annotations,
    ...(domain ? { domain } : {}),
    ...(focus ? { focus } : {}),
  };
  const { textWidthFactor, variantOptions } = TIMELINE_VARIANTS;
  // On a phone, a chart with a window and no focus of its own takes its whole window as its focus, so
  // that each event gets a row: otherwise a two-month chart's phone drawing was about a screen long and
  // grouped the 7 June deal's three agreements as "+3 Agreements". (Wider variants keep their scale.)
  const narrowFocus = focus ?? domain;
  const focusEvents = narrowFocus
    ? events.filter((e) => {
        const t = windowDomain(e.date, e.date)[0];
        return t >= narrowFocus[0] && t < narrowFocus[1];
      }).length
    : 0;
  let length = variantOptions.narrowLength(events.length, focusEvents, compact);
  // A view that begins later (narrowStart) is as long as its share of the focus's rows: as tall a row each.
  const narrowDomain =
    narrowStart !== undefined && domain && narrowStart > domain[0] ? ([narrowStart, domain[1]] as const) : undefined;
  if (narrowDomain && narrowFocus && focusEvents > 0) {
    const shown = events.filter((e) => {
      const t = windowDomain(e.date, e.date)[0];
      return t >= narrowDomain[0] && t < Math.min(narrowDomain[1], narrowFocus[1]);
    }).length;
    length = Math.max(variantOptions.narrowLength(shown, 0, compact) / 2, Math.round((length * shown) / focusEvents));
  }
  // A small timeline is about its highlighted event (an event page's own): its label shows whatever the crowd.
  const own = compact ? { keepHighlightedLabels: true } : {};
  // A compact chart (an event page's) may be 640 units tall: at 320 most of its events, its own among them,
  // were grouped as "+N"; at 480 a June page's drawing at 1280 px (the column) left about half its marks
  // unlabelled, in a cloud mid-chart (703 of 2,005 marks over the event pages; 402 at 640). A chart of the story 920: at
  // 880 the lead chart's US asylum policy band had two lanes, and in Spanish its emphasised "Publican regla
  // de tránsito" had room in neither.
  const variants: TimelineVariant[] = [
    {
      name: 'wide',
      options: { ...shared, ...variantOptions.wide, textWidthFactor, maxHeight: compact ? 640 : 920, ...own },
    },
    {
      // 505 units, with the legend this variant shows (its tracks share their lanes, without headings),
      // keep the lead embed under 1,000 px in a 640-px frame (WordPress's limit).
      name: 'column',
      options: { ...shared, ...variantOptions.column, textWidthFactor, maxHeight: compact ? 640 : 505, ...own },
    },
    {
      name: 'narrow',
      options: {
        ...shared,
        ...(narrowFocus ? { focus: narrowFocus } : {}),
        ...(narrowDomain ? { domain: narrowDomain } : {}),
        ...variantOptions.narrow,
        textWidthFactor,
        length,
      },
    },
  ];
  const layoutEvents: LayoutEvent[] = events.map(toLayoutEvent);
  const layoutTracks: LayoutTrack[] = tracks.map(toLayoutTrack);
  return { tracks, events, variants, layoutEvents, layoutTracks };
}
