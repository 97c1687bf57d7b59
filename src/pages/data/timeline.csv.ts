// /data/timeline.csv: one row per event, sources joined.
import { getTimelineData } from '../../data/timeline';
import { eventsToCsv } from '../../lib/timeline/exports';
import { uiStrings } from '../../lib/ui/strings';

export function GET() {
  return new Response(eventsToCsv(getTimelineData(), uiStrings(getTimelineData().site.language)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
}
