// importBundled (src/build/bundled.mjs): astro.config.mjs takes the integrations from one esbuild bundle, so
// that Node imports the config as it is (Astro falls back to loading it through a Vite server otherwise,
// about 1.5 s of CPU per language build).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { importBundled } from '../../src/build/bundled.mjs';

const BUNDLES = resolve('node_modules/.cache/bundled');
const bundlesOf = (name: string) =>
  existsSync(BUNDLES) ? readdirSync(BUNDLES).filter((f) => f.startsWith(`${name}-`)) : [];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'bundled-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('importBundled', () => {
  it('bundles extensionless TypeScript imports and TypeScript-only syntax, keeps npm packages and each file’s URL', async () => {
    writeFileSync(
      join(dir, 'helper.ts'),
      [
        "import { stringify } from 'yaml';",
        'export class Box {',
        '  constructor(readonly size: number) {}',
        '}',
        'export const here: string = import.meta.url;',
        'export const yaml = stringify({ a: 1 });',
      ].join('\n'),
    );
    writeFileSync(
      join(dir, `entry-${process.pid}.ts`),
      "import { Box, here, yaml } from './helper';\nexport const size = new Box(3).size;\nexport { here, yaml };\n",
    );
    const m = await importBundled(pathToFileURL(join(dir, `entry-${process.pid}.ts`)));
    for (const f of bundlesOf(`entry-${process.pid}`)) rmSync(join(BUNDLES, f));
    expect(m.size).toBe(3);
    expect(m.here).toBe(pathToFileURL(join(dir, 'helper.ts')).href);
    expect(m.yaml).toBe('a: 1\n');
  });

  it('names a bundle by its content: the same code, bundled again, is the same file (Node’s compile cache knows it)', async () => {
    const name = `same-${process.pid}`;
    writeFileSync(join(dir, `${name}.ts`), 'export const n: number = 1;\n');
    try {
      await importBundled(pathToFileURL(join(dir, `${name}.ts`)));
      const first = bundlesOf(name);
      await importBundled(pathToFileURL(join(dir, `${name}.ts`)));
      expect(bundlesOf(name)).toEqual(first);
      expect(first).toHaveLength(1);
      writeFileSync(join(dir, `${name}.ts`), 'export const n: number = 2;\n');
      expect((await importBundled(pathToFileURL(join(dir, `${name}.ts`)))).n).toBe(2);
      expect(bundlesOf(name)).toHaveLength(2);
    } finally {
      for (const f of bundlesOf(name)) rmSync(join(BUNDLES, f));
    }
  });

  it('rejects with the file and line of a syntax error, and writes no bundle', async () => {
    const name = `broken-${process.pid}`;
    writeFileSync(join(dir, `${name}.ts`), 'export const a = ;\n');
    await expect(importBundled(pathToFileURL(join(dir, `${name}.ts`)))).rejects.toThrow(/broken-\d+\.ts:1/);
    expect(bundlesOf(name)).toEqual([]);
  });

  it('lets Node import astro.config.mjs as it is, with resvg’s allocator set before any npm import', () => {
    const script =
      "const { default: c } = await import('./astro.config.mjs');" +
      'console.log(JSON.stringify({ names: c.integrations.map((i) => i.name), delay: process.env.MIMALLOC_PURGE_DELAY }));';
    const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
    delete env.MIMALLOC_PURGE_DELAY;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env });
    const { names, delay } = JSON.parse(out.trim().split('\n').at(-1)!);
    expect(names).toEqual(expect.arrayContaining(['timeline-data', 'build-images']));
    expect(delay).toBe('1000');
  });
});
