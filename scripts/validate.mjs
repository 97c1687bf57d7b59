// `npm run validate [folder]`: checks the content folder (content/, or the folder given; a data folder
// is taken as its parent's data) — the data, then the references in the stories and pages — and prints
// every problem, one a line, as the build would.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { importTs } from './lib/import-ts.mjs';

const { loadContent, DataError } = await importTs('src/build/story/check-stories.ts');
const given = process.argv[2] ? resolve(process.argv[2]) : undefined;
const dir = given && basename(given) === 'data' && !existsSync(join(given, 'data')) ? dirname(given) : given;
try {
  const data = loadContent(dir);
  console.log(
    `The content is valid: ${data.events.length} events, ${data.tracks.length} tracks, ` +
      `${data.actors.length} actors, ${data.posts.length} posts, ${data.series.length} series, ` +
      'and every reference in the stories and pages is known.',
  );
} catch (error) {
  if (error instanceof DataError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
