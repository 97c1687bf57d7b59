// Checks the references of every MDX file in content/stories/ and content/pages/ before the build
// compiles them, with the same parser as Astro's MDX (remark + remark-mdx, front matter blanked so
// lines keep their numbers): `npm run validate` and the build's data check call it, so a wrong id is
// reported once, plainly, with its file and line.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { contentDir, DataError, loadTimelineData, type DataProblem } from '../data/load';
import type { TimelineData } from '../../lib/timeline/schema';
import { findBadReferences, STORY_PROBLEMS, type MdNode } from './remark-check-refs';

const FOLDERS = ['stories', 'pages'];

/** Every problem in the MDX files of the content folder: unknown ids and MDX that does not parse. */
export function storyProblems(data: TimelineData, dir = contentDir()): DataProblem[] {
  const parser = unified().use(remarkParse).use(remarkMdx);
  const problems: DataProblem[] = [];
  const parsed: { file: string; tree: MdNode; order: number; folder: string }[] = [];
  for (const folder of FOLDERS) {
    for (const path of mdxFiles(join(dir, folder))) {
      const file = relative(process.cwd(), path);
      try {
        const { content, frontmatter } = parseFrontmatter(readFileSync(path, 'utf8'), {
          frontmatter: 'empty-with-spaces',
        });
        const order = typeof frontmatter.order === 'number' ? frontmatter.order : 1;
        parsed.push({ file, tree: parser.parse(content) as MdNode, order, folder });
      } catch (error) {
        problems.push(notMdx(file, error));
      }
    }
  }
  // The main story comes first by order, then name, as the home page picks it (src/data/stories.ts).
  const main = parsed.filter((p) => p.folder === 'stories').sort((a, b) => a.order - b.order)[0];
  for (const { file, tree } of parsed) {
    problems.push(...findBadReferences(tree, data, file, file === main?.file ? data.charts[0]?.id : undefined));
  }
  return problems;
}

/** Throws a DataError listing the problems of the MDX files, if they have any. */
export function checkStories(data: TimelineData, dir = contentDir()): void {
  const problems = storyProblems(data, dir);
  if (problems.length) throw new DataError(problems, STORY_PROBLEMS);
}

/** The .mdx files under a folder, in a stable order. */
function mdxFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => join(folder, name));
}

/** A parse error (the MDX parser's, with a line; or the front matter's YAML) as a problem. */
function notMdx(file: string, error: unknown): DataProblem {
  const { line, reason, message } = error as { line?: number; reason?: string; message?: string };
  const why = (reason ?? message ?? String(error)).split('\n')[0];
  if (line === undefined) return { file, message: `the front matter (between the "---" lines) is not valid: ${why}` };
  return {
    file,
    line,
    message: `this is not valid MDX (${why}); check the tags on this line: each <Tag …> needs its /> or </Tag>`,
  };
}

/**
 * Loads and checks a whole content folder, the data and then the stories' references (which need
 * the data's ids): `npm run validate` and the build's data check. Throws a DataError listing the problems.
 */
export function loadContent(dir = contentDir()): TimelineData {
  const data = loadTimelineData(join(dir, 'data'));
  checkStories(data, dir);
  return data;
}

export { DataError };
