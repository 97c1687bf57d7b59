// What astro.config.mjs takes from the project's TypeScript: the integrations and the remark plugin. The
// config imports this file bundled (bundled.mjs), so that Node, not Vite, loads it.
export { default as timelineData } from '../integrations/timeline-data';
export { default as images } from '../integrations/images';
export { default as remarkCheckRefs } from './story/remark-check-refs';
