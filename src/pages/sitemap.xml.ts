// /sitemap.xml: every HTML page of the site that search engines may index (no robots noindex), as
// absolute URLs (SITE_URL + BASE_PATH), in every published language: the default language's at the
// site root, each other one's below its folder (/es/…; see scripts/build.mjs).
// Static pages are found from the files in src/pages; dynamic routes ([param].astro) are listed below.
import type { APIContext } from 'astro';
import { getTimelineData, siteLanguages } from '../data/timeline';
import { languageFolder } from '../lib/i18n/alternates';

/** Page files, relative to src/pages: './index.astro', './events/[id].astro', … */
const pageFiles = Object.keys(import.meta.glob('./**/*.{astro,mdx}', { eager: false }));

/** Pages that are not for search results: the not-found page, error pages. */
const EXCLUDED = new Set(['404', '500']);
/** Folders that are not for search results: embeddable views (framed by other sites), development pages. */
const EXCLUDED_FOLDERS = ['embed/', 'dev/'];
/** Pages listed although their folder is not: the embed gallery (/embed/), a page for journalists. */
const INCLUDED = new Set(['embed/index']);

/**
 * The site paths (below the base, ending in '/') of each dynamic route's pages.
 * TODO(lead): add one entry per new dynamic route in src/pages that makes HTML pages, keyed by its file, e.g.
 *   './stories/[slug].mdx': () => getStories().map((s) => `stories/${s.slug}/`),
 * A dynamic route with no entry is left out with a warning in the build log, and the sitemap test
 * (tests/e2e/links.test.ts) fails until it is listed here or its folder is excluded above.
 */
const DYNAMIC_ROUTES: Record<string, () => string[]> = {
  './events/[id].astro': () => getTimelineData().events.map((e) => `events/${e.id}/`),
  './dev/[gallery].astro': () => [], // development only
};

const excluded = (path: string) => EXCLUDED_FOLDERS.some((folder) => `${path}/`.startsWith(folder));

/** './index.astro' → '', './about.astro' → 'about/', './a/index.mdx' → 'a/'; undefined if not a listed page. */
function staticPath(file: string): string | undefined {
  const path = file.replace(/^\.\//, '').replace(/\.(astro|mdx)$/, '');
  if (path.split('/').some((p) => p.startsWith('_'))) return undefined; // Astro does not build _-prefixed files
  if (path.includes('[')) return undefined; // dynamic: see DYNAMIC_ROUTES
  if (EXCLUDED.has(path) || (excluded(path) && !INCLUDED.has(path))) return undefined;
  if (path === 'index') return '';
  return `${path.replace(/\/index$/, '')}/`;
}

function dynamicPaths(file: string): string[] {
  if (excluded(file.replace(/^\.\//, ''))) return [];
  const route = DYNAMIC_ROUTES[file];
  if (route) return route();
  console.warn(
    `sitemap.xml: ${file} is a dynamic route with no entry in DYNAMIC_ROUTES (src/pages/sitemap.xml.ts): its pages are not listed`,
  );
  return [];
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

export function GET(context: APIContext): Response {
  const base = import.meta.env.SITE_ROOT_BASE;
  const languages = siteLanguages();
  const site = context.site ?? new URL('http://localhost:4321');
  const { updated } = getTimelineData().site;
  const paths = new Set<string>();
  for (const file of pageFiles.sort()) {
    const path = staticPath(file);
    if (path !== undefined) paths.add(path);
    else if (file.includes('[')) for (const p of dynamicPaths(file)) paths.add(p);
  }
  const urls = languages.published.flatMap((lang) =>
    [...paths]
      .sort()
      .map((p) => new URL(base + languageFolder(lang, languages.default) + p, site).href)
      .map((loc) => `  <url>\n    <loc>${escapeXml(loc)}</loc>\n    <lastmod>${updated}</lastmod>\n  </url>`),
  );
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}
