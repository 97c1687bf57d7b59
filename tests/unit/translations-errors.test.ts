// What an editor is told about a translation overlay: each mistake as one plain line at the overlay's
// file and line, every missing text as one line, and `npm run validate -- --lang es` printing both.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { clean, spanish, swap, withFixture, type Edit } from './translations-helpers';

const EVENTS = 'data/es/events.yaml';
const SERIES = 'data/es/series.yaml';
const SOURCES = 'data/es/sources.yaml';

const CASES: [string, Record<string, Edit>, string][] = [
  [
    'an unknown id',
    { [EVENTS]: swap('- id: joint-declaration', '- id: joint-declarations') },
    'data/es/events.yaml:1 — no event has the id "joint-declarations" (did you mean "joint-declaration"?)',
  ],
  [
    'a field that is not translated',
    { [EVENTS]: swap('  title: Declaración conjunta', "  date: '2019-06-08'\n  title: Declaración conjunta") },
    'data/es/events.yaml:2 — event "joint-declaration", field "date": is not translated: dates, ids, numbers and ' +
      'sources stay in events.yaml; remove it here',
  ],
  [
    'a misspelt field',
    { [EVENTS]: swap('  body: El texto', '  boddy: El texto') },
    'data/es/events.yaml:4 — event "joint-declaration", field "boddy": is not a field that is translated ' +
      '(did you mean "body"?)',
  ],
  [
    'a text the original does not have',
    { [EVENTS]: swap('  title: Declaración conjunta', '  label: Declaración\n  title: Declaración conjunta') },
    'data/es/events.yaml:2 — event "joint-declaration", field "label": data/events.yaml has no text here, so ' +
      'there is nothing to translate; remove it',
  ],
  [
    'a positional list of the wrong length',
    { [EVENTS]: swap('milestones: [{}, { label: 5% previsto }]', 'milestones: [{ label: 5% previsto }]') },
    'data/es/events.yaml:11 — event "tariff-threat", field "milestones": has 1 item here and 2 in data/events.yaml; ' +
      'items are matched by position, so keep them in the same order and write {} for one with nothing to translate',
  ],
  [
    'an unknown month',
    { [SERIES]: swap("month: '2019-05', arrests", "month: '2019-07', arrests") },
    'data/es/series.yaml:8 — series "border", field "months": data/series.yaml has no month "2019-07" here ' +
      '(did you mean "2019-05" or "2019-06"?)',
  ],
  [
    'an id translated twice',
    { 'data/es/tracks.yaml': (t) => `${t}- { id: deal, label: Otro }\n` },
    'data/es/tracks.yaml:3 — the track "deal" is translated twice',
  ],
  [
    'a source title that matches no source',
    { [SOURCES]: (t) => `${t}'Report on Jun (headline not recorded)': Informe\n` },
    'data/es/sources.yaml:4 — no source has the title "Report on Jun (headline not recorded)" (did you mean ' +
      '"Report on May (headline not recorded)" or "Report on the threat (headline not recorded)"?)',
  ],
  [
    'a text over the length limit',
    { [EVENTS]: swap('label: Amenaza de aranceles', 'label: Amenaza de aranceles a todas las importaciones') },
    'data/es/events.yaml:8 — event "tariff-threat", field "label": is 46 characters long; the limit is 40',
  ],
  [
    'a translated source title over the limit',
    { [SOURCES]: swap("'Informe sobre mayo (titular no registrado)'", `'${'x'.repeat(301)}'`) },
    'data/es/sources.yaml:3 — source "Report on May (headline not recorded)": is 301 characters long; the limit is 300',
  ],
  [
    'a file that translates no data file',
    { 'data/es/events.yaml': null, 'data/es/event.yaml': 'x: 1\n' },
    'data/es/event.yaml — is not the translation of a data file (did you mean "events.yaml"?)',
  ],
  [
    'a text that is not text',
    { [EVENTS]: swap('  summary: Los dos gobiernos emiten una declaración conjunta.', '  summary: [Los dos]') },
    'data/es/events.yaml:3 — event "joint-declaration", field "summary": should be text; found a list',
  ],
  [
    'not YAML (one problem, not a list of missing texts)',
    { 'data/es/tracks.yaml': swap('label: Amenaza,', 'label: [Amenaza,') },
    'data/es/tracks.yaml:1 — this is not valid YAML (Flow sequence in block collection must be sufficiently ' +
      'indented and end with a ]); check indentation, colons and quotes on or just above this line',
  ],
];

