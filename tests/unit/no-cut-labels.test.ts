// No chart cuts a label with an ellipsis: every text of every companion chart (wide and narrow, as the
// pages draw them) and of every chart image (light and dark) is whole. A text may hold "…" only when the
// content itself does (a quotation with an omission). Checked on the real content in each of its languages
// (a translation's labels run longer) and on the second story fixture, whose labels are of other lengths.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartImageSvgs, createImageContext } from '../../src/build/images/build';
import { loadTranslatedData } from '../../src/build/data/translations';
import { chartModel } from '../../src/lib/charts/models';
import { svgNodeToString } from '../../src/lib/svg';
import { uiStrings } from '../../src/lib/ui/strings';
import { sortEvents } from '../../src/lib/timeline/chronology';
import type { TimelineData } from '../../src/lib/timeline/schema';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ENTITIES[e]);

/** The texts of an SVG that hold an ellipsis the content does not. */
function cutTexts(svg: string, content: string): string[] {
  return [...svg.matchAll(/>([^<>]*…[^<>]*)</g)].map(([, t]) => decode(t).trim()).filter((t) => !content.includes(t));
}

function load(dir: string, lang: string): TimelineData {
  const raw = loadTranslatedData(lang, resolve(dir));
  // As the pages get it (src/data/timeline.ts): events in date order, tracks in display order.
  return { ...raw, tracks: [...raw.tracks].sort((a, b) => a.order - b.order), events: sortEvents(raw.events) };
}

describe.each([
  ['content/data', 'en'],
  ['content/data', 'es'],
  ['tests/fixtures/other-story/data', 'en'],
])('the charts of %s in "%s"', (dir, lang) => {
  const data = load(dir, lang);
  const ui = uiStrings(lang);
  const content = JSON.stringify(data).replace(/\\"/g, '"');
  const companions = data.charts.filter((c) => ['series', 'steps', 'period', 'posts'].includes(c.kind));

  it('has charts to check', () => expect(data.charts.length).toBeGreaterThan(0));

  it.each(companions.flatMap((c) => (['wide', 'narrow'] as const).map((v) => [c.id, v, c] as const)))(
    '%s, %s: every label whole',
    (_id, variant, spec) => {
      expect(cutTexts(svgNodeToString(chartModel(spec, data, variant, ui).svg), content)).toEqual([]);
    },
  );

  it.each(data.charts.map((c) => [c.id, c] as const))('%s image: every text whole', (_id, chart) => {
    const ctx = createImageContext({ outDir: '/nonexistent', base: '/', site: 'http://localhost:4321', data });
    const svgs = chartImageSvgs(ctx, chart);
    expect([...cutTexts(svgs.light, content), ...cutTexts(svgs.dark, content)]).toEqual([]);
  });
});

describe('cutTexts', () => {
  it('finds a cut text and lets a quoted omission through', () => {
    const svg = '<svg><text>The two councils issue a joint decl…</text><text>“We … agreed”</text></svg>';
    expect(cutTexts(svg, 'He said “We … agreed”.')).toEqual(['The two councils issue a joint decl…']);
  });
});
