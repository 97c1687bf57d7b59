// Inside an embed page (/embed/<id>/, in another site's iframe): tells the host page how tall the
// document is, on load and on every change, in each format that host scripts listen for —
//   ours        { type: 'timeline-explainer:height', id, height }   (public/embed.js)
//   Pym.js      'pymxPYMx<childId>xPYMxheightxPYMx<height>'         (only when Pym's ?childId= is present)
//   Datawrapper { 'datawrapper-height': { <chart id>: height } }
//   AMP         { sentinel: 'amp', type: 'embed-size', height }     (<amp-iframe resizable>)
// and takes messages from the host: { type: 'timeline-explainer:theme', theme: 'light'|'dark'|'auto' }
// and { type: 'timeline-explainer:request-height' }. ?frame=<id> names the frame in our messages
// (default: the chart id). Opened on its own (window.parent === window) it does nothing.
import { MESSAGE } from './snippet';

const root = document.documentElement;
const host: Window | null = window.parent !== window ? window.parent : null;
const params = new URLSearchParams(location.search);
const chartId = root.dataset.chart ?? '';
const frameId = params.get('frame') || chartId;
const pymId = params.get('childId');
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
  post({ 'datawrapper-height': { [chartId]: height } });
  post({ sentinel: 'amp', type: 'embed-size', height });
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
    const { type, theme } = data as { type?: unknown; theme?: unknown };
    if (type === MESSAGE.theme) applyTheme(theme);
    else if (type === MESSAGE.requestHeight) report(true);
  });

  // Links that leave this page open in a new tab, not inside the host's iframe.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!(link instanceof HTMLAnchorElement) || link.target) return;
    const url = new URL(link.href, location.href);
    if (url.origin === location.origin && url.pathname === location.pathname && url.search === location.search) return;
    link.target = '_blank';
    link.relList.add('noopener');
  });

  report(true);
}
