import { readdirSync, readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Dates must not depend on the machine's time zone: run every test in a zone
// far from UTC so that a local-time bug shows.
process.env.TZ = 'Pacific/Kiritimati';

/**
 * Tests of the built site that start no browser (they read dist/): their own project, so that they run side
 * by side with each other. (Run as a second Vitest process beside the browser files, they made neither
 * faster on two cores: 524 s against 527 s for npm test.) embed-wordpress starts no browser either but
 * shares the embed fixture's server with the embed tests (embed-helpers.ts), so it stays with them.
 */
const NODE_ONLY = [
  'budgets',
  'build-errors',
  'build-output',
  'csp',
  'data-dir',
  'deploy-nginx',
  'embed-heights',
  'html-validate',
  'images',
  'languages',
  'ui-language',
  'links',
  'metadata',
  'other-story',
  'typography',
  'vnu',
  'way-in',
].map((name) => `tests/e2e/${name}.test.ts`);

/**
 * Unit files that mock modules or stub globals or the environment (found by rule, so that a new one is
 * found too): they run isolated, each in a fresh module graph; the rest share their workers' modules.
 */
const MOCKING = readdirSync('tests/unit')
  .filter((name) => name.endsWith('.test.ts'))
  .filter((name) =>
    /\bvi\.(mock|doMock|stubEnv|stubGlobal|resetModules)\b/.test(readFileSync(`tests/unit/${name}`, 'utf8')),
  )
  .map((name) => `tests/unit/${name}`);

export default defineConfig({
  test: {
    // Vitest runs the projects one after the other here (their worker counts differ): the unit and the
    // Node-only files on up to three workers, then the browser files one at a time.
    maxWorkers: 3,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: MOCKING,
          environment: 'node',
          // npm test runs them beside the type check: a test that renders PNGs can take longer than 5 s then.
          testTimeout: 20_000,
          // A worker keeps the modules it has imported from file to file (the data loader, the image
          // step, resvg): loading them again for each of 60 files was about half the unit tests' CPU time.
          isolate: false,
        },
      },
      {
        // The files that mock a module or stub the environment, each in a fresh module graph: with shared
        // modules, ui-strings-coverage's «marked» strings would reach the files after it.
        test: {
          name: 'unit-isolated',
          include: MOCKING,
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e-node',
          include: NODE_ONLY,
          // First the Node files on several workers, then (group 1) the browser files on one.
          sequence: { groupOrder: 0 },
          environment: 'node',
          // Generous: a file that builds a site waits its turn (builds run one at a time, see buildSite).
          testTimeout: 180_000,
          hookTimeout: 300_000,
        },
      },
      {
        // Browser tests, one file at a time: each launches its own Chromium.
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          exclude: NODE_ONLY,
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 300_000,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          // One worker keeps its imports (playwright-core, axe, the site checks) from file to file instead of
          // loading them again for each: the files share no state but the browser each one launches and closes.
          isolate: false,
        },
      },
    ],
  },
});
