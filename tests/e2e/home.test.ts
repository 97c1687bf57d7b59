// The home page lists every event — date at its precision, track, title, summary, source links —
// with JavaScript off, at phone and desktop widths. (axe-core on the home page, in light and dark at 390
// and 1280 px with every chart enhanced, is walk.test.ts's: it checks every page template that way.)
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { DIST, frames, luminance, openPage, scriptShift, serveWithBrowser } from './browser';
import { formatDateRange, partialDateMidpoint } from '../../src/lib/dates';
import type { TimelineData } from '../../src/lib/timeline/schema';
import { uiStrings } from '../../src/lib/ui/strings';
import { cardRows } from '../../src/lib/charts/key-figures';

const data: TimelineData = JSON.parse(readFileSync(`${DIST}/data/timeline.json`, 'utf8'));

const served = serveWithBrowser();

describe('chronology page without JavaScript', () => {
  for (const width of [390, 1280]) {
    it(`lists every event with its date, track, title, summary and sources at ${width} px`, async () => {
      const page = await openPage(served.browser, `${served.site.url}chronology/`, {
        javaScriptEnabled: false,
        viewport: { width, height: 844 },
      });
      const trackLabel = new Map(data.tracks.map((t) => [t.id, t.label]));
      const items = await page.$$eval('.chronology li.event', (lis) =>
        lis.map((li) => ({
          id: li.id,
          date: li.querySelector('.meta time')?.textContent?.trim(),
          track: li.querySelector('.track')?.textContent?.trim(),
          title: li.querySelector('.title')?.textContent?.trim(),
          summary: li.querySelector('.summary')?.textContent?.trim(),
          links: [...li.querySelectorAll('.sources a')].map((a) => a.getAttribute('href')),
        })),
      );
      expect(items).toHaveLength(data.events.length);
      for (const event of data.events) {
        const item = items.find((i) => i.id === `event-${event.id}`);
        expect(item, event.id).toBeDefined();
        // Its day and month on one line (bound with no-break spaces).
        expect(item!.date).toBe(formatDateRange(event.date, event.end, undefined, true));
        expect(item!.track).toBe(trackLabel.get(event.track));
        expect(item!.title).toBe(event.title);
        expect(item!.summary).toBe(event.summary);
        expect(item!.links).toEqual(event.sources.map((s) => s.url));
      }
      // Nothing wider than the viewport: no horizontal scrolling on a phone.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.context().close();
    });
  }

  it('shows a month-precision date as the month, not as its first day', async () => {
    const monthOnly = data.events.find((e) => e.date.length === 7);
    if (!monthOnly) return expect(data.events.every((e) => e.date.length !== 7)).toBe(true);
    const page = await openPage(served.browser, `${served.site.url}chronology/`, { javaScriptEnabled: false });
    const text = await page.textContent(`#event-${monthOnly.id} .meta time`);
    expect(text).toMatch(/^[A-Z][a-z]+ \d{4}/);
    expect(text).not.toMatch(/^1 /);
    await page.context().close();
  });
});

