// A phone chart's column of labels (vertical-labels.ts): where a label moved down past the mark below its
// own, that mark's label may go first.
import { describe, expect, it } from 'vitest';
import { BOLD_WIDTH } from '../../src/lib/timeline/lanes';
import { labelColumn, placeEventLabels } from '../../src/lib/timeline/layout/vertical-labels';
import type { Item } from '../../src/lib/timeline/layout/context';
import type { VerticalFrame } from '../../src/lib/timeline/layout/vertical-frame';
import type { Box } from '../../src/lib/timeline/layout/types';

const LABEL_H = 17;
const LABELS_X = 144;
const frame = {
  ctx: { viewL: -Infinity, viewR: Infinity },
  labelH: LABEL_H,
  labelsX: LABELS_X,
  labelsW: 200,
} as unknown as VerticalFrame;

/** A mark `x` px down the page, centred `cx` px across: a "+N" cluster (priority 1.5) or an event. */
function item(x: number, cx: number, text: string, kind: 'cluster' | 'event', priority = 3, alt?: string): Item {
  return {
    x,
    cx,
    r: kind === 'cluster' ? 9 : priority === 1 ? 8 : 4.5,
    text,
    alt,
    font: 12,
    priority: kind === 'cluster' ? 1.5 : priority,
    track: { id: 't', label: 'T', order: 0, shape: 'triangle' },
    ...(kind === 'cluster' ? { cluster: {} } : { ev: {} }),
    box: null,
  } as unknown as Item;
}

/** The column of the phone chart's spring 2019 (the story's data, 390 px): two clusters on the axis line, a triangle beside the second. */
function spring(triangleX: number): Item[] {
  const items = [
    item(255.35, 98, '+4 US asylum policy (January–May 2019)', 'cluster'),
    item(284.87, 98, '+4 Border data (Feb–May)', 'cluster'),
    item(290.87, triangleX, 'Border closure threat', 'event'),
    item(332, 98, '+6 Personnel (Apr–May)', 'cluster'),
  ];
  items.forEach((it, rank) => (it.rank = rank));
  placeEventLabels(items, labelColumn(0, 1000, LABEL_H), frame);
  return items;
}

/** The leader the chart draws from a mark to its label's first row (verticalMarks), or null on its row. */
function leader(it: Item) {
  const rowY = it.box!.y + LABEL_H / 2;
  return Math.abs(rowY - it.x) > 1 ? { x1: it.cx + it.r + 2, y1: it.x, x2: LABELS_X - 3, y2: rowY } : null;
}

function cross(a: NonNullable<ReturnType<typeof leader>>, b: NonNullable<ReturnType<typeof leader>>): boolean {
  const side = (p: { x: number; y: number }, q: { x: number; y: number }, r: { x: number; y: number }) =>
    Math.sign((q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x));
  const [a1, a2, b1, b2] = [
    { x: a.x1, y: a.y1 },
    { x: a.x2, y: a.y2 },
    { x: b.x1, y: b.y1 },
    { x: b.x2, y: b.y2 },
  ];
  return side(a1, a2, b1) !== side(a1, a2, b2) && side(b1, b2, a1) !== side(b1, b2, a2);
}

const overlap = (a: Box, b: Box) => a.y < b.y + b.h && b.y < a.y + a.h;

