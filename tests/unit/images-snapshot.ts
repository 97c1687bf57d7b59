// The committed chart images (tests/snapshots/images/<id>[-dark].svg, taken before the charts
// were drawn from their models) and the normal form two images are compared in: one element or
// text run a line, numbers to one decimal, so that rounding noise does not hide a real change.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SNAPSHOT_DIR = 'tests/snapshots/images';

export function snapshotSvg(chartId: string, theme: 'light' | 'dark'): string {
  return readFileSync(join(SNAPSHOT_DIR, `${chartId}${theme === 'dark' ? '-dark' : ''}.svg`), 'utf8');
}

export function writeSnapshot(chartId: string, theme: 'light' | 'dark', svg: string): void {
  writeFileSync(join(SNAPSHOT_DIR, `${chartId}${theme === 'dark' ? '-dark' : ''}.svg`), svg);
}

/** An SVG as lines: each tag (attributes sorted; <x/> as <x></x>) or text run, numbers rounded to 0.1. */
export function normaliseSvg(svg: string): string[] {
  const round = (s: string) => s.replace(/-?\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10 || 0));
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .split(/(<[^>]+>)/)
    .map((part) => part.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .flatMap((part) => {
      const tag = /^<(\/?[\w:-]+)([\s\S]*?)(\/?)>$/.exec(part);
      if (!tag) return [round(part.replace(/&quot;/g, '"'))];
      const attrs = [...tag[2].matchAll(/([\w:-]+)="([^"]*)"/g)].map(([, k, v]) => `${k}="${round(v)}"`).sort();
      const open = `<${tag[1]}${attrs.map((a) => ` ${a}`).join('')}>`;
      return tag[3] ? [open, `</${tag[1]}>`] : [open];
    });
}
