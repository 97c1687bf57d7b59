// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { importBundled } from './src/build/bundled.mjs';

// The integrations and the remark plugin, bundled (src/build/bundled.mjs says why).
const { timelineData, images, remarkCheckRefs } = /** @type {typeof import('./src/build/astro-modules')} */ (
  await importBundled(new URL('./src/build/astro-modules.ts', import.meta.url))
);

// Where the site is hosted. Both are read at build time:
//   SITE_URL   the public origin, e.g. https://example.org (canonical and social URLs)
//   BASE_PATH  the sub-path, e.g. /explainers/mexico-2019/ (default: the domain root)
const site = process.env.SITE_URL || 'http://localhost:4321';
const rootBase = (process.env.BASE_PATH || '/').replace(/\/*$/, '/');
// Tests build other content (CONTENT_DIR) into another folder (OUT_DIR) beside the real build.
const rootOut = process.env.OUT_DIR || './dist';
// SITE_LANG: the language this build makes, when it is not the default (scripts/build.mjs runs one
// build per language): its pages live in their own folder, /<lang>/, below the site's base.
const lang = process.env.SITE_LANG;
const base = lang ? `${rootBase}${lang}/` : process.env.BASE_PATH || '/';
// SITE_LANG_OUT_DIR: where scripts/build.mjs has that language built (beside the default one), before moving it.
const outDir = lang ? process.env.SITE_LANG_OUT_DIR || `${rootOut.replace(/\/*$/, '')}/${lang}` : rootOut;

export default defineConfig({
  site,
  base,
  outDir,
  // Other content gets its own cache, so a test build never leaves stale entries for the real one.
  cacheDir: `${process.env.OUT_DIR ? `${process.env.OUT_DIR}-cache` : './node_modules/.astro'}${lang ? `-${lang}` : ''}`,
  trailingSlash: 'ignore',
  // HTML whitespace rules, not JSX ones (Astro 7's default, 'jsx', drops every line break next to a
  // tag or an {expression}, so "to\n{date}" rendered as "toJanuary 2020" and "</a>,\n<a>" as
  // "JSON,CSV"). `true` still collapses runs of whitespace, but keeps one wherever HTML would
  // render one, so templates may break lines anywhere (as Prettier does) without gluing words.
  compressHTML: true,
  build: { format: 'directory', inlineStylesheets: 'never' },
  // images(): chart PNG/SVG (light, dark) and social cards, drawn from the charts' models (after the build).
  integrations: [timelineData(), mdx(), images()],
  // The unified (remark) processor, so that the story's event references are checked at build time.
  markdown: { processor: unified({ remarkPlugins: [remarkCheckRefs] }) },
  devToolbar: { enabled: false },
  vite: {
    // The site's root (the default language's base), for links between the languages of a page.
    define: { 'import.meta.env.SITE_ROOT_BASE': JSON.stringify(rootBase) },
    // One stylesheet for the whole site (about 8 KB gzipped), cached once, instead of a render-blocking
    // request per component on every page.
    // NO_MINIFY=1 leaves the client code readable, for a profiler's function names.
    build: {
      assetsInlineLimit: 0,
      cssCodeSplit: false,
      ...(process.env.NO_MINIFY ? { minify: false } : {}),
      rolldownOptions: {
        // Astro's own "use astro:head-inject" directive in each MDX file: the bundler warns, three times a
        // build and twelve lines each, that it may drop it, as it should (Astro reads it before). Noise an
        // editor would take for a problem in their content; every other warning still shows.
        onLog(level, log, handler) {
          if (level === 'warn' && log.code === 'MODULE_LEVEL_DIRECTIVE' && /astro:head-inject/.test(log.message))
            return;
          handler(level, log);
        },
      },
    },
    // d3-zoom's only use of d3-transition is animation we never start: see the file.
    resolve: {
      alias: { 'd3-transition': fileURLToPath(new URL('./src/lib/vendor/d3-transition-lite.ts', import.meta.url)) },
    },
    // … and its only use of d3-interpolate is that animation's path; the real module brings all of
    // d3-color. The axis ticks use four of d3-time's intervals; the real module builds them all. d3-zoom
    // selects one node at a time and uses a few of a selection's methods; the real d3-selection brings its
    // whole prototype, up front. Browser code only: the build's d3-scale interpolates with d3-interpolate,
    // its charts' axes use d3-time.
    plugins: [
      {
        name: 'd3-lite',
        enforce: 'pre',
        applyToEnvironment: (environment) => environment.name === 'client',
        resolveId: (id) =>
          id === 'd3-interpolate' || id === 'd3-time' || id === 'd3-selection'
            ? fileURLToPath(new URL(`./src/lib/vendor/${id}-lite.ts`, import.meta.url))
            : undefined,
      },
      {
        // The parts a page loads when a chart comes into view (dynamic imports: the timeline's interactive
        // chunk) are compiled whole as they load, off the main thread, by V8's explicit compile hint. Without
        // it, V8 compiled each function at its first call, and the reader's first zoom step compiled those the
        // chart's rehearsal had not run (traced at 5,002 events: 1.7–2.2 ms of that frame; 0.3–0.4 with it).
        // The line is added after the file is named, the same to every build: the name still changes exactly
        // when the code does.
        name: 'compile-hints',
        applyToEnvironment: (environment) => environment.name === 'client',
        generateBundle(_, bundle) {
          for (const chunk of Object.values(bundle))
            if (chunk.type === 'chunk' && chunk.isDynamicEntry)
              chunk.code = `//# allFunctionsCalledOnLoad\n${chunk.code}`;
        },
      },
    ],
  },
});
