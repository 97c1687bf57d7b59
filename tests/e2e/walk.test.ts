// One browser walk over the built site that checks, on each page it visits, what used to take three walks
// (axe-all, csp and privacy): axe-core finds no violation, the Content-Security-Policy of the built _headers
// is not violated, the page's custom elements get defined, nothing is requested from another origin, no
// cookie is set and nothing is logged as an error. The site is served with dist/_headers applied per path,
// as a _headers host would (so /embed/* and /es/embed/* get their own policy). JavaScript is on and each
// page is checked in its enhanced state: each custom element is scrolled into view (charts load their
// interactive part on sight), every <timeline-chart> is ready and requests settle first.
// What is visited, by rule (walk-pages.ts): at 390 px light, every page that is not an event page in every
// language, the sample of event pages that `eventSample` picks and one page of each template; at 1280 px
// light and at 390 and 1280 px dark, one page of each template (its largest page in the default language).
// A page's template is the src/pages route that builds it, split by the kind of chart an embed shows; a
// built page that no route builds fails the walk. So every template gets axe, CSP and the rest in light
// and dark at 390 and 1280. The checks that need no browser (html-validate, budgets, links, the
// no-inline-script check in csp.test.ts) still read every page. The visits are jobs (a page at a width in
// a scheme) that a few tabs share; a tab sets its viewport and colour scheme before each visit, and each
// visit checks that it got them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DIST, launchBrowser, type Site } from './browser';
import { customElementNames, walkPages } from './walk-pages';
import { siteLanguages } from '../../src/data/timeline';
import { buildInfo, headersForPath, pageUrlPath, parseHeadersFile, parseTags } from '../../scripts/lib/site-check.mjs';
import { startServer } from '../../scripts/serve.mjs';
import type { TimelineData } from '../../src/lib/timeline/schema';

const base = buildInfo(DIST).base ?? '/';
const data: TimelineData = JSON.parse(readFileSync(join(DIST, 'data/timeline.json'), 'utf8'));
const languages = siteLanguages();
/** The other languages' folders ('es/'). */
const folders = languages.published.filter((l) => l !== languages.default).map((l) => `${l}/`);
const walk = walkPages(DIST, data, folders);
const { pages, all: allPages } = walk;
const rules = parseHeadersFile(readFileSync(`${DIST}/_headers`, 'utf8'));
const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

type Scheme = 'light' | 'dark';
interface Tab {
  /** The viewport width and colour scheme the tab is set to. */
  width: number;
  scheme: Scheme;
  context: BrowserContext;
  page: Page;
  /** Every request of the context since the last visit began. */
  requests: string[];
  /** Console errors, uncaught errors and CSP complaints in the console since the last visit began. */
  errors: string[];
  csp: string[];
  inFlight: number;
}
/** What one visit found, by kind; each line starts "page @ width scheme". */
interface Found {
  axe: string[];
  csp: string[];
  foreign: string[];
  cookies: string[];
  errors: string[];
  elements: string[];
  load: string[];
}
const KINDS: (keyof Found)[] = ['load', 'axe', 'csp', 'elements', 'foreign', 'cookies', 'errors'];
const combos = [390, 1280].flatMap((width) => (['light', 'dark'] as const).map((scheme) => ({ width, scheme })));
/** The width and scheme that see every walked page; the other combinations see one page per template. */
const FULL = combos[0];
/** Tabs that visit pages side by side (the machine has two cores; a visit also waits on the network). */
const TABS = 4;

interface Job {
  pagePath: string;
  width: number;
  scheme: Scheme;
  done: (found: Found) => void;
}
/** page → what each width × scheme found (filled as the tabs do the jobs). */
const results = new Map<string, Promise<Found>[]>();
const jobs: Job[] = [];
const addJob = (pagePath: string, width: number, scheme: Scheme) => {
  const found = new Promise<Found>((done) => jobs.push({ pagePath, width, scheme, done }));
  results.set(pagePath, [...(results.get(pagePath) ?? []), found]);
};
for (const pagePath of pages) addJob(pagePath, FULL.width, FULL.scheme);
for (const pagePath of walk.representatives.values())
  for (const { width, scheme } of combos.slice(1)) addJob(pagePath, width, scheme);
// The largest pages first, so that no tab is left with a long one at the end; the pages' tests go in the
// same order, so that each waits for its own visits only (a test's time runs from its start).
const size = new Map(pages.map((p) => [p, statSync(join(DIST, p)).size]));
const largestFirst = (a: string, b: string) => size.get(b)! - size.get(a)! || a.localeCompare(b);
jobs.sort((a, b) => largestFirst(a.pagePath, b.pagePath));