describe('home page without JavaScript', () => {
  it('tells the story: headline, what you need to know, sections, and every chart it places, drawn', async () => {
    const page = await openPage(served.browser, served.site.url, { javaScriptEnabled: false });
    const story = readFileSync('content/stories/us-mexico-2019.mdx', 'utf8');
    const title = /^title: (.+)$/m.exec(story)![1].replace(/^["']|["']$/g, '');
    expect((await page.textContent('h1'))?.trim()).toBe(title);
    expect(await page.locator('.key-points li').count()).toBeGreaterThanOrEqual(4);
    const sections = [...story.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
    const headings = await page.$$eval('.story h2', (hs) => hs.map((h) => h.textContent?.trim()));
    expect(headings).toEqual(sections);
    for (const [, id] of story.matchAll(/<Chart id="([^"]+)"/g)) {
      const figure = page.locator(`figure#chart-${id}`);
      expect(await figure.count(), id).toBe(1);
      // drawn at build time: an SVG with content, or (key figures) a list of figures
      expect(await figure.locator('svg path, svg rect, li').count(), id).toBeGreaterThan(3);
    }
    // Every reference in the text links to an event page that exists.
    const refs = await page.$$eval('a[data-event-ref]', (as) => as.map((a) => a.getAttribute('href')));
    expect(refs.length).toBeGreaterThan(20);
    for (const href of refs)
      expect(
        data.events.some((e) => href?.endsWith(`/events/${e.id}/`)),
        href!,
      ).toBe(true);
    await page.context().close();
  });
});

describe('home page: the first screen shows the lead chart', () => {
  // The lead chart is the first of charts.yaml; it sits under the headline, once.
  const lead = data.charts[0];
  // Spanish runs about a fifth longer: its headline, standfirst and chart title take more lines. It showed
  // 120 px of the drawing at 390 × 844 (a three-line site title in the header, a 26-px headline).
  for (const [prefix, width, height, limit, minDrawing] of [
    ['', 1280, 800, 800, 200],
    ['', 390, 844, 844, 200],
    ['es/', 390, 844, 844, 150],
  ] as const) {
    for (const javaScriptEnabled of [true, false]) {
      it(`puts its top within ${limit} px and ${minDrawing} px of its drawing on the first screen at ${width}×${height}${prefix ? ` (${prefix})` : ''}, JavaScript ${javaScriptEnabled ? 'on' : 'off'}, and nothing shifts`, async () => {
        // With JavaScript, the shift its scripts cause once the page is parsed (none, expected below).
        const url = `${served.site.url}${prefix}`;
        const { page, shift } = javaScriptEnabled
          ? await scriptShift(served.browser, url, { viewport: { width, height } }, (p) =>
              p.waitForSelector(`timeline-chart[data-chart="${lead.id}"][data-ready]`),
            )
          : {
              page: await openPage(served.browser, url, { viewport: { width, height }, javaScriptEnabled }),
              shift: 0,
            };
        const box = await page.$eval(`figure#chart-${lead.id}`, (f) => {
          const r = f.getBoundingClientRect();
          return { top: r.top + window.scrollY, height: r.height };
        });
        expect(box.top).toBeLessThan(limit);
        // The chart itself (its toolbar, legend or drawing), not only its title, starts on the first screen.
        const body = await page.$eval(
          `figure#chart-${lead.id} .chart-body`,
          (b) => b.getBoundingClientRect().top + scrollY,
        );
        expect(body).toBeLessThan(height - 100);
        // And the drawing too, not only the toolbar and legend above it: `minDrawing` px of it at least (the
        // first months' marks on a phone, the first tracks wide).
        const drawing = await page.$eval(`figure#chart-${lead.id}`, (f) => {
          const shown = [...f.querySelectorAll('.tl-variant')].find((v) => v.getBoundingClientRect().height > 0);
          return shown!.querySelector('svg')!.getBoundingClientRect().top + scrollY;
        });
        expect(height - drawing, 'px of the drawing on the first screen').toBeGreaterThanOrEqual(minDrawing);
        expect(box.height).toBeGreaterThan(200);
        expect(await page.locator(`figure#chart-${lead.id}`).count()).toBe(1);
        // In reading order: the headline, then the chart (titled at level 2), then what you need to know.
        const order = await page.$$eval('main h1, main h2', (hs) => hs.slice(0, 3).map((h) => h.id || h.localName));
        expect(order).toEqual(['h1', `chart-${lead.id}-title`, 'key-points-heading']);
        expect(shift, 'cumulative layout shift').toBe(0);
        await page.context().close();
      });
    }
  }
});

describe('the site header', () => {
  // The full title took two lines of a phone's header in English and three in Spanish, above the headline:
  // the Spanish home page showed about 110 px of its lead chart's drawing on the first screen at 390 × 844.
  const languages: [string, TimelineData][] = [
    ['', data],
    ['es/', JSON.parse(readFileSync(`${DIST}/es/data/timeline.json`, 'utf8'))],
  ];
  for (const [prefix, { site }] of languages)
    for (const width of [360, 390, 1280]) {
      const phone = width < 640;
      it(`names the site in ${phone ? 'one line, by its short title' : 'full'}, and keeps each date of the byline and footer on one line, at ${width} px (${site.language})`, async () => {
        expect(site.shortTitle).toBeTruthy();
        const page = await openPage(served.browser, `${served.site.url}${prefix}`, {
          viewport: { width, height: 844 },
        });
        const shown = await page.$eval('.site-header .brand', (a) => {
          const part = [...a.children].find((c) => getComputedStyle(c).display !== 'none')!;
          return { text: (a as HTMLElement).innerText.trim(), lines: part.getClientRects().length };
        });
        expect(shown.text).toBe(phone ? site.shortTitle : site.title);
        if (phone) expect(shown.lines).toBe(1);
        // Its name for a screen reader is the title on screen, not both.
        const name = phone ? site.shortTitle! : site.title;
        await expect.poll(() => page.locator('.site-header').getByRole('link', { name, exact: true }).count()).toBe(1);
        // The byline's dates keep on one line with their word ("Published 28 November / 2026" at 390 px, once), and
        // the footer's dates too.
        // Lines of text, not boxes: an inline block is one box however its text wraps inside it.
        const dates = await page.$$eval('.byline__when, .site-footer time', (times) =>
          times.map((t) => {
            const range = document.createRange();
            range.selectNodeContents(t);
            const lines = new Set(
              [...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.bottom)),
            );
            return `${t.textContent!.trim().replace(/\s+/g, ' ')} in ${lines.size} line(s)`;
          }),
        );
        expect(dates.length).toBeGreaterThanOrEqual(3);
        expect(dates[0]).toMatch(new RegExp(`^${uiStrings(site.language).home.published}`));
        for (const d of dates) expect(d).toMatch(/ in 1 line\(s\)$/);
        await page.context().close();
      });
    }
});

describe('home page: references in the text', () => {
  it('highlight their event in the lead chart, now above the story', async () => {
    const lead = data.charts[0];
    const page = await openPage(served.browser, served.site.url);
    await page.waitForSelector(`timeline-chart[data-chart="${lead.id}"][data-ready]`);
    const ref = page.locator('.story a[data-event-ref]').first();
    const id = await ref.getAttribute('data-event-ref');
    await ref.focus();
    const marked = page.locator(`timeline-chart[data-chart="${lead.id}"] .tl-mark--ref`);
    await expect.poll(() => marked.count()).toBe(1);
    expect(await marked.evaluate((el) => el.closest('[data-id]')?.getAttribute('data-id'))).toBe(id);
    await ref.blur();
    await expect.poll(() => marked.count()).toBe(0);
    await page.context().close();
  });
});

describe('home page: the companion charts’ marks', () => {
  it('show their accessible name as the tooltip, line by line, on keyboard focus; the arrows move between them', async () => {
    const page = await openPage(served.browser, served.site.url);
    const charts = await page.locator('chart-tooltip').count();
    expect(charts).toBeGreaterThanOrEqual(4);
    for (let c = 0; c < charts; c++) {
      const chart = page.locator('chart-tooltip').nth(c);
      // The tab stop of the variant on screen.
      const first = chart.locator('.item[aria-label][tabindex="0"]').filter({ visible: true }).first();
      await first.focus();
      const tip = chart.locator('.chart-tip');
      await expect.poll(() => tip.isVisible()).toBe(true);
      const lines = () => tip.locator('span').allTextContents();
      const name = (await first.getAttribute('aria-label'))!;
      // The tooltip is the name, a line for each part (the name joins them with "; ").
      expect((await lines()).join('; ')).toBe(name);
      expect((await lines()).length).toBeGreaterThan(1);
      await page.keyboard.press('ArrowRight');
      const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label'));
      expect(focused).toBeTruthy();
      expect(focused).not.toBe(name);
      await expect.poll(async () => (await lines()).join('; ')).toBe(focused);
      await page.keyboard.press('Escape');
      await expect.poll(() => tip.isVisible()).toBe(false);
    }
    await page.context().close();
  });
});

describe('home page: the story rail at 1280×800', () => {
  it('keeps its steps and its list inside the window in every section (a long list scrolls), the list in date order', async () => {
    const page = await openPage(served.browser, served.site.url);
    const headings = await page.locator('.story > h2').count();
    expect(headings).toBeGreaterThan(3);
    let scrolls = 0;
    let shaded = 0;
    let ordered = 0;
    for (let i = 0; i < headings; i++) {
      await page
        .locator('.story > h2')
        .nth(i)
        .evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 200));
      const heading = (await page.locator('.story > h2').nth(i).textContent())!;
      await expect.poll(() => page.locator('.rail-section').textContent()).toBe(heading);
      const box = await page.evaluate(() => {
        const bottom = (sel: string) => document.querySelector(sel)!.getBoundingClientRect().bottom;
        const list = document.querySelector('.rail-events')!;
        return {
          steps: bottom('.rail-steps'),
          rail: bottom('.story-rail'),
          list: bottom('.rail-events'),
          scrolls: list.scrollHeight > list.clientHeight,
          hides: list.scrollHeight - list.clientHeight,
          height: innerHeight,
        };
      });
      // The section's events in date order ("7 June, 10 June, 7 June, 10 June" in the order of mention, once).
      const ids = await page.$$eval('.rail-events a', (links) =>
        links.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/').filter(Boolean).pop()!),
      );
      const when = ids.map((id) => partialDateMidpoint(data.events.find((e) => e.id === id)!.date));
      expect(when, `${heading}: ${ids.join(', ')}`).toEqual([...when].sort((a, b) => a - b));
      if (new Set(when).size > 1) ordered++;
      expect(box.steps, heading).toBeLessThanOrEqual(box.height);
      expect(Math.max(box.rail, box.list), heading).toBeLessThanOrEqual(box.height);
      if (box.scrolls) scrolls++;
      if (box.hides > 40) {
        shaded++;
        // Where it hides two lines or more, a shade along its bottom edge says the list goes on; it goes
        // once the list is scrolled to its end.
        const r = await page.$eval('.rail-events', (l) => l.getBoundingClientRect().toJSON());
        const edge = { x: r.right - 12, y: r.bottom - 5, width: 8, height: 4 };
        const before = await luminance(page, edge);
        await page.$eval('.rail-events', (l) => l.scrollTo(0, l.scrollHeight));
        await frames(page);
        expect(before, `${heading}: a shade while the list goes on`).toBeLessThan((await luminance(page, edge)) - 8);
      }
    }
    // The story's longest lists do not fit: the case this guards is there.
    expect(scrolls).toBeGreaterThan(0);
    // Lists of more than one date were checked.
    expect(ordered).toBeGreaterThan(2);
    expect(shaded).toBeGreaterThan(0);
    await page.context().close();
  });

  it('names the section in view after a jump (End, Home, a dragged scrollbar), not the last one it saw', async () => {
    // It followed the headings as they crossed into the top half of the window: a jump that starts and
    // ends with no heading there (reading inside a long section, 50 px below its heading) crosses none,
    // and the rail went on naming the section the reader had left.
    const page = await openPage(served.browser, served.site.url);
    const headings = await page.locator('.story > h2').allTextContents();
    const inside = (i: number) =>
      page.evaluate((n) => {
        const h = document.querySelectorAll('.story > h2')[n];
        window.scrollTo(0, h.getBoundingClientRect().top + scrollY + 50);
      }, i);
    for (const i of [1, headings.length - 2, 2, headings.length - 1, 1]) {
      await inside(i);
      await expect.poll(() => page.locator('.rail-section').textContent()).toBe(headings[i]);
    }
    await page.context().close();
  });

  it('does no work on a phone, where it is hidden, and follows the story again once the window is wide', async () => {
    const page = await openPage(served.browser, served.site.url, { viewport: { width: 390, height: 844 } });
    expect(await page.locator('story-rail').isVisible()).toBe(false);
    const heading = page.locator('.story > h2').nth(2);
    await heading.evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY + 50));
    await frames(page);
    // It read every heading's place and rebuilt a list nobody sees, once a frame as the reader scrolled.
    expect(await page.locator('.rail-events li').count()).toBe(0);
    expect(await page.locator('.rail-section').textContent()).toBe('');
    await page.setViewportSize({ width: 1280, height: 800 });
    await heading.evaluate((h) => window.scrollTo(0, h.getBoundingClientRect().top + scrollY + 50));
    await expect.poll(() => page.locator('.rail-section').textContent()).toBe(await heading.textContent());
    expect(await page.locator('.rail-events li').count()).toBeGreaterThan(0);
    await page.context().close();
  });
});

