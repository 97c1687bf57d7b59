import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/lib/timeline/lanes';
import { calendarTicks } from '../../src/lib/charts/axis';
import { labelsSpaced, tickUnit, timeTicks, type TimeTick } from '../../src/lib/timeline/ticks';
import { uiStrings } from '../../src/lib/ui/strings';

const DAY = 86_400_000;
const utc = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d);
const labelled = (ticks: TimeTick[]) => ticks.filter((t) => t.label !== '');
const steps = (ticks: TimeTick[]) => ticks.slice(1).map((t, i) => t.t - ticks[i].t);

describe('timeTicks', () => {
  it('labels a 2-year window with years and quarters, and marks months', () => {
    // Windows start a little before a boundary: a label that would hang over an end is left off.
    const ticks = timeTicks([utc(2018, 12, 15), utc(2020, 12, 15)], 640);
    const shown = labelled(ticks);
    expect(new Set(shown.map((t) => t.unit))).toEqual(new Set(['year', 'quarter']));
    expect(shown.map((t) => t.label)).toEqual(['2019', 'Apr', 'Jul', 'Oct', '2020', 'Apr', 'Jul', 'Oct']);
    expect(shown.filter((t) => t.level === 'major').map((t) => t.label)).toEqual(['2019', '2020']);
    const subs = ticks.filter((t) => t.level === 'sub');
    expect(subs.length).toBeGreaterThan(10);
    expect(subs.every((t) => t.unit === 'month')).toBe(true);
  });

  it('labels a 2-month window with weeks and marks days where they are 12 px apart or more', () => {
    // 640 px: days 10.5 px apart, too close to mark.
    const narrow = timeTicks([utc(2019, 5, 30), utc(2019, 7, 30)], 640);
    expect(narrow.filter((t) => t.level === 'sub' && t.unit === 'day')).toEqual([]);
    const ticks = timeTicks([utc(2019, 5, 30), utc(2019, 7, 30)], 960);
    const shown = labelled(ticks);
    expect(steps(shown).every((s) => s === 7 * DAY)).toBe(true);
    expect(shown.every((t) => new Date(t.t).getUTCDay() === 1)).toBe(true);
    expect(shown[0].label).toBe('3 Jun 2019');
    expect(shown[1].label).toBe('10 Jun');
    expect(steps(ticks).every((s) => s === DAY)).toBe(true);
    expect(ticks.filter((t) => t.level === 'sub').length).toBeGreaterThan(40);
  });

  it('labels a 10-day window with days', () => {
    const ticks = timeTicks([utc(2019, 6, 4) + DAY / 2, utc(2019, 6, 14) + DAY / 2], 640);
    const shown = labelled(ticks);
    expect(shown.length).toBe(10);
    expect(steps(shown).every((s) => s === DAY)).toBe(true);
    expect(shown.map((t) => t.label)).toContain('10 Jun');
    expect(shown[0].label).toMatch(/ 2019$/);
    expect(ticks.every((t) => t.level !== 'sub')).toBe(true);
  });

  it('labels a decade with years', () => {
    const shown = labelled(timeTicks([utc(2010, 1, 1), utc(2020, 1, 1)], 640));
    expect(shown.every((t) => /^\d{4}$/.test(t.label))).toBe(true);
    expect(shown.length).toBeGreaterThanOrEqual(5);
  });

  it('leaves off a label that would hang over an end of the axis', () => {
    const ticks = timeTicks([utc(2019, 6, 5), utc(2019, 6, 15)], 640);
    expect(ticks[0]).toMatchObject({ t: utc(2019, 6, 5), label: '', level: 'sub' });
    expect(labelled(ticks)[0].label).toBe('6 Jun 2019');
  });

  it('coarsens as the axis narrows', () => {
    const domain: [number, number] = [utc(2019, 1, 1), utc(2021, 1, 1)];
    const count = (w: number) => labelled(timeTicks(domain, w)).length;
    expect(count(1280)).toBeGreaterThan(count(640));
    expect(count(640)).toBeGreaterThan(count(160));
    expect(labelled(timeTicks(domain, 160)).every((t) => t.unit === 'year')).toBe(true);
  });

  it('never lets labels overlap or hang over the ends of the axis', () => {
    const starts = [utc(2019, 1, 1), utc(2019, 5, 17), utc(2020, 2, 29)];
    const spans = [3, 10, 45, 61, 200, 400, 730, 2000].map((d) => d * DAY);
    for (const width of [120, 320, 640, 1280]) {
      for (const start of starts) {
        for (const span of spans) {
          const ticks = labelled(timeTicks([start, start + span], width));
          let prevEnd = -Infinity;
          for (const t of ticks) {
            const half = textWidth(t.label, 11) / 2;
            expect(t.x - half, `${width}px ${t.label}`).toBeGreaterThanOrEqual(prevEnd);
            expect(t.x - half).toBeGreaterThanOrEqual(0);
            expect(t.x + half).toBeLessThanOrEqual(width);
            prevEnd = t.x + half;
          }
        }
      }
    }
  });

  it('names the year on its first label unless told the axis has named it (a stretch after a focus)', () => {
    // Five months at about 40 px each, as after the lead chart's focus: "Aug 2019" is too wide for
    // monthly labels, so only "Oct 2019" was left; without the year every month has its label.
    const domain = [utc(2019, 7, 27), utc(2020, 1, 10)] as const;
    const months = (yearOnFirst: boolean) => labelled(timeTicks(domain, 220, { fontSize: 12, yearOnFirst }));
    expect(months(true).map((t) => t.label)).toEqual(['Oct 2019']);
    expect(months(false).map((t) => t.label)).toEqual(['Sep', 'Oct', 'Nov', 'Dec']);
  });

  it('spaces labels by their height on a vertical axis', () => {
    const ticks = labelled(timeTicks([utc(2019, 6, 1), utc(2019, 8, 1)], 400, { vertical: true, fontSize: 11 }));
    expect(ticks.length).toBeGreaterThan(4);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i].x - ticks[i - 1].x).toBeGreaterThanOrEqual(14 + 8);
  });

  it('places ticks at UTC midnights, linearly along the axis', () => {
    const domain: [number, number] = [utc(2019, 3, 30) + 5 * 3_600_000, utc(2019, 5, 2)];
    const ticks = timeTicks(domain, 800);
    expect(ticks.length).toBeGreaterThan(0);
    for (const t of ticks) {
      expect(t.t % DAY).toBe(0);
      expect(t.x).toBeCloseTo(((t.t - domain[0]) / (domain[1] - domain[0])) * 800, 6);
      expect(t.t).toBeGreaterThanOrEqual(domain[0]);
      expect(t.t).toBeLessThanOrEqual(domain[1]);
    }
  });

  it('gives nothing for an empty window or axis', () => {
    expect(timeTicks([utc(2019, 1, 1), utc(2019, 1, 1)], 640)).toEqual([]);
    expect(timeTicks([utc(2019, 1, 1), utc(2020, 1, 1)], 0)).toEqual([]);
  });
});

