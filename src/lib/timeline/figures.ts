// Key figures as readers see them: "about 15,000 troops", "28%".
import type { Figure } from './schema';

const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** A figure's value with its unit, "about" when approximate: formatFigure({value: 15000, unit: 'troops', approximate: true}). */
export function formatFigure(f: Pick<Figure, 'value' | 'unit' | 'approximate'>): string {
  const value = number.format(f.value);
  const unit = !f.unit ? '' : f.unit === '%' ? '%' : ` ${f.unit}`;
  return `${f.approximate ? 'about ' : ''}${value}${unit}`;
}
