// One PNG encoder of the image step's pool (png-pool.ts): draws an SVG with resvg and encodes the
// PNG (png-encode.mjs) on its own thread. Plain JavaScript, so that Node runs it as it is under Astro, Vite and Vitest.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import { pngOf } from './png-encode.mjs';

// resvg frees a render's pixmap (3 MB for a social card) and its font database only when the garbage
// collector has found the small JavaScript objects that hold them unreachable and Node has then run their
// finalizers (in a later turn of the event loop). This thread allocates next to nothing itself, so it
// seldom collected, and the renders arrive in batches, handled in one turn: each render took fresh memory
// and faulted it in page by page, half of a social card's CPU time. So the renders are queued and drawn
// one per turn, with a young-generation collection every few: the finalizers run between two renders, and
// the next one reuses warm memory. (--expose-gc gives the collector's function to new contexts.)
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc');
const RENDERS_PER_COLLECTION = 4;
let renders = 0;
/** @type {{ id: number, svg: string, options: import('@resvg/resvg-js').ResvgRenderOptions }[]} */
const queue = [];

function drawNext() {
  const task = queue.shift();
  if (!task) return;
  try {
    const png = pngOf(new Resvg(task.svg, task.options).render());
    parentPort.postMessage({ id: task.id, png });
  } catch (error) {
    parentPort.postMessage({ id: task.id, error: error instanceof Error ? error.message : String(error) });
  }
  if (++renders % RENDERS_PER_COLLECTION === 0) collect({ type: 'minor' });
  // After the finalizers the collection has scheduled.
  if (queue.length) setImmediate(drawNext);
}

parentPort.on('message', (task) => {
  if (queue.push(task) === 1) setImmediate(drawNext);
});
