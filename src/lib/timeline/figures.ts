// Key figures as readers see them: "about 15,000 troops", "28%" (es-MX: "alrededor de 15,000 elementos").
import type { Figure } from './schema';
import type { UiStrings } from '../ui/strings';
import { formatNumberIn } from '../i18n/intl';

/**
 * A figure's value with its unit, in `ui`'s number format, "about" (in `ui`'s words) when approximate:
 * formatFigure({value: 15000, unit: 'troops', approximate: true}, ui).
 */
export function formatFigure(
  f: Pick<Figure, 'value' | 'unit' | 'approximate'>,
  ui: Pick<UiStrings, 'words' | 'locale'>,
): string {
  const value = formatNumberIn(ui.locale, f.value);
  const unit = !f.unit ? '' : f.unit === '%' ? '%' : ` ${f.unit}`;
  return f.approximate ? ui.words.about(`${value}${unit}`) : `${value}${unit}`;
}
