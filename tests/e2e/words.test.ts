// No glued words: on every built page, the text of each text node is laid out as a reader sees it,
// with a word boundary at both ends — so "to" + <a>January</a> never renders as "toJanuary" because
// the build dropped the line break between them. Checked against the rendered `innerText` of the
// node's nearest block (its paragraph, list item, table cell …), at desktop and phone widths.
// Without JavaScript, controls that need it (the table's filters, the reading rail's steps) are
// not shown; with it they are, and they work.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, openPage, serveWithBrowser } from './browser';
import { siteLanguages } from '../../src/data/timeline';
import type { TimelineData } from '../../src/lib/timeline/schema';
import { eventSample } from './walk-pages';

/** Every page of the built site, as a path under the site's root ('' is the home page). */
function builtPages(dir = DIST): string[] {
  const pages: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) pages.push(...builtPages(path));
    else if (name === 'index.html') pages.push(relative(DIST, dir).split('\\').join('/') + '/');
  }
  return pages.map((p) => (p === '/' ? '' : p)).sort();
}

// Event pages share one template and differ by their data's optional parts: they are sampled, at both
// widths — the walk's sample (the first and last by date, the longest title, the most sources, and events
// until every track and optional part is in: walk-pages.ts), plus every seventh and the last. Every other
// page — story, table, glossary, sources, chronology, embeds — and the 404 pages are read at both widths.
const all = builtPages();
const languages = siteLanguages();
const languageFolders = languages.published.filter((l) => l !== languages.default).map((l) => `${l}/`);
const folder = (p: string) => languageFolders.find((f) => p.startsWith(f)) ?? '';
const isEvent = (p: string) => p.slice(folder(p).length).startsWith('events/') && !p.endsWith('events/');
const events = all.filter(isEvent);
const data: TimelineData = JSON.parse(readFileSync(join(DIST, 'data', 'timeline.json'), 'utf8'));
const featured = new Set(eventSample(data.events).map((e) => `events/${e.id}/`));
const sampled = events.filter(
  (p, i) => i % 7 === 0 || i === events.length - 1 || featured.has(p.slice(folder(p).length)),
);
const notFound = ['404.html', ...languageFolders.map((f) => `${f}404.html`)];
/** The pages read, at both widths. */
const pages = [...new Set([...all.filter((p) => !isEvent(p)), ...sampled, ...notFound])];
const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
];

/**
 * In the page (under `root`): marks both ends of every rendered text node (outside SVG and form
 * fields) with private-use characters, reads the innerText of each node's nearest block (its
 * paragraph, list item, table cell …) and returns, with what the reader sees around it, every node
 * glued to its neighbour: a letter or digit against a letter or digit, or a closing mark
 * (, ; : ! ? ) ] ”) against a letter — "to" + "January" as "toJanuary", "JSON" "," "CSV" as "JSON,CSV" —
 * or a space before a closing mark. Puts the text back as it was, so that the page can be read again at
 * another width. Returns them with the page's width and its rendered text, without chart labels (SVG, drawn
 * line by line) and code samples, for its words to be looked up in Node (the vocabulary is too large to send
 * to every page). One call, two layouts: the marked text, then the text without SVG and code.
 */
function readPage(root = 'body'): { width: number; text: string; glued: string[] } {
  const OPEN = '\uE000';
  const CLOSE = '\uE001';
  const word = /[\p{L}\p{N}]/u;
  const letter = /\p{L}/u;
  const closing = /[,;:!?)\]”]/;
  // …or a space pushed in before a closing mark ("2026 , updated"), as a template line break can.
  // (A mark that starts a word, as in "?theme=dark", is not one.)
  const glued = (before: string, after: string, next: string) =>
    (word.test(before) && word.test(after)) ||
    (closing.test(before) && letter.test(after)) ||
    (before === ' ' && (/[)\]]/.test(after) || (/[,.;:!?]/.test(after) && /\s/.test(next))));
  const blockOf = (el: Element) => {
    let b: Element | null = el;
    while (b && b !== document.body && /^(inline|contents)/.test(getComputedStyle(b).display)) b = b.parentElement;
    return (b ?? document.body) as HTMLElement;
  };
  const blocks = new Set<HTMLElement>();
  const walker = document.createTreeWalker(document.querySelector(root)!, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  const marked: [Text, string][] = [];
  for (const node of nodes) {
    const parent = node.parentElement;
    const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(node.data)!;
    if (!m[2] || !parent || parent.closest('svg, select, textarea, script, style, template, noscript')) continue;
    if (!parent.checkVisibility({ visibilityProperty: true })) continue;
    marked.push([node, node.data]);
    node.data = `${m[1]}${OPEN}${m[2]}${CLOSE}${m[3]}`;
    blocks.add(blockOf(parent));
  }
  const failures: string[] = [];
  for (const block of blocks) {
    // Line breaks stay: they part blocks (a nested one, or out of flow) and lines.
    const text = block.innerText.replace(/[^\S\n]+/g, ' ');
    const plain = (s: string) => s.replace(/[\uE000\uE001]/g, '');
    // Each boundary between two marked nodes, or between a node and unmarked text, once.
    const re = /[\uE000\uE001]+/g;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const before = text[m.index - 1] ?? '\n';
      const after = text[m.index + m[0].length] ?? '\n';
      if (glued(before, after, text.slice(m.index + m[0].length + 1).replace(/^[\uE000\uE001]+/, '')[0] ?? '\n')) {
        failures.push(`…${plain(text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 30))}…`);
      }
    }
  }
  for (const [node, data] of marked) node.data = data;
  const hide = document.createElement('style');
  hide.textContent = 'svg, pre, code { display: none !important; }';
  document.head.append(hide);
  const text = document.body.innerText.replace(/\s+/g, ' ');
  hide.remove();
  return { width: innerWidth, text, glued: failures };
}

