// `npm test`: everything — formatting and type check side by side, then the unit tests, the production build
// and the tests of the build. Stops after the first group with a failing step; ends with "N passed, N failed".
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from './lib/chromium.mjs';

const env = {
  ...process.env,
  TZ: 'Pacific/Kiritimati',
  ASTRO_TELEMETRY_DISABLED: '1',
  FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
};
const bin = (name) => `node_modules/.bin/${name}`;
rmSync('test-results', { recursive: true, force: true });

const vitest = (project, out) => [
  'run',
  '--project',
  project,
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=test-results/${out}.json`,
];
// Groups run one after another; the steps of a group run side by side (they read the sources and write
// nothing another one reads), their output printed whole as each ends.
const groups = [
  // The type check is one thread, the unit tests two workers: side by side they keep both cores busy.
  [
    ['Formatting (npm run lint: Prettier)', bin('prettier'), ['--check', '.']],
    ['Type check (astro check)', bin('astro'), ['check']],
    ['Unit tests', bin('vitest'), vitest('unit*', 'unit')],
  ],
  [['Production build (every language)', process.execPath, ['scripts/build.mjs']]],
  [
    [
      'Tests of the build (browser tests in Chromium, and Node-only ones beside them)',
      bin('vitest'),
      vitest('e2e*', 'e2e'),
    ],
  ],
];

try {
  env.CHROMIUM_PATH = ensureChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

/** Runs one step; a step alone in its group prints as it goes, one of several when it ends. */
function run([title, command, args], alone) {
  const heading = `\n━━ ${title}: ${command.replace('node_modules/.bin/', '')} ${args.filter((a) => !a.startsWith('--reporter') && !a.startsWith('--outputFile')).join(' ')}`;
  if (alone) console.log(heading);
  const child = spawn(command, args, { stdio: alone ? 'inherit' : ['ignore', 'pipe', 'pipe'], env });
  const output = [];
  child.stdout?.on('data', (chunk) => output.push(chunk));
  child.stderr?.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) =>
    child.on('close', (status) => {
      if (!alone) {
        console.log(heading);
        process.stdout.write(Buffer.concat(output));
      }
      resolve(status === 0 ? undefined : title);
    }),
  );
}

let failedStep;
for (const group of groups) {
  const failed = (await Promise.all(group.map((step) => run(step, group.length === 1)))).filter(Boolean);
  if (failed.length) {
    failedStep = failed.join('", "');
    break;
  }
}

let passed = 0;
let failed = 0;
for (const file of ['test-results/unit.json', 'test-results/e2e.json']) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
console.log('');
if (failedStep) console.log(`npm test stopped: "${failedStep}" failed.`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedStep || failed ? 1 : 0);
