// Horizontal: a highlighted item (an event page's own event) keeps its label in its track.
// It is placed first (priority 0), but every mark placed after it must still go somewhere: in a
// height-capped track with no free lane left, a mark goes under its label, which then hides (a chart
// never cuts a label nor draws one over a mark). Where that happens, the label tries the other side of
// its mark; failing that, the items whose marks sit under it join it in a cluster named after it
// ("<its label> +N"), drawn at its own date, until its label is clear.
import { compareText, TOUCH } from './constants';
import type { Ctx, Item } from './context';
import { clusterItem } from './items';
import type { PEvent } from './prepare';
import { placeRow, wholeLabelAt } from './rows';

/** A highlighted item in view whose label is hidden. */
const unlabelled = (items: readonly Item[], ctx: Ctx) =>
  items.find((it) => it.priority === 0 && it.label === null && it.x >= ctx.viewL && it.x <= ctx.viewR);

/**
 * The track's items (as placeTrack placed them in `lanes`) with every highlighted label in view shown
 * where that can be done without putting more marks on other marks than the placement had to (`crowded`).
 */
export function keepHighlightedLabels(
  placed: Item[],
  lanes: number,
  crowded: number,
  ctx: Ctx,
  along: (t: number) => number,
): Item[] {
  let items = placed;
  // Each round ends with a label shown on the other side, or takes items into a cluster: a few rounds at most.
  for (let h = unlabelled(items, ctx), rounds = 0; h && rounds <= placed.length; h = unlabelled(items, ctx), rounds++) {
    h.flip = true;
    if (place(items, lanes, ctx) <= crowded && h.label !== null) continue;
    h.flip = false;
    place(items, lanes, ctx);
    const under = marksUnder(items, h, ctx);
    const taken = new Set([h, ...under]);
    const next =
      under.length > 0 ? [...items.filter((it) => !taken.has(it)), namedCluster(h, under, ctx, along)] : null;
    if (!next || place(next, lanes, ctx) > crowded) {
      // As placed before this round: the label stays hidden.
      place(items, lanes, ctx);
      break;
    }
    items = next;
  }
  return items;
}

/** placeRow in place mode; the number of marks it had to put on other marks. */
function place(items: Item[], lanes: number, ctx: Ctx): number {
  const overflow: number[] = [];
  placeRow(items, lanes, ctx, 'place', overflow);
  return overflow.length;
}

/** The items in the lane of `h` whose symbols are under (or touch) the place of its whole label. */
function marksUnder(items: readonly Item[], h: Item, ctx: Ctx): Item[] {
  const at = wholeLabelAt(h, ctx);
  if (!at) return [];
  const b1 = at.b0 + h.textW;
  return items.filter(
    (it) =>
      it !== h && it.track === h.track && it.lane === h.lane && it.x - it.r < b1 + TOUCH && it.x + it.r + TOUCH > at.b0,
  );
}

/** A cluster of `h` and the items `under` its label, named after the highlighted event it holds, at that event's date. */
function namedCluster(h: Item, under: readonly Item[], ctx: Ctx, along: (t: number) => number): Item {
  const lead = (h.lead ?? h.ev)!;
  const members: PEvent[] = [];
  for (const it of [h, ...under]) members.push(...(it.cluster ? it.cluster.members : [it.ev!]));
  // In time order, as the track's clusters list them.
  members.sort((a, b) => a.t - b.t || compareText(a.id, b.id));
  const track = h.track;
  const id = h.cluster?.id ?? `cluster-${track.id}-${lead.id}`;
  return clusterItem({ id, trackId: track.id, members, t: lead.t, binMs: h.cluster?.binMs ?? 0 }, track, ctx, along);
}