describe('mistakes in an overlay', () => {
  it.each(CASES)('%s', (_name, edits, expected) => {
    const { lines, data } = spanish(edits);
    expect(lines).toEqual([expected]);
    expect(data).toBeUndefined();
  });
});

describe('completeness', () => {
  it('does not list the texts of a file that is not YAML as missing', () => {
    expect(spanish({ 'data/es/tracks.yaml': swap('label: Amenaza,', 'label: [Amenaza,') }).gaps).toEqual([]);
  });

  it('lists every missing text once, at the overlay entry or the English line', () => {
    const { lines, gaps } = spanish({
      'data/es/glossary.yaml': null,
      'data/es/site.yaml': swap('footerNote: Cada evento cita sus fuentes.\n', ''),
      'data/es/actors.yaml': swap('roles: [{ note: Renunció. }]', 'roles: [{}]'),
      [SERIES]: swap("  months:\n    - { month: '2019-05', arrests: { note: Según el primer anuncio. } }\n", ''),
      [EVENTS]: swap('  notes: [Las fuentes difieren sobre la hora.]\n', ''),
    });
    expect(lines).toEqual([]);
    expect(gaps).toEqual([
      'data/es/site.yaml:1 — site settings, field "footerNote": has no Spanish translation (the English text is at data/site.yaml:11)',
      'data/es/actors.yaml:7 — actor "tonatiuh-guillen", field "roles › 1 › note": has no Spanish translation (the English text is at data/actors.yaml:13)',
      'data/es/events.yaml:6 — event "tariff-threat", field "notes › 1": has no Spanish translation (the English text is at data/events.yaml:13)',
      'data/es/series.yaml:1 — series "border", field "months › 2019-05 › arrests › note": has no Spanish translation (the English text is at data/series.yaml:12)',
      'data/es/glossary.yaml — glossary entry "safe-third-country", field "term": has no Spanish translation (the English text is at data/glossary.yaml:2)',
      'data/es/glossary.yaml — glossary entry "safe-third-country", field "definition": has no Spanish translation (the English text is at data/glossary.yaml:3)',
    ]);
  });
});

/** `npm run validate` on a copy of the fixture: its exit code and output. */
const validate = (edits: Record<string, Edit>, ...args: string[]) =>
  withFixture(edits, (dir) => {
    const run = spawnSync(process.execPath, ['scripts/validate.mjs', ...args, dir], { encoding: 'utf8' });
    return { status: run.status, out: clean(dir, run.stdout), err: clean(dir, run.stderr) };
  });

describe('npm run validate', () => {
  const incomplete = { [EVENTS]: swap('  summary: Los dos gobiernos emiten una declaración conjunta.\n', '') };
  const line =
    '  • data/es/events.yaml:1 — event "joint-declaration", field "summary": has no Spanish translation ' +
    '(the English text is at data/events.yaml:26)';

  it('--lang es lists what a draft lacks, and fails', () => {
    const { status, err } = validate(incomplete, '--lang', 'es');
    expect(err).toBe(`The Spanish translation has 1 problem; fix it and build again:\n${line}\n`);
    expect(status).toBe(1);
  }, 30_000);

  it('passes a draft when not asked about it, and checks a published language', () => {
    const draft = validate(incomplete);
    expect(draft.status).toBe(0);
    expect(draft.out).toMatch(/^The content is valid: 2 events/);
    const published = validate({ ...incomplete, 'data/site.yaml': swap('{ code: es, draft: true }', '{ code: es }') });
    expect(published.err).toContain(line);
    expect(published.status).toBe(1);
  }, 30_000);
});
