// A stand-in for d3-selection in the browser bundle (aliased in astro.config.mjs). d3-zoom, and the
// d3-drag helpers it imports, select one node at a time and use no more of a selection than listeners
// (`on`), `property`, `style`, `filter`, `each`, `call`, `datum`, `node` and `interrupt`, and `pointer`. The real
// module ships its whole Selection prototype (data joins, enter and exit, classed, sort …) in the chunk
// every page with a chart loads up front: about 4 KB of gzipped JavaScript. Each method here keeps
// d3-selection's semantics for one node (the same listener bookkeeping on `node.__on`, the same
// arguments: event and datum for a listener; datum, index and group for a callback).

type Value = unknown;
type Callback = (this: Target, d: Value, i: number, group: Target[]) => Value;
type Listener = (this: Target, event: Event, d: Value) => void;
interface On {
  type: string;
  name: string;
  value: Listener;
  listener: EventListener;
  options?: boolean | AddEventListenerOptions;
}
type Target = EventTarget & { __on?: On[]; __data__?: Value; [key: string]: unknown };

/** "wheel.zoom touchend.zoom" → its types and names. */
function parseTypenames(typenames: string): { type: string; name: string }[] {
  return typenames
    .trim()
    .split(/^|\s+/)
    .map((t) => {
      const i = t.indexOf('.');
      return i >= 0 ? { type: t.slice(0, i), name: t.slice(i + 1) } : { type: t, name: '' };
    });
}

export class Selection {
  constructor(private readonly target: Target | null) {}

  node(): Target | null {
    return this.target;
  }

  each(callback: Callback): this {
    const t = this.target;
    if (t) callback.call(t, t.__data__, 0, [t]);
    return this;
  }

  /** This selection where `match` says yes of the node (a selector it matches, or a callback), else an empty one. */
  filter(match: string | Callback): Selection {
    const t = this.target;
    if (!t) return this;
    const yes =
      typeof match === 'string' ? (t as unknown as Element).matches(match) : !!match.call(t, t.__data__, 0, [t]);
    return yes ? this : new Selection(null);
  }

  call(callback: (selection: this, ...rest: unknown[]) => unknown, ...rest: unknown[]): this {
    callback(this, ...rest);
    return this;
  }

  property(name: string): Value;
  property(name: string, value: Value): this;
  property(name: string, value?: Value): Value | this {
    if (arguments.length < 2) return this.target?.[name];
    return this.each(function (d, i, group) {
      const v = typeof value === 'function' ? (value as Callback).call(this, d, i, group) : value;
      if (v == null) delete this[name];
      else this[name] = v;
    });
  }

  datum(): Value;
  datum(value: Value): this;
  datum(value?: Value): Value | this {
    return arguments.length ? this.property('__data__', value) : this.target?.__data__;
  }

  style(name: string, value: string | null, priority?: string): this {
    return this.each(function () {
      const style = (this as unknown as ElementCSSInlineStyle).style;
      if (value == null) style.removeProperty(name);
      else style.setProperty(name, value, priority ?? '');
    });
  }

  /** d3-transition's interrupt: our charts start no transition (d3-transition-lite.ts). */
  interrupt(): this {
    return this;
  }

  on(typenames: string): Listener | undefined;
  on(typenames: string, value: Listener | null, options?: boolean | AddEventListenerOptions): this;
  on(
    typenames: string,
    value?: Listener | null,
    options?: boolean | AddEventListenerOptions,
  ): Listener | undefined | this {
    const parsed = parseTypenames(typenames);
    if (arguments.length < 2) {
      for (const o of this.target?.__on ?? [])
        for (const t of parsed) if (t.type === o.type && t.name === o.name) return o.value;
      return undefined;
    }
    const t = this.target;
    if (!t) return this;
    for (const typename of parsed) {
      if (value) onAdd(t, typename, value, options);
      else onRemove(t, typename);
    }
    return this;
  }
}

function onAdd(
  t: Target,
  typename: { type: string; name: string },
  value: Listener,
  options?: boolean | AddEventListenerOptions,
): void {
  const listener: EventListener = function (this: Target, event: Event) {
    value.call(this, event, this.__data__);
  };
  const on = t.__on;
  for (const o of on ?? []) {
    if (o.type === typename.type && o.name === typename.name) {
      t.removeEventListener(o.type, o.listener, o.options);
      t.addEventListener(o.type, (o.listener = listener), (o.options = options));
      o.value = value;
      return;
    }
  }
  t.addEventListener(typename.type, listener, options);
  const o: On = { type: typename.type, name: typename.name, value, listener, options };
  if (on) on.push(o);
  else t.__on = [o];
}

/** Removes the listeners of `typename`: of every type when it has none (".zoom"). */
function onRemove(t: Target, typename: { type: string; name: string }): void {
  const on = t.__on;
  if (!on) return;
  const kept = on.filter((o) => {
    const match = (!typename.type || o.type === typename.type) && o.name === typename.name;
    if (match) t.removeEventListener(o.type, o.listener, o.options);
    return !match;
  });
  if (kept.length) t.__on = kept;
  else delete t.__on;
}

/** A selection of the node, or of the first element the selector matches. */
export function select(selector: string | EventTarget | null): Selection {
  return new Selection((typeof selector === 'string' ? document.querySelector(selector) : selector) as Target | null);
}

/** The selection of the document's root: its prototype is every selection's (d3-transition-lite adds to it). */
export function selection(): Selection {
  return new Selection(document.documentElement as unknown as Target);
}
selection.prototype = Selection.prototype;

/** An event's position in `node`'s coordinates (its user space for SVG), as d3-selection's pointer gives it. */
export function pointer(event: Event & { sourceEvent?: Event }, node?: Element | null): [number, number] {
  let e = event as Event & { sourceEvent?: Event };
  while (e.sourceEvent) e = e.sourceEvent as typeof e;
  const p = e as unknown as MouseEvent;
  const target = node === undefined ? (p.currentTarget as Element | null) : node;
  if (target) {
    const svg = (target as SVGElement).ownerSVGElement ?? target;
    if ('createSVGPoint' in svg) {
      const m = (target as SVGGraphicsElement).getScreenCTM()!.inverse();
      const q = new DOMPoint(p.clientX, p.clientY).matrixTransform(m);
      return [q.x, q.y];
    }
    const rect = target.getBoundingClientRect();
    return [p.clientX - rect.left - target.clientLeft, p.clientY - rect.top - target.clientTop];
  }
  return [p.pageX, p.pageY];
}
