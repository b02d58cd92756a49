import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { measureTextAsDejaVu } from './textWidth';

/** The size a figure spec asks for [px], carried in its `usermeta`. */
export function figureSizeOf(spec: TopLevelSpec): { width: number; height: number } | null {
  const size = (spec.usermeta as { figureSize?: { width: number; height: number } } | undefined)?.figureSize;
  return size && size.width > 0 && size.height > 0 ? size : null;
}

/**
 * A vega-lite spec rendered to an SVG document, headless (no canvas, no DOM), so the same call
 * works in Node and in the browser. Without a canvas (Node) text is measured with DejaVu Sans's
 * widths, the font the PNGs are rendered in, so the layout does not depend on the machine. When the spec names a figure size (`usermeta.figureSize`),
 * the document has exactly that size, the drawing centred in it at its own aspect.
 */
export async function figureSvg(spec: TopLevelSpec): Promise<string> {
  measureTextAsDejaVu();
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const size = figureSizeOf(spec);
    return size ? resized(svg, size) : svg;
  } finally {
    view.finalize();
  }
}

/** The root element's width and height set to `size`; its viewBox (vega writes one) keeps the drawing whole. */
function resized(svg: string, size: { width: number; height: number }): string {
  const end = svg.indexOf('>');
  const root = svg
    .slice(0, end)
    .replace(/\swidth="[^"]*"/, ` width="${size.width}"`)
    .replace(/\sheight="[^"]*"/, ` height="${size.height}"`);
  return root + svg.slice(end);
}
