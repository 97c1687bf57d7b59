// /data/charts/<id>.csv: the data behind each chart of content/data/charts.yaml, one row per thing
// drawn, each with its sources — the "Data (CSV)" download of the Embed control. (Not /data/<id>.csv:
// a chart id could clash with the site-wide files there, such as timeline.csv or a series' CSV.)
import type { APIContext } from 'astro';
import { getTimelineData } from '../../../data/timeline';
import { eventsToCsv, seriesToCsv, sourceLine } from '../../../lib/timeline/exports';
import { toCsv } from '../../../lib/csv';
import { parsePartialDate } from '../../../lib/dates';
import type { ChartSpec, TimelineData, TimelineEvent } from '../../../lib/timeline/schema';
import { uiStrings } from '../../../lib/ui/strings';

export function getStaticPaths() {
  return getTimelineData().charts.map((chart) => ({ params: { id: chart.id } }));
}

export function GET({ params }: APIContext): Response {
  const data = getTimelineData();
  const chart = data.charts.find((c) => c.id === params.id);
  if (!chart) return new Response('Not found', { status: 404 });
  return new Response(chartCsv(chart, data), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}

/** Whether a span of partial dates [start, end] overlaps [from, to] (each date covering its whole period). */
function overlaps(start: string, end: string | undefined, from: string, to: string): boolean {
  return (
    parsePartialDate(start).start < parsePartialDate(to).end &&
    parsePartialDate(end ?? start).end > parsePartialDate(from).start
  );
}

function inTracks(events: TimelineEvent[], tracks: string[] | undefined): TimelineEvent[] {
  return tracks ? events.filter((e) => tracks.includes(e.track)) : events;
}

function chartCsv(chart: ChartSpec, data: TimelineData): string {
  const ui = uiStrings(data.site.language);
  const sources = (list: { sources: Parameters<typeof sourceLine>[0][] }) =>
    list.sources.map((s) => sourceLine(s, ui)).join(' | ');
  switch (chart.kind) {
    case 'timeline':
      return eventsToCsv({ ...data, events: inTracks(data.events, chart.tracks) }, ui);
    case 'period':
      return eventsToCsv(
        {
          ...data,
          events: inTracks(data.events, chart.tracks).filter((e) => overlaps(e.date, e.end, chart.start, chart.end)),
        },
        ui,
      );
    case 'series': {
      const series = data.series.find((s) => s.id === chart.series);
      return series ? seriesToCsv(series, ui) : toCsv([ui.csv.series.month], []);
    }
    case 'steps': {
      const event = data.events.find((e) => e.id === chart.event);
      const header = ui.csv.steps;
      const rows = (event?.milestones ?? []).map((m) => [
        event!.id,
        event!.title,
        m.date,
        m.kind,
        m.label,
        m.value,
        m.unit,
        m.didNotHappen,
        sources(event!),
      ]);
      return toCsv(header, rows);
    }
    case 'posts': {
      const posts = chart.posts
        ? chart.posts.map((id) => data.posts.find((p) => p.id === id)).filter((p) => p !== undefined)
        : data.posts;
      const header = ui.csv.posts;
      const rows = posts.flatMap((post) => {
        const organisation = data.actors.find((a) => a.id === post.organisation)?.name ?? post.organisation;
        return data.actors.flatMap((actor) =>
          actor.roles
            .filter((r) => r.post === post.id && overlaps(r.from, r.to ?? chart.to, chart.from, chart.to))
            .map((r) => [
              post.id,
              post.label,
              organisation,
              actor.id,
              actor.name,
              r.from,
              r.to,
              r.acting,
              r.note,
              sources(r),
            ]),
        );
      });
      return toCsv(header, rows);
    }
    case 'figures': {
      const header = ui.csv.figures;
      const rows = data.events.flatMap((e) =>
        e.figures
          .filter((f) => f.key)
          .map((f) => [e.id, e.date, e.title, f.value, f.unit, f.label, f.approximate, sources(e)]),
      );
      return toCsv(header, rows);
    }
  }
}
