// The nginx and CloudFront configurations of docs/deploy.md send what public/_headers gives, path by
// path: the security headers (the embeds' own policy, no X-Frame-Options there), the cache lifetimes
// and CORS. The nginx blocks are read as nginx reads them (tests/unit/deploy-docs.ts: location
// matching, add_header inheritance, the included snippets, index for folder addresses), the CloudFront
// set-up from its response headers policies, behaviours table, folder function and S3 uploads.
// Each comparison is also run on a copy of the texts with one header line deleted, and must fail then.
// The paths are the root's and the same below a language folder (/es/), with the rules scripts/build.mjs
// writes into dist/_headers for a site that publishes Spanish besides its default language.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  headersForPath,
  headersPathPattern,
  languageHeaderRules,
  parseHeadersFile,
  withLanguageHeaders,
  type HeaderRule,
} from '../../scripts/lib/site-check.mjs';
import {
  PATHS,
  cloudFront,
  expectedHeaders,
  headersInForce,
  markdownBlocks,
  nginxFiles,
  nginxSite,
  normalize,
  parseNginx,
  uploadsOf,
} from './deploy-docs';

const doc = readFileSync('docs/deploy.md', 'utf8');
const rootHeadersText = readFileSync('public/_headers', 'utf8');
const headersText = withLanguageHeaders(rootHeadersText, ['es']);
const rules = parseHeadersFile(headersText);
/** The root's representative paths, and the same in the Spanish folder (which has no sitemap or robots.txt). */
const ALL_PATHS = [...PATHS, ...PATHS.filter((p) => !/^\/(sitemap\.xml|robots\.txt)$/.test(p)).map((p) => `/es${p}`)];

const ROOT_SITE = '/etc/nginx/sites-available/explainer';
const SUB_SITE = '/etc/nginx/sites-available/news.example.org';
const SUB = '/explainers/mexico-2019/';
const SITES = [
  { file: ROOT_SITE, base: '/' },
  { file: SUB_SITE, base: SUB },
];

/** Every path where nginx (as the document configures it) differs from _headers, with how. */
function nginxDifferences(md: string, headerRules: HeaderRule[], file: string, base: string): string[] {
  const site = nginxSite(nginxFiles(md), file);
  const out: string[] = [];
  for (const path of ALL_PATHS) {
    const uri = base + path.slice(1);
    const got = site.resolve(uri);
    if (got.status !== 200) out.push(`${uri}: status ${got.status}`);
    const diff = difference(normalize(got.headers), expectedHeaders(headerRules, path));
    if (diff) out.push(`${uri} (location ${got.location.kind} ${got.location.path}): ${diff}`);
  }
  return out;
}

/** Every path where CloudFront (as the document configures it) differs from _headers. */
function cloudFrontDifferences(md: string, headerRules: HeaderRule[]): string[] {
  const cf = cloudFront(md);
  return ALL_PATHS.flatMap((path) => {
    const got = cf.resolve(path);
    const diff = difference(normalize(got.headers), expectedHeaders(headerRules, path));
    return diff ? [`${path} (behaviour ${got.behaviour}, S3 key ${got.key}): ${diff}`] : [];
  });
}

function difference(got: Record<string, string>, want: Record<string, string>): string {
  const lines: string[] = [];
  for (const name of new Set([...Object.keys(got), ...Object.keys(want)])) {
    if (got[name] === want[name]) continue;
    if (got[name] === undefined) lines.push(`missing ${name}: ${want[name]}`);
    else if (want[name] === undefined) lines.push(`extra ${name}: ${got[name]}`);
    else lines.push(`${name}: "${got[name]}", _headers "${want[name]}"`);
  }
  return lines.join('; ');
}

