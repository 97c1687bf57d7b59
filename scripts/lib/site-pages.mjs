// Pages of a built site and the HTML of each read as tags (parse5): part of site-check.mjs.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
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
export function normalizeBase(/** @type {string} */ base) {
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
