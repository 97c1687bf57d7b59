// /data/<name>.csv: one file per monthly series in series.yaml (its `download` name, else its id),
// each value with its release status and sources. No series, no file.
import { getTimelineData } from '../../data/timeline';
import { seriesCsvFiles, seriesToCsv } from '../../lib/timeline/exports';
import { uiStrings } from '../../lib/ui/strings';
import type { Series } from '../../lib/timeline/schema';

export function getStaticPaths() {
  return seriesCsvFiles(getTimelineData()).map(({ series, name }) => ({ params: { series: name }, props: { series } }));
}

export function GET({ props }: { props: { series: Series } }) {
  return new Response(seriesToCsv(props.series, uiStrings(getTimelineData().site.language)), {
    headers: { 'Content-Type': 'text/csv; charset=utf-8' },
  });
}
