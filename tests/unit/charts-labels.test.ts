import { describe, expect, it } from 'vitest';
import { dodge, placeFlags } from '../../src/lib/charts/labels';

describe('placeFlags', () => {
  const flags = [
    { x: 100, width: 120 },
    { x: 110, width: 80 },
    { x: 110, width: 90 },
    { x: 300, width: 60 },
    { x: 390, width: 100 },
  ];
  const placed = placeFlags(flags, { right: 400 });

  it('puts no two labels of one lane on top of each other', () => {
    for (let i = 0; i < placed.length; i++)
      for (let j = i + 1; j < placed.length; j++) {
        if (placed[i].lane !== placed[j].lane) continue;
        expect(placed[i].x1 <= placed[j].x0 || placed[j].x1 <= placed[i].x0).toBe(true);
      }
  });

  it('lets no rule run through another label on its way up to its own', () => {
    placed.forEach((p, i) => {
      placed.forEach((q, j) => {
        if (i === j || q.lane >= p.lane) return;
        const x = flags[i].x;
        expect(x < q.x0 || x > q.x1).toBe(true);
      });
    });
  });

  it('turns a label that would pass the right edge to end at its rule', () => {
    expect(placed[4].anchor).toBe('end');
    expect(placed[4].x1).toBeLessThanOrEqual(400);
    expect(placed[0].anchor).toBe('start');
  });

  it('stacks flags at one x so that they read top-down in input order', () => {
    expect(placed[1].lane).toBeGreaterThan(placed[2].lane);
  });
});

describe('placeFlags on many random flags', () => {
  // A small seeded generator: the test is the same on every run.
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;

  it('never overlaps labels, and with room on the right no rule crosses a label', () => {
    for (let run = 0; run < 50; run++) {
      const flags = Array.from({ length: 12 }, () => ({
        x: Math.round(random() * 500),
        width: 20 + Math.round(random() * 150),
      }));
      const placed = placeFlags(flags, { right: 2000 });
      placed.forEach((p, i) =>
        placed.forEach((q, j) => {
          if (i >= j) return;
          if (p.lane === q.lane) expect(p.x1 <= q.x0 || q.x1 <= p.x0).toBe(true);
          if (q.lane < p.lane) expect(flags[i].x < q.x0 || flags[i].x > q.x1).toBe(true);
          if (p.lane < q.lane) expect(flags[j].x < p.x0 || flags[j].x > p.x1).toBe(true);
        }),
      );
    }
  });
});

describe('dodge', () => {
  it('leaves labels that do not collide where they want to be', () => {
    expect(
      dodge(
        [
          { want: 0, size: 10 },
          { want: 20, size: 10 },
        ],
        { gap: 2 },
      ),
    ).toEqual([0, 20]);
  });

  it('spreads colliding labels evenly around where they want to be, never overlapping', () => {
    const tops = dodge(
      [
        { want: 100, size: 10 },
        { want: 100, size: 10 },
        { want: 100, size: 10 },
      ],
      { gap: 2 },
    );
    expect(tops).toEqual([88, 100, 112]);
  });

  it('does not go above the minimum, and merges a cluster pushed into the next one', () => {
    const tops = dodge(
      [
        { want: 0, size: 10 },
        { want: 0, size: 10 },
        { want: 15, size: 10 },
      ],
      { min: 0, gap: 0 },
    );
    expect(tops).toEqual([0, 10, 20]);
    for (let i = 1; i < tops.length; i++) expect(tops[i]).toBeGreaterThanOrEqual(tops[i - 1] + 10);
  });
});