describe('the key figures’ grid', () => {
  it('fills every row to its full width, for 1 to 9 cards, in one to four columns (no card alone under a full row)', async () => {
    const page = await openPage(served.browser, `${served.site.url}embed/key-figures/`, {
      javaScriptEnabled: false,
    });
    const grid = page.locator('.key-figures');
    const total = await grid.locator('.key-figure').count();
    expect(total).toBeGreaterThanOrEqual(5);
    // Widths in one, two, three and four columns of cards of 14rem or more (each as auto-fill made them).
    for (const [i, width] of [400, 600, 800, 1100].entries()) {
      await page.setViewportSize({ width, height: 900 });
      let columns = 0;
      for (let n = 9; n >= 1; n--) {
        // n cards: the page's own, repeated or cut.
        const rows = await grid.evaluate((ul, n) => {
          const cards = [...ul.querySelectorAll(':scope > li')];
          const first = (ul as HTMLElement & { _cards?: Element[] })._cards ?? cards;
          (ul as HTMLElement & { _cards?: Element[] })._cards = first;
          ul.replaceChildren(...Array.from({ length: n }, (_, i) => first[i % first.length].cloneNode(true)));
          const box = ul.getBoundingClientRect();
          const byRow = new Map<number, { left: number; right: number }[]>();
          for (const li of ul.children) {
            const r = li.getBoundingClientRect();
            const top = Math.round(r.top);
            byRow.set(top, [...(byRow.get(top) ?? []), { left: r.left - box.left, right: box.right - r.right }]);
          }
          return [...byRow.values()].map((row) => ({
            cards: row.length,
            left: Math.min(...row.map((c) => c.left)),
            right: Math.min(...row.map((c) => c.right)),
          }));
        }, n);
        // Nine cards fill their first row whatever the count of columns.
        if (n === 9) columns = rows[0].cards;
        expect(columns, `columns at ${width} px`).toBe(i + 1);
        for (const row of rows) {
          expect(row.left, `${n} cards at ${width} px: a row's first card at the grid's left`).toBeLessThan(1);
          expect(row.right, `${n} cards at ${width} px: a row's last card at the grid's right`).toBeLessThan(1);
        }
        // The rows the chart's image takes too (cardRows): in three or four columns, no card alone on a row.
        expect(
          rows.map((r) => r.cards),
          `${n} cards at ${width} px`,
        ).toEqual(cardRows(n, i + 1));
      }
    }
    await page.context().close();
  });
});
