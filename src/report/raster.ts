import { PNG } from 'pngjs';
import { glyphHeight, glyphPixels, glyphWidth } from './bitmapFont';
import type { Rgb } from './colormap';

/** An RGBA image in memory with just the drawing the reports need. */
export class Raster {
  readonly data: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.data = new Uint8Array(width * height * 4);
    this.fillRect(0, 0, width, height, background);
  }

  /** Fill the rectangle [x, x+w) × [y, y+h) (pixels, y down), clipped to the image. */
  fillRect(x: number, y: number, w: number, h: number, c: Rgb): void {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(this.width, Math.floor(x + w));
    const y1 = Math.min(this.height, Math.floor(y + h));
    for (let j = y0; j < y1; j++) {
      for (let i = x0; i < x1; i++) {
        const o = 4 * (j * this.width + i);
        this.data[o] = Math.round(c[0]);
        this.data[o + 1] = Math.round(c[1]);
        this.data[o + 2] = Math.round(c[2]);
        this.data[o + 3] = 255;
      }
    }
  }

  /** A one-pixel rectangle outline. */
  strokeRect(x: number, y: number, w: number, h: number, c: Rgb): void {
    this.fillRect(x, y, w, 1, c);
    this.fillRect(x, y + h - 1, w, 1, c);
    this.fillRect(x, y, 1, h, c);
    this.fillRect(x + w - 1, y, 1, h, c);
  }

  /** Draw `text` with its top-left corner at (x, y), each font pixel `scale` × `scale`. */
  text(x: number, y: number, text: string, scale: number, c: Rgb = [0, 0, 0]): void {
    let cx = x;
    for (const ch of text) {
      for (const [i, j] of glyphPixels(ch)) this.fillRect(cx + i * scale, y + j * scale, scale, scale, c);
      cx += (glyphWidth + 1) * scale;
    }
  }

  /** Height of a text line at `scale` [px]. */
  static lineHeight(scale: number): number {
    return glyphHeight * scale;
  }

  /** PNG bytes of the image. */
  toPng(): Buffer {
    const png = new PNG({ width: this.width, height: this.height });
    png.data = Buffer.from(this.data.buffer, this.data.byteOffset, this.data.byteLength);
    return PNG.sync.write(png);
  }
}
