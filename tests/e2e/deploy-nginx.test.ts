// nginx serving the build with the blocks of docs/deploy.md, as written (only the ports, certificate and
// folder changed; tests/unit/deploy-docs.ts nginxTestConfig): every file of dist/ and every folder
// address, at the root of a host and under /explainers/mexico-2019/, comes back 200 with the headers
// public/_headers gives its path (see expectedHeaders for the one rule about cache lifetimes). Also the
// 404 page, redirects, compression and character sets, and CORS for a sandboxed frame (Origin: null).
// The language folders of the build (dist/es/, built with SITE_LANG=es: every top-level folder with an
// _astro/ of its own) are expected to get the rules scripts/build.mjs writes for them into dist/_headers.
// Skipped when nginx is not installed (Debian: apt-get install nginx).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { Agent, request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseCsp, parseHeadersFile, withLanguageHeaders } from '../../scripts/lib/site-check.mjs';
import {
  expectedHeaders,
  findNginx,
  hasOpenssl,
  headerNames,
  nginxFiles,
  nginxTestConfig,
  startNginx,
  type NginxSetup,
} from '../unit/deploy-docs';

const DIST = resolve(process.env.DIST || 'dist');
const missing = !findNginx() ? 'nginx is not installed' : !hasOpenssl() ? 'openssl is not installed' : '';
const languages = existsSync(DIST)
  ? readdirSync(DIST, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(DIST, e.name, '_astro')))
      .map((e) => e.name)
  : [];
const rules = parseHeadersFile(withLanguageHeaders(readFileSync('public/_headers', 'utf8'), languages));
const names = headerNames(rules);
const SITES = [
  { file: '/etc/nginx/sites-available/explainer', base: '/' },
  { file: '/etc/nginx/sites-available/news.example.org', base: '/explainers/mexico-2019/' },
];

