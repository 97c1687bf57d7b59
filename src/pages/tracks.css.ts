// /tracks.css: the colour of each track, light and dark (see src/lib/timeline/track-colours.ts).
import { getTimelineData } from '../data/timeline';
import { trackColoursCss } from '../lib/timeline/track-colours';

export function GET() {
  return new Response(trackColoursCss(getTimelineData().tracks), {
    headers: { 'Content-Type': 'text/css; charset=utf-8' },
  });
}
