// Where a chart's embed, oEmbed, data and images live, as absolute URLs under SITE_URL + BASE_PATH,
// and where it appears in the story. For Astro pages and endpoints (uses the build's base and files).
import { chartImagePath } from '../../lib/images/paths';
import { getStories } from '../../data/stories';
import type { ChartSpec } from '../../lib/timeline/schema';
import { absoluteUrl, withBase } from '../../utils/url';
import { COLUMN_WIDTH, chartHeights, heightAt } from './heights';
import { embedSnippet, type Theme } from './snippet';

/** The embed page of a chart, with an optional theme. */
export function embedPageUrl(id: string, site: URL | undefined, theme?: Theme): string {
  const url = absoluteUrl(`embed/${id}/`, site);
  return theme && theme !== 'auto' ? `${url}?theme=${theme}` : url;
}

/** The host script (public/embed.js). */
export function embedScriptUrl(site: URL | undefined): string {
  return absoluteUrl('embed.js', site);
}

/** The oEmbed JSON of a chart. */
export function oembedUrl(id: string, site: URL | undefined): string {
  return absoluteUrl(`oembed/${id}.json`, site);
}

/** The height of a chart's iframe before any script runs: its embed page's at the usual column width. */
export function chartFrameHeight(chart: Pick<ChartSpec, 'id' | 'kind'>): number {
  return heightAt(chartHeights(chart), COLUMN_WIDTH);
}

/** The embed code of a chart, as documented in src/components/embed/snippet.ts. */
export function chartSnippet(
  chart: Pick<ChartSpec, 'id' | 'title' | 'kind'>,
  site: URL | undefined,
  options: { theme?: Theme; integrity?: string } = {},
): string {
  const heights = chartHeights(chart);
  return embedSnippet({
    embedUrl: embedPageUrl(chart.id, site, options.theme),
    scriptUrl: embedScriptUrl(site),
    title: chart.title,
    height: heightAt(heights, COLUMN_WIDTH),
    heights,
    integrity: options.integrity,
  });
}

/**
 * The absolute URL of the place in the story where the chart appears: the home page at #chart-<id>
 * when the home page's story places it (<Chart id="…"/>), else the home page itself — so the
 * "full story" link never points at an anchor that does not exist.
 */
export async function chartStoryUrl(id: string, site: URL | undefined): Promise<string> {
  const home = absoluteUrl('', site);
  const [story] = await getStories();
  const placed = new RegExp(`<Chart\\b[^>]*\\bid=["'{]*${id}["'}]`).test(story?.body ?? '');
  return placed ? `${home}#chart-${id}` : home;
}

export interface Download {
  label: string;
  /** Site path with the base. */
  href: string;
}

/**
 * The chart's downloads that this build makes: PNG and SVG when a route in src/pages/images/ or a file
 * in public/images/ provides them (none does yet), and the data as CSV (/data/charts/<id>.csv).
 */
export function chartDownloads(id: string, labels: { pngDark: string; csv: string }): Download[] {
  // The images are written after the pages by the images integration (src/integrations/images.ts).
  return [
    { label: 'PNG', href: withBase(chartImagePath(id, 'png')) },
    { label: 'SVG', href: withBase(chartImagePath(id, 'svg')) },
    { label: labels.pngDark, href: withBase(chartImagePath(id, 'png', 'dark')) },
    { label: labels.csv, href: withBase(`data/charts/${id}.csv`) },
  ];
}