interface Reply {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

const agent = new Agent({ keepAlive: true, maxSockets: 8, rejectUnauthorized: false });

function get(port: number, path: string, headers: Record<string, string> = {}, tls = true): Promise<Reply> {
  return new Promise((done, fail) => {
    const options = { host: '127.0.0.1', port, path, headers, ...(tls ? { agent } : {}) };
    const req = (tls ? httpsRequest : httpRequest)(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        done({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(res.headers).map(([k, v]) => [k, String(v)])),
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

/** The headers of a reply that _headers also sets (lower-case names). */
function ours(reply: Reply): Record<string, string> {
  return Object.fromEntries(
    Object.entries(reply.headers)
      .filter(([k]) => names.has(k))
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Every file of dist, relative, with forward slashes. */
function distFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else out.push(relative(DIST, full).split(sep).join('/'));
    }
  };
  walk(DIST);
  return out.sort();
}

/** Runs `task` over `items`, `n` at a time. */
async function pool<T, R>(items: T[], n: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await task(items[i]);
      }
    }),
  );
  return results;
}

let setup: NginxSetup;
let server: Awaited<ReturnType<typeof startNginx>> | undefined;
let dir: string;

beforeAll(async () => {
  if (missing) return;
  dir = mkdtempSync(join(tmpdir(), 'nginx-live-'));
  const files = nginxFiles(readFileSync('docs/deploy.md', 'utf8'));
  setup = await nginxTestConfig(
    dir,
    files,
    SITES.map((s) => s.file),
    DIST,
  );
  server = await startNginx(setup);
});

afterAll(async () => {
  agent.destroy();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const port = (file: string, documented: number) => setup.ports.get(file)!.get(documented)!;

describe.skipIf(missing)(`nginx serving dist/ with docs/deploy.md${missing ? ` (skipped: ${missing})` : ''}`, () => {
  describe.each(SITES)('$file', ({ file, base }) => {
    it('sends every file and folder address with the headers _headers gives its path', async () => {
      const files = distFiles().filter((f) => f !== '_headers');
      const folders = files.filter((f) => f === 'index.html' || f.endsWith('/index.html')).map((f) => f.slice(0, -10));
      const paths = [...files, ...folders].map((f) => `/${f}`);
      const problems = (
        await pool(paths, 8, async (path) => {
          const reply = await get(port(file, 443), base + path.slice(1));
          const want = expectedHeaders(rules, path);
          const got = ours(reply);
          if (reply.status !== 200) return [`${path}: status ${reply.status}`];
          return JSON.stringify(got) === JSON.stringify(want)
            ? []
            : [`${path}: ${JSON.stringify(got)}\n   _headers: ${JSON.stringify(want)}`];
        })
      ).flat();
      expect(paths.length).toBeGreaterThan(100);
      expect(problems, problems.join('\n')).toEqual([]);
    });

    it('answers an unknown address with the 404 page, its security headers and no cache lifetime', async () => {
      for (const path of ['no-such-page/', '_astro/no-such.js', '_headers']) {
        const reply = await get(port(file, 443), base + path);
        expect(reply.status, path).toBe(404);
        expect(reply.body.toString(), path).toBe(readFileSync(join(DIST, '404.html'), 'utf8'));
        const { 'cache-control': cache, ...security } = ours(reply);
        expect(cache, path).toBeUndefined();
        expect(security, path).toEqual(
          Object.fromEntries(
            Object.entries(expectedHeaders(rules, '/404.html')).filter(([k]) => k !== 'cache-control'),
          ),
        );
      }
    });

    it("answers an unknown address in a language folder with that language's 404 page", async () => {
      expect(languages).toContain('es');
      for (const lang of languages) {
        const reply = await get(port(file, 443), `${base}${lang}/no-such-page/`);
        expect(reply.status).toBe(404);
        expect(reply.body.toString()).toBe(readFileSync(join(DIST, lang, '404.html'), 'utf8'));
      }
    });

    it('redirects a folder address without its final slash (relative), and port 80 to HTTPS', async () => {
      const folder = await get(port(file, 443), `${base}table`);
      expect([folder.status, folder.headers.location]).toEqual([301, `${base}table/`]);
      const plain = await get(port(file, 80), `${base}table/`, { Host: 'explainer.example.org' }, false);
      expect([plain.status, plain.headers.location]).toEqual([301, `https://explainer.example.org${base}table/`]);
      if (base !== '/') {
        const bare = await get(port(file, 443), base.slice(0, -1));
        expect(bare.status).toBe(301);
        expect(new URL(bare.headers.location, 'https://x').pathname).toBe(base);
      }
    });

    it('compresses text (XML, CSV, JSON, JS, CSS, SVG) and names its character set', async () => {
      const csv = distFiles().find((f) => f.startsWith('data/') && f.endsWith('.csv'))!;
      const js = distFiles().find((f) => f.startsWith('_astro/') && f.endsWith('.js'))!;
      const css = distFiles().find((f) => f.startsWith('_astro/') && f.endsWith('.css'))!;
      const svg = distFiles().find((f) => f.endsWith('.svg'))!;
      const cases: [string, RegExp][] = [
        ['sitemap.xml', /^text\/xml; charset=utf-8$/],
        [csv, /^text\/csv; charset=utf-8$/],
        ['data/timeline.json', /^application\/json; charset=utf-8$/],
        [js, /^(application|text)\/javascript; charset=utf-8$/],
        [css, /^text\/css; charset=utf-8$/],
        [svg, /^image\/svg\+xml; charset=utf-8$/],
        ['index.html', /^text\/html; charset=utf-8$/],
      ];
      for (const [path, type] of cases) {
        const reply = await get(port(file, 443), base + path, { 'Accept-Encoding': 'gzip' });
        expect(reply.status, path).toBe(200);
        expect(reply.headers['content-type'], path).toMatch(type);
        expect(reply.headers['content-encoding'], path).toBe('gzip');
        expect(gunzipSync(reply.body).equals(readFileSync(join(DIST, path))), path).toBe(true);
      }
    });

    it('serves a language folder as the root: embeds frameable, data shared, scripts immutable, pages not framed', async () => {
      expect(languages, 'build a language folder too: SITE_LANG=es SKIP_IMAGES=1 npx astro build').toContain('es');
      const es = distFiles().filter((f) => f.startsWith('es/'));
      const embed = es.find((f) => /^es\/embed\/[^/]+\/index\.html$/.test(f))!.slice(0, -10);
      const csv = es.find((f) => /^es\/data\/[^/]+\.csv$/.test(f))!;
      const js = es.find((f) => f.startsWith('es/_astro/') && f.endsWith('.js'))!;
      const at = (path: string, headers: Record<string, string> = {}) => get(port(file, 443), base + path, headers);
      const framing = (reply: Reply) => [
        reply.status,
        parseCsp(reply.headers['content-security-policy'] ?? '').get('frame-ancestors'),
        reply.headers['x-frame-options'],
      ];
      expect(framing(await at(embed))).toEqual([200, ['*'], undefined]);
      expect(framing(await at('es/'))).toEqual([200, ["'none'"], 'DENY']);
      expect((await at('es/')).headers['cache-control']).toBe('public, max-age=300, must-revalidate');
      const data = await at(csv, { Origin: 'https://news.example.com' });
      expect([data.status, data.headers['access-control-allow-origin']]).toEqual([200, '*']);
      expect(data.headers['content-type']).toBe('text/csv; charset=utf-8');
      const script = await at(js, { Origin: 'null' });
      expect([script.status, script.headers['cache-control'], script.headers['access-control-allow-origin']]).toEqual([
        200,
        'public, max-age=31536000, immutable',
        '*',
      ]);
    });

    it('lets a sandboxed frame (Origin: null) load the module scripts and data', async () => {
      const js = distFiles().filter((f) => f.startsWith('_astro/') && f.endsWith('.js'));
      for (const path of [...js, 'data/timeline-details.json', 'embed.js']) {
        const reply = await get(port(file, 443), base + path, { Origin: 'null' });
        expect(reply.status, path).toBe(200);
        expect(reply.headers['access-control-allow-origin'], path).toBe('*');
      }
    });
  });
});
