// Legibility of the timelines (issue 10), measured in Chromium on the built site by
// tests/e2e/legibility.mjs: no label cut ("…", or past the plot's clip or the viewport's side), no
// two labels overlapping, no label over another mark, every mark and cluster reachable at the centre
// of its symbol (elementFromPoint), every target at least 24 × 24 CSS px or spaced as WCAG 2.2
// SC 2.5.8 asks, and no sideways scroll.
//
// Pages, chosen by rule so that the file stays well under a minute (page loads are most of its time):
// the home page, every embed page with a timeline, and event pages of dist/events/ in name order —
// with JavaScript the first, the last and every 20th; without JavaScript the first, the last and
// every 10th; and in each other language (/es/…) the home page, the embeds and the first and last
// event pages. LEGIBILITY_ALL=1 adds every 10th to the first and the pages of all importance-1 events
// to both (about twice the time). Widths 390 × 844, 640 × 960 (an article column: the column variant),
// 768 × 1024 and 1280 × 800, one browser context each (they run at once). With JavaScript, once every chart is interactive: at full view, after
// two steps of the chart's "+" button, and after a mouse drag (a pan) of a third of the chart (each
// state after two animation frames; the test fails if a zoom or pan leaves the view unchanged).
// Without JavaScript: the build-time SVG at full view; each page is loaded once and measured at the
// four widths in turn (without scripts nothing but CSS depends on the width).
// Dark mode changes colours, not geometry: pages take turns in light and dark (each is loaded in its
// scheme), and the home page is measured at full view in both at every width (the other scheme switched
// in place after its load).
// A touch test taps every mark of the home page's main chart on a phone and checks that the event
// that opens (the URL's ?event=, or the mark the client marks as selected) is that mark's own.
//
// LEGIBILITY_FIGURES=1 prints the figures of every page, width and state at the end.
import { afterAll, describe, expect, it, type ExpectStatic } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { DIST, serveWithBrowser } from './browser';
import { checkLegibility, legibilityFailures, legibilityTotals, type PageLegibility } from './legibility.mjs';
import type { TimelineData } from '../../src/lib/timeline/schema';
import { siteLanguages } from '../../src/data/timeline';

const data: TimelineData = JSON.parse(readFileSync(`${DIST}/data/timeline.json`, 'utf8'));
const hasTimeline = (file: string) => readFileSync(file, 'utf8').includes('<timeline-chart');
const folders = (dir: string) =>
  readdirSync(`${DIST}/${dir}`, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();

// Event pages: first, last, every nth in name order (and importance-1 events with LEGIBILITY_ALL=1).
const ALL = Boolean(process.env.LEGIBILITY_ALL);
const eventFolders = folders('events');
const everyNth = (n: number) => eventFolders.filter((_, i) => i % n === 0 || i === eventFolders.length - 1);
const important = ALL ? data.events.filter((e) => e.importance === 1).map((e) => e.id) : [];
const eventPages = (ids: string[]) =>
  [...new Set([...ids, ...important])].filter((id) => eventFolders.includes(id)).map((id) => `events/${id}/`);
const embedPages = folders('embed')
  .filter((id) => hasTimeline(`${DIST}/embed/${id}/index.html`))
  .map((id) => `embed/${id}/`);
const withTimeline = (pages: string[]) => pages.filter((p) => hasTimeline(`${DIST}/${p}index.html`));
/** Pages checked with JavaScript at full view, zoomed and panned. */
// The same pages in the site's other languages (/es/…), whose labels run longer: the home page, the
// embeds with a timeline, and the first and last event pages.
const languages = siteLanguages();
const translated = languages.published
  .filter((l) => l !== languages.default)
  .flatMap((lang) => ['', ...eventPages(everyNth(eventFolders.length)), ...embedPages].map((p) => `${lang}/${p}`));
const PAGES = withTimeline(['', ...eventPages(everyNth(ALL ? 10 : 20)), ...embedPages, ...translated]);
/** Pages checked without JavaScript (one load each, four widths). */
const STATIC_PAGES = withTimeline(['', ...eventPages(everyNth(10)), ...embedPages, ...translated]);

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 640, height: 960 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
];
const KINDS = [
  ['cut', 'labels cut'],
  ['overlaps', 'overlapping label pairs'],
  ['labelOnMark', 'labels covering another mark'],
  ['covered', 'covered marks'],
  ['undersized', 'undersized targets (WCAG 2.5.8)'],
  ['scroll', 'sideways scroll or charts wider than their container'],
] as const;
const CAP = 15;

