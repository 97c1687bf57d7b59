// Imports a TypeScript module of the project and everything it reaches, bundled by esbuild into one ES
// module (npm packages stay imports) that Node loads as it is. For astro.config.mjs: Astro imports a .mjs
// config with Node first, and only when that fails (Node cannot resolve the extensionless imports between
// our .ts files) loads it through a Vite server of its own, which transformed the hundred-odd modules the
// integrations reach one by one, with source maps: about 1.5 s of each language build's CPU, where
// bundling takes about 0.2 s. Plain JavaScript, for Node to import as it is.
// const { images } = await importBundled(new URL('./astro-modules.ts', import.meta.url));
import './images/resvg-allocator.mjs'; // before the bundle, whose npm imports (resvg's too) come first
import { build } from 'esbuild';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/bundled/', import.meta.url));
let made = 0;

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

/**
 * The exports of the TypeScript module at `entry` (a file URL), bundled. The bundle is written to
 * node_modules/.cache/bundled/ (where Node finds the npm packages it imports) and removed once loaded.
 * @param {URL} entry
 * @returns {Promise<any>}
 */
export async function importBundled(entry) {
  const file = fileURLToPath(entry);
  mkdirSync(cacheDir, { recursive: true });
  // One name per process and call: the language builds and the tests' builds run side by side.
  const outfile = join(cacheDir, `${basename(file).replace(/\.ts$/, '')}-${process.pid}-${made++}.mjs`);
  await build({
    entryPoints: [file],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
    plugins: [ownImportMetaUrl],
  });
  try {
    return await import(pathToFileURL(outfile).href);
  } finally {
    rmSync(outfile, { force: true });
  }
}
