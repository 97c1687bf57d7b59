// Checks over a built site (a dist/ folder), in plain Node: no browser, no network.
//
//   listPages(distDir)                 every HTML page: ['404.html', 'index.html', 'events/x/index.html', …]
//   checkLinks(distDir, base?, opts?)  every same-site link resolves to a file, every #fragment to an id
//                                      → ['index.html → /data/x.csv: no such file in dist', …]  ([] = all good)
//   collectLinks(distDir, base?, opts?) the same, with the external links listed (never fetched)
//   gzipSize(file)                     gzipped bytes of a file (level 9, like gzip-size / size-limit)
//   pageBudget(distDir, page)          { html, css, jsInitial, jsAll } gzipped bytes of what a page loads
//
// `base` is the path the site is built for (BASE_PATH, e.g. /explainers/mexico-2019/): links start with
// it and dist/ holds the files without it. `site` is SITE_URL: absolute links on it count as same-site.
// Both default to what the build recorded in dist/build-info.json, else '/' and SITE_URL/localhost.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'parse5';

// ── Pages ────────────────────────────────────────────────────────────────────

/**
 * Every HTML file in dist, as a path relative to dist with forward slashes, sorted.
 * @param {string} distDir
 * @returns {string[]}
 */
export function listPages(distDir) {
  const root = resolve(distDir);
  /** @type {string[]} */
  const pages = [];
  const walk = (/** @type {string} */ dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.endsWith('.html')) pages.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return pages.sort();
}

/**
 * The URL path a page is served at, under the base: 'index.html' → '/', 'a/index.html' → '/a/', '404.html' → '/404.html'.
 * @param {string} page
 * @param {string} [base]
 */
export function pageUrlPath(page, base = '/') {
  const b = normalizeBase(base);
  if (page === 'index.html') return b;
  if (page.endsWith('/index.html')) return b + page.slice(0, -'index.html'.length);
  return b + page;
}

/** What the build recorded about itself in dist/build-info.json ({ base, site }), if anything. */
export function buildInfo(/** @type {string} */ distDir) {
  try {
    /** @type {{ base?: string, site?: string }} */
    const info = JSON.parse(readFileSync(join(distDir, 'build-info.json'), 'utf8'));
    return info;
  } catch {
    return {};
  }
}

/** '/x' → '/x/', '' → '/', 'x/' → '/x/'. */
function normalizeBase(/** @type {string} */ base) {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}

// ── A small HTML tokenizer ───────────────────────────────────────────────────
// Enough for machine-written HTML (Astro's output): start tags with their attributes, skipping comments,
// doctype, and the contents of <script>, <style>, <textarea>, <title>.

/**
 * @typedef {{ name: string, attrs: Record<string, string>, raw: string, offset: number, text?: string }} Tag
 */

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references that matter in URLs and ids. */
export function decodeEntities(/** @type {string} */ value) {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return /** @type {Record<string, string>} */ (ENTITIES)[ref.toLowerCase()] ?? whole;
  });
}

const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/**
 * The start tags of an HTML document as parse5 reads it (the HTML standard's parser), in source order; tags the
 * parser adds itself (an implied <head> or <body>) are not listed. Raw-text elements (script, style…) carry their
 * content in `text`.
 * @param {string} html
 * @returns {Tag[]}
 */
export function parseTags(html) {
  /** @type {Tag[]} */
  const tags = [];
  /** @param {any} node a parse5 node */
  const walk = (node) => {
    const location = node.sourceCodeLocation?.startTag;
    if (node.tagName && location) {
      /** @type {Record<string, string>} */
      const attrs = {};
      // Names as written, lower-cased (parse5 gives SVG's its camel case, and xlink:href as a prefix and a name).
      for (const a of node.attrs) {
        const name = (a.prefix ? `${a.prefix}:${a.name}` : a.name).toLowerCase();
        if (!(name in attrs)) attrs[name] = a.value;
      }
      /** @type {Tag} */
      const tag = {
        name: node.tagName.toLowerCase(),
        attrs,
        raw: html.slice(location.startOffset, location.endOffset),
        offset: location.startOffset,
      };
      if (RAW_TEXT.has(tag.name))
        tag.text = node.childNodes.map((/** @type {any} */ child) => child.value ?? '').join('');
      tags.push(tag);
    }
    for (const child of node.content?.childNodes ?? node.childNodes ?? []) walk(child);
  };
  walk(parse(html, { sourceCodeLocationInfo: true }));
  // The parser may move an element (foster parenting); the list stays in the order of the source.
  return tags.sort((x, y) => x.offset - y.offset);
}