const served = serveWithBrowser();
const figures: { page: string; width: number; state: string; totals: ReturnType<typeof legibilityTotals> }[] = [];

afterAll(async () => {
  if (process.env.LEGIBILITY_FIGURES) {
    const rows = figures.map(
      (f) =>
        `${(f.page || '/').padEnd(42)} ${String(f.width).padStart(4)} ${f.state.padEnd(10)} ` +
        `marks ${f.totals.marks} labels ${f.totals.labels} cut ${f.totals.cut} (… ${f.totals.ellipsis}, clipped ${f.totals.clipped}) ` +
        `overlaps ${f.totals.overlaps} on-mark ${f.totals.labelOnMark} covered ${f.totals.covered} ` +
        `undersized ${f.totals.undersized} hscroll ${f.totals.horizontalScroll ? 'YES' : 'no'}`,
    );
    console.log(`Legibility figures:\n${rows.join('\n')}`);
  }
});

/** At most CAP lines of a list, then how many more. */
function capped(lines: string[]): string {
  const shown = lines.slice(0, CAP).map((l) => `  ${l}`);
  if (lines.length > CAP) shown.push(`  … and ${lines.length - CAP} more`);
  return shown.join('\n');
}

/** Asserts (softly, one assertion per kind) that none of the results has a failure of any kind. */
function expectLegible(results: { r: PageLegibility; state: string }[], where: string, expect: ExpectStatic) {
  for (const [kind, name] of KINDS) {
    const lines = results.flatMap(({ r, state }) => legibilityFailures(r, state, kind));
    expect.soft(lines.length, `${where}: ${lines.length} ${name} (0 allowed):\n${capped(lines)}`).toBe(0);
  }
}

/** Loads a page, brings each chart into view so that it loads its interactive part, and waits for all displayed ones. */
async function visit(page: Page, path: string, scripts = true) {
  await page.goto(served.site.url + path, { waitUntil: 'load' });
  if (!scripts) return;
  await page.evaluate(async () => {
    for (const root of document.querySelectorAll('timeline-chart')) {
      root.scrollIntoView({ block: 'center' });
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    }
  });
  await page.waitForFunction(
    () =>
      [...document.querySelectorAll<HTMLElement>('timeline-chart')].every(
        (r) => r.dataset.ready !== undefined || r.getClientRects().length === 0,
      ),
    undefined,
    { timeout: 15_000 },
  );
}

/**
 * In the page: WCAG 2.2 SC 2.5.8 for the marks of the companion charts (<chart-tooltip> items) on
 * screen, by the rule legibility.mjs applies to the timelines' marks. A mark's target is the box of
 * what takes the pointer in it (its parts whose pointer-events is not none: the ring, and the drawing
 * where it takes the pointer too); one under 24 × 24 CSS px passes only if a 24 px circle on its centre
 * touches no other mark's target and no other undersized mark's circle.
 */
function companionTargets() {
  const MIN = 24;
  const marks = [...document.querySelectorAll('chart-tooltip .item[aria-label]')]
    .filter((el) => el.getClientRects().length > 0)
    .map((el) => {
      const parts = [...el.children].filter((c) => getComputedStyle(c).pointerEvents !== 'none');
      const rects = parts.map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0 || r.height > 0);
      const b = rects.reduce(
        (u, r) =>
          DOMRect.fromRect({
            x: Math.min(u.left, r.left),
            y: Math.min(u.top, r.top),
            width: Math.max(u.right, r.right) - Math.min(u.left, r.left),
            height: Math.max(u.bottom, r.bottom) - Math.min(u.top, r.top),
          }),
        rects[0] ?? el.getBoundingClientRect(),
      );
      const chart = el.closest('figure')?.id ?? '?';
      const name = `${chart}: "${(el.getAttribute('aria-label') ?? '').slice(0, 30)}"`;
      return { name, b, small: b.width < MIN - 0.01 || b.height < MIN - 0.01 };
    });
  const centre = (b: DOMRect) => ({ x: b.left + b.width / 2, y: b.top + b.height / 2 });
  const distance = (p: { x: number; y: number }, b: DOMRect) =>
    Math.hypot(Math.max(b.left - p.x, 0, p.x - b.right), Math.max(b.top - p.y, 0, p.y - b.bottom));
  const undersized: string[] = [];
  marks.forEach((m, i) => {
    if (!m.small) return;
    const c = centre(m.b);
    const other = marks.find(
      (u, j) =>
        j !== i &&
        (distance(c, u.b) < MIN / 2 - 0.01 ||
          (u.small && Math.hypot(c.x - centre(u.b).x, c.y - centre(u.b).y) < MIN - 0.01)),
    );
    if (other)
      undersized.push(`${m.name} is ${Math.round(m.b.width)}×${Math.round(m.b.height)} px, too close to ${other.name}`);
  });
  return { marks: marks.length, undersized };
}

