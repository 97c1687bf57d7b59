// Every chart draws, light and dark, from its model (src/build/images/drawings.ts) the image of its
// committed snapshot (tests/snapshots/images/), straight from the data: no build. The built files are
// checked against the same snapshots in tests/e2e/images.test.ts.
import { describe, expect, it } from 'vitest';
import { chartImageSvgs, createImageContext } from '../../src/build/images/build';
import { CHART_DRAWINGS } from '../../src/build/images/drawings';
import { getTimelineData } from '../../src/data/timeline';
import { normaliseSvg, snapshotSvg, writeSnapshot } from './images-snapshot';

const data = getTimelineData();
const ctx = createImageContext({ outDir: '/nonexistent', base: '/', site: 'http://localhost:4321', data });
const drawn = data.charts;

describe('chart images drawn from their models match their snapshots', () => {
  it('the snapshots cover every kind of chart', () => {
    expect(new Set(drawn.map((c) => c.kind))).toEqual(new Set(Object.keys(CHART_DRAWINGS)));
  });

  it.each(drawn.map((c) => [c.id, c] as const))('%s', (_id, chart) => {
    const svgs = chartImageSvgs(ctx, chart);
    // UPDATE_SNAPSHOTS=1 rewrites the snapshots, after a change meant to show (look at the images first).
    if (process.env.UPDATE_SNAPSHOTS)
      for (const theme of ['light', 'dark'] as const) writeSnapshot(chart.id, theme, svgs[theme]);
    for (const theme of ['light', 'dark'] as const)
      expect(normaliseSvg(svgs[theme]), theme).toEqual(normaliseSvg(snapshotSvg(chart.id, theme)));
  });
});
