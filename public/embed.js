/*! timeline-explainer embed.js: sizes embedded chart iframes to their content. MIT licence. */
// For host pages (other sites): a script tag with src = this site's /embed.js and async, after the iframes.
// Plain ES2017, no dependencies, no inline script needed, so it runs under a strict CSP and can carry
// an integrity hash. It handles every iframe[data-timeline-explainer], and every iframe whose src is an
// /embed/ page on this script's own origin, including iframes added later.
// A height message is accepted only when it comes from the window of one of those iframes AND from the
// origin of that iframe's src: a message from any other frame, or from a frame that navigated away,
// does nothing. Message names: keep in step with src/components/embed/snippet.ts.
(function () {
  'use strict';
  var HEIGHT = 'timeline-explainer:height';
  var REQUEST = 'timeline-explainer:request-height';
  var MAX = 100000;

  var script = document.currentScript;
  var own = '';
  try {
    own = new URL(script.src, location.href).origin;
  } catch (e) {
    /* no currentScript: only iframes marked with data-timeline-explainer are handled */
  }

  // The snippet brings one <script> per chart: the first copy from an origin does the work.
  var seen = (window.__timelineExplainerEmbed = window.__timelineExplainerEmbed || {});
  if (seen[own]) return;
  seen[own] = 1;

  /** The origin of an iframe's src, or '' for none (about:blank, srcdoc, bad URL). */
  function srcOrigin(frame) {
    var src = frame.getAttribute('src');
    if (!src) return '';
    try {
      var url = new URL(src, location.href);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : '';
    } catch (e) {
      return '';
    }
  }

  function handled(frame) {
    if (frame.hasAttribute('data-timeline-explainer')) return true;
    if (!own) return false;
    try {
      var url = new URL(frame.getAttribute('src') || '', location.href);
      return url.origin === own && url.pathname.indexOf('/embed/') !== -1;
    } catch (e) {
      return false;
    }
  }

  /** Asks a loaded frame for its height (it posts on load anyway; this covers a script that ran later). */
  function ask(frame) {
    var origin = srcOrigin(frame);
    var doc = null;
    try {
      doc = frame.contentDocument;
    } catch (e) {
      /* cross-origin */
    }
    // A document we can read is on this page's origin: the initial about:blank (its load event asks
    // later) or a page the frame navigated to. Sandboxed without allow-same-origin, a frame's messages
    // come from origin "null" and are refused anyway. Either way, do not post to the wrong origin.
    if (!origin || !frame.contentWindow || (doc && (doc.URL === 'about:blank' || origin !== location.origin))) return;
    if (frame.hasAttribute('sandbox') && !/(^|\s)allow-same-origin(\s|$)/.test(frame.getAttribute('sandbox'))) return;
    frame.contentWindow.postMessage({ type: REQUEST }, origin);
  }

  function each(fn) {
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) if (handled(frames[i]) && fn(frames[i])) return;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== HEIGHT) return;
    var height = Math.ceil(Number(data.height));
    if (!(height > 0 && height < MAX)) return;
    // Frames are looked up at each message, so iframes added or removed later need no bookkeeping.
    each(function (frame) {
      if (event.source !== frame.contentWindow) return false;
      if (event.origin === srcOrigin(frame)) frame.style.height = height + 'px';
      return true;
    });
  });

  // Iframes added later, lazy-loaded or reloaded: each fires a load event, which does not bubble but
  // is caught on its way down. (This does the work of a MutationObserver, without missing an iframe
  // added before it loads, and without posting to a frame that is still about:blank.)
  document.addEventListener(
    'load',
    function (event) {
      var frame = event.target;
      if (frame && frame.tagName === 'IFRAME' && handled(frame)) ask(frame);
    },
    true,
  );
  each(function (frame) {
    ask(frame);
  });
})();
