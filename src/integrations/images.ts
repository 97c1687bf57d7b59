// An Astro integration that draws the site's images: every chart as SVG and PNG (light and dark) from
// its model, painted in each theme, and the social cards (src/build/images/build.ts). They are drawn
// from the data alone, not from the pages, so the step starts with the build (astro:build:start): its
// PNG workers render while Astro renders the pages on the main thread. Astro empties the output folder
// after that hook, so the images go to a staging folder in the cache, moved into the site once the
// pages are written (astro:build:done). A failure stops the build with one line naming the chart or event.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { getTimelineData } from '../data/timeline';
import { buildImages, ImageBuildError, type ImageBuildResult } from '../build/images/build';
import { moveInto } from '../build/images/stage';

/** One line that names the chart or event (a stack trace would only hide it), then the build stops. */
function fail(logger: AstroIntegrationLogger, error: unknown): never {
  logger.error(
    error instanceof ImageBuildError
      ? error.message
      : `Images: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}

export default function images(): AstroIntegration {
  let site = 'http://localhost:4321';
  let base = '/';
  let staging = '';
  let started = 0;
  let drawing: Promise<ImageBuildResult> | undefined;
  return {
    name: 'build-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? site;
        base = config.base ?? base;
        staging = fileURLToPath(new URL('./images-staging/', config.cacheDir));
      },
      'astro:build:start': ({ logger }) => {
        if (process.env.SKIP_IMAGES === '1') return; // builds for tests that do not read the images
        started = performance.now();
        rmSync(staging, { recursive: true, force: true }); // what a stopped build left
        drawing = buildImages({ outDir: staging, base, site, data: getTimelineData() });
        // Stop at once: the pages would be wasted work.
        drawing.catch((error) => fail(logger, error));
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!drawing) return;
        const waitFrom = performance.now();
        const { files, timings, workers } = await drawing;
        moveInto(staging, fileURLToPath(dir));
        const pngs = files.filter((f) => f.path.endsWith('.png'));
        const kb = Math.round(files.reduce((n, f) => n + f.bytes, 0) / 1024);
        const s = (ms: number) => (ms / 1000).toFixed(1);
        logger.info(
          `${files.length} images (${pngs.length} PNG, ${kb} KB) in ${s(performance.now() - started)} s ` +
            `(SVG ${s(timings.compose)} s, PNG ${s(timings.render)} s; ${workers} PNG workers), ` +
            `beside the pages: ${s(performance.now() - waitFrom)} s after them`,
        );
      },
    },
  };
}
