// An Astro integration that checks content/data/, its published translations and the stories'
// references before anything is built, so bad content stops `astro build` with the list of problems
// instead of a stack trace.
// Then it looks for the loaded words of content/data/loaded-words.yaml in the project's own prose,
// and warns (file:line and the word) for each one outside quotation marks; a warning, not an error.
import type { AstroIntegration } from 'astro';
import { DataError, contentDir } from '../build/data/load';
import { languagesOf, loadTranslatedData } from '../build/data/translations';
import { loadContent } from '../build/story/check-stories';
import { checkLoadedWords, formatLoadedWordHit } from '../build/prose/loaded-words';

export default function timelineData(): AstroIntegration {
  return {
    name: 'timeline-data',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        try {
          const data = loadContent();
          logger.info(`content/data: ${data.events.length} events, ${data.tracks.length} tracks — valid`);
          // Every published translation, before any page: a missing or wrong text stops the build with
          // its list (file:line, entry, field), not half-way through the pages of its language. When
          // scripts/build.mjs builds the other languages beside this one (SITE_LANG_BUILDS), each of those
          // builds checks its own translation (and stops them all when it fails), and leaves the loaded
          // words (every language's prose) to the default language's build.
          const beside = new Set(process.env.SITE_LANG_BUILDS?.split(',') ?? []);
          const own = process.env.SITE_LANG;
          const besideBuild = own !== undefined && beside.has(own);
          for (const lang of languagesOf(data.site).published.slice(1))
            if (besideBuild ? lang === own : !beside.has(lang)) loadTranslatedData(lang);
          if (besideBuild) return;
          const figure = (id: string, n: number) => data.events.find((e) => e.id === id)?.figures[n - 1];
          const hits = checkLoadedWords(contentDir(), figure);
          for (const hit of hits) logger.warn(`loaded word: ${formatLoadedWordHit(hit)}`);
          if (!hits.length) logger.info('loaded words: none in the project’s own prose');
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
