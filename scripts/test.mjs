// `npm test`: everything, in order — formatting, type check, unit tests, production build, browser tests
// against the build. Stops at the first failing step; ends with "N passed, N failed".
import { spawnSync } from 'node:child_process';
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

const steps = [
  ['Formatting (npm run lint: Prettier)', bin('prettier'), ['--check', '.']],
  ['Type check (astro check)', bin('astro'), ['check']],
  [
    'Unit tests',
    bin('vitest'),
    ['run', '--project', 'unit', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
  ],
  ['Production build', bin('astro'), ['build']],
  [
    'Tests of the build (browser tests in Chromium, and Node-only ones beside them)',
    bin('vitest'),
    ['run', '--project', 'e2e*', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/e2e.json'],
  ],
];

try {
  env.CHROMIUM_PATH = ensureChromium();
} catch (error) {
  console.error(error.message);
  process.exit(1);
}

let failedStep;
for (const [title, command, args] of steps) {
  console.log(
    `\n━━ ${title}: ${command.replace('node_modules/.bin/', '')} ${args.filter((a) => !a.startsWith('--reporter') && !a.startsWith('--outputFile')).join(' ')}`,
  );
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    failedStep = title;
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
if (failedStep) console.log(`npm test stopped: the step "${failedStep}" failed.`);
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failedStep || failed ? 1 : 0);
