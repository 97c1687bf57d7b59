// The step chart of one event's valued milestones as an SVG tree: what MilestoneStepChart.astro writes
// into the page and the image step paints. From the chart's props and the data (stepsChart), or from
// one layout (stepsChartSvg).
import type { SvgNode } from '../svg';
import type { TimelineData } from '../timeline/schema';
import { formatPartialDate } from '../dates';
import { publisherLine } from './axis';
import { layoutMilestoneSteps, NOTE_SCALE, type StepLayout, type StepWords } from './steps';
import { chartFrame, el, g, monthLabel, PRESENT, ring, ruleSwatch, swatch, tipItem, valueAxis } from './svg-parts';
import type { FrameOptions, LegendItem } from './svg-parts';

export interface StepsChartProps {
  /** The figure's id. */
  id: string;
  /** Id of the event whose milestones are drawn. */
  event: string;
  /** Words for a step that did not happen; default the language's ("never imposed"). */
  notHappenedText?: string;
}

/** The steps, rules and axes of one variant of the chart. */
export function stepsChartSvg(l: StepLayout, o: FrameOptions): SvgNode {
  const bottom = l.plot.y + l.plot.height;
  const lineH = Math.round(l.fontSize * 1.3);
  return chartFrame(l, o, [
    g({ 'aria-hidden': 'true' }, [
      ...valueAxis(l, false),
      ...l.xTicks
        .filter((t) => t.label)
        .flatMap((t) => [
          el('line', { class: 'axis-line', x1: t.x, x2: t.x, y1: bottom, y2: bottom + 4 }),
          monthLabel(t.x, bottom + l.fontSize + 6, t.label, t.sub ?? '', lineH),
        ]),
      ...l.segments.map(
        (s) =>
          s.riser &&
          el('path', {
            d: s.riser,
            class: 'stroke-1',
            fill: 'none',
            'stroke-width': s.happened ? 3 : 2,
            'stroke-dasharray': s.happened ? undefined : '5 3',
          }),
      ),
    ]),
    g(
      { class: 'items' },
      l.order.map(({ type, index }, i) => (type === 'rule' ? rule(l, index, i === 0) : step(l, index, i === 0))),
    ),
  ]);
}

function rule(l: StepLayout, index: number, first: boolean): SvgNode {
  const r = l.rules[index];
  return tipItem(r.tip, first, [
    ring(r.x - 5, r.y1, 10, r.y2 - r.y1),
    el('line', {
      x1: r.x,
      x2: r.x,
      y1: r.y1,
      y2: r.y2,
      class: 'stroke-fg',
      'stroke-width': r.strong ? 2 : 1,
      'stroke-dasharray': r.strong ? undefined : '2 3',
      'data-anchor': PRESENT,
    }),
    el('text', { x: r.textX, y: r.textY, 'text-anchor': r.anchor, class: r.strong && 'strong-text' }, r.label),
  ]);
}

function step(l: StepLayout, index: number, first: boolean): SvgNode {
  const s = l.segments[index];
  return tipItem(s.tip, first, [
    ring(s.x1, s.y - l.fontSize - 10, Math.max(8, s.x2 - s.x1), l.fontSize * 2 + 16),
    el('path', {
      d: `M${s.x1},${s.y}H${s.x2}`,
      class: 'stroke-1',
      fill: 'none',
      'stroke-width': s.happened ? 3 : 2.5,
      'stroke-dasharray': s.happened ? undefined : '6 4',
    }),
    el('circle', {
      cx: s.x1,
      cy: s.y,
      r: '4.5',
      class: s.happened ? 'fill-1 stroke-1' : 'fill-bg stroke-1',
      'stroke-width': '2',
      'data-anchor': PRESENT,
    }),
    s.label && el('text', { x: s.labelX, y: s.labelY, class: 'strong-text' }, s.label),
    s.note &&
      el(
        'text',
        {
          x: s.labelX,
          y: s.noteY,
          class: 'muted-text',
          'font-size': l.fontSize * NOTE_SCALE,
          'font-style': 'italic',
        },
        s.note,
      ),
  ]);
}

/** The legend: the kinds of step and of rule the chart draws. */
export function stepsLegend(l: StepLayout, notHappened: string, ui: StepWords): LegendItem[] {
  const items: LegendItem[] = [];
  const words = ui.charts.steps.legend;
  const step = (solid: boolean) =>
    swatch(24, 14, [
      el('path', {
        d: 'M1,7H23',
        class: 'stroke-1',
        'stroke-width': solid ? '3' : '2.5',
        'stroke-dasharray': !solid && '5 3',
      }),
      el('circle', {
        cx: '4',
        cy: '7',
        r: '3.5',
        class: solid ? 'fill-1' : 'fill-bg stroke-1',
        'stroke-width': !solid && '2',
      }),
    ]);
  if (l.uses.happened) items.push({ swatch: step(true), label: words.happened });
  if (l.uses.notHappened) items.push({ swatch: step(false), label: words.notHappened(notHappened) });
  if (l.rules.some((r) => r.strong)) items.push({ swatch: ruleSwatch(10, 2), label: words.strong });
  if (l.rules.some((r) => !r.strong)) items.push({ swatch: ruleSwatch(10, 1, '2 2'), label: words.other });
  return items;
}

/**
 * Everything the step chart shows, from its props and the data, in `ui`'s words; no variants when no
 * step has a value.
 */
export function stepsChart(props: StepsChartProps, data: TimelineData, ui: StepWords) {
  const event = data.events.find((e) => e.id === props.event);
  if (!event) throw new Error(`MilestoneStepChart "${props.id}": unknown event id "${props.event}"`);
  const words = ui.charts.steps;
  const notHappened = props.notHappenedText ?? words.notHappened;
  const wide = layoutMilestoneSteps(event, { width: 680, plotHeight: 220, notHappenedText: notHappened, ui });
  const narrow = layoutMilestoneSteps(event, { width: 360, plotHeight: 220, notHappenedText: notHappened, ui });
  const valued = wide ? wide.segments : [];
  const [first, last] = [valued[0], valued[valued.length - 1]];
  const desc = wide
    ? words.desc(
        valued.length,
        first.valueText,
        formatPartialDate(first.date, ui.dates),
        last.valueText,
        formatPartialDate(last.date, ui.dates),
        valued.filter((s) => !s.happened).length,
      )
    : '';
  const layouts = wide && narrow ? { wide, narrow } : undefined;
  const variants = layouts
    ? (['wide', 'narrow'] as const).map((name) => ({
        name,
        layout: layouts[name],
        svg: stepsChartSvg(layouts[name], { chartId: props.id, variant: name, desc }),
      }))
    : [];
  return {
    event,
    notHappened,
    unit: wide?.unit,
    variants,
    legend: wide ? stepsLegend(wide, notHappened, ui) : [],
    title: event.title,
    caption: wide ? words.figureCaption(wide.uses.notHappened ? notHappened : undefined) : undefined,
    source: publisherLine(event.sources, 3, ui.charts.publishers),
    milestones: [...event.milestones].sort((a, b) => a.date.localeCompare(b.date)),
  };
}
