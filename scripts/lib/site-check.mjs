// Checks over a built site (a dist/ folder), in plain Node: no browser, no network.
//
//   listPages(distDir)                 every HTML page: ['404.html', 'index.html', 'events/x/index.html', …]
//   checkLinks(distDir, base?, opts?)  every same-site link resolves to a file, every #fragment to an id
//                                      → ['index.html → /data/x.csv: no such file in dist', …]  ([] = all good)
//   collectLinks(distDir, base?, opts?) the same, with the external links listed (never fetched)
//   gzipSize(file)                     gzipped bytes of a file (level 9, like gzip-size / size-limit)
//   pageBudget(distDir, page)          { html, css, jsInitial, jsAll } gzipped bytes of what a page loads
//
// `base` is the path the site is built for (BASE_PATH, e.g. /explainers/my-story/): links start with
// it and dist/ holds the files without it. `site` is SITE_URL: absolute links on it count as same-site.
// Both default to what the build recorded in dist/build-info.json, else '/' and SITE_URL/localhost.
export * from './site-pages.mjs';
export * from './site-links.mjs';
export * from './site-sizes.mjs';
export * from './site-headers.mjs';
