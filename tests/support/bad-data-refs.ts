// The held-out list, part 2: references between the data files, in the stories and pages, and the monthly series.
import { EVENTS, STORY, series, swap, type Case } from './bad-data';

export const REFERENCE_CASES: Case[] = [
  // References between the data files.
  [
    'a link to a misspelt event',
    { [EVENTS]: swap('to: shorter-hours', 'to: shorter-hour') },
    [
      'data/events.yaml:15 — event "budget-cut", field "links › 1 › to": there is no event "shorter-hour" (did you mean "shorter-hours"?)',
    ],
  ],
  [
    'a link from an event to itself',
    { [EVENTS]: swap('to: shorter-hours', 'to: budget-cut') },
    ['data/events.yaml:15 — event "budget-cut", field "links › 1 › to": links the event to itself'],
  ],
  [
    'a misspelt track',
    { [EVENTS]: swap('track: council', 'track: councel') },
    ['data/events.yaml:3 — event "budget-cut", field "track": there is no track "councel" (did you mean "council"?)'],
  ],
  [
    'an unknown actor',
    { [EVENTS]: swap('actors: [ann-smith]', 'actors: [anne-smith]') },
    [
      'data/events.yaml:30 — event "shorter-hours", field "actors › 1": there is no actor "anne-smith" (did you mean "ann-smith"?)',
    ],
  ],
  [
    'a role in an unknown post',
    { 'data/actors.yaml': swap('post: head-librarian', 'post: librarian') },
    [
      'data/actors.yaml:14 — actor "ann-smith", field "roles › 1 › post": there is no post "librarian" (did you mean "head-librarian"?)',
    ],
  ],
  [
    'a post that belongs to a person',
    { 'data/actors.yaml': swap('organisation: city-library', 'organisation: ann-smith') },
    [
      'data/actors.yaml:4 — post "head-librarian", field "organisation": "ann-smith" is a person; a post belongs to an institution',
    ],
  ],
  [
    'a step chart of an unknown event',
    { 'data/charts.yaml': swap('event: shorter-hours', 'event: fewer-hours') },
    [
      'data/charts.yaml:9 — chart "hours", field "event": there is no event "fewer-hours" (known events: budget-cut, hours-restored, shorter-hours)',
    ],
  ],
  [
    'a step chart of an event without values',
    { 'data/charts.yaml': swap('event: shorter-hours', 'event: budget-cut') },
    [
      'data/charts.yaml:9 — chart "hours", field "event": the event "budget-cut" has no milestone with a "value" to draw as a step',
    ],
  ],
  [
    'a timeline that highlights an unknown event',
    { 'data/charts.yaml': swap('  source: Example Gazette\n', '  source: Example Gazette\n  highlight: [budget]\n') },
    [
      'data/charts.yaml:5 — chart "year", field "highlight › 1": there is no event "budget" (did you mean "budget-cut"?)',
    ],
  ],
  [
    'two events with one id',
    { [EVENTS]: swap('id: hours-restored', 'id: budget-cut') },
    [
      'data/events.yaml:43 — event "budget-cut", field "id": the event id "budget-cut" is used twice (entries 1 and 3); ids must be unique',
    ],
  ],
  [
    'two tracks with one id',
    { 'data/tracks.yaml': swap('id: library', 'id: council') },
    [
      'data/tracks.yaml:7 — track "council", field "id": the track id "council" is used twice (entries 1 and 2); ids must be unique',
      'data/events.yaml:25 — event "shorter-hours", field "track": there is no track "library" (known tracks: council)',
      'data/events.yaml:45 — event "hours-restored", field "track": there is no track "library" (known tracks: council)',
    ],
  ],
  // References in the stories and pages.
  [
    'a story that refers to a misspelt event',
    { [STORY]: swap('<EventRef id="budget-cut">', '<EventRef id="budget-cuts">') },
    [
      'stories/story.mdx:12 — <EventRef> refers to the event "budget-cuts", which is not in content/data/events.yaml (did you mean "budget-cut"?)',
    ],
  ],
  [
    'a story that places an unknown chart',
    { [STORY]: swap('<Chart id="hours" />', '<Chart id="opening" />') },
    [
      'stories/story.mdx:14 — <Chart> refers to "opening", which is not in content/data/charts.yaml (charts: year, hours)',
    ],
  ],
  [
    'a story that places the lead chart again',
    { [STORY]: swap('<Chart id="hours" />', '<Chart id="year" />') },
    [
      'stories/story.mdx:14 — <Chart> places "year", the lead chart (the first in content/data/charts.yaml), which the home page shows under the headline; remove it from the story\'s text',
    ],
  ],
  [
    'a story that asks for a figure the event lacks',
    { [STORY]: swap('figure={1}', 'figure={2}') },
    ['stories/story.mdx:12 — <FigureRef> asks for figure 2 of "budget-cut", which has 1 figure'],
  ],
  [
    'a story that explains an unknown term',
    { [STORY]: swap('<Term id="opening-hours">', '<Term id="hours">') },
    [
      'stories/story.mdx:16 — <Term> refers to "hours", which is not in content/data/glossary.yaml (did you mean "opening-hours"?)',
    ],
  ],
  [
    'a page that refers to an unknown event',
    { 'pages/about.mdx': swap('id="hours-restored"', 'id="restored"') },
    [
      'pages/about.mdx:5 — <EventRef> refers to the event "restored", which is not in content/data/events.yaml (did you mean "hours-restored"?)',
    ],
  ],
  [
    'a reference without its id',
    { [STORY]: swap('<EventRef id="budget-cut">', '<EventRef>') },
    ['stories/story.mdx:12 — <EventRef> needs the id of an event'],
  ],
  [
    'a tag that is never closed',
    { [STORY]: swap('<Term id="opening-hours">opening hours</Term>', '<Term id="opening-hours">opening hours') },
    [
      'stories/story.mdx:16 — this is not valid MDX (Expected a closing tag for `<Term>` (16:14-16:39) before the end of `paragraph`); check the tags on this line: each <Tag …> needs its /> or </Tag>',
    ],
  ],
  [
    'an empty glossary that the story still uses',
    { 'data/glossary.yaml': '' },
    ['stories/story.mdx:16 — <Term> refers to "opening-hours", which is not in content/data/glossary.yaml'],
  ],
  // The monthly series.
  [
    'a series with a missing month',
    { 'data/series.yaml': series(['2023-01', '2023-02', '2023-04']) },
    [
      'data/series.yaml:24 — series "visits", field "months › 3 › month": 2023-03 is missing: the months jump from 2023-02 to 2023-04. Add that month with its figures: every month from the first to the last must be listed',
    ],
  ],
  [
    'a series with three missing months',
    { 'data/series.yaml': series(['2023-01', '2023-05', '2023-06']) },
    [
      'data/series.yaml:15 — series "visits", field "months › 2 › month": 2023-02 to 2023-04 are missing: the months jump from 2023-01 to 2023-05. Add those 3 months with their figures: every month from the first to the last must be listed',
    ],
  ],
  [
    'a month listed twice',
    { 'data/series.yaml': series(['2023-01', '2023-02', '2023-02']) },
    [
      'data/series.yaml:24 — series "visits", field "months › 3 › month": 2023-02 appears twice (entries 2 and 3); each month once',
    ],
  ],
];
