// /data/border-apprehensions.csv: the monthly south-west border series, each value with its source.
import { getTimelineData } from '../../data/timeline';
import { seriesToCsv } from '../../lib/timeline/exports';
import { toCsv } from '../../lib/csv';

export function GET() {
  const [series] = getTimelineData().series;
  const body = series ? seriesToCsv(series) : toCsv(['month'], []);
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
}
