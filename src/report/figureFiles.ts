import type { TopLevelSpec } from 'vega-lite';
import { figureSvg } from '../presentation/figures/figureSvg';
import { figurePng } from './figurePng';

/**
 * Every figure spec as `<name>.svg` and `<name>.png`: the SVG from vega, the PNG rasterized from
 * that SVG (off the main thread, so the figures rasterize side by side).
 */
export async function figureFiles(
  specs: Record<string, TopLevelSpec>,
): Promise<Record<string, string | Buffer>> {
  const files: Record<string, string | Buffer> = {};
  await Promise.all(
    Object.entries(specs).map(async ([name, spec]) => {
      const svg = await figureSvg(spec);
      files[`${name}.svg`] = svg;
      files[`${name}.png`] = await figurePng(svg);
    }),
  );
  return files;
}
