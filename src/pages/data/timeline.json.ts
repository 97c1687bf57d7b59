// /data/timeline.json: all the validated data, as the schema describes it.
import { getTimelineData } from '../../data/timeline';

export function GET() {
  return new Response(JSON.stringify(getTimelineData(), null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