describe('placeEventLabels', () => {
  it('labels a mark beside a cluster whose label had to move down past it: before that label, the leaders not crossing', () => {
    const [asylum, border, triangle, personnel] = spring(126);
    for (const it of [asylum, border, triangle, personnel]) expect(it.box, it.text).not.toBeNull();
    // The cluster's label went below the triangle (its leader passes under it); the triangle's sits by its mark.
    expect(border.box!.y).toBeGreaterThan(triangle.x);
    expect(Math.abs(triangle.box!.y + LABEL_H / 2 - triangle.x)).toBeLessThanOrEqual(LABEL_H);
    expect(triangle.box!.y + triangle.box!.h).toBeLessThanOrEqual(border.box!.y);
    expect(triangle.label).toBe('Border closure threat');
    const boxes = [asylum, border, triangle, personnel].map((it) => it.box!);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `${i} ${j}`).toBe(false);
    const [a, b] = [leader(border), leader(triangle)];
    expect(a).not.toBeNull();
    if (b) expect(cross(a!, b)).toBe(false);
  });

  it('makes a little room for an event’s label by moving the labels below it down, each within reach of its mark', () => {
    // The phone chart's September 2019 (the story's data, 390 px): a star beside the axis line between two clusters' labels.
    const items = [
      item(1809.9, 98, '+3 Personnel (Aug–Oct)', 'cluster'),
      item(1829.87, 126, 'Ebrard meets Pence', 'event'),
      item(1852.07, 98, '+2 Agreements (20–25 September 2019)', 'cluster'),
      item(1871.96, 126, '+5 US asylum policy (August–November 2019)', 'cluster'),
      item(1888.55, 98, '+6 Border data (Aug–Dec)', 'cluster'),
    ];
    items.forEach((it, rank) => (it.rank = rank));
    placeEventLabels(items, labelColumn(0, 2000, LABEL_H), frame);
    for (const it of items) expect(it.box, it.text).not.toBeNull();
    expect(items[1].label).toBe('Ebrard meets Pence');
    const boxes = items.map((it) => it.box!);
    for (let i = 1; i < boxes.length; i++) {
      // In the marks' order, V_GAP (6 px) apart, each within five rows of its mark.
      expect(boxes[i].y, items[i].text).toBeGreaterThanOrEqual(boxes[i - 1].y + boxes[i - 1].h + 6 - 0.01);
    }
    for (const it of items) expect(Math.abs(it.box!.y + LABEL_H / 2 - it.x), it.text).toBeLessThanOrEqual(5 * LABEL_H);
    for (let i = 0; i < items.length; i++)
      for (let j = i + 1; j < items.length; j++) {
        const [a, b] = [leader(items[i]), leader(items[j])];
        if (a && b) expect(cross(a, b), `${items[i].text} × ${items[j].text}`).toBe(false);
      }
  });

  it('puts a cluster’s label of two rows on one, without its span, where that makes room for an event’s label', () => {
    // The Spanish phone chart's spring 2019 (the story's data, 390 px): the law's diamond between the
    // "+6" cluster's label and the tariff threat's, whose leader may not pass over the threat's triangle.
    const items = [
      item(251.6, 98, '+4 Asilo en EE. UU. (ene–may)', 'cluster'),
      item(280.67, 98, '+4 Cifras fronterizas (feb–may)', 'cluster', 3, '+4 Cifras fronterizas'),
      item(286.57, 126, 'Amenaza de cierre fronterizo', 'event'),
      item(327.07, 98, '+6 Funcionarios (abr–may)', 'cluster'),
      item(389.73, 98, 'Publican ley de la Guardia', 'event'),
      item(394.97, 126, 'Amenaza arancelaria', 'event', 1),
    ];
    // As the narrow variant measures them (13 px × 1.15), bold ones (clusters', the threat's) wider, in its 208 px column.
    const font = 13 * 1.15;
    for (const it of items) it.font = it.cluster || it.priority === 1 ? font * BOLD_WIDTH : font;
    items.forEach((it, rank) => (it.rank = rank));
    placeEventLabels(items, labelColumn(0, 1000, LABEL_H), { ...frame, labelsW: 208 });
    for (const it of items) expect(it.box, it.text).not.toBeNull();
    expect(items[4].label).toBe('Publican ley de la Guardia');
    expect(items[1].lines).toEqual(['+4 Cifras fronterizas']);
    // The threat's label stays on its row; the column keeps its order, V_GAP apart, each within reach.
    expect(items[5].box!.y + LABEL_H / 2).toBeCloseTo(items[5].x, 0);
    const boxes = items.map((it) => it.box!).sort((p, q) => p.y - q.y);
    for (let i = 1; i < boxes.length; i++)
      expect(boxes[i].y).toBeGreaterThanOrEqual(boxes[i - 1].y + boxes[i - 1].h + 6 - 0.01);
    for (const it of items) expect(Math.abs(it.box!.y + LABEL_H / 2 - it.x), it.text).toBeLessThanOrEqual(5 * LABEL_H);
  });
});
