// The timeline as a reader uses it, in Chromium: details open beside the mark (a sheet on a
// phone) without scrolling the page; zoom steps a reader can follow, down to about a week; a
// one-time hint; and deep links as typed (?event=<id>, #event-<id>) on the home and embed pages.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DIST, frames, luminance, markOnScreen, openPage, serveWithBrowser } from './browser';
import type { TimelineData } from '../../src/lib/timeline/schema';

const data: TimelineData = JSON.parse(readFileSync(`${DIST}/data/timeline.json`, 'utf8'));
const chart = data.charts.find((c) => c.kind === 'timeline')!;
const SEL = `timeline-chart[data-chart="${chart.id}"]`;
const DAY = 86_400_000;
const home = readFileSync(`${DIST}/index.html`, 'utf8');
const builtWide = home.split('tl-variant--wide')[1].split('tl-variant--narrow')[0];
const chartEvents = data.events.filter(
  (e) => chart.kind !== 'timeline' || !chart.tracks || chart.tracks.includes(e.track),
);
// The hardest deep link: an event the build drew inside a "+N" cluster (the chart must zoom to it).
const clustered = chartEvents.find((e) => !builtWide.includes(`data-id="${e.id}"`)) ?? chartEvents[0];
const other = chartEvents.find((e) => e.importance === 1 && e.id !== clustered.id)!;

const served = serveWithBrowser();

