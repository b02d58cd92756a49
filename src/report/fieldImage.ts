import type { RegularGrid } from '../results/pressureMap';
import { textWidth } from './bitmapFont';
import type { Rgb } from './colormap';
import { Raster } from './raster';

/** How values map to colours, and how the bar is labelled. */
export interface ColourScale {
  /** values at the ends of the bar, in `unit` */
  lo: number;
  hi: number;
  colour: (t: number) => Rgb;
  /** unit label drawn above the bar, e.g. `MPa` */
  unit: string;
  /** optional tag drawn under the unit, e.g. the film grade `LW` */
  tag?: string;
  /** grid values are multiplied by this before mapping (e.g. 1000 for mm → µm) */
  factor?: number;
}

const font = 2;
const margin = 12;
const barWidth = 18;
const gap = 14;
const black: Rgb = [0, 0, 0];
const grey: Rgb = [90, 90, 90];

/** A short label for a bar value: 3 significant figures, no trailing zeros. */
export function barLabel(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(1).replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}

/**
 * Draw grids side by side (y up, each grid node one block of pixels) with one shared colour bar
 * on the right labelled with its top, middle and bottom values.
 */
export function renderFieldImage(panels: RegularGrid[], scale: ColourScale, targetSize = 420): Raster {
  const largest = Math.max(...panels.flatMap((g) => [g.nx, g.ny]));
  const px = Math.max(1, Math.floor(targetSize / largest));
  const sizes = panels.map((g) => ({ w: g.nx * px, h: g.ny * px }));
  const mapsWidth = sizes.reduce((s, z) => s + z.w, 0) + gap * (panels.length - 1);
  const mapHeight = Math.max(...sizes.map((z) => z.h));
  const labels = [scale.hi, (scale.lo + scale.hi) / 2, scale.lo].map(barLabel);
  const labelWidth = Math.max(...[...labels, scale.unit, scale.tag ?? ''].map((s) => textWidth(s, font)));
  const header = 2 * (5 * font + 6);
  const width = margin + mapsWidth + gap + barWidth + 9 + labelWidth + margin;
  const height = header + mapHeight + margin + 5 * font;
  const img = new Raster(width, height);
  const f = scale.factor ?? 1;
  const span = scale.hi - scale.lo || 1;

  let left = margin;
  panels.forEach((g, k) => {
    const top = header + (mapHeight - sizes[k].h);
    for (let j = 0; j < g.ny; j++) {
      for (let i = 0; i < g.nx; i++) {
        const t = (g.values[j * g.nx + i] * f - scale.lo) / span;
        img.fillRect(left + i * px, top + (g.ny - 1 - j) * px, px, px, scale.colour(t));
      }
    }
    img.strokeRect(left - 1, top - 1, sizes[k].w + 2, sizes[k].h + 2, grey);
    left += sizes[k].w + gap;
  });

  // Colour bar: hi at the top, lo at the bottom.
  const bx = margin + mapsWidth + gap;
  for (let r = 0; r < mapHeight; r++)
    img.fillRect(bx, header + r, barWidth, 1, scale.colour(1 - r / Math.max(1, mapHeight - 1)));
  img.strokeRect(bx - 1, header - 1, barWidth + 2, mapHeight + 2, grey);
  const lx = bx + barWidth + 9;
  const lh = 5 * font;
  img.text(bx, 4, scale.unit, font, black);
  if (scale.tag) img.text(bx, 4 + lh + 4, scale.tag, font, black);
  img.text(lx, header, labels[0], font, black);
  img.text(lx, header + (mapHeight - lh) / 2, labels[1], font, black);
  img.text(lx, header + mapHeight - lh, labels[2], font, black);
  for (const y of [header, header + Math.floor(mapHeight / 2), header + mapHeight - 1])
    img.fillRect(bx + barWidth, y, 4, 1, black);
  return img;
}
