// "Did you mean …?": the known names close to a misspelt one. One rule for ids, field names and
// story references, so every message suggests the same way.

/**
 * Up to three known names close to `word`, nearest first: one holds the other, they share a 4-letter
 * start, or they are a typo or two apart.
 */
export function nearMatches(word: string, known: Iterable<string>): string[] {
  const lower = word.toLowerCase();
  const scored: [string, number][] = [];
  for (const k of known) {
    const kl = k.toLowerCase();
    const d = editDistance(kl, lower);
    const typo = d <= Math.min(2, Math.floor(Math.max(kl.length, lower.length) / 3));
    if (typo || kl.includes(lower) || lower.includes(kl) || sharedPrefix(kl, lower) >= 4) scored.push([k, d]);
  }
  // The fewest edits first: "publsher" is "publisher" before it is "published".
  return scored
    .sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([k]) => k);
}

/** ' (did you mean "a" or "b"?)', or '' when nothing is close. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const near = nearMatches(word, known);
  return near.length ? ` (did you mean ${near.map((k) => `"${k}"`).join(' or ')}?)` : '';
}

function sharedPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/** Levenshtein distance, with a swap of two neighbours counted as one edit ("sumamry"). */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
