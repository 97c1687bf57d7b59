// Dates and numbers per language: the English forms the site has always written, read now from Intl,
// and es-MX's ("7 de junio de 2019", "144,278"), at every precision and across months and years.
import { describe, expect, it } from 'vitest';
import {
  ENGLISH_DATES,
  formatDateRange,
  formatPartialDate,
  formatShortRange,
  formatTickDate,
} from '../../src/lib/dates';
import { dateWords, formatNumberIn } from '../../src/lib/i18n/intl';
import { formatCompact, formatNumber } from '../../src/lib/charts/axis';
import { formatFigure } from '../../src/lib/timeline/figures';
import { en, uiStrings } from '../../src/lib/ui/strings';
import { windowStatus } from '../../src/components/Timeline/timeline-toolbar';
import type { TimelineLayout } from '../../src/lib/timeline/layout';

const es = uiStrings('es');
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('English dates', () => {
  it('come from Intl (en-GB, three-letter abbreviations) and equal the default every caller had', () => {
    expect(en.dates).toEqual(ENGLISH_DATES);
    expect(en.dates.short).toEqual([
      'Jan',
      'Feb',
      'Mar',
      'Apr',
      'May',
      'Jun',
      'Jul',
      'Aug',
      'Sep',
      'Oct',
      'Nov',
      'Dec',
    ]);
    expect(formatPartialDate('2019-06-07', en.dates)).toBe('7 June 2019');
    expect(formatDateRange('2019-05-30', '2019-06-07', en.dates)).toBe('30 May – 7 June 2019');
  });
});

describe('short spans, for a "+N" group\'s label on a phone chart', () => {
  it('name the months, or the days within one month, and leave a year under twelve months to the axis', () => {
    for (const [d, out] of [
      [en.dates, ['Aug–Dec', '3–28 Jun', '21–24 Jun', '21 Jun', 'Dec–Jan', 'Jun', '2019', '2018–2020', 'Jun–Jul']],
      [es.dates, ['ago–dic', '3–28 jun', '21–24 jun', '21 jun', 'dic–ene', 'jun', '2019', '2018–2020', 'jun–jul']],
    ] as const) {
      expect([
        formatShortRange('2019-08-08', '2019-12-09', d),
        formatShortRange('2019-06-03', '2019-06-28', d),
        formatShortRange('2019-06-21', '2019-06-24', d),
        formatShortRange('2019-06-21', '2019-06-21', d),
        formatShortRange('2018-12', '2019-01-15', d),
        formatShortRange('2019-06', '2019-06-07', d),
        formatShortRange('2019', '2019-03', d),
        formatShortRange('2018-11', '2020-01', d),
        formatShortRange('2019-06-30', '2019-07-01', d),
      ]).toEqual(out);
    }
  });
});

describe('dates kept whole where a narrow column would break them', () => {
  it('bind the day to its month, and nothing else (en, es)', () => {
    const nb = (t: string) => t.replace(/ /g, '\u00a0');
    expect(formatPartialDate('2018-11-09', en.dates, true)).toBe(`${nb('9 November')} 2018`);
    expect(formatPartialDate('2018-11-09', es.dates, true)).toBe(`${nb('9 de noviembre')} de 2018`);
    expect(formatPartialDate('2019-06', en.dates, true)).toBe('June 2019');
    expect(formatDateRange('2019-05-30', '2019-06-07', en.dates, true)).toBe(`${nb('30 May')} – ${nb('7 June')} 2019`);
    expect(formatDateRange('2019-12-30', '2020-01-02', es.dates, true)).toBe(
      `${nb('30 de diciembre')} de 2019 – ${nb('2 de enero')} de 2020`,
    );
    // Without it, as before.
    expect(formatPartialDate('2018-11-09', en.dates)).toBe('9 November 2018');
  });
});

