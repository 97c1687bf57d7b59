// A UI sentence with links in it, as a translator writes it: "Read them as [a chronology](chronology)."
// The parts in brackets become links to the address the page gives for each key; the rest is text.
// No HTML is parsed: the pieces are rendered as text by Astro (Linked.astro), so a sentence cannot
// inject markup.

export interface TextPiece {
  text: string;
  /** The key of the link's address, for a linked piece. */
  link?: string;
}

const LINK = /\[([^\]]+)\]\(([\w-]+)\)/g;

/** Splits a sentence into text and linked pieces, in order. */
export function linkPieces(sentence: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const m of sentence.matchAll(LINK)) {
    if (m.index > at) pieces.push({ text: sentence.slice(at, m.index) });
    pieces.push({ text: m[1], link: m[2] });
    at = m.index + m[0].length;
  }
  if (at < sentence.length) pieces.push({ text: sentence.slice(at) });
  return pieces;
}
