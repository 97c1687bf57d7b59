// `npm run import -- <file> [--out <folder>] [--force] [--source-kind <kind>]`: reads a TimelineJS timeline
// (a CSV export of its spreadsheet template, or its JSON format) and writes the events and tracks of a
// content folder (content/, or CONTENT_DIR, or --out). Into an empty or new folder it writes a whole new
// explainer around them (as `npm run new` does); into an existing one only data/events.yaml and
// data/tracks.yaml, and only with --force when they exist. It lists every row it could not convert or
// that needs an editor, then validates the folder's data as the build will.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { importTs } from './lib/import-ts.mjs';
import { occupied, writeNewContent } from './lib/new-content.mjs';
import { readTimelineJs } from './lib/timelinejs-read.mjs';
import { convertRows, periodOf, toYaml } from './lib/timelinejs.mjs';
import { firstSentence } from './lib/timelinejs-markdown.mjs';

const USAGE =
  'Usage: npm run import -- <timeline.csv or timeline.json> [--out <folder>] [--force] [--source-kind <kind>]';
const KINDS = ['primary', 'wire', 'newspaper', 'broadcaster', 'other'];

function fail(message) {
  console.error(message);
  process.exit(1);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: { out: { type: 'string' }, force: { type: 'boolean' }, 'source-kind': { type: 'string' } },
  });
} catch (error) {
  fail(`${error.message}\n${USAGE}`);
}
const [file] = args.positionals;
if (!file || args.positionals.length > 1) fail(USAGE);
const sourceKind = args.values['source-kind'] ?? 'other';
if (!KINDS.includes(sourceKind)) fail(`--source-kind should be one of: ${KINDS.join(', ')}`);
// npm runs scripts in the project's folder; relative paths are meant from where the command was typed.
const here = process.env.INIT_CWD || '.';
const path = resolve(here, file);
if (!existsSync(path)) fail(`There is no file ${file}.`);

const { partialDateProblem } = await importTs('src/lib/dates.ts');
const { contentDir, loadTimelineData, DataError } = await importTs('src/build/data/load.ts');
let result;
try {
  result = convertRows(readTimelineJs(readFileSync(path, 'utf8')), { dateProblem: partialDateProblem, sourceKind });
} catch (error) {
  fail(`${file}: ${error.message}`);
}
const { events, tracks, site, report } = result;
if (!events.length) fail(`${file}: no row could be imported.\n${reportText(report)}`);

const out = args.values.out ? resolve(here, args.values.out) : contentDir();
const shown = (p) => relative(process.cwd(), p) || '.';
const data = join(out, 'data');
const fresh = !existsSync(join(data, 'site.yaml'));
if (fresh) {
  const problem = occupied(out);
  if (problem) fail(`${problem}\n(It holds no data/site.yaml, so it is not a content folder to import into.)`);
  const { start, end } = periodOf(events);
  writeNewContent(out, {
    ...(site.title ? { title: site.title } : {}),
    ...(site.description ? { description: firstSentence(site.description, 300) } : {}),
    start,
    end,
    firstEvent: events[0].id,
    lastEvent: events[events.length - 1].id,
  });
} else if (!args.values.force) {
  const existing = ['events.yaml', 'tracks.yaml'].filter((f) => existsSync(join(data, f)));
  if (existing.length) {
    fail(
      `${shown(data)} already holds ${existing.join(' and ')}. Pass --force to replace ${existing.length > 1 ? 'them' : 'it'}, ` +
        'or give an empty folder with --out to start a new explainer from the timeline.',
    );
  }
}
mkdirSync(data, { recursive: true });
const from = `Imported from the TimelineJS timeline ${basename(file)} by npm run import.`;
writeFileSync(join(data, 'events.yaml'), toYaml(events, from));
writeFileSync(join(data, 'tracks.yaml'), toYaml(tracks, `${from} One track per Group.`));

console.log(
  `Wrote ${events.length} event${events.length === 1 ? '' : 's'} and ${tracks.length} track${tracks.length === 1 ? '' : 's'} ` +
    `to ${shown(data)}/${fresh ? `, in a new explainer (${shown(out)}/)` : ''}.`,
);
if (!fresh && site.title) console.log(`(The title slide, "${site.title}", was not used: site.yaml was kept as it is.)`);
if (report.length) console.log(reportText(report));
if (sourceKind === 'other') {
  console.log(
    '\nTimelineJS does not say what kind of publisher a link is, so every source was written with kind "other".\n' +
      "Set each source's kind (primary, wire, newspaper, broadcaster) and check its publisher and title,\n" +
      'or import again with --source-kind <kind> when all the links are of one kind.',
  );
}

try {
  loadTimelineData(data);
  console.log(`\nThe data in ${shown(data)}/ is valid.`);
} catch (error) {
  if (!(error instanceof DataError)) throw error;
  console.log(`\nBefore it builds, ${error.message.replace(/^The/, 'the')}`);
}

/** The rows not imported, then the ones imported that need an editor. */
function reportText(list) {
  const group = (skipped, heading) => {
    const rows = list.filter((r) => r.skipped === skipped);
    return rows.length ? [`\n${heading}`, ...rows.map((r) => `  • ${r.where}: ${r.message}`)] : [];
  };
  return [...group(true, 'Not imported as events:'), ...group(false, 'Imported, but check:')].join('\n');
}
