// The components a story's MDX can use without importing them.
import Chart from '../Chart.astro';
import EventRef from './EventRef.astro';
import FigureRef from './FigureRef.astro';
import Term from './Term.astro';

export const storyComponents = { Chart, EventRef, FigureRef, Term };
