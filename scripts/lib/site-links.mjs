// Links of a built site: every same-site link and #fragment resolves (part of site-check.mjs).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { buildInfo, listPages, normalizeBase, pageUrlPath, parseTags } from './site-pages.mjs';

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