let site: Site;
let browser: Browser;
const tabs: Tab[] = [];
let probing: Promise<void> = Promise.resolve();
let working: Promise<unknown> = Promise.resolve();
let stopped = false;
const probes: Record<string, Found> = {};

beforeAll(async () => {
  [site, browser] = await Promise.all([
    startServer({ root: DIST, base, port: 0, headersFile: `${DIST}/_headers` }),
    launchBrowser(),
  ]);
  tabs.push(...(await Promise.all(Array.from({ length: TABS }, openTab))));
  const queue = [...jobs];
  // Each tab takes the next job when it is done with one; a failure is that visit's result, not the end.
  const work = async (tab: Tab) => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const where = `${job.pagePath} @ ${job.width} ${job.scheme}`;
      if (stopped) job.done(empty());
      else
        job.done(
          await visit(tab, job).catch((err: unknown) => ({
            ...empty(),
            load: [`${where}: could not be checked — ${err}`],
          })),
        );
    }
  };
  // The first tab runs the probes (its page's own routes) while the others start on the pages; a failed
  // probe fails the probe test, and the tab goes on to the pages.
  probing = runProbes(tabs[0]);
  working = Promise.allSettled([probing.catch(() => undefined).then(() => work(tabs[0])), ...tabs.slice(1).map(work)]);
});
afterAll(async () => {
  stopped = true;
  await working;
  for (const tab of tabs) await tab.context.close();
  await browser?.close();
  await site?.close();
});

const empty = (): Found => ({ axe: [], csp: [], foreign: [], cookies: [], errors: [], elements: [], load: [] });

async function openTab(): Promise<Tab> {
  const { width, scheme } = FULL;
  const context = await browser.newContext({ viewport: { width, height: 844 }, colorScheme: scheme });
  // axe and a CSP-violation recorder go into every document (frames too) before its own scripts run.
  await context.addInitScript({ content: axeSource });
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      w.__csp.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || 'document'}:${e.lineNumber})`,
      );
    });
  });
  const page = await context.newPage();
  const tab: Tab = { width, scheme, context, page, requests: [], errors: [], csp: [], inFlight: 0 };
  context.on('request', (request) => {
    tab.requests.push(request.url());
    tab.inFlight++;
  });
  context.on('requestfinished', () => tab.inFlight--);
  context.on('requestfailed', () => tab.inFlight--);
  page.on('console', (msg) => {
    if (/Content[ -]Security[ -]Policy/i.test(msg.text())) tab.csp.push(`console: ${msg.text()}`);
    else if (msg.type() === 'error') tab.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => tab.errors.push(`uncaught: ${String(err)}`));
  return tab;
}

/**
 * The recorders work: a probe page with an image without alt text (from another origin), pale text, a
 * cookie and a console error; and one under the policy with an inline script and style.
 */
async function runProbes(tab: Tab) {
  const policy = rules.find((r) => r.path === '/*')?.headers['Content-Security-Policy'] ?? '';
  const probe = (name: string, body: string, headers: Record<string, string> = {}) =>
    tab.page.route(`${site.url}${name}`, (route) =>
      route.fulfill({ status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8', ...headers }, body }),
    );
  // The other origin is intercepted here, so nothing leaves the machine.
  await tab.page.route('https://tracker.example/**', (route) => route.fulfill({ status: 204 }));
  await probe(
    '__probe.html',
    '<!DOCTYPE html><html lang="en"><title>probe</title><main><h1>Probe</h1><img src="https://tracker.example/pixel.gif" width="10" height="10"><p style="color:#bbb;background:#fff">pale text</p></main><script>document.cookie = "probe=1; path=/"; console.error("probe error")</script></html>',
  );
  await probe(
    '__csp-probe.html',
    '<!DOCTYPE html><html lang="en"><title>probe</title><script>document.title = "ran"</script><style>body{color:red}</style></html>',
    { 'Content-Security-Policy': policy },
  );
  probes.page = await visit(tab, { pagePath: '__probe.html', ...FULL });
  probes.csp = await visit(tab, { pagePath: '__csp-probe.html', ...FULL });
  probes.cspTitle = { ...empty(), load: [await tab.page.title()] };
  await tab.page.unrouteAll();
}

/** Custom element names by page (a page is visited at several widths and schemes). */
const elementNames = new Map<string, string[]>();

/**
 * Sets the tab to the job's width and scheme, loads the page, brings it to its enhanced state and checks
 * it; returns what it found, by kind.
 */
async function visit(
  tab: Tab,
  { pagePath, width, scheme }: Pick<Job, 'pagePath' | 'width' | 'scheme'>,
): Promise<Found> {
  const { page, context } = tab;
  const where = `${pagePath} @ ${width} ${scheme}`;
  if (tab.width !== width) await page.setViewportSize({ width, height: 844 });
  if (tab.scheme !== scheme) await page.emulateMedia({ colorScheme: scheme });
  Object.assign(tab, { width, scheme });
  const found = empty();
  const url = new URL(pageUrlPath(pagePath, base), site.url).href;
  tab.requests = [];
  tab.errors = [];
  tab.csp = [];
  const response = await page.goto(url, { waitUntil: 'load' });
  if (response?.status() !== 200) found.load.push(`${where}: status ${response?.status()}`);
  if (!pagePath.startsWith('__')) {
    const expected = headersForPath(rules, `/${pagePath.replace(/index\.html$/, '')}`)['Content-Security-Policy'];
    const served = response?.headers()['content-security-policy'];
    if (!served || served !== expected) found.load.push(`${where}: served with the policy "${served}"`);
  }
  const got = await page.evaluate(
    () => `${innerWidth} ${matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light'}`,
  );
  if (got !== `${width} ${scheme}`) found.load.push(`${where}: the page was ${got}`);
  await enhance(page, pagePath, where, found);
  await settle(tab);
  found.csp = [...(await cspViolations(page)), ...tab.csp].map((v) => `${where}: ${v}`);
  const origin = new URL(site.url).origin;
  found.foreign = tab.requests
    .filter((u) => !/^(data|blob|about):/.test(u) && new URL(u).origin !== origin)
    .map((u) => `${where}: ${u}`);
  if (tab.requests[0] !== url) found.load.push(`${where}: the first request was ${tab.requests[0]}, not the page`);
  const cookies = await context.cookies();
  const documentCookie = await page.evaluate(() => document.cookie);
  found.cookies = [
    ...cookies.map((c) => `${where}: cookie ${c.name} (${c.domain})`),
    ...(documentCookie ? [`${where}: document.cookie "${documentCookie}"`] : []),
  ];
  if (cookies.length) await context.clearCookies();
  found.errors = tab.errors.map((e) => `${where}: ${e}`);
  // axe last, at the top of the page, so that nothing it does is counted above.
  found.axe = await axeLines(page, where);
  return found;
}

