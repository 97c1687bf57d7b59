// What the site offers for download, as the content holds it: the series' file only when there is a
// series, named as site.yaml names it. The footer, the home page and the 404 page all read this, so a
// story without a series mentions none anywhere.
import { seriesCsvFiles } from '../timeline/exports';
import type { TimelineData } from '../timeline/schema';
import type { UiStrings } from './strings';

export interface SeriesDownload {
  /** Site path of the CSV. */
  path: string;
  /** Its file name, as the home page lists it. */
  file: string;
  /** What the story calls it ("monthly series"). */
  name: string;
  /** Its line on the home page. */
  description: string;
}

/** The series download, or undefined when the content has no series. */
export function seriesDownload(data: Pick<TimelineData, 'site' | 'series'>, ui: UiStrings): SeriesDownload | undefined {
  // The first series' file (src/pages/data/[series].csv.ts writes one per series).
  const [csv] = seriesCsvFiles(data);
  if (!csv) return undefined;
  const { series, path } = csv;
  return {
    path,
    file: path.split('/').pop()!,
    name: data.site.seriesName ?? ui.downloads.seriesName,
    description: data.site.seriesDescription ?? series.title,
  };
}
