// Reads a TimelineJS timeline, from a CSV export of its spreadsheet template or from its JSON format, into
// one list of rows of the same shape, each saying where it came from ("row 3", "event 2") for the report.

/** The template's columns, in its order (https://timeline.knightlab.com/#make). */
export const COLUMNS = [
  'Year',
  'Month',
  'Day',
  'Time',
  'End Year',
  'End Month',
  'End Day',
  'End Time',
  'Display Date',
  'Headline',
  'Text',
  'Media',
  'Media Credit',
  'Media Caption',
  'Media Thumbnail',
  'Type',
  'Group',
  'Background',
];

/** RFC 4180 CSV: quoted fields may hold commas, doubled quotes and line breaks. Returns the records. */
export function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') field += src[++i];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field || record.length) records.push([...record, field]);
  return records;
}

const str = (v) => (v === undefined || v === null ? '' : String(v).trim());

/** A row of the spreadsheet template; throws when the file is not one. */
export function rowsFromCsv(text) {
  const [header = [], ...records] = parseCsv(text);
  const index = new Map(header.map((name, i) => [name.trim().toLowerCase(), i]));
  const missing = ['Year', 'Headline'].filter((name) => !index.has(name.toLowerCase()));
  if (missing.length) {
    throw new Error(
      `This is not a TimelineJS spreadsheet: it has no ${missing.map((m) => `"${m}"`).join(' or ')} column. ` +
        `Its first row should name the template's columns: ${COLUMNS.join(', ')}. ` +
        `(It names: ${header.map((h) => `"${h}"`).join(', ') || 'nothing'}.)`,
    );
  }
  const cell = (record, name) => str(record[index.get(name.toLowerCase()) ?? -1]);
  return records.map((r, i) => ({
    // Numbered as the spreadsheet shows them: the column names are row 1.
    where: `row ${i + 2}`,
    blank: r.every((v) => !v.trim()),
    type: cell(r, 'Type').toLowerCase(),
    start: { year: cell(r, 'Year'), month: cell(r, 'Month'), day: cell(r, 'Day'), time: cell(r, 'Time') },
    end: { year: cell(r, 'End Year'), month: cell(r, 'End Month'), day: cell(r, 'End Day'), time: cell(r, 'End Time') },
    headline: cell(r, 'Headline'),
    text: cell(r, 'Text'),
    media: { url: cell(r, 'Media'), credit: cell(r, 'Media Credit'), caption: cell(r, 'Media Caption') },
    group: cell(r, 'Group'),
  }));
}

const jsonDate = (d) => ({ year: str(d?.year), month: str(d?.month), day: str(d?.day), time: str(d?.hour) });

/** One slide of the JSON format (an event, the title slide or an era) as a row. */
function jsonRow(slide, where, type) {
  return {
    where,
    blank: false,
    type,
    start: jsonDate(slide?.start_date),
    end: jsonDate(slide?.end_date),
    headline: str(slide?.text?.headline),
    text: str(slide?.text?.text),
    media: { url: str(slide?.media?.url), credit: str(slide?.media?.credit), caption: str(slide?.media?.caption) },
    group: str(slide?.group),
  };
}

/** The rows of a TimelineJS JSON file ({ title, events, eras }); throws when the file is not one. */
export function rowsFromJson(text) {
  let data;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`This is not a JSON file: ${error.message}`);
  }
  if (!data || !Array.isArray(data.events)) {
    throw new Error('This is not a TimelineJS JSON file: it has no "events" list.');
  }
  return [
    ...(data.title ? [jsonRow(data.title, 'the title slide', 'title')] : []),
    ...data.events.map((e, i) => jsonRow(e, `event ${i + 1}`, str(e?.type).toLowerCase())),
    ...(Array.isArray(data.eras) ? data.eras.map((e, i) => jsonRow(e, `era ${i + 1}`, 'era')) : []),
  ];
}

/** The rows of a file, by its content: JSON when it starts with "{", CSV otherwise. */
export function readTimelineJs(text) {
  return /^\uFEFF?\s*\{/.test(text) ? rowsFromJson(text) : rowsFromCsv(text);
}
