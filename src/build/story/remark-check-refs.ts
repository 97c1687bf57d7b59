// The check of every <EventRef id="…">, <FigureRef event="…" figure={n}>, <Term id="…">, <Chart id="…">
// and <Timeline highlight={…}> in an MDX tree against the timeline data, with the file and line of each
// unknown id. `npm run validate` and the build's data check run it on every file (check-stories.ts);
// this remark plugin runs it again as Astro compiles each file, for `astro dev`.
import { relative } from 'node:path';
import { DataError, loadTimelineData, type DataProblem } from '../data/load';
import type { TimelineData } from '../../lib/timeline/schema';
import { didYouMean } from '../../lib/timeline/suggest';

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
export interface MdNode {
  type: string;
  name?: string | null;
  attributes?: JsxAttribute[];
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
}

/** Problems in one MDX tree, each with the file and line. */
export function findBadReferences(
  tree: MdNode,
  data: Pick<TimelineData, 'events' | 'glossary' | 'charts'>,
  file: string,
  /** The lead chart's id, for the main story: the home page shows it under the headline, so the text may not. */
  lead?: string,
): DataProblem[] {
  const charts = new Set(data.charts.map((c) => c.id));
  const events = new Map(data.events.map((e) => [e.id, e]));
  const terms = new Set(data.glossary.map((g) => g.id));
  const problems: DataProblem[] = [];
  const report = (node: MdNode, message: string) =>
    problems.push({ file, line: node.position?.start.line, message: `<${node.name}> ${message}` });
  const attr = (node: MdNode, name: string) => {
    const a = node.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === name);
    if (!a) return undefined;
    if (typeof a.value === 'string') return a.value;
    const expr = (a.value as { value?: string } | null)?.value;
    return expr?.trim();
  };
  const walk = (node: MdNode) => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Chart') {
      const id = attr(node, 'id') ?? '';
      if (id === lead) {
        report(
          node,
          `places "${id}", the lead chart (the first in content/data/charts.yaml), which the home page shows under the headline; remove it from the story's text`,
        );
      } else if (!charts.has(id)) {
        const hint = didYouMean(id, charts) || ` (charts: ${[...charts].join(', ') || 'none'})`;
        report(node, `refers to "${id}", which is not in content/data/charts.yaml${hint}`);
      }
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Term') {
      const id = attr(node, 'id') ?? '';
      if (!terms.has(id))
        report(node, `refers to "${id}", which is not in content/data/glossary.yaml${didYouMean(id, terms)}`);
    }
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      if (node.name === 'EventRef' || node.name === 'Timeline' || node.name === 'FigureRef') {
        const ids: string[] = [];
        if (node.name === 'EventRef') ids.push(attr(node, 'id') ?? '');
        if (node.name === 'FigureRef') ids.push(attr(node, 'event') ?? '');
        if (node.name === 'Timeline') {
          const h = attr(node, 'highlight');
          if (h) ids.push(...[...h.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]));
        }
        for (const id of ids) {
          if (!id) report(node, 'needs the id of an event');
          else if (!events.has(id)) {
            report(
              node,
              `refers to the event "${id}", which is not in content/data/events.yaml${didYouMean(id, events.keys())}`,
            );
          }
        }
        if (node.name === 'FigureRef') {
          const event = events.get(attr(node, 'event') ?? '');
          const index = Number(attr(node, 'figure') ?? '1');
          if (event && !(Number.isInteger(index) && index >= 1 && index <= event.figures.length)) {
            report(
              node,
              `asks for figure ${attr(node, 'figure')} of "${event.id}", which has ${count(event.figures.length, 'figure')}`,
            );
          }
        }
      }
    }
    node.children?.forEach(walk);
  };
  walk(tree);
  return problems;
}

const count = (n: number, noun: string) => `${n === 0 ? 'no' : n} ${noun}${n === 1 ? '' : 's'}`;

/** The remark plugin: fails the file with every bad reference it holds. */
export default function remarkCheckRefs() {
  let data: TimelineData | undefined;
  return (tree: MdNode, vfile: { path?: string }) => {
    data ??= loadTimelineData();
    const file = vfile.path ? relative(process.cwd(), vfile.path) : 'story';
    const problems = findBadReferences(tree, data, file);
    if (problems.length) {
      const error = new DataError(problems, STORY_PROBLEMS);
      error.stack = error.message; // the message says it all
      throw error;
    }
  };
}

/** The subject of the message that lists problems in the stories and pages. */
export const STORY_PROBLEMS = 'The stories and pages';
