// The box of what a chart paints (src/build/images/render.ts: paintedBox), which frames its image:
// the rows and columns it reads from either side give the box a scan of every pixel gives.
import { describe, expect, it } from 'vitest';
import { paintedBox } from '../../src/build/images/render';

const svg = (shapes: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100">${shapes}</svg>`;
const view = { x: 0, y: 0, width: 200, height: 100 };

describe('paintedBox', () => {
  it('finds what is drawn beyond the view on every side, to the pixel', () => {
    // Shapes past the left (x −30), the top (y −12), the right (x 230) and the bottom (y 121), and one
    // inside whose rows lie between them: the box is set by a different shape on each side.
    const box = paintedBox(
      svg(
        '<rect x="-30" y="40" width="10" height="10"/><rect x="50" y="-12" width="20" height="5"/>' +
          '<rect x="220" y="30" width="10" height="4"/><rect x="100" y="116" width="30" height="5"/>' +
          '<rect x="60" y="60" width="10" height="10"/>',
      ),
      view,
      40,
    );
    expect(box).toEqual({ x: -30, y: -12, width: 260, height: 133 });
  });

  it('finds a single pixel-sized mark, and nothing when nothing is drawn', () => {
    expect(paintedBox(svg('<rect x="150" y="-20" width="1" height="1"/>'), view, 40)).toEqual({
      x: 150,
      y: -20,
      width: 1,
      height: 1,
    });
    expect(paintedBox(svg('<rect x="10" y="10" width="20" height="20" fill="none"/>'), view, 40)).toBeNull();
  });
});
