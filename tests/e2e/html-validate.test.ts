// Every built page passes html-validate with the project's rules (.htmlvalidate.json: recommended,
// accessibility and document presets; each relaxed rule says why). One test per page; a failure lists
// each problem as "line:column rule — message (selector)".
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate, type ConfigData, type Report } from 'html-validate';
import { listPages } from '../../scripts/lib/site-check.mjs';

const DIST = process.env.DIST || 'dist';
const config = JSON.parse(readFileSync('.htmlvalidate.json', 'utf8')) as ConfigData;
const validator = new HtmlValidate(config);
const pages = listPages(DIST);

function problems(report: Report): string[] {
  return report.results.flatMap((r) =>
    r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} — ${m.message}${m.selector ? ` (${m.selector})` : ''}`),
  );
}

describe('html-validate', () => {
  it('finds the built pages, the home page and the not-found page among them', () => {
    expect(pages).toContain('index.html');
    expect(pages).toContain('404.html');
  });

  it('the configuration catches invalid and inaccessible markup', async () => {
    const bad = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title></head>
<body><main><h1>x</h1><img src="a.png"><p id="a">1</p><p id="a">2</p><div aria-labelledby="nowhere">3</div>
<button>go</button><h3>skipped a level</h3></main></body></html>`;
    const report = await validator.validateString(bad, 'bad.html');
    const rules = new Set(report.results.flatMap((r) => r.messages.map((m) => m.ruleId)));
    for (const rule of ['wcag/h37', 'no-dup-id', 'no-missing-references', 'no-implicit-button-type', 'heading-level']) {
      expect(rules, `expected ${rule} to fire`).toContain(rule);
    }
  });

  for (const page of pages) {
    // A long page takes html-validate a while (about 2 s per 10,000 elements, far more with many errors).
    it(`${page} is valid`, { timeout: 180_000 }, async () => {
      const html = readFileSync(join(DIST, page), 'utf8');
      const report = await validator.validateString(html, page);
      expect(problems(report), `${page}:\n${problems(report).join('\n')}`).toEqual([]);
    });
  }
});
