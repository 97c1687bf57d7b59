// The folders' boundaries (README: src/lib is browser-safe, src/build is Node-only build code):
// nothing under src/lib imports a Node built-in or src/build, and nothing the browser loads (the
// <script> blocks of .astro files and every module they reach) does either.
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve('src');
const BUILD = join(ROOT, 'build');
const NODE_BUILTINS = new Set(builtinModules.filter((m) => !m.startsWith('_')));

function filesUnder(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile() && ext.test(d.name))
    .map((d) => join(d.parentPath, d.name));
}

/** The specifiers of a module's static and dynamic imports and re-exports (type-only ones are erased: skipped). */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const statements = /(?:^|;)\s*(?:import|export)\s+(type\s)?(?:[^'";]*?\sfrom\s*)?['"]([^'"]+)['"]/gm;
  for (const m of source.matchAll(statements)) if (!m[1]) found.push(m[2]);
  for (const m of source.matchAll(/\bimport\s*\(\s*['"]([^'"]+)['"]/g)) found.push(m[1]);
  return found;
}

const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]);

/** The file a relative specifier names (TypeScript sources drop or keep their extension). */
function resolveRelative(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')])
    if (existsSync(candidate) && /\.(ts|mjs|js)$/.test(candidate)) return candidate;
  return null;
}

/** What is wrong with one import: a Node built-in, or a file under src/build. */
function violation(file: string, spec: string): string | null {
  if (isNodeBuiltin(spec)) return `${relative('.', file)} imports the Node built-in '${spec}'`;
  if (spec.startsWith('.')) {
    const target = resolve(dirname(file), spec);
    if (target === BUILD || target.startsWith(`${BUILD}/`))
      return `${relative('.', file)} imports '${spec}' (src/build)`;
  }
  return null;
}

/** The imports of the <script> blocks (not `is:inline`, not JSON) of an .astro file. */
function scriptImports(astro: string): string[] {
  const out: string[] = [];
  for (const m of astro.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/is:inline|type=["']application\/(ld\+)?json/.test(m[1])) continue;
    out.push(...importsOf(m[2]));
  }
  return out;
}

/** Every problem in the modules reached from `roots` (relative imports followed transitively). */
function clientViolations(roots: { file: string; specs: string[] }[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const { file, specs } = queue.shift()!;
    for (const spec of specs) {
      const problem = violation(file, spec);
      if (problem) problems.push(problem);
      if (!spec.startsWith('.')) continue;
      const target = resolveRelative(file, spec);
      if (!target || seen.has(target)) continue;
      seen.add(target);
      queue.push({ file: target, specs: importsOf(readFileSync(target, 'utf8')) });
    }
  }
  return problems;
}

describe('folder boundaries', () => {
  it('src/lib imports no Node built-in and nothing under src/build', () => {
    const files = filesUnder(join(ROOT, 'lib'), /\.(ts|mjs|js)$/);
    expect(files.length).toBeGreaterThan(10);
    const problems = files.flatMap((f) =>
      importsOf(readFileSync(f, 'utf8')).flatMap((spec) => violation(f, spec) ?? []),
    );
    expect(problems).toEqual([]);
  });

  it('code the browser loads (the .astro <script> blocks and what they import) stays out of Node and src/build', () => {
    const roots = filesUnder(ROOT, /\.astro$/).map((file) => ({
      file,
      specs: scriptImports(readFileSync(file, 'utf8')),
    }));
    expect(roots.filter((r) => r.specs.length > 0).length).toBeGreaterThan(2);
    expect(clientViolations(roots)).toEqual([]);
  });

  it('finds the imports it checks for', () => {
    const src = `import a from 'node:fs';\nimport { b } from "../build/x";\nexport * from './y';\nimport type { T } from './t';\nconst c = await import('os');`;
    expect(importsOf(src)).toEqual(['node:fs', '../build/x', './y', 'os']);
    expect(violation(join(ROOT, 'lib', 'x.ts'), '../build/images/build')).toMatch(/src\/build/);
    expect(violation(join(ROOT, 'lib', 'x.ts'), 'worker_threads')).toMatch(/Node built-in/);
    expect(violation(join(ROOT, 'lib', 'x.ts'), 'd3-scale')).toBeNull();
    const astro = `<script>import './a'; import '../b';</script><script type="application/json">{}</script>`;
    expect(scriptImports(astro)).toEqual(['./a', '../b']);
  });
});
