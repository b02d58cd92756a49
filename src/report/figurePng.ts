import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { deflate } from 'node:zlib';
import { type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import { pngFile, pngScanlines } from '../presentation/figures/rgbPng';

/**
 * A figure's SVG as PNG (resvg), with the DejaVu fonts of the `dejavu-fonts-ttf` package and no
 * system fonts, so a figure has the same pixels on every machine. The package is found from this
 * module's URL, which works from the sources and from the bundle in dist/ alike.
 */

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const fontFiles = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => join(fontDir, f));
const deflateAsync = promisify(deflate);

/** resvg's options for a figure: our fonts only, white background, cell images kept sharp. */
export function figurePngOptions(): ResvgRenderOptions {
  return {
    font: {
      fontFiles,
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    background: 'white',
    // nearest neighbour for the cell images, so a cell edge stays one sharp step
    imageRendering: 1,
    shapeRendering: 2,
    textRendering: 1,
  };
}

/**
 * PNG bytes of an SVG document, at the size the document gives [px], on white. Rasterizing and
 * compressing both run on libuv's thread pool, so figures rendered together use every core; the
 * pixels are compressed at zlib level 3, which at A4 150 dpi takes half the time of resvg's own
 * encoder for a file about as small.
 */
export async function figurePng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, figurePngOptions());
  const { width, height } = image;
  const scanlines = pngScanlines(width, height, 4, image.pixels);
  const png = pngFile(width, height, 4, await deflateAsync(scanlines, { level: 3 }));
  return Buffer.from(png.buffer, png.byteOffset, png.byteLength);
}
