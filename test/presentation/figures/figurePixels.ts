import { PNG } from 'pngjs';
import type { Rgb } from '../../../src/presentation/colourScale';

/** A decoded PNG with pixel lookups, for checking what a figure shows. */
export class Pixels {
  readonly width: number;
  readonly height: number;
  private readonly data: Buffer;
  constructor(png: Uint8Array) {
    const img = PNG.sync.read(Buffer.from(png));
    this.width = img.width;
    this.height = img.height;
    this.data = img.data;
  }
  at(x: number, y: number): Rgb {
    const k = 4 * (Math.round(y) * this.width + Math.round(x));
    return [this.data[k], this.data[k + 1], this.data[k + 2]];
  }
  /** Bounding box of the pixels exactly of colour `c` inside [x0, x1) × [y0, y1), and their count. */
  box(c: Rgb, x0 = 0, x1 = this.width, y0 = 0, y1 = this.height) {
    let left = Number.POSITIVE_INFINITY;
    let right = -1;
    let top = Number.POSITIVE_INFINITY;
    let bottom = -1;
    let count = 0;
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const p = this.at(x, y);
        if (p[0] !== c[0] || p[1] !== c[1] || p[2] !== c[2]) continue;
        count++;
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    return { left, right, top, bottom, count };
  }

  /** Pixel (x, y) and those 4 px left, right, above and below it all have colour `c`. */
  private inside(c: Rgb, x: number, y: number): boolean {
    const is = (u: number, v: number) => {
      if (u < 0 || v < 0 || u >= this.width || v >= this.height) return false;
      const p = this.at(u, v);
      return p[0] === c[0] && p[1] === c[1] && p[2] === c[2];
    };
    return is(x, y) && is(x - 4, y) && is(x + 4, y) && is(x, y - 4) && is(x, y + 4);
  }

  /**
   * The solid block of colour `c`: the columns and rows where at least half as many pixels lie
   * inside a patch of it as in the fullest column or row. Anti-aliased lines, which can take any
   * shade of grey, and small patches elsewhere (a legend swatch) do not count.
   */
  block(c: Rgb) {
    const cols = new Array<number>(this.width).fill(0);
    const rows = new Array<number>(this.height).fill(0);
    for (let y = 0; y < this.height; y++)
      for (let x = 0; x < this.width; x++) {
        if (this.inside(c, x, y)) {
          cols[x]++;
          rows[y]++;
        }
      }
    const span = (counts: number[]) => {
      const half = Math.max(...counts) / 2;
      const inside = counts.flatMap((n, i) => (n >= half ? [i] : []));
      return [inside[0], inside[inside.length - 1]];
    };
    // the patch's interior: widen by the 4 px the test trims off each side
    const [left, right] = span(cols).map((v, k) => v + (k ? 4 : -4));
    const [top, bottom] = span(rows).map((v, k) => v + (k ? 4 : -4));
    return { left, right, top, bottom, count: this.box(c, left, right + 1, top, bottom + 1).count };
  }
}

export const distance = (a: Rgb, b: Rgb) => Math.max(...a.map((v, i) => Math.abs(v - b[i])));
