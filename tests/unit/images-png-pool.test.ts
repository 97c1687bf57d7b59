// The PNG encoders on worker threads (src/build/images/png-pool.ts): the same bytes as a render on
// this thread, renders spread over the workers, and a bad SVG is an error, not a hang.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PngPool } from '../../src/build/images/png-pool';
import { renderPng } from '../../src/build/images/render';

const svg = (fill: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50"><rect width="60" height="30" fill="${fill}"/><text x="5" y="45" font-size="12">Hi</text></svg>`;

describe('PngPool', () => {
  const pool = new PngPool(2);
  afterAll(() => pool.close());

  it('draws the same PNG as a render on the main thread', async () => {
    const [a, b] = await Promise.all([pool.render(svg('#0072b2'), 200), renderPng(svg('#0072b2'), 200)]);
    expect(a.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(a.equals(b)).toBe(true);
  });

  it('draws the same PNG as a render on the main thread for an opaque image (written by png-encode.mjs)', async () => {
    const opaque = svg('#0072b2').replace('<rect', '<rect width="100" height="50" fill="#fff"/><rect');
    const [a, b] = await Promise.all([pool.render(opaque, 200), renderPng(opaque, 200)]);
    expect(a[25]).toBe(2); // colour type: RGB
    expect(a.equals(b)).toBe(true);
  });

  it('writes the PNG into a file of a new folder when given one, and says its size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'png-pool-'));
    try {
      const file = join(dir, 'a', 'b', 'c.png');
      const [bytes, png] = await Promise.all([
        pool.renderTo(file, svg('#d55e00'), 200),
        renderPng(svg('#d55e00'), 200),
      ]);
      expect(readFileSync(file).equals(png)).toBe(true);
      expect(bytes).toBe(png.length);
      await expect(pool.renderTo(join(dir, 'a', 'b', 'c.png', 'd.png'), svg('#000'), 50)).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps each result with its own SVG when several run at once', async () => {
    const colours = ['#000000', '#ff0000', '#00ff00', '#0000ff', '#ffffff'];
    const pngs = await Promise.all(colours.map((c) => pool.render(svg(c), 120)));
    const expected = await Promise.all(colours.map((c) => renderPng(svg(c), 120)));
    pngs.forEach((png, i) => expect(png.equals(expected[i]), colours[i]).toBe(true));
  });

  it('draws on one worker fewer while this thread is busy, on all of them once it is idle', async () => {
    const sharing = new PngPool(2, { shareWithThisThread: true });
    try {
      expect(sharing.activeWorkers).toBe(1);
      // Busy: 20 ms of work at a time, for a second, with only a moment between.
      const until = performance.now() + 1000;
      while (performance.now() < until) {
        const end = performance.now() + 20;
        while (performance.now() < end);
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(sharing.activeWorkers).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(sharing.activeWorkers).toBe(2);
      expect((await sharing.render(svg('#123456'), 100)).length).toBeGreaterThan(50);
    } finally {
      await sharing.close();
    }
    expect(pool.activeWorkers).toBe(2);
  });

  it('rejects a render that fails, and goes on working', async () => {
    await expect(pool.render('<svg', 100)).rejects.toThrow();
    expect((await pool.render(svg('#123456'), 100)).length).toBeGreaterThan(50);
  });
});