/** The line (1-based) of a character offset. */
export function lineOf(/** @type {string} */ text, /** @type {number} */ offset) {
  let line = 1;
  for (let k = 0; k < offset && k < text.length; k++) if (text.charCodeAt(k) === 10) line++;
  return line;
}

// ── Links ────────────────────────────────────────────────────────────────────

/** meta names/properties whose content is a URL. */
const URL_META = new Set([
  'og:url',
  'og:image',
  'og:image:url',
  'og:image:secure_url',
  'og:audio',
  'og:video',
  'twitter:image',
  'twitter:image:src',
  'twitter:url',
  'msapplication-tileimage',
  'msapplication-config',
]);

/**
 * The URLs a tag points at, with the attribute each came from.
 * @param {Tag} tag
 * @returns {{ attr: string, url: string }[]}
 */
export function tagUrls(tag) {
  /** @type {{ attr: string, url: string }[]} */
  const out = [];
  const { name, attrs } = tag;
  for (const attr of ['href', 'xlink:href', 'src', 'poster', 'action', 'formaction', 'cite', 'longdesc']) {
    if (attr in attrs && !(attr === 'action' && attrs[attr] === '')) out.push({ attr, url: attrs[attr].trim() });
  }
  if (name === 'object' && 'data' in attrs) out.push({ attr: 'data', url: attrs.data.trim() });
  for (const attr of ['srcset', 'imagesrcset']) {
    if (!(attr in attrs)) continue;
    for (const url of srcsetUrls(attrs[attr])) out.push({ attr, url });
  }
  if (name === 'meta' && 'content' in attrs) {
    const key = (attrs.property ?? attrs.name ?? '').toLowerCase();
    const content = attrs.content.trim();
    if ((attrs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
      const m = /url\s*=\s*['"]?([^'"]+)/i.exec(content);
      if (m) out.push({ attr: 'content', url: m[1].trim() });
    } else if (
      URL_META.has(key) ||
      /^(https?:)?\/\//i.test(content) ||
      (content.startsWith('/') && !/\s/.test(content))
    ) {
      out.push({ attr: 'content', url: content });
    }
  }
  return out;
}

/**
 * The URLs of a srcset value ("a.png 1x, b.png 2x"), as the HTML standard splits it: a URL is a run of
 * non-space characters; trailing commas end it; descriptors run to the next comma.
 * @param {string} value
 * @returns {string[]}
 */
export function srcsetUrls(value) {
  /** @type {string[]} */
  const urls = [];
  let i = 0;
  while (i < value.length) {
    while (i < value.length && /[\s,]/.test(value[i])) i++;
    if (i >= value.length) break;
    let j = i;
    while (j < value.length && !/\s/.test(value[j])) j++;
    let url = value.slice(i, j);
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      while (j < value.length && value[j] !== ',') j++;
    }
    if (url) urls.push(url);
    i = j + 1;
  }
  return urls;
}

/**
 * @typedef {{ page: string, url: string, attr: string }} FoundLink
 * @typedef {{ problems: string[], external: FoundLink[], internal: FoundLink[], pages: string[] }} LinkReport
 */

/**
 * Checks every same-site link of every page and lists the external ones.
 * @param {string} distDir
 * @param {string} [base]  the base path the site was built for (default: dist/build-info.json, else '/')
 * @param {{ site?: string }} [options]  SITE_URL (default: build-info.json, else $SITE_URL, else http://localhost:4321)
 * @returns {LinkReport}
 */
export function collectLinks(distDir, base, options = {}) {
  const root = resolve(distDir);
  const info = buildInfo(root);
  const prefix = normalizeBase(base ?? info.base ?? '/');
  const site = new URL(options.site ?? info.site ?? process.env.SITE_URL ?? 'http://localhost:4321');
  const pages = listPages(root);
  /** @type {Map<string, Set<string>>} */
  const idCache = new Map();
  const idsOf = (/** @type {string} */ file) => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = new Set();
      for (const tag of parseTags(readFileSync(file, 'utf8'))) {
        if (tag.attrs.id) ids.add(tag.attrs.id);
        if (tag.name === 'a' && tag.attrs.name) ids.add(tag.attrs.name);
      }
      idCache.set(file, ids);
    }
    return ids;
  };

  /** @type {string[]} */
  const problems = [];
  /** @type {FoundLink[]} */
  const external = [];
  /** @type {FoundLink[]} */
  const internal = [];

  for (const page of pages) {
    const file = join(root, page);
    const html = readFileSync(file, 'utf8');
    const tags = parseTags(html);
    const baseTag = tags.find((t) => t.name === 'base' && t.attrs.href);
    const pageUrl = new URL(pageUrlPath(page, prefix), site);
    const docUrl = baseTag ? new URL(baseTag.attrs.href, pageUrl) : pageUrl;
    const report = (/** @type {string} */ link, /** @type {string} */ why) =>
      problems.push(`${page} → ${link}: ${why}`);

    for (const tag of tags) {
      for (const { attr, url: raw } of tagUrls(tag)) {
        const link = raw;
        if (link === '') {
          if (attr !== 'action') report(`<${tag.name} ${attr}="">`, 'empty URL');
          continue;
        }
        if (/^(mailto|tel|sms|data|blob|about):/i.test(link)) continue;
        if (/^javascript:/i.test(link)) {
          report(link, 'javascript: URL (breaks without JavaScript and under the CSP)');
          continue;
        }
        let url;
        try {
          url = new URL(link, docUrl);
        } catch {
          report(link, 'not a valid URL');
          continue;
        }
        if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
        if (url.host !== site.host) {
          external.push({ page, url: link, attr });
          continue;
        }
        internal.push({ page, url: link, attr });
        // Same-site: the path must be under the base, and resolve to a file in dist.
        let path;
        try {
          path = decodeURIComponent(url.pathname);
        } catch {
          report(link, 'badly percent-encoded path');
          continue;
        }
        if (!(path + '/').startsWith(prefix)) {
          report(link, `outside the base path ${prefix} (links must start with it: use withBase())`);
          continue;
        }
        const rest = path.slice(prefix.length);
        const target = normalizeTarget(root, rest);
        if (!target.ok) {
          report(link, target.why);
          continue;
        }
        if (url.hash === '#' || (link.includes('#') && url.hash === '')) {
          report(link, 'empty fragment ("#" alone): a placeholder link that goes nowhere');
          continue;
        }
        if (url.hash && !url.hash.startsWith('#:~:')) {
          if (!target.file.endsWith('.html')) continue; // fragments of CSV/JSON/PDF files are not ids
          let fragment;
          try {
            fragment = decodeURIComponent(url.hash.slice(1));
          } catch {
            fragment = url.hash.slice(1);
          }
          if (!idsOf(target.file).has(fragment)) {
            const where = target.file === file ? 'this page' : relative(root, target.file).split(sep).join('/');
            report(link, `no element with id "${fragment}" in ${where}`);
          }
        }
      }
    }
  }
  return { problems, external, internal, pages };
}

