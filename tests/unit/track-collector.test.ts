import { describe, expect, it } from 'vitest';
import { collectTrack, trackCollector, type Collected } from '../../src/lib/timeline/layout/clusters';
import { DATA_ONLY_WORDS, makeCtx, pos, type Ctx } from '../../src/lib/timeline/layout/context';
import { prepareTimeline } from '../../src/lib/timeline/layout/prepare';
import { IDENTITY_WARP } from '../../src/lib/timeline/warp';
import { DENSE_TRACKS, denseEvents, seeded } from '../fixtures/timeline/generate';

const events = denseEvents(3000, 11);
const prepared = prepareTimeline(events, DENSE_TRACKS);
// Some events highlighted: they stay single (and are met among a bin's events, out of its order).
const highlighted = new Set(events.filter((_, i) => i % 97 === 0).map((e) => e.id));

function ctxFor(domain: [number, number], orientation: 'horizontal' | 'vertical'): Ctx {
  return makeCtx(
    {
      o: {
        width: 600,
        fontSize: 13,
        clusterMin: 4,
        clusterSpan: orientation === 'vertical' ? 40 : 28,
        targetSize: 24,
        orientation,
        maxLanes: 3,
        sharedLanes: false,
        nearOwnFirst: false,
      },
      mFont: 13,
      labelH: 17,
      fullDomain: [prepared.fullDomain[0], prepared.fullDomain[1]],
      highlighted,
      warp: IDENTITY_WARP,
      words: DATA_ONLY_WORDS,
    },
    domain,
    20,
    560,
  );
}

/** What a pass means: the events whose marks are in a zone collected `tighter`, the others as usual. */
function byDefinition(trackId: string, ctx: Ctx, zones: [number, number][], tighter: number): Collected {
  const all = prepared.byTrack.get(trackId)!;
  if (zones.length === 0 || tighter === 0) return collectTrack(all, ctx, trackId);
  const inZone = (x: number) => zones.some(([a, b]) => x >= a && x <= b);
  const a = collectTrack(
    all.filter((e) => !inZone(pos(ctx, e.t))),
    ctx,
    trackId,
    true,
    0,
  );
  const b = collectTrack(
    all.filter((e) => inZone(pos(ctx, e.t))),
    ctx,
    trackId,
    true,
    tighter,
  );
  return { singles: [...a.singles, ...b.singles], clusters: [...a.clusters, ...b.clusters] };
}

/** A pass's outcome, order aside: the single events, and each cluster with its members in order. */
const outcome = (c: Collected) => ({
  singles: c.singles.map((e) => e.id).sort(),
  clusters: c.clusters.map((d) => `${d.id} ${d.t} ${d.binMs}: ${d.members.map((e) => e.id).join(' ')}`).sort(),
});

describe('trackCollector (a layout pass after pass, where marks crowd)', () => {
  it('collects each pass as the definition does, from the first pass kept', () => {
    const random = seeded(3);
    const [lo, hi] = prepared.fullDomain;
    let zoned = 0;
    for (let trial = 0; trial < 40; trial++) {
      const width = (hi - lo) / 2 ** Math.floor(random() * 6);
      const start = lo + random() * (hi - lo - width);
      const ctx = ctxFor([start, start + width], trial % 2 ? 'vertical' : 'horizontal');
      for (const track of DENSE_TRACKS) {
        const collect = trackCollector(prepared.byTrack.get(track.id)!, ctx, track.id);
        const zones: [number, number][] = [];
        for (let tighter = 0; tighter <= 4; tighter++) {
          const got = collect(zones, tighter);
          expect(outcome(got), `trial ${trial}, ${track.id}, pass ${tighter}`).toEqual(
            outcome(byDefinition(track.id, ctx, zones, tighter)),
          );
          if (tighter > 0 && got.clusters.some((c) => c.id.startsWith(`cluster-${track.id}-${tighter}-`))) zoned++;
          // Zones as a layout adds them: around a few crowded points, overlapping at times.
          for (let z = 0; z < 3; z++) {
            const x = 20 + random() * 560;
            zones.push([x - 48, x + 48]);
          }
        }
      }
    }
    // The tighter collection did happen in zones (the comparison is not only of the first pass's bins).
    expect(zoned).toBeGreaterThan(20);
  });
});
