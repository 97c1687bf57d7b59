// The loaded-word check reads the prose of the data files (src/build/prose/extract.ts: collectProse). In a
// site of several languages the data's loading keeps the files it parsed (src/build/data/load.ts:
// keptSource), and the check takes them from there instead of parsing them again: the same blocks either way.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keptSourceIfAny, loadTimelineData } from '../../src/build/data/load';
import { collectProse } from '../../src/build/prose/extract';

const dir = mkdtempSync(join(tmpdir(), 'prose-kept-'));
cpSync('tests/fixtures/translations', dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('collectProse', () => {
  it('gives the same blocks, lines and languages from the files the data loading kept as from the files', () => {
    const dataDir = join(dir, 'data');
    expect(keptSourceIfAny(dataDir)).toBeUndefined();
    const parsedHere = collectProse(dir);
    loadTimelineData(dataDir);
    expect(keptSourceIfAny(dataDir)?.parsed.get('events.yaml')).toBeDefined();
    const fromKept = collectProse(dir);
    expect(fromKept).toEqual(parsedHere);
    expect(fromKept.filter((b) => b.file.endsWith('data/events.yaml')).length).toBeGreaterThan(3);
    expect(new Set(fromKept.map((b) => b.language))).toEqual(new Set(['en', 'es']));
  });
});
