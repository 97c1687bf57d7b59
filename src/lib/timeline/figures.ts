// Key figures as readers see them: "about 15,000 troops", "28%".
import type { Figure } from './schema';
import type { UiStrings } from '../ui/strings';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/**
 * A figure's value with its unit, "about" (in `ui`'s words) when approximate:
 * formatFigure({value: 15000, unit: 'troops', approximate: true}, ui).
 */
export function formatFigure(f: Pick<Figure, 'value' | 'unit' | 'approximate'>, ui: Pick<UiStrings, 'words'>): string {
  const value = number.format(f.value);
  const unit = !f.unit ? '' : f.unit === '%' ? '%' : ` ${f.unit}`;
  return f.approximate ? ui.words.about(`${value}${unit}`) : `${value}${unit}`;
}
