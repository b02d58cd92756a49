import { type VisualizationSpec, vega, vegaLite } from 'vega-embed';
import { figureSizeOf } from '../../../src/presentation/figures/figureSvg';
import { measureTextAsDejaVu } from '../../../src/presentation/figures/textWidth';

/*
 * Vega lays a figure out with the widths of its texts. In Node (the CLI) it has no canvas and
 * measures them with DejaVu Sans's widths (`measureTextAsDejaVu`); in a browser it would measure
 * them on a canvas, in whatever sans-serif the machine has — and axis labels a few px wider move
 * the map. Turning the canvas measure off lets the DejaVu widths in here too, so every figure the
 * viewer draws or exports lays out exactly as the CLI's and the pictures agree pixel for pixel.
 * (vega's typings do not declare textMetrics; it is part of its scenegraph API.)
 */
(vega as unknown as { textMetrics: { canvas: (use: boolean) => void } }).textMetrics.canvas(false);
measureTextAsDejaVu();

const isVegaLite = (spec: VisualizationSpec) =>
  typeof spec.$schema === 'string' ? spec.$schema.includes('vega-lite') : !('marks' in spec);

/** A headless view of a spec (vega-lite compiled first), not attached to the page. */
function headlessView(spec: VisualizationSpec) {
  const vg = isVegaLite(spec) ? vegaLite.compile(spec as Parameters<typeof vegaLite.compile>[0]).spec : spec;
  return new vega.View(vega.parse(vg as Parameters<typeof vega.parse>[0]), { renderer: 'none' });
}

/** The drawing size a headless view lays out to [px]: its view size plus padding, as vega's renderers take it. */
async function naturalSize(
  view: ReturnType<typeof headlessView>,
): Promise<{ width: number; height: number }> {
  await view.runAsync();
  // vega keeps the laid-out size in these fields and sizes its own renderers with them (plus padding)
  const laidOut = view as unknown as { _viewWidth?: number; _viewHeight?: number };
  // a view's padding() is always the normalized object, whatever form the spec gave it in
  const p = view.padding() as { top: number; bottom: number; left: number; right: number };
  const width = (laidOut._viewWidth ?? view.width()) + p.left + p.right;
  const height = (laidOut._viewHeight ?? view.height()) + p.top + p.bottom;
  return { width, height };
}

/**
 * A figure as a PNG. When the spec names a figure size (`usermeta.figureSize`, A4 at 150 dpi by
 * default) the image has exactly that size with the drawing scaled to fit and centred — the
 * placement an SVG viewer gives the CLI's figure file, so the two pictures agree pixel for pixel —
 * else the drawing's own size. One image pixel per figure pixel whatever the screen's pixel ratio.
 */
export async function figurePngBlob(spec: VisualizationSpec): Promise<Blob> {
  const view = headlessView(spec);
  try {
    const natural = await naturalSize(view);
    const size = figureSizeOf(spec as Parameters<typeof figureSizeOf>[0]) ?? {
      width: Math.ceil(natural.width),
      height: Math.ceil(natural.height),
    };
    const scale = Math.min(size.width / natural.width, size.height / natural.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('the browser gave no 2D canvas to draw the figure on');
    ctx.fillStyle = 'white';
    ctx.fillRect(0, 0, size.width, size.height);
    ctx.translate((size.width - scale * natural.width) / 2, (size.height - scale * natural.height) / 2);
    // vega scales the context and draws into it (and waits for the figure's images to load)
    await view.toCanvas(scale, { externalContext: ctx } as never);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error('the browser did not encode the PNG'))),
        'image/png',
      ),
    );
  } finally {
    view.finalize();
  }
}

/** A file name made of a case name and a suffix, with nothing a file system could trip on. */
export function exportName(caseName: string, suffix: string): string {
  const base = caseName.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/, '') || 'case';
  return `${base.slice(0, 80)}-${suffix}`;
}
