// One PNG encoder of the image step's pool (png-pool.ts): draws an SVG with resvg, encodes the PNG
// (png-encode.mjs) and, given a file, writes it there, on its own thread. Plain JavaScript, so that Node runs it as it is under Astro, Vite and Vitest.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { pngOf } from './png-encode.mjs';

// resvg frees a render's pixmap (3 MB for a social card, 10–20 MB for a chart at 2400 px) and its font
// database only when the garbage collector has found the small JavaScript objects that hold them
// unreachable and Node has then run their finalizers (in a later turn of the event loop). This thread
// allocates next to nothing itself, so it seldom collected, and the renders arrive in batches, handled in
// one turn: each render took fresh memory and faulted it in page by page, half of a social card's CPU time.
// So the renders are queued and drawn one per turn, with a young-generation collection once they have drawn
// about four social cards' worth of pixels: the finalizers run between two renders, and the next one reuses
// warm memory. (--expose-gc gives the collector's function to new contexts.)
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');
const PIXELS_PER_COLLECTION = 4 * 1200 * 630;
let pixels = 0;
/** @type {{ id: number, svg: string, options: import('@resvg/resvg-js').ResvgRenderOptions, file?: string }[]} */
const queue = [];
/** The folders made so far. */
const folders = new Set();

/** Writes `png` into `file`, making its folder the first time. */
function writePng(/** @type {string} */ file, /** @type {Buffer} */ png) {
  const folder = dirname(file);
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  writeFileSync(file, png);
}

function drawNext() {
  const task = queue.shift();
  if (!task) return;
  try {
    const image = new Resvg(task.svg, task.options).render();
    pixels += image.width * image.height;
    const png = pngOf(image);
    if (task.file === undefined) parentPort.postMessage({ id: task.id, png });
    else {
      writePng(task.file, png);
      parentPort.postMessage({ id: task.id, bytes: png.length });
    }
  } catch (error) {
    parentPort.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) });
  }
  if (pixels >= PIXELS_PER_COLLECTION) {
    collect({ type: 'minor' });
    pixels = 0;
  }
  // After the finalizers the collection has scheduled.
  if (queue.length) setImmediate(drawNext);
}

parentPort.on('message', (task) => {
  if (queue.push(task) === 1) setImmediate(drawNext);
});
