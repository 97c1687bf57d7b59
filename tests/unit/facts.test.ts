// Cross-checks the key facts of content/data/ against the checked fact base
// (../shared/research/facts.md): the dates of the central events, the tariff schedule, and the
// monthly border series as first released. The fact base is read, not copied, so a change on
// either side that makes them disagree fails here.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadTimelineData } from '../../src/build/data/load';

const FACTS = resolve(process.env.FACTS_FILE ?? '../shared/research/facts.md');
const data = loadTimelineData(resolve('content/data'));
const facts = existsSync(FACTS) ? readFileSync(FACTS, 'utf8') : '';

/** Rows of the fact base's chronology table: first cell a date, then category and text. */
function chronologyRows(): { date: string; text: string }[] {
  return facts
    .split('\n')
    .filter((line) => /^\| \d{4}-\d{2}(-\d{2})?/.test(line))
    .map((line) => {
      const cells = line.split('|').map((c) => c.trim());
      return { date: /\d{4}-\d{2}(-\d{2})?/.exec(cells[1])![0], text: cells.slice(2).join(' | ') };
    });
}

/** The date the fact base gives for the one chronology row matching `pattern`. */
function factDate(pattern: RegExp): string {
  const rows = chronologyRows().filter((r) => pattern.test(r.text));
  expect(rows.length, `facts.md has one row matching ${pattern}`).toBeGreaterThanOrEqual(1);
  return rows[0].date;
}

const event = (id: string) => {
  const e = data.events.find((x) => x.id === id);
  expect(e, `content/data/events.yaml has an event "${id}"`).toBeDefined();
  return e!;
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const num = (s: string) => Number(s.replace(/,/g, ''));

describe('the data agrees with the fact base', () => {
  it('finds the fact base beside the project (CI lays shared/ there)', () => {
    expect(existsSync(FACTS), `${FACTS} is missing`).toBe(true);
    expect(chronologyRows().length).toBeGreaterThan(40);
  });

  const KEY_EVENTS: [string, RegExp][] = [
    ['tariff-threat-announced', /Trump announces .*5% tariff on all Mexican goods/],
    ['joint-declaration', /Joint Declaration is issued/],
    ['supplementary-agreement', /"Supplementary Agreement" is signed/],
    ['guillen-resigns', /Guillén López resigns/],
    ['veracruz-interception', /Veracruz: four tractor-trailers/],
    ['transit-rule-announced', /announces the asylum "third-country transit" rule/],
    ['transit-rule-published', /interim final rule "Asylum Eligibility and Procedural Modifications" is published/],
    ['barcena-not-ready', /Bárcena .*not ready to sign/],
    ['pompeo-ebrard-meeting', /Pompeo meets Ebrard in Mexico City/],
    ['45-day-mark', /The 45-day mark/],
    ['guatemala-aca-signed', /US–Guatemala .*agreement is signed/],
  ];
  for (const [id, pattern] of KEY_EVENTS) {
    it(`dates ${id} as the fact base does`, () => {
      expect(event(id).date).toBe(factDate(pattern));
    });
  }

  it('dates the Veracruz interception 15 June 2019, not the Saturday before Pompeo’s visit as the article implies', () => {
    expect(event('veracruz-interception').date).toBe('2019-06-15');
    expect(event('veracruz-interception').notes.join(' ')).toMatch(/500/);
  });

  it('draws the tariff schedule the fact base gives: 5% on 10 June rising to 25% on 1 October, never imposed', () => {
    const row = chronologyRows().find((r) => /Trump announces .*5% tariff on all Mexican goods/.test(r.text))!;
    const schedule = [...row.text.matchAll(/(\d+)% (Jun|Jul|Aug|Sep|Oct) (\d+)/g)].map(([, rate, month, day]) => [
      `2019-${String(MONTHS.indexOf(month) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`,
      Number(rate),
    ]);
    expect(schedule).toHaveLength(5);
    const steps = event('tariff-threat-announced')
      .milestones.filter((m) => m.kind === 'scheduled' && m.value !== undefined)
      .map((m) => [m.date, m.value]);
    expect(steps).toEqual(schedule);
    expect(
      event('tariff-threat-announced')
        .milestones.filter((m) => m.kind === 'scheduled')
        .every((m) => m.didNotHappen),
    ).toBe(true);
    expect(
      event('tariff-threat-announced').milestones.some((m) => m.kind === 'suspended' && m.date === '2019-06-07'),
    ).toBe(true);
  });

  it('carries the monthly series as first released (Border Patrol, and the total where printed)', () => {
    const series = data.series.find((s) => s.id === 'southwest-border-monthly')!;
    expect(series).toBeDefined();
    const rows = facts
      .split('\n')
      .filter((l) => /^\| (Oct|Nov|Dec|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep) 20(18|19) \|/.test(l));
    expect(rows).toHaveLength(15);
    for (const line of rows) {
      const cells = line.split('|').map((c) => c.trim());
      const [mon, year] = cells[1].split(' ');
      const month = `${year}-${String(MONTHS.indexOf(mon) + 1).padStart(2, '0')}`;
      const ours = series.months.find((m) => m.month === month);
      expect(ours, month).toBeDefined();
      // Column B: Border Patrol as first released (the first number in the cell).
      expect(ours!.borderPatrol.value, `${month} Border Patrol`).toBe(num(/[\d,]+/.exec(cells[3])![0]));
      // Column D: the total as first released, unless the fact base marks it as derived.
      const total = /^[\d,]+/.exec(cells[5])?.[0];
      if (total && !/DERIVED/.test(cells[5])) expect(ours!.total?.value, `${month} total`).toBe(num(total));
      if (/DERIVED/.test(cells[5])) expect(ours!.total?.derived, `${month} total is marked derived`).toBe(true);
    }
  });

  it('reports June 2019 as 104,344 encounters, a key figure linked to its event', () => {
    const june = data.events.flatMap((e) => e.figures.map((f) => ({ e, f }))).find(({ f }) => f.value === 104344);
    expect(june, 'a figure of 104,344').toBeDefined();
    expect(june!.f.key).toBe(true);
    expect(june!.e.sources.length).toBeGreaterThan(0);
  });
});
