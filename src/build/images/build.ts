// The image step of the build: for every chart, /images/<id>.svg|png and <id>-dark.svg|png, drawn
// from the chart's model (drawings.ts) in a frame (chart-image.ts); for the home page, every chart
// and every event, a 1200×630 social card in /images/social/ (social-cards.ts). Runs while Astro
// renders the pages, from the data alone (src/integrations/images.ts).
// await buildImages({ outDir: 'dist', base: '/', site: 'https://example.org', data })
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chartImagePath, SOCIAL_CARD_WIDTH } from '../../lib/images/paths';
import { THEME } from '../../lib/theme';
import type { ChartSpec, TimelineData } from '../../lib/timeline/schema';
import { uiStrings } from '../../lib/ui/strings';
import { CHART_IMAGE_WIDTH, composeChartImage } from './chart-image';
import { createImageContext, displayUrl, ImageBuildError, THEMES, type ImageContext, type Theme } from './context';
import { chartDrawings } from './drawings';
import { subsetFonts } from './font-subset';
import { PngPool } from './png-pool';
import { socialCards } from './social-cards';

export { createImageContext, ImageBuildError, THEMES, type ImageContext, type Theme } from './context';
/** The PNGs of charts are rendered at twice the 1200-unit design: 2400 px wide. */
export const CHART_PNG_SCALE = 2;

/** A chart's standalone image as SVG, in both themes. */
export function chartImageSvgs(ctx: ImageContext, chart: ChartSpec): Record<Theme, string> {
  const drawings = chartDrawings(ctx, chart);
  const out = {} as Record<Theme, string>;
  for (const theme of THEMES) {
    const { caption, ...drawing } = drawings[theme];
    out[theme] = composeChartImage({
      ...drawing,
      title: chart.title,
      caption: caption ?? chart.caption,
      source: uiStrings(ctx.data.site.language).charts.source(chart.source),
      publisher: ctx.data.site.publisher,
      url: displayUrl(ctx),
      colours: THEME[theme],
      description: caption ?? chart.caption,
    }).svg;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The whole step

export interface ImageBuildResult {
  /** Site paths and sizes in bytes of every file written. */
  files: { path: string; bytes: number }[];
  /** Milliseconds spent composing the SVGs and, after that, waiting for the last PNGs. */
  timings: { compose: number; render: number };
  /** How many worker threads encoded the PNGs. */
  workers: number;
}

/** Runs `tasks` with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await task(items[next++]);
  });
  await Promise.all(workers);
}

/** The chart images: each chart's SVGs written (light, dark), its PNGs to render. */
function chartRenders(ctx: ImageContext, write: (path: string, content: string) => void): Render[] {
  const renders: Render[] = [];
  for (const chart of ctx.data.charts) {
    const subject = `chart "${chart.id}"`;
    let svgs: Record<Theme, string>;
    try {
      svgs = chartImageSvgs(ctx, chart);
    } catch (error) {
      throw new ImageBuildError(subject, error);
    }
    for (const theme of THEMES) {
      write(chartImagePath(chart.id, 'svg', theme), svgs[theme]);
      renders.push({
        path: chartImagePath(chart.id, 'png', theme),
        subject,
        svg: () => svgs[theme],
        width: CHART_IMAGE_WIDTH * CHART_PNG_SCALE,
      });
    }
  }
  return renders;
}

interface Render {
  path: string;
  subject: string;
  svg: () => string;
  width: number;
}

/** Writes every chart image and social card into `outDir/images/`. Throws ImageBuildError naming the chart or event. */
export async function buildImages(options: {
  outDir: string;
  base: string;
  site: string;
  data: TimelineData;
  /** PNG encoders (worker threads); default one per core, one fewer while this thread is busy (PngPool). */
  workers?: number;
}): Promise<ImageBuildResult> {
  const started = performance.now();
  const files: ImageBuildResult['files'] = [];
  const write = (path: string, content: string | Buffer) => {
    const file = join(options.outDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    files.push({ path, bytes: Buffer.byteLength(content) });
  };
  // PNGs are drawn, encoded and written on worker threads, one per core (started first: they load resvg
  // while this thread composes); this thread composes the social cards' SVGs as the pool reaches them (a
  // write here cost it about a millisecond a card). Three renders in hand per worker, so none waits for
  // this thread while it renders a page; biggest first, so the pool does not end on one long render. While
  // this thread renders the pages (the longest job of a large build), one worker fewer draws (PngPool's
  // shareWithThisThread): a worker on every core slowed the pages down.
  const encoders = new PngPool(options.workers, { shareWithThisThread: options.workers === undefined });
  const fontDir = mkdtempSync(join(tmpdir(), 'image-fonts-'));
  let poolStart = started;
  let composeInPool = 0;
  try {
    // The fonts cut down to the data's characters (font-subset.ts), for the PNGs and for the renders that
    // measure each chart's box (render.ts: growBox), where the full files took most of the time; the full
    // files for an SVG with other characters, or when cutting fails.
    const fonts = await subsetFonts(JSON.stringify(options.data), fontDir).catch(() => undefined);
    const faces = (svg: string) => (fonts?.covers(svg) ? fonts.files : undefined);
    const ctx = createImageContext({ ...options, faces });
    const renders = chartRenders(ctx, write);
    for (const card of socialCards(ctx, uiStrings(ctx.data.site.language)))
      renders.push({ path: card.path, subject: card.subject, svg: card.compose, width: SOCIAL_CARD_WIDTH });
    renders.sort((a, b) => b.width - a.width);
    poolStart = performance.now();
    await pool(renders, 3 * encoders.size, async (r) => {
      const t = performance.now();
      const svg = r.svg();
      composeInPool += performance.now() - t;
      try {
        files.push({
          path: r.path,
          bytes: await encoders.renderTo(join(ctx.outDir, r.path), svg, r.width, faces(svg)),
        });
      } catch (error) {
        throw new ImageBuildError(r.subject, error);
      }
    });
  } finally {
    await encoders.close();
    rmSync(fontDir, { recursive: true, force: true });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  const end = performance.now();
  return {
    files,
    timings: { compose: poolStart - started + composeInPool, render: end - poolStart - composeInPool },
    workers: encoders.size,
  };
}
