// Embed pages (/embed/<id>/): applies ?theme=light|dark to <html data-theme> before the first paint.
// A classic script loaded from <head> (no inline script: the site's CSP allows none). ?theme=auto, or
// none, follows the reader's system setting. The host may switch later by postMessage (embed-frame.ts).
(function () {
  try {
    var theme = new URLSearchParams(location.search).get('theme');
    if (theme === 'light' || theme === 'dark') document.documentElement.setAttribute('data-theme', theme);
  } catch (e) {
    /* an old browser keeps the system theme */
  }
})();
