// Imports a TypeScript module of src/ from a plain Node script: esbuild bundles it
// (dependencies stay external) into node_modules/.cache, then Node imports that.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..', '..');

/** Imports `src/...ts` (a path from the project root) and returns its exports. */
export async function importTs(entry) {
  const outdir = join(root, 'node_modules', '.cache', 'import-ts');
  mkdirSync(outdir, { recursive: true });
  const outfile = join(outdir, `${basename(entry).replace(/\.ts$/, '')}-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'error',
  });
  return import(pathToFileURL(outfile).href);
}
