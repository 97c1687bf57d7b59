// Layout of one event's valued milestones as a step chart (e.g. a scheduled rate
// rising 5 → 25 %): steps that happened solid, steps that did not (didNotHappen) dashed and
// labelled "never imposed", and the event's other milestones (suspended, announced …) as
// vertical rules with flag labels. Plain objects with px values; dates in UTC.
import type { Milestone, MilestoneKind, TimelineEvent } from '../timeline/schema';
import type { UiStrings } from '../ui/strings';
import { formatPartialDate, formatShortDate, parsePartialDate } from '../dates';
import { DAY_MS, calendarTicks, formatNumber, round, valueAxis, type TimeTick, type ValueTick } from './axis';
import { placeFlags } from './labels';
import { valueChartFrame } from './series';
import { fitText, textWidth } from './text';
import { formatMilestoneValue, milestoneName } from '../timeline/milestones';

export interface StepOptions {
  width: number;
  plotHeight: number;
  fontSize?: number;
  /** Words under a step that did not happen; default the language's (ui.charts.steps.notHappened). */
  notHappenedText?: string;
  /** The fixed words: milestone kinds, "did not happen". */
  ui: StepWords;
}

/** The words a step chart's layout writes. */
export type StepWords = Pick<UiStrings, 'charts' | 'milestones' | 'dates' | 'locale'>;

export interface StepSegment {
  date: string;
  value: number;
  x1: number;
  x2: number;
  y: number;
  happened: boolean;
  /** "5%". */
  valueText: string;
  /** Shown value label ('' when the step is too narrow for it). */
  label: string;
  labelX: number;
  labelY: number;
  /** "never imposed" under the value when it fits; '' otherwise. */
  note: string;
  noteY: number;
  /** A riser from the previous step's level ('' for the first step). */
  riser: string;
  tip: string;
}

export interface StepRule {
  kind: MilestoneKind;
  date: string;
  x: number;
  y1: number;
  y2: number;
  /** Suspended, blocked or ended: drawn stronger. */
  strong: boolean;
  label: string;
  textX: number;
  textY: number;
  anchor: 'start' | 'end';
  tip: string;
}

export interface StepLayout {
  width: number;
  height: number;
  fontSize: number;
  plot: { x: number; y: number; width: number; height: number };
  unit: string;
  segments: StepSegment[];
  rules: StepRule[];
  yTicks: ValueTick[];
  xTicks: TimeTick[];
  /** Some step that did not happen could not carry its "never imposed" note: say it in the legend. */
  notesInLegend: boolean;
  uses: { happened: boolean; notHappened: boolean };
  /** Steps and rules in date order: the keyboard order. */
  order: { type: 'segment' | 'rule'; index: number }[];
}

const STRONG: ReadonlySet<MilestoneKind> = new Set(['suspended', 'blocked', 'ended']);
const LANE_GAP = 4;
/** Between a rule and its label (placeFlags). */
const FLAG_PAD = 4;

/** The milestones of `event` that carry a value, in date order. */
export function valuedMilestones(event: TimelineEvent): Milestone[] {
  return event.milestones
    .filter((m) => m.value !== undefined)
    .sort((a, b) => parsePartialDate(a.date).start.getTime() - parsePartialDate(b.date).start.getTime());
}

/** A milestone's label as readers see it: its own label, else its kind in `ui`'s words ("Suspended"). */
export function milestoneText(m: Milestone, ui: Pick<UiStrings, 'milestones'>): string {
  return milestoneName(m, ui.milestones);
}

/**
 * The "never imposed" note's size, as a share of the chart's: a little smaller than the values it sits
 * under, and still at least 10 px on screen (the wide drawing is never shown below its 680 units).
 */
export const NOTE_SCALE = 0.95;

/**
 * Lays out the valued milestones of `event` as steps, or returns null when none carries a
 * value. Each step holds from its date to the next step (the last one runs on a little);
 * the other milestones become rules whose labels are stacked so that none overlaps.
 */
