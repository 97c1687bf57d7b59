import { describe, expect, it } from 'vitest';
import { calendarTicks, dayDiff, dayStart, formatCompact, publisherLine, valueAxis } from '../../src/lib/charts/axis';
import { textWidth } from '../../src/lib/charts/text';

describe('axis helpers', () => {
  it('runs in a far-from-UTC zone, and days are still counted in UTC', () => {
    expect(process.env.TZ).toBe('Pacific/Kiritimati');
    expect(dayStart('2019-06-07')).toBe(Date.UTC(2019, 5, 7));
    expect(dayDiff('2019-06-07', '2019-07-22')).toBe(45);
    expect(dayDiff('2019-06-07', '2019-09-05')).toBe(90);
    expect(dayDiff('2019-10-25', '2019-11-05')).toBe(11); // across the end of US summer time: no 23-hour day
  });

  it('valueAxis rounds the top up to one tick step and puts 0 at the bottom', () => {
    const a = valueAxis(144278, 200, 4);
    expect(a.max).toBe(150000);
    expect(a.ticks.map((t) => t.value)).toEqual([0, 50000, 100000, 150000]);
    expect(a.y(0)).toBe(200);
    expect(a.y(150000)).toBe(0);
    expect(valueAxis(25, 100, 5).ticks.map((t) => t.value)).toEqual([0, 5, 10, 15, 20, 25]);
    expect(valueAxis(0, 100).ticks.length).toBeGreaterThan(1);
  });

  it('formatCompact shortens thousands and millions', () => {
    expect(formatCompact(150000)).toBe('150k');
    expect(formatCompact(1500000)).toBe('1.5M');
    expect(formatCompact(5000)).toBe('5,000');
  });

  it('calendarTicks fall on UTC midnights, stay inside the axis and never overlap', () => {
    const t0 = Date.UTC(2018, 9, 1);
    const t1 = Date.UTC(2020, 1, 1);
    for (const width of [300, 660]) {
      const ticks = calendarTicks(t0, t1, width, { fontSize: 11 }).filter((t) => t.label);
      expect(ticks.length).toBeGreaterThan(3);
      let prevEnd = -Infinity;
      for (const t of ticks) {
        expect(t.t % 86_400_000).toBe(0);
        const half = Math.max(textWidth(t.label, 11), textWidth(t.sub, 11)) / 2;
        expect(t.x - half).toBeGreaterThanOrEqual(prevEnd);
        expect(t.x - half).toBeGreaterThanOrEqual(0);
        expect(t.x + half).toBeLessThanOrEqual(width);
        prevEnd = t.x + half;
      }
      // The year appears where it changes.
      expect(ticks.filter((t) => t.sub).map((t) => t.sub)).toContain('2019');
    }
  });

  it('calendarTicks can be kept to months or longer, and leave off a label that would hang past the end', () => {
    const ticks = calendarTicks(Date.UTC(2019, 4, 28), Date.UTC(2019, 10, 1), 600, { minStepDays: 28 });
    expect(ticks.map((t) => t.label)).toEqual(['Jun', 'Jul', 'Aug', 'Sep', 'Oct', '']);
    expect(ticks[5].x).toBe(600);
  });

  it('publisherLine names publishers once, in order, and counts the rest', () => {
    const s = (publisher: string, via?: string) => ({ publisher, via });
    expect(publisherLine([s('AP'), s('CBP'), s('AP')])).toBe('AP; CBP');
    expect(publisherLine([s('The Washington Post', 'AOL')])).toBe('The Washington Post via AOL');
    expect(publisherLine([s('A'), s('B'), s('C'), s('D')], 2)).toBe('A; B and 2 more (see the table)');
  });
});
