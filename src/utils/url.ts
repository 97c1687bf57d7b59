// Links that work at the domain root and under a sub-path (BASE_PATH).

/** A site-relative path prefixed with the configured base: withBase('data/timeline.csv'). */
export function withBase(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/+$/, '');
  const rest = path.replace(/^\/+/, '');
  return `${base}/${rest}`;
}

/** The absolute URL of a site path, for canonical links and social cards. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return new URL(withBase(path), site ?? 'http://localhost:4321').href;
}
