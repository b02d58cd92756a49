import { describe, expect, it } from 'vitest';
import { figurePng } from '../../src/report/figurePng';
import { Pixels } from '../presentation/figures/figurePixels';

const page = (body: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="1754" height="1240" viewBox="0 0 1754 1240">${body}</svg>`;

describe('figure PNG', () => {
  it('renders at the SVG size on white, colours exact', async () => {
    const px = new Pixels(
      await figurePng(page('<rect x="100" y="100" width="200" height="100" fill="#3b528b"/>')),
    );
    expect([px.width, px.height]).toEqual([1754, 1240]);
    expect(px.at(200, 150)).toEqual([0x3b, 0x52, 0x8b]);
    expect(px.at(10, 10)).toEqual([255, 255, 255]);
  });

  it('draws text in DejaVu Sans without system fonts, the same bytes every time', async () => {
    const svg = page('<text x="100" y="200" font-family="DejaVu Sans" font-size="60">x [mm] 0.5 µm</text>');
    const a = await figurePng(svg);
    const b = await figurePng(svg);
    expect(Buffer.compare(a, b)).toBe(0);
    const px = new Pixels(a);
    let ink = 0;
    for (let y = 140; y < 215; y++) for (let x = 100; x < 600; x++) if (px.at(x, y)[0] < 128) ink++;
    // a missing font draws nothing; DejaVu at 60 px inks a few thousand pixels
    expect(ink).toBeGreaterThan(2000);
    // the text is about 13 characters at 0.6 em: it ends before 100 + 13 · 36 px
    let right = 0;
    for (let y = 140; y < 215; y++)
      for (let x = 100; x < 1200; x++) if (px.at(x, y)[0] < 128) right = Math.max(right, x);
    expect(right).toBeGreaterThan(400);
    expect(right).toBeLessThan(100 + 13 * 36);
  });
});
