// /data/timeline-events.json: every event as the timeline's layout takes it, in the data's order. A
// timeline of all the events of its tracks (the home page's, the embeds') loads its events from here
// instead of carrying them in the page, so the page stays small and the file is fetched once for
// every such chart, from page to page. The chart's words (the same for every chart) come with them.
import { getTimelineData } from '../../data/timeline';
import { toLayoutEvent, type TimelineEventsFile } from '../../lib/timeline/payload';
import { uiStrings } from '../../lib/ui/strings';

export function GET() {
  const data = getTimelineData();
  const file: TimelineEventsFile = {
    events: data.events.map(toLayoutEvent),
    ui: uiStrings(data.site.language).timelineClient,
  };
  return new Response(JSON.stringify(file), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
}