describe('tickUnit', () => {
  it('names the coarsest calendar boundary of a UTC instant', () => {
    expect(tickUnit(utc(2020, 1, 1))).toBe('year');
    expect(tickUnit(utc(2020, 4, 1))).toBe('quarter');
    expect(tickUnit(utc(2020, 5, 1))).toBe('month');
    expect(tickUnit(utc(2019, 6, 10))).toBe('week');
    expect(tickUnit(utc(2019, 6, 11))).toBe('day');
  });
});

describe('one tick search for the timeline and the charts', () => {
  const labelled = (ts: { t: number; label: string }[]) => ts.filter((t) => t.label !== '').map((t) => t.t);

  it('makes calendarTicks and timeTicks label the same instants where both choose the same step', () => {
    // A decade over 600 px: years for both. One year over 600 px: months for both.
    const decade: [number, number] = [utc(2010, 1, 1), utc(2020, 1, 1)];
    const year: [number, number] = [utc(2019, 1, 1), utc(2019, 12, 31)];
    for (const [t0, t1] of [decade, year]) {
      const timeline = labelled(timeTicks([t0, t1], 600));
      expect(timeline.length).toBeGreaterThan(5);
      expect(labelled(calendarTicks(t0, t1, 600))).toEqual(timeline);
    }
  });

  it('spaces labels by one rule: each label, centred on its tick, at least `gap` from the last', () => {
    const half = () => 10;
    expect(
      labelsSpaced(
        [
          { x: 0, label: 'a' },
          { x: 28, label: 'b' },
        ],
        half,
        8,
      ),
    ).toBe(true);
    expect(
      labelsSpaced(
        [
          { x: 0, label: 'a' },
          { x: 27, label: 'b' },
        ],
        half,
        8,
      ),
    ).toBe(false);
    expect(
      labelsSpaced(
        [
          { x: 0, label: 'a' },
          { x: 5, label: '' },
          { x: 28, label: 'b' },
        ],
        half,
        8,
      ),
    ).toBe(true);
  });
});

describe('ticks in Spanish (es-MX)', () => {
  const dates = uiStrings('es').dates;

  it('name months with the Intl abbreviations, lower case and without a period', () => {
    const ticks = timeTicks([utc(2018, 12, 15), utc(2020, 12, 15)], 640, { dates });
    expect(labelled(ticks).map((t) => t.label)).toEqual(['2019', 'abr', 'jul', 'oct', '2020', 'abr', 'jul', 'oct']);
    const weeks = labelled(timeTicks([utc(2019, 5, 30), utc(2019, 7, 30)], 960, { dates }));
    expect(weeks.slice(0, 2).map((t) => t.label)).toEqual(['3 jun 2019', '10 jun']);
  });

  it('keep the English steps where the labels are as wide, and never let them collide', () => {
    const domain: [number, number] = [utc(2019, 1, 1), utc(2019, 12, 31)];
    for (const width of [320, 480, 800, 1200]) {
      const es = timeTicks(domain, width, { dates });
      expect(labelsSpaced(es, (t) => textWidth(t.label, 11) / 2, 8)).toBe(true);
    }
    const es = labelled(timeTicks(domain, 1200, { dates }));
    expect(es.map((t) => t.label)).toContain('ago');
    expect(es.map((t) => t.label)).not.toContain('Aug');
  });

  it('label the charts’ calendar axes in the same words', () => {
    const ticks = calendarTicks(utc(2019, 4, 15), utc(2019, 9, 30), 260, { dates });
    expect(ticks.map((t) => t.label).filter(Boolean)).toEqual(['may', 'jun', 'jul', 'ago', 'sep']);
    expect(ticks.find((t) => t.label === 'may')?.sub).toBe('2019');
    const days = calendarTicks(utc(2019, 6, 1), utc(2019, 6, 10), 600, { dates });
    expect(days.map((t) => t.label).filter(Boolean)).toContain('5 jun');
    expect(days.every((t) => !/[A-Z]/.test(t.label))).toBe(true);
  });
});