/** The least and the greatest size of a chart's text on screen, CSS px (chartTextSizes). */
const MIN_TEXT_PX = 10;
const MAX_TEXT_PX = 17.5;

/**
 * In the page: every text of a displayed chart (a timeline or a companion chart) whose size on screen,
 * its font size times the scale its SVG is drawn at, is under `min` px or over `max` (a full-width embed
 * at 1280 drew 20-px chart text beside 12-px headings). A variant laid out at one width
 * and drawn at another scales its text with it: the 960-unit timeline at 736 px drew 13-unit labels at
 * 10 px, and the 680-unit companion charts in a 608-px column at 9.8 (their notes at 8.9).
 */
function chartTextSizes([min, max]: [number, number]) {
  const small: string[] = [];
  let texts = 0;
  for (const t of document.querySelectorAll<SVGTextElement>('timeline-chart svg text, .chart svg text')) {
    if (!t.getClientRects().length || !t.textContent?.trim()) continue;
    const m = t.getScreenCTM();
    if (!m) continue;
    texts++;
    const px = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b);
    if (px < min - 0.005 || px > max + 0.005) {
      const chart = t.closest('figure')?.id || t.closest('timeline-chart, .chart')?.className || '?';
      small.push(`${chart}: "${t.textContent.trim().slice(0, 24)}" at ${px.toFixed(1)} px`);
    }
  }
  return { texts, small };
}

/** Indexes of the <timeline-chart> elements that are displayed. */
const displayedCharts = (page: Page) =>
  page.$$eval('timeline-chart', (roots) =>
    roots.map((r, i) => (r.getClientRects().length ? i : -1)).filter((i) => i >= 0),
  );

/**
 * Two steps of each displayed chart's zoom-in button: two clicks of the mouse at its centre, brought on
 * screen, where the button is on top. (The mouse directly: a locator's checks before each click cost
 * more than the rest of the page's states.) Returns the charts where the button was not on top.
 */
async function zoomTwice(page: Page): Promise<string[]> {
  const missing: string[] = [];
  for (const i of await displayedCharts(page)) {
    for (let step = 0; step < 2; step++) {
      const at = await page.evaluate((index) => {
        const root = document.querySelectorAll('timeline-chart')[index];
        const button = root.querySelector('button[data-zoom="in"], button[aria-label="Zoom in"]');
        if (!button?.getClientRects().length) return null;
        button.scrollIntoView({ block: 'center', behavior: 'instant' });
        const b = button.getBoundingClientRect();
        const [x, y] = [b.left + b.width / 2, b.top + b.height / 2];
        return button.contains(document.elementFromPoint(x, y)) ? { x, y } : null;
      }, i);
      if (!at) {
        missing.push(`chart ${i}: its zoom-in button is not displayed or not on top`);
        break;
      }
      await page.mouse.click(at.x, at.y);
    }
  }
  return missing;
}

/**
 * Drags each displayed chart by a third of its length (at most 300 px) towards later dates, from
 * a point of the plot that is no mark, cluster or label (a drag that starts on a mark is a click).
 * Returns the charts where no such point was found.
 */
