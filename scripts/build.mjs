// `npm run build`: one `astro build` per published language of the content (see lib/languages.mjs).
// The default language is built first, at the site root (Astro empties the output folder, older
// language folders included); each other language then builds into its own folder with its own base
// (BASE_PATH + '<lang>/'), so every link, embed, download and image of a page stays in its language.
// Files that belong to the site root only (the host's _headers, robots.txt, the sitemap, which lists
// every language) are removed from the language folders (each keeps its build-info.json: its base and its
// charts' data fingerprints, for scripts/embed-heights.mjs); the root's _headers gets a copy of its rules
// below each language folder, so that /es/embed/… is framed, /es/data/… shared and /es/_astro/… cached
// as at the root. Arguments are passed on to `astro build`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildLanguages } from './lib/languages.mjs';
import { withLanguageHeaders } from './lib/site-headers.mjs';

const ROOT_ONLY = ['_headers', 'robots.txt', 'sitemap.xml'];
const astro = resolve('node_modules', '.bin', 'astro');
const args = ['build', ...process.argv.slice(2)];
const env = { ASTRO_TELEMETRY_DISABLED: '1', ...process.env };
delete env.SITE_LANG;

function build(lang) {
  if (lang) console.log(`\n━━ Building the "${lang}" pages (${lang}/)`);
  const result = spawnSync(astro, args, { stdio: 'inherit', env: lang ? { ...env, SITE_LANG: lang } : env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

build();
const out = resolve(process.env.OUT_DIR || 'dist');
const { others } = buildLanguages();
for (const lang of others) {
  build(lang);
  for (const file of ROOT_ONLY) rmSync(join(out, lang, file), { force: true });
}
const headersFile = join(out, '_headers');
if (others.length && existsSync(headersFile))
  writeFileSync(headersFile, withLanguageHeaders(readFileSync(headersFile, 'utf8'), others));
