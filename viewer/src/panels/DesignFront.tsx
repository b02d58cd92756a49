import { useMemo, useRef } from 'react';
import type { VisualizationSpec } from 'vega-embed';
import type { DesignFile } from '../../../src/presentation/designFile';
import { type ParetoPoint, paretoChartSpec } from '../../../src/presentation/figures/paretoSpec';
import { designPoints } from './designRows';
import { useFigureClick } from './useFigureClick';
import { type FigureSize, VegaFigure } from './VegaFigure';

export interface DesignFrontProps {
  file: DesignFile;
  /** archive index of the design shown below the chart (ringed), or null */
  selected: number | null;
  /** a design's point was clicked: its archive index */
  onChoose: (index: number) => void;
}

const SELECTED_COLOUR = '#e67e22';

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

/** A ring around the selected design's point, drawn in a colour the chart does not use otherwise. */
function selectedRing(p: ParetoPoint): Record<string, unknown> {
  return {
    data: { values: [{ index: p.index, cov: p.cov, efficiencyPct: p.efficiencyPct }] },
    mark: {
      type: 'point',
      shape: 'diamond',
      size: 700,
      strokeWidth: 4,
      color: SELECTED_COLOUR,
      filled: false,
    },
    encoding: {
      x: { field: 'cov', type: 'quantitative' },
      y: { field: 'efficiencyPct', type: 'quantitative' },
    },
  };
}

/**
 * The run's Pareto chart — the CLI's pareto.png spec at the panel's size: efficiency [%] against
 * CoV after swelling [-], infeasible designs faint, the feasible front joined, the best ringed.
 * Clicking a point chooses its design (the point's datum carries the archive index); the design
 * chosen is ringed in orange.
 */
export function DesignFront({ file, selected, onChoose }: DesignFrontProps) {
  const onChooseRef = useRef(onChoose);
  onChooseRef.current = onChoose;
  const spec = useMemo(() => {
    const points = designPoints(file);
    const failed = file.designs.length - points.length;
    const picked = points.find((p) => p.index === selected);
    return (size: FigureSize) => {
      const chart = paretoChartSpec(points, `Pareto front: ${file.name}`, {
        chosen: file.best ?? undefined,
        covLimit: file.covLimit,
        measure: file.measure,
        failed,
        width: size.width,
        height: size.height,
      }) as VisualizationSpec & { layer?: unknown[] };
      if (!picked || !chart.layer) return chart;
      // the design shown below, ringed in orange over the CLI's chart (its datum keeps the index)
      return { ...chart, layer: [...chart.layer, selectedRing(picked)] } as VisualizationSpec;
    };
  }, [file, selected]);
  const pointsRef = useRef<ParetoPoint[]>([]);
  const onView = useFigureClick((item) => {
    const index = indexOf(item, pointsRef.current);
    if (index !== null) onChooseRef.current(index);
  });
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
      data-selected={selected ?? ''}
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
