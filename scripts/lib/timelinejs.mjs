// Turns the rows of a TimelineJS timeline (timelinejs-read.mjs) into the site's events and tracks, and
// says what it could not convert and what an editor must still do. What TimelineJS has and the site does
// not (media, backgrounds, times, display dates) is left out; see README, "Import from TimelineJS".
import { Document, Scalar } from 'yaml';
import { firstSentence, fromHtml, safeUrl } from './timelinejs-markdown.mjs';

/**
 * Track colours and shapes for the groups, in order of first use: the Okabe–Ito colour-blind-safe
 * palette, darkened where needed for 3:1 contrast on white (`colourDark`: 3:1 on #111111).
 */
const PALETTE = [
  ['#0072B2', '#56B4E9', 'circle'],
  ['#D55E00', '#E8762D', 'square'],
  ['#007A5E', '#19B488', 'diamond'],
  ['#A8487F', '#CC79A7', 'triangle'],
  ['#A86800', '#E69F00', 'hexagon'],
  ['#7A6E00', '#F0E442', 'star'],
  ['#5E5E5E', '#B3B3B3', 'cross'],
];

/** The track of rows with no Group. */
const DEFAULT_TRACK = { id: 'events', label: 'Events' };

/** A lowercase-and-hyphens id from any text ("Rózsa Péter writes" → "rozsa-peter-writes"). */
export function slug(text, max = 60) {
  const s = String(text)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (s.length <= max) return s;
  const cut = s.slice(0, max + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 0 ? cut.lastIndexOf('-') : max).replace(/-+$/, '');
}

/** A date of the template ({ year, month, day }) as "YYYY", "YYYY-MM" or "YYYY-MM-DD", or why it is not one. */
function dateText(d, dateProblem) {
  const { year, month, day } = d;
  if (!/^-?\d+$/.test(year)) return { problem: `the year "${year}" is not a whole number` };
  const y = Number(year);
  if (y < 1 || y > 9999) return { problem: `the year ${year} is outside 1–9999, which the site cannot show` };
  if (month && !/^\d{1,2}$/.test(month)) return { problem: `the month "${month}" is not a number from 1 to 12` };
  if (day && !/^\d{1,2}$/.test(day)) return { problem: `the day "${day}" is not a number from 1 to 31` };
  if (day && !month) return { problem: `it has a day (${day}) but no month` };
  const text = [String(y).padStart(4, '0'), month, day]
    .filter(Boolean)
    .map((p) => p.padStart(2, '0'))
    .join('-');
  const problem = dateProblem(text);
  return problem ? { problem } : { text };
}

/** The event's sources: the links in its text, or else its Media when that is a web address. */
function sourcesOf(row, links, kind) {
  const host = (url) => new URL(url).hostname.replace(/^www\./, '');
  const seen = new Set();
  const fromText = links
    .filter((l) => !seen.has(l.url) && seen.add(l.url))
    .map((l) => ({ publisher: host(l.url), kind, title: l.text || row.headline, url: l.url }));
  if (fromText.length) return fromText;
  const media = /\s/.test(row.media.url) ? null : safeUrl(row.media.url);
  if (!media) return [];
  const credit = fromHtml(row.media.credit).text;
  const caption = fromHtml(row.media.caption).text;
  return [{ publisher: credit || host(media), kind, title: caption || row.headline, url: media }];
}

/**
 * Events, tracks and the site's title from TimelineJS rows. `dateProblem(text)` says why "YYYY-MM-DD" text
 * is not a real date (src/lib/dates.ts); `sourceKind` is the kind given to every source (TimelineJS has none).
 * `report` lists, per row, what was not imported (`skipped`) or needs an editor (`todo`).
 */
