// /oembed/<id>.json: the oEmbed response (https://oembed.com, type "rich") of each chart, as a static
// file. Embed pages point at it with <link rel="alternate" type="application/json+oembed">, which is how
// WordPress finds it when an editor pastes an embed page's address on a line of its own
// (docs/embedding.md). `width` is the column width `height` is given for: the embed page's height there.
import type { APIContext } from 'astro';
import { getTimelineData } from '../../data/timeline';
import { absoluteUrl } from '../../utils/url';
import { COLUMN_WIDTH } from '../../components/embed/heights';
import { chartFrameHeight, chartSnippet } from '../../components/embed/urls';

export function getStaticPaths() {
  return getTimelineData().charts.map((chart) => ({ params: { id: chart.id } }));
}

export function GET({ params, site }: APIContext): Response {
  const { site: meta, charts } = getTimelineData();
  const chart = charts.find((c) => c.id === params.id);
  if (!chart) return new Response('Not found', { status: 404 });
  const body = {
    type: 'rich',
    version: '1.0',
    title: chart.title,
    provider_name: meta.publisher,
    provider_url: absoluteUrl('', site),
    author_name: meta.publisher,
    html: chartSnippet(chart, site),
    width: COLUMN_WIDTH,
    height: chartFrameHeight(chart),
    cache_age: 86400,
  };
  return new Response(JSON.stringify(body, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
}