async function pan(page: Page): Promise<string[]> {
  const missing: string[] = [];
  for (const i of await displayedCharts(page)) {
    const start = await page.evaluate((index) => {
      const root = document.querySelectorAll('timeline-chart')[index];
      const svg = [...root.querySelectorAll<SVGSVGElement>('svg.tl')].find((s) => s.getClientRects().length > 0);
      if (!svg) return null;
      const vertical = svg.getAttribute('data-orientation') === 'vertical';
      const box = svg.getBoundingClientRect();
      // The middle of the chart (of its part that can be on screen) to the middle of the viewport.
      const targetY = vertical
        ? box.top + scrollY + Math.min(box.height / 2, innerHeight / 2)
        : box.top + scrollY + box.height / 2;
      window.scrollTo({ top: targetY - innerHeight / 2, behavior: 'instant' });
      const b = svg.getBoundingClientRect();
      const free = (x: number, y: number) => {
        const el = document.elementFromPoint(x, y);
        return !!el && svg.contains(el) && !el.closest('.tl-mark, .tl-cluster, text');
      };
      const len = vertical ? Math.min(b.height, innerHeight) : b.width;
      const dist = Math.min(300, len / 3);
      // Scan outwards from the middle for a free point that leaves room for the drag.
      for (let step = 0; step < 200; step++) {
        const off = (step % 2 ? -1 : 1) * Math.ceil(step / 2) * 6;
        for (const across of [0.5, 0.35, 0.65, 0.25, 0.75]) {
          const x = vertical ? b.left + b.width * across : b.left + b.width / 2 + dist / 2 + off;
          const y = vertical ? innerHeight / 2 + dist / 2 + off : b.top + b.height * across;
          if (x < 0 || y < 0 || x > innerWidth || y > innerHeight) continue;
          if (free(x, y)) return { x, y, dx: vertical ? 0 : -dist, dy: vertical ? -dist : 0 };
        }
      }
      return null;
    }, i);
    if (!start) {
      missing.push(`chart ${i}: no free point to drag from`);
      continue;
    }
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x + start.dx / 2, start.y + start.dy / 2, { steps: 1 });
    await page.mouse.move(start.x + start.dx, start.y + start.dy, { steps: 1 });
    await page.mouse.up();
  }
  return missing;
}

/**
 * `work`, or an error naming `what` once it has taken `ms`: page.evaluate and the mouse have no timeout of
 * their own, and a width's test once ran into its own 120-s timeout with no word of the page or the step.
 */
async function within<T>(what: string, work: Promise<T>, ms = 45_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Runs the checks and records the figures; `frames` animation frames first (a re-render after a zoom or pan). */
async function measure(page: Page, path: string, state: string, frames = 0) {
  const r = await page.evaluate(checkLegibility, { frames });
  figures.push({ page: path, width: r.viewport.width, state, totals: legibilityTotals(r) });
  return { r, state };
}

/** The page's colour scheme is not `scheme`: a problem (at `at`). */
async function schemeProblems(page: Page, scheme: 'light' | 'dark', at: string): Promise<string[]> {
  const dark = await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches);
  return dark === (scheme === 'dark') ? [] : [`${at}: the ${scheme} scheme did not apply`];
}

/** A page must show at least one timeline with marks; a state after a gesture must differ from the one before. */
function sanity(
  problems: string[],
  path: string,
  width: number,
  before: PageLegibility,
  after: PageLegibility | null,
  state: string,
) {
  const at = `/${path} @${width}px ${state}`;
  const current = after ?? before;
  if (!current.charts.length) problems.push(`${at}: no timeline displayed`);
  else if (current.charts.every((c) => c.marks === 0)) problems.push(`${at}: no marks drawn`);
  if (after) {
    after.charts.forEach((c, i) => {
      if (before.charts[i] && before.charts[i].signature === c.signature)
        problems.push(`${at} [${c.chart}/${c.variant}]: the view did not change (same ticks and marks as before)`);
    });
  }
}

