// The heights a frame starts with (src/components/embed/heights.ts, measured by `npm run embed-heights`
// into content/embed-heights.json) against the built embed pages, measured again here without
// JavaScript: within ±10% at a phone's 360 px and an article column's 640 px, for every chart —
// what a frame that never hears from its page (a sandbox without scripts, a host that drops our
// script) shows whole. And the lead timeline fits an article column: ≤ 1,000 px at 640 px.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DIST } from './browser';
import { measureEmbedHeights } from '../../scripts/lib/embed-heights.mjs';
import type { TimelineData } from '../../src/lib/timeline/schema';

interface OEmbed {
  height: number;
  width: number;
  html: string;
}
const data: TimelineData = JSON.parse(readFileSync(`${DIST}/data/timeline.json`, 'utf8'));
const info = JSON.parse(readFileSync(`${DIST}/build-info.json`, 'utf8')) as { base: string };
const oembed = (id: string): OEmbed => JSON.parse(readFileSync(`${DIST}/oembed/${id}.json`, 'utf8'));
/** The heights the snippet carries: data-heights="w:h w:h …" on its iframe. */
const snippetHeights = (html: string): [number, number][] =>
  (/data-heights="([^"]*)"/.exec(html)?.[1] ?? '')
    .split(/\s+/)
    .filter(Boolean)
    .map((pair) => pair.split(':').map(Number) as [number, number]);
const at = (steps: [number, number][], width: number) => {
  if (width <= steps[0][0]) return steps[0][1];
  for (let i = 1; i < steps.length; i++) {
    const [w0, h0] = steps[i - 1];
    const [w1, h1] = steps[i];
    if (width <= w1) return h0 + ((h1 - h0) * (width - w0)) / (w1 - w0);
  }
  return steps[steps.length - 1][1];
};

describe('embed heights known before any script runs', () => {
  it('match every embed page within ±10% at 360 and 640 px, and the lead timeline is ≤ 1,000 px at 640', async () => {
    const widths = [360, 640];
    const measured = await measureEmbedHeights({ dist: DIST, base: info.base, widths, tolerance: null });
    const wrong: string[] = [];
    for (const chart of data.charts) {
      const o = oembed(chart.id);
      const steps = snippetHeights(o.html);
      expect(steps.length, `${chart.id}: the snippet has no data-heights`).toBeGreaterThan(0);
      for (const [width, real] of measured[chart.id]) {
        const known = at(steps, width);
        if (Math.abs(known - real) > 0.1 * real)
          wrong.push(`${chart.id} at ${width} px: the page is ${real} px tall, the snippet says ${Math.round(known)}`);
        if (width === 640 && Math.abs(o.height - real) > 0.1 * real)
          wrong.push(`${chart.id}: oEmbed height ${o.height}, the page at 640 px is ${real}`);
      }
    }
    expect(wrong, `${wrong.join('\n')}\nRun \`npm run embed-heights\` to measure them again.`).toEqual([]);
    const lead = data.charts.find((c) => c.kind === 'timeline')!;
    expect(measured[lead.id].find(([w]) => w === 640)![1]).toBeLessThanOrEqual(1000);
  }, 60_000);
});
