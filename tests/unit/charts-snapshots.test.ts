// Each companion chart's SVG, built from the real data by its model, against the committed snapshot of
// the markup the page wrote before the chart moved to a model (tests/snapshots/charts/<id>.svg: the
// wide and the narrow <svg>, taken from the built home page). Compared after normalising what does not
// change the drawing: attribute order, entities, whitespace at the ends of text, Astro's scoping attributes.
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTimelineData } from '../../src/build/data/load';
import { chartModel } from '../../src/lib/charts/models';
import { svgNodeToString } from '../../src/lib/svg';
import { en } from '../../src/lib/ui/strings';
import { sortEvents } from '../../src/lib/timeline/chronology';

const raw = loadTimelineData(resolve('content/data'));
// As the pages get it (src/data/timeline.ts): events in date order, tracks in display order.
const data = { ...raw, tracks: [...raw.tracks].sort((a, b) => a.order - b.order), events: sortEvents(raw.events) };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]);

/** One line per tag or text; attributes sorted; text trimmed and its spaces collapsed. */
function normaliseSvg(markup: string): string {
  const out: string[] = [];
  for (const [token] of markup.matchAll(/<[^>]+>|[^<]+/g)) {
    if (!token.startsWith('<')) {
      const text = decode(token).replace(/\s+/g, ' ').trim();
      if (text) out.push(text);
      continue;
    }
    const [, close, name, rest] = /^<(\/?)([\w-]+)([\s\S]*?)\/?>$/.exec(token)!;
    const attrs = [...rest.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)]
      .filter(([, k]) => !k.startsWith('data-astro-cid-'))
      // data-anchor is read by presence alone (see PRESENT in svg-parts.ts).
      .map(([, k, v]) => `${k}="${k === 'data-anchor' ? '' : decode(v ?? '')}"`)
      .sort();
    out.push(`<${close}${name}${attrs.map((a) => ` ${a}`).join('')}>`);
  }
  return out.join('\n');
}

function snapshot(id: string): string[] {
  const text = readFileSync(resolve('tests/snapshots/charts', `${id}.svg`), 'utf8');
  return [...text.matchAll(/<svg[\s\S]*?<\/svg>/g)].map(([s]) => s);
}

describe.each(['border-apprehensions', 'tariff-schedule', 'the-45-days', 'who-held-the-posts'])(
  'the %s chart',
  (id) => {
    const spec = data.charts.find((c) => c.id === id)!;
    // UPDATE_SNAPSHOTS=1 rewrites the snapshot, after a change meant to show (look at the pages first).
    if (process.env.UPDATE_SNAPSHOTS)
      writeFileSync(
        resolve('tests/snapshots/charts', `${id}.svg`),
        (['wide', 'narrow'] as const).map((v) => svgNodeToString(chartModel(spec, data, v, en).svg)).join('\n') + '\n',
      );
    const [wide, narrow] = snapshot(id);
    it.each([
      ['wide', wide],
      ['narrow', narrow],
    ] as const)('draws its %s variant as the template did', (variant, before) => {
      const model = chartModel(spec, data, variant, en);
      expect(normaliseSvg(svgNodeToString(model.svg))).toBe(normaliseSvg(before));
      expect(model.svg.attrs.viewBox).toBe(`0 0 ${model.width} ${model.height}`);
    });
  },
);

describe('normaliseSvg', () => {
  it('ignores attribute order, entities and whitespace at the ends of text, but not other differences', () => {
    const a = '<text x="1" y="2" class="a"> 5 &amp; 6 </text>';
    expect(normaliseSvg(a)).toBe(normaliseSvg('<text class="a"  y="2" x="1">5 &amp; 6</text>'));
    expect(normaliseSvg(a)).not.toBe(normaliseSvg('<text x="1" y="3" class="a">5 &amp; 6</text>'));
  });
});