describe('timeline legibility', () => {
  it('finds every kind of failure on a chart made to fail', async () => {
    // A minimal chart with the built classes: two marks whose labels overlap and the second's hit
    // area over the first's centre, a label drawn over a later-listed 12 px mark (d, drawn first, so
    // covered), a label with an ellipsis, a label past the clip, and a page wider than the viewport.
    // Guards against a checker that cannot fail.
    const context = await served.browser.newContext({ viewport: { width: 400, height: 600 } });
    const page = await context.newPage();
    const mark = (id: string, x: number, y: number, r: number, label: string, lx = 10) =>
      `<a class="tl-mark" data-id="${id}" href="#${id}" transform="translate(${x},${y})">` +
      `<circle class="tl-mark__hit" r="${r}"/><path class="tl-mark__symbol" d="M-4,-4h8v8h-8Z"/>` +
      (label ? `<text class="tl-label" x="${lx}" y="0" dominant-baseline="central">${label}</text>` : '') +
      `</a>`;
    await page.setContent(
      `<!doctype html><body style="margin:0;font:13px sans-serif"><div style="width:420px">` +
        `<timeline-chart data-chart="fake" data-ready style="display:block">` +
        `<svg class="tl" width="380" height="200" viewBox="0 0 380 200">` +
        `<defs><clipPath id="c"><rect x="0" y="0" width="300" height="200"/></clipPath></defs>` +
        `<g class="tl-data" clip-path="url(#c)"><g class="tl-marks">` +
        mark('a', 20, 40, 12, 'First label here') +
        mark('b', 30, 44, 12, 'Second label here') +
        mark('d', 200, 120, 6, '') +
        mark('c', 160, 120, 12, 'Label over the next mark') +
        mark('e', 20, 170, 12, 'A shortened label…') +
        mark('f', 260, 80, 12, 'Label past the clip edge') +
        `</g></g></svg></timeline-chart></div></body>`,
    );
    const r = await page.evaluate(checkLegibility, {});
    const all = (kind: (typeof KINDS)[number][0]) => legibilityFailures(r, 'test', kind).join('\n');
    expect(r.charts).toHaveLength(1);
    expect(all('overlaps')).toMatch(/labels of a "First label here" and b "Second label here" overlap/);
    expect(all('labelOnMark')).toMatch(/label of c "Label over the next mark" covers the symbol of d/);
    expect(all('cut')).toMatch(/label of e "A shortened label…" ends with an ellipsis/);
    expect(all('cut')).toMatch(/label of f "Label past the clip edge" runs [\d.]+ px past the plot's clip/);
    expect(all('covered')).toMatch(/d "" is covered at its centre by mark c .*its tl-label/);
    expect(all('covered')).toMatch(/a "First label here" is covered at its centre by mark b/);
    expect(all('undersized')).toMatch(/mark d \(""\) is 12×12 px and its 24 px circle touches mark c/);
    expect(all('scroll')).toMatch(/the page scrolls sideways/);
    expect(legibilityTotals(r)).toMatchObject({ marks: 6, labels: 5, overlaps: 1, covered: 2 });
    await context.close();
  });

  VIEWPORTS.forEach((viewport, w) => {
    it.concurrent(
      `at ${viewport.width} px with JavaScript, light and dark: full view, after two zoom steps and after a pan`,
      async ({ expect }) => {
        const context = await served.browser.newContext({ viewport });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(String(e)));
        const results: { r: PageLegibility; state: string }[] = [];
        const problems: string[] = [];
        for (const [i, path] of PAGES.entries()) {
          // Light and dark take turns, page by page and width by width, so every page is seen in
          // both somewhere (colours do not change the geometry; the turns cost no extra time).
          const colorScheme = (i + w) % 2 ? 'dark' : 'light';
          const at = `/${path} @${viewport.width}px`;
          await page.emulateMedia({ colorScheme });
          await within(`${at}: loading`, visit(page, path));
          problems.push(...(await schemeProblems(page, colorScheme, at)));
          const full = await within(`${at}: checking the full view`, measure(page, path, 'full view'));
          sanity(problems, path, viewport.width, full.r, null, 'full view');
          if (path === '') {
            const other = colorScheme === 'dark' ? 'light' : 'dark';
            await page.emulateMedia({ colorScheme: other });
            problems.push(...(await schemeProblems(page, other, `/ @${viewport.width}px`)));
            const switched = await measure(page, path, `full view, ${other}`);
            sanity(problems, path, viewport.width, switched.r, null, `full view, ${other}`);
            results.push(switched);
          }
          for (const m of await within(`${at}: zooming`, zoomTwice(page))) problems.push(`${at} zoom: ${m}`);
          const zoomed = await within(`${at}: checking after zooming`, measure(page, path, '2 zoom steps', 2));
          sanity(problems, path, viewport.width, full.r, zoomed.r, '2 zoom steps');
          for (const m of await within(`${at}: panning`, pan(page))) problems.push(`${at} pan: ${m}`);
          const panned = await within(`${at}: checking after panning`, measure(page, path, 'panned', 2));
          sanity(problems, path, viewport.width, zoomed.r, panned.r, 'panned');
          results.push(full, zoomed, panned);
        }
        await context.close();
        expect(errors, 'errors in the pages').toEqual([]);
        expect(problems, `states not reached:\n${capped(problems)}`).toEqual([]);
        expectLegible(results, `${viewport.width} px, ${PAGES.length} pages with JavaScript`, expect);
      },
      // Well under this on a quiet machine; the four share two busy cores.
      120_000,
    );
  });

  // Runs at the same time as the width tests above (concurrent tests next to each other run together).
  it.concurrent(
    "opens each mark's own event when it is tapped on a phone (home page, main chart)",
    async ({ expect }) => {
      const context: BrowserContext = await served.browser.newContext({
        viewport: VIEWPORTS[0],
        hasTouch: true,
        isMobile: true,
      });
      const page = await context.newPage();
      await visit(page, '');
      // The main chart: the first displayed timeline of the home page.
      const [main] = await displayedCharts(page);
      expect(main, 'a timeline on the home page').toBeDefined();
      const chart = page.locator('timeline-chart').nth(main);
      const ids = await chart.evaluate((root) => {
        const svg = [...root.querySelectorAll('svg.tl')].find((s) => s.getClientRects().length > 0)!;
        return [...svg.querySelectorAll('.tl-mark')].map((m) => m.getAttribute('data-id')!);
      });
      expect(ids.length).toBeGreaterThan(0);
      /**
       * In the page: waits (at most 3 s) until no event is open — no ?event= in the URL and no mark
       * marked selected — then scrolls the mark `id` so that its symbol's centre is at `at` of the
       * viewport's height and returns that centre (null: no such mark drawn; open: the event still open).
       */
      const closeThenPoint = ([id, at]: readonly [string, number]) =>
        chart.evaluate(
          async (root, [id, at]) => {
            const openEvent = () =>
              new URLSearchParams(location.search).get('event') ??
              document.querySelector('.tl-mark--selected, .tl-mark[aria-selected="true"]')?.getAttribute('data-id') ??
              null;
            const end = performance.now() + 3000;
            while (openEvent() && performance.now() < end) await new Promise((r) => requestAnimationFrame(r));
            if (openEvent()) return { open: openEvent() };
            const svg = [...root.querySelectorAll('svg.tl')].find((s) => s.getClientRects().length > 0)!;
            const mark = svg.querySelector(`.tl-mark[data-id="${CSS.escape(id)}"]`);
            if (!mark) return null;
            const symbol = mark.querySelector('.tl-mark__symbol') ?? mark;
            const b0 = symbol.getBoundingClientRect();
            window.scrollTo({ top: b0.top + scrollY + b0.height / 2 - innerHeight * at, behavior: 'instant' });
            const b = symbol.getBoundingClientRect();
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          },
          [id, at] as const,
        );
      const wrong: string[] = [];
      const path = new URL(page.url()).pathname;
      for (const [n, id] of ids.entries()) {
        // Taps land alternately at three quarters and a quarter of the viewport's height: two taps in
        // quick succession at the same spot would be a double tap (a zoom), not two taps.
        let point = await closeThenPoint([id, n % 2 ? 0.25 : 0.75]);
        if (point && 'open' in point) {
          wrong.push(`${ids[n - 1]}: Escape did not close the details of ${point.open}`);
          await visit(page, '');
          point = await closeThenPoint([id, 0.5]);
        }
        if (!point || 'open' in point) {
          // The view changed under the test (a zoom): note it and start again from the full view.
          wrong.push(`${id}: its mark is not drawn any more (the view changed after the previous tap)`);
          await visit(page, '');
          continue;
        }
        await page.touchscreen.tap(point.x, point.y);
        const got = await page
          .waitForFunction(
            () =>
              new URLSearchParams(location.search).get('event') ??
              document.querySelector('.tl-mark--selected, .tl-mark[aria-selected="true"]')?.getAttribute('data-id') ??
              null,
            undefined,
            { timeout: 3000 },
          )
          .then((h) => h.jsonValue() as Promise<string>)
          .catch(() => null);
        if (new URL(page.url()).pathname !== path) {
          wrong.push(`${id}: the tap left the page for ${new URL(page.url()).pathname}`);
          await visit(page, '');
          continue;
        }
        if (got !== id)
          wrong.push(`${id}: the tap at (${Math.round(point.x)}, ${Math.round(point.y)}) opened ${got ?? 'nothing'}`);
        // Closed before the next tap (checked by closeThenPoint).
        if (got) await page.keyboard.press('Escape');
      }
      const last = await closeThenPoint([ids[0], 0.5]);
      if (last && 'open' in last)
        wrong.push(`${ids[ids.length - 1]}: Escape did not close the details of ${last.open}`);
      await context.close();
      expect(
        wrong.length,
        `${wrong.length} of ${ids.length} marks tapped at 390 px open another event or none:\n${capped(wrong)}`,
      ).toBe(0);
    },
    120_000,
  );

  // Beside the tests above as soon as one of them ends (Vitest runs five at once): while one waits for
  // the browser, another's page is laid out.
  it.concurrent(
    'without JavaScript, at full view (the build-time SVG), at 390, 640, 768 and 1280 px',
    async ({ expect }) => {
      const results: { r: PageLegibility; state: string }[] = [];
      const problems: string[] = [];
      const companions: string[] = [];
      let companionMarks = 0;
      const context = await served.browser.newContext({ viewport: VIEWPORTS[0], javaScriptEnabled: false });
      const page = await context.newPage();
      for (const path of STATIC_PAGES) {
        await visit(page, path, false);
        for (const viewport of VIEWPORTS) {
          await page.setViewportSize(viewport);
          const full = await measure(page, path, 'no JS');
          sanity(problems, path, viewport.width, full.r, null, 'no JS');
          results.push(full);
          const c = await page.evaluate(companionTargets);
          companionMarks += c.marks;
          companions.push(...c.undersized.map((u) => `/${path} @${viewport.width}px: ${u}`));
        }
      }
      await context.close();
      expect(problems, `pages without a chart:\n${capped(problems)}`).toEqual([]);
      expectLegible(results, `${STATIC_PAGES.length} pages without JavaScript`, expect);
      // The home pages carry the companion charts: their marks were measured.
      expect(companionMarks).toBeGreaterThan(0);
      expect.soft(companions, `companion charts' undersized targets (WCAG 2.5.8):\n${capped(companions)}`).toEqual([]);
    },
  );

  // Without scripts (the build's drawing decides the sizes; the client lays out again at the same
  // viewBox). Widths on either side of each switch between variants: 600, 640 and 700 (an article
  // column: the phone drawings of the companion charts, the column timeline), 752 (the wide timeline at
  // its narrowest, 720 px) and 1024 (the home page without its sidebar).
  it.concurrent(
    `every chart's text is ${MIN_TEXT_PX} to ${MAX_TEXT_PX} px on screen, from 390 to 1280 px wide`,
    async ({ expect }) => {
      const pages = [
        ...new Set([
          '',
          ...languages.published.filter((l) => l !== languages.default).map((l) => `${l}/`),
          ...folders('embed').map((id) => `embed/${id}/`),
          eventPages(everyNth(eventFolders.length))[0],
        ]),
      ];
      const context = await served.browser.newContext({ viewport: VIEWPORTS[0], javaScriptEnabled: false });
      const page = await context.newPage();
      const small: string[] = [];
      let texts = 0;
      for (const path of pages) {
        await visit(page, path, false);
        for (const width of [390, 600, 640, 700, 752, 768, 1024, 1280]) {
          await page.setViewportSize({ width, height: 900 });
          const r = await page.evaluate(chartTextSizes, [MIN_TEXT_PX, MAX_TEXT_PX] as [number, number]);
          texts += r.texts;
          small.push(...r.small.map((s) => `/${path} @${width}px: ${s}`));
        }
      }
      await context.close();
      expect(texts).toBeGreaterThan(1000);
      expect(
        small,
        `${small.length} chart texts under ${MIN_TEXT_PX} or over ${MAX_TEXT_PX} px on screen:\n${capped(small)}`,
      ).toEqual([]);
    },
  );
});
