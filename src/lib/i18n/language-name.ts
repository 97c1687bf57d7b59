// A language's name, written in a language: in itself for a language switcher ("Español"), in English
// for the build's messages ("Spanish"). Capitalised as a menu item or a sentence's subject.

/** The name of the language `code`, in the language `displayIn` (default: itself); the code when unknown. */
export function nameOfLanguage(code: string, displayIn = code): string {
  let name = code;
  try {
    name = new Intl.DisplayNames([displayIn], { type: 'language' }).of(code) ?? code;
  } catch {
    // An unknown tag: its code.
  }
  return name.charAt(0).toLocaleUpperCase(displayIn) + name.slice(1);
}
