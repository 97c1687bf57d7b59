// A UI paragraph with a little markup, as a translator writes it: **strong**, *emphasis*, `code` and
// {name} parts the page fills. A {name} is text, or code (with an id the page's tests read) when the
// page gives { code }; inside `code`, {name} parts are filled with text. No HTML is parsed: the
// pieces are rendered as text by Astro (Rich.astro), so a sentence cannot inject markup.
import { fill } from './fill';

export type RichVar = string | number | { code: string; id?: string };

export interface RichPiece {
  text: string;
  tag?: 'strong' | 'em' | 'code';
  id?: string;
}

const TOKEN = /\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|\{(\w+)\}/g;

/** Splits a paragraph into plain, strong, emphasised and code pieces, in order. */
export function richPieces(template: string, vars: Record<string, RichVar> = {}): RichPiece[] {
  const texts: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(vars)) texts[k] = typeof v === 'object' ? v.code : v;
  const pieces: RichPiece[] = [];
  let at = 0;
  for (const m of template.matchAll(TOKEN)) {
    if (m.index > at) pieces.push({ text: template.slice(at, m.index) });
    at = m.index + m[0].length;
    const [, strong, em, code, name] = m;
    if (strong !== undefined) pieces.push({ text: strong, tag: 'strong' });
    else if (em !== undefined) pieces.push({ text: em, tag: 'em' });
    else if (code !== undefined) pieces.push({ text: fill(code, texts), tag: 'code' });
    else {
      const v = vars[name];
      if (v === undefined) throw new Error(`UI string "${template}" needs {${name}}, which the page does not give`);
      pieces.push(typeof v === 'object' ? { text: v.code, tag: 'code', id: v.id } : { text: String(v) });
    }
  }
  if (at < template.length) pieces.push({ text: template.slice(at) });
  return pieces;
}