describe('Spanish (es-MX) dates', () => {
  const d = es.dates;
  it('keep the precision the data gives', () => {
    expect(formatPartialDate('2019-06-07', d)).toBe('7 de junio de 2019');
    expect(formatPartialDate('2019-06', d)).toBe('junio de 2019');
    expect(formatPartialDate('2019', d)).toBe('2019');
    expect(formatPartialDate('2019-09-01', d)).toBe('1 de septiembre de 2019');
  });

  it('write a range with the year once when both ends share it', () => {
    expect(formatDateRange('2019-05-30', '2019-06-07', d)).toBe('30 de mayo – 7 de junio de 2019');
    expect(formatDateRange('2019-06-01', '2019-06-07', d)).toBe('1–7 de junio de 2019');
    // Two days of one month, as Intl writes them in each language, the month once.
    expect(formatDateRange('2019-06-05', '2019-06-07', en.dates)).toBe('5 – 7 June 2019');
    expect(formatDateRange('2019-06-05', '2019-06-07', ENGLISH_DATES, true)).toBe(
      '5\u00a0–\u2060\u00a07\u00a0June 2019',
    );
    expect(formatDateRange('2019-06-05', '2019-06-07', d, true)).toBe('5–\u20607\u00a0de\u00a0junio de 2019');
    // A language that writes the month first keeps it with the days too.
    const us = dateWords('en-US');
    expect(formatDateRange('2019-06-05', '2019-06-07', us)).toBe('June 5 – 7, 2019');
    expect(formatDateRange('2019-06-05', '2019-06-07', us, true)).toBe('June\u00a05\u00a0–\u2060\u00a07, 2019');
    expect(formatDateRange('2019-05', '2019-07', d)).toBe('mayo – julio de 2019');
    expect(formatDateRange('2019-12-30', '2020-01-02', d)).toBe('30 de diciembre de 2019 – 2 de enero de 2020');
    expect(formatDateRange('2019-12', '2020-01', d)).toBe('diciembre de 2019 – enero de 2020');
    expect(formatDateRange('2019-06', '2019-06-07', d)).toBe('junio de 2019 – 7 de junio de 2019');
    expect(formatDateRange('2019', '2020', d)).toBe('2019 – 2020');
    expect(formatDateRange('2019-06-07', '2019-06-07', d)).toBe('7 de junio de 2019');
  });

  it('abbreviate months for ticks from Intl, lower case and without a period', () => {
    expect(d.short).toEqual(['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic']);
    expect(formatTickDate(utc(2019, 6, 7), 'day', d)).toBe('7 jun');
    expect(formatTickDate(utc(2019, 6, 7), 'dayYear', d)).toBe('7 jun 2019');
    expect(formatTickDate(utc(2019, 1, 1), 'monthYear', d)).toBe('ene 2019');
    expect(formatTickDate(utc(2019, 8, 1), 'month', d)).toBe('ago');
    expect(formatTickDate(utc(2019, 8, 1), 'year', d)).toBe('2019');
  });

  it('read every name from Intl, so another locale needs no table of its own', () => {
    const fr = dateWords('fr-FR');
    expect(formatPartialDate('2019-06-07', fr)).toBe('7 juin 2019');
    expect(fr.short.every((m) => !m.endsWith('.'))).toBe(true);
  });
});

describe('numbers', () => {
  it('are written as es-MX writes them: comma for thousands, point for decimals', () => {
    expect(formatNumberIn('es-MX', 144278)).toBe('144,278');
    expect(formatNumberIn('es-MX', 5.5)).toBe('5.5');
    expect(formatNumber(132887, es.locale)).toBe('132,887');
    expect(formatCompact(150000, es.locale)).toBe('150k');
    expect(formatCompact(1500000, es.locale)).toBe('1.5M');
  });

  it('of a figure, with the language’s "about"', () => {
    const f = { value: 15000, unit: 'elementos', approximate: true };
    expect(formatFigure(f, es)).toBe('alrededor de 15,000 elementos');
    expect(formatFigure({ value: 28.5, unit: '%', approximate: false }, es)).toBe('28.5%');
    expect(formatFigure({ ...f, unit: 'troops' }, en)).toBe('about 15,000 troops');
  });
});

describe('the interactive timeline’s status line', () => {
  it('writes its window in the payload’s words, as the build would', () => {
    const layout = { domain: [utc(2019, 5, 30).getTime(), utc(2019, 6, 7).getTime()], marks: [], clusters: [] };
    const status = (ui: typeof en) => windowStatus(layout as unknown as TimelineLayout, ui.timelineClient);
    expect(status(es)).toBe('Del 30 de mayo de 2019 al 7 de junio de 2019: se muestran 0 eventos, 0 grupos.');
    expect(status(en)).toBe('Showing 30 May 2019 to 7 June 2019: 0 events shown, 0 groups.');
  });
});
