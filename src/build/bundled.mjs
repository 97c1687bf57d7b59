// Imports a TypeScript module of the project and everything it reaches, bundled by esbuild into one ES
// module (npm packages stay imports) that Node loads as it is. For astro.config.mjs: Astro imports a .mjs
// config with Node first, and only when that fails (Node cannot resolve the extensionless imports between
// our .ts files) loads it through a Vite server of its own, which transformed the hundred-odd modules the
// integrations reach one by one, with source maps: about 1.5 s of each language build's CPU, where
// bundling takes about 0.2 s. Plain JavaScript, for Node to import as it is.
// const { images } = await importBundled(new URL('./astro-modules.ts', import.meta.url));
import './images/resvg-allocator.mjs'; // before the bundle, whose npm imports (resvg's too) come first
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/bundled/', import.meta.url));

/** Each bundled file keeps its own import.meta.url (png-pool.ts starts the worker file beside it). */
const ownImportMetaUrl = {
  name: 'own-import-meta-url',
  setup(/** @type {import('esbuild').PluginBuild} */ b) {
    b.onLoad({ filter: /\.m?[jt]s$/ }, (args) => {
      const source = readFileSync(args.path, 'utf8');
      return {
        contents: source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: /\.m?ts$/.test(args.path) ? 'ts' : 'js',
      };
    });
  },
};

/** How long a bundle no build has used stays in the cache folder. */
const KEEP_MS = 24 * 3600_000;

/**
 * The exports of the TypeScript module at `entry` (a file URL), bundled. The bundle is written to
 * node_modules/.cache/bundled/ (where Node finds the npm packages it imports), named by its content: the
 * language builds that start together write the same file, and Node's compile cache (which Astro turns on)
 * knows it from one build to the next instead of storing a new copy each time.
 * @param {URL} entry
 * @returns {Promise<any>}
 */
export async function importBundled(entry) {
  const file = fileURLToPath(entry);
  const name = basename(file).replace(/\.ts$/, '');
  const { outputFiles } = await build({
    entryPoints: [file],
    outfile: join(cacheDir, `${name}.mjs`),
    write: false,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
    plugins: [ownImportMetaUrl],
  });
  const code = outputFiles[0].contents;
  const path = join(cacheDir, `${name}-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  mkdirSync(cacheDir, { recursive: true });
  const now = new Date();
  if (existsSync(path)) utimesSync(path, now, now);
  else {
    // Whole or not at all, for a build reading it at the same time: written aside, then renamed.
    const part = `${path}.${process.pid}.part`;
    writeFileSync(part, code);
    renameSync(part, path);
  }
  // The bundles of this entry that no build has used for a day: older versions of the code.
  for (const other of readdirSync(cacheDir)) {
    const at = join(cacheDir, other);
    const used = statSync(at, { throwIfNoEntry: false })?.mtimeMs ?? now.getTime();
    if (other.startsWith(`${name}-`) && at !== path && now.getTime() - used > KEEP_MS) rmSync(at, { force: true });
  }
  return import(pathToFileURL(path).href);
}
