// Serves dist/ like a static CDN would: `node scripts/serve.mjs` → http://localhost:4321
//   PORT       the port (default 4321)
//   BASE_PATH  the sub-path the site was built for (default: read from the build, else /)
//   DIST       the folder to serve (default dist/)
// Also importable: startServer({ root, base, port, headers, headersFile }) → { url, port, close }.
//   headers      sent with every response
//   headersFile  a Netlify / Cloudflare Pages `_headers` file (e.g. dist/_headers), applied per request path
//                below the base as Cloudflare applies it (scripts/lib/site-check.mjs: headersForPath); its
//                rules win over `headers` for the names they set
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';
import { headersForPath, parseHeadersFile } from './lib/site-check.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.pdf': 'application/pdf',
};

/**
 * Starts a static server for `root` under `base`; resolves when it listens.
 * @param {{ root?: string, base?: string, port?: number, host?: string, headers?: Record<string, string>,
 *   headersFile?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export function startServer({
  root = 'dist',
  base = '/',
  port = 4321,
  host = '127.0.0.1',
  headers = {},
  headersFile,
} = {}) {
  const dir = resolve(root);
  const prefix = `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  // Read on the first request, not now: a test may start the server before it builds into `root`.
  /** @type {import('./lib/site-check.mjs').HeaderRule[] | undefined} */
  let rules;
  const ruleHeaders = (/** @type {string} */ pathname) => {
    if (!headersFile) return {};
    rules ??= existsSync(headersFile) ? parseHeadersFile(readFileSync(headersFile, 'utf8')) : [];
    const below = pathname.startsWith(prefix) ? `/${pathname.slice(prefix.length)}` : pathname;
    return headersForPath(rules, below);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    const send = (status, file) => {
      const own = ruleHeaders(decodeURIComponent(url.pathname));
      const ownNames = new Set(Object.keys(own).map((n) => n.toLowerCase()));
      const common = Object.fromEntries(Object.entries(headers).filter(([n]) => !ownNames.has(n.toLowerCase())));
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      // Compress text like any CDN does (gzip when the client accepts it), so local measurements match hosting.
      const gzip = /text|json|xml|svg|javascript/.test(type) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      res.writeHead(status, {
        'Content-Type': type,
        ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
        ...common,
        ...own,
      });
      if (req.method === 'HEAD') return res.end();
      const stream = createReadStream(file);
      (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
    };
    const notFound = () => {
      const page = join(dir, '404.html');
      if (existsSync(page)) return send(404, page);
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
    };
    if (path === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix });
      return res.end();
    }
    if (!path.startsWith(prefix)) return notFound();
    path = path.slice(prefix.length);
    const file = normalize(join(dir, path));
    if (file !== dir && !file.startsWith(dir + sep)) return notFound();
    if (existsSync(file) && statSync(file).isDirectory()) {
      if (!path.endsWith('/') && path !== '') {
        res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
        return res.end();
      }
      const index = join(file, 'index.html');
      return existsSync(index) ? send(200, index) : notFound();
    }
    if (existsSync(file)) return send(200, file);
    return notFound();
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const actual = server.address().port;
      resolvePromise({
        url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${actual}${prefix}`,
        port: actual,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}

/** The base path dist/ was built for, as recorded by the build. */
function builtBase(root) {
  try {
    return JSON.parse(readFileSync(join(root, 'build-info.json'), 'utf8')).base;
  } catch {
    return undefined;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = process.env.DIST || 'dist';
  if (!existsSync(join(root, 'index.html'))) {
    console.error(
      `There is no built site in ${root}/. Run "npm run build" first (or "npm start", which builds and serves).`,
    );
    process.exit(1);
  }
  const base = process.env.BASE_PATH || builtBase(root) || '/';
  const { url } = await startServer({
    root,
    base,
    port: Number(process.env.PORT || 4321),
    host: process.env.HOST || '127.0.0.1',
  });
  console.log(`Serving ${root}/ at ${url}  (Ctrl+C to stop)`);
}