/**
 * The file a path below the base resolves to: a file, or a directory's index.html.
 * @param {string} root
 * @param {string} rest
 * @returns {{ ok: true, file: string } | { ok: false, why: string }}
 */
function normalizeTarget(root, rest) {
  const file = resolve(root, rest);
  if (file !== root && !file.startsWith(root + sep)) return { ok: false, why: 'points outside dist' };
  if (existsSync(file) && statSync(file).isDirectory()) {
    const index = join(file, 'index.html');
    return existsSync(index)
      ? { ok: true, file: index }
      : { ok: false, why: `directory ${rest || '/'} has no index.html` };
  }
  if (existsSync(file)) return { ok: true, file };
  return { ok: false, why: `no such file in dist (looked for ${rest || 'index.html'})` };
}

/**
 * Every problem with same-site links: "page → link: why". Empty when all links and fragments resolve.
 * External http(s) links are not fetched (see collectLinks for the list).
 * @param {string} distDir
 * @param {string} [base]
 * @param {{ site?: string }} [options]
 * @returns {string[]}
 */
export function checkLinks(distDir, base, options = {}) {
  return collectLinks(distDir, base, options).problems;
}

// ── Sizes ────────────────────────────────────────────────────────────────────

/** Gzipped size of a file in bytes (level 9, as gzip-size and size-limit measure). */
export function gzipSize(/** @type {string} */ file) {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/** Gzipped size of a string in bytes. */
export function gzipSizeOf(/** @type {string} */ text) {
  return gzipSync(Buffer.from(text), { level: 9 }).length;
}

// Static imports and re-exports in built ES modules, minified or not:
//   import{a as b}from"./x.js"   import x from './x.js'   import"./x.js"   export*from"./x.js"
const STATIC_IMPORT = /(?:^|[^.\w$])(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?(["'])([^"'\n]+)\1/g;
// Dynamic imports with a literal specifier: import("./y.js")
const DYNAMIC_IMPORT = /(?:^|[^.\w$])import\s*\(\s*(["'`])([^"'`\n]+)\1\s*\)/g;

/**
 * The static and dynamic imports of a built module's source.
 * @param {string} code
 * @returns {{ static: string[], dynamic: string[] }}
 */
export function findImports(code) {
  const stat = [...code.matchAll(STATIC_IMPORT)].map((m) => m[2]);
  const dyn = [...code.matchAll(DYNAMIC_IMPORT)].map((m) => m[2]);
  return { static: [...new Set(stat)], dynamic: [...new Set(dyn)] };
}

/**
 * @typedef {{ html: number, css: number, jsInitial: number, jsAll: number,
 *   files: { css: string[], jsInitial: string[], jsLazy: string[] } }} PageBudget
 */

/**
 * Gzipped bytes of what a page loads: its HTML; its stylesheets (<link rel=stylesheet>); the JS it loads
 * up front (its <script src> and <link rel=modulepreload> files plus all their static imports); and all
 * the JS it can load (that plus every dynamic import() reachable from it, and their imports).
 * @param {string} distDir
 * @param {string} page  a page path relative to dist ('index.html', 'events/x/index.html') or an absolute path
 * @param {{ base?: string, site?: string }} [options]
 * @returns {PageBudget}
 */
export function pageBudget(distDir, page, options = {}) {
  const root = resolve(distDir);
  const info = buildInfo(root);
  const prefix = normalizeBase(options.base ?? info.base ?? '/');
  const site = new URL(options.site ?? info.site ?? process.env.SITE_URL ?? 'http://localhost:4321');
  const pageFile = resolve(root, page);
  const pageRel = relative(root, pageFile).split(sep).join('/');
  const html = readFileSync(pageFile, 'utf8');
  const tags = parseTags(html);
  const pageUrl = new URL(pageUrlPath(pageRel, prefix), site);

  /** A URL in the page → a file in dist, or undefined if it is not a same-site file. */
  const toFile = (/** @type {string} */ ref, /** @type {URL} */ from) => {
    let url;
    try {
      url = new URL(ref, from);
    } catch {
      return undefined;
    }
    if (url.host !== site.host || !url.pathname.startsWith(prefix)) return undefined;
    let path;
    try {
      path = decodeURIComponent(url.pathname.slice(prefix.length));
    } catch {
      return undefined;
    }
    const file = resolve(root, path);
    return file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile() ? file : undefined;
  };
  /** A module's import specifier → a file in dist (relative to the module, or root-relative under the base). */
  const resolveImport = (/** @type {string} */ spec, /** @type {string} */ fromFile) => {
    if (spec.startsWith('./') || spec.startsWith('../')) {
      const file = resolve(dirname(fromFile), spec.split(/[?#]/)[0]);
      return existsSync(file) ? file : undefined;
    }
    if (spec.startsWith('/') || /^https?:/.test(spec)) {
      const fileUrl = new URL(posix.join(prefix, relative(root, fromFile).split(sep).join('/')), site);
      return toFile(spec, fileUrl);
    }
    return undefined; // bare specifiers do not exist in a build
  };

  /** @type {Set<string>} */
  const cssFiles = new Set();
  /** @type {string[]} */
  const entryJs = [];
  for (const tag of tags) {
    const rel = (tag.attrs.rel ?? '').toLowerCase().split(/\s+/);
    if (tag.name === 'link' && rel.includes('stylesheet') && tag.attrs.href) {
      const f = toFile(tag.attrs.href, pageUrl);
      if (f) cssFiles.add(f);
    }
    if (tag.name === 'link' && rel.includes('modulepreload') && tag.attrs.href) {
      const f = toFile(tag.attrs.href, pageUrl);
      if (f) entryJs.push(f);
    }
    if (tag.name === 'script' && tag.attrs.src) {
      const f = toFile(tag.attrs.src, pageUrl);
      if (f) entryJs.push(f);
    }
  }

  /** @type {Set<string>} */
  const initial = new Set();
  /** @type {string[]} */
  const lazyEntries = [];
  const walkStatic = (
    /** @type {string} */ file,
    /** @type {Set<string>} */ seen,
    /** @type {string[]} */ dynamicOut,
  ) => {
    if (seen.has(file)) return;
    seen.add(file);
    const { static: stat, dynamic } = findImports(readFileSync(file, 'utf8'));
    for (const spec of stat) {
      const f = resolveImport(spec, file);
      if (f && /\.m?js$/.test(f)) walkStatic(f, seen, dynamicOut);
    }
    for (const spec of dynamic) {
      const f = resolveImport(spec, file);
      if (f) dynamicOut.push(f);
    }
  };
  for (const f of entryJs) walkStatic(f, initial, lazyEntries);

  /** @type {Set<string>} */
  const all = new Set(initial);
  while (lazyEntries.length) {
    const next = /** @type {string} */ (lazyEntries.shift());
    if (!all.has(next)) walkStatic(next, all, lazyEntries);
  }

  const sum = (/** @type {Iterable<string>} */ files) => [...files].reduce((n, f) => n + gzipSize(f), 0);
  const relList = (/** @type {Iterable<string>} */ files) =>
    [...files].map((f) => relative(root, f).split(sep).join('/'));
  return {
    html: gzipSize(pageFile),
    css: sum(cssFiles),
    jsInitial: sum(initial),
    jsAll: sum(all),
    files: {
      css: relList(cssFiles),
      jsInitial: relList(initial),
      jsLazy: relList([...all].filter((f) => !initial.has(f))),
    },
  };
}

// ── Headers ──────────────────────────────────────────────────────────────────

/**
 * @typedef {{ path: string, headers: Record<string, string>, detach: string[] }} HeaderRule
 */

/**
 * Parses a Netlify / Cloudflare Pages `_headers` file: path lines, then indented "Name: value" lines
 * ("! Name" detaches an inherited header on Cloudflare; "#" starts a comment). A header repeated in
 * one block is joined with ", " as both hosts do.
 * @param {string} text
 * @returns {HeaderRule[]}
 */
export function parseHeadersFile(text) {
  /** @type {HeaderRule[]} */
  const rules = [];
  for (const [n, rawLine] of text.split(/\r?\n/).entries()) {
    const line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    if (!/^\s/.test(rawLine)) {
      rules.push({ path: line, headers: {}, detach: [] });
      continue;
    }
    const rule = rules.at(-1);
    if (!rule) throw new Error(`_headers line ${n + 1}: a header before any path`);
    if (line.startsWith('!')) {
      rule.detach.push(line.slice(1).trim());
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`_headers line ${n + 1}: expected "Name: value", got "${line}"`);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    rule.headers[name] = rule.headers[name] ? `${rule.headers[name]}, ${value}` : value;
  }
  return rules;
}

/**
 * A Content-Security-Policy value as a map of directive → sources.
 * @param {string} policy
 * @returns {Map<string, string[]>}
 */
export function parseCsp(policy) {
  /** @type {Map<string, string[]>} */
  const directives = new Map();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name.toLowerCase())) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/**
 * A `_headers` path pattern as a RegExp over URL paths: `*` matches anything (also nothing),
 * `:name` one path segment; an absolute-URL pattern is matched on its path.
 * @param {string} pattern
 */
export function headersPathPattern(pattern) {
  const path = pattern.replace(/^https?:\/\/[^/]+/, '');
  const source = path
    .split('*')
    .map((part) =>
      part
        .split(/(:[A-Za-z_]\w*)/)
        .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
        .join(''),
    )
    .join('.*');
  return new RegExp(`^${source}$`);
}

/**
 * The headers a host that reads `_headers` sends for a path, as Cloudflare Pages applies them: every
 * matching rule in file order, "! Name" removing what earlier rules set, a header set twice joined
 * with ", ". (Netlify serves the later rule's value instead of joining; the file avoids relying on either.)
 * @param {HeaderRule[]} rules
 * @param {string} path  the URL path below the base, starting with '/'
 * @returns {Record<string, string>}
 */
export function headersForPath(rules, path) {
  /** @type {Map<string, { name: string, value: string }>} */
  const out = new Map();
  for (const rule of rules) {
    if (!headersPathPattern(rule.path).test(path)) continue;
    for (const name of rule.detach) out.delete(name.toLowerCase());
    for (const [name, value] of Object.entries(rule.headers)) {
      const prev = out.get(name.toLowerCase());
      out.set(name.toLowerCase(), prev ? { name: prev.name, value: `${prev.value}, ${value}` } : { name, value });
    }
  }
  return Object.fromEntries([...out.values()].map(({ name, value }) => [name, value]));
}
