import { describe, expect, it } from 'vitest';
import { contrastRatio, parsePaint } from '../../src/build/images/colour';
import { ancestors, findAll, findFirst, parseMarkup, serializeXml, textContent } from '../../src/build/images/markup';

describe('parseMarkup', () => {
  it('reads a built page: doctype, void elements, raw text, entities, SVG case', () => {
    const doc = parseMarkup(
      `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/a.css"><script>if (a < b) x()</script></head>` +
        `<body><p hidden>Mexico&#39;s &amp; “US” &lt;3</p><svg viewBox="0 0 10 10"><defs><clipPath id="c"><rect width="1"/></clipPath></defs><path d="M0,0"></path></svg></body></html>`,
    );
    const p = findFirst(doc, (e) => e.tag === 'p')!;
    expect(p.attrs).toEqual({ hidden: '' });
    expect(textContent(p)).toBe("Mexico's & “US” <3");
    const clip = findFirst(doc, (e) => e.tag === 'clipPath')!;
    expect(ancestors(clip).map((e) => e.tag)).toEqual(['defs', 'svg', 'body', 'html']);
    expect(findFirst(doc, (e) => e.tag === 'script')!.children).toEqual([{ type: 'text', text: 'if (a < b) x()' }]);
    expect(findAll(doc, (e) => e.tag === 'link')[0].children).toHaveLength(0);
    const svg = findFirst(doc, (e) => e.tag === 'svg')!;
    expect(serializeXml(svg)).toBe(
      '<svg viewBox="0 0 10 10"><defs><clipPath id="c"><rect width="1"/></clipPath></defs><path d="M0,0"/></svg>',
    );
  });

  it('escapes text and attribute values when writing XML', () => {
    const doc = parseMarkup('<text a="&quot;x&quot;">A &amp; B</text>');
    expect(serializeXml(doc.children[0])).toBe('<text a="&quot;x&quot;">A &amp; B</text>');
  });
});

describe('parsePaint', () => {
  it('turns CSS colours into #rrggbb and an opacity', () => {
    expect(parsePaint('#0000')).toEqual({ colour: 'none', alpha: 1 });
    expect(parsePaint('transparent')).toEqual({ colour: 'none', alpha: 1 });
    expect(parsePaint('#FFF')).toEqual({ colour: '#ffffff', alpha: 1 });
    expect(parsePaint('#11223380')).toEqual({ colour: '#112233', alpha: 0.502 });
    expect(parsePaint('rgb(0 0 0 / .25)')).toEqual({ colour: '#000000', alpha: 0.25 });
    expect(parsePaint('rgba(255, 0, 0, 0.5)')).toEqual({ colour: '#ff0000', alpha: 0.5 });
    expect(parsePaint('url(#hatch)')).toEqual({ colour: 'url(#hatch)', alpha: 1 });
    expect(parsePaint('var(--x)')).toBeNull();
  });

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#595959', '#ffffff')).toBeGreaterThan(7);
  });
});
