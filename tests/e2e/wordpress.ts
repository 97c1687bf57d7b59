// An emulation of what WordPress does with an oEmbed answer from a provider it does not trust (any
// site found by oEmbed discovery), for the browser tests of the embed (embed-hosts.test.ts). It mirrors
// WordPress core, rewritten here from its behaviour (no code copied):
//   filterOembedResult  wp_filter_oembed_result() in wp-includes/embed.php (WordPress 4.4 and later),
//                       with the parts of wp_kses() (wp-includes/kses.php) it relies on, and
//                       wp_filter_oembed_iframe_title_attribute() (5.2+, runs first, priority 5)
//   WP_EMBED_JS         wp-includes/js/wp-embed.js (source: src/js/_enqueues/wp/embed.js), the host
//                       page's receiver that WordPress enqueues with every such embed
//   wordpressPost       the markup of a post with an Embed block (the block editor's core/embed) and
//                       the block library's embed styles
// Checked against WordPress's own unit tests (tests/phpunit/tests/oembed/filterResult.php): see the
// "WordPress emulation" tests in embed-hosts.test.ts.

// ── wp_kses, as far as wp_filter_oembed_result uses it ───────────────────────

type Allowed = Record<string, Record<string, true>>;

interface Attribute {
  name: string;
  value: string;
  /** As kses writes it back: name="value" (name for a valueless attribute). */
  whole: string;
}

