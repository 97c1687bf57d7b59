// The Markdown fields of the data (an event's `body`, a glossary entry's `definition`) as HTML, in a safe
// subset only: paragraphs, *emphasis*, **strong**, `code`, lists, line breaks, and links whose address is
// http(s) or a path on this site. Everything else (raw HTML, headings, quotes, code blocks, tables, images,
// strikethrough, task boxes, other link addresses) is written out as escaped text, so no text from the data
// can make an element, an event handler or a `javascript:` link.
//
// The decision: validation REFUSES raw HTML and links to any other address (`markdownProblems`, a refinement
// on those fields in schema-fields.ts), so an editor learns of it at `npm run validate` and at build, with the
// file, line, entry and field. The renderer still escapes or drops them (defence in depth), because data can
// reach it without validation. Browser-safe: marked only, no Node built-ins.
import { Marked, type RendererObject, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text safe inside an element or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

// The named references that spell the characters a scheme needs to hide in ("&colon;", "&Tab;").
const NAMED: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', bsol: '\\', period: '.' };

/** The address with character references decoded, as CommonMark (and a browser, in an attribute) reads them. */
function decodeReferences(href: string): string {
  return href.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return NAMED[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

/** Whether a link address is http(s) or site-relative, however it is spelled (references, case, hidden spaces). */
export function isSafeHref(href: string): boolean {
  // Browsers drop tabs and line breaks anywhere in an address and spaces and controls around it.
  return [href, decodeReferences(href)].every((spelling) => {
    const url = spelling.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
    if (/^https?:\/\/[^/\\]/i.test(url)) return true;
    // Any other scheme, an address on another host ("//host", which "/\host" also means) or a backslash.
    return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('//') && !url.includes('\\') && url !== '';
  });
}

/** The address as marked writes it (spaces and non-ASCII percent-encoded), escaped for the attribute. */
function hrefAttribute(href: string): string {
  let encoded: string;
  try {
    encoded = encodeURI(href).replace(/%25/g, '%');
  } catch {
    encoded = href;
  }
  return escapeHtml(encoded);
}

const asText = (raw: string) => escapeHtml(raw);
const asParagraph = (raw: string) => `<p>${escapeHtml(raw.trim())}</p>\n`;

// Every renderer marked has outside the subset writes its source as text; a test checks this list against
// marked's Renderer, so a marked upgrade that adds a kind of element fails until it is listed here.
const renderer: RendererObject = {
  html: ({ text, block }: Tokens.HTML | Tokens.Tag) => (block ? asParagraph(text) : asText(text)),
  heading: ({ raw }) => asParagraph(raw),
  blockquote: ({ raw }) => asParagraph(raw),
  code: ({ raw }) => asParagraph(raw),
  hr: ({ raw }) => asParagraph(raw),
  table: ({ raw }) => asParagraph(raw),
  image: ({ raw }) => asText(raw),
  del: ({ raw }) => asText(raw),
  checkbox: ({ checked }) => (checked ? '[x]' : '[ ]'),
  // A link keeps its text; its title is dropped, and a link to any other address is only its source text.
  link({ href, tokens, raw }) {
    if (!isSafeHref(href)) return asText(raw);
    return `<a href="${hrefAttribute(href)}">${this.parser.parseInline(tokens)}</a>`;
  },
};

/** The renderers `renderer` replaces; the others (paragraph, list, em, strong, codespan, br, text…) are the subset. */
export const REPLACED_RENDERERS = Object.keys(renderer);

const markdown = new Marked({ async: false, gfm: true, breaks: false, renderer });

/** A Markdown field as HTML, in the safe subset. */
export function renderMarkdown(source: string): string {
  return markdown.parse(source, { async: false });
}

const snippet = (text: string) => {
  const line = text.trim().replace(/\s+/g, ' ');
  return line.length > 60 ? `${line.slice(0, 60)}…` : line;
};

/** What validation refuses in a Markdown field, one plain sentence each (none for a field in the subset). */
export function markdownProblems(source: string): string[] {
  const problems: string[] = [];
  markdown.walkTokens(markdown.lexer(source), (token) => {
    if (token.type === 'html') {
      problems.push(
        `has HTML ("${snippet(token.raw)}"), which this field does not take: write Markdown only ` +
          '(paragraphs, *emphasis*, **strong**, lists and [links](https://…))',
      );
    } else if (token.type === 'link' && !isSafeHref((token as Tokens.Link).href)) {
      problems.push(
        `links to "${snippet((token as Tokens.Link).href)}": a link must start with https:// or http://, ` +
          'or be a path on this site such as /glossary/',
      );
    }
  });
  return problems;
}
