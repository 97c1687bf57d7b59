// TimelineJS text is HTML; the site's Markdown fields take a safe subset only: paragraphs, emphasis, lists
// and http(s) links. This turns the HTML into that subset, read by parse5 (the HTML standard's parser, so
// that it sees the markup a browser would), and drops everything else: scripts, styles, frames, forms,
// images, every attribute but a link's address, and links to any other kind of address (javascript:,
// data:, relative ones). Text is escaped, so that no character of it is read as Markdown or HTML.
import { parseFragment } from 'parse5';

/** Elements dropped with everything inside them: they run, embed or hide content rather than say it. */
const DROP = new Set(
  (
    'script style template iframe frame frameset noscript noembed noframes object embed applet param svg math ' +
    'canvas img picture video audio source track map area form input button select option textarea meta base ' +
    'link head title xmp plaintext'
  ).split(' '),
);

/** Elements that start a new paragraph (their text is kept; headings and quotes become plain paragraphs). */
const BLOCK = new Set(
  (
    'p div section article header footer aside main nav blockquote h1 h2 h3 h4 h5 h6 pre figure figcaption ' +
    'table thead tbody tfoot tr dl dt dd address hr center details summary'
  ).split(' '),
);

/** An http(s) address as a Markdown link target, or null for any other kind of address. */
export function safeUrl(href) {
  let url;
  try {
    url = new URL(String(href ?? '').trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Parentheses would end the link target early.
  return url.href.replace(/\(/g, '%28').replace(/\)/g, '%29');
}

/**
 * Text with every character that Markdown (or HTML inside it) would read as markup escaped; "@" too, or an
 * e-mail address would become a mailto: link (GitHub-flavoured Markdown's autolinks).
 */
function escapeText(text) {
  return text.replace(/[\\`*_[\]<>~|@]/g, '\\$&').replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/** A paragraph's or list item's start escaped where Markdown would read it as a heading, quote or list. */
function escapeStart(md) {
  return md.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([#+=-])/, '\\$1');
}

const tidy = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * The Markdown (safe subset) and plain text of a fragment of HTML, with the http(s) links it holds.
 * `markdown` has one paragraph per block (a blank line between), lists as "- " or "1. " lines; `first` is the
 * plain text of the first paragraph or list item.
 */
export function fromHtml(html) {
  /** @type {{ md: string, plain: string, item: boolean }[]} */
  const blocks = [];
  /** @type {{ url: string, text: string }[]} */
  const links = [];

  /** Inline content as Markdown and plain text; block elements inside it only add a space. */
  function inline(nodes, inLink) {
    let md = '';
    let plain = '';
    for (const node of nodes) {
      if (node.nodeName === '#text') {
        const text = node.value.replace(/\s+/g, ' ');
        md += escapeText(text);
        plain += text;
        continue;
      }
      const tag = node.tagName;
      if (!tag || DROP.has(tag)) continue;
      const inner = inline(node.childNodes, inLink || tag === 'a');
      if (tag === 'em' || tag === 'i' || tag === 'strong' || tag === 'b') {
        md += wrap(inner.md, tag === 'em' || tag === 'i' ? '*' : '**');
      } else if (tag === 'a' && !inLink && safeUrl(attr(node, 'href'))) {
        const url = safeUrl(attr(node, 'href'));
        links.push({ url, text: tidy(inner.plain) });
        // A link without text is still an address worth keeping as a source, but shows nothing.
        if (inner.md.trim()) md += wrap(inner.md, '[', `](${url})`);
      } else {
        const gap = BLOCK.has(tag) || tag === 'br' || tag === 'li' ? ' ' : '';
        md += gap + inner.md + gap;
      }
      plain += inner.plain + (BLOCK.has(tag) || tag === 'br' || tag === 'li' ? ' ' : '');
    }
    return { md, plain };
  }

  function paragraph(nodes) {
    const { md, plain } = inline(nodes, false);
    if (tidy(md)) blocks.push({ md: escapeStart(tidy(md)), plain: tidy(plain), item: false });
  }

  /** Paragraphs from a run of mixed inline and block nodes. */
  function block(nodes, indent) {
    let run = [];
    const endRun = () => {
      if (run.length) paragraph(run);
      run = [];
    };
    for (const node of nodes) {
      const tag = node.tagName;
      if (tag && DROP.has(tag)) continue;
      if (tag === 'ul' || tag === 'ol') {
        endRun();
        list(node, indent);
      } else if ((tag && BLOCK.has(tag)) || tag === 'li') {
        endRun();
        block(node.childNodes, indent);
      } else if (tag === 'br') endRun();
      else run.push(node);
    }
    endRun();
  }

  /** A list's items, each one line; a list inside an item is indented under it. */
  function list(node, indent) {
    const ordered = node.tagName === 'ol';
    let n = ordered ? Number.parseInt(attr(node, 'start') ?? '1', 10) || 1 : 1;
    for (const li of node.childNodes) {
      if (li.tagName !== 'li') continue;
      const marker = ordered ? `${n++}. ` : '- ';
      const nested = li.childNodes.filter((c) => c.tagName === 'ul' || c.tagName === 'ol');
      const { md, plain } = inline(
        li.childNodes.filter((c) => !nested.includes(c)),
        false,
      );
      if (tidy(md)) blocks.push({ md: indent + marker + escapeStart(tidy(md)), plain: tidy(plain), item: true });
      for (const sub of nested) list(sub, indent + ' '.repeat(marker.length));
    }
  }

  block(parseFragment(String(html ?? '')).childNodes, '');
  const markdown = blocks.map((b, i) => (i === 0 ? '' : b.item && blocks[i - 1].item ? '\n' : '\n\n') + b.md).join('');
  return { markdown, text: blocks.map((b) => b.plain).join(' '), first: blocks[0]?.plain ?? '', links };
}

/** Emphasis or a link around text, with the text's outer spaces moved outside the marks. */
function wrap(md, open, close = open) {
  const inner = md.trim();
  if (!inner) return md.length ? ' ' : '';
  const lead = /^\s/.test(md) ? ' ' : '';
  const trail = /\s$/.test(md) ? ' ' : '';
  return `${lead}${open}${inner}${close}${trail}`;
}

function attr(node, name) {
  return node.attrs?.find((a) => a.name === name)?.value;
}

/** The first sentence of a text, cut at a word to at most `max` characters (with "…" when cut). */
export function firstSentence(text, max) {
  // A sentence ends at . ! or ? before a capital, but not after an initial or a title ("J.", "Dr.", "Mrs.").
  const sentence = tidy(text).split(/(?<=[.!?]["”’)]?)(?<!(?:^|\s)\p{Lu}\p{Ll}{0,2}\.)\s+(?=["“‘(]?[\p{Lu}\p{N}])/u)[0];
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length).replace(/[\s,;:]+$/, '')}…`;
}
