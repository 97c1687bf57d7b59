import { describe, expect, it } from 'vitest';
import { addDays, counterDays, dayNumber, firstDayNumber, layoutPeriodChart } from '../../src/lib/charts/period';
import { HIT, MARK_R } from '../../src/lib/charts/period-days';
import { periodChart } from '../../src/lib/charts/period-svg';
import type { TimelineData } from '../../src/lib/timeline/schema';
import { en } from '../../src/lib/ui/strings';
import { event, overlaps, tracks } from './charts-helpers';

describe('day counter arithmetic', () => {
  it('counts whole UTC days from the start: 7 June + 45 days = 22 July', () => {
    expect(dayNumber('2019-06-07', '2019-06-07')).toBe(0);
    expect(dayNumber('2019-06-07', '2019-06-08')).toBe(1);
    expect(dayNumber('2019-06-07', '2019-07-22')).toBe(45);
    expect(addDays('2019-06-07', 45)).toBe('2019-07-22');
    expect(addDays('2019-06-07', 90)).toBe('2019-09-05');
    expect(dayNumber('2019-06-07', '2019-06-01')).toBe(-6);
  });

  it('labels day 1, multiples of a step that fits, and always the last day', () => {
    expect(counterDays(45, 14, 50)).toEqual([1, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
    expect(counterDays(45, 3, 50)).toEqual([1, 20, 45]);
    expect(counterDays(8, 80, 50)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(counterDays(46, 14, 50).at(-1)).toBe(46);
  });
});

// Twelve events in a 45-day window, crowded at the start, plus some outside it.
const events = [
  event({ id: 'before', date: '2019-06-06' }),
  event({ id: 'start-1', date: '2019-06-07', importance: 1, title: 'The declaration is issued in Washington' }),
  event({ id: 'start-2', date: '2019-06-07', track: 'b', title: 'A supplementary agreement sets a review period' }),
  event({ id: 'start-3', date: '2019-06-07', title: 'Tariffs suspended indefinitely' }),
  event({ id: 'd1', date: '2019-06-08', track: 'b', title: 'Day one of the period begins quietly' }),
  event({ id: 'd3', date: '2019-06-10', title: 'The date the tariff would have started' }),
  event({ id: 'd3b', date: '2019-06-10', importance: 3, title: 'A background event on the same day' }),
  event({ id: 'd10', date: '2019-06-17', title: 'Something in the middle of the window' }),
  event({ id: 'd30', date: '2019-07-07', track: 'b', title: 'Something later on' }),
  event({ id: 'last', date: '2019-07-22', importance: 1, title: 'The deadline: day 45 of the period' }),
  event({ id: 'after', date: '2019-07-23' }),
  event({ id: 'month-only', date: '2019-06', title: 'Dated to the month' }),
  event({ id: 'span', date: '2019-06-01', end: '2019-06-12', track: 'b', title: 'A span from before the window' }),
  event({ id: 'span-in', date: '2019-06-20', end: '2019-08-30', title: 'A span running past the end' }),
];
const options = { start: '2019-06-07', end: '2019-07-22', label: 'The 45 days', words: en.charts.period };

describe('layoutPeriodChart, horizontal', () => {
  const l = layoutPeriodChart(events, tracks, { ...options, width: 680 });

  it('places the events of the window, not those outside it, at their day', () => {
    const ids = l.marks.map((m) => m.id);
    expect(ids).not.toContain('before');
    expect(ids).not.toContain('after');
    expect(ids).toContain('last');
    expect(l.days).toBe(45);
    expect(l.marks.find((m) => m.id === 'last')!.day).toBe(45);
    expect(l.marks.find((m) => m.id === 'd1')!.day).toBe(1);
    // Equal days get equal x; x grows with the day.
    const x = (id: string) => l.marks.find((m) => m.id === id)!.x;
    expect(x('start-1')).toBe(x('start-2'));
    expect(x('d1')).toBeGreaterThan(x('start-1'));
    expect(x('last')).toBeLessThanOrEqual(l.axis.x2);
    expect(x('start-1')).toBeGreaterThanOrEqual(l.axis.x1);
  });

  it('never lets two labels (or marks) overlap', () => {
    for (const a of l.marks) for (const b of l.marks) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
  });

  it('keeps every label inside the chart, turning it left of its mark near the right edge', () => {
    for (const m of l.marks) {
      expect(m.box[0]).toBeGreaterThanOrEqual(0);
      expect(m.box[2]).toBeLessThanOrEqual(680);
    }
    expect(l.marks.find((m) => m.id === 'last')!.anchor).toBe('end');
  });

  it('leaves out a span that ends on the window’s first day: a stub too small to point at', () => {
    const upTo = (end: string) =>
      layoutPeriodChart(
        [...events, event({ id: 'lead-up', date: '2019-05-30', end, track: 'b', title: 'What led up to it' })],
        tracks,
        { ...options, width: 680 },
      ).spans.map((s) => s.id);
    expect(upTo('2019-06-07')).not.toContain('lead-up');
    expect(upTo('2019-06-08')).toContain('lead-up');
  });

  it('draws spans clipped to the window and lists events dated only to the month', () => {
    const span = l.spans.find((s) => s.id === 'span')!;
    expect(span.clippedStart).toBe(true);
    expect(span.x).toBe(l.axis.x1);
    const spanIn = l.spans.find((s) => s.id === 'span-in')!;
    expect(spanIn.clippedEnd).toBe(true);
    expect(spanIn.x + spanIn.width).toBeCloseTo(l.axis.x2, 0);
    expect(l.undated.map((u) => u.id)).toEqual(['month-only']);
  });

  it('labels the start date, then the counter to day 45 with dates (day 1 too where there is room)', () => {
    // No room for both day 0 and day 1: the start date takes day 1's place.
    expect(l.ticks[0]).toMatchObject({ day: 0, counter: '', date: '7 Jun' });
    expect(l.ticks.map((t) => t.day)).not.toContain(1);
    expect(l.ticks[1].at - l.ticks[0].at).toBeGreaterThanOrEqual(50);
    const roomy = layoutPeriodChart(events, tracks, { ...options, end: '2019-06-12', width: 680 });
    expect(roomy.ticks[0]).toMatchObject({ day: 0, counter: '', date: '7 Jun' });
    expect(roomy.ticks.map((t) => t.counter)).toEqual(['', 'day 1', 'day 2', 'day 3', 'day 4', 'day 5']);
    expect(l.ticks.at(-1)).toMatchObject({ day: 45, counter: 'day 45', date: '22 Jul' });
    expect(l.dayTicks).toHaveLength(46);
  });

  it('gives every mark a tooltip with the date, the day number, the title and the track', () => {
    expect(l.marks.find((m) => m.id === 'last')!.tip).toBe(
      '22 July 2019 (day 45)\nThe deadline: day 45 of the period\nA',
    );
  });

  it('lets the labels of less important events give way when the lanes run out, keeping their marks', () => {
    const tight = layoutPeriodChart(events, tracks, { ...options, width: 680, maxLanes: 3 });
    expect(tight.marks).toHaveLength(l.marks.length);
    const bare = tight.marks.filter((m) => m.lines.length === 0).map((m) => m.id);
    expect(bare).toContain('d3b');
    expect(bare).not.toContain('start-1');
    for (const a of tight.marks) for (const b of tight.marks) if (a !== b) expect(overlaps(a.box, b.box)).toBe(false);
  });

  it('refuses a window that is not made of full dates or ends before it starts', () => {
    expect(() => layoutPeriodChart(events, tracks, { ...options, start: '2019-06', width: 600 })).toThrow(/full date/);
    expect(() => layoutPeriodChart(events, tracks, { ...options, end: '2019-06-01', width: 600 })).toThrow(/before/);
  });
});

describe('layoutPeriodChart, vertical', () => {
  const l = layoutPeriodChart(events, tracks, { ...options, width: 360, orientation: 'vertical' });
  const inWindow = events.filter((e) => e.date >= '2019-06-07' && e.date <= '2019-07-22' && e.date.length === 10);

  it('lists every event of the window as a row, in time order, each with its label whole', () => {
    expect(l.marks.map((m) => m.id).sort()).toEqual(inWindow.map((e) => e.id).sort());
    for (let i = 1; i < l.marks.length; i++) {
      expect(l.marks[i].day).toBeGreaterThanOrEqual(l.marks[i - 1].day);
      expect(l.marks[i].y).toBeGreaterThan(l.marks[i - 1].y);
    }
    for (const m of l.marks) {
      expect(m.lines.length).toBeGreaterThan(0);
      expect(m.lines.join(' ')).not.toMatch(/…/);
      expect(m.box[2]).toBeLessThanOrEqual(360);
    }
  });

  it('makes each row its event’s target: at least HIT high, across the width right of the axis, none overlapping', () => {
    for (const m of l.marks) {
      expect(m.hit[3] - m.hit[1]).toBeGreaterThanOrEqual(HIT);
      expect(m.hit[0]).toBeGreaterThan(l.axis.x1);
      expect(m.hit[2]).toBe(360);
      // The mark and its label sit inside their row.
      expect(m.y).toBeGreaterThan(m.hit[1]);
      expect(m.y).toBeLessThan(m.hit[3]);
      expect(m.box[1]).toBeGreaterThanOrEqual(m.hit[1]);
      expect(m.box[3]).toBeLessThanOrEqual(m.hit[3]);
      // The label sits level with its mark, not pushed away from it.
      expect(Math.abs((m.box[1] + m.box[3]) / 2 - m.y)).toBeLessThanOrEqual(1);
    }
    for (const a of l.marks) for (const b of l.marks) if (a !== b) expect(overlaps(a.hit, b.hit)).toBe(false);
    // Scaled to a 332-px column, a row keeps 24 px.
    expect((HIT * 332) / 360).toBeGreaterThanOrEqual(24);
  });

  it('labels each day once, under the line that opens it, and always the first and last day', () => {
    const days = [...new Set(l.marks.map((m) => m.day))];
    expect(l.ticks.map((t) => t.day)).toEqual([...new Set([0, ...days, 45])].sort((a, b) => a - b));
    expect(l.ticks[0]).toMatchObject({ day: 0, counter: '', date: '7 Jun' });
    expect(l.ticks.at(-1)).toMatchObject({ day: 45, counter: 'day 45', date: '22 Jul' });
    // A day's rows start below its line; the next day's line comes after them.
    for (const m of l.marks) {
      const k = l.ticks.findIndex((t) => t.day === m.day);
      expect(m.hit[1]).toBeGreaterThan(l.ticks[k].at);
      if (l.ticks[k + 1]) expect(m.hit[3]).toBeLessThan(l.ticks[k + 1].at);
    }
  });

  it('sets the rows of one day together and the next day’s rows a small gap below, however many days pass', () => {
    const steps = l.marks.slice(1).map((m, i) => ({ days: m.day - l.marks[i].day, gap: m.hit[1] - l.marks[i].hit[3] }));
    for (const s of steps) expect(s.gap).toBe(s.days === 0 ? 0 : 4);
    expect(steps.some((s) => s.days > 5)).toBe(true);
  });

  it('runs a span from its first day’s row to its last, or to the list’s edge where it runs past the window', () => {
    const spanIn = l.spans.find((s) => s.id === 'span-in')!;
    expect(spanIn.clippedEnd).toBe(true);
    expect(spanIn.y + spanIn.height).toBeCloseTo(l.axis.y2, 0);
    const before = l.spans.find((s) => s.id === 'span')!;
    expect(before.clippedStart).toBe(true);
    const d3 = l.marks.find((m) => m.id === 'd3')!;
    expect(before.y + before.height).toBeGreaterThan(d3.y);
    expect(before.y + before.height).toBeLessThan(l.marks.find((m) => m.id === 'd10')!.y);
    for (const s of l.spans) expect(s.hit[3] - s.hit[1]).toBeGreaterThanOrEqual(HIT);
  });

  it('leaves each day’s two-line label room before the next day’s line, at any font size', () => {
    for (const fontSize of [11, 13, 16]) {
      const big = layoutPeriodChart(events, tracks, { ...options, width: 360, orientation: 'vertical', fontSize });
      const lineH = Math.round(fontSize * 1.3);
      for (let i = 1; i < big.ticks.length; i++)
        expect(big.ticks[i].at - big.ticks[i - 1].at).toBeGreaterThanOrEqual(fontSize + lineH + 6);
    }
  });

  it('ends the chart below the last row', () => {
    for (const m of l.marks) expect(m.hit[3]).toBeLessThanOrEqual(l.height);
  });
});

describe('layoutPeriodChart, horizontal targets', () => {
  const l = layoutPeriodChart(events, tracks, { ...options, width: 680 });

  it('gives each mark a target at least HIT square, around its mark and label, none overlapping', () => {
    for (const m of l.marks) {
      expect(m.hit[2] - m.hit[0]).toBeGreaterThanOrEqual(HIT);
      expect(m.hit[3] - m.hit[1]).toBeGreaterThanOrEqual(HIT);
      expect(m.hit[0]).toBeLessThanOrEqual(Math.min(m.box[0], m.x - MARK_R));
      expect(m.hit[2]).toBeGreaterThanOrEqual(Math.max(m.box[2], m.x + MARK_R));
    }
    for (const a of l.marks) for (const b of l.marks) if (a !== b) expect(overlaps(a.hit, b.hit)).toBe(false);
    // Scaled down to a 600-px column, a target keeps 24 px.
    expect((HIT * 600) / 680).toBeGreaterThanOrEqual(24);
  });

  it('gives a span with no mark of its own a target HIT high that no mark’s target overlaps', () => {
    const span = l.spans.find((s) => s.id === 'span')!;
    expect(span.hit[3] - span.hit[1]).toBeGreaterThanOrEqual(HIT);
    for (const m of l.marks) expect(overlaps(m.hit, span.hit)).toBe(false);
  });
});

describe('day counting (countDays)', () => {
  // A 35-day period counted inclusive: 1 March is day 1, 4 April day 35 (31 + 4 days).
  const span35 = { start: '2019-03-01', end: '2019-04-04', label: 'Thirty-five days', words: en.charts.period };
  const inMarch = [
    event({ id: 'first', date: '2019-03-01', title: 'On the first day' }),
    event({ id: 'middle', date: '2019-03-15', title: 'In the middle' }),
    event({ id: 'end', date: '2019-04-04', title: 'On the last day' }),
  ];
  const counters = (l: ReturnType<typeof layoutPeriodChart>) => l.ticks.filter((t) => t.counter).map((t) => t.counter);

  it('numbers the start date 0 counting exclusive (the default) and 1 counting inclusive', () => {
    expect(firstDayNumber()).toBe(0);
    expect(firstDayNumber('exclusive')).toBe(0);
    expect(firstDayNumber('inclusive')).toBe(1);
  });

  it('counts a 35-day period inclusive as day 1 … day 35, the start date being day 1', () => {
    for (const orientation of ['horizontal', 'vertical'] as const) {
      const l = layoutPeriodChart(inMarch, tracks, { ...span35, countDays: 'inclusive', width: 680, orientation });
      expect(l.days).toBe(34);
      expect([l.firstDay, l.lastDay]).toEqual([1, 35]);
      const ticks = l.ticks.filter((t) => t.counter);
      expect(ticks[0]).toMatchObject({ day: 0, counter: 'day 1', date: '1 Mar' });
      expect(ticks.at(-1)).toMatchObject({ day: 34, counter: 'day 35', date: '4 Apr' });
      // No date-only tick: the start date has its number.
      expect(l.ticks.every((t) => t.counter !== '')).toBe(true);
      const tip = (id: string) => l.marks.find((m) => m.id === id)!.tip.split('\n')[0];
      expect([tip('first'), tip('middle'), tip('end')]).toEqual([
        '1 March 2019 (day 1)',
        '15 March 2019 (day 15)',
        '4 April 2019 (day 35)',
      ]);
    }
  });

  it('counts the same period exclusive as day 1 … day 34, the start date being day 0', () => {
    const l = layoutPeriodChart(inMarch, tracks, { ...span35, width: 680 });
    expect([l.firstDay, l.lastDay]).toEqual([0, 34]);
    // The start date is day 0 and takes day 1's place on the crowded axis; the counter goes on at day 5.
    expect(l.ticks[0]).toMatchObject({ day: 0, counter: '', date: '1 Mar' });
    expect(counters(l)[0]).toBe('day 5');
    expect(counters(l).at(-1)).toBe('day 34');
    expect(l.ticks.find((t) => t.counter === 'day 5')).toMatchObject({ day: 5, date: '6 Mar' });
    expect(l.marks.find((m) => m.id === 'end')!.tip.split('\n')[0]).toBe('4 April 2019 (day 34)');
  });

  it('counts the 45 days from 7 June to 22 July as day 1 … day 45 exclusive and day 1 … day 46 inclusive', () => {
    const exclusive = layoutPeriodChart(events, tracks, { ...options, width: 680 });
    const inclusive = layoutPeriodChart(events, tracks, { ...options, width: 680, countDays: 'inclusive' });
    expect([exclusive.firstDay, exclusive.lastDay]).toEqual([0, 45]);
    expect([inclusive.firstDay, inclusive.lastDay]).toEqual([1, 46]);
    expect(exclusive.ticks[0]).toMatchObject({ day: 0, counter: '', date: '7 Jun' });
    expect(counters(exclusive)[0]).toBe('day 5');
    expect(counters(exclusive).at(-1)).toBe('day 45');
    expect(counters(inclusive)[0]).toBe('day 1');
    expect(counters(inclusive).at(-1)).toBe('day 46');
    // The same day, the same place; only its number differs.
    const exDay = exclusive.ticks.find((t) => t.counter === 'day 45')!;
    const inDay = inclusive.ticks.find((t) => t.counter === 'day 46')!;
    expect([exDay.day, exDay.at, exDay.date]).toEqual([inDay.day, inDay.at, inDay.date]);
    const tip = (l: typeof exclusive) => l.marks.find((m) => m.id === 'start-1')!.tip.split('\n')[0];
    expect([tip(exclusive), tip(inclusive)]).toEqual(['7 June 2019 (day 0)', '7 June 2019 (day 1)']);
  });

  it('says in the caption which day is day 1 and what the last day is numbered', () => {
    const data = { events: inMarch, tracks } as unknown as TimelineData;
    const props = { id: 'p', ...span35 };
    expect(periodChart({ ...props, countDays: 'inclusive' }, data, en).caption).toBe(
      'The events of 1 March – 4 April 2019, day by day. Day 1 is 1 March 2019; day 35 is 4 April 2019.',
    );
    expect(periodChart(props, data, en).caption).toBe(
      'The events of 1 March – 4 April 2019, day by day. Day 1 is the day after 1 March 2019; day 34 is 4 April 2019.',
    );
  });
});
