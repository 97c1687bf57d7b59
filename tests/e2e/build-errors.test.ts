// `npm run build` refuses bad data: it exits non-zero and prints the problem in plain words,
// with the file, the event and the field, and no stack trace.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('astro build with bad data', () => {
  it('stops and names the file, event and field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-bad-'));
    cpSync('tests/fixtures/data', dir, { recursive: true });
    const events = readFileSync(join(dir, 'events.yaml'), 'utf8').replace(
      'id: joint-declaration\n  date: 2019-06-07',
      'id: joint-declaration\n  date: 2019-02-30',
    );
    writeFileSync(join(dir, 'events.yaml'), events);
    const result = spawnSync('node_modules/.bin/astro', ['build'], {
      env: { ...process.env, TIMELINE_DATA_DIR: dir, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1' },
      encoding: 'utf8',
    });
    // eslint-disable-next-line no-control-regex
    const output = (result.stdout + result.stderr).replace(/\x1b\[[0-9;]*m/g, '');
    expect(result.status).toBe(1);
    expect(output).toMatch(/events\.yaml:\d+ — event "joint-declaration", field "date": "2019-02-30" is not a real date: February 2019 has 28 days/);
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/);
    // The real site's build output is untouched.
    expect(readFileSync('dist/data/timeline.json', 'utf8')).not.toContain('Fixture explainer');
  });
});
