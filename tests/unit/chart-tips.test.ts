// A chart mark carries its tooltip once, in its accessible name (tipItem), and the browser's tooltip
// reads its lines back from it; only a tip whose own lines hold the joiner keeps them in data-tip.
import { describe, expect, it } from 'vitest';
import { tipItem } from '../../src/lib/charts/svg-parts';
import { TIP_JOIN } from '../../src/lib/charts/tip';

/** What chart-tooltip.ts shows for a mark: the lines of data-tip, else those of the accessible name. */
const tipLines = (attrs: Record<string, unknown>) =>
  typeof attrs['data-tip'] === 'string' ? attrs['data-tip'].split('\n') : String(attrs['aria-label']).split(TIP_JOIN);

describe('tipItem', () => {
  it('writes the tip once, as the accessible name on one line, and the tooltip gets its lines back', () => {
    const tip = 'Kevin McAleenan (acting)\nSecretary of Homeland Security\n11 April – 13 November 2019';
    const { attrs } = tipItem(tip, true, []);
    expect(attrs['aria-label']).toBe(
      'Kevin McAleenan (acting); Secretary of Homeland Security; 11 April – 13 November 2019',
    );
    expect(attrs).not.toHaveProperty('data-tip');
    expect(tipLines(attrs)).toEqual(tip.split('\n'));
    expect(String(attrs.tabindex)).toBe('0');
    expect(String(tipItem(tip, false, []).attrs.tabindex)).toBe('-1');
  });

  it('keeps the lines in data-tip when one of them holds the joiner', () => {
    const tip = 'A holder\nA note; with a semicolon';
    const { attrs } = tipItem(tip, false, []);
    expect(attrs['data-tip']).toBe(tip);
    expect(tipLines(attrs)).toEqual(['A holder', 'A note; with a semicolon']);
  });
});
