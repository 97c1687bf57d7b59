// /build-info.json: what this build was made for, so scripts/serve.mjs serves it under the right base.
export function GET() {
  return new Response(JSON.stringify({ base: import.meta.env.BASE_URL, site: import.meta.env.SITE }), {
    headers: { 'Content-Type': 'application/json' },
  });
}
