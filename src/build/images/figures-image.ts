// The key-figures chart's image: its cards from the data, as KeyFigures.astro shows them (value,
// what it counts, the event and its date, the source).
import { collectKeyFigures } from '../../lib/charts/key-figures';
import type { ChartSpec, TimelineData } from '../../lib/timeline/schema';
import type { ChartDrawing } from './chart-image';
import type { UiStrings } from '../../lib/ui/strings';

export function figuresDrawing(_chart: ChartSpec, data: TimelineData, _theme: unknown, ui: UiStrings): ChartDrawing {
  const figures = collectKeyFigures(data.events, ui);
  const words = ui.charts.keyFigures;
  return {
    chart: null,
    legend: [],
    notes: figures.length === 0 ? [words.empty] : [],
    cards: figures.map((f) => ({
      value: f.value,
      label: f.label,
      lines: [
        `${f.dateText}: ${f.eventTitle}`,
        ...(f.source
          ? [`${words.source} ${f.source.publisher}${f.source.via ? ` ${words.via} ${f.source.via}` : ''}`]
          : []),
      ],
    })),
  };
}
