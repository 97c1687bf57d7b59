// The data a build loads several times is read and validated once while its files are unchanged
// (src/build/data/load.ts): each load is a copy of it, and a changed file is read again.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTimelineData } from '../../src/build/data/load';

const dir = mkdtempSync(join(tmpdir(), 'data-cache-'));
cpSync('tests/fixtures/content/data', dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loadTimelineData', () => {
  it('gives each load its own copy: what one caller changes, the next does not see', () => {
    const first = loadTimelineData(dir);
    const title = first.events[0].title;
    first.events[0].title = 'changed by a caller';
    first.events.pop();
    const second = loadTimelineData(dir);
    expect(second).not.toBe(first);
    expect(second.events[0].title).toBe(title);
    expect(second.events.length).toBe(first.events.length + 1);
  });

  it('reads a data file again once it has changed', () => {
    const before = loadTimelineData(dir);
    const file = join(dir, 'site.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: A changed title'));
    const after = loadTimelineData(dir);
    expect(before.site.title).not.toBe('A changed title');
    expect(after.site.title).toBe('A changed title');
  });
});
