// A chart of a language folder (/es/embed/timeline/) on another site's page. The build (dist/, with its
// Spanish folder: SITE_LANG=es) is served with the rules scripts/build.mjs writes into dist/_headers for
// it (public/_headers and a copy below /es/), per path, as a _headers host would; the host page comes from
// a temporary folder on a second port (another origin). In a frame sandboxed with allow-scripts (origin
// "null", as WordPress frames an embed) the chart runs: its modules from /es/_astro/ and its data from
// /es/data/ load cross-origin. The Spanish home page, framed, is refused (frame-ancestors 'none'), and the
// host's own script may read /es/data/*.csv. (Kept apart from embed-hosts.test.ts, which builds its own
// fixture site with no language folder.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DIST } from './browser';
import { closeAll, hostFiles, hostPage, openTab, recordErrors, type Server } from './embed-helpers';
import { startServer } from '../../scripts/serve.mjs';
import { withLanguageHeaders } from '../../scripts/lib/site-check.mjs';

const LANG = 'es';
const errors: string[] = [];
let tmp: string;
let site: Server;
let host: Server;
let browser: Browser;
let context: BrowserContext;
let tab: Page;

beforeAll(async () => {
  if (!existsSync(join(DIST, LANG, 'embed', 'timeline', 'index.html')))
    throw new Error(`no ${DIST}/${LANG}/: build it too (SITE_LANG=${LANG} SKIP_IMAGES=1 npx astro build)`);
  tmp = mkdtempSync(join(tmpdir(), 'embed-language-'));
  const headersFile = join(tmp, 'site-headers');
  writeFileSync(headersFile, withLanguageHeaders(readFileSync('public/_headers', 'utf8'), [LANG]));
  site = await startServer({ root: DIST, port: 0, headersFile });
  const write = hostFiles(join(tmp, 'host'));
  const frame = (id: string, src: string, sandbox = '') =>
    `<iframe id="${id}" ${sandbox}src="${site.url}${src}" title="Chart" width="600" height="600"></iframe>`;
  write('sandbox.html', hostPage('Sandboxed', frame('chart', `${LANG}/embed/timeline/`, 'sandbox="allow-scripts" ')));
  write('page.html', hostPage('A page', frame('page', `${LANG}/`)));
  host = await startServer({ root: join(tmp, 'host'), port: 0 });
  ({ browser, context, tab } = await openTab({ width: 1280, height: 800 }));
  recordErrors(tab, errors);
}, 180_000);

afterAll(async () => {
  await closeAll(context, browser, host, site);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

async function load(page: string): Promise<void> {
  errors.length = 0;
  await tab.goto(`${host.url}${page}`, { waitUntil: 'load' });
}

describe(`a chart of the /${LANG}/ folder on another site`, () => {
  it('in a frame sandboxed with allow-scripts (origin "null"): its scripts and data load, it is interactive', async () => {
    await load('sandbox.html');
    const frame = (await (await tab.$('#chart'))!.contentFrame())!;
    expect(frame.url()).toBe(`${site.url}${LANG}/embed/timeline/`);
    expect(await frame.evaluate(() => self.origin)).toBe('null');
    expect(await frame.waitForSelector('timeline-chart[data-ready]', { timeout: 10_000 })).toBeTruthy();
    // an event's details come from /es/data/ (a cross-origin request from origin "null")
    await frame.locator('timeline-chart svg:visible .tl-marks [data-id]').first().dispatchEvent('click');
    await frame.locator('.tl-details').waitFor({ state: 'visible', timeout: 5000 });
    expect(errors).toEqual([]);
  });

  it(`the /${LANG}/ home page is refused in another site's frame (frame-ancestors 'none')`, async () => {
    await load('page.html');
    await expect.poll(() => errors.join('\n')).toMatch(/frame-ancestors 'none'/);
    const frame = (await (await tab.$('#page'))!.contentFrame())!;
    expect(frame.url()).not.toBe(`${site.url}${LANG}/`);
  });

  it(`lets the host's script read /${LANG}/data/*.csv`, async () => {
    const csv = readdirSync(join(DIST, LANG, 'data')).find((f) => f.endsWith('.csv'))!;
    await load('page.html');
    const text = await tab.evaluate(async (url) => (await fetch(url)).text(), `${site.url}${LANG}/data/${csv}`);
    expect(text).toBe(readFileSync(join(DIST, LANG, 'data', csv), 'utf8'));
  });
});
