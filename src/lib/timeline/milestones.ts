// A milestone (a dated step inside an event) as readers read it, in one wording wherever it is written:
// the event's page, the chronology's list, the chart's details panel and its marks' accessible names.
import { formatNumberIn } from '../i18n/intl';
import type { MilestoneKind } from './schema';
import type { UiStrings } from '../ui/strings';

/** The words a milestone's phrase takes. */
export interface MilestoneWords {
  /** A milestone without a label of its own is called by its kind ("Suspended", "Took effect"). */
  names: Readonly<Partial<Record<MilestoneKind, string>>>;
  /** After a step that did not happen, with its leading space: " (did not happen)". */
  didNotHappen: string;
  /** How numbers are written: a page's `ui.locale`. */
  locale?: string;
}

/** A value with its unit: 5 "%" → "5%", 6000 "troops" → "6,000 troops". */
export function formatMilestoneValue(value: number, unit?: string, locale = 'en-GB'): string {
  const n = formatNumberIn(locale, value);
  return !unit ? n : unit === '%' ? `${n}%` : `${n} ${unit}`;
}

/**
 * A milestone as a phrase: its label, or its kind's name when it has none; its value in brackets where
 * the label does not already say it; and whether it did not happen. "5% tariff due (did not happen)",
 * never "scheduled: 5% tariff due (5%)": the label is the editor's words for the step, and its kind (which
 * the chart shows as the mark's shape) would only repeat them ("signed: Signed in the Oval Office").
 */
export function milestonePhrase(
  m: { kind: MilestoneKind; label?: string; value?: number; unit?: string; didNotHappen?: boolean },
  words: MilestoneWords,
): string {
  const text = milestoneName(m, words.names);
  const value = m.value === undefined ? '' : formatMilestoneValue(m.value, m.unit, words.locale);
  return `${text}${value && !says(text, value) ? ` (${value})` : ''}${m.didNotHappen ? words.didNotHappen : ''}`;
}

/** A milestone's own label, else its kind's name ("Suspended"), else its kind as the data writes it. */
export function milestoneName(
  m: { kind: MilestoneKind; label?: string },
  names: Readonly<Partial<Record<MilestoneKind, string>>>,
): string {
  return m.label ?? names[m.kind] ?? m.kind;
}

/** Whether `text` gives `value` as a number of its own: "Rise to 15% due" gives "15%", not "5%". */
function says(text: string, value: string): boolean {
  for (let i = text.indexOf(value); i >= 0; i = text.indexOf(value, i + 1)) {
    const before = text[i - 1] ?? ' ';
    const after = text[i + value.length] ?? ' ';
    if (!/[\p{N}.,]/u.test(before) && !/\p{N}/u.test(after)) return true;
  }
  return false;
}

/** The phrase's words in a page's strings. */
export function milestoneWords(ui: Pick<UiStrings, 'milestones' | 'words' | 'locale'>): MilestoneWords {
  return { names: ui.milestones, didNotHappen: ui.words.didNotHappen, locale: ui.locale };
}
