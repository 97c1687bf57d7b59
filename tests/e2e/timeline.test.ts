// The timeline in Chromium: the build-time SVG without JavaScript, and the enhanced chart —
// zoom by buttons and gestures (a plain wheel still scrolls the page), the keyboard path to
// every event, deep links that survive reload and back, track filters, the phone layout,
// and a first client render that changes nothing the build drew.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DIST, openPage, scriptShift, serveWithBrowser } from './browser';
import { startEmbedSite } from './embed-helpers';
import type { TimelineData } from '../../src/lib/timeline/schema';
import { formatDateRange } from '../../src/lib/dates';
import { REHEARSALS } from '../../src/components/Timeline/timeline-rehearsal';

const data: TimelineData = JSON.parse(readFileSync(`${DIST}/data/timeline.json`, 'utf8'));
const chart = data.charts.find((c) => c.kind === 'timeline')!;
const chartEvents = data.events.filter(
  (e) => chart.kind !== 'timeline' || !chart.tracks || chart.tracks.includes(e.track),
);
const SEL = `timeline-chart[data-chart="${chart.id}"]`;

const served = serveWithBrowser();

/** Scrolls the chart into view and waits until its interactive part has taken over. */
async function ready(page: Page) {
  await page.locator(SEL).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${SEL}[data-ready]`);
}

const svgSel = `${SEL} .tl-variant--wide svg`;
const tickLabels = (page: Page, svg = svgSel) =>
  page.$$eval(`${svg} .tl-tick`, (els) => els.map((e) => e.textContent).join('|'));
/** The axis's labels and where they stand: a zoom step moves them even where it keeps their words. */
const tickState = (page: Page, svg = svgSel) =>
  page.$$eval(`${svg} .tl-tick`, (els) => els.map((e) => `${e.textContent}@${e.getAttribute('x')}`).join('|'));

describe('timeline without JavaScript', () => {
  it('draws the whole chart at build time: axis, tracks, marks as links to event pages', async () => {
    const page = await openPage(served.browser, served.site.url, { javaScriptEnabled: false });
    expect(await page.locator(`${svgSel} .tl-tick`).count()).toBeGreaterThan(3);
    expect(await page.locator(`${svgSel} .tl-track`).count()).toBe(data.tracks.length);
    const marks = await page.$$eval(`${svgSel} .tl-marks a`, (els) =>
      els.map((e) => ({
        href: e.getAttribute('href'),
        // Each event's name is written once for the chart's variants; its marks refer to it.
        name: document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent ?? null,
      })),
    );
    expect(marks.length).toBeGreaterThan(10);
    for (const m of marks) {
      expect(m.href).toMatch(/\/events\/[a-z0-9-]+\/$/);
      // A date at its precision: "7 June 2019", "5 – 7 June 2019", "June 2019", "2019".
      expect(m.name).toMatch(/^(\d{1,2}( – \d{1,2})? )?[A-Z][a-z]+( \d{4})?|^\d{4}/);
    }
    // The toolbar needs JavaScript, so it stays hidden; the static legend names the tracks.
    expect(await page.locator(`${SEL} .tl-toolbar`).isHidden()).toBe(true);
    expect(await page.locator(`${SEL} .tl-legend li`).count()).toBe(data.tracks.length);
    // … and keeps no room: the chart starts right under the legend, even where filters would wrap.
    // Only the wide variant (720 px and up) has track headings; the column variant (560–719 px, its
    // tracks share their lanes) and the vertical one (390) keep the legend to name the tracks' symbols.
    for (const width of [1280, 640, 390]) {
      await page.setViewportSize({ width, height: 844 });
      const { gap, legend, headings } = await page.$eval(SEL, (root) => {
        const legend = root.querySelector('.tl-legend')!.getBoundingClientRect();
        const above = legend.height > 0 ? legend : root.getBoundingClientRect();
        const stage = root.querySelector('.tl-stage')!.getBoundingClientRect();
        const svg = [...root.querySelectorAll('.tl-variant svg')].find((s) => s.getBoundingClientRect().height > 0)!;
        return {
          gap: stage.top - (legend.height > 0 ? above.bottom : above.top),
          legend: legend.height > 0,
          headings: [...svg.querySelectorAll('.tl-track__label')].map((t) => t.textContent),
        };
      });
      expect(gap, `at ${width} px`).toBeLessThan(16);
      expect(legend, `at ${width} px`).toBe(true);
      expect(headings, `at ${width} px`).toEqual(width >= 720 ? data.tracks.map((t) => t.label) : []);
    }
    await page.context().close();
  });

  it('names events with the date at its precision, the track, the label it shows and the title', async () => {
    const page = await openPage(served.browser, served.site.url, { javaScriptEnabled: false });
    const declaration = data.events.find((e) => e.id === 'joint-declaration') ?? data.events[0];
    const track = data.tracks.find((t) => t.id === declaration.track)!;
    const shown = declaration.label && declaration.label !== declaration.title ? `${declaration.label} — ` : '';
    const name = `${formatDateRange(declaration.date, declaration.end)}, ${track.label}: ${shown}${declaration.title}`;
    // The name the browser computes (from the chart's list of names, which is hidden) for the mark it shows.
    const tree = await page.locator(`${svgSel} [data-id="${declaration.id}"]`).ariaSnapshot();
    expect(tree.split('\n')[0]).toContain(`link "${name}"`);
    await page.context().close();
  });
});

/**
 * Records the SVGs the chart puts on the page beside its own from now on, and how many it took off;
 * `left`: how many SVGs its wide variant holds at the end.
 */
async function watchStaging(page: Page) {
  await page.$eval(`${SEL} .tl-variant--wide`, (variant) => {
    const seen = { added: [] as { ids: number; width: boolean }[], removed: 0 };
    (window as unknown as { __staging: typeof seen }).__staging = seen;
    const width = variant.querySelector('svg')!.getBoundingClientRect().width;
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes)
          if (n instanceof SVGSVGElement)
            seen.added.push({
              ids: n.querySelectorAll('[id]').length,
              width: Math.abs(parseFloat(n.style.width) - width) < 0.01,
            });
        for (const n of r.removedNodes) if (n instanceof SVGSVGElement) seen.removed++;
      }
    }).observe(variant, { childList: true });
  });
  return () =>
    page.$eval(`${SEL} .tl-variant--wide`, (variant) => ({
      ...(window as unknown as { __staging: { added: object[]; removed: number } }).__staging,
      left: variant.querySelectorAll('svg').length,
    }));
}

describe("an event page's chart on a phone", () => {
  // Of the events without a body (their chart follows the summary), the one with the most events in the
  // six weeks before it: there the chart used to put it about 1,000 px down, in the middle of its window.
  const DAY = 86_400_000;
  const t = (d: string) => Date.parse(d.length === 7 ? `${d}-01` : d);
  const crowdedBefore = (e: TimelineData['events'][number]) =>
    data.events.filter((o) => t(o.date) < t(e.date) && t(o.date) >= t(e.date) - 42 * DAY).length;
  const event = data.events.filter((e) => !e.body).sort((a, b) => crowdedBefore(b) - crowdedBefore(a))[0];
  for (const javaScriptEnabled of [false, true]) {
    it(`shows the page's own event on the first screen at 390×844 and as the only bold label wider, JavaScript ${javaScriptEnabled ? 'on' : 'off'} (${event.id})`, async () => {
      expect(crowdedBefore(event)).toBeGreaterThan(10);
      const page = await openPage(served.browser, `${served.site.url}events/${event.id}/`, {
        javaScriptEnabled,
        viewport: { width: 390, height: 844 },
      });
      if (javaScriptEnabled) await page.waitForSelector('timeline-chart[data-ready]');
      const mark = page.locator(`.tl-variant--narrow .tl-mark[data-id="${event.id}"]`);
      const box = (await mark.boundingBox())!;
      expect(box, 'its mark').not.toBeNull();
      expect(box.y + box.height, 'bottom of its mark, px from the top of the page').toBeLessThan(844);
      // The two events before it are drawn above it, and the note under the chart says where it begins.
      const above = await page.$$eval(
        '.tl-variant--narrow .tl-mark',
        (marks, y) => marks.filter((m) => m.getBoundingClientRect().bottom <= y).length,
        box.y,
      );
      expect(above).toBeGreaterThanOrEqual(2);
      expect(await page.locator('.tl-narrow-note').isVisible()).toBe(true);
      await page.setViewportSize({ width: 1280, height: 800 });
      expect(await page.locator('.tl-narrow-note').isVisible()).toBe(false);
      // Wider (the column variant in the page's measure), its label is the chart's only bold one (key
      // events keep their larger marks). Polled: with scripts the chart draws that variant again after the
      // resize, and a busy machine (CI beside a build) read it between the two drawings.
      const bold = () =>
        page.$$eval('.tl-variant .tl-mark', (marks) =>
          marks
            .filter((m) => m.querySelector('.tl-label') && m.getBoundingClientRect().height > 0)
            .filter((m) => getComputedStyle(m.querySelector('.tl-label')!).fontWeight === '700')
            .map((m) => m.getAttribute('data-id')),
        );
      await expect.poll(bold).toEqual([event.id]);
      await page.context().close();
    });
  }
});

