// The W3C Nu HTML Checker (vnu.jar, from the vnu-jar package) finds no error in any built page or SVG
// image. One Java process checks all of dist at once (about 15 s for 88 pages and 15 SVGs; a JVM per
// page would take minutes). Warnings are not failures. Needs `java` (17 or later) on the PATH: without
// it the test is skipped and says so (the package's own Java download is turned off in package.json's
// allowScripts). A failure lists each error as "page:line: message".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listPages } from '../../scripts/lib/site-check.mjs';

const DIST = resolve(process.env.DIST || 'dist');
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
const hasJava = !java.error && java.status === 0;

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
}

let tmp: string;
let errors: string[] = [];
let canaryErrors: string[] = [];
let seconds = 0;

beforeAll(() => {
  if (!hasJava) return;
  // A page with known errors goes in with dist: it proves in the same run that errors are reported.
  tmp = mkdtempSync(join(tmpdir(), 'vnu-canary-'));
  writeFileSync(
    join(tmp, 'canary.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>c</title></head><body><p><div></p></body></html><script></script>\n',
  );
  const started = Date.now();
  const result = spawnSync(
    'java',
    ['-jar', VNU_JAR, '--errors-only', '--format', 'json', '--also-check-svg', '--skip-non-html', DIST, tmp],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 },
  );
  seconds = (Date.now() - started) / 1000;
  // The report goes to stderr; exit status 1 means "errors found", anything else a failure to run.
  if (result.error || (result.status !== 0 && result.status !== 1)) {
    throw new Error(`vnu.jar did not run (status ${result.status}): ${result.error ?? result.stderr}`);
  }
  const { messages } = JSON.parse(result.stderr) as { messages: VnuMessage[] };
  const line = (m: VnuMessage) => {
    const file = m.url ? fileURLToPath(m.url) : '?';
    const where = file.startsWith(tmp) ? relative(tmp, file) : relative(DIST, file).split('\\').join('/');
    return `${where}:${m.lastLine ?? '?'}: ${m.message}`;
  };
  const reported = messages.filter((m) => m.type !== 'info').map((m) => ({ m, text: line(m) }));
  canaryErrors = reported.filter(({ m }) => m.url && fileURLToPath(m.url).startsWith(tmp)).map(({ text }) => text);
  errors = reported.filter(({ m }) => !(m.url && fileURLToPath(m.url).startsWith(tmp))).map(({ text }) => text);
}, 600_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('W3C Nu HTML Checker (vnu.jar)', () => {
  const skipped = hasJava ? '' : ' (skipped: no `java` on the PATH, which vnu.jar needs)';
  if (!hasJava) console.warn(`vnu.test.ts: no \`java\` on the PATH; the Nu HTML Checker did not run.`);

  it.skipIf(!hasJava)(`reports the errors of a broken page, so a clean run means something${skipped}`, () => {
    expect(canaryErrors).toContain('canary.html:1: Stray start tag “script”.');
  });

  it.skipIf(!hasJava)(`finds no errors in any built page or SVG image${skipped}`, () => {
    expect(listPages(DIST)).toContain('index.html');
    console.log(`vnu.jar checked ${listPages(DIST).length} pages and the SVGs of ${DIST} in ${seconds.toFixed(1)} s`);
    expect(errors, `${errors.length} error(s):\n${errors.join('\n')}`).toEqual([]);
  });
});