/**
 * Brings a loaded page to its enhanced state: every custom element scrolled into view in turn (what loads on
 * sight loads), each defined and each <timeline-chart> ready; what is not goes into `found`.
 */
async function enhance(page: Page, pagePath: string, where: string, found: Found) {
  if (!elementNames.has(pagePath) && !pagePath.startsWith('__'))
    elementNames.set(pagePath, customElementNames(parseTags(readFileSync(join(DIST, pagePath), 'utf8'))));
  const names = elementNames.get(pagePath) ?? [];
  // Every custom element into view in turn, then to the end of the page.
  await page.evaluate(async () => {
    // Two frames, or 250 ms: a tab the browser does not draw runs no frame callbacks, and a wait on them
    // alone once hung the walk until its timeout (CI, Chromium 150, index.html).
    const frame = () =>
      new Promise((r) => {
        requestAnimationFrame(() => requestAnimationFrame(r));
        setTimeout(r, 250);
      });
    for (const el of document.querySelectorAll('*')) {
      if (!el.localName.includes('-')) continue;
      el.scrollIntoView({ block: 'center' });
      await frame();
    }
    window.scrollTo(0, document.documentElement.scrollHeight);
    await frame();
  });
  // Scripts have run: every custom element in the HTML is defined (at most 5 s).
  const notDefined = await page.evaluate(async (names) => {
    await Promise.race([
      Promise.all(names.map((n) => customElements.whenDefined(n))),
      new Promise((r) => setTimeout(r, 5000)),
    ]);
    return names.filter((n) => !customElements.get(n));
  }, names);
  found.elements = notDefined.map((n) => `${where}: <${n}> never defined`);
  if (await page.locator('timeline-chart').count()) {
    const ready = await page
      .waitForFunction(
        () => [...document.querySelectorAll('timeline-chart')].every((el) => el.hasAttribute('data-ready')),
        undefined,
        { timeout: 10_000 },
      )
      .then(() => true)
      .catch(() => false);
    if (!ready) found.load.push(`${where}: a timeline-chart not ready after 10 s`);
  }
}

/** axe-core's violations on the page (and its frames), one line each, at the top of the page. */
async function axeLines(page: Page, where: string): Promise<string[]> {
  await page.evaluate(async () => {
    window.scrollTo(0, 0);
    await new Promise((r) => {
      requestAnimationFrame(() => requestAnimationFrame(r));
      setTimeout(r, 250);
    });
  });
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected by the context's init script
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return (result.violations as { id: string; nodes: { target: unknown[] }[] }[]).map((v) => ({
      id: v.id,
      targets: v.nodes.map((n) => n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' ')),
    }));
  });
  return violations.map((v) => `${where}: ${v.id} — ${v.targets.join(', ')}`);
}

