// Shared set-up of the embed tests (embed.test.ts: the output, our code on host pages, the Embed
// control; embed-hosts.test.ts: each kind of host; embed-pages.test.ts: the embed pages themselves;
// embed-wordpress.test.ts: the WordPress emulation). The fixture content is built once
// under a sub-path (BASE) with SITE_URL set to the port it is served on, so the snippets in the oEmbed
// files are the real ones. The build is kept in node_modules/.cache/ under a hash of everything it
// is made from (src/, public/, the fixture content, the config and the lock file), with its port: the
// other files, and a later run with nothing changed, reuse it when that port is free, so a run of all
// of them builds once. The site is served with the rules of the build's own _headers file, per
// path, as a _headers host would (scripts/serve.mjs: headersFile).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, ElementHandle, Frame, Page } from 'playwright-core';
import { buildSite, launchBrowser } from './browser';
import { startServer } from '../../scripts/serve.mjs';

export const BASE = '/explainers/embed-test/';
const CACHE = 'node_modules/.cache/timeline-embed-test';
const INPUTS = ['src', 'public', 'tests/fixtures/content', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

export interface Server {
  url: string;
  port: number;
  close: () => Promise<void>;
}
export interface OEmbed {
  type: string;
  version: string;
  title: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
}
export interface Chart {
  id: string;
  title: string;
  kind: string;
}
export interface EmbedSite {
  /** The built site. */
  dist: string;
  /** It, served under BASE with its _headers rules. */
  site: Server;
  distOrigin: string;
  charts: Chart[];
  oembed: Map<string, OEmbed>;
  /** The embed page of a chart, with an optional query. */
  embedUrl: (id: string, query?: string) => string;
}

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** A hash of everything the fixture build is made from. */
function inputsKey(): string {
  const hash = createHash('sha256').update(BASE);
  for (const file of INPUTS.flatMap(files)) hash.update(`\0${file}\0`).update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

/** Builds the fixture content (or reuses the build of the same inputs) and serves it. */
export async function startEmbedSite(): Promise<EmbedSite> {
  const dir = join(CACHE, inputsKey());
  const dist = join(dir, 'dist');
  const meta = join(dir, 'build.json');
  const serve = (port: number) => startServer({ root: dist, base: BASE, port, headersFile: join(dist, '_headers') });
  let site: Server | undefined;
  if (existsSync(meta)) {
    const { port } = JSON.parse(readFileSync(meta, 'utf8')) as { port: number };
    site = await serve(port).catch(() => undefined); // the port is taken: build again
  }
  if (!site) {
    rmSync(CACHE, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // Listen first, so the build knows its SITE_URL; the server reads files as they are requested.
    site = await serve(0);
    const result = buildSite({
      CONTENT_DIR: 'tests/fixtures/content',
      OUT_DIR: dist,
      BASE_PATH: BASE,
      SITE_URL: new URL(site.url).origin,
      SKIP_IMAGES: '1', // no embed test reads the chart images
    });
    if (result.status !== 0) {
      await site.close();
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`the fixture build failed:\n${result.output.slice(-3000)}`);
    }
    writeFileSync(meta, JSON.stringify({ port: site.port }));
  }
  const charts = (JSON.parse(readFileSync(join(dist, 'data/timeline.json'), 'utf8')) as { charts: Chart[] }).charts;
  const oembed = new Map(
    charts.map((c) => [c.id, JSON.parse(readFileSync(join(dist, `oembed/${c.id}.json`), 'utf8')) as OEmbed]),
  );
  const url = site.url;
  return {
    dist,
    site,
    distOrigin: new URL(url).origin,
    charts,
    oembed,
    embedUrl: (id, query = '') => `${url}embed/${id}/${query}`,
  };
}

// ── host pages ───────────────────────────────────────────────────────────────

/** A host article: its own stylesheet (a 720 px column) and icon, no inline script or style. */
export const hostPage = (title: string, body: string, head = '') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<title>${title}</title><link rel="icon" href="icon.svg" type="image/svg+xml"><link rel="stylesheet" href="host.css">${head}</head><body><main><h1>${title}</h1>${body}</main></body></html>`;
export const prose = '<p>An article on another site, with a chart from the explainer in it. '.repeat(3) + '</p>';
export const HOST_CSS = 'body{margin:0;font:16px/1.5 serif}main{max-width:720px;margin:0 auto;padding:0 12px}';

/** Writes the files every host page uses (icon, stylesheet) into `dir`; returns a writer for more. */
export function hostFiles(dir: string): (name: string, text: string) => void {
  const write = (name: string, text: string) => {
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  };
  write('icon.svg', '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>');
  write('host.css', HOST_CSS);
  return write;
}

// ── pages ────────────────────────────────────────────────────────────────────

/**
 * A browser with the one tab a test file navigates from scenario to scenario (a new tab costs a
 * renderer process), light colour scheme.
 */
export async function openTab(viewport: {
  width: number;
  height: number;
}): Promise<{ browser: Browser; context: BrowserContext; tab: Page }> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport, colorScheme: 'light' });
  return { browser, context, tab: await context.newPage() };
}

/** Closes, in order, what a test file opened (tabs, browsers, servers); skips what never opened. */
export async function closeAll(...things: ({ close: () => Promise<unknown> } | undefined)[]): Promise<void> {
  for (const thing of things) await thing?.close();
}

export interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

/** Console errors and warnings and page errors, as text (with the frame's URL). */
export function recordErrors(p: Page, errors: string[]): void {
  p.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning')
      errors.push(`${msg.type()}: ${msg.text()} (${msg.location().url})`);
  });
  p.on('pageerror', (err) => errors.push(String(err)));
}

/** A page in a fresh context that records console errors, page errors and every request (all frames). */
export async function open(browser: Browser, url: string, options: BrowserContextOptions = {}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    ...options,
  });
  const p = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  recordErrors(p, errors);
  p.on('request', (req) => requests.push(req.url()));
  await p.goto(url, { waitUntil: 'load' });
  return { page: p, errors, requests };
}

/** Polls `read` until `ok` holds or the time is up; returns the last value (the test asserts on it). */
export async function settle<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeout = 10_000): Promise<T> {
  const end = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

export interface Size {
  iframe: number;
  content: number;
}

/**
 * The height of a frame's document: <html>'s box, which is as tall as its content (embed.css), not
 * its scrollHeight, which is never less than the frame's own height (-1 when it cannot be read).
 */
export const documentHeight = (frame: Frame | Page | null) =>
  frame
    ? frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)).catch(() => -1)
    : Promise.resolve(-1);

/** Each iframe's height on the host page and its document's height. */
export async function sizes(frames: ElementHandle<Element>[]): Promise<Size[]> {
  return Promise.all(
    frames.map(async (handle) => ({
      iframe: await handle.evaluate((el) => el.getBoundingClientRect().height),
      content: await documentHeight(await handle.contentFrame()),
    })),
  );
}

export const fits = (list: Size[]) => list.every((s) => s.content > 0 && Math.abs(s.iframe - s.content) <= 2);

/** Scrolls each iframe into view (browsers pause rendering in off-screen cross-origin frames), then waits for fitting heights. */
export async function settleSizes(frames: ElementHandle<Element>[]): Promise<Size[]> {
  return settle(async () => {
    for (const f of frames) await f.scrollIntoViewIfNeeded();
    return sizes(frames);
  }, fits);
}

export const background = (p: Page | Frame) => p.evaluate(() => getComputedStyle(document.body).backgroundColor);
export const DARK_BG = 'rgb(17, 17, 17)';
export const LIGHT_BG = 'rgb(255, 255, 255)';