/** The document with one CloudFront policy (a ```json block) changed by `change`. */
function withPolicy(md: string, name: string, change: (policy: Record<string, unknown>) => void): string {
  const block = markdownBlocks(md, 'json').find((b) => b.text.includes(`"Name": "${name}"`));
  if (!block) throw new Error(`no policy ${name}`);
  const policy = JSON.parse(block.text) as Record<string, unknown>;
  change(policy);
  return md.replace(block.text, JSON.stringify(policy, null, 2));
}

/** The text with the first line matching `re` after `after` removed (the mutation checks). */
function withoutLine(text: string, re: RegExp, after = ''): string {
  const from = text.indexOf(after);
  const lines = text.slice(from).split('\n');
  const i = lines.findIndex((l) => re.test(l));
  if (from === -1 || i === -1) throw new Error(`no line ${re} after "${after}"`);
  lines.splice(i, 1);
  return text.slice(0, from) + lines.join('\n');
}

describe('the representative paths', () => {
  it('reach every rule of _headers', () => {
    const unreached = rules
      .filter((r) => !ALL_PATHS.some((p) => headersPathPattern(r.path).test(p)))
      .map((r) => r.path);
    expect(unreached, 'add a path for each new rule to PATHS in tests/unit/deploy-docs.ts').toEqual([]);
  });

  it.each(SITES)('reach every location of $file that serves files', ({ file, base }) => {
    const site = nginxSite(nginxFiles(doc), file);
    const reached = new Set(ALL_PATHS.map((p) => site.resolve(base + p.slice(1)).location));
    const unreached = site
      .locations()
      .filter((l) => !l.ret && !reached.has(l))
      .map((l) => `${l.kind} ${l.path}`);
    expect(unreached).toEqual([]);
  });
});

