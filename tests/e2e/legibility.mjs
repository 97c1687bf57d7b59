// The legibility checks of issue 10, measured in the browser on every displayed timeline of a page.
// Plain JavaScript with JSDoc types so that both the browser tests (tests/e2e/legibility.test.ts)
// and the benchmark (scripts/lib/bench-browser.mjs) import the same code.
//
// `checkLegibility` is passed to page.evaluate: it must stay self-contained (no imports, no
// references to anything outside its own body), since Playwright sends only its source text.

/**
 * @typedef {{ id: string, text: string }} Item  A mark or cluster: its data-id and its label (or accessible name).
 * @typedef {{ chart: string, variant: string, ready: boolean, signature: string,
 *   marks: number, clusters: number, labels: number, labelRows: number, clusterLabels: number,
 *   cut: (Item & { why: string, ellipsis: boolean, clipped: boolean })[],
 *   overlaps: { a: Item, b: Item, x: number, y: number }[],
 *   labelOnMark: { label: Item, mark: Item, x: number, y: number }[],
 *   covered: (Item & { by: string })[],
 *   undersized: { target: string, w: number, h: number, conflict: string }[],
 *   tooWide: string[] }} ChartLegibility
 * @typedef {{ url: string, viewport: { width: number, height: number },
 *   horizontalScroll: { scrollWidth: number, clientWidth: number } | null,
 *   charts: ChartLegibility[] }} PageLegibility
 */

/**
 * Measures every displayed timeline (`<timeline-chart>`, its displayed `svg.tl` variant) of the page.
 * Geometry is CSS pixels of the page as laid out now (getBoundingClientRect, elementFromPoint).
 * It scrolls to hit-test marks that are off screen and restores the scroll position before it returns.
 *
 * - cut: labels shortened with "…" or "...", labels drawn past the chart's clip rectangle (the plot)
 *   and labels past the left or right edge of the page's viewport;
 * - overlaps: pairs of labels (`.tl-label` rows and `.tl-cluster__label`) of different marks whose
 *   boxes intersect by more than 1 px in both axes;
 * - labelOnMark: labels whose box intersects another mark's or cluster's symbol by more than 1 px in both axes;
 * - covered: marks and clusters that `elementFromPoint` at the centre of their symbol does not return
 *   (the element returned belongs to another mark, or is something else);
 * - undersized: WCAG 2.2 SC 2.5.8 target size. Targets: marks (their hit area `.tl-mark__hit`, else the
 *   symbol), clusters (their symbol) and the chart's displayed buttons (zoom, filters, details). A target
 *   passes when its box is at least 24 × 24 CSS px, or when a 24 px circle on its box's centre intersects
 *   no other target (its box or its label boxes, which are part of the link) and no other undersized
 *   target's circle;
 * - tooWide: the chart's SVG wider than, or sticking out of, its `<timeline-chart>`, or that wider than
 *   its parent; horizontalScroll: the page scrolls sideways (scrollWidth > clientWidth).
 *
 * @param {{ frames?: number, charts?: string }} [options] frames: animation frames to wait for first (a
 *   re-render); charts: a selector for the `<timeline-chart>` elements to measure (default all of them).
 * @returns {Promise<PageLegibility>}
 */
