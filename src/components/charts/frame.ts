// The props every chart component shares: what its <Figure> frame shows around the drawing.
export interface ChartFrameProps {
  /** Figure id: unique on the page (the title gets `${id}-title`). */
  id: string;
  /** Defaults come from the data (see each chart). */
  title?: string;
  caption?: string;
  /** The source line; default: the publishers of what the chart shows. */
  source?: string;
  headingLevel?: 2 | 3 | 4;
  /** The chart's embed slug (see Figure): adds embed and download links. */
  embed?: string;
}

/** What <Figure> needs: the frame props as given, with the chart's own title, caption and source as defaults. */
export function figureProps(
  props: ChartFrameProps,
  defaults: { title: string; caption?: string; source: string },
): ChartFrameProps & { title: string; source: string } {
  return {
    id: props.id,
    title: props.title ?? defaults.title,
    caption: props.caption ?? defaults.caption,
    source: props.source ?? defaults.source,
    headingLevel: props.headingLevel,
    embed: props.embed,
  };
}
