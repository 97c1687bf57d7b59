// The interactive timeline's input: keys (a roving focus through the marks, Enter to open one,
// +, − and 0 to zoom, Escape to close the panel) and clicks (the toolbar, the marks, the
// clusters, the panel's links to related events), turned into the chart's actions.
import { moveFor, type Move } from '../roving-tip';
import { toggleFilters } from './timeline-toolbar';
import { ZOOM_STEP } from './timeline-zoom';

/** What the input drives: the chart's state and actions (TimelineController). */
interface Chart {
  root: HTMLElement;
  selectedId?: string;
  timeOf: Map<string, number>;
  vertical(): boolean;
  move(from: string | undefined, how: Move, cluster?: string): void;
  select(id: string, push: boolean): Promise<void>;
  close(push: boolean): void;
  reveal(id: string): void;
  zoomBy(factor: number): void;
  zoomTo(domain: readonly [number, number]): void;
  reset(): void;
  toggleTrack(track: string): void;
}

export function onKey(chart: Chart, e: KeyboardEvent): void {
  const mark = (e.target as Element).closest?.('.tl-marks [data-id]');
  if (e.key === 'Escape' && chart.selectedId) {
    e.preventDefault();
    chart.close(true);
    return;
  }
  if (!mark && !(e.target as Element).closest?.('svg.tl')) return;
  const id = mark?.getAttribute('data-id') ?? undefined;
  const move = moveFor(e.key, chart.vertical());
  if (move) {
    e.preventDefault();
    // From a focused "+N" (a drawing's tab stop when it has only clusters): into its events.
    chart.move(
      id,
      move,
      id ? undefined : ((e.target as Element).closest?.('.tl-cluster')?.getAttribute('data-id') ?? undefined),
    );
  } else if ((e.key === 'Enter' || e.key === ' ') && id) {
    e.preventDefault();
    void chart.select(id, true);
  } else if ((e.key === 'Enter' || e.key === ' ') && clusterDomain(e.target as Element)) {
    // The drawing's tab stop when it has only clusters: a button that zooms in to its events.
    e.preventDefault();
    chart.zoomTo(clusterDomain(e.target as Element)!);
  } else if (e.key === '+' || e.key === '=') {
    e.preventDefault();
    chart.zoomBy(ZOOM_STEP);
  } else if (e.key === '-' || e.key === '_') {
    e.preventDefault();
    chart.zoomBy(1 / ZOOM_STEP);
  } else if (e.key === '0') {
    e.preventDefault();
    chart.reset();
  }
}

export function onClick(chart: Chart, e: MouseEvent): void {
  const target = e.target as Element;
  const button = target.closest<HTMLButtonElement>('button');
  if (button?.dataset.zoom) {
    if (button.dataset.zoom === 'in') chart.zoomBy(ZOOM_STEP);
    else if (button.dataset.zoom === 'out') chart.zoomBy(1 / ZOOM_STEP);
    else chart.reset();
    return;
  }
  if (button?.classList.contains('tl-filter')) return chart.toggleTrack(button.dataset.track!);
  if (button?.classList.contains('tl-filters-toggle')) return toggleFilters(chart.root, button);
  if (button?.classList.contains('tl-details__close')) return chart.close(true);
  const related = target.closest<HTMLAnchorElement>('a[data-related]');
  if (related && chart.timeOf.has(related.dataset.related!)) {
    e.preventDefault();
    chart.reveal(related.dataset.related!);
    void chart.select(related.dataset.related!, true);
    return;
  }
  const mark = target.closest('.tl-marks [data-id]');
  if (mark && !e.ctrlKey && !e.metaKey && !e.shiftKey) {
    e.preventDefault();
    void chart.select(mark.getAttribute('data-id')!, true);
    return;
  }
  const domain = clusterDomain(target);
  if (domain) chart.zoomTo(domain);
}

/** The time span of the "+N" cluster `target` is in (its `data-domain`), if it is in one. */
function clusterDomain(target: Element): [number, number] | undefined {
  const cluster = target.closest?.<SVGElement>('.tl-cluster');
  const [a, b] = (cluster?.dataset.domain ?? '').split(',').map(Number);
  return cluster && Number.isFinite(a) && Number.isFinite(b) ? [a, b] : undefined;
}
