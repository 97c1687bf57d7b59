// `npm run validate [folder]`: checks content/data/ (or the folder given) and prints every problem, one a line.
import { resolve } from 'node:path';
import { importTs } from './lib/import-ts.mjs';

const { loadTimelineData, DataError } = await importTs('src/build/data/load.ts');
try {
  const data = loadTimelineData(process.argv[2] ? resolve(process.argv[2]) : undefined);
  console.log(
    `The data is valid: ${data.events.length} events, ${data.tracks.length} tracks, ` +
      `${data.actors.length} actors, ${data.posts.length} posts, ${data.series.length} series.`,
  );
} catch (error) {
  if (error instanceof DataError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