/** Every file under these folders whose name ends with one of these extensions. */
function sourceFiles(dirs: string[], ext = /\.(astro|ts|mjs|mdx|md|ya?ml|json)$/): string[] {
  return dirs.flatMap((dir) =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? sourceFiles([path], ext) : ext.test(name) ? [path] : [];
    }),
  );
}

// The words the site is written with: every run of letters in its templates, code, story and
// data (lower-cased). A word on a built page that is in none of them, such as "toJanuary" when
// "to" and {date} lose the line break between them, was glued together by the build.
const vocabulary = new Set(
  sourceFiles(['src', 'content', 'public'])
    .flatMap(
      (f) =>
        readFileSync(f, 'utf8')
          .toLowerCase()
          .match(/\p{L}+/gu) ?? [],
    )
    .concat(['https']),
);

/** The words of a page's rendered text that the vocabulary does not hold, each in context. */
function unknownWords(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/\p{L}+/gu)) {
    if (!vocabulary.has(m[0].toLowerCase()))
      found.push(`"${m[0]}" in …${text.slice(Math.max(0, m.index - 25), m.index + m[0].length + 25)}…`);
  }
  return found;
}

/** Reads the page, laid out `expected` px wide: the problems found, each with where ('/path @390px: …'). */
async function readAt(page: Page, path: string, expected: number): Promise<string[]> {
  const at = `/${path} @${expected}px`;
  const { width, text, glued } = await page.evaluate(readPage, 'body');
  if (width !== expected) return [`${at}: laid out ${width} px wide`];
  // A table shown wider than its box: the reader would scroll it sideways to read each row. (Not the
  // charts' data tables, folded under "See the data in a table": opened on a phone, their columns scroll
  // in a labelled box, as a data table may.)
  const wide = await page.$$eval('main table', (tables) =>
    tables
      .filter((t) => t.checkVisibility())
      .map((t) => [t.getBoundingClientRect().width, t.parentElement!.clientWidth])
      .filter(([w, box]) => w > 0 && w > box + 1)
      .map(([w, box]) => `a table ${Math.round(w)} px wide in a box of ${box} px`),
  );
  // The page's heading clear of the site's header (the table page's sat flush against its rule).
  const gap = await page.evaluate(() => {
    const header = document.querySelector('.site-header');
    const h1 = document.querySelector('main h1');
    return header && h1?.checkVisibility()
      ? h1.getBoundingClientRect().top - header.getBoundingClientRect().bottom
      : 16;
  });
  const flush = gap < 16 ? [`its heading starts ${Math.round(gap)} px below the site's header (16 px at least)`] : [];
  return [...unknownWords(text), ...glued, ...wide, ...flush].map((g) => `${at}: ${g}`);
}

/** Tabs that load pages at once (one waits for its page while another lays its page out). */
const TABS = 3;

const served = serveWithBrowser();

