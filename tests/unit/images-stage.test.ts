// moveInto (src/build/images/stage.ts): the images drawn into a staging folder while Astro renders
// the pages are moved into the built site, merged with the folders it already has.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { moveInto } from '../../src/build/images/stage';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'images-stage-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const put = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const read = (path: string) => readFileSync(join(dir, path), 'utf8');

describe('moveInto', () => {
  it('moves new folders whole, merges folders the site has, replaces files, and removes the staging folder', () => {
    put('stage/images/a.png', 'A');
    put('stage/images/social/home.png', 'H');
    put('stage/robots.txt', 'new');
    put('site/images/kept.svg', 'K');
    put('site/robots.txt', 'old');
    put('site/index.html', 'page');
    moveInto(join(dir, 'stage'), join(dir, 'site'));
    expect(read('site/images/a.png')).toBe('A');
    expect(read('site/images/social/home.png')).toBe('H');
    expect(read('site/images/kept.svg')).toBe('K');
    expect(read('site/robots.txt')).toBe('new');
    expect(read('site/index.html')).toBe('page');
    expect(existsSync(join(dir, 'stage'))).toBe(false);
  });

  it('creates the site folder when it is missing', () => {
    put('stage/images/a.png', 'A');
    moveInto(join(dir, 'stage'), join(dir, 'out', 'site'));
    expect(read('out/site/images/a.png')).toBe('A');
  });
});
