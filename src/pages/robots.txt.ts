// /robots.txt: every crawler may read everything; the sitemap's absolute URL (from SITE_URL and BASE_PATH).
// Crawlers only read robots.txt at the root of a host: under a sub-path (BASE_PATH) this file is
// informative, and the host's own robots.txt must name the sitemap instead (see docs/deploy.md).
import type { APIContext } from 'astro';

export function GET(context: APIContext): Response {
  const base = import.meta.env.BASE_URL.replace(/\/*$/, '/');
  const sitemap = new URL(`${base}sitemap.xml`, context.site ?? 'http://localhost:4321').href;
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemap}`, ''].join('\n');
  return new Response(body, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