describe('no glued words', () => {
  it('finds the pages: story, table, glossary, sources, chronology, 404 and a sample of events', () => {
    for (const p of ['', 'table/', 'glossary/', 'sources/', 'chronology/', '404.html']) {
      expect(pages).toContain(p);
    }
    expect(sampled.length).toBeGreaterThanOrEqual(Math.min(events.length, 5));
    // The walk's sample of events is in, in every language.
    for (const f of ['', ...languageFolders]) for (const id of featured) expect(sampled).toContain(f + id);
  });

  it('every text node keeps its word boundaries, no table is wider than its box and the heading clears the header, at 1280 and 390 px, on every page but a sample of event pages', async () => {
    // Without JavaScript a page's layout follows nothing but the viewport: each page is loaded once and
    // read at each of its widths in turn.
    const context = await served.browser.newContext({ viewport: WIDTHS[0], javaScriptEnabled: false });
    const found: string[][] = WIDTHS.map(() => []);
    const queue = [...pages];
    const tab = async () => {
      const page = await context.newPage();
      let current = WIDTHS[0];
      for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
        await page.goto(served.site.url + path, { waitUntil: 'load' });
        // The width the tab is at first: one resize fewer.
        const widths = [current, ...WIDTHS.filter((w) => w !== current)];
        for (const viewport of widths) {
          if (viewport !== current) await page.setViewportSize((current = viewport));
          found[WIDTHS.indexOf(viewport)].push(...(await readAt(page, path, viewport.width)));
        }
      }
    };
    await Promise.all(Array.from({ length: TABS }, tab));
    await context.close();
    WIDTHS.forEach(({ width }, i) => expect.soft(found[i], `at ${width} px`).toEqual([]));
  });

  it('the check itself catches words glued across an element', async () => {
    const page = await openPage(served.browser, `${served.site.url}404.html`, { javaScriptEnabled: false });
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'glued';
      p.innerHTML =
        'From October to<a href="#">January</a>, as <b>one</b> word; data: <a>JSON</a>,<a>CSV</a>, <i>1</i>,<i>2</i> <i>x</i>\n, y.';
      document.querySelector('main')!.append(p);
    });
    const glued = [
      expect.stringContaining('toJanuary'),
      expect.stringContaining('JSON,CSV'),
      expect.stringContaining('x , y'),
    ];
    expect((await page.evaluate(readPage, '#glued')).glued).toEqual(glued);
    // Read again, as the test reads a page at its second width: the first read put the text back.
    for (const { width, height } of [...WIDTHS].reverse()) {
      await page.setViewportSize({ width, height });
      const found = await readAt(page, '404.html', width);
      expect(found).toContainEqual(expect.stringContaining('"toJanuary"'));
      expect(found.filter((f) => !f.includes('"toJanuary"'))).toEqual(glued);
    }
    // A page laid out at another width than the one asked for is a failure, not a pass.
    expect(await readAt(page, '404.html', WIDTHS[1].width)).toEqual([
      `/404.html @${WIDTHS[1].width}px: laid out ${WIDTHS[0].width} px wide`,
    ]);
    await page.context().close();
  });
});

/** Whether the element is shown: rendered, with a size. */
const shown = (page: Page, selector: string) =>
  page.$eval(
    selector,
    (el) => el.checkVisibility({ visibilityProperty: true }) && el.getBoundingClientRect().height > 0,
  );