export function convertRows(rows, { dateProblem, sourceKind = 'other' }) {
  const events = [];
  /** @type {Map<string, { id: string, label: string }>} */
  const tracks = new Map();
  /** @type {{ where: string, message: string, skipped: boolean }[]} */
  const report = [];
  const ids = new Set();
  /** @type {{ title?: string, description?: string }} */
  const site = {};
  const note = (row, message, skipped = false) => report.push({ where: row.where, message, skipped });

  for (const row of rows) {
    if (row.blank) continue;
    const headline = fromHtml(row.headline).text;
    if (row.type === 'title') {
      if (site.title) note(row, 'a second title slide; only the first one is used', true);
      else {
        Object.assign(site, { title: headline, description: fromHtml(row.text).text });
        note(row, `the title slide ("${headline}") gives the site's title and description`, true);
      }
      continue;
    }
    if (row.type === 'era') {
      note(row, `an era ("${headline}"): eras are not imported; add it to a timeline chart's "periods"`, true);
      continue;
    }
    if (!headline) {
      note(row, 'no headline (the site needs a title for every event)', true);
      continue;
    }
    if (!row.start.year) {
      note(row, `"${headline}": no year`, true);
      continue;
    }
    const start = dateText(row.start, dateProblem);
    if (start.problem) {
      note(row, `"${headline}": bad date: ${start.problem}`, true);
      continue;
    }
    const end = row.end.year || row.end.month || row.end.day ? dateText(row.end, dateProblem) : {};
    if (end.problem) note(row, `"${headline}": the end date was left out: ${end.problem}`);

    const group = fromHtml(row.group).text;
    const track = group ? { id: slug(group, 40) || DEFAULT_TRACK.id, label: group } : DEFAULT_TRACK;
    if (!tracks.has(track.id)) tracks.set(track.id, track);

    const { markdown, text, first, links } = fromHtml(row.text);
    const summary = firstSentence(first, 280) || headline;
    if (!text) note(row, `"${headline}": no text; the summary repeats the headline`);
    const sources = sourcesOf(row, links, sourceKind);
    if (!sources.length)
      note(row, `"${headline}": needs a source (it has no link in Text and no web address in Media)`);

    let id = slug(headline) || 'event';
    for (let n = 2; ids.has(id); n++) id = `${slug(headline, 56) || 'event'}-${n}`;
    ids.add(id);
    events.push({
      id,
      date: start.text,
      ...(end.text && end.text !== start.text ? { end: end.text } : {}),
      track: track.id,
      title: headline,
      summary,
      // The body, unless it would only repeat the summary word for word (with no link or emphasis).
      ...(markdown && markdown !== summary ? { body: markdown } : {}),
      importance: 2,
      sources,
    });
  }
  return { events, tracks: trackList([...tracks.values()]), site, report };
}

/** @param {{ id: string, label: string }[]} tracks */
function trackList(tracks) {
  return tracks.map((t, i) => {
    const [colour, colourDark, shape] = PALETTE[i % PALETTE.length];
    return { id: t.id, label: t.label, description: t.label, order: i + 1, colour, colourDark, shape };
  });
}

/** YAML for a list, dates quoted (as the site's content writes them) so that no reader takes them for numbers. */
export function toYaml(list, comment) {
  const doc = new Document(list);
  const quote = (node, key) => {
    const pair = node.items.find((p) => p.key.value === key);
    if (pair) pair.value = Object.assign(new Scalar(pair.value.value), { type: Scalar.QUOTE_SINGLE });
  };
  for (const item of doc.contents.items) {
    for (const key of ['date', 'end', 'colour', 'colourDark']) quote(item, key);
    for (const source of item.get('sources')?.items ?? []) quote(source, 'url');
  }
  doc.commentBefore = ` ${comment}`;
  return doc.toString({ lineWidth: 0 });
}

/** The period a list of events covers, by whole years (partial dates compare safely that way). */
export function periodOf(events) {
  const years = events.flatMap((e) => [e.date, e.end ?? e.date].map((d) => d.slice(0, 4))).sort();
  return { start: years[0], end: years[years.length - 1] };
}
