// /build-info.json: what this build was made for, so scripts/serve.mjs serves it under the right base,
// and the fingerprint of each chart's data (scripts/embed-heights.mjs records it with the heights).
import { getTimelineData } from '../data/timeline';
import { dataFingerprint } from '../components/embed/heights';

export function GET() {
  const data = getTimelineData();
  const embedFingerprints = Object.fromEntries(data.charts.map((c) => [c.id, dataFingerprint(c.id, data)]));
  return new Response(
    JSON.stringify({ base: import.meta.env.BASE_URL, site: import.meta.env.SITE, embedFingerprints }),
    {
      headers: { 'Content-Type': 'application/json' },
    },
  );
}
