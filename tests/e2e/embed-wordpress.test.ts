// The emulation of WordPress that embed-hosts.test.ts embeds a chart with (wordpress.ts), checked
// against WordPress's own unit tests of its oEmbed filter (tests/phpunit/tests/oembed/filterResult.php
// in wordpress-develop), and what it makes of the chart's oEmbed answer. No browser.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbedSite, type EmbedSite } from './embed-helpers';
import { filterIframeTitle, filterOembedResult, HIDE, kses, wordpressEmbedHtml } from './wordpress';

let env: EmbedSite;
beforeAll(async () => {
  env = await startEmbedSite();
}, 180_000);
afterAll(async () => {
  await env?.site.close();
});

describe('the WordPress emulation (tests/phpunit/tests/oembed/filterResult.php)', () => {
  const wrap = '<iframe class="wp-embedded-content" sandbox="allow-scripts" security="restricted"';
  it('keeps one iframe, adds the secret to its address, and refuses HTML without an iframe', () => {
    expect(filterOembedResult('<div><iframe></iframe><iframe></iframe><p></p></div>')).toBe(`${wrap}></iframe>`);
    expect(filterOembedResult('<script>var = 1;</script>\n<iframe></iframe>\n<iframe></iframe>\n<p></p>')).toBe(
      `${wrap}></iframe>`,
    );
    expect(filterOembedResult('<span>Hello</span><p>World</p>')).toBe(false);
    expect(filterOembedResult('<div><p></p></div><script></script>')).toBe(false);
    const out = filterOembedResult('<p></p><iframe onload="alert(1)" src="http://example.com/sample-page/"></iframe>');
    const m = /src=".*#\?secret=(\w+)" data-secret="(\w+)"/.exec(out as string);
    expect(m?.[1]).toBe(m?.[2]);
    expect(out).not.toContain('onload');
  });

  it('hides the iframe behind a blockquote and keeps only the allowed markup', () => {
    expect(filterOembedResult('<blockquote></blockquote><iframe></iframe>')).toBe(
      `<blockquote class="wp-embedded-content"></blockquote>${wrap} style="${HIDE}"></iframe>`,
    );
    expect(
      filterOembedResult(
        '<blockquote class="foo" id="bar"><strong><a href="" target=""></a></strong></blockquote><iframe></iframe>',
      ),
    ).toBe(`<blockquote class="wp-embedded-content"><a href=""></a></blockquote>${wrap} style="${HIDE}"></iframe>`);
    expect(kses('<a href="javascript:alert(1)" onclick="x">a</a>', { a: { href: true } })).toBe(
      '<a href="alert(1)">a</a>',
    );
  });

  it('gives the iframe the oEmbed title, first (wp_filter_oembed_iframe_title_attribute)', () => {
    const cases: [string, string][] = [
      [
        '<blockquote></blockquote><iframe title=""></iframe>',
        `<blockquote class="wp-embedded-content"></blockquote>${wrap} style="${HIDE}" title="Hola"></iframe>`,
      ],
      [
        '<blockquote class="foo" id="bar"><strong><a href="" target=""></a></strong></blockquote><iframe width=123></iframe>',
        `<blockquote class="wp-embedded-content"><a href=""></a></blockquote>${wrap} style="${HIDE}" title="Hola" width="123"></iframe>`,
      ],
      [
        '<blockquote><iframe width="100"></iframe></blockquote><iframe stitle="aaaa"></iframe>',
        `<blockquote class="wp-embedded-content">${wrap} style="${HIDE}" title="Hola" width="100"></iframe></blockquote>${wrap} style="${HIDE}" title="Hola"></iframe>`,
      ],
    ];
    for (const [html, expected] of cases) expect(filterOembedResult(filterIframeTitle(html, 'Hola'))).toBe(expected);
  });

  it("keeps what the chart's oEmbed HTML needs: its address, width, height, no border and title", () => {
    const chart = env.charts.find((c) => c.kind === 'timeline') ?? env.charts[0];
    const html = env.oembed.get(chart.id)!.html;
    const out = wordpressEmbedHtml({ html, title: 'T' }, 'abcDEF1234') as string;
    const src = /src="([^"]+)"/.exec(html)![1];
    const height = /height="(\d+)"/.exec(html)![1];
    expect(out).toBe(
      `${wrap} title="${chart.title}" src="${src}#?secret=abcDEF1234" data-secret="abcDEF1234" ` +
        `width="100%" height="${height}" frameborder="0"></iframe>`,
    );
  });
});
