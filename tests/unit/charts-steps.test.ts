import { describe, expect, it } from 'vitest';
import { layoutMilestoneSteps, milestoneText, valuedMilestones } from '../../src/lib/charts/steps';
import { formatMilestoneValue } from '../../src/lib/timeline/milestones';
import { en } from '../../src/lib/ui/strings';
import { event } from './charts-helpers';

const tariff = event({
  id: 'tariff',
  date: '2019-05-30',
  milestones: [
    { kind: 'announced', date: '2019-05-30', label: 'Threat announced' },
    { kind: 'suspended', date: '2019-06-07', label: 'Indefinitely suspended' },
    { kind: 'scheduled', date: '2019-07-01', label: 'Rise to 10% due', didNotHappen: true, value: 10, unit: '%' },
    { kind: 'scheduled', date: '2019-06-10', label: '5% tariff due', didNotHappen: true, value: 5, unit: '%' },
    { kind: 'scheduled', date: '2019-08-01', label: 'Rise to 15% due', didNotHappen: true, value: 15, unit: '%' },
    { kind: 'scheduled', date: '2019-09-01', label: 'Rise to 20% due', didNotHappen: true, value: 20, unit: '%' },
    { kind: 'scheduled', date: '2019-10-01', label: 'Rise to 25% due', didNotHappen: true, value: 25, unit: '%' },
  ],
});

describe('layoutMilestoneSteps', () => {
  const l = layoutMilestoneSteps(tariff, { width: 680, plotHeight: 200, ui: en })!;

  it('returns null for an event whose milestones carry no value', () => {
    expect(
      layoutMilestoneSteps(
        event({ id: 'plain', date: '2019-06-07', milestones: [{ kind: 'signed', date: '2019-06-07' }] }),
        { width: 600, plotHeight: 200, ui: en },
      ),
    ).toBeNull();
    expect(
      layoutMilestoneSteps(event({ id: 'none', date: '2019-06-07' }), { width: 600, plotHeight: 200, ui: en }),
    ).toBeNull();
  });

  it('orders the valued milestones by date and steps up with each value', () => {
    expect(valuedMilestones(tariff).map((m) => m.value)).toEqual([5, 10, 15, 20, 25]);
    expect(l.segments.map((s) => s.valueText)).toEqual(['5%', '10%', '15%', '20%', '25%']);
    for (let i = 1; i < l.segments.length; i++) {
      expect(l.segments[i].x1).toBe(l.segments[i - 1].x2);
      expect(l.segments[i].y).toBeLessThan(l.segments[i - 1].y);
      expect(l.segments[i].riser).toBe(`M${l.segments[i].x1},${l.segments[i - 1].y}V${l.segments[i].y}`);
    }
    expect(l.segments[0].riser).toBe('');
    expect(l.segments.at(-1)!.x2).toBe(l.plot.x + l.plot.width);
    expect(l.unit).toBe('%');
    expect(l.yTicks.at(-1)!.label).toBe('25%');
  });

  it('marks the steps that did not happen and labels them "never imposed" where they have room', () => {
    expect(l.segments.every((s) => !s.happened)).toBe(true);
    expect(l.uses).toEqual({ happened: false, notHappened: true });
    expect(l.segments.map((s) => s.note)).toEqual(Array(5).fill('never imposed'));
    expect(l.segments[0].tip).toBe('10 June 2019\n5% tariff due\n5% — never imposed');
    const narrow = layoutMilestoneSteps(tariff, { width: 300, plotHeight: 200, ui: en })!;
    expect(narrow.notesInLegend).toBe(true);
    expect(narrow.segments.some((s) => s.note === '')).toBe(true);
  });

  it('draws the suspension as a strong rule before the first step, the other milestones as light ones', () => {
    const suspended = l.rules.find((r) => r.kind === 'suspended')!;
    expect(suspended.strong).toBe(true);
    expect(suspended.x).toBeLessThan(l.segments[0].x1);
    expect(suspended.label).toBe('Indefinitely suspended, 7 Jun');
    expect(suspended.y2).toBe(l.plot.y + l.plot.height);
    expect(l.rules.find((r) => r.kind === 'announced')!.strong).toBe(false);
  });

  it('keeps rule labels from overlapping, on separate lanes when they must', () => {
    const [a, b] = l.rules;
    if (a.textY === b.textY) {
      const aEnd = a.textX + 200;
      expect(b.textX >= aEnd || b.textX + 200 <= a.textX).toBe(true);
    } else {
      expect(Math.abs(a.textY - b.textY)).toBeGreaterThanOrEqual(l.fontSize);
    }
    for (const r of l.rules) expect(r.textY).toBeLessThan(l.plot.y);
  });

  it('lists steps and rules in date order for the keyboard', () => {
    const dates = l.order.map((o) => (o.type === 'rule' ? l.rules[o.index].date : l.segments[o.index].date));
    expect(dates).toEqual([...dates].sort());
    expect(l.order).toHaveLength(7);
  });

  it('draws a step that happened solid, and formats values with their unit', () => {
    const e = event({
      id: 'x',
      date: '2019-01-01',
      milestones: [{ kind: 'effective', date: '2019-01-01', value: 6000, unit: 'troops' }],
    });
    const one = layoutMilestoneSteps(e, { width: 400, plotHeight: 100, ui: en })!;
    expect(one.segments[0].happened).toBe(true);
    expect(one.segments[0].note).toBe('');
    expect(formatMilestoneValue(6000, 'troops')).toBe('6,000 troops');
    expect(milestoneText(e.milestones[0], en)).toBe('Took effect');
  });
});
