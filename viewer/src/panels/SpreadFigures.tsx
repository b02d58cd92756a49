import { type ReactNode, useMemo } from 'react';
import { toleranceContactSpec } from '../../../src/presentation/figures/toleranceContactSpec';
import { toleranceHistogramSpec } from '../../../src/presentation/figures/toleranceHistogramSpec';
import { toleranceMapsSpec } from '../../../src/presentation/figures/toleranceMapsSpec';
import { LOAD_STATE_LABEL, type LoadState } from '../../../src/presentation/resultFields';
import type { StackGeometry } from '../../../src/presentation/stackGeometry';
import type { ToleranceResult } from '../../../src/tolerance/toleranceResult';
import { type FigureSize, VegaFigure } from './VegaFigure';

export interface SpreadFiguresProps {
  result: ToleranceResult;
  /** the stack the maps are drawn on; null when the study has none (no draw solved) */
  stack: StackGeometry | null;
  state: LoadState;
  /** shown between the CoV histogram and the P(contact) map: the metrics and failed draws */
  children?: ReactNode;
}

/** Height / width of the three-map row: the spec trims its height to the maps, the box follows. */
const MAPS_ASPECT = 0.45;
/** Height / width of the P(contact) map and the histogram: low enough that each fits a screen with the maps above */
const FIGURE_ASPECT = 0.5;

/**
 * The study figures' titles carry the case, draws, seed and load state, and the maps' subtitle
 * the shared range: laid out narrower than this [px] the specs clip them (the load state first).
 * They are laid out at least this wide and scaled down to the panel, as VegaFigure scales any
 * figure wider than its box.
 */
const LAYOUT_WIDTH = 1500;

/** A spec builder laid out at LAYOUT_WIDTH or wider, at the box's aspect. */
function wide<T>(build: (size: FigureSize) => T): (size: FigureSize) => T {
  return (size) => {
    const k = Math.max(1, LAYOUT_WIDTH / size.width);
    return build({ width: Math.round(size.width * k), height: Math.round(size.height * k) });
  };
}

/**
 * The spread figures of one load state, the CLI's study folder figures at the panel's size: the
 * mean, p5 and p95 maps on one colour scale (one bar), the CoV histogram over the draws with its
 * p5, p50 and p95 marked, and the probability of contact. Maps are drawn as one image each
 * (no per-cell tooltips), as the top view draws its map.
 */
export function SpreadFigures({ result, stack, state, children }: SpreadFiguresProps) {
  const maps = stack && result.maps[state] ? stack : null;
  const mapsSpec = useMemo(
    () =>
      wide((size) =>
        toleranceMapsSpec({ result, stack: maps as StackGeometry, state, cells: 'image', ...size }),
      ),
    [result, maps, state],
  );
  const contactSpec = useMemo(
    () =>
      wide((size) =>
        toleranceContactSpec({ result, stack: maps as StackGeometry, state, cells: 'image', ...size }),
      ),
    [result, maps, state],
  );
  const histogramSpec = useMemo(
    () => wide((size) => toleranceHistogramSpec({ result, state, ...size })),
    [result, state],
  );
  const hasCov = result.draws.some((d) => d.status === 'ok' && d.metrics?.[state] !== undefined);
  return (
    <div className="spread-figures">
      {maps ? (
        <VegaFigure spec={mapsSpec} aspect={MAPS_ASPECT} testId="spread-maps" className="spread-maps" />
      ) : (
        <p className="placeholder" data-testid="spread-maps-empty">
          No maps {LOAD_STATE_LABEL[state]}:{' '}
          {stack ? 'no draw solved in this load state' : 'the study has no stack to draw them on'}
        </p>
      )}
      {hasCov ? (
        <VegaFigure
          spec={histogramSpec}
          aspect={FIGURE_ASPECT}
          testId="spread-histogram"
          className="spread-histogram"
        />
      ) : (
        <p className="placeholder">No solved draw {LOAD_STATE_LABEL[state]}: no CoV histogram</p>
      )}
      {children}
      {maps && (
        <VegaFigure
          spec={contactSpec}
          aspect={FIGURE_ASPECT}
          testId="spread-contact"
          className="spread-contact"
        />
      )}
    </div>
  );
}
