// One PNG encoder of the image step's pool (png-pool.ts): draws an SVG with resvg and encodes the
// PNG on its own thread. Plain JavaScript, so that Node runs it as it is under Astro, Vite and Vitest.
import { parentPort } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';

parentPort.on('message', ({ id, svg, options }) => {
  try {
    const png = new Resvg(svg, options).render().asPng();
    parentPort.postMessage({ id, png });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
