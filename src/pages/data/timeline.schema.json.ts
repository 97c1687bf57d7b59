// /data/timeline.schema.json: the JSON Schema of /data/timeline.json, for editors and other tools.
import { timelineJsonSchema } from '../../lib/timeline/json-schema';

export function GET() {
  return new Response(JSON.stringify(timelineJsonSchema(), null, 2), {
    headers: { 'Content-Type': 'application/schema+json; charset=utf-8' },
  });
}
