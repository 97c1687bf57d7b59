// Each class of bad data stops the build with a message naming the file, the entry and the field.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DataError, loadTimelineData } from '../../src/build/data/load';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'content', 'data');

type Yaml = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A copy of the fixture data with one file changed by `edit`; returns the folder. */
function withEdit(file: string, edit: (data: Yaml) => Yaml | void): string {
  const dir = mkdtempSync(join(tmpdir(), 'timeline-data-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const path = join(dir, file);
  const data = parse(readFileSync(path, 'utf8'));
  writeFileSync(path, stringify(edit(data) ?? data));
  return dir;
}

/** The problem lines that loading `dir` reports (fails the test if loading succeeds). */
function problemsOf(dir: string): string[] {
  try {
    loadTimelineData(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    const message = (error as DataError).message;
    expect(message).not.toMatch(/\n\s+at /); // no stack trace in the message
    return message.split('\n').slice(1);
  }
  throw new Error('expected the data to be refused');
}

const event = (data: Yaml, id: string) => data.find((e: Yaml) => e.id === id);

describe('loadTimelineData', () => {
  it('accepts the valid fixture and applies defaults', () => {
    const data = loadTimelineData(FIXTURE);
    expect(data.events.map((e) => e.id)).toEqual(['tariff-threat', 'joint-declaration', 'guillen-resigns']);
    expect(data.events[2].milestones).toEqual([]);
    expect(data.actors[1].roles[0].acting).toBe(false);
  });

  it('refuses an impossible date, naming the event, the field and the calendar', () => {
    const [line] = problemsOf(withEdit('events.yaml', (d) => void (event(d, 'joint-declaration').date = '2019-02-30')));
    expect(line).toMatch(
      /events\.yaml:\d+ — event "joint-declaration", field "date": "2019-02-30" is not a real date: February 2019 has 28 days/,
    );
  });

  it('refuses a chart label that can never be shown whole, and a long title without a label', () => {
    // Within the schema's 40 characters, but one word too wide for the phone's label column.
    const long = 'Counterrevolutionary-internationalist';
    const [line] = problemsOf(withEdit('events.yaml', (d) => void (event(d, 'joint-declaration').label = long)));
    expect(line).toMatch(
      /events\.yaml:\d+ — event "joint-declaration", field "label": the chart label ".*" is too long to show beside its mark on a phone/,
    );
    const title = 'US and Mexico issue a joint declaration on migration after three days of talks in DC';
    const [titled] = problemsOf(withEdit('events.yaml', (d) => void (event(d, 'joint-declaration').title = title)));
    expect(titled).toMatch(
      /field "title": the title is too long to show beside the event's mark on a phone .*add a short "label"/,
    );
  });

  it('refuses a date in another format', () => {
    const [line] = problemsOf(
      withEdit('events.yaml', (d) => void (event(d, 'joint-declaration').date = '7 June 2019')),
    );
    expect(line).toMatch(
      /event "joint-declaration", field "date": "7 June 2019" is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD/,
    );
  });

  it('refuses an end before the start', () => {
    const [line] = problemsOf(withEdit('events.yaml', (d) => void (event(d, 'tariff-threat').end = '2019-05-01')));
    expect(line).toMatch(/event "tariff-threat", field "end": ends \(2019-05-01\) before it starts \(2019-05-30\)/);
  });

  it('refuses a milestone before its event or after its end, but allows a scheduled step after the end', () => {
    const lines = problemsOf(
      withEdit('events.yaml', (d) => {
        const e = event(d, 'tariff-threat');
        e.milestones.push({ kind: 'signed', date: '2019-05-01' }, { kind: 'effective', date: '2019-07-01' });
      }),
    );
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /event "tariff-threat", field "milestones › 4 › date": the "signed" step \(2019-05-01\) is before the event's date/,
    );
    expect(lines[1]).toMatch(
      /field "milestones › 5 › date": the "effective" step \(2019-07-01\) is after the event's end/,
    );
  });

  it('refuses a duplicate event id', () => {
    const [line] = problemsOf(
      withEdit('events.yaml', (d) => void (event(d, 'guillen-resigns').id = 'joint-declaration')),
    );
    expect(line).toMatch(
      /events\.yaml:\d+ — event "joint-declaration", field "id": the event id "joint-declaration" is used twice \(entries 2 and 3\)/,
    );
  });

  it('refuses an unknown track and lists the known ones', () => {
    const [line] = problemsOf(withEdit('events.yaml', (d) => void (event(d, 'joint-declaration').track = 'agreement')));
    expect(line).toMatch(
      /event "joint-declaration", field "track": there is no track "agreement" \(known tracks: deal, people, threat\)/,
    );
  });

  it('refuses an unknown actor', () => {
    const [line] = problemsOf(
      withEdit('events.yaml', (d) => void (event(d, 'guillen-resigns').actors = ['tonatiuh-guilen'])),
    );
    expect(line).toMatch(
      /event "guillen-resigns", field "actors › 1": there is no actor "tonatiuh-guilen" \(did you mean "tonatiuh-guillen"\?\)/,
    );
  });

  it('refuses a link to an unknown event', () => {
    const [line] = problemsOf(
      withEdit('events.yaml', (d) => void (event(d, 'tariff-threat').links[0].to = 'declaration')),
    );
    expect(line).toMatch(
      /event "tariff-threat", field "links › 1 › to": there is no event "declaration" \(did you mean "joint-declaration"\?\)/,
    );
  });

  it('refuses an event without sources', () => {
    const [line] = problemsOf(withEdit('events.yaml', (d) => void (event(d, 'joint-declaration').sources = [])));
    expect(line).toMatch(/event "joint-declaration", field "sources": needs at least one source/);
  });

  it('refuses an event whose sources field is missing', () => {
    const [line] = problemsOf(withEdit('events.yaml', (d) => void delete event(d, 'joint-declaration').sources));
    expect(line).toMatch(/event "joint-declaration", field "sources": is missing; this field is required/);
  });

  it('refuses a source URL that is not http(s)', () => {
    const [line] = problemsOf(
      withEdit('events.yaml', (d) => void (event(d, 'joint-declaration').sources[0].url = 'javascript:alert(1)')),
    );
    expect(line).toMatch(
      /event "joint-declaration", field "sources › 1 › url": "javascript:alert\(1\)" should start with http:\/\/ or https:\/\//,
    );
  });

  it('refuses a source without a kind, or of an unknown kind, listing the kinds', () => {
    const lines = problemsOf(
      withEdit('events.yaml', (d) => {
        delete event(d, 'joint-declaration').sources[0].kind;
        event(d, 'guillen-resigns').sources[0].kind = 'tabloid';
      }),
    );
    const kinds = '"primary", "wire", "newspaper", "broadcaster", "other"';
    expect(lines).toEqual([
      expect.stringContaining(
        `event "joint-declaration", field "sources › 1 › kind": is missing; it should be one of: ${kinds}`,
      ),
      expect.stringContaining(
        `event "guillen-resigns", field "sources › 1 › kind": should be one of: ${kinds}; found "tabloid"`,
      ),
    ]);
  });

  it('refuses an event whose every source is of kind "other" unless a sourcingNote says why', () => {
    // The publisher is "other" for every use, so the only complaint is the event's sourcing.
    const lines = problemsOf(
      withEdit('events.yaml', (d) => {
        for (const e of d) for (const s of e.sources) s.kind = 'other';
        for (const e of d) if (e.id !== 'joint-declaration') e.sourcingNote = 'Only copies were found.';
      }),
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /events\.yaml:\d+ — event "joint-declaration", field "sources": every source is of kind "other" .* explain in "sourcingNote"/,
    );
    // A written reason lets it through …
    const withNote = withEdit('events.yaml', (d) => {
      for (const e of d) for (const s of e.sources) s.kind = 'other';
      for (const e of d) e.sourcingNote = 'Only a law firm’s summary of this order was found.';
    });
    expect(loadTimelineData(withNote).events[1].sourcingNote).toMatch(/law firm/);
    // … and so does one source of another kind beside it.
    const mixed = withEdit('events.yaml', (d) => {
      event(d, 'joint-declaration').sources.push({
        publisher: 'A Blog',
        kind: 'other',
        title: 'Post',
        url: 'https://example.org/post',
      });
    });
    expect(loadTimelineData(mixed).events[1].sources.map((s) => s.kind)).toEqual(['newspaper', 'other']);
  });

  it('refuses a publisher given two kinds, naming where the first one was set', () => {
    const [line] = problemsOf(
      withEdit('events.yaml', (d) => void (event(d, 'guillen-resigns').sources[0].kind = 'wire')),
    );
    expect(line).toMatch(
      /event "guillen-resigns", field "sources › 1 › kind": "Example News" is of kind "newspaper" elsewhere \(events › 0 › sources › 0\); give it one kind everywhere/,
    );
  });

  it('refuses an archived copy that is the cited address itself, and a via that names the publisher', () => {
    const lines = problemsOf(
      withEdit('events.yaml', (d) => {
        const s = event(d, 'joint-declaration').sources[0];
        s.archived = s.url;
        s.via = s.publisher;
      }),
    );
    expect(lines.join('\n')).toMatch(/field "sources › 1 › archived": is the same address as "url"/);
    expect(lines.join('\n')).toMatch(/field "sources › 1 › via": names the publisher itself/);
  });

  it('refuses an empty title and an over-long one', () => {
    const lines = problemsOf(
      withEdit('events.yaml', (d) => {
        event(d, 'joint-declaration').title = '  ';
        event(d, 'guillen-resigns').title = 'x'.repeat(95);
      }),
    );
    expect(lines.join('\n')).toMatch(/event "joint-declaration", field "title": is empty/);
    expect(lines.join('\n')).toMatch(/event "guillen-resigns", field "title": is 95 characters long; the limit is 90/);
  });

  it('refuses a month that appears twice in the series', () => {
    const [line] = problemsOf(withEdit('series.yaml', (d) => void (d[0].months[1].month = '2019-05')));
    expect(line).toMatch(/series\.yaml:\d+ — series "border", field "months › 2 › month": 2019-05 appears twice/);
  });

  it('refuses a series with a missing month, naming it and the months around it', () => {
    const [line] = problemsOf(withEdit('series.yaml', (d) => void (d[0].months[1].month = '2019-08')));
    expect(line).toMatch(
      /series\.yaml:\d+ — series "border", field "months › 2 › month": 2019-06 to 2019-07 are missing: the months jump from 2019-05 to 2019-08\. Add those 2 months/,
    );
  });

  it('refuses a misspelt field name', () => {
    const [line] = problemsOf(withEdit('events.yaml', (d) => void (event(d, 'joint-declaration').sumary = 'typo')));
    expect(line).toMatch(
      /event "joint-declaration", field "sumary": is not a field this entry takes \(did you mean "summary"\?\)/,
    );
  });

  it('refuses a role whose post does not exist', () => {
    const [line] = problemsOf(withEdit('actors.yaml', (d) => void (d.actors[1].roles[0].post = 'inm-boss')));
    expect(line).toMatch(
      /actors\.yaml:\d+ — actor "tonatiuh-guillen", field "roles › 1 › post": there is no post "inm-boss"/,
    );
  });

  it('refuses a chart that names an unknown series or event', () => {
    const lines = problemsOf(
      withEdit('charts.yaml', (d) => {
        d[1].series = 'borders';
        d[1].annotate = ['nope'];
      }),
    );
    expect(lines.join('\n')).toMatch(
      /charts\.yaml:\d+ — chart "border", field "series": there is no series "borders" \(did you mean "border"\?\)/,
    );
    expect(lines.join('\n')).toMatch(/chart "border", field "annotate › 1": there is no event "nope"/);
  });

  it('refuses a chart of an unknown kind, listing the kinds', () => {
    const [line] = problemsOf(withEdit('charts.yaml', (d) => void (d[4].kind = 'pie')));
    expect(line).toMatch(/chart "figures", field "kind": should (have a "kind": timeline|be one of)/);
  });

  it('reports broken YAML with its line', () => {
    const dir = withEdit('events.yaml', (d) => d);
    writeFileSync(join(dir, 'events.yaml'), '- id: a\n  title: "unclosed\n  date: 2019\n');
    const [line] = problemsOf(dir);
    expect(line).toMatch(/events\.yaml:\d+ — this is not valid YAML/);
  });

  it('points at the line of the offending value', () => {
    const dir = withEdit('events.yaml', (d) => void (event(d, 'guillen-resigns').date = '2019-13'));
    const [line] = problemsOf(dir);
    const lineNo = Number(/events\.yaml:(\d+)/.exec(line)![1]);
    const text = readFileSync(join(dir, 'events.yaml'), 'utf8').split('\n')[lineNo - 1];
    expect(text).toContain('2019-13');
  });
});
