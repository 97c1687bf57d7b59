// What the host configurations in docs/deploy.md send, worked out from the text of the document, for
// tests/unit/deploy-headers.test.ts (against public/_headers), tests/unit/deploy-nginx-config.test.ts
// (nginx -t) and tests/e2e/deploy-nginx.test.ts (a real nginx serving the build).
//
//   markdownBlocks(md, lang)      the fenced blocks of one language, with the heading they sit under
//   nginxFiles(md)                the ```nginx blocks by the file each names in its first line
//   nginxSite(files, path)        a model of one site file: resolve(uri) → the headers nginx sends
//   cloudFront(md)                the response headers policies, cache behaviours, folder function and
//                                 the Cache-Control each S3 upload gives: resolve(uri) → the headers
//   expectedHeaders(rules, path)  what public/_headers gives a path (Cloudflare's reading of it)
//   startNginx / nginxTestConfig  nginx itself, in a temporary prefix, on free loopback ports
//
// The nginx model covers a small subset of nginx, the one the document uses, and refuses anything else
// rather than guess: location matching (prefix, ^~, =, ~, ~* and nesting, as ngx_http_core_find_location
// does it), add_header inheritance (a block with any add_header of its own inherits none), include of
// the snippets, index for folder addresses, return. Directives it does not know make it throw.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { dirname, join, posix } from 'node:path';
import { headersForPath, type HeaderRule } from '../../scripts/lib/site-check.mjs';

// ── Markdown ─────────────────────────────────────────────────────────────────

export interface Block {
  lang: string;
  text: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The nearest `##` heading above the block (its text). */
  section: string;
}

/** The fenced code blocks of a Markdown document whose info string is `lang` (all if omitted). */
export function markdownBlocks(md: string, lang?: string): Block[] {
  const blocks: Block[] = [];
  const lines = md.split('\n');
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const heading = /^##\s+(.*)$/.exec(lines[i]);
    if (heading) section = heading[1].trim();
    const open = /^(\s*)(`{3,})(\S*)\s*$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^\\s*${fence}\\s*$`).test(lines[j]); j++) {
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j]);
    }
    if (j === lines.length) throw new Error(`Markdown line ${i + 1}: a code fence that is never closed`);
    if (lang === undefined || info === lang) blocks.push({ lang: info, text: body.join('\n'), line: i + 1, section });
    i = j;
  }
  return blocks;
}

// ── nginx: tokens and directives ─────────────────────────────────────────────

export interface Directive {
  name: string;
  args: string[];
  block?: Directive[];
  /** Where it was written: 'file:line'. */
  at: string;
}

type Token = { kind: 'word' | ';' | '{' | '}'; value: string; line: number };

