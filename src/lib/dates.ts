// Partial dates ("2019", "2019-06", "2019-06-07"): parsed in one place, always in UTC.
// The precision an editor wrote is kept: "June 2019" is not "1 June 2019".
// Formatted in a language's DateWords (month names and patterns read from Intl at build time, see
// i18n/intl.ts; a page's are `ui.dates`), so the build and the browser write the same text.
import { fill } from './ui/fill';

export type Precision = 'year' | 'month' | 'day';

export interface PartialDate {
  /** The text as written in the data, e.g. "2019-06". */
  text: string;
  precision: Precision;
  year: number;
  /** 1–12, present for month and day precision. */
  month?: number;
  /** 1–31, present for day precision. */
  day?: number;
  /** First instant covered, UTC. */
  start: Date;
  /** First instant after the period, UTC (exclusive). */
  end: Date;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/**
 * How a language writes dates: month names and the order of day ({d}), month ({m}) and year ({y}),
 * with its joining words ("{d} de {m} de {y}"). Plain data, so a chart's payload can carry it.
 */
export interface DateWords {
  /** "June", "junio": January first. */
  months: readonly string[];
  /** Abbreviations for axis ticks, without a trailing period: "Jun", "jun". */
  short: readonly string[];
  /** A full date, a day and month, a month and year: "7 June 2019", "7 June", "June 2019". */
  day: string;
  dayMonth: string;
  month: string;
  /** Two days of one month, from {a} to {b}: "5 – 7 June 2019", "5–7 de junio de 2019". */
  dayRange: string;
  /** The same with an abbreviated month ("7 Jun 2019", "7 Jun", "Jun 2019"): tick labels. */
  shortDay: string;
  shortDayMonth: string;
  shortMonth: string;
}

/**
 * The English words, for callers that pass none: exactly what Intl gives en-GB (with 'en' abbreviations),
 * which a unit test holds them to. Every page passes its own language's (`ui.dates`).
 */
export const ENGLISH_DATES: DateWords = {
  months: MONTHS,
  short: MONTHS.map((m) => m.slice(0, 3)),
  day: '{d} {m} {y}',
  dayMonth: '{d} {m}',
  month: '{m} {y}',
  dayRange: '{a} – {b} {m} {y}',
  shortDay: '{d} {m} {y}',
  shortDayMonth: '{d} {m}',
  shortMonth: '{m} {y}',
};

/** Days in a month of a year (month 1–12), by the Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a string is not a valid partial date, or null if it is one. */
export function partialDateProblem(text: string): string | null {
  const m = PATTERN.exec(text);
  if (!m) return `"${text}" is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD`;
  const year = Number(m[1]);
  if (m[2] !== undefined) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return `"${text}" has month ${m[2]}, but months run from 01 to 12`;
    if (m[3] !== undefined) {
      const day = Number(m[3]);
      const last = daysInMonth(year, month);
      if (day < 1 || day > last) {
        return `"${text}" is not a real date: ${MONTHS[month - 1]} ${year} has ${last} days`;
      }
    }
  }
  return null;
}

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into its UTC period; throws on anything else. */
export function parsePartialDate(text: string): PartialDate {
  const problem = partialDateProblem(text);
  if (problem) throw new RangeError(problem);
  const [, y, mo, d] = PATTERN.exec(text)!;
  const year = Number(y);
  if (mo === undefined) {
    return { text, precision: 'year', year, start: utc(year, 1, 1), end: utc(year + 1, 1, 1) };
  }
  const month = Number(mo);
  if (d === undefined) {
    return { text, precision: 'month', year, month, start: utc(year, month, 1), end: utc(year, month + 1, 1) };
  }
  const day = Number(d);
  return { text, precision: 'day', year, month, day, start: utc(year, month, day), end: utc(year, month, day + 1) };
}

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

/**
 * A pattern whose days and month stay on one line ("7 June", "7 de junio", "5 – 7 June", "June 5 – 7"): what
 * joins them, unbreakable. A line may break after a dash even before a no-break space, so a word joiner
 * follows it.
 */
const bound = (pattern: string) =>
  pattern.replace(/\{[da]\}.*?\{m\}|\{m\}.*?\{[db]\}/, (s) => s.replace(/ /g, '\u00a0').replace(/–/g, '–\u2060'));

/**
 * A partial date for readers, at its own precision: "2019", "June 2019", "7 June 2019" ("7 de junio de 2019").
 * `bind`: its day and month kept on one line, for a narrow column ("9 November / 2018", not "9 / November / 2018").
 */
export function formatPartialDate(date: string | PartialDate, words: DateWords = ENGLISH_DATES, bind = false): string {
  const p = typeof date === 'string' ? parsePartialDate(date) : date;
  if (p.precision === 'year') return String(p.year);
  const m = words.months[p.month! - 1];
  const pattern = p.precision === 'month' ? words.month : words.day;
  return fill(bind ? bound(pattern) : pattern, { d: p.day ?? '', m, y: p.year });
}

