// The content checks before a build (src/integrations/timeline-data.ts). scripts/build.mjs builds each other
// language beside the default one (SITE_LANG_BUILDS): each of those builds checks its own translation, the
// default build the rest and the loaded words; a build on its own (no SITE_LANG_BUILDS) checks everything.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AstroIntegrationLogger } from 'astro';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import timelineData from '../../src/integrations/timeline-data';

// The real content, its Spanish translation (published) missing one summary.
const dir = mkdtempSync(join(tmpdir(), 'timeline-data-'));
cpSync('content', dir, { recursive: true });
const file = join(dir, 'data', 'es', 'events.yaml');
writeFileSync(file, readFileSync(file, 'utf8').replace(/^ {2}summary: .*\n/m, ''));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const saved = { ...process.env };
afterEach(() => {
  for (const key of ['CONTENT_DIR', 'SITE_LANG', 'SITE_LANG_BUILDS']) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

/** Runs the checks as `astro dev` would (a build would exit), with `env`; returns what they logged. */
function check(env: Record<string, string>): string[] {
  Object.assign(process.env, { CONTENT_DIR: dir }, env);
  const said: string[] = [];
  const logger = {
    info: (m: string) => said.push(`info: ${m}`),
    warn: (m: string) => said.push(`warn: ${m}`),
    error: (m: string) => said.push(`error: ${m}`),
  } as unknown as AstroIntegrationLogger;
  const hook = timelineData().hooks['astro:config:setup'] as (o: unknown) => void;
  hook({ command: 'dev', logger });
  return said;
}

const failed = (said: string[]) => said.some((m) => m.startsWith('error: The Spanish translation has 1 problem'));
const wordsChecked = (said: string[]) => said.some((m) => /loaded word/.test(m));

describe('the content checks before a build', () => {
  it('on their own, check every published translation', () => {
    expect(failed(check({}))).toBe(true);
  });

  it('in the default build beside the Spanish one, leave Spanish to it and check the loaded words', () => {
    const said = check({ SITE_LANG_BUILDS: 'es' });
    expect(failed(said)).toBe(false);
    expect(wordsChecked(said)).toBe(true);
  });

  it('in the Spanish build beside the default one, check Spanish and leave the loaded words', () => {
    const said = check({ SITE_LANG_BUILDS: 'es', SITE_LANG: 'es' });
    expect(failed(said)).toBe(true);
    const clean = mkdtempSync(join(tmpdir(), 'timeline-data-'));
    try {
      cpSync('content', clean, { recursive: true });
      const ok = check({ CONTENT_DIR: clean, SITE_LANG_BUILDS: 'es', SITE_LANG: 'es' });
      expect(ok.some((m) => m.startsWith('error:'))).toBe(false);
      expect(wordsChecked(ok)).toBe(false);
    } finally {
      rmSync(clean, { recursive: true, force: true });
    }
  });
});
