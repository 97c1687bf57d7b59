// PNG encoding on worker threads: one encoder per core (availableParallelism()), so that the image
// step's renders run side by side while the main thread composes the next SVGs.
// const pool = new PngPool(); const png = await pool.render(svg, 2400); await pool.close();
// const bytes = await pool.renderTo('dist/images/x.png', svg, 1200): the worker writes the file.
// new PngPool(undefined, { shareWithThisThread: true }): one encoder fewer while this thread is busy.
import { availableParallelism } from 'node:os';
import { performance, type EventLoopUtilization } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { renderOptions } from './render';

interface Pending {
  resolve: (result: { png?: Buffer; bytes: number }) => void;
  reject: (error: Error) => void;
}

/** How often the pool looks at how busy this thread has been, and the share above which it counts as busy. */
const WATCH_MS = 250;
const BUSY = 0.5;

export class PngPool {
  readonly size: number;
  private readonly workers: Worker[] = [];
  private readonly pending = new Map<number, Pending>();
  /** How many renders each worker has in hand, to give the next one to the least busy. */
  private readonly load: number[] = [];
  /** New renders go to the first `active` workers. */
  private active: number;
  private readonly watch?: NodeJS.Timeout;
  private nextId = 0;

  /**
   * `shareWithThisThread`: while this thread is busy (rendering the site's pages beside the image step),
   * new renders go to one worker fewer, so that the pages, a large build's longest job, keep a core to
   * themselves rather than the share of one a third thread leaves them; all workers draw once it is idle.
   */
  constructor(size = availableParallelism(), options: { shareWithThisThread?: boolean } = {}) {
    this.size = Math.max(1, size);
    this.active = this.size;
    for (let i = 0; i < this.size; i++) {
      const worker = new Worker(new URL('./png-worker.mjs', import.meta.url));
      worker.on('message', (msg: { id: number; png?: Uint8Array; bytes?: number; error?: string }) => {
        this.load[i]--;
        const task = this.pending.get(msg.id);
        this.pending.delete(msg.id);
        if (msg.png) {
          const png = Buffer.from(msg.png.buffer, msg.png.byteOffset, msg.png.byteLength);
          task?.resolve({ png, bytes: png.length });
        } else if (msg.error === undefined && msg.bytes !== undefined) task?.resolve({ bytes: msg.bytes });
        else task?.reject(new Error(msg.error ?? 'no PNG'));
      });
      // A worker that dies takes its renders with it: fail them rather than wait for ever.
      worker.on('error', (error) => this.failAll(error));
      this.workers.push(worker);
      this.load.push(0);
    }
    if (options.shareWithThisThread && this.size > 1) {
      this.active = this.size - 1;
      let since: EventLoopUtilization = performance.eventLoopUtilization();
      this.watch = setInterval(() => {
        const now = performance.eventLoopUtilization();
        this.active = performance.eventLoopUtilization(now, since).utilization > BUSY ? this.size - 1 : this.size;
        since = now;
      }, WATCH_MS);
      this.watch.unref();
    }
  }

  /** How many workers new renders go to now. */
  get activeWorkers(): number {
    return this.active;
  }

  /** The PNG of an SVG, `width` px wide, drawn on the least busy worker (in `fonts`, default fontFiles()). */
  async render(svg: string, width: number, fonts?: string[]): Promise<Buffer> {
    return (await this.send({ svg, options: renderOptions(width, fonts) })).png!;
  }

  /**
   * Draws the PNG as render() does and has the worker write it into `file` (its folder made if need be),
   * sparing this thread the write; resolves with its size in bytes.
   */
  async renderTo(file: string, svg: string, width: number, fonts?: string[]): Promise<number> {
    return (await this.send({ svg, options: renderOptions(width, fonts), file })).bytes;
  }

  private send(task: { svg: string; options: ResvgRenderOptions; file?: string }) {
    const id = this.nextId++;
    const load = this.load.slice(0, this.active);
    const i = load.indexOf(Math.min(...load));
    this.load[i]++;
    return new Promise<{ png?: Buffer; bytes: number }>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.workers[i].postMessage({ id, ...task });
    });
  }

  private failAll(error: Error): void {
    for (const task of this.pending.values()) task.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    clearInterval(this.watch);
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
