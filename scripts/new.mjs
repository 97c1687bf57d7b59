// `npm run new -- <folder>`: writes a small, valid content folder (a story, three events, two tracks, one
// chart, a method page) to start a new explainer from. Refuses a folder that already holds files.
import { relative, resolve } from 'node:path';
import { writeNewContent } from './lib/new-content.mjs';

const folder = process.argv[2];
if (!folder || folder.startsWith('-')) {
  console.error('Usage: npm run new -- <folder>   (for example: npm run new -- my-story)');
  process.exit(1);
}
// npm runs scripts in the project's folder; a relative folder is meant from where the command was typed.
const dir = resolve(process.env.INIT_CWD || '.', folder);
try {
  writeNewContent(dir);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
const shown = relative(process.cwd(), dir) || '.';
console.log(`Wrote a new explainer in ${shown}/. Next:
  CONTENT_DIR=${shown} npm run validate   check it
  CONTENT_DIR=${shown} npm run dev        see it while you edit it
  CONTENT_DIR=${shown} npm run build      build the site into dist/
(or replace content/ with it, and leave CONTENT_DIR out).`);