/**
 * A span for readers: "30 May – 7 June 2019" ("30 de mayo – 7 de junio de 2019"), "June – July 2019", or one
 * date when start equals end. The year is written once when both ends share it and their precision. `bind`:
 * as formatPartialDate's.
 */
export function formatDateRange(start: string, end?: string, words: DateWords = ENGLISH_DATES, bind = false): string {
  return dateRangeParts(start, end, words, bind).join(' – ');
}

/** formatDateRange's ends, ["30 May", "7 June 2019"] (one when start equals end), for a page to lay out apart. */
export function dateRangeParts(start: string, end?: string, words: DateWords = ENGLISH_DATES, bind = false): string[] {
  if (!end || end === start) return [formatPartialDate(start, words, bind)];
  const a = parsePartialDate(start);
  const b = parsePartialDate(end);
  if (a.precision === 'day' && b.precision === 'day' && a.year === b.year && a.month === b.month) {
    // One month's days as the language writes them (Intl's formatRange): "5 – 7 June 2019", not "5 June – 7 June 2019".
    return [
      fill(bind ? bound(words.dayRange) : words.dayRange, {
        a: a.day!,
        b: b.day!,
        m: words.months[a.month! - 1],
        y: a.year,
      }),
    ];
  }
  if (a.precision === b.precision && a.year === b.year && a.precision !== 'year') {
    const m = words.months[a.month! - 1];
    const aText = a.precision === 'month' ? m : fill(bind ? bound(words.dayMonth) : words.dayMonth, { d: a.day!, m });
    return [aText, formatPartialDate(b, words, bind)];
  }
  return [formatPartialDate(a, words, bind), formatPartialDate(b, words, bind)];
}

/** The forms of an axis tick's label: "2019", "Jun", "Jun 2019", "7 Jun", "7 Jun 2019". */
export type TickForm = 'year' | 'month' | 'monthYear' | 'day' | 'dayYear';

const TICK_PATTERNS = { monthYear: 'shortMonth', day: 'shortDayMonth', dayYear: 'shortDay' } as const;

/** A UTC instant as an axis tick labels it, in `words`' abbreviations. */
export function formatTickDate(date: Date, form: TickForm, words: DateWords = ENGLISH_DATES): string {
  const y = date.getUTCFullYear();
  if (form === 'year') return String(y);
  const m = words.short[date.getUTCMonth()];
  if (form === 'month') return m;
  return fill(words[TICK_PATTERNS[form]], { d: date.getUTCDate(), m, y });
}

/** A partial date abbreviated, for a label beside a mark: "7 Jun" (its year left to the axis), "Jun 2019", "2019". */
export function formatShortDate(date: string | PartialDate, words: DateWords = ENGLISH_DATES): string {
  const p = typeof date === 'string' ? parsePartialDate(date) : date;
  if (p.precision === 'year') return String(p.year);
  return formatTickDate(p.start, p.precision === 'day' ? 'day' : 'monthYear', words);
}

/**
 * A span in a chart's few words, its years left to the axis beside it when it is under a year long: "Aug–Dec",
 * "Dec–Jan", "Jun", "21–24 Jun", "21 Jun"; else "2018–2019". A "+N" group's label on a phone says with it
 * where its events are.
 */
export function formatShortRange(start: string, end: string, words: DateWords = ENGLISH_DATES): string {
  const a = parsePartialDate(start);
  const b = parsePartialDate(end);
  const months = (b.year - a.year) * 12 + (b.month ?? 12) - (a.month ?? 1);
  if (!a.month || !b.month || months >= 12) return a.year === b.year ? String(a.year) : `${a.year}–${b.year}`;
  const m = words.short[a.month - 1];
  if (months > 0) return `${m}–${words.short[b.month - 1]}`;
  if (!a.day || !b.day) return m;
  return fill(words.shortDayMonth, { d: a.day === b.day ? a.day : `${a.day}–${b.day}`, m });
}

/** The middle of a partial date's period, in ms since the epoch: where a mark for it sits on a time axis. */
export function partialDateMidpoint(date: string | PartialDate): number {
  const p = typeof date === 'string' ? parsePartialDate(date) : date;
  return p.precision === 'day' ? p.start.getTime() : (p.start.getTime() + p.end.getTime()) / 2;
}

/** Sort key: start of the period, then the more precise date first. */
export function comparePartialDates(a: string, b: string): number {
  const pa = parsePartialDate(a);
  const pb = parsePartialDate(b);
  return pa.start.getTime() - pb.start.getTime() || pa.end.getTime() - pb.end.getTime();
}

/** "YYYY-MM" of a month: its key in the monthly series and the chronology's groups. */
export function monthKey(date: string | PartialDate): string {
  const p = typeof date === 'string' ? parsePartialDate(date) : date;
  return `${p.year}-${String(p.month ?? 1).padStart(2, '0')}`;
}
