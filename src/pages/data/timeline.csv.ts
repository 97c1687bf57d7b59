// /data/timeline.csv: one row per event, sources joined.
import { getTimelineData } from '../../data/timeline';
import { eventsToCsv } from '../../lib/timeline/exports';

export function GET() {
  return new Response(eventsToCsv(getTimelineData()), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
