// The CDN headers file (public/_headers) and the CSP it sends, per path (part of site-check.mjs).

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

// ── Language folders ─────────────────────────────────────────────────────────

/** Cloudflare Pages reads at most this many rules of a `_headers` file. */
export const MAX_HEADER_RULES = 100;

/**
 * The rules that give each language folder (/es/) the headers of the site root: a copy of every rule
 * below the language's folder. Rules that begin with a splat (/*, /*.html) already match inside the
 * folders and are not copied, so no path gets a header from two rules that the root does not have.
 * Written per language rather than with a `/:lang/` placeholder, which would also match the root's own
 * folders (/table/ would take the home page's cache lifetime, an event called "data" the data's CORS).
 * @param {string} text  the root's `_headers`
 * @param {string[]} languages  the folder names (language codes) of the languages besides the default
 * @returns {string} the rules, as `_headers` text (empty for no language)
 */
export function languageHeaderRules(text, languages) {
  const copied = parseHeadersFile(text).filter((rule) => rule.path.startsWith('/') && !rule.path.startsWith('/*'));
  const blocks = languages.flatMap((lang) =>
    copied.map((rule) =>
      [
        `/${lang}${rule.path}`,
        ...rule.detach.map((name) => `  ! ${name}`),
        ...Object.entries(rule.headers).map(([name, value]) => `  ${name}: ${value}`),
      ].join('\n'),
    ),
  );
  if (!blocks.length) return '';
  const comment = `# Language folders (${languages.map((l) => `/${l}/`).join(', ')}): the root's rules below each one, written by scripts/build.mjs.`;
  return `${comment}\n${blocks.join('\n')}\n`;
}

/**
 * The whole `_headers` file of a build with language folders: the root's rules, then theirs.
 * @param {string} text  the root's `_headers`
 * @param {string[]} languages
 */
export function withLanguageHeaders(text, languages) {
  const extra = languageHeaderRules(text, languages);
  const out = extra ? `${text.replace(/\n*$/, '\n')}\n${extra}` : text;
  const count = parseHeadersFile(out).length;
  if (count > MAX_HEADER_RULES)
    throw new Error(
      `_headers: ${count} rules with ${languages.length} language folders; Cloudflare Pages reads ${MAX_HEADER_RULES}`,
    );
  return out;
}
