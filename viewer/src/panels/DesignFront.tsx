import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { VisualizationSpec } from 'vega-embed';
import type { DesignFile } from '../../../src/presentation/designFile';
import { type ParetoPoint, paretoChartSpec } from '../../../src/presentation/figures/paretoSpec';
import { designPoints } from './designRows';
import { type FigureSize, type FigureView, VegaFigure } from './VegaFigure';

export interface DesignFrontProps {
  file: DesignFile;
  /** a design's point was clicked: its archive index */
  onChoose: (index: number) => void;
}

/** Height / width of the chart: A4 landscape, as the CLI's pareto.png. */
const A4_ASPECT = 1240 / 1754;

/**
 * The archive index of the design under a click, or null (the CoV-limit rule has none). A design's
 * point carries its index; the ring and label over the best design carry its CoV and efficiency
 * only, so they are matched to the point they sit on.
 */
function indexOf(item: unknown, points: readonly ParetoPoint[]): number | null {
  const datum = (item as { datum?: { index?: unknown; cov?: unknown; efficiencyPct?: unknown } } | null)
    ?.datum;
  if (typeof datum?.index === 'number') return datum.index;
  const under = points.find((p) => p.cov === datum?.cov && p.efficiencyPct === datum?.efficiencyPct);
  return under?.index ?? null;
}

/**
 * The run's Pareto chart — the CLI's pareto.png spec at the panel's size: efficiency [%] against
 * CoV after swelling [-], infeasible designs faint, the feasible front joined, the best ringed.
 * Clicking a point chooses its design (the point's datum carries the archive index).
 */
export function DesignFront({ file, onChoose }: DesignFrontProps) {
  const onChooseRef = useRef(onChoose);
  onChooseRef.current = onChoose;
  const spec = useMemo(() => {
    const points = designPoints(file);
    const failed = file.designs.length - points.length;
    return (size: FigureSize) =>
      paretoChartSpec(points, `Pareto front: ${file.name}`, {
        chosen: file.best ?? undefined,
        covLimit: file.covLimit,
        measure: file.measure,
        failed,
        width: size.width,
        height: size.height,
      }) as VisualizationSpec;
  }, [file]);
  const viewRef = useRef<FigureView | null>(null);
  const pointsRef = useRef<ParetoPoint[]>([]);
  const listener = useRef((_event: unknown, item: unknown) => {
    const index = indexOf(item, pointsRef.current);
    if (index !== null) onChooseRef.current(index);
  });
  const onView = useCallback((view: FigureView | null) => {
    viewRef.current?.removeEventListener('click', listener.current);
    viewRef.current = view;
    view?.addEventListener('click', listener.current);
  }, []);
  useEffect(
    () => () => {
      viewRef.current?.removeEventListener('click', listener.current);
    },
    [],
  );
  const shown = useMemo(() => designPoints(file), [file]);
  pointsRef.current = shown;
  // what the chart plots, for tests and readers of the page: the solved designs and the front's
  return (
    <div
      className="design-front-host"
      data-testid="design-front-host"
      data-points={shown.map((p) => p.index).join(',')}
      data-front={shown
        .filter((p) => p.kind === 'front')
        .map((p) => p.index)
        .join(',')}
      data-best={file.best ?? ''}
    >
      <VegaFigure
        spec={spec}
        aspect={A4_ASPECT}
        onView={onView}
        testId="design-front"
        className="design-front"
      />
    </div>
  );
}
