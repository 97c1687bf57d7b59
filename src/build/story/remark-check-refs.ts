// A remark plugin that checks every <EventRef id="…"> and <FigureRef event="…" figure={n}>
// in the MDX stories against the timeline data, and stops the build with the file and line
// of an unknown id.
import { relative } from 'node:path';
import { loadTimelineData } from '../data/load';
import type { TimelineData } from '../../lib/timeline/schema';

interface JsxAttribute {
  type: string;
  name?: string;
  value?: unknown;
}
interface MdNode {
  type: string;
  name?: string | null;
  attributes?: JsxAttribute[];
  children?: MdNode[];
  position?: { start: { line: number; column: number } };
}

/** Problems in one MDX tree: "file:line — why". */
export function findBadReferences(
  tree: MdNode,
  data: Pick<TimelineData, 'events' | 'glossary' | 'charts'>,
  file: string,
): string[] {
  const charts = new Set(data.charts.map((c) => c.id));
  const events = new Map(data.events.map((e) => [e.id, e]));
  const terms = new Set(data.glossary.map((g) => g.id));
  const problems: string[] = [];
  const at = (node: MdNode) => `${file}:${node.position?.start.line ?? '?'}`;
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
      if (!charts.has(id)) {
        problems.push(
          `${at(node)} — <Chart> refers to "${id}", which is not in content/data/charts.yaml (charts: ${[...charts].join(', ') || 'none'})`,
        );
      }
    }
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Term') {
      const id = attr(node, 'id') ?? '';
      if (!terms.has(id)) {
        problems.push(`${at(node)} — <Term> refers to "${id}", which is not in content/data/glossary.yaml`);
      }
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
          if (!id) problems.push(`${at(node)} — <${node.name}> needs the id of an event`);
          else if (!events.has(id)) {
            const near = [...events.keys()].filter((k) => k.includes(id) || id.includes(k)).slice(0, 3);
            problems.push(
              `${at(node)} — <${node.name}> refers to the event "${id}", which is not in content/data/events.yaml` +
                (near.length ? ` (did you mean ${near.map((k) => `"${k}"`).join(' or ')}?)` : ''),
            );
          }
        }
        if (node.name === 'FigureRef') {
          const event = events.get(attr(node, 'event') ?? '');
          const index = Number(attr(node, 'figure') ?? '1');
          if (event && !(Number.isInteger(index) && index >= 1 && index <= event.figures.length)) {
            problems.push(
              `${at(node)} — <FigureRef> asks for figure ${attr(node, 'figure')} of "${event.id}", which has ${event.figures.length} figure(s)`,
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

/** The remark plugin: fails the file with every bad reference it holds. */
export default function remarkCheckRefs() {
  let data: TimelineData | undefined;
  return (tree: MdNode, vfile: { path?: string; fail: (message: string) => never }) => {
    data ??= loadTimelineData();
    const file = vfile.path ? relative(process.cwd(), vfile.path) : 'story';
    const problems = findBadReferences(tree, data, file);
    if (problems.length) {
      const error = new Error(`Broken references in the story:\n  • ${problems.join('\n  • ')}`);
      error.stack = error.message; // the message says it all
      throw error;
    }
  };
}
