// A page in another language, in Chromium: the timeline's axis is written in that language's months
// (Intl's abbreviations for its locale) as built, and still after the browser redraws it (two zoom steps
// by the "+" button and a drag), and so is the status line the browser writes. The language switcher
// keeps the event the reader has open.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { frames, openPage, serveWithBrowser } from './browser';
import { getTimelineData, siteLanguages } from '../../src/data/timeline';
import { uiStrings } from '../../src/lib/ui/strings';

const languages = siteLanguages();
const others = languages.published.filter((l) => l !== languages.default);
const served = serveWithBrowser();

/** The month abbreviations and full names of a locale, as Intl writes them (without a trailing period). */
function months(locale: string, month: 'short' | 'long'): string[] {
  const format = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => format.format(Date.UTC(2019, m, 15)).replace(/\.$/, ''));
}

/** The month words of the wide chart's axis ("jun" of "jun 2019" or "7 jun"). */
const axisWords = (page: Page) =>
  page.$$eval('timeline-chart .tl-variant--wide .tl-axis text', (els) =>
    els.flatMap((e) =>
      e
        .textContent!.trim()
        .split(/\s+/)
        .filter((w) => /\p{L}/u.test(w)),
    ),
  );

describe.each(others)('the timeline in "%s"', (lang) => {
  const { locale } = uiStrings(lang);
  // Exact, case included: English "Jun" is not Spanish "jun".
  const own = new Set(months(locale, 'short'));

  it('writes its axis and status line in that language, as built and after zooming', async () => {
    const page = await openPage(served.browser, `${served.site.url}${lang}/`, {
      viewport: { width: 1280, height: 800 },
    });
    const chart = page.locator('timeline-chart').first();
    await chart.scrollIntoViewIfNeeded();
    await page.waitForSelector('timeline-chart[data-ready]');
    const built = await axisWords(page);
    expect(built.length).toBeGreaterThan(3);
    for (const word of built) expect(own, `"${word}" on the built axis`).toContain(word);

    await page.click('timeline-chart button[data-zoom="in"]');
    await page.click('timeline-chart button[data-zoom="in"]');
    const box = (await page.locator('timeline-chart .tl-variant--wide svg').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 4, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await frames(page);
    const zoomed = await axisWords(page);
    expect(zoomed.length).toBeGreaterThan(1);
    expect(zoomed).not.toEqual(built);
    for (const word of zoomed) {
      expect(own, `"${word}" on the zoomed axis`).toContain(word);
    }
    // The status line names the window's dates in the language's long month names.
    const status = (await page.locator('timeline-chart [role="status"]').first().textContent()) ?? '';
    expect(months(locale, 'long').some((m) => status.includes(m))).toBe(true);
    await page.context().close();
  });
});

describe.each(others)('the language switcher to "%s"', (lang) => {
  it('keeps the event the reader has open', async () => {
    const event = getTimelineData().events.find((e) => e.importance === 1)!;
    const page = await openPage(served.browser, `${served.site.url}?event=${event.id}`);
    await page.locator('timeline-chart').first().scrollIntoViewIfNeeded();
    await page.waitForSelector('timeline-chart[data-ready]');
    await page.click(`.language-switch a[hreflang="${lang}"]`);
    await page.waitForURL(`**/${lang}/?event=${event.id}`);
    await page.locator('timeline-chart').first().scrollIntoViewIfNeeded();
    const title = page.locator('timeline-chart .tl-details h3, timeline-chart .tl-details h4').first();
    await title.waitFor();
    expect(await title.textContent()).toBe(getTimelineData(lang).events.find((e) => e.id === event.id)!.title);
    await page.context().close();
  });
});
