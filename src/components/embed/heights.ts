// The height of each chart's embed page (/embed/<id>/) by frame width, known at build time, so that
// a frame has its content's height before any script runs (the snippet's height attribute, its
// data-heights, the oEmbed height; public/embed.js sizes frames from them until a frame reports).
// The heights are measured in Chromium by `npm run embed-heights` (scripts/embed-heights.mjs) into
// <content>/embed-heights.json, with a fingerprint of the data they were measured for: the build
// uses them, says so when the data has changed since, and guesses by kind of chart when a chart
// has none. tests/e2e/embed-heights.test.ts checks them against the built pages.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../../build/data/load';
import { getTimelineData, siteLanguages } from '../../data/timeline';
import type { ChartSpec, TimelineData } from '../../lib/timeline/schema';
import { INITIAL_HEIGHT } from './snippet';

export interface HeightStep {
  /** The iframe's width in CSS px. */
  width: number;
  /** The embed page's document height at that width, in CSS px. */
  height: number;
}

/** The column width the iframe's own height attribute (and oEmbed's height) is sized for. */
export const COLUMN_WIDTH = 640;

/** The file `npm run embed-heights` writes, in the content folder. */
export const HEIGHTS_FILE = 'embed-heights.json';

interface HeightsFile {
  /**
   * Per chart id ('<lang>/<id>' for a language other than the default: its words make other heights):
   * the data fingerprint measured for, and [width, height] pairs ascending by width.
   */
  charts: Record<string, { fingerprint: string; heights: [number, number][] }>;
}

/** Fingerprints by data object and chart: every embed snippet of a page asks, and the data is large. */
const fingerprints = new WeakMap<TimelineData, Map<string, string>>();

/** FNV-1a (32-bit) of the data a chart is drawn from: changes when the data does. */
export function dataFingerprint(chartId: string, data: TimelineData): string {
  let known = fingerprints.get(data);
  if (!known) fingerprints.set(data, (known = new Map()));
  let fingerprint = known.get(chartId);
  if (fingerprint === undefined) known.set(chartId, (fingerprint = fnv1a(JSON.stringify([chartId, data]))));
  return fingerprint;
}

function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

let file: HeightsFile | null | undefined;
const warned = new Set<string>();

function readHeights(): HeightsFile | null {
  if (file !== undefined) return file;
  const path = join(contentDir(), HEIGHTS_FILE);
  file = existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as HeightsFile) : null;
  return file;
}

function warn(id: string, message: string): void {
  if (warned.has(id)) return;
  warned.add(id);
  console.warn(`[embed heights] chart "${id}": ${message} Run \`npm run embed-heights\` to measure them again.`);
}

/** The embed page's height by frame width, ascending (measured; a guess by kind when there is none). */
export function chartHeights(
  chart: Pick<ChartSpec, 'id' | 'kind'>,
  data: TimelineData = getTimelineData(),
): HeightStep[] {
  const lang = data.site.language;
  const entry = readHeights()?.charts[lang === siteLanguages().default ? chart.id : `${lang}/${chart.id}`];
  if (!entry?.heights.length) {
    warn(
      chart.id,
      `no measured heights in ${HEIGHTS_FILE}: frames start at a guess and scroll until their page reports.`,
    );
    return [{ width: COLUMN_WIDTH, height: INITIAL_HEIGHT[chart.kind] }];
  }
  if (entry.fingerprint !== dataFingerprint(chart.id, data))
    warn(chart.id, `the data changed since its heights were measured (they may be a little off).`);
  return entry.heights.map(([width, height]) => ({ width, height }));
}

/** The height at `width`: linear between the two nearest steps, the end step's beyond them. Keep in step with public/embed.js. */
export function heightAt(steps: readonly HeightStep[], width: number): number {
  if (steps.length === 0) return 0;
  if (width <= steps[0].width) return steps[0].height;
  for (let i = 1; i < steps.length; i++) {
    const a = steps[i - 1];
    const b = steps[i];
    if (width <= b.width)
      return Math.round(a.height + ((b.height - a.height) * (width - a.width)) / (b.width - a.width));
  }
  return steps[steps.length - 1].height;
}
