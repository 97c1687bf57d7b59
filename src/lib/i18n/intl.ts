// A language's date words and number formats, read from Intl once at build time. The formatters in
// dates.ts take the resulting DateWords (plain data), so the browser formats with the very words the
// build used, sent in a chart's payload, and never asks its own Intl (whose data differs by browser).
import type { DateWords } from '../dates';

const SAMPLE_YEAR = 2019;

/** Intl's rendering of `options` for one UTC instant, as parts. */
function parts(locale: string, options: Intl.DateTimeFormatOptions, month: number, day = 7) {
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' });
  return format.formatToParts(new Date(Date.UTC(SAMPLE_YEAR, month, day)));
}

/** Intl's order and joining words for `options`, as a template: "{d} de {m} de {y}". */
function pattern(locale: string, options: Intl.DateTimeFormatOptions): string {
  const names: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = { day: '{d}', month: '{m}', year: '{y}' };
  return parts(locale, options, 5)
    .map((p) => names[p.type] ?? p.value)
    .join('');
}

/**
 * Intl's order and joining words for two days of one month, as a template: "{a}–{b} de {m} de {y}". Its thin
 * spaces around a dash become the plain ones every other range on the site has ("30 May – 7 June 2019").
 */
function rangePattern(locale: string): string {
  const format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  const day = (d: number) => new Date(Date.UTC(SAMPLE_YEAR, 5, d));
  return format
    .formatRangeToParts(day(5), day(7))
    .map((p) =>
      p.type === 'day'
        ? p.source === 'startRange'
          ? '{a}'
          : '{b}'
        : p.type === 'month'
          ? '{m}'
          : p.type === 'year'
            ? '{y}'
            : p.value,
    )
    .join('')
    .replace(/[\u2009\u202f]/g, ' ');
}

/** The twelve month names in `month` style as they stand inside a full date, January first. */
function monthNames(locale: string, month: 'long' | 'short'): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const name = parts(locale, { day: 'numeric', month, year: 'numeric' }, i).find((p) => p.type === 'month')!.value;
    // Some locales end an abbreviation with a period ("ene."); an axis label does without it.
    return month === 'short' ? name.replace(/\.$/, '') : name;
  });
}

/**
 * The date words of `locale` ("en-GB", "es-MX"): month names, abbreviations and the order of day,
 * month and year. Abbreviations come from `shortLocale` when given: British English writes
 * September's "Sept", where the axes have always had three letters ("Sep", as 'en' writes it).
 */
export function dateWords(locale: string, shortLocale = locale): DateWords {
  const long = { month: 'long' } as const;
  const short = { month: 'short' } as const;
  return {
    months: monthNames(locale, 'long'),
    short: monthNames(shortLocale, 'short'),
    day: pattern(locale, { day: 'numeric', ...long, year: 'numeric' }),
    dayMonth: pattern(locale, { day: 'numeric', ...long }),
    month: pattern(locale, { ...long, year: 'numeric' }),
    dayRange: rangePattern(locale),
    shortDay: pattern(locale, { day: 'numeric', ...short, year: 'numeric' }),
    shortDayMonth: pattern(locale, { day: 'numeric', ...short }),
    shortMonth: pattern(locale, { ...short, year: 'numeric' }),
  };
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/** A number for readers in `locale`, at most one decimal: 132887 → "132,887" (en-GB and es-MX alike). */
export function formatNumberIn(locale: string, n: number): string {
  let format = numberFormats.get(locale);
  if (!format) numberFormats.set(locale, (format = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 })));
  return format.format(n);
}
