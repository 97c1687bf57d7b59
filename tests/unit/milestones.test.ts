import { describe, expect, it } from 'vitest';
import { formatMilestoneValue, milestonePhrase, milestoneWords } from '../../src/lib/timeline/milestones';
import { uiStrings } from '../../src/lib/ui/strings';

const en = milestoneWords(uiStrings('en'));
const es = milestoneWords(uiStrings('es'));

describe('milestonePhrase', () => {
  it("gives a milestone's own label without its kind before it", () => {
    expect(milestonePhrase({ kind: 'signed', label: 'Signed in the Oval Office' }, en)).toBe(
      'Signed in the Oval Office',
    );
    expect(milestonePhrase({ kind: 'signed', label: 'Firmado en el Despacho Oval' }, es)).toBe(
      'Firmado en el Despacho Oval',
    );
  });

  it('calls a milestone without a label by its kind, in the language of the page', () => {
    expect(milestonePhrase({ kind: 'effective' }, en)).toBe('Took effect');
    expect(milestonePhrase({ kind: 'suspended' }, es)).toBe('Suspensión');
    // Without the words (a layout called with none): the kind as the data writes it.
    expect(milestonePhrase({ kind: 'blocked' }, { names: {}, didNotHappen: '' })).toBe('blocked');
  });

  it('gives a value the label does not already say, with its unit, in the numbers of the page', () => {
    expect(milestonePhrase({ kind: 'scheduled', label: 'Rise to 10% due', value: 10, unit: '%' }, en)).toBe(
      'Rise to 10% due',
    );
    expect(milestonePhrase({ kind: 'effective', label: 'Troops deployed', value: 6000, unit: 'troops' }, en)).toBe(
      'Troops deployed (6,000 troops)',
    );
    expect(milestonePhrase({ kind: 'effective', value: 6000, unit: 'soldados' }, es)).toBe(
      'Entrada en vigor (6,000 soldados)',
    );
    // A number of the label that only ends or begins with the value's digits does not give it.
    expect(milestonePhrase({ kind: 'scheduled', label: 'Rise to 15% due', value: 5, unit: '%' }, en)).toBe(
      'Rise to 15% due (5%)',
    );
    expect(milestonePhrase({ kind: 'scheduled', label: 'Rise to 5.5% due', value: 5, unit: '%' }, en)).toBe(
      'Rise to 5.5% due (5%)',
    );
    expect(formatMilestoneValue(2.5, '%')).toBe('2.5%');
  });

  it('says when a step did not happen', () => {
    expect(
      milestonePhrase({ kind: 'scheduled', label: '5% tariff due', value: 5, unit: '%', didNotHappen: true }, en),
    ).toBe('5% tariff due (did not happen)');
    expect(milestonePhrase({ kind: 'scheduled', didNotHappen: true }, es)).toBe('Fecha prevista (no ocurrió)');
  });
});