function tokenize(text: string, file: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const fail = (message: string): never => {
    throw new Error(`${file}:${line}: ${message}`);
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === ';' || c === '{' || c === '}') {
      tokens.push({ kind: c, value: c, line });
      i++;
    } else if (c === '"' || c === "'") {
      let value = '';
      let j = i + 1;
      for (; j < text.length && text[j] !== c; j++) {
        if (text[j] === '\n') fail('a quoted string across lines');
        if (text[j] === '\\') {
          j++;
          if (text[j] !== c && text[j] !== '\\') fail(`the escape \\${text[j]} in a quoted string`);
        }
        value += text[j];
      }
      if (j === text.length) fail('a quoted string that is never closed');
      i = j + 1;
      if (i < text.length && !/[\s;{}]/.test(text[i]))
        fail(`text right after a quoted string: ${text.slice(i, i + 10)}`);
      tokens.push({ kind: 'word', value, line });
    } else {
      let j = i;
      while (j < text.length && !/[\s;{}"'#]/.test(text[j])) j++;
      if (/["']/.test(text[j] ?? '')) fail(`a quote inside a word: ${text.slice(i, j + 1)}`);
      if (text[j] === '#') fail(`"#" inside a word: ${text.slice(i, j + 1)}`);
      tokens.push({ kind: 'word', value: text.slice(i, j), line });
      i = j;
    }
  }
  return tokens;
}

/** Parses nginx configuration text into directives (no meaning attached yet). */
export function parseNginx(text: string, file = 'nginx'): Directive[] {
  const tokens = tokenize(text, file);
  let pos = 0;
  const readBlock = (closing: boolean): Directive[] => {
    const out: Directive[] = [];
    let words: Token[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos++];
      if (t.kind === 'word') words.push(t);
      else if (t.kind === ';' || t.kind === '{') {
        if (!words.length) throw new Error(`${file}:${t.line}: "${t.value}" with no directive before it`);
        const d: Directive = {
          name: words[0].value,
          args: words.slice(1).map((w) => w.value),
          at: `${file}:${words[0].line}`,
        };
        if (t.kind === '{') d.block = readBlock(true);
        out.push(d);
        words = [];
      } else {
        if (words.length) throw new Error(`${file}:${t.line}: a directive with no ";" before "}"`);
        if (!closing) throw new Error(`${file}:${t.line}: a "}" with no block to close`);
        return out;
      }
    }
    if (words.length) throw new Error(`${file}: the last directive has no ";"`);
    if (closing) throw new Error(`${file}: a block that is never closed`);
    return out;
  };
  return readBlock(false);
}

// ── nginx: the files in the document ─────────────────────────────────────────

/**
 * The ```nginx blocks of the document by the file each one is, taken from its first line,
 * a comment that starts with the file's path: `# /etc/nginx/snippets/x.conf: what it is`.
 */
export function nginxFiles(md: string): Map<string, { text: string; block: Block }> {
  const files = new Map<string, { text: string; block: Block }>();
  for (const block of markdownBlocks(md, 'nginx')) {
    const name = /^#\s+(\/etc\/nginx\/\S+?):?(\s|$)/.exec(block.text)?.[1];
    if (!name) throw new Error(`docs line ${block.line}: an nginx block whose first line does not name its file`);
    if (files.has(name)) throw new Error(`docs line ${block.line}: a second block for ${name}`);
    files.set(name, { text: block.text, block });
  }
  return files;
}

// ── nginx: a model of a site ─────────────────────────────────────────────────

export interface AddHeader {
  name: string;
  value: string;
  always: boolean;
  at: string;
}

export interface Level {
  /** 'server' for the server block; otherwise the location's modifier ('prefix' when it has none). */
  kind: 'server' | 'prefix' | '^~' | '=' | '~' | '~*';
  path: string;
  regex?: RegExp;
  /** The add_header lines written in this block (after includes); undefined if none. */
  headers?: AddHeader[];
  index?: string[];
  ret?: { code: number; target?: string };
  locations: Level[];
  parent?: Level;
  at: string;
  /** The directives of this block, includes expanded. */
  directives: Directive[];
}

const CONF_PREFIX = '/etc/nginx/';

// What each context may hold. Everything here either sets headers (add_header, include of the header
// snippets), picks the location (location), ends the request (return), or has no effect on the
// headers this model works out (TLS, compression, character set, file mapping, error page).
const NO_HEADER_EFFECT = [
  'root',
  'alias',
  'index',
  'error_page',
  'absolute_redirect',
  'charset',
  'charset_types',
  'gzip',
  'gzip_vary',
  'gzip_types',
  'types',
];
const ALLOWED = {
  server: new Set([
    'listen',
    'server_name',
    'ssl_certificate',
    'ssl_certificate_key',
    'add_header',
    'include',
    'location',
    'return',
    ...NO_HEADER_EFFECT,
  ]),
  location: new Set(['add_header', 'include', 'location', 'return', ...NO_HEADER_EFFECT]),
};
const REFUSED: Record<string, string> = {
  http2: '"http2 on;" needs nginx 1.25.1 or later (Debian 12 has 1.22.1): use "listen 443 ssl http2;"',
  expires: 'expires sets Cache-Control, which this model does not follow: use add_header Cache-Control',
  try_files: 'try_files is not modelled (and with alias it looks up wrong paths)',
  if: '"if" is not modelled',
  rewrite: 'rewrite is not modelled',
  more_set_headers: 'more_set_headers is not modelled (and is not in Debian\u2019s nginx)',
  add_header_inherit: 'add_header_inherit is not modelled (and needs a recent nginx)',
};

function refuse(d: Directive, context: string): never {
  throw new Error(`${d.at}: "${d.name}" ${REFUSED[d.name] ?? `is not understood in ${context} by this model`}`);
}

/** Expands `include` against the files of the document (paths relative to /etc/nginx/). */
function expandIncludes(directives: Directive[], files: Map<string, { text: string }>, depth = 0): Directive[] {
  if (depth > 5) throw new Error('include nested too deeply');
  const out: Directive[] = [];
  for (const d of directives) {
    if (d.name !== 'include') {
      out.push(d);
      continue;
    }
    if (d.args.length !== 1 || /[*?$]/.test(d.args[0])) throw new Error(`${d.at}: include takes one plain file name`);
    const path = d.args[0].startsWith('/') ? d.args[0] : CONF_PREFIX + d.args[0];
    const file = files.get(path);
    if (!file) throw new Error(`${d.at}: include ${d.args[0]}: no block in the document is ${path}`);
    out.push(...expandIncludes(parseNginx(file.text, path), files, depth + 1));
  }
  return out;
}

function buildLevel(
  kind: Level['kind'],
  path: string,
  directives: Directive[],
  files: Map<string, { text: string }>,
  at: string,
  parent?: Level,
): Level {
  const level: Level = { kind, path, locations: [], parent, at, directives: [] };
  if (kind === '~' || kind === '~*') level.regex = new RegExp(path, kind === '~*' ? 'i' : '');
  const context = kind === 'server' ? 'server' : 'location';
  level.directives = expandIncludes(directives, files);
  for (const d of level.directives) {
    if (!ALLOWED[context].has(d.name)) refuse(d, `a ${context} block`);
    if (d.block && d.name !== 'location' && d.name !== 'types') throw new Error(`${d.at}: "${d.name}" with a block`);
    if (!d.block && (d.name === 'location' || d.name === 'types'))
      throw new Error(`${d.at}: "${d.name}" with no block`);
    switch (d.name) {
      case 'add_header': {
        const always = d.args[2] === 'always';
        if (d.args.length !== (always ? 3 : 2)) throw new Error(`${d.at}: add_header takes a name, a value, [always]`);
        const [name, value] = d.args;
        if (/\$/.test(name + value)) throw new Error(`${d.at}: add_header with a variable is not modelled`);
        if (!value) throw new Error(`${d.at}: add_header with an empty value (nginx would send nothing)`);
        (level.headers ??= []).push({ name, value, always, at: d.at });
        break;
      }
      case 'index':
        level.index = d.args;
        break;
      case 'return': {
        const code = Number(d.args[0]);
        if (!Number.isInteger(code) || d.args.length > 2) throw new Error(`${d.at}: return takes a code and a target`);
        level.ret = { code, target: d.args[1] };
        break;
      }
      case 'location': {
        const [a, b, ...rest] = d.args;
        if (rest.length || !a) throw new Error(`${d.at}: location takes [modifier] path`);
        const modifier = b === undefined ? 'prefix' : a;
        const locPath = b === undefined ? a : b;
        if (!['prefix', '^~', '=', '~', '~*'].includes(modifier)) throw new Error(`${d.at}: location ${modifier}`);
        if (modifier === '=' && d.block!.some((x) => x.name === 'location'))
          throw new Error(`${d.at}: an exact location cannot have locations inside`);
        if (
          level.kind !== 'server' &&
          (modifier === 'prefix' || modifier === '^~' || modifier === '=') &&
          (level.kind === 'prefix' || level.kind === '^~') &&
          !locPath.startsWith(level.path)
        )
          throw new Error(`${d.at}: location "${locPath}" is outside location "${level.path}"`);
        if (modifier !== '~' && modifier !== '~*' && !locPath.startsWith('/'))
          throw new Error(`${d.at}: a location path that does not start with "/"`);
        level.locations.push(buildLevel(modifier as Level['kind'], locPath, d.block!, files, d.at, level));
        break;
      }
    }
  }
  const names = new Set<string>();
  for (const h of level.headers ?? []) {
    const key = h.name.toLowerCase();
    if (names.has(key)) throw new Error(`${h.at}: ${h.name} added twice in one block (nginx would send both)`);
    names.add(key);
  }
  const statics = level.locations.filter((l) => l.kind !== '~' && l.kind !== '~*');
  for (const l of statics) {
    const twin = statics.find((o) => o !== l && o.path === l.path && (o.kind === '=') === (l.kind === '='));
    if (twin) throw new Error(`${l.at}: duplicate location "${l.path}"`);
  }
  return level;
}

type FindResult = 'OK' | 'AGAIN' | 'DECLINED';

/** ngx_http_core_find_location: static (exact, longest prefix and what is inside it), then regexes in order. */
function findLocation(level: Level, uri: string, state: { loc: Level }): FindResult {
  let rc: FindResult = 'DECLINED';
  let noregex = false;
  const exact = level.locations.find((l) => l.kind === '=' && l.path === uri);
  if (exact) {
    state.loc = exact;
    return 'OK';
  }
  const prefix = level.locations
    .filter((l) => (l.kind === 'prefix' || l.kind === '^~') && uri.startsWith(l.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (prefix) {
    state.loc = prefix;
    noregex = prefix.kind === '^~';
    rc = findLocation(prefix, uri, state);
    if (rc === 'OK') return rc;
    rc = 'AGAIN';
  }
  if (!noregex) {
    for (const l of level.locations) {
      if (!l.regex || !l.regex.test(uri)) continue;
      state.loc = l;
      findLocation(l, uri, state);
      return 'OK';
    }
  }
  return rc;
}

export interface Resolved {
  status: number;
  /** The location that answered (after the index redirect of a folder address). */
  location: Level;
  /** The headers nginx adds, by name as written. */
  headers: Record<string, string>;
  /** For a return: its target. */
  target?: string;
}

/** The add_header lines in force in a block: its own, or else those of the nearest block around it that has any. */
export function headersInForce(level: Level): AddHeader[] {
  for (let l: Level | undefined = level; l; l = l.parent) if (l.headers) return l.headers;
  return [];
}

function sent(level: Level, status: number): Record<string, string> {
  const ok = [200, 201, 204, 206, 301, 302, 303, 304, 307, 308].includes(status);
  return Object.fromEntries(headersInForce(level).flatMap((h) => (ok || h.always ? [[h.name, h.value]] : [])));
}

export interface NginxSite {
  /** The server block that serves the site (the one with locations). */
  server: Level;
  /** The other server blocks: each only redirects. */
  redirects: Level[];
  resolve(uri: string): Resolved;
  /** Every location, depth first. */
  locations(): Level[];
}

/** A model of the site file `path` (a key of `files`). */
export function nginxSite(files: Map<string, { text: string }>, path: string): NginxSite {
  const file = files.get(path);
  if (!file) throw new Error(`no nginx block for ${path} in the document`);
  const top = parseNginx(file.text, path);
  const servers = top.map((d) => {
    if (d.name !== 'server' || !d.block || d.args.length) refuse(d, 'a site file (only server blocks)');
    for (const x of d.block!) {
      if (x.name === 'listen') {
        const [address, ...flags] = x.args;
        if (!/^(\d+|[\d.]+:\d+|\[[0-9a-f:]*\]:\d+)$/.test(address ?? '')) throw new Error(`${x.at}: listen ${address}`);
        for (const f of flags)
          if (!['ssl', 'http2', 'default_server'].includes(f)) throw new Error(`${x.at}: listen ... ${f}`);
      }
    }
    return d;
  });
  const main = servers.filter((s) => s.block!.some((x) => x.name === 'location'));
  if (main.length !== 1) throw new Error(`${path}: expected one server block with locations, found ${main.length}`);
  const redirects = servers
    .filter((s) => s !== main[0])
    .map((s) => {
      for (const x of s.block!)
        if (!['listen', 'server_name', 'return'].includes(x.name)) refuse(x, 'a redirecting server block');
      const ret = s.block!.find((x) => x.name === 'return');
      if (!ret || !['301', '308'].includes(ret.args[0]))
        throw new Error(`${s.at}: a server block that neither serves nor redirects`);
      return { kind: 'server', path: '', locations: [], at: s.at, directives: s.block! } as Level;
    });
  const server = buildLevel('server', '', main[0].block!, files, main[0].at);

  const match = (uri: string): Level => {
    const state = { loc: server };
    findLocation(server, uri, state);
    return state.loc;
  };
  const indexOf = (level: Level): string => {
    for (let l: Level | undefined = level; l; l = l.parent) if (l.index) return l.index[0];
    return 'index.html';
  };
  return {
    server,
    redirects,
    resolve(uri) {
      if (!uri.startsWith('/')) throw new Error(`not a path: ${uri}`);
      let location = match(uri);
      if (!location.ret && uri.endsWith('/')) {
        // the index module redirects a folder address internally: the locations are matched again
        if (location.kind === 'server') return { status: 404, location, headers: sent(location, 404) };
        location = match(uri + indexOf(location));
      }
      if (location.ret) {
        return {
          status: location.ret.code,
          location,
          headers: sent(location, location.ret.code),
          target: location.ret.target,
        };
      }
      if (location.kind === 'server') return { status: 404, location, headers: sent(location, 404) };
      return { status: 200, location, headers: sent(location, 200) };
    },
    locations() {
      const all: Level[] = [];
      const walk = (l: Level) => {
        for (const c of l.locations) {
          all.push(c);
          walk(c);
        }
      };
      walk(server);
      return all;
    },
  };
}

// ── CloudFront and S3 ────────────────────────────────────────────────────────

type Json = Record<string, unknown>;

function only(object: unknown, keys: string[], where: string): Json {
  if (!object || typeof object !== 'object' || Array.isArray(object)) throw new Error(`${where}: not an object`);
  for (const k of Object.keys(object)) if (!keys.includes(k)) throw new Error(`${where}: "${k}" is not modelled`);
  return object as Json;
}

function list(object: unknown, where: string): string[] {
  const o = only(object, ['Quantity', 'Items'], where);
  const items = o.Items as string[];
  if (!Array.isArray(items) || o.Quantity !== items.length)
    throw new Error(`${where}: Quantity ${String(o.Quantity)} but ${items?.length} items`);
  return items;
}

function overridden(o: Json, where: string) {
  if (o.Override !== true) throw new Error(`${where}: "Override" must be true (else S3's headers could win)`);
}

/**
 * The headers a response headers policy adds to the response to a CORS request (one with an Origin;
 * CloudFront adds the CORS headers only then, and only then do they matter).
 */
export function policyHeaders(policy: unknown): Record<string, string> {
  const p = only(policy, ['Name', 'Comment', 'SecurityHeadersConfig', 'CustomHeadersConfig', 'CorsConfig'], 'policy');
  const name = String(p.Name);
  const out: Record<string, string> = {};
  const add = (header: string, value: string) => {
    if (Object.keys(out).some((k) => k.toLowerCase() === header.toLowerCase()))
      throw new Error(`${name}: ${header} twice`);
    out[header] = value;
  };
  if (p.SecurityHeadersConfig) {
    const s = only(
      p.SecurityHeadersConfig,
      ['ContentSecurityPolicy', 'ContentTypeOptions', 'FrameOptions', 'ReferrerPolicy', 'StrictTransportSecurity'],
      `${name}.SecurityHeadersConfig`,
    );
    if (s.ContentSecurityPolicy) {
      const c = only(s.ContentSecurityPolicy, ['Override', 'ContentSecurityPolicy'], `${name} CSP`);
      overridden(c, `${name} CSP`);
      add('Content-Security-Policy', String(c.ContentSecurityPolicy));
    }
    if (s.ContentTypeOptions) {
      overridden(only(s.ContentTypeOptions, ['Override'], `${name} ContentTypeOptions`), `${name} ContentTypeOptions`);
      add('X-Content-Type-Options', 'nosniff');
    }
    if (s.FrameOptions) {
      const f = only(s.FrameOptions, ['Override', 'FrameOption'], `${name} FrameOptions`);
      overridden(f, `${name} FrameOptions`);
      if (f.FrameOption !== 'DENY' && f.FrameOption !== 'SAMEORIGIN') throw new Error(`${name}: FrameOption`);
      add('X-Frame-Options', String(f.FrameOption));
    }
    if (s.ReferrerPolicy) {
      const r = only(s.ReferrerPolicy, ['Override', 'ReferrerPolicy'], `${name} ReferrerPolicy`);
      overridden(r, `${name} ReferrerPolicy`);
      add('Referrer-Policy', String(r.ReferrerPolicy));
    }
    if (s.StrictTransportSecurity) {
      const h = only(
        s.StrictTransportSecurity,
        ['Override', 'AccessControlMaxAgeSec', 'IncludeSubdomains', 'Preload'],
        `${name} HSTS`,
      );
      add(
        'Strict-Transport-Security',
        `max-age=${String(h.AccessControlMaxAgeSec)}${h.IncludeSubdomains ? '; includeSubDomains' : ''}${h.Preload ? '; preload' : ''}`,
      );
    }
  }
  if (p.CustomHeadersConfig) {
    const items = (only(p.CustomHeadersConfig, ['Quantity', 'Items'], `${name}.CustomHeadersConfig`).Items ??
      []) as unknown[];
    list(p.CustomHeadersConfig, `${name}.CustomHeadersConfig`);
    for (const item of items) {
      const h = only(item, ['Header', 'Value', 'Override'], `${name} custom header`);
      overridden(h, `${name} ${String(h.Header)}`);
      if (/^access-control-/i.test(String(h.Header))) throw new Error(`${name}: CORS headers belong in CorsConfig`);
      add(String(h.Header), String(h.Value));
    }
  }
  if (p.CorsConfig) {
    const c = only(
      p.CorsConfig,
      [
        'AccessControlAllowOrigins',
        'AccessControlAllowHeaders',
        'AccessControlAllowMethods',
        'AccessControlAllowCredentials',
        'OriginOverride',
      ],
      `${name}.CorsConfig`,
    );
    for (const k of ['AccessControlAllowHeaders', 'AccessControlAllowMethods', 'AccessControlAllowCredentials'])
      if (c[k] === undefined) throw new Error(`${name}.CorsConfig: ${k} is required`);
    list(c.AccessControlAllowHeaders, `${name} AllowHeaders`);
    list(c.AccessControlAllowMethods, `${name} AllowMethods`);
    if (c.OriginOverride !== true) throw new Error(`${name}.CorsConfig: OriginOverride must be true`);
    if (c.AccessControlAllowCredentials !== false) throw new Error(`${name}.CorsConfig: credentials with *`);
    add('Access-Control-Allow-Origin', list(c.AccessControlAllowOrigins, `${name} AllowOrigins`).join(', '));
  }
  return out;
}

export interface Upload {
  /** The command as written, for messages. */
  text: string;
  /** Source folder relative to dist ('' for dist itself). */
  from: string;
  filters: { include: boolean; pattern: string }[];
  cacheControl?: string;
  contentType?: string;
}

/** A shell command line split into words (quotes removed; no expansion but $BUCKET kept as is). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /"([^"]*)"|'([^']*)'|(\S+)/g;
  for (let m; (m = re.exec(line));) words.push(m[1] ?? m[2] ?? m[3]);
  return words;
}

/** The `aws s3 sync` commands of a shell block: what each uploads, with what Cache-Control. */
export function s3Uploads(sh: string): Upload[] {
  const uploads: Upload[] = [];
  const commands = sh
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  for (const command of commands) {
    if (/^[A-Z_]+=\S+$/.test(command)) continue;
    const words = shellWords(command);
    if (words[0] !== 'aws' || words[1] !== 's3' || words[2] !== 'sync')
      throw new Error(`not modelled: ${command.slice(0, 60)}`);
    const [from, to] = words.slice(3, 5);
    const src = /^dist(?:\/(.+))?$/.exec(from);
    const dst = /^s3:\/\/\$BUCKET(?:\/(.+))?$/.exec(to);
    if (!src || !dst || (src[1] ?? '') !== (dst[1] ?? ''))
      throw new Error(`sync from ${from} to ${to}: not the same folder`);
    const upload: Upload = { text: command, from: src[1] ?? '', filters: [] };
    for (let i = 5; i < words.length; i++) {
      const opt = words[i];
      if (opt === '--delete') continue;
      const value = words[++i];
      if (value === undefined) throw new Error(`${opt} with no value: ${command}`);
      if (opt === '--exclude' || opt === '--include')
        upload.filters.push({ include: opt === '--include', pattern: value });
      else if (opt === '--cache-control') upload.cacheControl = value;
      else if (opt === '--content-type') upload.contentType = value;
      else throw new Error(`${opt} is not modelled: ${command}`);
    }
    uploads.push(upload);
  }
  return uploads;
}

/** fnmatch as the AWS CLI uses it for --exclude/--include: "*" matches anything, "/" included. */
function fnmatch(pattern: string, path: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`).test(path);
}

/** The uploads that put the file `key` (relative to dist) into the bucket. */
export function uploadsOf(uploads: Upload[], key: string): Upload[] {
  return uploads.filter((u) => {
    if (u.from && !key.startsWith(`${u.from}/`)) return false;
    const rel = u.from ? key.slice(u.from.length + 1) : key;
    let included = true;
    for (const f of u.filters) if (fnmatch(f.pattern, rel)) included = f.include;
    return included;
  });
}

export interface CloudFront {
  policies: Map<string, Record<string, string>>;
  behaviours: { pattern: string; policy: string; fn?: string }[];
  uploads: Upload[];
  folderFunction: (uri: string) => string;
  /** The headers CloudFront sends for a viewer path (a CORS request), and the S3 key it serves. */
  resolve(uri: string): { headers: Record<string, string>; key: string; behaviour: string };
}

/** CloudFront path patterns: "*" any characters, "?" one; case-sensitive; the default behaviour is "*". */
function cloudFrontPattern(pattern: string): RegExp {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${source}$`);
}

/** The CloudFront set-up of the document's "Amazon S3 and CloudFront" section. */
export function cloudFront(md: string): CloudFront {
  const section = 'Amazon S3 and CloudFront';
  const start = md.indexOf(`## ${section}`);
  if (start === -1) throw new Error(`no "## ${section}" section`);
  const end = md.indexOf('\n## ', start + 3);
  const text = md.slice(start, end === -1 ? undefined : end);
  const blocks = markdownBlocks(text);

  const policies = new Map<string, Record<string, string>>();
  for (const b of blocks.filter((x) => x.lang === 'json')) {
    const json = JSON.parse(b.text) as { Name?: string };
    if (!json.Name) throw new Error('a JSON block with no policy Name');
    policies.set(json.Name, policyHeaders(json));
  }

  const behaviours: CloudFront['behaviours'] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !cells[2].startsWith('`')) continue;
    const pattern = /^`([^`]+)`$/.exec(cells[1])?.[1] ?? (/^Default \(`\*`\)$/.test(cells[1]) ? '*' : undefined);
    const policy = /^`([^`]+)`$/.exec(cells[2])?.[1];
    if (!pattern || !policy) continue;
    const fn = /^`([^`]+)`$/.exec(cells[3])?.[1];
    behaviours.push({ pattern, policy, fn });
  }
  if (behaviours.at(-1)?.pattern !== '*') throw new Error('the behaviours table does not end with the default');

  const shBlocks = blocks.filter((x) => x.lang === 'sh' && /aws s3 sync/.test(x.text));
  if (shBlocks.length !== 1) throw new Error(`expected one block of aws s3 sync commands, found ${shBlocks.length}`);
  const uploads = s3Uploads(shBlocks[0].text);

  const js = blocks.filter((x) => x.lang === 'js');
  if (js.length !== 1) throw new Error('expected one CloudFront Function');
  const handler = new Function(`${js[0].text}\nreturn handler;`)() as (event: { request: { uri: string } }) => {
    uri: string;
  };
  const folderFunction = (uri: string) => handler({ request: { uri } }).uri;

  return {
    policies,
    behaviours,
    uploads,
    folderFunction,
    resolve(uri) {
      const b = behaviours.find((x) => cloudFrontPattern(x.pattern).test(uri))!;
      const policy = policies.get(b.policy);
      if (!policy) throw new Error(`behaviour ${b.pattern}: no policy "${b.policy}" in the document`);
      if (b.fn && b.fn !== 'explainer-folders') throw new Error(`behaviour ${b.pattern}: unknown function ${b.fn}`);
      const key = (b.fn ? folderFunction(uri) : uri).slice(1);
      const ups = uploadsOf(uploads, key);
      if (!ups.length) throw new Error(`${uri}: S3 key ${key} is uploaded by none of the commands`);
      const values = new Set(ups.map((u) => u.cacheControl));
      if (values.size !== 1)
        throw new Error(`${uri}: uploaded with different Cache-Control: ${[...values].join(' | ')}`);
      const cache = [...values][0];
      const headers = { ...policy };
      if (cache) headers['Cache-Control'] = cache;
      return { headers, key, behaviour: b.pattern };
    },
  };
}

// ── What _headers gives ──────────────────────────────────────────────────────

/** Header names lower-cased, sorted: for comparing two sets of headers. */
export function normalize(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers)
      .map(([k, v]) => [k.toLowerCase(), v] as const)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * What `public/_headers` gives a path, as Cloudflare Pages applies it (headersForPath), lower-cased.
 * Where it gives no Cache-Control the host's default applies (Netlify and Cloudflare Pages: revalidate
 * every time); nginx and CloudFront have no such default, so the document gives those paths the
 * lifetime `_headers` gives the home page, and that is what is expected of them.
 */
export function expectedHeaders(rules: HeaderRule[], path: string): Record<string, string> {
  const headers = normalize(headersForPath(rules, path));
  if (!headers['cache-control']) {
    const home = normalize(headersForPath(rules, '/'))['cache-control'];
    if (home) headers['cache-control'] = home;
    return normalize(headers);
  }
  return headers;
}

/** Every header name `_headers` sets anywhere, lower-cased. */
export function headerNames(rules: HeaderRule[]): Set<string> {
  return new Set(rules.flatMap((r) => Object.keys(r.headers).map((n) => n.toLowerCase())));
}

/**
 * Representative paths below the site's base, one or more for every rule of `_headers` and every
 * location of the nginx blocks; `x` stands for any name.
 */
export const PATHS = [
  '/',
  '/index.html',
  '/404.html',
  '/table/',
  '/table/index.html',
  '/events/x/',
  '/events/x/index.html',
  '/embed/',
  '/embed/timeline/',
  '/embed/timeline/index.html',
  '/_astro/x.js',
  '/_astro/x.css',
  '/data/x.json',
  '/data/x.csv',
  '/data/charts/x.csv',
  '/embed.js',
  '/embed-theme.js',
  '/oembed/x.json',
  '/images/x.png',
  '/images/x.svg',
  '/favicon.svg',
  '/tracks.css',
  '/sitemap.xml',
  '/robots.txt',
];

// ── nginx itself ─────────────────────────────────────────────────────────────

/** The nginx binary on PATH, if any. */
export function findNginx(): string | undefined {
  const r = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

export function hasOpenssl(): boolean {
  return spawnSync('sh', ['-c', 'command -v openssl'], { encoding: 'utf8' }).status === 0;
}

/** A port that was free a moment ago, on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

function ipv6(): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(0, '::1', () => s.close(() => resolve(true)));
  });
}

export interface NginxSetup {
  dir: string;
  conf: string;
  /** For each site file: document port → the port it listens on here. */
  ports: Map<string, Map<number, number>>;
  args: string[];
}

/**
 * Writes an nginx.conf in `dir` that serves the given site files of the document as written, with
 * only what is specific to a machine changed: the listen ports (loopback, free ports), the certificate
 * (a self-signed one made with openssl) and the folder of the build (`dist`). Each change must find
 * its text in the document, so that a block that drifts from these assumptions fails here.
 */
export async function nginxTestConfig(
  dir: string,
  files: Map<string, { text: string }>,
  sites: string[],
  dist: string,
): Promise<NginxSetup> {
  mkdirSync(join(dir, 'snippets'), { recursive: true });
  mkdirSync(join(dir, 'sites'), { recursive: true });
  mkdirSync(join(dir, 'temp'), { recursive: true });
  chmodSync(dir, 0o755);
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const made = spawnSync(
    'openssl',
    ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2'].concat([
      '-subj',
      '/CN=localhost',
      '-keyout',
      key,
      '-out',
      cert,
    ]),
    { encoding: 'utf8' },
  );
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
  const v6 = await ipv6();
  const ports = new Map<string, Map<number, number>>();
  const includes: string[] = [];
  for (const [path, { text }] of files) {
    if (path.startsWith(`${CONF_PREFIX}snippets/`)) {
      writeFileSync(join(dir, path.slice(CONF_PREFIX.length)), text);
      continue;
    }
    if (!sites.includes(path)) continue;
    const map = new Map<number, number>();
    let site = text;
    const replace = (re: RegExp, by: (...m: string[]) => string, what: string) => {
      let n = 0;
      site = site.replace(re, (...m: string[]) => {
        n++;
        return by(...m);
      });
      if (!n) throw new Error(`${path}: expected ${what} in the block`);
    };
    for (const port of new Set([...text.matchAll(/^\s*listen\s+(?:\[::\]:)?(\d+)/gm)].map((m) => Number(m[1])))) {
      map.set(port, await freePort());
    }
    replace(
      /^(\s*)listen\s+(\[::\]:)?(\d+)(.*)$/gm,
      (_, indent, v6part, port, rest) =>
        v6part
          ? v6
            ? `${indent}listen [::1]:${map.get(Number(port))}${rest}`
            : `${indent}# (no IPv6 here)`
          : `${indent}listen 127.0.0.1:${map.get(Number(port))}${rest}`,
      'listen lines',
    );
    replace(
      /(ssl_certificate\s+)\/etc\/letsencrypt\/live\/[^/\s]+\/fullchain\.pem;/g,
      (_, d) => `${d}${cert};`,
      'ssl_certificate',
    );
    replace(
      /(ssl_certificate_key\s+)\/etc\/letsencrypt\/live\/[^/\s]+\/privkey\.pem;/g,
      (_, d) => `${d}${key};`,
      'ssl_certificate_key',
    );
    replace(/\/srv\/explainer\/dist\b/g, () => dist.replace(/\/$/, ''), '/srv/explainer/dist');
    const name = `sites/${posix.basename(path)}-${ports.size}.conf`;
    writeFileSync(join(dir, name), site);
    includes.push(name);
    ports.set(path, map);
  }
  const confDir = nginxConfDir();
  const mime = confDir && existsSync(join(confDir, 'mime.types')) ? join(confDir, 'mime.types') : writeMime(dir);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    [
      'daemon off;',
      'master_process off;',
      'worker_processes 1;',
      `pid ${join(dir, 'nginx.pid')};`,
      `error_log ${join(dir, 'error.log')} warn;`,
      'events { worker_connections 256; }',
      'http {',
      `    include ${mime};`,
      '    default_type application/octet-stream;',
      '    access_log off;',
      // as in Debian's nginx.conf: compression on for the http block
      '    gzip on;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${join(dir, 'temp', t)};`),
      ...includes.map((i) => `    include ${i};`),
      '}',
      '',
    ].join('\n'),
  );
  const args = ['-c', conf, '-p', `${dir}/`];
  if (nginxHelp().includes('-e filename')) args.push('-e', join(dir, 'error.log'));
  return { dir, conf, ports, args };
}