describe('the rules of a language folder (scripts/build.mjs appends them to dist/_headers)', () => {
  const at = (path: string) => headersForPath(rules, path);
  const root = parseHeadersFile(rootHeadersText);

  it('give /es/ what the root gives: embeds framed by any site, data shared, scripts kept, pages not framed', () => {
    expect(at('/es/embed/x/')['Content-Security-Policy']).toMatch(/; frame-ancestors \*$/);
    expect(at('/es/embed/x/')['X-Frame-Options']).toBeUndefined();
    expect(at('/es/data/x.csv')['Access-Control-Allow-Origin']).toBe('*');
    expect(at('/es/_astro/x.js')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(at('/es/')).toMatchObject({
      'X-Frame-Options': 'DENY',
      'Cache-Control': 'public, max-age=300, must-revalidate',
    });
    expect(at('/es/')['Content-Security-Policy']).toMatch(/frame-ancestors 'none'$/);
    for (const path of PATHS) expect(at(`/es${path}`), `/es${path}`).toEqual(at(path));
  });

  it('leave the root as public/_headers alone gives it', () => {
    expect(headersText.startsWith(rootHeadersText)).toBe(true);
    for (const path of PATHS) expect(at(path), path).toEqual(headersForPath(root, path));
  });

  it('are one copy per language of every rule that does not begin with a splat, within Cloudflare’s 100', () => {
    expect(languageHeaderRules(rootHeadersText, [])).toBe('');
    expect(withLanguageHeaders(rootHeadersText, [])).toBe(rootHeadersText);
    const two = parseHeadersFile(withLanguageHeaders(rootHeadersText, ['es', 'fr']));
    const copied = root.filter((r) => !r.path.startsWith('/*')).map((r) => r.path);
    expect(two.filter((r) => r.path.startsWith('/fr/')).map((r) => r.path)).toEqual(copied.map((p) => `/fr${p}`));
    const many = Array.from({ length: 12 }, (_, i) => `l${String.fromCharCode(97 + i)}`);
    expect(() => withLanguageHeaders(rootHeadersText, many)).toThrow(/Cloudflare Pages reads 100/);
  });
});

describe('nginx, as docs/deploy.md configures it', () => {
  it('has the two snippets and the two site files, each in a block of its own', () => {
    expect([...nginxFiles(doc).keys()].sort()).toEqual([
      '/etc/nginx/sites-available/explainer',
      '/etc/nginx/sites-available/news.example.org',
      '/etc/nginx/snippets/explainer-embed-headers.conf',
      '/etc/nginx/snippets/explainer-headers.conf',
    ]);
  });

  it.each(SITES)('$file sends what _headers gives, path by path', ({ file, base }) => {
    const differences = nginxDifferences(doc, rules, file, base);
    expect(differences, differences.join('\n')).toEqual([]);
  });

  it.each(SITES)('$file fails the comparison when a header line is deleted on either side', ({ file, base }) => {
    // from the nginx side: the CORS header of the _astro location, a security header of a snippet
    const at = base === '/' ? 'location /_astro/' : `location ${SUB}_astro/`;
    expect(nginxDifferences(withoutLine(doc, /Access-Control-Allow-Origin/, at), rules, file, base)).toEqual([
      expect.stringMatching(/_astro\/x\.js .*missing access-control-allow-origin/),
      expect.stringMatching(/_astro\/x\.css .*missing access-control-allow-origin/),
    ]);
    const inLanguage = withoutLine(doc, /Access-Control-Allow-Origin/, `location ~ ^${base}[^/]+/_astro/`);
    expect(nginxDifferences(inLanguage, rules, file, base)).toEqual([
      expect.stringMatching(/es\/_astro\/x\.js .*missing access-control-allow-origin/),
      expect.stringMatching(/es\/_astro\/x\.css .*missing access-control-allow-origin/),
    ]);
    const noNosniff = withoutLine(doc, /X-Content-Type-Options/, 'snippets/explainer-embed-headers.conf:');
    expect(nginxDifferences(noNosniff, rules, file, base).join('\n')).toMatch(/embed\/timeline\/.*missing x-content/);
    // from the _headers side
    const astroRule = withoutLine(headersText, /Access-Control-Allow-Origin/, '/_astro/*');
    expect(nginxDifferences(doc, parseHeadersFile(astroRule), file, base).join('\n')).toMatch(
      /_astro\/x\.js .*extra access-control-allow-origin/,
    );
    const oembedRule = withoutLine(headersText, /Access-Control-Allow-Origin/, '/oembed/*');
    expect(nginxDifferences(doc, parseHeadersFile(oembedRule), file, base).join('\n')).toMatch(
      /oembed\/x\.json .*extra access-control-allow-origin/,
    );
  });

  it.each(SITES)('$file hides _headers and redirects port 80 to HTTPS', ({ file, base }) => {
    const site = nginxSite(nginxFiles(doc), file);
    expect(site.resolve(`${base}_headers`).status).toBe(404);
    expect(site.redirects).toHaveLength(1);
    const listens = site.server.directives.filter((d) => d.name === 'listen').map((d) => d.args.join(' '));
    expect(listens).toEqual(['443 ssl http2', '[::]:443 ssl http2']);
  });

  it('under the sub-path: the address without the final slash redirects, and the locations inherit the alias', () => {
    const site = nginxSite(nginxFiles(doc), SUB_SITE);
    const bare = site.resolve(SUB.slice(0, -1));
    expect([bare.status, bare.target]).toEqual([301, SUB]);
    const outer = site.server.locations.find((l) => l.path === SUB)!;
    expect(outer.kind, 'the host’s regex locations must not take the explainer’s files').toBe('^~');
    const alias = outer.directives.find((d) => d.name === 'alias');
    expect(alias?.args).toEqual(['/srv/explainer/dist/']);
    const within = (l: (typeof outer)['parent']): boolean => !!l && (l.parent === outer || within(l.parent));
    const inside = site.locations().filter((l) => within(l));
    expect(inside.length).toBeGreaterThan(5);
    for (const l of inside) {
      // a regular expression (the language folders) is anchored at the sub-path
      expect(l.path.startsWith(l.regex ? `^${SUB}` : SUB), l.path).toBe(true);
      expect(
        l.directives.some((d) => d.name === 'alias' || d.name === 'root'),
        `${l.path}: inherits the alias`,
      ).toBe(false);
    }
    expect(outer.directives.find((d) => d.name === 'error_page')?.args).toEqual(['404', `${SUB}404.html`]);
  });

  it.each(SITES)(
    '$file compresses and labels every text type the site serves (text/xml included)',
    ({ file, base }) => {
      const site = nginxSite(nginxFiles(doc), file);
      const page = site.resolve(`${base}index.html`).location;
      const inForce = (name: string) => {
        for (let l: typeof page | undefined = page; l; l = l.parent) {
          const d = l.directives.find((x) => x.name === name);
          if (d) return d.args;
        }
        return [];
      };
      const types = [
        'text/css',
        'text/plain',
        'text/xml',
        'text/csv',
        'text/javascript',
        'application/javascript',
        'application/json',
        'image/svg+xml',
      ];
      expect(inForce('gzip')).toEqual(['on']);
      expect(inForce('gzip_types')).toEqual(expect.arrayContaining(types));
      expect(inForce('charset')).toEqual(['utf-8']);
      expect(inForce('charset_types')).toEqual(expect.arrayContaining(types));
    },
  );
});

describe('the nginx model', () => {
  const files = (site: string) =>
    new Map([
      ['/etc/nginx/sites-available/t', { text: site }],
      ['/etc/nginx/snippets/h.conf', { text: 'add_header X-A "a" always;' }],
    ]);
  const resolve = (site: string, uri: string) => nginxSite(files(site), '/etc/nginx/sites-available/t').resolve(uri);

  it('drops the headers of the blocks around a block that has an add_header of its own', () => {
    const site = `server { add_header X-A "a"; location / { } location /b/ { add_header X-B "b"; } }`;
    expect(resolve(site, '/x')).toMatchObject({ headers: { 'X-A': 'a' } });
    expect(resolve(site, '/b/x').headers).toEqual({ 'X-B': 'b' });
  });

  it('matches = first, then the longest prefix and what is inside it, then regexes in order unless ^~', () => {
    const site = `server {
      location / { add_header L "root"; }
      location /a/ { add_header L "a"; location /a/b/ { add_header L "a/b"; } }
      location ^~ /s/ { add_header L "s"; }
      location = /a/x.js { add_header L "exact"; }
      location ~ \\.js$ { add_header L "js"; }
      location ~* \\.JS$ { add_header L "JS"; }
    }`;
    const at = (uri: string) => resolve(site, uri).headers.L;
    expect(at('/a/x.js')).toBe('exact');
    expect(at('/a/y.js')).toBe('js');
    expect(at('/a/b/z.js')).toBe('js');
    expect(at('/a/b/z.Js')).toBe('JS');
    expect(at('/a/b/z')).toBe('a/b');
    expect(at('/s/x.js')).toBe('s');
    expect(at('/q')).toBe('root');
  });

  it('follows a folder address to its index file, and includes snippets', () => {
    const site = `server { location / { include snippets/h.conf; } location ~ \\.html$ { add_header P "page"; } }`;
    expect(resolve(site, '/dir/').headers).toEqual({ P: 'page' });
    expect(resolve(site, '/dir/x.txt').headers).toEqual({ 'X-A': 'a' });
  });

  it('sends only the "always" headers with an error', () => {
    const site = `server { location = /gone { include snippets/h.conf; add_header C "c"; return 404; } }`;
    expect(resolve(site, '/gone')).toMatchObject({ status: 404, headers: { 'X-A': 'a' } });
  });

  it('refuses what it does not model instead of guessing', () => {
    const refuse = (site: string) => () => nginxSite(files(site), '/etc/nginx/sites-available/t');
    expect(refuse('server { http2 on; location / { } }')).toThrow(/1\.25\.1/);
    expect(refuse('server { location / { expires 1h; } }')).toThrow(/expires/);
    expect(refuse('server { location / { try_files $uri =404; } }')).toThrow(/try_files/);
    expect(refuse('server { location / { add_header X $var; } }')).toThrow(/variable/);
    expect(refuse('server { location / { proxy_pass http://x; } }')).toThrow(/proxy_pass/);
    expect(refuse('server { location /a/ { location /b/ { } } }')).toThrow(/outside/);
    expect(refuse('server { location / { include snippets/missing.conf; } }')).toThrow(/no block/);
    expect(refuse('server { location / { add_header X "a"; add_header x "b"; } }')).toThrow(/twice/);
    expect(() => parseNginx('server { listen 80 }')).toThrow(/no ";"/);
    expect(() => parseNginx('add_header X "a;')).toThrow(/never closed/);
  });

  it('finds the headers in force by walking out to the nearest block with any', () => {
    const site = nginxSite(
      files(`server { add_header S "s"; location /a/ { location /a/b/ { } } }`),
      '/etc/nginx/sites-available/t',
    );
    expect(headersInForce(site.resolve('/a/b/x').location).map((h) => h.name)).toEqual(['S']);
  });
});

describe('S3 and CloudFront, as docs/deploy.md configures them', () => {
  it('send what _headers gives, path by path (for a request with an Origin, where CORS applies)', () => {
    const differences = cloudFrontDifferences(doc, rules);
    expect(differences, differences.join('\n')).toEqual([]);
  });

  it('fail the comparison when a header is missing on either side', () => {
    const noCors = withPolicy(doc, 'explainer-shared', (p) => delete p.CorsConfig);
    expect(cloudFrontDifferences(noCors, rules).join('\n')).toMatch(
      /_astro\/x\.js .*missing access-control-allow-origin/,
    );
    const noFrameOptions = withPolicy(doc, 'explainer-pages', (p) => {
      delete (p.SecurityHeadersConfig as Record<string, unknown>).FrameOptions;
    });
    expect(cloudFrontDifferences(noFrameOptions, rules).join('\n')).toMatch(/^\/ .*missing x-frame-options/m);
    const noSpanishEmbeds = doc.replace(/^\| `\/es\/embed\/\*` .*\n/m, '');
    expect(cloudFrontDifferences(noSpanishEmbeds, rules).join('\n')).toMatch(
      /^\/es\/embed\/timeline\/ \(behaviour \*.*x-frame-options/m,
    );
    const noImagesCache = doc.replace('--include "images/*" ', '');
    expect(() => cloudFrontDifferences(noImagesCache, rules)).toThrow(/images\/x\.png.*none of the commands/);
    const imagesRule = withoutLine(headersText, /Cache-Control/, '/images/*');
    expect(cloudFrontDifferences(doc, parseHeadersFile(imagesRule)).join('\n')).toMatch(
      /images\/x\.png .*cache-control: "public, max-age=3600", _headers "public, max-age=300, must-revalidate"/,
    );
  });

  it('upload CSV as text/csv with its character set, and every behaviour names a policy of the document', () => {
    const cf = cloudFront(doc);
    for (const key of ['data/x.csv', 'data/charts/x.csv']) {
      const types = uploadsOf(cf.uploads, key).map((u) => u.contentType);
      expect(types.length, key).toBeGreaterThan(0);
      expect(
        types.every((t) => t === 'text/csv; charset=utf-8'),
        key,
      ).toBe(true);
    }
    expect(new Set(cf.behaviours.map((b) => b.policy))).toEqual(new Set(cf.policies.keys()));
    expect(cf.folderFunction('/embed/timeline/')).toBe('/embed/timeline/index.html');
    expect(cf.folderFunction('/table')).toBe('/table/index.html');
    expect(cf.folderFunction('/data/x.json')).toBe('/data/x.json');
  });
});
