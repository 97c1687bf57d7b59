// Markup planted in a Markdown field (an event's body, a glossary definition): each way known to make an
// element, an event handler, a script address or a redirect out of text. Shared by the renderer's unit test,
// the validation test and the Chromium test. `refused` is what validation says of it (empty where the text is
// safe as written: the renderer then shows it as text or as a safe link).

export interface Plant {
  name: string;
  source: string;
  refused: string[];
}

// The messages name the markup's first 60 characters, on one line.
const html = (snippet: string) =>
  `has HTML ("${snippet}"), which this field does not take: write Markdown only ` +
  '(paragraphs, *emphasis*, **strong**, lists and [links](https://…))';
const link = (href: string) =>
  `links to "${href}": a link must start with https:// or http://, or be a path on this site such as /glossary/`;

/** Where a planted request or navigation would go: the Chromium test fails on any request to it. */
export const EVIL = 'https://evil.example';

export const PLANTS: Plant[] = [
  { name: 'img onerror', source: '<img src=x onerror=alert(1)>', refused: [html('<img src=x onerror=alert(1)>')] },
  {
    name: 'script',
    source: 'Before.\n\n<script>alert(1)</script>\n\nAfter.',
    refused: [html('<script>alert(1)</script>')],
  },
  { name: 'javascript link', source: '[x](javascript:alert(1))', refused: [link('javascript:alert(1)')] },
  { name: 'upper-case scheme', source: '[x](JAVASCRIPT:alert(1))', refused: [link('JAVASCRIPT:alert(1)')] },
  {
    name: 'data link',
    source: '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    refused: [link('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==')],
  },
  {
    name: 'meta refresh',
    source: `<meta http-equiv="refresh" content="0;url=${EVIL}">`,
    refused: [html('<meta http-equiv="refresh" content="0;url=https://evil.examp…')],
  },
  { name: 'base', source: `<base href="${EVIL}/">`, refused: [html(`<base href="${EVIL}/">`)] },
  {
    name: 'iframe',
    source: `<iframe src="${EVIL}/frame"></iframe>`,
    refused: [html(`<iframe src="${EVIL}/frame"></iframe>`)],
  },
  {
    name: 'form',
    source: `<form action="${EVIL}/form"><button>Go</button></form>`,
    refused: [html('<form action="https://evil.example/form"><button>Go</button>…')],
  },
  {
    name: 'style',
    source: `<style>body { background: url(${EVIL}/bg.png) }</style>`,
    refused: [html('<style>body { background: url(https://evil.example/bg.png) }…')],
  },
  {
    name: 'html javascript link',
    source: 'See <a href="javascript:alert(1)">this</a>.',
    refused: [html('<a href="javascript:alert(1)">'), html('</a>')],
  },
  { name: 'svg onload', source: '<svg onload=alert(1)>', refused: [html('<svg onload=alert(1)>')] },
  {
    name: 'inline handler',
    source: 'Text with <b onmouseover="alert(1)">bold</b> words.',
    refused: [html('<b onmouseover="alert(1)">'), html('</b>')],
  },
  { name: 'autolink', source: 'Go to <javascript:alert(1)>.', refused: [link('javascript:alert(1)')] },
  {
    name: 'reference link',
    source: 'A [reference][r].\n\n[r]: javascript:alert(1) "title"',
    refused: [link('javascript:alert(1)')],
  },
  {
    name: 'numeric reference in a link',
    source: '[x](&#106;avascript:alert(1))',
    refused: [link('&#106;avascript:alert(1)')],
  },
  {
    name: 'named reference in a link',
    source: '[x](javascript&colon;alert(1))',
    refused: [link('javascript&colon;alert(1)')],
  },
  { name: 'tab in the scheme', source: '[x](java&#x09;script:alert(1))', refused: [link('java&#x09;script:alert(1)')] },
  { name: 'other host without scheme', source: '[x](//evil.example/)', refused: [link('//evil.example/')] },
  { name: 'image', source: `![x](${EVIL}/pixel.png)`, refused: [] },
  { name: 'references spelling a script tag', source: '&#60;script&#62;alert(1)&#60;/script&#62;', refused: [] },
  {
    name: 'link with a title',
    source: `[x](${EVIL}/ok "a\\" onmouseover=\\"alert(1)")`,
    refused: [],
  },
];

/** Markdown in the subset, with the HTML it renders to (what every page showed before the safe renderer). */
export const SUBSET = {
  source:
    'A *first* paragraph with **strong** words, `code`,  \na line break and [a link](https://example.org/a?b=1&c=2) ' +
    'and [one on this site](/glossary/#term).\n\n- one\n- two\n\n1. first\n2. second',
  html:
    '<p>A <em>first</em> paragraph with <strong>strong</strong> words, <code>code</code>,<br>a line break and ' +
    '<a href="https://example.org/a?b=1&amp;c=2">a link</a> and <a href="/glossary/#term">one on this site</a>.</p>\n' +
    '<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<ol>\n<li>first</li>\n<li>second</li>\n</ol>\n',
};