export function layoutMilestoneSteps(event: TimelineEvent, options: StepOptions): StepLayout | null {
  const valued = valuedMilestones(event);
  if (valued.length === 0) return null;
  const fontSize = options.fontSize ?? 11;
  const lineH = Math.round(fontSize * 1.3);
  const { ui } = options;
  const notHappened = options.notHappenedText ?? ui.charts.steps.notHappened;
  const unit = valued.find((m) => m.unit)?.unit ?? '';
  const others = event.milestones
    .filter((m) => m.value === undefined)
    .sort((a, b) => parsePartialDate(a.date).start.getTime() - parsePartialDate(b.date).start.getTime());

  // Time domain: the first milestone to one typical step after the last valued one.
  const times = valued.map((m) => parsePartialDate(m.date).start.getTime());
  const all = [...times, ...others.map((m) => parsePartialDate(m.date).start.getTime())];
  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i])
    .sort((a, b) => a - b);
  const typical = gaps.length ? gaps[Math.floor(gaps.length / 2)] : 30 * DAY_MS;
  const t0 = Math.min(...all) - 2 * DAY_MS;
  const t1 = Math.max(times[times.length - 1] + typical, ...all.map((t) => t + 3 * DAY_MS));

  const format = (v: number) => (unit === '%' ? `${formatNumber(v, ui.locale)}%` : formatNumber(v, ui.locale));
  const axis = valueAxis(Math.max(...valued.map((m) => m.value!)), options.plotHeight, 5, format);
  const left = Math.ceil(Math.max(...axis.ticks.map((t) => textWidth(t.label, fontSize))) + 10);
  const right = 12;
  const plotW = options.width - left - right;
  const xOf = (t: number) => round(left + ((t - t0) / (t1 - t0)) * plotW);

  // Rule labels above the plot, in lanes; each as long as the larger side of its rule holds (placeFlags
  // runs it to the right, or to the left where the right has no room), cut only where neither does.
  const right0 = options.width - 2;
  const ruleInputs = others.map((m) => {
    const x = xOf(parsePartialDate(m.date).start.getTime());
    const room = Math.max(right0 - x - FLAG_PAD, x - FLAG_PAD);
    const text = fitText(`${milestoneText(m, ui)}, ${formatShortDate(m.date, ui.dates)}`, room, fontSize);
    return { m, x, text, width: textWidth(text, fontSize) };
  });
  const flags = placeFlags(ruleInputs, { left: 0, right: right0, pad: FLAG_PAD });
  const lanes = flags.reduce((n, f) => Math.max(n, f.lane + 1), 0);
  const top = 10 + lanes * (lineH + LANE_GAP) + 6 + lineH; // room for value labels over the top step
  const frame = valueChartFrame({
    width: options.width,
    left,
    top,
    plotWidth: plotW,
    plotHeight: options.plotHeight,
    lineH,
    pad: 4,
    fontSize,
    ticks: axis.ticks,
  });
  const { plot } = frame;
  const yOf = (v: number) => round(plot.y + axis.y(v));
  const bottom = plot.y + plot.height;

  let notesInLegend = false;
  const segments: StepSegment[] = valued.map((m, i) => {
    const x1 = xOf(times[i]);
    const x2 = i + 1 < valued.length ? xOf(times[i + 1]) : round(left + plotW);
    const y = yOf(m.value!);
    const happened = !m.didNotHappen;
    const valueText = formatMilestoneValue(m.value!, m.unit ?? unit, ui.locale);
    const room = x2 - x1 - 6;
    const label = textWidth(valueText, fontSize, true) <= room ? valueText : '';
    let note = '';
    if (!happened) {
      note = textWidth(notHappened, fontSize * NOTE_SCALE) <= room ? notHappened : '';
      if (!note) notesInLegend = true;
    }
    const prev = i > 0 ? yOf(valued[i - 1].value!) : null;
    const tip = [
      formatPartialDate(m.date, ui.dates),
      milestoneText(m, ui),
      `${valueText}${happened ? '' : ` — ${notHappened}`}`,
    ].join('\n');
    return {
      date: m.date,
      value: m.value!,
      x1,
      x2,
      y,
      happened,
      valueText,
      label,
      labelX: round(x1 + 4),
      // Value above the step; the note under it.
      labelY: round(y - 6),
      note,
      noteY: round(y + fontSize + 3),
      riser: prev === null ? '' : `M${x1},${prev}V${y}`,
      tip,
    };
  });

  const rules: StepRule[] = ruleInputs.map((r, i) => {
    const f = flags[i];
    const textY = round(10 + lineH - 3 + (lanes - 1 - f.lane) * (lineH + LANE_GAP));
    return {
      kind: r.m.kind,
      date: r.m.date,
      x: r.x,
      y1: round(textY + 3),
      y2: bottom,
      strong: STRONG.has(r.m.kind),
      label: r.text,
      textX: f.textX,
      textY,
      anchor: f.anchor,
      tip: [
        formatPartialDate(r.m.date, ui.dates),
        milestoneText(r.m, ui),
        r.m.didNotHappen ? ui.charts.steps.didNotHappen : '',
      ]
        .filter(Boolean)
        .join('\n'),
    };
  });

  const order = [
    ...segments.map((s, index) => ({ type: 'segment' as const, index, t: parsePartialDate(s.date).start.getTime() })),
    ...rules.map((r, index) => ({ type: 'rule' as const, index, t: parsePartialDate(r.date).start.getTime() })),
  ]
    .sort((a, b) => a.t - b.t || (a.type === 'rule' ? -1 : 1))
    .map(({ type, index }) => ({ type, index }));

  return {
    ...frame,
    unit,
    segments,
    rules,
    xTicks: calendarTicks(t0, t1, plotW, {
      fontSize,
      overhang: Math.min(left, 20),
      minStepDays: t1 - t0 > 90 * DAY_MS ? 28 : 0,
      dates: ui.dates,
    }).map((t) => ({ ...t, x: round(left + t.x) })),
    notesInLegend,
    uses: { happened: segments.some((s) => s.happened), notHappened: segments.some((s) => !s.happened) },
    order,
  };
}