export async function checkLegibility(options = {}) {
  const TOL = 1; // px of overlap allowed
  const MIN = 24; // WCAG 2.5.8 minimum target size, CSS px
  const frames = options.frames ?? 0;
  for (let i = 0; i < frames; i++) await new Promise((r) => requestAnimationFrame(r));
  if (document.fonts) await document.fonts.ready;

  const doc = document.documentElement;
  const vw = doc.clientWidth;
  const vh = doc.clientHeight;
  const startX = scrollX;
  const startY = scrollY;
  const round = (/** @type {number} */ v) => Math.round(v * 10) / 10;

  /** @typedef {{ l: number, t: number, r: number, b: number }} Box  page coordinates (scroll-independent) */
  /** @returns {Box} */
  const boxOf = (/** @type {Element} */ el) => {
    const r = el.getBoundingClientRect();
    return { l: r.left + scrollX, t: r.top + scrollY, r: r.right + scrollX, b: r.bottom + scrollY };
  };
  const shown = (/** @type {Element} */ el) => {
    if (!el.getClientRects().length) return false;
    const r = el.getBoundingClientRect();
    if (r.width <= 0 && r.height <= 0) return false;
    return typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true;
  };
  const overlap = (/** @type {Box} */ a, /** @type {Box} */ b) => ({
    x: Math.min(a.r, b.r) - Math.max(a.l, b.l),
    y: Math.min(a.b, b.b) - Math.max(a.t, b.t),
  });
  const centre = (/** @type {Box} */ b) => ({ x: (b.l + b.r) / 2, y: (b.t + b.b) / 2 });
  /** Distance from a point to a box (0 inside). */
  const distance = (/** @type {{ x: number, y: number }} */ p, /** @type {Box} */ b) =>
    Math.hypot(Math.max(b.l - p.x, 0, p.x - b.r), Math.max(b.t - p.y, 0, p.y - b.b));
  const clip = (/** @type {string} */ s, n = 60) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
  const describeEl = (/** @type {Element | null} */ el) => {
    if (!el) return 'nothing (off screen)';
    const cls = typeof el.className === 'string' ? el.className : el.getAttribute('class') || '';
    return `<${el.localName}${el.id ? `#${el.id}` : ''}${cls ? `.${cls.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}>`;
  };

  /** @type {PageLegibility} */
  const result = {
    url: location.pathname + location.search,
    viewport: { width: innerWidth, height: innerHeight },
    horizontalScroll:
      doc.scrollWidth > doc.clientWidth ? { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth } : null,
    charts: [],
  };

  for (const root of document.querySelectorAll(options.charts ?? 'timeline-chart')) {
    if (!shown(root)) continue;
    for (const svg of root.querySelectorAll('svg.tl')) {
      if (!shown(svg)) continue;
      const variant =
        svg.closest('[data-variant]')?.getAttribute('data-variant') ?? svg.getAttribute('data-orientation') ?? '?';

      /** Marks then clusters, with their parts. */
      const owners = [
        ...[...svg.querySelectorAll('.tl-mark')].map((el) => ({ el, kind: 'mark' })),
        ...[...svg.querySelectorAll('.tl-cluster')].map((el) => ({ el, kind: 'cluster' })),
      ]
        .filter((o) => shown(o.el))
        .map((o) => {
          const labelEls = [...o.el.querySelectorAll(o.kind === 'mark' ? '.tl-label' : '.tl-cluster__label')].filter(
            shown,
          );
          const symbolEl = o.el.querySelector(o.kind === 'mark' ? '.tl-mark__symbol' : '.tl-cluster__symbol');
          const hitEl = o.el.querySelector('.tl-mark__hit') ?? symbolEl;
          const labelText = labelEls
            .map((l) => l.textContent ?? '')
            .join('')
            .replace(/\s+/g, ' ')
            .trim();
          const name = labelText || o.el.getAttribute('aria-label') || '';
          return {
            ...o,
            item: {
              id: `${o.kind === 'cluster' ? 'cluster ' : ''}${o.el.getAttribute('data-id') ?? '?'}`,
              text: clip(name),
            },
            labels: labelEls.map((el) => ({ el, text: (el.textContent ?? '').trim(), box: boxOf(el) })),
            symbol: symbolEl && shown(symbolEl) ? boxOf(symbolEl) : boxOf(o.el),
            hit: hitEl && shown(hitEl) ? boxOf(hitEl) : boxOf(o.el),
          };
        });
      const marks = owners.filter((o) => o.kind === 'mark');

      /** @type {ChartLegibility} */
      const c = {
        chart: root.getAttribute('data-chart') ?? '?',
        variant,
        ready: root.hasAttribute('data-ready'),
        // What the chart shows: its tick labels and its marks (to tell a zoom or pan that changed nothing).
        signature:
          [...svg.querySelectorAll('.tl-tick')].map((t) => t.textContent).join('|') +
          '#' +
          marks.map((m) => m.el.getAttribute('data-id')).join(','),
        marks: marks.length,
        clusters: owners.length - marks.length,
        labels: marks.filter((m) => m.labels.length).length,
        labelRows: marks.reduce((n, m) => n + m.labels.length, 0),
        clusterLabels: owners.filter((o) => o.kind === 'cluster' && o.labels.length).length,
        cut: [],
        overlaps: [],
        labelOnMark: [],
        covered: [],
        undersized: [],
        tooWide: [],
      };

      // ── Cut labels: an ellipsis, the clip rectangle of the group they are drawn in (the plot), the viewport's sides ──
      const ctm = /** @type {SVGSVGElement} */ (svg).getScreenCTM();
      /** The page box of the rectangle of a clip-path="url(#id)" (null: none, or not a single rectangle). */
      const clipBoxOf = (/** @type {Element | null} */ el) => {
        const id = /url\(["']?#([^"')]+)["']?\)/.exec(el?.getAttribute('clip-path') ?? '')?.[1];
        const rects = id ? svg.querySelectorAll(`[id="${CSS.escape(id)}"] > *`) : [];
        const rect = rects.length === 1 && rects[0].localName === 'rect' ? rects[0] : null;
        if (!rect || !ctm) return null;
        const x = Number(rect.getAttribute('x'));
        const y = Number(rect.getAttribute('y'));
        const w = Number(rect.getAttribute('width'));
        const h = Number(rect.getAttribute('height'));
        const pts = [
          [x, y],
          [x + w, y + h],
        ].map(([px, py]) => ({
          x: ctm.a * px + ctm.c * py + ctm.e + scrollX,
          y: ctm.b * px + ctm.d * py + ctm.f + scrollY,
        }));
        return {
          l: Math.min(pts[0].x, pts[1].x),
          t: Math.min(pts[0].y, pts[1].y),
          r: Math.max(pts[0].x, pts[1].x),
          b: Math.max(pts[0].y, pts[1].y),
        };
      };
      for (const o of owners) {
        const clipBox = clipBoxOf(o.el.closest('[clip-path]'));
        for (const l of o.labels) {
          /** @type {string[]} */
          const why = [];
          if (/(…|\.\.\.)$/.test(l.text)) why.push('ends with an ellipsis');
          if (
            clipBox &&
            (l.box.l < clipBox.l - TOL ||
              l.box.r > clipBox.r + TOL ||
              l.box.t < clipBox.t - TOL ||
              l.box.b > clipBox.b + TOL)
          )
            why.push(
              `runs ${round(Math.max(clipBox.l - l.box.l, l.box.r - clipBox.r, clipBox.t - l.box.t, l.box.b - clipBox.b))} px past the plot's clip`,
            );
          if (l.box.l - scrollX < -TOL || l.box.r - scrollX > vw + TOL) why.push('runs past the side of the viewport');
          if (why.length)
            c.cut.push({
              ...o.item,
              text: clip(l.text),
              why: why.join('; '),
              ellipsis: /ellipsis/.test(why[0]),
              clipped: why.length > (/ellipsis/.test(why[0]) ? 1 : 0),
            });
        }
      }

      // ── Overlapping labels, and labels over other marks' symbols ──
      const labels = owners.flatMap((o, i) => o.labels.map((l) => ({ ...l, owner: i })));
      for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) {
          const a = labels[i];
          const b = labels[j];
          if (a.owner === b.owner) continue;
          const ov = overlap(a.box, b.box);
          if (ov.x > TOL && ov.y > TOL)
            c.overlaps.push({
              a: { id: owners[a.owner].item.id, text: clip(a.text, 40) },
              b: { id: owners[b.owner].item.id, text: clip(b.text, 40) },
              x: round(ov.x),
              y: round(ov.y),
            });
        }
        for (let k = 0; k < owners.length; k++) {
          if (k === labels[i].owner) continue;
          const ov = overlap(labels[i].box, owners[k].symbol);
          if (ov.x > TOL && ov.y > TOL)
            c.labelOnMark.push({
              label: { id: owners[labels[i].owner].item.id, text: clip(labels[i].text, 40) },
              mark: owners[k].item,
              x: round(ov.x),
              y: round(ov.y),
            });
        }
      }

      // ── Target size (WCAG 2.2 SC 2.5.8) ──
      const targets = [
        ...owners.map((o) => ({
          name: `${o.kind} ${o.item.id.replace(/^cluster /, '')} ("${o.item.text}")`,
          box: o.hit,
          extra: o.labels.map((l) => l.box),
        })),
        ...[...root.querySelectorAll('button')].filter(shown).map((b) => ({
          name: `button "${clip((b.getAttribute('aria-label') || b.textContent || '').replace(/\s+/g, ' ').trim(), 30)}"`,
          box: boxOf(b),
          extra: /** @type {Box[]} */ ([]),
        })),
      ].map((t) => ({ ...t, w: t.box.r - t.box.l, h: t.box.b - t.box.t, centre: centre(t.box) }));
      const small = targets.map((t) => t.w < MIN - 0.01 || t.h < MIN - 0.01);
      targets.forEach((t, i) => {
        if (!small[i]) return;
        let conflict = '';
        for (let j = 0; j < targets.length && !conflict; j++) {
          if (j === i) continue;
          const u = targets[j];
          if ([u.box, ...u.extra].some((b) => distance(t.centre, b) < MIN / 2 - 0.01))
            conflict = `its 24 px circle touches ${u.name}`;
          else if (small[j] && Math.hypot(t.centre.x - u.centre.x, t.centre.y - u.centre.y) < MIN - 0.01)
            conflict = `its 24 px circle touches the circle of ${u.name}`;
        }
        if (conflict) c.undersized.push({ target: t.name, w: round(t.w), h: round(t.h), conflict });
      });

      // ── Chart wider than its container ──
      const rootBox = root.getBoundingClientRect();
      const svgBox = svg.getBoundingClientRect();
      if (
        svgBox.width > root.clientWidth + TOL ||
        svgBox.left < rootBox.left - TOL ||
        svgBox.right > rootBox.right + TOL
      )
        c.tooWide.push(
          `svg ${round(svgBox.width)} px wide (${round(svgBox.left)}–${round(svgBox.right)}) in a chart ${round(rootBox.width)} px wide (${round(rootBox.left)}–${round(rootBox.right)})`,
        );
      if (root.scrollWidth > root.clientWidth + TOL)
        c.tooWide.push(`the chart scrolls sideways: scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`);
      const parent = root.parentElement;
      if (parent && rootBox.width > parent.clientWidth + TOL)
        c.tooWide.push(`the chart is ${round(rootBox.width)} px wide in a container ${parent.clientWidth} px wide`);

      // ── Covered marks: hit-test the centre of each symbol, scrolled into view when needed ──
      for (const o of owners) {
        const p = centre(o.symbol);
        let x = p.x - scrollX;
        let y = p.y - scrollY;
        if (y < vh * 0.2 || y > vh * 0.8 || x < 0 || x >= vw) {
          // Centre it vertically (away from any sticky header); sideways only if the page scrolls.
          window.scrollTo({ left: Math.max(0, p.x - vw / 2), top: Math.max(0, p.y - vh / 2), behavior: 'instant' });
          x = p.x - scrollX;
          y = p.y - scrollY;
        }
        const hit = x >= 0 && x < vw && y >= 0 && y < vh ? document.elementFromPoint(x, y) : null;
        const owner = hit?.closest('.tl-mark, .tl-cluster');
        if (owner === o.el) continue;
        const other = owner && owners.find((q) => q.el === owner);
        const part = hit ? (hit.getAttribute('class') || hit.localName).split(/\s+/)[0] : '';
        c.covered.push({
          ...o.item,
          by: other
            ? `${other.kind} ${other.item.id.replace(/^cluster /, '')} ("${other.item.text}"), its ${part}`
            : describeEl(hit),
        });
      }
      result.charts.push(c);
    }
  }
  window.scrollTo({ left: startX, top: startY, behavior: 'instant' });
  return result;
}

