// `npm run new`: the content folder it writes is valid as the build reads it, and it never writes over files.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadTimelineData } from '../../src/build/data/load';
import { writeNewContent } from '../../scripts/lib/new-content.mjs';

const tmp = () => mkdtempSync(join(tmpdir(), 'timeline-new-'));
const newScript = (...args: string[]) =>
  spawnSync(process.execPath, ['scripts/new.mjs', ...args], { encoding: 'utf8' });

describe('npm run new', () => {
  it('writes a story, three events, two tracks, one chart and a method page that validate', () => {
    const dir = join(tmp(), 'my-story');
    const run = newScript(dir);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`CONTENT_DIR=`);
    const data = loadTimelineData(join(dir, 'data'));
    expect(data.events.map((e) => e.id)).toEqual(['first-event', 'second-event', 'third-event']);
    expect(data.tracks).toHaveLength(2);
    expect(data.charts.map((c) => c.kind)).toEqual(['timeline']);
    expect(readdirSync(join(dir, 'stories'))).toEqual(['story.mdx']);
    expect(readdirSync(join(dir, 'pages'))).toEqual(['method.mdx']);
    const story = readFileSync(join(dir, 'stories', 'story.mdx'), 'utf8');
    expect(story).toContain('<EventRef id="first-event">');
    expect(story).not.toMatch(/__[A-Z_]+__/);
    const today = new Date().toISOString().slice(0, 10);
    expect(data.site).toMatchObject({ title: 'A new explainer', published: today, period: { start: '2024-01' } });
  });

  it('keeps quotes and colons of a title as they are', () => {
    const dir = join(tmp(), 'x');
    const title = `It's "the" title: part 2 # not a comment`;
    writeNewContent(dir, { title, description: 'A: b' });
    expect(loadTimelineData(join(dir, 'data')).site.title).toBe(title);
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, 'stories', 'story.mdx'), 'utf8'))![1];
    expect(parse(front)).toMatchObject({ title, description: 'A: b' });
  });

  it('refuses a folder that holds files, and writes nothing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const run = newScript(dir);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${dir} is not empty (it holds notes.txt); choose a new folder`);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('says how to use it when no folder is given', () => {
    const run = newScript();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Usage: npm run new -- <folder>');
  });
});
