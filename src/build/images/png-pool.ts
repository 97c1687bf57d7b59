// PNG encoding on worker threads: one encoder per core (availableParallelism()), so that the image
// step's renders run side by side while the main thread composes the next SVGs.
// const pool = new PngPool(); const png = await pool.render(svg, 2400); await pool.close();
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { renderOptions } from './render';

interface Pending {
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

export class PngPool {
  readonly size: number;
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  /** How many renders each worker has in hand, to give the next one to the least busy. */
  private readonly load: number[] = [];
  private nextId = 0;

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(new URL('./png-worker.mjs', import.meta.url));
      worker.on('message', (msg: { id: number; png?: Uint8Array; error?: string }) => {
        this.load[i]--;
        const task = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.error !== undefined || !msg.png) task?.reject(new Error(msg.error ?? 'no PNG'));
        else task?.resolve(Buffer.from(msg.png.buffer, msg.png.byteOffset, msg.png.byteLength));
      });
      // A worker that dies takes its renders with it: fail them rather than wait for ever.
      worker.on('error', (error) => this.failAll(error));
      this.workers.push(worker);
      this.load.push(0);
    }
  }

  /** The PNG of an SVG, `width` px wide, drawn on the least busy worker (in `fonts`, default fontFiles()). */
  render(svg: string, width: number, fonts?: string[]): Promise<Buffer> {
    const id = this.nextId++;
    const i = this.load.indexOf(Math.min(...this.load));
    this.load[i]++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[i].postMessage({ id, svg, options: renderOptions(width, fonts) });
    });
  }

  private failAll(error: Error): void {
    for (const task of this.pending.values()) task.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