/**
 * Waits until no request of the tab has been under way for 150 ms (at most 5 s): the waits above already
 * cover what loads on sight, so this only catches a late request.
 */
async function settle(tab: Tab) {
  const end = Date.now() + 5000;
  let quietSince = Date.now();
  while (Date.now() < end) {
    if (tab.inFlight > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= 150) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The violations the recorder saw in every frame of the page. */
async function cspViolations(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const frame of page.frames()) {
    const inFrame = await frame
      .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? ['(the recorder did not run)'])
      .catch(() => [] as string[]);
    found.push(...inFrame.map((v) => (frame === page.mainFrame() ? v : `${v} [frame ${frame.url()}]`)));
  }
  return found;
}

describe('one walk: axe, CSP, other origins, cookies, errors (JS on; every page at 390 px light, every template at 390 and 1280 px in light and dark)', () => {
  it('the recorders work on probe pages: a missing alt, pale text, a request to another origin, a cookie, an error, inline script and style under the policy', async () => {
    await probing;
    const { page, csp, cspTitle } = probes;
    const text = JSON.stringify(probes, null, 1);
    expect(
      page.axe.some((l) => l.startsWith('__probe.html @ 390 light: image-alt — img')),
      text,
    ).toBe(true);
    expect(
      page.axe.some((l) => l.startsWith('__probe.html @ 390 light: color-contrast — p')),
      text,
    ).toBe(true);
    expect(page.foreign).toEqual(['__probe.html @ 390 light: https://tracker.example/pixel.gif']);
    expect(page.cookies).toEqual([
      expect.stringMatching(/: cookie probe \(/),
      '__probe.html @ 390 light: document.cookie "probe=1"',
    ]);
    expect(page.errors).toContain('__probe.html @ 390 light: console: probe error');
    // The inline script did not run; the recorder and the console both saw the blocks.
    expect(cspTitle.load).toEqual(['probe']);
    expect(
      csp.csp.some((v) => v.includes('script-src-elem blocked inline')),
      text,
    ).toBe(true);
    expect(
      csp.csp.some((v) => v.includes('style-src-elem blocked inline')),
      text,
    ).toBe(true);
    expect(
      csp.csp.some((v) => v.includes(': console:')),
      text,
    ).toBe(true);
  });

  it('visits every page but event pages, and a sample of those, in every language: the 404, embed and home pages among them', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('404.html');
    expect(pages.some((p) => p.startsWith('embed/'))).toBe(true);
    for (const f of ['', ...folders]) {
      const inFolder = (p: string) => p.startsWith(f) && (f || !folders.some((o) => p.startsWith(o)));
      const isEvent = (p: string) => p.startsWith(`${f}events/`);
      expect(pages).toContain(`${f}index.html`);
      expect(allPages.filter((p) => inFolder(p) && !isEvent(p)).every((p) => pages.includes(p))).toBe(true);
      expect(pages.filter(isEvent).length).toBeGreaterThanOrEqual(f ? 2 : data.tracks.length);
    }
  });

  it('every built page has a template (a route in src/pages), and each template is seen at 390 and 1280 px in light and dark', () => {
    expect(walk.unmatched, 'pages that no route in src/pages builds').toEqual([]);
    const names = [...walk.templates.keys()];
    // The rule splits routes as meant: one template per route, and the embed route one per kind of chart.
    expect(names).toEqual(expect.arrayContaining(['index.astro', '404.astro', 'events/[id].astro']));
    for (const kind of new Set(data.charts.map((c) => c.kind)))
      expect(names).toContain(`embed/[id].astro (${kind} chart)`);
    for (const [template, pagePath] of walk.representatives) {
      expect(walk.templates.get(template)).toContain(pagePath);
      const seen = jobs.filter((j) => j.pagePath === pagePath).map((j) => `${j.width} ${j.scheme}`);
      expect(seen.sort(), `${template} (${pagePath})`).toEqual(combos.map((c) => `${c.width} ${c.scheme}`).sort());
    }
  });

  for (const pagePath of [...pages].sort(largestFirst)) {
    it(`${pagePath}: nothing found`, async () => {
      const found = await Promise.all(results.get(pagePath)!);
      for (const kind of KINDS) {
        const lines = found.flatMap((f) => f[kind]);
        expect(lines, `${kind}:\n${lines.join('\n')}`).toEqual([]);
      }
    });
  }
});