/** wp_kses_hair(): the attributes of a tag, in order, the first of each name kept. */
function hair(list: string): Attribute[] {
  const out: Attribute[] = [];
  const seen = new Set<string>();
  const re = /([-a-zA-Z:_0-9]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;
  for (const m of list.matchAll(re)) {
    const name = m[1];
    if (seen.has(name.toLowerCase())) continue;
    seen.add(name.toLowerCase());
    const hasValue = m[2] !== undefined || m[3] !== undefined || m[4] !== undefined;
    const value = m[2] ?? m[3] ?? m[4] ?? '';
    // kses keeps the quote a value came with; an unquoted value gets double quotes.
    const whole = !hasValue ? name : m[3] !== undefined ? `${name}='${value}'` : `${name}="${value}"`;
    out.push({ name, value, whole });
  }
  return out;
}

/** wp_kses_bad_protocol() for URL attributes: http(s), mailto and relative URLs pass; others lose the scheme. */
function goodProtocol(value: string): string {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(value);
  if (!scheme) return value;
  return /^(https?|ftps?|mailto|news|irc|irc6|ircs|gopher|nntp|feed|telnet|mms|rtsp|sms|svn|tel|fax|xmpp|webcal|urn)$/i.test(
    scheme[1],
  )
    ? value
    : value.slice(scheme[0].length);
}

/** wp_kses_normalize_entities(): a bare & becomes &amp;. */
function normalizeEntities(html: string): string {
  return html.replace(/&(?!(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#x[0-9a-fA-F]+);)/g, '&amp;');
}

/** wp_kses(): tags not allowed are removed (their text stays); allowed tags keep only allowed attributes. */
export function kses(html: string, allowed: Allowed): string {
  return normalizeEntities(html).replace(/<!--[\s\S]*?(?:-->|$)|<[^>]*(?:>|$)|>/g, (tag) => {
    if (tag === '>') return '&gt;';
    if (tag.startsWith('<!--')) return '';
    const m = /^<\s*(\/\s*)?([a-zA-Z0-9-]+)([^>]*)>?$/.exec(tag);
    if (!m) return '';
    const element = m[2].toLowerCase();
    const rules = allowed[element];
    if (!rules) return '';
    if (m[1]) return `</${element}>`;
    const slash = /\/\s*$/.test(m[3]) ? ' /' : '';
    const attrs = hair(m[3].replace(/\/\s*$/, ''))
      .filter((a) => rules[a.name.toLowerCase()])
      .map((a) =>
        /^(src|href)$/i.test(a.name) ? { ...a, whole: a.whole.replace(a.value, goodProtocol(a.value)) } : a,
      );
    return `<${element}${attrs.map((a) => ` ${a.whole}`).join('')}${slash}>`;
  });
}

// ── wp_filter_oembed_iframe_title_attribute() and wp_filter_oembed_result() ──

/** esc_url() for an URL that is already valid: the characters it keeps, & and ' as entities. */
function escUrl(url: string): string {
  return url
    .replace(/ /g, '%20')
    .replace(/[^a-z0-9\-~+_.?#=!&;,/:%@$|*'()[\]\x80-\uffff]/gi, '')
    .replace(/&(?!#?\w+;)/g, '&#038;')
    .replace(/'/g, '&#039;');
}

/** esc_attr(). */
function escAttr(text: string): string {
  return text
    .replace(/&(?!#?\w+;)/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Moves the iframe's title first, or gives it the oEmbed title (WordPress 5.2+). */
export function filterIframeTitle(html: string, title: string): string {
  const m = /<iframe([^>]*)>/i.exec(html);
  const attrs = m ? hair(m[1]) : [];
  const own = attrs.find((a) => a.name.toLowerCase() === 'title');
  const value = own?.value || title;
  if (!value) return html;
  let out = html;
  if (m && own)
    out = out.replaceAll(
      m[0],
      `<iframe ${attrs
        .filter((a) => a !== own)
        .map((a) => a.whole)
        .join(' ')}>`,
    );
  return out.replace(/<iframe /gi, `<iframe title="${escAttr(value)}" `);
}

const ALLOWED: Allowed = {
  a: { href: true },
  blockquote: {},
  iframe: {
    src: true,
    width: true,
    height: true,
    frameborder: true,
    marginwidth: true,
    marginheight: true,
    scrolling: true,
    title: true,
  },
};

/** What hides the iframe behind a blockquote until it reports (WordPress 4.4–5.x; later versions hide it otherwise). */
export const HIDE = 'position: absolute; clip: rect(1px, 1px, 1px, 1px);';

/** wp_generate_password(10, false): ten letters and digits. */
export function wpSecret(random: () => number = Math.random): string {
  const chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from({ length: 10 }, () => chars[Math.floor(random() * chars.length)]).join('');
}

/**
 * The HTML WordPress puts into a post for an untrusted provider's oEmbed answer (`false`: none, when
 * the answer has no iframe). `secret` stands for wp_generate_password(10, false).
 */
export function filterOembedResult(html: string, secret = wpSecret()): string | false {
  let out = kses(html, ALLOWED);
  const content = /(<blockquote>.*?<\/blockquote>)?.*(<iframe.*?><\/iframe>)/s.exec(out);
  if (!content?.[2]) return false;
  const blockquote = content[1] ?? '';
  out = blockquote + content[2];
  const src = / src=(['"])(.*?)\1/.exec(out);
  if (src) {
    const q = src[1];
    const url = escUrl(`${src[2]}#?secret=${secret}`);
    // PHP's str_replace() replaces every occurrence.
    out = out.replaceAll(src[0], ` src=${q}${url}${q} data-secret=${q}${secret}${q}`);
    out = out.replaceAll('<blockquote', `<blockquote data-secret="${secret}"`);
  }
  out = kses(out, {
    ...ALLOWED,
    blockquote: { 'data-secret': true },
    iframe: { ...ALLOWED.iframe, 'data-secret': true },
  });
  if (blockquote) {
    out = out.replaceAll('<iframe', `<iframe style="${HIDE}"`);
    out = out.replaceAll('<blockquote', '<blockquote class="wp-embedded-content"');
  }
  return out.replace(/<iframe/gi, '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"');
}

/** The oEmbed answer as WordPress stores it in the post: the title filter (priority 5), then the result filter (10). */
export function wordpressEmbedHtml(oembed: { html: string; title?: string }, secret?: string): string | false {
  return filterOembedResult(filterIframeTitle(oembed.html, oembed.title ?? ''), secret);
}

// ── the host page ────────────────────────────────────────────────────────────

/**
 * wp-embed.js, as WordPress serves it to every page with such an embed: sizes each iframe whose
 * data-secret a height message names, only from that iframe's own window, clamped to 200…1000 px;
 * follows a "link" message to the iframe's own host when the iframe has the focus; and on
 * DOMContentLoaded tells each embedded iframe it is ready. (WordPress's shape check is kept as it is:
 * it returns only for a message that is not an object at all.)
 */
export const WP_EMBED_JS = `// Emulates WordPress's wp-includes/js/wp-embed.js (see tests/e2e/wordpress.ts).
(function (window, document) {
  'use strict';
  if (!document.querySelector || !window.addEventListener) return;
  window.wp = window.wp || {};
  if (window.wp.receiveEmbedMessage) return;

  window.wp.receiveEmbedMessage = function (e) {
    var data = e.data;
    if (!(data || data.secret || data.message || data.value) || /[^a-zA-Z0-9]/.test(data.secret)) return;
    var frames = document.querySelectorAll('iframe[data-secret="' + data.secret + '"]');
    var quotes = document.querySelectorAll('blockquote[data-secret="' + data.secret + '"]');
    for (var q = 0; q < quotes.length; q++) quotes[q].style.display = 'none';
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (e.source !== frame.contentWindow) continue;
      frame.removeAttribute('style');
      if (data.message === 'height') {
        var height = parseInt(data.value, 10);
        if (height > 1000) height = 1000;
        else if (~~height < 200) height = 200;
        frame.height = height;
      } else if (data.message === 'link') {
        var from = new URL(frame.getAttribute('src'));
        var to = new URL(data.value);
        if (/^https?:$/i.test(to.protocol) && to.host === from.host && document.activeElement === frame)
          window.top.location.href = data.value;
      }
    }
  };

  function onLoad() {
    var frames = document.querySelectorAll('iframe.wp-embedded-content');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      var secret = frame.getAttribute('data-secret');
      if (!secret) {
        secret = Math.random().toString(36).substring(2, 12);
        frame.src += '#?secret=' + secret;
        frame.setAttribute('data-secret', secret);
      }
      frame.contentWindow.postMessage({ message: 'ready', secret: secret }, '*');
    }
  }

  window.addEventListener('message', window.wp.receiveEmbedMessage, false);
  document.addEventListener('DOMContentLoaded', onLoad, false);
})(window, document);
`;

/** The block library's styles for embeds (wp-includes/css/dist/block-library/style.css), the part that applies. */
export const WP_EMBED_CSS =
  '.wp-block-embed{overflow-wrap:break-word;margin:0 0 1em}.wp-block-embed iframe{max-width:100%}' +
  '.wp-block-embed__wrapper{position:relative}';

/** A post's Embed block (core/embed, type "rich") around the filtered oEmbed HTML, as WordPress renders it. */
export function wordpressPost(html: string, provider: string): string {
  const slug = provider.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return (
    `<figure class="wp-block-embed is-type-rich is-provider-${slug} wp-block-embed-${slug}">` +
    `<div class="wp-block-embed__wrapper">\n${html}\n</div></figure>`
  );
}
