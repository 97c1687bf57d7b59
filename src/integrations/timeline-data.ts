// An Astro integration that checks content/data/ before anything is built, so bad data
// stops `astro build` with the list of problems instead of a stack trace.
import type { AstroIntegration } from 'astro';
import { loadTimelineData, DataError } from '../lib/data/load';

export default function timelineData(): AstroIntegration {
  return {
    name: 'timeline-data',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        try {
          const data = loadTimelineData();
          logger.info(`content/data: ${data.events.length} events, ${data.tracks.length} tracks — valid`);
        } catch (error) {
          if (!(error instanceof DataError)) throw error;
          logger.error(error.message);
          if (command === 'build') {
            // The message above says everything; a stack trace would only hide it.
            process.exit(1);
          }
        }
      },
    },
  };
}
