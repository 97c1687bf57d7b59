// Advance widths read from a TrueType font's own tables (head, hhea, hmtx, cmap), so the images
// wrap text by the width DejaVu Sans really draws it — no estimates, no canvas, no system fonts.
// Kerning is ignored (it only ever narrows DejaVu text slightly, so lines never overflow).
// const sans = parseFontMetrics(readFileSync(file)); sans.width('Hello', 16) → px

export interface FontMetrics {
  unitsPerEm: number;
  /** Ascender and descender in font units (descender negative). */
  ascender: number;
  descender: number;
  /** The advance width of a string at `size` px. */
  width(text: string, size: number): number;
}

/** Reads the metrics of a TrueType/OpenType (glyf or CFF) font file. */
export function parseFontMetrics(bytes: Uint8Array): FontMetrics {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const numTables = view.getUint16(4);
  const tables = new Map<string, number>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const tag = String.fromCharCode(bytes[rec], bytes[rec + 1], bytes[rec + 2], bytes[rec + 3]);
    tables.set(tag, view.getUint32(rec + 8));
  }
  const need = (tag: string) => {
    const at = tables.get(tag);
    if (at === undefined) throw new Error(`font has no "${tag}" table`);
    return at;
  };
  const head = need('head');
  const hhea = need('hhea');
  const hmtx = need('hmtx');
  const unitsPerEm = view.getUint16(head + 18);
  const ascender = view.getInt16(hhea + 4);
  const descender = view.getInt16(hhea + 6);
  const numberOfHMetrics = view.getUint16(hhea + 34);
  const glyphOf = cmapLookup(view, need('cmap'));
  const advanceOf = (gid: number) => view.getUint16(hmtx + 4 * Math.min(gid, numberOfHMetrics - 1));
  const cache = new Map<number, number>();
  const advance = (cp: number): number => {
    let a = cache.get(cp);
    if (a === undefined) {
      a = advanceOf(glyphOf(cp));
      cache.set(cp, a);
    }
    return a;
  };
  return {
    unitsPerEm,
    ascender,
    descender,
    width(text: string, size: number): number {
      let units = 0;
      for (const ch of text) units += advance(ch.codePointAt(0)!);
      return (units * size) / unitsPerEm;
    },
  };
}

/** A code point → glyph id function from the best Unicode cmap subtable (format 12, else 4). */
function cmapLookup(view: DataView, cmap: number): (cp: number) => number {
  const count = view.getUint16(cmap + 2);
  let format4: number | undefined;
  let format12: number | undefined;
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    const platform = view.getUint16(rec);
    const encoding = view.getUint16(rec + 2);
    const sub = cmap + view.getUint32(rec + 4);
    const format = view.getUint16(sub);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    if (format === 12 && format12 === undefined) format12 = sub;
    if (format === 4 && format4 === undefined) format4 = sub;
  }
  if (format12 !== undefined) {
    const sub = format12;
    const groups = view.getUint32(sub + 12);
    return (cp) => {
      let lo = 0;
      let hi = groups - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const g = sub + 16 + mid * 12;
        const start = view.getUint32(g);
        const end = view.getUint32(g + 4);
        if (cp < start) hi = mid - 1;
        else if (cp > end) lo = mid + 1;
        else return view.getUint32(g + 8) + (cp - start);
      }
      return 0;
    };
  }
  if (format4 !== undefined) {
    const sub = format4;
    const segCount = view.getUint16(sub + 6) / 2;
    const ends = sub + 14;
    const starts = ends + segCount * 2 + 2;
    const deltas = starts + segCount * 2;
    const offsets = deltas + segCount * 2;
    return (cp) => {
      if (cp > 0xffff) return 0;
      for (let i = 0; i < segCount; i++) {
        if (view.getUint16(ends + i * 2) < cp) continue;
        const start = view.getUint16(starts + i * 2);
        if (start > cp) return 0;
        const delta = view.getInt16(deltas + i * 2);
        const rangeOffset = view.getUint16(offsets + i * 2);
        if (rangeOffset === 0) return (cp + delta) & 0xffff;
        const gid = view.getUint16(offsets + i * 2 + rangeOffset + (cp - start) * 2);
        return gid === 0 ? 0 : (gid + delta) & 0xffff;
      }
      return 0;
    };
  }
  throw new Error('font has no Unicode cmap');
}
