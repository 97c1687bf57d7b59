// `npm run validate [folder]`: checks the content folder (content/, or the folder given; a data folder
// is taken as its parent's data) — the data, then the references in the stories and pages, then the
// translations of the published languages — and prints every problem, one a line, as the build would.
// `npm run validate -- --lang es [folder]`: also lists every text the Spanish translation still lacks and
// every problem of its overlay (content/data/es/), even while it is a draft.
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importTs } from './lib/import-ts.mjs';

const { loadContent, DataError } = await importTs('src/build/story/check-stories.ts');
const { formatProblems, languageName, languagesOf, translationReport } = await importTs(
  'src/build/data/translations.ts',
);
const { values, positionals } = parseArgs({ options: { lang: { type: 'string' } }, allowPositionals: true });
const given = positionals[0] ? resolve(positionals[0]) : undefined;
const dir = given && basename(given) === 'data' && !existsSync(join(given, 'data')) ? dirname(given) : given;
let data;
try {
  data = loadContent(dir);
} catch (error) {
  if (error instanceof DataError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
const languages = languagesOf(data.site);
if (values.lang && !languages.all.includes(values.lang)) {
  console.error(
    `"${values.lang}" is not one of the site's languages (${languages.all.join(', ')}); see "languages" in site.yaml.`,
  );
  process.exit(1);
}
// The published languages must be complete; the one asked for is listed whole even as a draft.
const checked = languages.published.filter((l) => l !== languages.default && l !== values.lang);
let failed = false;
for (const lang of [...checked, ...(values.lang && values.lang !== languages.default ? [values.lang] : [])]) {
  const { problems, missing } = translationReport(lang, dir && join(dir, 'data'));
  const all = [...problems, ...missing];
  const name = languageName(lang);
  if (all.length) {
    failed = true;
    console.error(formatProblems(all, `The ${name} translation`));
  } else console.log(`The ${name} translation is complete and valid.`);
}
if (failed) process.exit(1);
console.log(
  `The content is valid: ${data.events.length} events, ${data.tracks.length} tracks, ` +
    `${data.actors.length} actors, ${data.posts.length} posts, ${data.series.length} series, ` +
    'and every reference in the stories and pages is known.',
);
