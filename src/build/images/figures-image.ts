// The key-figures chart's image: its cards from the data, as KeyFigures.astro shows them (value,
// what it counts, the event and its date, the source).
import { collectKeyFigures } from '../../lib/charts/key-figures';
import type { ChartSpec, TimelineData } from '../../lib/timeline/schema';
import type { ChartDrawing } from './chart-image';

export function figuresDrawing(_chart: ChartSpec, data: TimelineData): ChartDrawing {
  const figures = collectKeyFigures(data.events);
  return {
    chart: null,
    legend: [],
    notes: figures.length === 0 ? ['No figure is marked as key yet.'] : [],
    cards: figures.map((f) => ({
      value: f.value,
      label: f.label,
      lines: [
        `${f.dateText}: ${f.eventTitle}`,
        ...(f.source ? [`Source: ${f.source.publisher}${f.source.via ? ` via ${f.source.via}` : ''}`] : []),
      ],
    })),
  };
}