// The three at once: while one waits for the browser, another's page is laid out.
describe.concurrent('controls that need JavaScript', () => {
  it('without JavaScript, the table filters and the rail’s Previous/Next are not shown', async ({ expect }) => {
    const table = await openPage(served.browser, `${served.site.url}table/`, { javaScriptEnabled: false });
    expect(await shown(table, 'form.table-controls')).toBe(false);
    await table.context().close();
    const home = await openPage(served.browser, served.site.url, { javaScriptEnabled: false });
    expect(await shown(home, '.story-rail')).toBe(true);
    expect(await shown(home, '.rail-steps')).toBe(false);
    await home.context().close();
  });

  it('with JavaScript, the table filters are shown and filter the rows', async ({ expect }) => {
    const page = await openPage(served.browser, `${served.site.url}table/`);
    await page.waitForSelector('form.table-controls:not([hidden])');
    expect(await shown(page, 'form.table-controls')).toBe(true);
    const rows = () =>
      page.$$eval('tbody tr', (trs) => trs.filter((tr) => (tr as HTMLElement).checkVisibility()).length);
    const total = await rows();
    const track = await page.$eval('select[name=track] option:nth-child(2)', (o) => (o as HTMLOptionElement).value);
    await page.selectOption('select[name=track]', track);
    await page.click('form.table-controls button[type=submit]');
    await expect.poll(rows).toBeLessThan(total);
    expect(
      await page.$$eval('tbody tr', (trs) =>
        trs
          .filter((tr) => (tr as HTMLElement).checkVisibility())
          .every(
            (tr) =>
              tr.getAttribute('data-track') ===
              tr.ownerDocument.querySelector<HTMLSelectElement>('select[name=track]')!.value,
          ),
      ),
    ).toBe(true);
    await page.context().close();
  });

  it('with JavaScript, the date header sorts the rows newest first and back, and its words, aria-sort and the caption follow', async ({
    expect,
  }) => {
    const page = await openPage(served.browser, `${served.site.url}table/`);
    await page.waitForSelector('form.table-controls:not([hidden])');
    const state = () =>
      page.evaluate(() => {
        const times = [...document.querySelectorAll('tbody time')].map((t) => t.getAttribute('datetime')!);
        return {
          first: times[0],
          last: times[times.length - 1],
          sort: document.querySelector('thead th')!.getAttribute('aria-sort'),
          button: document.querySelector('button.sort .dir')!.textContent,
          caption: document.querySelector('main table caption')!.textContent,
        };
      });
    const before = await state();
    expect(before.first < before.last).toBe(true);
    await page.click('button.sort');
    const after = await state();
    expect(after).toEqual({
      first: before.last,
      last: before.first,
      sort: 'descending',
      button: expect.not.stringMatching(before.button!),
      caption: expect.not.stringMatching(before.caption!),
    });
    await page.click('button.sort');
    expect(await state()).toEqual(before);
    await page.context().close();
  });

  it('the events table fits the page at every width, its event column the widest; on wide screens its header row stays in view, clear of a row focused from below', async ({
    expect,
  }) => {
    const page = await openPage(served.browser, `${served.site.url}table/`, { javaScriptEnabled: false });
    for (const folder of ['', ...languageFolders]) {
      if (folder) await page.goto(`${served.site.url}${folder}table/`);
      // Widths between the phone's and the desktop's, and both sides of the 56rem (896 px) breakpoint.
      for (const width of [641, 700, 768, 896, 897, 1024, 1280]) {
        await page.setViewportSize({ width, height: 800 });
        const {
          table,
          box,
          page: pageWidth,
          columns,
        } = await page.evaluate(() => {
          const t = document.querySelector('main table')!;
          return {
            table: Math.round(t.getBoundingClientRect().width),
            box: t.parentElement!.clientWidth,
            page: document.documentElement.scrollWidth - innerWidth,
            columns: [...t.querySelectorAll('thead th')]
              .filter((th) => th.checkVisibility())
              .map(
                (th) => [th.textContent!.trim().split(' ')[0], Math.round(th.getBoundingClientRect().width)] as const,
              ),
          };
        });
        expect.soft(table, `/${folder}table/ at ${width} px`).toBeLessThanOrEqual(box);
        expect.soft(pageWidth, `/${folder}table/: sideways scroll at ${width} px`).toBe(0);
        const event = columns[width > 896 ? 2 : 1];
        for (const [name, w] of columns)
          expect
            .soft(event[1], `/${folder}table/: ${event[0]} against ${name} at ${width} px`)
            .toBeGreaterThanOrEqual(w);
      }
      // 1280 px: scrolled halfway, the header row is at the top of the window.
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
      const header = await page.$eval('thead th', (th) => th.getBoundingClientRect());
      expect(Math.round(header.top), `/${folder}table/`).toBe(0);
      // Shift+Tab from a link near the bottom of the window, row after row: each link focused is scrolled
      // into view below the header row, not under it (the header is two lines high at 1280 px).
      await page.evaluate(() => {
        const links = [...document.querySelectorAll<HTMLAnchorElement>('tbody a')];
        const i = links.findIndex((a) => a.getBoundingClientRect().top > innerHeight - 60);
        links[i].focus({ preventScroll: true });
      });
      const hidden: string[] = [];
      for (let step = 0; step < 16; step++) {
        await page.keyboard.press('Shift+Tab');
        const { text, top, bottom } = await page.evaluate(() => {
          const a = document.activeElement!;
          return {
            text: a.textContent!.slice(0, 40),
            top: a.getClientRects()[0].top,
            bottom: document.querySelector('thead th')!.getBoundingClientRect().bottom,
          };
        });
        if (top < bottom) hidden.push(`${text}: top ${top.toFixed(1)} under the header's bottom ${bottom.toFixed(1)}`);
      }
      expect.soft(hidden, `/${folder}table/`).toEqual([]);
    }
    await page.context().close();
  });

  it('with JavaScript, the rail’s Previous/Next are shown and step to the next section', async ({ expect }) => {
    const page = await openPage(served.browser, served.site.url);
    await page.waitForSelector('.rail-steps:not([hidden])');
    expect(await shown(page, '.rail-steps')).toBe(true);
    await page.$eval('.story > h2', (h) => h.scrollIntoView({ block: 'start' }));
    const first = await page.$eval('.story > h2', (h) => h.textContent);
    await expect.poll(() => page.textContent('.rail-section')).toBe(first);
    await page.click('.rail-steps [data-step="1"]');
    const second = await page.$$eval('.story > h2', (hs) => hs[1].textContent);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(second);
    await expect.poll(() => page.textContent('.rail-section')).toBe(second);
    await page.context().close();
  });
});
