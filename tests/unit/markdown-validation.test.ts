// Validation refuses markup planted in a Markdown field (an event's body, a glossary definition) with one
// line per problem naming the file and line, the entry, the field and what to write instead; what is safe as
// written (the renderer shows it as text) passes.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { DataError, loadTimelineData } from '../../src/build/data/load';
import { PLANTS } from '../support/markdown-plants';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'content', 'data');

/** A copy of the fixture data with `field` of the entry `id` in `file` set to `value`; the file's path. */
function planted(file: string, id: string, field: string, value: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'markdown-plant-'));
  cpSync(FIXTURE, dir, { recursive: true });
  const path = join(dir, file);
  const entries = parse(readFileSync(path, 'utf8')) as Record<string, unknown>[];
  entries.find((e) => e.id === id)![field] = value;
  writeFileSync(path, stringify(entries));
  return path;
}

/** The line of `field:` in the entry `id` of a YAML list, counted from 1. */
function lineOf(path: string, id: string, field: string): number {
  const lines = readFileSync(path, 'utf8').split('\n');
  const start = lines.indexOf(`- id: ${id}`);
  return lines.findIndex((l, i) => i > start && l.startsWith(`  ${field}:`)) + 1;
}

/** The problem lines loading the data beside `path` reports, without the heading; [] when it loads. */
function problemsOf(path: string): string[] {
  try {
    loadTimelineData(join(path, '..'));
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return (error as DataError).message.split('\n').slice(1);
  }
}

const FIELDS = [
  { file: 'events.yaml', id: 'joint-declaration', field: 'body', entry: 'event "joint-declaration"' },
  {
    file: 'glossary.yaml',
    id: 'safe-third-country',
    field: 'definition',
    entry: 'glossary entry "safe-third-country"',
  },
];

describe.each(FIELDS)('a Markdown $field', ({ file, id, field, entry }) => {
  it.each(PLANTS)('with the plant "$name" is refused with the exact message, or passes if safe', (plant) => {
    const path = planted(file, id, field, plant.source);
    const where = `${relative(process.cwd(), path)}:${lineOf(path, id, field)}`;
    // Load's dedupe keeps one line per distinct message.
    const expected = [...new Set(plant.refused)].map(
      (message) => `  • ${where} — ${entry}, field "${field}": ${message}`,
    );
    expect(problemsOf(path)).toEqual(expected);
  });
});