const svgOf = (width: number) => `${SEL} .tl-variant--${width < 720 ? 'narrow' : 'wide'} svg`;
const panel = `${SEL} .tl-details`;
const panelTitle = (page: Page) => page.locator(`${panel} h3, ${panel} h4`).first().textContent();
/** The window's length in the axis's linear units: a zoom step scales it evenly (days are warped where a chart has a focus). */
const span = (page: Page) => page.$eval(SEL, (el) => (el as unknown as { timelineSpanU: number }).timelineSpanU);
/** The window's length in ms. */
const days = async (page: Page) => {
  const [a, b] = await page.$eval(SEL, (el) => (el as unknown as { timelineDomain: number[] }).timelineDomain);
  return b - a;
};
/** Scrolls the chart into view, waits for its interactive part, and returns a mark whose symbol is on screen and on top. */
async function readyMarkOnScreen(page: Page, width: number): Promise<{ id: string; x: number; y: number }> {
  await page.locator(SEL).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${SEL}[data-ready]`);
  return markOnScreen(page, svgOf(width));
}

describe('event details in place', () => {
  for (const [width, height] of [
    [1280, 800],
    [390, 844],
  ]) {
    for (const how of ['click', 'Enter'] as const) {
      it(`opens by ${how} at ${width} px beside the mark without scrolling; Escape returns to the mark`, async () => {
        const page = await openPage(served.browser, served.site.url, { viewport: { width, height } });
        const mark = await readyMarkOnScreen(page, width);
        const event = data.events.find((e) => e.id === mark.id)!;
        const y0 = await page.evaluate(() => scrollY);
        if (how === 'click') await page.mouse.click(mark.x, mark.y);
        else {
          await page.$eval(`${svgOf(width)} .tl-marks [data-id="${mark.id}"]`, (el) =>
            (el as SVGElement).focus({ preventScroll: true }),
          );
          await page.keyboard.press('Enter');
        }
        await page.locator(panel).waitFor({ state: 'visible' });
        expect(await panelTitle(page)).toBe(event.title);
        await frames(page);
        const g = await page.evaluate(
          ([p, sel]) => {
            const box = (q: string) => {
              const r = document.querySelector(q)!.getBoundingClientRect();
              return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
            };
            return {
              y: scrollY,
              vw: innerWidth,
              vh: innerHeight,
              panel: box(p),
              close: box(`${p} .tl-details__close`),
              symbol: box(sel),
              chart: box(sel.split(' ')[0]),
              focus: document.activeElement?.closest('.tl-details') !== null,
            };
          },
          [panel, `${svgOf(width)} .tl-marks [data-id="${mark.id}"] .tl-mark__symbol`] as const,
        );
        expect(g.y, 'the page did not scroll').toBe(y0);
        expect(g.close.left).toBeGreaterThanOrEqual(0);
        expect(g.close.top).toBeGreaterThanOrEqual(0);
        expect(g.close.right).toBeLessThanOrEqual(g.vw);
        expect(g.close.bottom).toBeLessThanOrEqual(g.vh);
        const cx = (g.symbol.left + g.symbol.right) / 2;
        const cy = (g.symbol.top + g.symbol.bottom) / 2;
        expect(cx).toBeGreaterThan(0);
        expect(cx).toBeLessThan(g.vw);
        expect(cy).toBeGreaterThan(0);
        expect(cy).toBeLessThan(g.vh);
        const covered = cx >= g.panel.left && cx <= g.panel.right && cy >= g.panel.top && cy <= g.panel.bottom;
        // Beside the mark on a wide chart; on a phone the sheet docks on the other half of the screen.
        expect(covered, 'the panel covers its mark').toBe(false);
        // At 1280 the home page has room beside the chart (where what you need to know is): the panel goes
        // there and covers none of the chart, its mark's neighbours or the lines to its related events.
        if (width === 1280) expect(g.panel.left, 'the panel is beside the chart').toBeGreaterThanOrEqual(g.chart.right);
        expect(g.focus, 'focus moved into the panel').toBe(true);
        // Where its text goes on past the bottom edge (the sheet on a phone), a shade along that edge says
        // so, and goes once the reader has scrolled to the end.
        const overflows = await page.$eval(panel, (p) => p.scrollHeight > p.clientHeight + 1);
        if (width === 390) expect(overflows, 'the details overflow the sheet').toBe(true);
        if (overflows) {
          const edge = { x: g.panel.right - 12, y: g.panel.bottom - 5, width: 8, height: 4 };
          const shaded = await luminance(page, edge);
          await page.$eval(panel, (p) => p.scrollTo(0, p.scrollHeight));
          await frames(page);
          expect(shaded, 'a shade along the bottom edge while the text goes on').toBeLessThan(
            (await luminance(page, edge)) - 8,
          );
        }
        // Tab goes on inside the panel (its Close first), not back to the page's start.
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.className)).toContain('tl-details__close');
        await page.keyboard.press('Escape');
        await page.locator(panel).waitFor({ state: 'hidden' });
        expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(mark.id);
        await page.context().close();
      });
    }
  }
});

describe('zoom steps', () => {
  it('zooms by one step per ctrl+wheel notch (pixels or lines) and per button, down to about a week', async () => {
    const page = await openPage(served.browser, served.site.url);
    await page.locator(SEL).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${SEL}[data-ready]`);
    const box = (await page.locator(svgOf(1280)).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300));
    const full = await span(page);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.waitForFunction(
      ([sel, s]) => {
        return (document.querySelector(sel) as unknown as { timelineSpanU: number }).timelineSpanU !== s;
      },
      [SEL, full] as const,
    );
    const one = await span(page);
    expect(full / one).toBeGreaterThanOrEqual(1.25);
    expect(full / one).toBeLessThanOrEqual(1.5);
    await page.keyboard.up('Control');

    // A wheel that counts in lines (deltaMode 1, three lines a notch) steps the same.
    await page.$eval(
      svgOf(1280),
      (svg, p) => {
        svg.dispatchEvent(
          new WheelEvent('wheel', {
            deltaY: -3,
            deltaMode: 1,
            ctrlKey: true,
            clientX: p.x,
            clientY: p.y,
            bubbles: true,
            cancelable: true,
          }),
        );
      },
      { x: box.x + box.width / 2, y: box.y + 200 },
    );
    await frames(page);
    const two = await span(page);
    expect(one / two).toBeGreaterThanOrEqual(1.25);
    expect(one / two).toBeLessThanOrEqual(1.5);

    // A trackpad pinch sends small deltas: a small step, not a whole one.
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -10);
    await frames(page);
    const pinched = await span(page);
    expect(two / pinched).toBeGreaterThan(1);
    expect(two / pinched).toBeLessThan(1.1);
    await page.keyboard.up('Control');

    // The + button takes the same step.
    await page.click(`${SEL} button[data-zoom="in"]`);
    await frames(page);
    const three = await span(page);
    expect(pinched / three).toBeCloseTo(1.35, 2);

    // Many notches stop at about a week. (Clicking the button may have scrolled the page: measure again.)
    await page.evaluate((y) => scrollBy(0, y - 100), (await page.locator(svgOf(1280)).boundingBox())!.y);
    const now = (await page.locator(svgOf(1280)).boundingBox())!;
    await page.mouse.move(now.x + now.width / 2, now.y + Math.min(now.height / 2, 300));
    await page.keyboard.down('Control');
    for (let i = 0; i < 20; i++) await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await frames(page);
    const least = await days(page);
    expect(least / DAY).toBeGreaterThanOrEqual(6);
    expect(least / DAY).toBeLessThanOrEqual(8);
    // The narrowest view still shows marks.
    expect(
      await page.locator(`${svgOf(1280)} .tl-marks [data-id], ${svgOf(1280)} .tl-cluster`).count(),
    ).toBeGreaterThan(0);
    await page.context().close();
  });

  it('a "+N" clicked open with the mouse leaves no tooltip over the events it lays out', async () => {
    // The pointer does not move, so no pointerout: the cluster's tooltip stayed where it had been and
    // cut the new labels short ("Sandoval: troops in north" showed as "…north").
    const page = await openPage(served.browser, served.site.url, { viewport: { width: 1280, height: 800 } });
    await page.locator(SEL).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${SEL}[data-ready]`);
    const at = await page.$eval(`${svgOf(1280)}`, (svg) => {
      const c = [...svg.querySelectorAll('.tl-cluster')]
        .map((el) => el.getBoundingClientRect())
        .find((r) => r.top > 0 && r.bottom < innerHeight);
      return c && { x: c.left + c.width / 2, y: c.top + c.height / 2 };
    });
    expect(at, 'a cluster on screen').toBeTruthy();
    await page.mouse.move(at!.x, at!.y);
    const tip = page.locator(`${SEL} .tl-tooltip`);
    await tip.waitFor({ state: 'visible' });
    const before = await days(page);
    await page.mouse.click(at!.x, at!.y);
    await page.waitForFunction(
      ([sel, d]) => {
        const el = document.querySelector(sel) as unknown as { timelineDomain: number[] };
        return el.timelineDomain[1] - el.timelineDomain[0] < d;
      },
      [SEL, before] as const,
    );
    await frames(page);
    // Hidden, or showing for a mark that is now under the pointer (not the cluster that was).
    const state = await page.evaluate(
      ([x, y, sel]) => {
        const tipEl = document.querySelector(`${sel} .tl-tooltip`) as HTMLElement;
        if (tipEl.hidden) return 'hidden';
        const under = document.elementFromPoint(x, y)?.closest('.tl-marks [data-id], .tl-cluster');
        return under && under.isConnected ? 'about the mark under the pointer' : `stale: ${tipEl.textContent}`;
      },
      [at!.x, at!.y, SEL] as const,
    );
    expect(state).not.toMatch(/^stale/);
    await page.context().close();
  });

  it('shows the "drag to pan" hint once per browsing session, in the toolbar row', async () => {
    const page = await openPage(served.browser, served.site.url);
    await page.locator(SEL).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${SEL}[data-ready]`);
    const hint = page.locator(`${SEL} .tl-hint`);
    expect(await hint.isVisible()).toBe(true);
    expect(await hint.textContent()).toBe('Drag to pan · Ctrl+scroll or pinch to zoom');
    // On its own compositor layer, so that its fade costs the first zoom step's frame nothing.
    expect(await hint.evaluate((el) => getComputedStyle(el).willChange)).toBe('opacity');
    // Beside the zoom buttons, in their row: it adds no height and covers no button (a narrow window too).
    // Below 560 px (the vertical variant) the row has no room for it: it is not shown.
    await page.setViewportSize({ width: 390, height: 800 });
    expect(await hint.isVisible()).toBe(false);
    for (const width of [1280, 640]) {
      await page.setViewportSize({ width, height: 800 });
      // Below 720 px the track buttons fold under a "Tracks" button in the zoom row, and the chart follows.
      const [h, zoom, toggle, filter, stage] = await page.$eval(SEL, (root) =>
        ['.tl-hint', '.tl-zoom', '.tl-filters-toggle', '.tl-filters', '.tl-stage'].map((q) => {
          const r = root.querySelector(q)!.getBoundingClientRect();
          return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, height: r.height };
        }),
      );
      expect(h.top, `at ${width} px`).toBeGreaterThanOrEqual(zoom.top);
      expect(h.bottom, `at ${width} px`).toBeLessThanOrEqual(zoom.bottom + 0.5);
      expect(h.left, `at ${width} px`).toBeGreaterThan(Math.max(zoom.right, toggle.right));
      expect(h.bottom, `at ${width} px`).toBeLessThanOrEqual((filter.height > 0 ? filter : stage).top + 0.5);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    // A zoom gesture puts it away.
    const box = (await page.locator(svgOf(1280)).boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await hint.waitFor({ state: 'hidden' });
    await page.reload();
    await page.locator(SEL).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${SEL}[data-ready]`);
    expect(await page.locator(`${SEL} .tl-hint`).count()).toBe(0);
    await page.context().close();
  });

  it('keeps the hint clear of the track buttons where they run along its row, and shows it where a resize makes room', async () => {
    // Per chart, the widths at which the hint showed and at which it stayed out of sight (the same page,
    // resized: it shows once per session). Where the track buttons fill the row (a chart of few tracks, at
    // 720 px and more), it stays out of sight; below 720 px they fold under "Tracks" and make room.
    const seen: { shown: number[]; hidden: number[] }[] = [];
    for (const c of data.charts.filter((x) => x.kind === 'timeline')) {
      const widths = { shown: [] as number[], hidden: [] as number[] };
      seen.push(widths);
      const page = await openPage(served.browser, `${served.site.url}embed/${c.id}/`);
      const root = `timeline-chart[data-chart="${c.id}"]`;
      await page.waitForSelector(`${root}[data-ready]`);
      for (const width of [1440, 1280, 1024, 760, 700, 600]) {
        await page.setViewportSize({ width, height: 800 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const { hint, buttons } = await page.$eval(root, (el) => {
          const box = (r: DOMRect) => ({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
          const hint = el.querySelector('.tl-hint')!;
          const h = hint.getBoundingClientRect();
          return {
            hint: h.width > 0 && getComputedStyle(hint).visibility === 'visible' ? box(h) : null,
            buttons: [...el.querySelectorAll('.tl-toolbar button')]
              .map((b) => b.getBoundingClientRect())
              .filter((r) => r.width > 0)
              .map(box),
          };
        });
        (hint ? widths.shown : widths.hidden).push(width);
        if (!hint) continue;
        const where = `${c.id} at ${width} px`;
        expect(hint.bottom, where).toBeLessThanOrEqual(Math.min(...buttons.map((b) => b.bottom)) + 0.5);
        for (const b of buttons) {
          const apart = b.right <= hint.left || b.left >= hint.right || b.bottom <= hint.top || b.top >= hint.bottom;
          expect(apart, `${where}: the hint covers a button at x ${b.left}–${b.right}`).toBe(true);
        }
      }
      await page.context().close();
    }
    expect(seen.some((w) => w.shown.length > 0 && w.hidden.some((h) => h >= 720))).toBe(true);
  });
});

describe('the keyboard in the drawing', () => {
  it('keeps its focus in the drawing when a zoom step takes the focused mark into a "+N"', async () => {
    // The clustered event, opened by a deep link (the chart zooms in to it), then closed: its mark has the focus.
    const page = await openPage(served.browser, `${served.site.url}?event=${clustered.id}`);
    await page.locator(panel).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await page.locator(panel).waitFor({ state: 'hidden' });
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement;
        return {
          id: el?.getAttribute('data-id'),
          inDrawing: !!el?.closest('svg.tl'),
          tabStop: el?.getAttribute('tabindex'),
        };
      });
    expect(await focused()).toEqual({ id: clustered.id, inDrawing: true, tabStop: '0' });
    // Back to the whole period, where the build drew that event inside a "+N": the focus goes to the new tab stop.
    await page.keyboard.press('0');
    await page.waitForFunction(
      (sel) => !document.querySelector(sel),
      `${svgOf(1280)} .tl-marks [data-id="${clustered.id}"]`,
    );
    await frames(page);
    expect(await focused()).toMatchObject({ inDrawing: true, tabStop: '0' });
    // So the keys go on working: "+" zooms in.
    const before = await span(page);
    await page.keyboard.press('+');
    await frames(page);
    expect(await span(page)).toBeLessThan(before);
    // The focused mark's tooltip steps aside while the steps come (placing it would lay the page out twice
    // in a step's frame), and comes back beside the mark once they pause.
    const tip = page.locator(`${SEL} .tl-tooltip`);
    expect(await tip.isHidden(), 'no tooltip in the step').toBe(true);
    await tip.waitFor({ state: 'visible', timeout: 1000 });
    const [tipBox, markBox] = await Promise.all([
      tip.boundingBox(),
      page.evaluate(() => {
        const r = document.activeElement!.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }),
    ]);
    expect(Math.abs(tipBox!.y - (markBox.y + markBox.height)), 'the tooltip just below its mark').toBeLessThan(12);
    await page.context().close();
  });
});

describe('deep links as typed', () => {
  for (const path of ['', `embed/${chart.id}/`]) {
    for (const form of [`?event=${clustered.id}`, `#event-${clustered.id}`]) {
      it(`/${path}${form} opens and centres that event, after reload and after back`, async () => {
        const page = await openPage(served.browser, `${served.site.url}${path}${form}`);
        await page.locator(panel).waitFor({ state: 'visible' });
        expect(await panelTitle(page)).toBe(clustered.title);
        const onScreen = () =>
          page.$eval(`${svgOf(1280)} .tl-marks [data-id="${clustered.id}"] .tl-mark__symbol`, (el) => {
            const r = el.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight;
          });
        expect(await onScreen(), 'the mark is on screen').toBe(true);
        await page.reload();
        await page.locator(panel).waitFor({ state: 'visible' });
        expect(await panelTitle(page)).toBe(clustered.title);
        expect(await onScreen(), 'the mark is on screen after reload').toBe(true);
        // Another event, then Back.
        await page.locator(`${svgOf(1280)} .tl-marks [data-id="${other.id}"]`).dispatchEvent('click');
        await page.waitForFunction((id) => new URL(location.href).searchParams.get('event') === id, other.id);
        await page.waitForFunction(([sel, t]) => document.querySelector(`${sel} h3, ${sel} h4`)?.textContent === t, [
          panel,
          other.title,
        ] as const);
        await page.goBack();
        await page.waitForFunction(([sel, t]) => document.querySelector(`${sel} h3, ${sel} h4`)?.textContent === t, [
          panel,
          clustered.title,
        ] as const);
        expect(await page.locator(panel).isVisible()).toBe(true);
        await page.context().close();
      });
    }
  }

  it('opens an event when the reader types #event-<id> on a page already open', async () => {
    const page = await openPage(served.browser, served.site.url);
    await page.evaluate((id) => (location.hash = `event-${id}`), other.id);
    await page.locator(panel).waitFor({ state: 'visible' });
    expect(await panelTitle(page)).toBe(other.title);
    const mid = await page.$eval(`${svgOf(1280)} .tl-marks [data-id="${other.id}"] .tl-mark__symbol`, (el) => {
      const r = el.getBoundingClientRect();
      return Math.abs((r.top + r.bottom) / 2 - innerHeight / 2);
    });
    expect(mid, 'the mark is centred').toBeLessThan(40);
    await page.context().close();
  });
});
