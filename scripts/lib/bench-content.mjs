// Content folders for the benchmark: tests/fixtures/content with thousands of generated events.
//
//   writeDenseContent(dir, count)  copies the fixture content to `dir` and adds `count` generated
//                                  events (tests/fixtures/timeline/generate.ts, seeded) to its events.
//
// The fixture's own events stay (its story and charts refer to them by id). Generated events go
// to the fixture's tracks: every second one to "people", the rest alternately to "threat" and
// "deal", so a chart of those two tracks (`zoom-bench`, added here) shows about half of them.
// The home page draws the full timeline as its lead chart (the first of charts.yaml).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { importTs } from './import-ts.mjs';

const root = resolve(import.meta.dirname, '..', '..');
export const FIXTURE_CONTENT = join(root, 'tests', 'fixtures', 'content');
/** The chart of the "threat" and "deal" tracks: half the generated events. */
export const ZOOM_CHART = 'zoom-bench';

let generator;
/** The seeded generator of tests/fixtures/timeline/generate.ts. */
export async function loadGenerator() {
  generator ??= await importTs('tests/fixtures/timeline/generate.ts');
  return generator;
}

const trackOf = (/** @type {number} */ i) => (i % 2 === 1 ? 'people' : i % 4 === 0 ? 'threat' : 'deal');

/** The first words of a title, at most three and at most 40 characters. */
function labelOf(/** @type {string} */ title) {
  let label = '';
  for (const word of title.split(' ').slice(0, 3)) {
    const next = label ? `${label} ${word}` : word;
    if (next.length > 40) break;
    label = next;
  }
  return label;
}

/**
 * Writes a content folder with the fixture's content plus `count` generated events.
 * @param {string} dir
 * @param {number} count
 * @returns {Promise<{ events: number, zoomChartEvents: number, layoutEvents: any[] }>}
 *   layoutEvents: every event as the timeline's payload carries it (toLayoutEvent's shape)
 */
export async function writeDenseContent(dir, count) {
  const { denseEvents } = await loadGenerator();
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  const fixtureEvents = readFileSync(join(FIXTURE_CONTENT, 'data', 'events.yaml'), 'utf8');
  const fixtureIds = [...fixtureEvents.matchAll(/^- id: (\S+)/gm)].map((m) => m[1]);
  const fixtureTracks = [...fixtureEvents.matchAll(/^ {2}track: (\S+)/gm)].map((m) => m[1]);
  const lines = [fixtureEvents.trimEnd(), `# ${count} generated events (scripts/bench.mjs)`];
  let zoomChartEvents = fixtureTracks.filter((t) => t === 'threat' || t === 'deal').length;
  /** @type {any[]} */
  const layoutEvents = /** @type {any[]} */ (parse(fixtureEvents)).map((e) => ({
    id: e.id,
    date: String(e.date),
    ...(e.end ? { end: String(e.end) } : {}),
    track: e.track,
    title: e.title,
    importance: e.importance,
    ...(e.milestones?.length
      ? {
          milestones: e.milestones.map((/** @type {any} */ m) => ({
            kind: m.kind,
            date: String(m.date),
            ...(m.label ? { label: m.label } : {}),
            ...(m.didNotHappen ? { didNotHappen: true } : {}),
          })),
        }
      : {}),
    ...(e.links?.length ? { links: e.links.map((/** @type {any} */ l) => ({ to: l.to, relation: l.relation })) } : {}),
  }));
  denseEvents(count).forEach((/** @type {any} */ e, /** @type {number} */ i) => {
    const track = trackOf(i);
    if (track !== 'people') zoomChartEvents++;
    const event = {
      id: e.id,
      date: e.date,
      ...(e.end ? { end: e.end } : {}),
      track,
      title: e.title,
      // A chart label of a few words, as editors write them (a long title alone is refused), within
      // the schema's 40 characters (three long generated words can pass it).
      label: labelOf(e.title),
      summary: `${e.title}: a generated event for the benchmark.`,
      importance: e.importance,
      ...(e.milestones ? { milestones: e.milestones } : {}),
      ...(e.links ? { links: e.links } : {}),
      sources: [{ publisher: 'Bench Wire', kind: 'wire', title: e.title, url: `https://example.org/bench/${e.id}` }],
    };
    lines.push(`- ${JSON.stringify(event)}`); // a JSON object is a YAML flow mapping
    const { summary, sources, ...layoutEvent } = event;
    layoutEvents.push(layoutEvent);
  });
  writeFileSync(join(dir, 'data', 'events.yaml'), lines.join('\n') + '\n');

  const charts = readFileSync(join(dir, 'data', 'charts.yaml'), 'utf8').trimEnd();
  writeFileSync(
    join(dir, 'data', 'charts.yaml'),
    `${charts}\n- id: ${ZOOM_CHART}\n  kind: timeline\n  title: Threat and deal tracks\n  source: Generated events\n  tracks: [threat, deal]\n`,
  );
  return { events: fixtureIds.length + count, zoomChartEvents, layoutEvents };
}
