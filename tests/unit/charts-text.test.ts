import { describe, expect, it } from 'vitest';
import { fitText, surnames, textWidth, wrapText } from '../../src/lib/charts/text';

describe('text measurement', () => {
  it('textWidth is deterministic, grows with length and font size, and bold is wider', () => {
    expect(textWidth('day 45', 11)).toBe(textWidth('day 45', 11));
    expect(textWidth('day 45', 11)).toBeGreaterThan(textWidth('day 4', 11));
    expect(textWidth('day 45', 22)).toBeCloseTo(2 * textWidth('day 45', 11));
    expect(textWidth('Ebrard', 11, true)).toBeGreaterThan(textWidth('Ebrard', 11));
    expect(textWidth('Garduño', 11)).toBeCloseTo(textWidth('Garduno', 11));
  });

  it('fitText keeps text that fits and cuts the rest with an ellipsis inside the width', () => {
    expect(fitText('Short', 100, 11)).toBe('Short');
    const cut = fitText('A much longer label than the space allows', 80, 11);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 11)).toBeLessThanOrEqual(80);
    expect(cut).not.toMatch(/\s…$/);
    expect(fitText('Anything', 2, 11)).toBe('');
  });

  it('wrapText breaks at spaces, keeps every line inside the width and cuts the last allowed line', () => {
    const text = 'US and Mexico issue a joint declaration on migration and a supplementary agreement';
    const lines = wrapText(text, 120, 11);
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(textWidth(l, 11)).toBeLessThanOrEqual(120);
    expect(lines.join(' ')).toBe(text);
    const two = wrapText(text, 120, 11, 2);
    expect(two).toHaveLength(2);
    expect(two[1].endsWith('…')).toBe(true);
  });

  it('surnames gives the family name, and for countries with two family names both, then the first', () => {
    expect(surnames('Kevin McAleenan')).toEqual(['McAleenan']);
    expect(surnames('Donald J. Trump')).toEqual(['Trump']);
    expect(surnames('L. Francis Cissna')).toEqual(['Cissna']);
    expect(surnames('Tonatiuh Guillén López', 'MX')).toEqual(['Guillén López', 'Guillén']);
    expect(surnames('Luis Videgaray Caso', 'MX')).toEqual(['Videgaray Caso', 'Videgaray']);
    expect(surnames('Gerardo Elías García Benavente', 'MX')).toEqual(['García Benavente', 'García']);
    expect(surnames('Juan Ramón de la Fuente Ramírez', 'MX')).toEqual(['de la Fuente Ramírez', 'de la Fuente']);
    expect(surnames('Marcelo Ebrard', 'MX')).toEqual(['Ebrard']);
    expect(surnames('Ludwig van Beethoven', 'DE')).toEqual(['van Beethoven']);
    expect(surnames('Madonna')).toEqual(['Madonna']);
  });
});
