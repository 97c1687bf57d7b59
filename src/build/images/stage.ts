// The image step draws while Astro renders the pages (src/integrations/images.ts), and Astro empties
// its output folder once the build has started: so the images are written into a staging folder
// first, and moved into the site once the pages are written.
// moveInto('node_modules/.astro/images-staging', 'dist')
import { cpSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Moves everything in `from` into `to` (merging folders that are in both, files replaced), then removes `from`. */
export function moveInto(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from)) {
    const source = join(from, name);
    const target = join(to, name);
    const exists = statSync(target, { throwIfNoEntry: false });
    if (exists?.isDirectory() && statSync(source).isDirectory()) moveInto(source, target);
    else move(source, target);
  }
  rmSync(from, { recursive: true, force: true });
}

function move(source: string, target: string): void {
  try {
    renameSync(source, target);
  } catch (error) {
    // Another file system (a cache folder elsewhere than the output): copy, then remove.
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(source, target, { recursive: true });
    rmSync(source, { recursive: true, force: true });
  }
}
