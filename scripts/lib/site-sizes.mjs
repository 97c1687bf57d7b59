// Gzipped sizes of what a built page loads, against its budgets (part of site-check.mjs).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, posix, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildInfo, normalizeBase, pageUrlPath, parseTags } from './site-pages.mjs';

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
