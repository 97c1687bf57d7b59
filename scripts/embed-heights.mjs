// `npm run embed-heights`: builds the site (every language) into a temporary folder, measures every
// chart's embed page, in each language, across frame widths in Chromium (scripts/lib/embed-heights.mjs) and writes the heights, with
// the fingerprint of the data they were measured for, to <content>/embed-heights.json (content/, or
// CONTENT_DIR). Then build again: the snippets, oEmbed files and embed.js's frames use them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { measureEmbedHeights } from './lib/embed-heights.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { buildLanguages } from './lib/languages.mjs';

const content = resolve(process.env.CONTENT_DIR || 'content');
const out = mkdtempSync(join(tmpdir(), 'embed-heights-'));
try {
  process.env.CHROMIUM_PATH ||= ensureChromium();
  console.log(`Building ${content} …`);
  const build = spawnSync(process.execPath, ['scripts/build.mjs'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: out, BASE_PATH: '/', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (build.status !== 0) throw new Error('The build failed: fix what it says, then measure again.');
  // Each language's embeds: the root's under their ids, another language's (its folder) under '<lang>/<id>'.
  const charts = {};
  for (const lang of ['', ...buildLanguages(content).others]) {
    const dist = join(out, lang);
    const { embedFingerprints } = JSON.parse(readFileSync(join(dist, 'build-info.json'), 'utf8'));
    console.log(`Measuring the ${lang ? `"${lang}" ` : ''}embed pages …`);
    const measured = await measureEmbedHeights({ dist, base: lang ? `/${lang}/` : '/' });
    for (const [id, heights] of Object.entries(measured))
      charts[lang ? `${lang}/${id}` : id] = { fingerprint: embedFingerprints[id], heights };
  }
  const file = join(content, 'embed-heights.json');
  writeFileSync(
    file,
    JSON.stringify(
      {
        $comment: 'Written by `npm run embed-heights`: each embed page’s height (px) by frame width (px). Do not edit.',
        charts,
      },
      null,
      2,
    ) + '\n',
  );
  spawnSync('node_modules/.bin/prettier', ['--write', file], { stdio: 'ignore' });
  for (const [id, { heights }] of Object.entries(charts))
    console.log(`  ${id.padEnd(28)} ${heights.length} widths, ${heights[0][1]}–${heights[heights.length - 1][1]} px`);
  console.log(`Wrote ${file}`);
} finally {
  rmSync(out, { recursive: true, force: true });
  rmSync(`${out}-cache`, { recursive: true, force: true });
}