describe('timeline with JavaScript', () => {
  it('changes no element of the build-time SVG on its first render', async () => {
    const noJs = await openPage(served.browser, served.site.url, { javaScriptEnabled: false });
    const built = await noJs.$eval(svgSel, (svg) => svg.outerHTML);
    await noJs.context().close();
    const page = await openPage(served.browser, served.site.url);
    await ready(page);
    const live = await page.$eval(svgSel, (svg) => svg.outerHTML);
    expect(live).toBe(built);
    // The zoom path is rehearsed only once the reader comes to the chart: none after the fonts have
    // loaded and the page has had idle moments, then all of it once the pointer is over the chart,
    // before the reader's first step; and it changes nothing the reader sees.
    const rehearsed = () => page.$eval(SEL, (el) => (el as unknown as { timelineRehearsed: number }).timelineRehearsed);
    await page.evaluate(async () => {
      await document.fonts.ready;
      for (let i = 0; i < 5; i++) await new Promise((r) => requestIdleCallback(r));
    });
    expect(await rehearsed()).toBe(0);
    const staging = await watchStaging(page);
    await page.hover(SEL, { position: { x: 2, y: 2 } });
    await page.waitForFunction(
      ([sel, n]) => (document.querySelector(sel) as unknown as { timelineRehearsed: number }).timelineRehearsed === n,
      [SEL, REHEARSALS] as const,
    );
    expect(await page.$eval(svgSel, (svg) => svg.outerHTML)).toBe(built);
    // Each rehearsal also puts its copy of the SVG on the page for the browser to style and lay out (the
    // first restyle and layout of those marks and labels is then not the reader's first step's), as wide
    // as the chart and with no ids of its own, and takes it off again in the same task.
    const staged = await staging();
    expect(staged.added).toEqual(Array(REHEARSALS).fill({ ids: 0, width: true }));
    expect([staged.removed, staged.left]).toEqual([REHEARSALS, 1]);
    await page.context().close();
  });

  it('moves nothing on the page when its script takes over (no layout shift)', async () => {
    for (const width of [1280, 390]) {
      // The embed page puts the chart at the top, where a shift would show.
      const { page, shift } = await scriptShift(
        served.browser,
        `${served.site.url}embed/${chart.id}/`,
        { viewport: { width, height: 800 } },
        (p) => p.waitForSelector(`${SEL}[data-ready]`),
      );
      expect(shift, `layout shift at ${width} px`).toBeLessThan(0.001);
      await page.context().close();
    }
  });

  it('zooms with the + and − buttons, and the axis changes its ticks', async () => {
    const page = await openPage(served.browser, served.site.url);
    await ready(page);
    const before = await tickLabels(page);
    await page.click(`${SEL} button[data-zoom="in"]`);
    await page.click(`${SEL} button[data-zoom="in"]`);
    await page.click(`${SEL} button[data-zoom="in"]`);
    await page.waitForFunction(
      ([sel, b]) => [...document.querySelectorAll(`${sel} .tl-tick`)].map((e) => e.textContent).join('|') !== b,
      [svgSel, before] as const,
    );
    const zoomed = await tickLabels(page);
    expect(zoomed).not.toBe(before);
    // Every mark drawn in the browser has a name: from the page's list, or its own (an event the build drew in no variant).
    const nameless = await page.$$eval(`${svgSel} .tl-marks a`, (els) =>
      els
        .filter(
          (e) =>
            !(
              e.getAttribute('aria-label') ||
              document.getElementById(e.getAttribute('aria-labelledby') ?? '')?.textContent
            ),
        )
        .map((e) => e.getAttribute('data-id')),
    );
    expect(nameless).toEqual([]);
    await page.click(`${SEL} button[data-zoom="reset"]`);
    await page.waitForFunction(
      ([sel, b]) => [...document.querySelectorAll(`${sel} .tl-tick`)].map((e) => e.textContent).join('|') === b,
      [svgSel, before] as const,
    );
    await page.context().close();
  });

  it('draws a step by button, key or ctrl+wheel from the layout it made ahead in idle time: the drawing of a layout made then', async () => {
    // Steps in, in, out and in, by button, button, key ("-" on the drawing) and a ctrl+wheel notch where the
    // mouse rests (over the axis's labels, left of the marks), each in its own task: on a warm chart each takes
    // the layout made in the idle moments before it; on a cold one (no pointer or focus came, so nothing is
    // made ahead) each is laid out in its frame. The drawings are the same.
    const spot = (page: Page) =>
      page.$eval(SEL, (root) => {
        const svg = [...root.querySelectorAll('.tl-variant svg')].find((s) => s.getBoundingClientRect().width > 0)!;
        const box = svg.getBoundingClientRect();
        // Whole pixels, as a mouse's.
        return { x: Math.round(box.left + box.width * 0.04), y: Math.round(Math.max(box.top, 0) + 300) };
      });
    const steps = async (page: Page, at: { x: number; y: number }) =>
      page.evaluate(
        async ({ sel, at }) => {
          const root = document.querySelector<HTMLElement>(sel)!;
          const svg = () =>
            [...root.querySelectorAll('.tl-variant svg')].find((s) => s.getBoundingClientRect().width > 0)!;
          const idle = async () => {
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            for (let i = 0; i < 6; i++) await new Promise((r) => requestIdleCallback(r));
          };
          const drawn: string[] = [];
          for (const step of ['in', 'in', 'out', 'wheel'] as const) {
            if (step === 'wheel')
              svg().dispatchEvent(
                new WheelEvent('wheel', {
                  ctrlKey: true,
                  deltaY: -100,
                  clientX: at.x,
                  clientY: at.y,
                  bubbles: true,
                  cancelable: true,
                }),
              );
            else if (step === 'out')
              svg().dispatchEvent(new KeyboardEvent('keydown', { key: '-', bubbles: true, cancelable: true }));
            else root.querySelector<HTMLButtonElement>(`button[data-zoom="${step}"]`)!.click();
            await idle();
            drawn.push(svg().outerHTML);
          }
          return { drawn, laidAhead: (root as unknown as { timelineLaidAhead: number }).timelineLaidAhead };
        },
        { sel: SEL, at },
      );
    const results = [];
    for (const warm of [true, false]) {
      const page = await openPage(served.browser, served.site.url, { viewport: { width: 390, height: 844 } });
      await ready(page);
      const at = await spot(page);
      if (warm) {
        await page.mouse.move(at.x, at.y);
        await page.waitForSelector(`${SEL}[data-warm]`);
      }
      results.push(await steps(page, at));
      await page.context().close();
    }
    const [hot, cold] = results;
    expect([hot.laidAhead, cold.laidAhead]).toEqual([4, 0]);
    expect(hot.drawn.length).toBe(4);
    for (let i = 0; i < 4; i++) expect(hot.drawn[i], `step ${i + 1}`).toBe(cold.drawn[i]);
  });

  it('announces the window shown once a run of zoom steps pauses, outside the steps’ frames', async () => {
    const page = await openPage(served.browser, served.site.url);
    await ready(page);
    const status = page.locator(`${SEL} .tl-status`);
    // Three steps, a frame apart: nothing is announced in their frames (a message each, cut off by the next,
    // and the text's layout in the step's frame).
    const during = await page.evaluate(async (sel) => {
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const seen: string[] = [];
      for (let i = 0; i < 3; i++) {
        document.querySelector<HTMLButtonElement>(`${sel} button[data-zoom="in"]`)!.click();
        await frame();
        seen.push(document.querySelector(`${sel} .tl-status`)!.textContent ?? '');
      }
      return seen;
    }, SEL);
    expect(during).toEqual(['', '', '']);
    // Then one message, for the window the last step shows: its marks and "+N" groups as drawn.
    await expect.poll(() => status.textContent(), { timeout: 2000 }).not.toBe('');
    const drawn = await page.evaluate(
      (svg) => [
        document.querySelectorAll(`${svg} .tl-marks > a`).length,
        document.querySelectorAll(`${svg} .tl-cluster`).length,
      ],
      svgSel,
    );
    expect(await status.textContent()).toMatch(
      new RegExp(`^Showing .+ to .+: ${drawn[0]} events shown, ${drawn[1]} groups\\.$`),
    );
    await page.context().close();
  });

  it('zooms with ctrl+wheel (trackpad pinch) but lets a plain wheel scroll the page', async () => {
    const page = await openPage(served.browser, served.site.url);
    await ready(page);
    const box = (await page.locator(svgSel).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
    const before = await tickLabels(page);
    const scrollBefore = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 300);
    await page.waitForFunction((y) => scrollY !== y, scrollBefore);
    expect(await tickLabels(page)).toBe(before);

    await page.keyboard.down('Control');
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -120);
    await page.keyboard.up('Control');
    await page.waitForFunction(
      ([sel, b]) => [...document.querySelectorAll(`${sel} .tl-tick`)].map((e) => e.textContent).join('|') !== b,
      [svgSel, before] as const,
    );
    await page.context().close();
  });

  it('zooms in on a double-click', async () => {
    const page = await openPage(served.browser, served.site.url);
    await ready(page);
    const before = await tickLabels(page);
    // The axis on screen (a tall chart scrolled into view may leave it above the viewport).
    await page.evaluate((y) => scrollBy(0, y - 100), (await page.locator(svgSel).boundingBox())!.y);
    const box = (await page.locator(`${svgSel} .tl-axis`).boundingBox())!;
    await page.mouse.dblclick(box.x + box.width / 2, box.y + 2);
    await page.waitForFunction(
      ([sel, b]) => [...document.querySelectorAll(`${sel} .tl-tick`)].map((e) => e.textContent).join('|') !== b,
      [svgSel, before] as const,
    );
    expect(await tickLabels(page)).not.toBe(before);
    await page.context().close();
  });

  it('reaches every event with the arrow keys after one Tab stop', async () => {
    const page = await openPage(served.browser, served.site.url);
    await ready(page);
    await page.focus(`${svgSel} .tl-marks [tabindex="0"]`);
    await page.keyboard.press('Home');
    const seen = new Set<string>();
    for (let i = 0; i < chartEvents.length + 5; i++) {
      const id = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
      if (id) seen.add(id);
      await page.keyboard.press('ArrowRight');
    }
    expect([...seen].sort()).toEqual(chartEvents.map((e) => e.id).sort());
    // Only one mark is in the tab order at a time.
    expect(await page.locator(`${svgSel} .tl-marks [tabindex="0"]`).count()).toBe(1);
    await page.context().close();
  });

  it('opens details with Enter, announces them, and closes with Escape back on the mark', async () => {
    const page = await openPage(served.browser, served.site.url);
    await ready(page);
    await page.focus(`${svgSel} .tl-marks [tabindex="0"]`);
    const id = (await page.evaluate(() => document.activeElement?.getAttribute('data-id')))!;
    await page.keyboard.press('Enter');
    const panel = page.locator(`${SEL} .tl-details`);
    await panel.waitFor({ state: 'visible' });
    const event = data.events.find((e) => e.id === id)!;
    expect(await panel.textContent()).toContain(event.title);
    for (const s of event.sources) expect(await panel.locator(`a[href="${s.url}"]`).count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.classList.contains('tl-details'))).toBe(true);
    expect(new URL(page.url()).searchParams.get('event')).toBe(id);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(id);
    await page.context().close();
  });

  it('moves between tracks with the up and down arrows', async () => {
    const page = await openPage(served.browser, served.site.url);
    await ready(page);
    await page.focus(`${svgSel} .tl-marks [tabindex="0"]`);
    const trackOf = () => page.evaluate(() => document.activeElement?.getAttribute('data-track'));
    const first = await trackOf();
    await page.keyboard.press('ArrowDown');
    const second = await trackOf();
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    expect(await trackOf()).toBe(first);
    await page.context().close();
  });

  it('restores a selection from a deep link, after reload, and follows back and forward', async () => {
    const target = chartEvents.find((e) => e.importance === 1) ?? chartEvents[0];
    const page = await openPage(served.browser, `${served.site.url}?event=${target.id}&chart=${chart.id}`);
    const panel = page.locator(`${SEL} .tl-details`);
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('h3, h4').first().textContent()).toBe(target.title);
    await page.reload();
    await panel.waitFor({ state: 'visible' });
    expect(await panel.locator('h3, h4').first().textContent()).toBe(target.title);
    // Select another event: the URL follows; Back restores the first.
    const otherId = await page.$$eval(
      `${svgSel} .tl-marks [data-id]`,
      (els, t) => els.map((e) => e.getAttribute('data-id')).find((id) => id !== t)!,
      target.id,
    );
    const other = data.events.find((e) => e.id === otherId)!;
    await page.locator(`${svgSel} .tl-marks [data-id="${other.id}"]`).dispatchEvent('click');
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('event') === id, other.id);
    await page.waitForFunction(
      ([sel, title]) => document.querySelector(`${sel} .tl-details h3, ${sel} .tl-details h4`)?.textContent === title,
      [SEL, other.title] as const,
    );
    await page.goBack();
    await page.waitForFunction(
      ([sel, title]) => document.querySelector(`${sel} .tl-details h3, ${sel} .tl-details h4`)?.textContent === title,
      [SEL, target.title] as const,
    );
    await page.context().close();
  });

  it('hides and shows a track with its filter button', async () => {
    const page = await openPage(served.browser, served.site.url);
    await ready(page);
    const track = data.tracks[0].id;
    const count = () =>
      page.locator(`${svgSel} .tl-marks [data-track="${track}"], ${svgSel} .tl-cluster[data-track="${track}"]`).count();
    expect(await count()).toBeGreaterThan(0);
    const button = page.locator(`${SEL} .tl-filter[data-track="${track}"]`);
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('false');
    await page.waitForFunction(([sel, t]) => !document.querySelector(`${sel} [data-track="${t}"]`), [
      svgSel,
      track,
    ] as const);
    await button.click();
    expect(await button.getAttribute('aria-pressed')).toBe('true');
    expect(await count()).toBeGreaterThan(0);
    await page.context().close();
  });

  it('folds the track buttons under one "Tracks" button below 720 px', async () => {
    const page = await openPage(served.browser, served.site.url, { viewport: { width: 640, height: 900 } });
    await ready(page);
    const toggle = page.locator(`${SEL} .tl-filters-toggle`);
    const filters = page.locator(`${SEL} .tl-filters`);
    expect(await toggle.isVisible()).toBe(true);
    expect(await filters.isVisible()).toBe(false);
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    expect(await filters.isVisible()).toBe(true);
    const track = data.tracks[1];
    await page.locator(`${SEL} .tl-filter[data-track="${track.id}"]`).click();
    expect(await toggle.textContent()).toMatch(/Tracks\s*\(1 hidden\)/);
    await toggle.click();
    expect(await filters.isVisible()).toBe(false);
    // Wide, the buttons are always out and the fold button is not.
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await toggle.isVisible()).toBe(false);
    expect(await filters.isVisible()).toBe(true);
    await page.context().close();
  });

  it('draws time down the page on a 390 px phone, later events lower', async () => {
    const page = await openPage(served.browser, served.site.url, { viewport: { width: 390, height: 844 } });
    const narrow = `${SEL} .tl-variant--narrow svg`;
    expect(await page.locator(narrow).isVisible()).toBe(true);
    expect(await page.locator(svgSel).isVisible()).toBe(false);
    const ys = await page.$$eval(`${narrow} .tl-marks [data-id]`, (els) =>
      els.map((e) => ({
        id: e.getAttribute('data-id')!,
        y: Number(/translate\([^,]+,([^)]+)\)/.exec(e.getAttribute('transform')!)![1]),
      })),
    );
    const order = chartEvents.map((e) => e.id);
    const sorted = [...ys].sort((a, b) => a.y - b.y).map((m) => m.id);
    const positions = sorted.map((id) => order.indexOf(id));
    // Time runs down: the first and last marks by height are in date order (ties aside).
    expect(positions[0]).toBeLessThan(positions[positions.length - 1]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it('keeps each chart state apart when a page has two timelines', async () => {
    // The real story has one timeline; the fixture's home page has two (its lead chart, and one in the story).
    // The fixture build of the embed tests (built once, or reused: embed-helpers.ts).
    const fixture = (await startEmbedSite()).site;
    const page = await openPage(served.browser, fixture.url);
    const charts = await page.$$eval('timeline-chart', (els) => els.map((e) => e.getAttribute('data-chart')!));
    expect(charts).toEqual(['timeline', 'june']);
    for (const c of charts) {
      await page.locator(`timeline-chart[data-chart="${c}"]`).scrollIntoViewIfNeeded();
      await page.waitForSelector(`timeline-chart[data-chart="${c}"][data-ready]`);
    }
    const first = `timeline-chart[data-chart="timeline"] .tl-variant--wide svg`;
    const second = `timeline-chart[data-chart="june"] .tl-variant--wide svg`;
    const before = [await tickState(page, first), await tickState(page, second)];
    await page.click(`timeline-chart[data-chart="timeline"] button[data-zoom="in"]`);
    await page.waitForFunction(
      ([sel, b]) =>
        [...document.querySelectorAll(`${sel} .tl-tick`)]
          .map((e) => `${e.textContent}@${e.getAttribute('x')}`)
          .join('|') !== b,
      [first, before[0]] as const,
    );
    expect(await tickState(page, second)).toBe(before[1]);
    // Selecting in the second chart opens its own panel only, and the URL names that chart.
    await page.locator(`${second} .tl-marks [data-id]`).first().dispatchEvent('click');
    await page.locator('timeline-chart[data-chart="june"] .tl-details').waitFor({ state: 'visible' });
    expect(await page.locator('timeline-chart[data-chart="timeline"] .tl-details').isHidden()).toBe(true);
    expect(new URL(page.url()).searchParams.get('chart')).toBe('june');
    await page.context().close();
    await fixture.close();
  }, 180_000);
});
