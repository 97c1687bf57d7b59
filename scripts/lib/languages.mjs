// The languages a build makes, read from the content's site.yaml (CONTENT_DIR, default content/):
// `language` is the default, at the site root; `languages` lists every language of the site, and the
// ones not marked `draft: true` are built, each in its own folder (/es/). Plain YAML reading only: the
// build itself validates the file and reports its problems.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** { default: 'en', others: ['es'] } — `others` are the published languages but the default. */
export function buildLanguages(contentDir = resolve(process.env.CONTENT_DIR || 'content')) {
  let site;
  try {
    site = parse(readFileSync(join(contentDir, 'data', 'site.yaml'), 'utf8'));
  } catch {
    return { default: undefined, others: [] };
  }
  const first = typeof site?.language === 'string' ? site.language : undefined;
  const listed = Array.isArray(site?.languages) ? site.languages : [];
  const others = listed
    .filter((l) => l && typeof l.code === 'string' && l.code !== first && l.draft !== true)
    .map((l) => l.code)
    .filter((code) => /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(code));
  return { default: first, others: [...new Set(others)] };
}
