// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import timelineData from './src/integrations/timeline-data.ts';
import remarkCheckRefs from './src/lib/story/remark-check-refs.ts';

// Where the site is hosted. Both are read at build time:
//   SITE_URL   the public origin, e.g. https://example.org (canonical and social URLs)
//   BASE_PATH  the sub-path, e.g. /explainers/mexico-2019/ (default: the domain root)
const site = process.env.SITE_URL || 'http://localhost:4321';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  build: { format: 'directory', inlineStylesheets: 'never' },
  integrations: [timelineData(), mdx()],
  devToolbar: { enabled: false },
  markdown: { remarkPlugins: [remarkCheckRefs] },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
