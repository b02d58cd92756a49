import type { TopLevelSpec } from 'vega-lite';
import { toleranceContactSpec } from '../presentation/figures/toleranceContactSpec';
import { toleranceHistogramSpec } from '../presentation/figures/toleranceHistogramSpec';
import { toleranceMapsSpec } from '../presentation/figures/toleranceMapsSpec';
import type { LoadState } from '../presentation/resultFields';
import type { StackGeometry } from '../presentation/stackGeometry';
import type { ToleranceResult } from '../tolerance/toleranceResult';
import { figureFiles } from './figureFiles';

/** File-name suffix of a load state's figures, as the case folder names them. */
const SUFFIX: Record<LoadState, string> = { loadUp: '', swollen: '-swollen' };

/**
 * The figures of a tolerance study, each as `<name>.svg` and `<name>.png`, per load state the
 * study has maps for: `pressure-spread` (mean, p5 and p95 maps on one scale), `contact-probability`
 * and `cov-histogram`; `-swollen` after swelling. A study in which no draw solved has none.
 */
export async function toleranceFigures(
  result: ToleranceResult,
  stack: StackGeometry,
): Promise<Record<string, string | Buffer>> {
  const specs: Record<string, TopLevelSpec> = {};
  for (const state of ['loadUp', 'swollen'] as const) {
    if (!result.maps[state]) continue;
    const s = SUFFIX[state];
    specs[`pressure-spread${s}`] = toleranceMapsSpec({ result, stack, state, cells: 'image' });
    specs[`contact-probability${s}`] = toleranceContactSpec({ result, stack, state, cells: 'image' });
    if (result.draws.some((d) => d.metrics?.[state] !== undefined))
      specs[`cov-histogram${s}`] = toleranceHistogramSpec({ result, state });
  }
  const files = await figureFiles(specs);
  // a fixed order, so the folder's listing does not depend on which figure rendered first
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
}
