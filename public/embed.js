/*! timeline-explainer embed.js: sizes embedded chart iframes to their content. MIT licence. */
// Plain ES2017, no imports, no inline script (strict CSPs, integrity hashes). What it does and why:
// docs/embedding.md. Message names: as in src/components/embed/snippet.ts.
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
    /* no currentScript: marked iframes only */
  }

  // One script per snippet: the first from an origin does the work.
  var seen = (window.__timelineExplainerEmbed = window.__timelineExplainerEmbed || {});
  if (seen[own]) return;
  seen[own] = 1;

  /** Frames that reported their height: no more estimates. */
  var measured = new WeakSet();

  /** The origin of an iframe's src, or ''. */
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

  /** Sandboxed without allow-same-origin: its pages have origin "null". */
  function opaque(frame) {
    var sandbox = frame.getAttribute('sandbox');
    return sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(sandbox);
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

  /** The height at the frame's width from data-heights: heightAt() of src/components/embed/heights.ts (keep in step). */
  function estimate(frame) {
    var steps = (frame.getAttribute('data-heights') || '').match(/\d+:\d+/g) || [];
    var width = frame.clientWidth;
    var a, b;
    for (var i = 0; i < steps.length && width > 0; i++) {
      b = steps[i].split(':').map(Number);
      if (width <= b[0]) return a ? Math.round(a[1] + ((b[1] - a[1]) * (width - a[0])) / (b[0] - a[0])) : b[1];
      a = b;
    }
    return a ? a[1] : 0;
  }

  function fit(frame) {
    var height = measured.has(frame) ? 0 : estimate(frame);
    if (height > 0) frame.style.height = height + 'px';
  }

  // A new width, a new estimate; set after the callback (not to loop).
  var observer =
    window.ResizeObserver &&
    new ResizeObserver(function (entries) {
      setTimeout(function () {
        entries.forEach(function (entry) {
          fit(entry.target);
        });
      });
    });

  function found(frame) {
    if (frame.hasAttribute('data-timeline-explainer')) {
      if (!frame.style.width) frame.style.width = '100%';
      if (!frame.style.borderStyle) frame.style.border = '0';
    }
    fit(frame);
    if (observer) observer.observe(frame);
    ask(frame);
  }

  /** Asks a loaded frame for its height (for a script that ran late). */
  function ask(frame) {
    var origin = srcOrigin(frame);
    if (!origin || !frame.contentWindow) return;
    // An opaque origin has no name; the request carries nothing.
    if (opaque(frame)) return frame.contentWindow.postMessage({ type: REQUEST }, '*');
    var doc = null;
    try {
      doc = frame.contentDocument;
    } catch (e) {
      /* cross-origin */
    }
    // Readable: the initial about:blank, or a page of this site. Never post to a wrong origin.
    if (doc && (doc.URL === 'about:blank' || origin !== location.origin)) return;
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
    each(function (frame) {
      if (event.source !== frame.contentWindow) return false;
      // From the frame's window AND its src's origin, or "null" if sandboxed so: nothing else.
      if (event.origin === srcOrigin(frame) || (event.origin === 'null' && opaque(frame))) {
        measured.add(frame);
        frame.style.height = height + 'px';
      }
      return true;
    });
  });

  // Iframes added later, lazy or reloaded: load, caught on its way down.
  document.addEventListener(
    'load',
    function (event) {
      var frame = event.target;
      if (frame && frame.tagName === 'IFRAME' && handled(frame)) found(frame);
    },
    true,
  );
  each(found);
  // An async script may run before the page is parsed.
  if (document.readyState === 'loading')
    document.addEventListener('DOMContentLoaded', function () {
      each(found);
    });
})();
