// Inside an embed page (/embed/<id>/, in another site's iframe): tells the host page how tall the
// document is, on load and on every change, in each format that host scripts listen for —
//   ours        { type: 'timeline-explainer:height', id, height }   (public/embed.js)
//   Pym.js      'pymxPYMx<childId>xPYMxheightxPYMx<height>'         (only when Pym's ?childId= is present)
//   Datawrapper { 'datawrapper-height': { <this page's address>: height } }
//   AMP         { sentinel: 'amp', type: 'embed-size', height }     (<amp-iframe resizable>)
//   WordPress   { message: 'height', value: height, secret }        (only when WordPress's #?secret= is present)
// and takes messages from the host: { type: 'timeline-explainer:theme', theme: 'light'|'dark'|'auto' },
// { type: 'timeline-explainer:request-height' } and WordPress's { message: 'ready', secret }.
// ?frame=<id> names the frame in our messages (default: the chart id).
// Datawrapper's key is the page's own address (less the #fragment), not the chart id: older Datawrapper
// listeners size the first iframe whose src *contains* the key, and a chart id such as "timeline" is
// part of many another widget's address. With the ?frame=<id> the Embed control adds to copied code,
// the address is unique to the frame. Pym's key is the childId the Pym parent chose: unique already.
// Works in a frame sandboxed without allow-same-origin (origin "null", as WordPress frames every
// oEmbed): nothing here touches storage or cookies. Opened on its own (window.parent === window) it
// does nothing.
import { MESSAGE } from './snippet';

const root = document.documentElement;
const host: Window | null = window.parent !== window ? window.parent : null;
const params = new URLSearchParams(location.search);
const chartId = root.dataset.chart ?? '';
const frameId = params.get('frame') || chartId;
const pymId = params.get('childId');
const datawrapperKey = location.href.split('#')[0];
/** WordPress's secret: its oEmbed filter adds #?secret=<10 letters or digits> to the iframe's address. */
const wpSecret = /[#?&]secret=([A-Za-z0-9]+)/.exec(location.hash)?.[1] ?? null;
let lastHeight = -1;

/** The document's height: <html>'s box (its height is auto), plus a horizontal scrollbar if one shows. */
function documentHeight(): number {
  const box = root.getBoundingClientRect().height;
  const scrollbar = root.scrollWidth > root.clientWidth ? Math.max(0, window.innerHeight - root.clientHeight) : 0;
  return Math.ceil(box + scrollbar);
}

function post(message: unknown): void {
  try {
    // The height is no secret, and the host's origin is not known: any origin may read it.
    host?.postMessage(message, '*');
  } catch {
    /* a host that went away */
  }
}

/** Posts the height when it changed (or always, when `force`). */
function report(force = false): void {
  if (!host) return;
  const height = documentHeight();
  if (!force && height === lastHeight) return;
  lastHeight = height;
  post({ type: MESSAGE.height, id: frameId, height });
  if (pymId) post(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`);
  post({ 'datawrapper-height': { [datawrapperKey]: height } });
  post({ sentinel: 'amp', type: 'embed-size', height });
  // WordPress's wp-embed.js clamps it to 200…1000 px.
  if (wpSecret) post({ message: 'height', value: height, secret: wpSecret });
}

function applyTheme(theme: unknown): void {
  if (theme === 'light' || theme === 'dark') root.dataset.theme = theme;
  else if (theme === 'auto') delete root.dataset.theme;
  else return;
  report();
}

if (host) {
  // Measured synchronously in each callback: requestAnimationFrame does not run in an off-screen
  // cross-origin frame, and a frame below the fold must still get its height.
  const changed = () => report();
  if ('ResizeObserver' in window) {
    const observer = new ResizeObserver(changed);
    observer.observe(root);
    observer.observe(document.body);
  }
  window.addEventListener('resize', changed);
  window.addEventListener('load', () => report(true));
  document.fonts?.ready.then(changed, () => {});
  // Opening a <details> or loading an image inside the chart changes the height too (the observer
  // sees it; these catch browsers without ResizeObserver).
  document.addEventListener('toggle', changed, true);
  document.addEventListener('load', changed, true);

  window.addEventListener('message', (event: MessageEvent) => {
    if (event.source !== host) return;
    const data: unknown = event.data;
    if (!data || typeof data !== 'object') return;
    const { type, theme, message, secret } = data as {
      type?: unknown;
      theme?: unknown;
      message?: unknown;
      secret?: unknown;
    };
    if (type === MESSAGE.theme) applyTheme(theme);
    else if (type === MESSAGE.requestHeight) report(true);
    // wp-embed.js says it is listening (it may have started after this page's first report).
    else if (message === 'ready' && wpSecret && secret === wpSecret) report(true);
  });

  // Links that leave this page open in a new tab, not inside the host's iframe. In WordPress (its
  // sandbox has no allow-popups, so no new tab can open), a link to this site asks wp-embed.js to
  // take the reader's tab there instead, as WordPress's own embeds do; it follows only links to the
  // iframe's own host.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || event.defaultPrevented) return;
    const url = new URL(link.href, location.href);
    if (url.origin === location.origin && url.pathname === location.pathname && url.search === location.search) return;
    if (wpSecret && url.host === location.host && /^https?:$/.test(url.protocol)) {
      event.preventDefault();
      post({ message: 'link', value: url.href, secret: wpSecret });
      return;
    }
    if (link.target) return;
    link.target = '_blank';
    link.relList.add('noopener');
  });

  report(true);
}
