// The glossary's entries as readers see them.
import type { GlossaryEntry } from './timeline/schema';

/** Lower case, one space between words and none of the marks between them: how two names are compared. */
const words = (text: string, locale: string) =>
  ` ${text
    .toLocaleLowerCase(locale)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;

/**
 * The entry's other names that its term does not already say: "Asylum Cooperative Agreement (ACA)" is also
 * "asylum cooperation agreement", not "ACA"; "first-release and revised figures" is also "final figures",
 * not "first release" or "revised figures". Whole words only, whatever their case, hyphens or brackets.
 */
export function otherNames(entry: Pick<GlossaryEntry, 'term' | 'aliases'>, locale: string): string[] {
  const term = words(entry.term, locale);
  return entry.aliases.filter((alias) => !term.includes(words(alias, locale)));
}
