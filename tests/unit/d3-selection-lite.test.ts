// The browser bundle's stand-in for d3-selection (src/lib/vendor/d3-selection-lite.ts) does for one node
// what d3-selection does, for every call d3-zoom and d3-drag's nodrag make: the same scenario runs on
// both, on plain EventTargets, and must leave the same trace.
import { describe, expect, it } from 'vitest';
import * as real from 'd3-selection';
import * as lite from '../../src/lib/vendor/d3-selection-lite';

type Api = { select: (node: EventTarget) => any };

/** What d3-zoom does with a selection, as a log of what the listeners and callbacks saw. */
function scenario(api: Api): string[] {
  const log: string[] = [];
  const node = new EventTarget() as EventTarget & Record<string, unknown>;
  node.id = 'n';
  const sel = api.select(node);
  const say = (what: string) =>
    function (this: { id: string }, event: Event, d: unknown) {
      log.push(`${what}: ${event.type} on ${this.id}, datum ${String(d)}`);
    };
  // zoom(selection): a property from a function (datum, index, group), listeners with names and options.
  sel.property('__zoom', function (this: { id: string }, d: unknown, i: number, group: unknown[]) {
    log.push(`property callback on ${this.id}: ${String(d)} ${i} ${group.length}`);
    return 'identity';
  });
  // As zoom(selection) chains them: the touch listeners go on the nodes the filter keeps.
  sel
    .on('wheel.zoom', say('wheeled'), { passive: false })
    .on('mousedown.zoom', say('mousedowned'))
    .filter(function (this: { id: string }, d: unknown, i: number) {
      log.push(`filter on ${this.id}: ${String(d)} ${i}`);
      return true;
    })
    .on('touchend.zoom touchcancel.zoom', say('touchended'));
  const none = sel.filter(() => false);
  log.push(`filtered out: ${none.node() === null}, and it chains: ${none.on('click.zoom', say('never')) === none}`);
  log.push(`__zoom ${String(node.__zoom)}`);
  sel.datum('d1');
  log.push(`datum ${String(sel.datum())}`);
  for (const type of ['wheel', 'mousedown', 'touchend', 'touchcancel']) node.dispatchEvent(new Event(type));
  // A listener replaced under its name; the getter gives the one set.
  const second = say('wheeled again');
  sel.on('wheel.zoom', second);
  log.push(`getter is the second: ${sel.on('wheel.zoom') === second}`);
  log.push(`getter of a name not set: ${String(sel.on('click.zoom'))}`);
  node.dispatchEvent(new Event('wheel'));
  // Removed by type and name, then every type of a name (".zoom").
  sel.on('touchend.zoom', null);
  node.dispatchEvent(new Event('touchend'));
  node.dispatchEvent(new Event('touchcancel'));
  sel.on('.zoom', null);
  for (const type of ['wheel', 'mousedown', 'touchcancel']) node.dispatchEvent(new Event(type));
  log.push(`__on left: ${JSON.stringify(node.__on)}`);
  // each and call, as zoom.transform uses them; a property set to null is deleted.
  sel.each(function (this: { id: string }, d: unknown, i: number) {
    log.push(`each on ${this.id}: ${String(d)} ${i}`);
  });
  sel.call((s: unknown, a: number, b: number) => log.push(`call: same selection ${s === sel}, ${a} ${b}`), 1, 2);
  sel.property('__zoom', null);
  log.push(`__zoom deleted: ${!('__zoom' in node)}`);
  log.push(`node: ${sel.node() === node}`);
  return log;
}

describe('d3-selection-lite', () => {
  it("leaves d3-selection's trace for what d3-zoom does with a selection", () => {
    const log = scenario(lite);
    expect(log).toEqual(scenario(real as unknown as Api));
    // The scenario did something: listeners fired, and stopped firing once removed.
    expect(log.filter((l) => l.startsWith('wheeled'))).toEqual([
      'wheeled: wheel on n, datum d1',
      'wheeled again: wheel on n, datum d1',
    ]);
    expect(log.filter((l) => l.startsWith('touchended'))).toEqual([
      'touchended: touchend on n, datum d1',
      'touchended: touchcancel on n, datum d1',
      'touchended: touchcancel on n, datum d1',
    ]);
  });

  it('gives a selection the methods d3-zoom calls, and its prototype to d3-transition-lite', () => {
    for (const name of ['on', 'property', 'style', 'filter', 'each', 'call', 'datum', 'node', 'interrupt'])
      expect(typeof (lite.Selection.prototype as unknown as Record<string, unknown>)[name], name).toBe('function');
    expect(lite.selection.prototype).toBe(lite.Selection.prototype);
  });
});
