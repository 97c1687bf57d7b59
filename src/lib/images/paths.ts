// Where the build's images live (site paths, without the base) and the social cards' size. Light
// on imports so that layouts and pages can use it: socialCardPath('event', 'budget-vote').

/** Social cards are 1200×630 PNGs (the size Facebook, LinkedIn and X show large). */
export const SOCIAL_CARD_WIDTH = 1200;
export const SOCIAL_CARD_HEIGHT = 630;

/** The site path of a page's social card: images/social/home.png, …/chart-<id>.png, …/event-<id>.png. */
export function socialCardPath(kind: 'home' | 'event' | 'chart', id?: string): string {
  if (kind !== 'home' && !id) throw new Error(`socialCardPath('${kind}') needs an id`);
  return kind === 'home' ? 'images/social/home.png' : `images/social/${kind}-${id}.png`;
}

/** The site path of a chart's image: images/<id>.png, images/<id>-dark.svg … */
export function chartImagePath(id: string, ext: 'png' | 'svg', theme: 'light' | 'dark' = 'light'): string {
  return `images/${id}${theme === 'dark' ? '-dark' : ''}.${ext}`;
}
