// `npm run build`: one `astro build` per published language of the content (see lib/languages.mjs).
// The default language builds at the site root (Astro empties the output folder, older language
// folders included); each other language builds at the same time (each build is mostly one thread),
// with its own base (BASE_PATH + '<lang>/'), so every link, embed, download and image of a page stays
// in its language, into a folder of its own inside the project (Astro keeps a build's pre-render
// chunks in its output folder when that lies inside the project, in a shared one otherwise), moved to
// <out>/<lang>/ when every build is done. The default build's log is printed as it goes; the others'
// logs after it, whole. The first build that fails stops the others and the script (its status).
// Files that belong to the site root only (the host's _headers, robots.txt, the sitemap, which lists
// every language) are removed from the language folders (each keeps its build-info.json: its base and its
// charts' data fingerprints, for scripts/embed-heights.mjs); the root's _headers gets a copy of its rules
// below each language folder, so that /es/embed/… is framed, /es/data/… shared and /es/_astro/… cached
// as at the root. Arguments are passed on to `astro build`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildLanguages } from './lib/languages.mjs';
import { withLanguageHeaders } from './lib/site-headers.mjs';

const ROOT_ONLY = ['_headers', 'robots.txt', 'sitemap.xml'];
// Said after a build without SITE_URL: right for `npm start`, wrong for a site put online.
const SITE_URL_NOTE =
  'Note: SITE_URL is not set, so the embed codes, canonical and social-card links and the chart images ' +
  'name http://localhost:4321. That is right for `npm start` on this computer; to publish, build with ' +
  'SITE_URL=https://your.site npm run build (docs/deploy.md).';
const astro = resolve('node_modules', '.bin', 'astro');
const args = ['build', ...process.argv.slice(2)];
const env = { ASTRO_TELEMETRY_DISABLED: '1', ...process.env };
delete env.SITE_LANG;
const out = resolve(process.env.OUT_DIR || 'dist');
// One folder per output folder, so that builds into other folders (tests, the bench) do not meet here.
const staging = resolve('node_modules', '.cache', 'language-builds', createHash('sha1').update(out).digest('hex'));

/** Starts `astro build` for a language (none: the default); another language's output is kept for later. */
function start(/** @type {string | undefined} */ lang) {
  const child = spawn(astro, args, {
    stdio: lang ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: lang ? { ...env, SITE_LANG: lang, SITE_LANG_OUT_DIR: join(staging, lang) } : env,
  });
  /** @type {[NodeJS.WriteStream, Buffer][]} */
  const output = [];
  child.stdout?.on('data', (chunk) => output.push([process.stdout, chunk]));
  child.stderr?.on('data', (chunk) => output.push([process.stderr, chunk]));
  /** @type {Promise<number>} */
  const done = new Promise((resolveDone) => child.on('close', (code) => resolveDone(code ?? 1)));
  return { lang, child, output, done };
}

function printLog(/** @type {ReturnType<typeof start>} */ build) {
  console.log(`\n━━ The "${build.lang}" pages (${build.lang}/), built at the same time`);
  for (const [stream, chunk] of build.output) stream.write(chunk);
}

const { others } = buildLanguages();
// The languages built beside the default one: each checks its own translation, the default build the rest
// (src/integrations/timeline-data.ts).
env.SITE_LANG_BUILDS = others.join(',');
rmSync(staging, { recursive: true, force: true });
const builds = [start(undefined), ...others.map(start)];
/** @type {ReturnType<typeof start> | undefined} */
let failed;
await Promise.all(
  builds.map(async (build) => {
    const status = await build.done;
    if (status === 0 || failed) return;
    failed = build;
    for (const other of builds) if (other !== build) other.child.kill();
  }),
);
if (failed) {
  if (failed.lang) printLog(failed);
  rmSync(staging, { recursive: true, force: true });
  // Not process.exit(): the log just written to a pipe would be cut.
  process.exitCode = (await failed.done) || 1;
} else {
  for (const build of builds.slice(1)) {
    printLog(build);
    const folder = join(out, /** @type {string} */ (build.lang));
    rmSync(folder, { recursive: true, force: true });
    moveFolder(join(staging, /** @type {string} */ (build.lang)), folder);
    for (const file of ROOT_ONLY) rmSync(join(folder, file), { force: true });
  }
  rmSync(staging, { recursive: true, force: true });
  const headersFile = join(out, '_headers');
  if (others.length && existsSync(headersFile))
    writeFileSync(headersFile, withLanguageHeaders(readFileSync(headersFile, 'utf8'), others));
  if (!process.env.SITE_URL) console.warn(`\n${SITE_URL_NOTE}`);
}

function moveFolder(/** @type {string} */ from, /** @type {string} */ to) {
  try {
    renameSync(from, to);
  } catch (error) {
    // An output folder on another file system than the project: copy.
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'EXDEV') throw error;
    cpSync(from, to, { recursive: true });
  }
}
