import { useCallback } from 'react';
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
}

/** Height / width of the three-map row: the spec trims its height to the maps, the box follows. */
const MAPS_ASPECT = 0.5;
/** A4 landscape, as the CLI's figures */
const A4_ASPECT = 1240 / 1754;

/**
 * The spread figures of one load state, the CLI's study folder figures at the panel's size: the
 * mean, p5 and p95 maps on one colour scale (one bar), the probability of contact, and the CoV
 * histogram over the draws with its p5, p50 and p95 marked. Maps are drawn as one image each
 * (no per-cell tooltips), as the top view draws its map.
 */
export function SpreadFigures({ result, stack, state }: SpreadFiguresProps) {
  const maps = stack && result.maps[state] ? stack : null;
  const mapsSpec = useCallback(
    (size: FigureSize) =>
      toleranceMapsSpec({ result, stack: maps as StackGeometry, state, cells: 'image', ...size }),
    [result, maps, state],
  );
  const contactSpec = useCallback(
    (size: FigureSize) =>
      toleranceContactSpec({ result, stack: maps as StackGeometry, state, cells: 'image', ...size }),
    [result, maps, state],
  );
  const histogramSpec = useCallback(
    (size: FigureSize) => toleranceHistogramSpec({ result, state, ...size }),
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
      <div className="spread-figures-row">
        {maps && (
          <VegaFigure
            spec={contactSpec}
            aspect={A4_ASPECT}
            testId="spread-contact"
            className="spread-contact"
          />
        )}
        {hasCov ? (
          <VegaFigure
            spec={histogramSpec}
            aspect={A4_ASPECT}
            testId="spread-histogram"
            className="spread-histogram"
          />
        ) : (
          <p className="placeholder">No solved draw {LOAD_STATE_LABEL[state]}: no CoV histogram</p>
        )}
      </div>
    </div>
  );
}
