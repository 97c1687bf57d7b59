// /data/timeline-details.json: what the timeline's details panel shows, per event.
import { getTimelineData } from '../../data/timeline';
import { eventDetails } from '../../lib/timeline/details';

export function GET() {
  return new Response(JSON.stringify(eventDetails(getTimelineData())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