function nginxHelp(): string {
  const r = spawnSync(findNginx() ?? 'nginx', ['-h'], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`;
}

/** The folder of nginx's own configuration (where mime.types is), from `nginx -V`. */
function nginxConfDir(): string | undefined {
  const r = spawnSync(findNginx() ?? 'nginx', ['-V'], { encoding: 'utf8' });
  const path = /--conf-path=(\S+)/.exec(`${r.stdout}${r.stderr}`)?.[1];
  return path ? dirname(path) : undefined;
}

function writeMime(dir: string): string {
  const file = join(dir, 'mime.types');
  writeFileSync(
    file,
    `types {\n${[
      'text/html html',
      'text/css css',
      'text/xml xml',
      'text/plain txt',
      'application/javascript js',
      'application/json json',
      'image/svg+xml svg',
      'image/png png',
    ]
      .map((t) => `    ${t};`)
      .join('\n')}\n}\n`,
  );
  return file;
}

/** `nginx -t` on a set-up: its exit status and what it printed. */
export function nginxT(setup: NginxSetup): { status: number | null; output: string } {
  const r = spawnSync(findNginx()!, ['-t', ...setup.args], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** Starts nginx in the foreground on a set-up; resolves once every port answers. */
export async function startNginx(setup: NginxSetup): Promise<{ stop: () => Promise<void>; process: ChildProcess }> {
  const child = spawn(findNginx()!, setup.args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += String(d)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  };
  const ports = [...setup.ports.values()].flatMap((m) => [...m.values()]);
  const deadline = Date.now() + 5000;
  for (const port of ports) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
      const ok = await new Promise<boolean>((resolve) => {
        const s = connect(port, '127.0.0.1', () => {
          s.destroy();
          resolve(true);
        });
        s.once('error', () => resolve(false));
      });
      if (ok) break;
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nginx did not listen on ${port}: ${stderr}`);
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  return { stop, process: child };
}