/**
 * The failures of a page's checks as one line each ("<page> <width> <state>: …"), for test messages
 * and reports. `kind` picks one kind of failure.
 * @param {PageLegibility} r
 * @param {string} state
 * @param {'cut' | 'overlaps' | 'labelOnMark' | 'covered' | 'undersized' | 'scroll'} kind
 * @returns {string[]}
 */
export function legibilityFailures(r, state, kind) {
  const at = (/** @type {ChartLegibility} */ c) => `${r.url} @${r.viewport.width}px ${state} [${c.chart}/${c.variant}]`;
  /** @type {string[]} */
  const out = [];
  if (kind === 'scroll' && r.horizontalScroll)
    out.push(
      `${r.url} @${r.viewport.width}px ${state}: the page scrolls sideways (scrollWidth ${r.horizontalScroll.scrollWidth} > clientWidth ${r.horizontalScroll.clientWidth})`,
    );
  for (const c of r.charts) {
    if (kind === 'scroll') for (const w of c.tooWide) out.push(`${at(c)}: ${w}`);
    if (kind === 'cut') for (const x of c.cut) out.push(`${at(c)}: label of ${x.id} "${x.text}" ${x.why}`);
    if (kind === 'overlaps')
      for (const x of c.overlaps)
        out.push(`${at(c)}: labels of ${x.a.id} "${x.a.text}" and ${x.b.id} "${x.b.text}" overlap by ${x.x}×${x.y} px`);
    if (kind === 'labelOnMark')
      for (const x of c.labelOnMark)
        out.push(
          `${at(c)}: label of ${x.label.id} "${x.label.text}" covers the symbol of ${x.mark.id} (${x.x}×${x.y} px)`,
        );
    if (kind === 'covered')
      for (const x of c.covered) out.push(`${at(c)}: ${x.id} "${x.text}" is covered at its centre by ${x.by}`);
    if (kind === 'undersized')
      for (const x of c.undersized) out.push(`${at(c)}: ${x.target} is ${x.w}×${x.h} px and ${x.conflict}`);
  }
  return out;
}

/**
 * Totals of one page's checks, for reports (the benchmark, the test's summary).
 * @param {PageLegibility} r
 */
export function legibilityTotals(r) {
  const sum = (/** @type {(c: ChartLegibility) => number} */ f) => r.charts.reduce((n, c) => n + f(c), 0);
  return {
    charts: r.charts.length,
    marks: sum((c) => c.marks),
    clusters: sum((c) => c.clusters),
    labels: sum((c) => c.labels),
    cut: sum((c) => c.cut.length),
    ellipsis: sum((c) => c.cut.filter((x) => x.ellipsis).length),
    clipped: sum((c) => c.cut.filter((x) => x.clipped).length),
    overlaps: sum((c) => c.overlaps.length),
    labelOnMark: sum((c) => c.labelOnMark.length),
    covered: sum((c) => c.covered.length),
    undersized: sum((c) => c.undersized.length),
    horizontalScroll: Boolean(r.horizontalScroll) || r.charts.some((c) => c.tooWide.length > 0),
  };
}
