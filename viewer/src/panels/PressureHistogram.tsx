import { useCallback } from 'react';
import { histogramSpec } from '../../../src/presentation/figures/histogramSpec';
import type { LoadState, ResultFields } from '../../../src/presentation/resultFields';
import { type FigureSize, type FigureView, VegaFigure } from './VegaFigure';

export interface PressureHistogramProps {
  fields: ResultFields;
  caseName: string;
  interfaceIndex: number;
  loadState: LoadState;
  onView?: (view: FigureView | null) => void;
}

/** The pressure histogram of one interface and load state: the report's figure, with tooltips. */
export function PressureHistogram({
  fields,
  caseName,
  interfaceIndex,
  loadState,
  onView,
}: PressureHistogramProps) {
  const spec = useCallback(
    (size: FigureSize) =>
      histogramSpec({
        fields,
        interfaceIndex,
        state: loadState,
        caseName,
        width: size.width,
        height: size.height,
      }),
    [fields, interfaceIndex, loadState, caseName],
  );
  return <VegaFigure spec={spec} aspect={0.75} onView={onView} testId="histogram" className="histogram" />;
}
