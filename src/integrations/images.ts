// An Astro integration that draws the site's images once the pages are written: every chart as
// SVG and PNG (light and dark) from its model, painted in each theme, and the social cards
// (src/build/images/build.ts). A failure stops the build with one line naming the chart or event.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { getTimelineData } from '../data/timeline';
import { buildImages, ImageBuildError } from '../build/images/build';

export default function images(): AstroIntegration {
  let site = 'http://localhost:4321';
  let base = '/';
  return {
    name: 'build-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        site = config.site ?? site;
        base = config.base ?? base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (process.env.SKIP_IMAGES === '1') return; // builds for tests that do not read the images
        const started = performance.now();
        try {
          const { files, timings, workers } = await buildImages({
            outDir: fileURLToPath(dir),
            base,
            site,
            data: getTimelineData(),
          });
          const pngs = files.filter((f) => f.path.endsWith('.png'));
          const kb = Math.round(files.reduce((n, f) => n + f.bytes, 0) / 1024);
          const s = (ms: number) => (ms / 1000).toFixed(1);
          logger.info(
            `${files.length} images (${pngs.length} PNG, ${kb} KB) in ${s(performance.now() - started)} s ` +
              `(SVG ${s(timings.compose)} s, PNG ${s(timings.render)} s; ${workers} PNG workers)`,
          );
        } catch (error) {
          // One line that names the chart or event; a stack trace would only hide it.
          logger.error(
            error instanceof ImageBuildError
              ? error.message
              : `Images: ${error instanceof Error ? error.message : String(error)}`,
          );
          process.exit(1);
        }
      },
    },
  };
}
