// /data/timeline-details.json: each event's details as the timeline's panel shows them, rendered
// once here by EventDetails.astro: { "<event id>": "<p class=…>…" }. The panel inserts the markup
// (Astro escaped every text in it), so the browser never builds the details by hand.
import { experimental_AstroContainer } from 'astro/container';
import EventDetails from '../../components/Event/EventDetails.astro';
import { getTimelineData } from '../../data/timeline';
import { eventDetails } from '../../lib/timeline/details';
import { uiStrings } from '../../lib/ui/strings';
import { withBase } from '../../utils/url';

export async function GET() {
  const container = await experimental_AstroContainer.create();
  const href = (id: string) => withBase(`events/${id}/`);
  const out: Record<string, string> = {};
  const data = getTimelineData();
  for (const [id, details] of Object.entries(eventDetails(data, uiStrings(data.site.language)))) {
    out[id] = await container.renderToString(EventDetails, { props: { details, href } });
  }
  return new Response(JSON.stringify(out), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
