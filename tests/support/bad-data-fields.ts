// The held-out list, part 1: types, dates, YAML syntax, encodings, unknown fields, empty and missing files.
import { EVENTS, swap, type Case } from './bad-data';

export const FIELD_CASES: Case[] = [
  // Types: what was expected, what was found.
  [
    'an unquoted year as a date',
    { [EVENTS]: swap('date: 2023-04\n', 'date: 2023\n') },
    ['data/events.yaml:23 — event "shorter-hours", field "date": dates must be quoted: write \'2023\' (with quotes)'],
  ],
  [
    'dates read as dates under "%YAML 1.1"',
    { 'data/site.yaml': (t) => `%YAML 1.1\n---\n${t}` },
    [
      'data/site.yaml:6 — site settings, field "published": dates must be quoted: write \'2024-03-01\' (with quotes)',
      'data/site.yaml:7 — site settings, field "updated": dates must be quoted: write \'2024-03-02\' (with quotes)',
    ],
  ],
  [
    'a number written with a comma, in quotes',
    { [EVENTS]: swap('value: 10', 'value: "60,745"') },
    [
      'data/events.yaml:10 — event "budget-cut", field "figures › 1 › value": should be a number, found the text "60,745": write it without quotes or commas, as 60745',
    ],
  ],
  [
    'a number written in words',
    { [EVENTS]: swap('value: 10', 'value: about 10') },
    [
      'data/events.yaml:10 — event "budget-cut", field "figures › 1 › value": should be a number, found the text "about 10"',
    ],
  ],
  [
    'a number where text belongs',
    { [EVENTS]: swap('title: Hours restored', 'title: 2023') },
    [
      'data/events.yaml:53 — event "hours-restored", field "sources › 1 › title": should be text, found the number 2023: put it in quotes, "2023"',
    ],
  ],
  [
    '"yes" for true or false',
    { [EVENTS]: swap('key: true', 'key: yes') },
    [
      'data/events.yaml:13 — event "budget-cut", field "figures › 1 › key": should be true or false, found the text "yes": write true or false, without quotes',
    ],
  ],
  [
    'one actor without a list',
    { [EVENTS]: swap('actors: [ann-smith]', 'actors: ann-smith') },
    [
      'data/events.yaml:30 — event "shorter-hours", field "actors": should be a list, found the text "ann-smith": write each item on its own line, starting with "- "',
    ],
  ],
  [
    'a place as a line of text',
    { [EVENTS]: swap('  importance: 3\n', '  importance: 3\n  place: Town Hall\n') },
    [
      'data/events.yaml:50 — event "hours-restored", field "place": should be a set of fields, found the text "Town Hall": write its fields on the lines below, indented, as "name: value"',
    ],
  ],
  [
    'a field with nothing after the colon',
    { [EVENTS]: swap('summary: Monday opening returned.', 'summary:') },
    ['data/events.yaml:48 — event "hours-restored", field "summary": has no value: write text after the colon'],
  ],
  [
    'a fraction where a whole number belongs',
    { 'data/tracks.yaml': swap('order: 2', 'order: 1.5') },
    ['data/tracks.yaml:10 — track "library", field "order": should be a whole number, found the number 1.5'],
  ],
  [
    'a misspelt source kind',
    { [EVENTS]: swap('kind: primary', 'kind: primry') },
    [
      'data/events.yaml:40 — event "shorter-hours", field "sources › 1 › kind": should be one of: "primary", "wire", "newspaper", "broadcaster", "other"; found "primry" (did you mean "primary"?)',
    ],
  ],
  [
    'a shape that is not on the list',
    { 'data/tracks.yaml': swap('shape: square', 'shape: oval') },
    [
      'data/tracks.yaml:12 — track "library", field "shape": should be one of: "circle", "square", "diamond", "triangle", "hexagon", "star", "cross"; found "oval"',
    ],
  ],
  [
    'a link without its relation',
    { [EVENTS]: swap('      relation: led-to\n', '') },
    [
      'data/events.yaml:15 — event "budget-cut", field "links › 1 › relation": is missing; it should be one of: "led-to", "responds-to", "implements", "suspends", "replaces"',
    ],
  ],
  [
    'an importance out of range',
    { [EVENTS]: swap('importance: 2', 'importance: 5') },
    ['data/events.yaml:29 — event "shorter-hours", field "importance": should be 1, 2 or 3; found the number 5'],
  ],
  [
    'a chart of an unknown kind',
    { 'data/charts.yaml': swap('kind: timeline', 'kind: pie') },
    [
      'data/charts.yaml:2 — chart "year", field "kind": should have a "kind": timeline, series, period, steps, posts or figures; found "pie"',
    ],
  ],
  [
    'a required field left out',
    { [EVENTS]: swap('  summary: The library closed on Mondays.\n', '') },
    ['data/events.yaml:22 — event "shorter-hours", field "summary": is missing; this field is required'],
  ],
  [
    'an id with capitals and spaces',
    { 'data/glossary.yaml': swap('id: opening-hours', 'id: Opening Hours') },
    [
      'data/glossary.yaml:1 — glossary entry "Opening Hours", field "id": should be lowercase letters, digits and hyphens, like "budget-vote"; found "Opening Hours"',
    ],
  ],
  [
    'a colour by name',
    { 'data/tracks.yaml': swap("colour: '#b35900'", 'colour: brown') },
    ['data/tracks.yaml:11 — track "library", field "colour": should be a colour like #1f6feb; found "brown"'],
  ],
  [
    'a web address without https://',
    { [EVENTS]: swap('url: https://example.org/hours', 'url: example.org/hours') },
    [
      'data/events.yaml:42 — event "shorter-hours", field "sources › 1 › url": "example.org/hours" is not a web address (it should start with https://)',
    ],
  ],
  [
    'a chart label that is too long',
    { [EVENTS]: swap('label: Budget cut', `label: ${'A very long label '.repeat(3)}`) },
    ['data/events.yaml:5 — event "budget-cut", field "label": is 53 characters long; the limit is 40'],
  ],
  [
    'a title of spaces only',
    { [EVENTS]: swap('title: Hours restored', "title: '   '") },
    ['data/events.yaml:53 — event "hours-restored", field "sources › 1 › title": is empty'],
  ],
  // Dates.
  [
    'a day that is not in the calendar',
    { [EVENTS]: swap('date: 2023-02-10', 'date: 2023-02-30') },
    [
      'data/events.yaml:2 — event "budget-cut", field "date": "2023-02-30" is not a real date: February 2023 has 28 days',
    ],
  ],
  [
    'a date written in words',
    { [EVENTS]: swap('date: 2023-02-10', 'date: 10 Feb 2023') },
    [
      'data/events.yaml:2 — event "budget-cut", field "date": "10 Feb 2023" is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD',
    ],
  ],
  [
    'a thirteenth month',
    { [EVENTS]: swap('end: 2023-09', 'end: 2023-13') },
    ['data/events.yaml:24 — event "shorter-hours", field "end": "2023-13" has month 13, but months run from 01 to 12'],
  ],
  [
    'a span that ends before it starts',
    { [EVENTS]: swap('end: 2023-09', 'end: 2023-03') },
    [
      'data/events.yaml:24 — event "shorter-hours", field "end": ends (2023-03) before it starts (2023-04)',
      'data/events.yaml:33 — event "shorter-hours", field "milestones › 1 › date": the "announced" step (2023-04-01) is after the event\'s end (2023-03); extend "end" or remove the step',
      'data/events.yaml:35 — event "shorter-hours", field "milestones › 2 › date": the "effective" step (2023-04-15) is after the event\'s end (2023-03); extend "end" or remove the step',
    ],
  ],
  [
    'a step before its event',
    { [EVENTS]: swap('date: 2023-04-01', 'date: 2023-03-01') },
    [
      'data/events.yaml:33 — event "shorter-hours", field "milestones › 1 › date": the "announced" step (2023-03-01) is before the event\'s date (2023-04); set the event\'s date to its first step',
    ],
  ],
  [
    'a publication date without its day',
    { 'data/site.yaml': swap('published: 2024-03-01', 'published: 2024-03') },
    ['data/site.yaml:4 — site settings, field "published": should be a full date, YYYY-MM-DD; found "2024-03"'],
  ],
  [
    'a date left empty',
    { [EVENTS]: swap('date: 2023-10-02', 'date:') },
    [
      'data/events.yaml:44 — event "hours-restored", field "date": has no value: write a date in quotes after the colon, like \'2019-06-07\'',
    ],
  ],
  // YAML syntax.
  [
    'a quote that is never closed',
    { [EVENTS]: swap('title: Hours restored', 'title: "Hours restored') },
    ['data/events.yaml:55 — this is not valid YAML: a quote is opened but not closed'],
  ],
  [
    'a line indented with a tab',
    { 'data/tracks.yaml': swap('  order: 2', '\torder: 2') },
    ['data/tracks.yaml:10 — this line is indented with a tab; YAML needs spaces'],
  ],
  [
    'a field written twice',
    { 'data/tracks.yaml': swap('  order: 2\n', '  order: 2\n  order: 3\n') },
    [
      'data/tracks.yaml:11 — this is not valid YAML: "order" appears a second time in the same entry; remove one, or if a new entry starts here, begin it with "- "',
    ],
  ],
  [
    'a colon inside an unquoted title',
    { [EVENTS]: swap('title: Hours restored', 'title: Hours: restored') },
    [
      'data/events.yaml:53 — this is not valid YAML: a value holds a colon and a space (": "); put the whole value in quotes',
    ],
  ],
  [
    'an entry that lost its dash',
    { 'data/tracks.yaml': swap('- id: library', '  id: library') },
    [
      'data/tracks.yaml:7 — this is not valid YAML: "id" appears a second time in the same entry; remove one, or if a new entry starts here, begin it with "- "',
    ],
  ],
  [
    'a second document in the file',
    { 'data/glossary.yaml': (t) => `${t}---\n- id: more\n` },
    [
      'data/glossary.yaml:4 — this is not valid YAML: the file has a second document after a "---" line; remove that line',
    ],
  ],
  // Encodings.
  [
    'a file saved as Latin-1',
    { [EVENTS]: (t) => Buffer.from(t.replace('Monday opening', 'Lundi ouvert, été'), 'latin1') },
    [
      'data/events.yaml:48 — this file is not saved as UTF-8 (this line has a character in another encoding); in your editor, save the file with the encoding "UTF-8"',
    ],
  ],
  [
    'a file saved as UTF-16',
    { 'data/glossary.yaml': (t) => Buffer.from(`\uFEFF${t}`, 'utf16le') },
    [
      'data/glossary.yaml:1 — this file is not saved as UTF-8 (this line has a character in another encoding); in your editor, save the file with the encoding "UTF-8"',
    ],
  ],
  [
    'Windows line ends and a bad date',
    { [EVENTS]: (t) => t.replace('date: 2023-02-10', 'date: 2023-02-30').replaceAll('\n', '\r\n') },
    [
      'data/events.yaml:2 — event "budget-cut", field "date": "2023-02-30" is not a real date: February 2023 has 28 days',
    ],
  ],
  // Unknown fields and parts.
  [
    'a misspelt field',
    { [EVENTS]: swap('summary: Monday', 'sumary: Monday') },
    [
      'data/events.yaml:48 — event "hours-restored", field "sumary": is not a field this entry takes (did you mean "summary"?)',
    ],
  ],
  [
    'a field no entry takes',
    { 'data/tracks.yaml': swap('  order: 2\n', '  order: 2\n  weather: sunny\n') },
    [
      'data/tracks.yaml:11 — track "library", field "weather": is not a field this entry takes; it takes: id, label, description, order, colour, colourDark, shape',
    ],
  ],
  [
    'a misspelt site setting',
    { 'data/site.yaml': swap('publisher:', 'publsher:') },
    ['data/site.yaml:6 — site settings, field "publsher": is not a field this entry takes (did you mean "publisher"?)'],
  ],
  [
    'a misspelt part of actors.yaml',
    { 'data/actors.yaml': swap('actors:\n', 'actor:\n') },
    ['data/actors.yaml:7 — "actor" is not a part of this file (did you mean "actors"?)'],
  ],
  [
    'actors.yaml as a plain list',
    { 'data/actors.yaml': (t) => t.slice(t.indexOf('actors:\n') + 8).replace(/^ {2}/gm, '') },
    ['data/actors.yaml:1 — this file should have the parts "posts:" and "actors:"'],
  ],
  // Empty and missing files.
  [
    'an empty events file',
    { [EVENTS]: '' },
    ['data/events.yaml — this file is empty; it should hold the list of events'],
  ],
  [
    'a tracks file of comments only',
    { 'data/tracks.yaml': '# to do\n' },
    ['data/tracks.yaml — this file is empty; it should hold the list of tracks'],
  ],
  ['no site file', { 'data/site.yaml': null }, ['data/site.yaml — this file is missing']],
  [
    'events as a set of fields, not a list',
    { [EVENTS]: 'budget-cut:\n  date: 2023-02-10\n' },
    ['data/events.yaml:1 — this file should be a list, found a set of fields: start each entry with "- "'],
  ],
];
