import { useEffect, useState } from 'react';
import type { PressureGrid } from '../../../src/presentation/resultFields';
import { type GridReading, gridReadingAt } from './gridReading';
import { mapFrameOf, pointerMm } from './mapPointer';
import type { FigureView } from './VegaFigure';

/** A drawn map figure: its Vega view and the grid it draws. */
export interface DrawnMap {
  view: FigureView;
  grid: PressureGrid;
}

/**
 * The grid point under the pointer on a drawn map, from its view, or null when the pointer is off
 * the grid or off the figure. The state changes only when the pointer enters another cell, so moving
 * within one re-renders nothing.
 */
function useGridReading(map: DrawnMap | null): GridReading | null {
  const [reading, setReading] = useState<GridReading | null>(null);
  useEffect(() => {
    setReading(null);
    if (!map) return;
    const { view, grid } = map;
    const canvas = view.container()?.querySelector('canvas');
    const frame = mapFrameOf(view);
    if (!canvas || !frame) return;
    const onMove = (event: PointerEvent) => {
      const at = pointerMm(view, frame, canvas, event);
      const next = gridReadingAt(grid, at.x, at.y);
      setReading((old) => (old?.i === next?.i && old?.j === next?.j ? old : next));
    };
    const onLeave = () => setReading(null);
    canvas.addEventListener('pointermove', onMove);
    canvas.addEventListener('pointerleave', onLeave);
    return () => {
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerleave', onLeave);
    };
  }, [map]);
  return reading;
}

/**
 * What the map shows under the pointer: x and y of the grid point whose cell it is on [mm] and its
 * pressure [MPa], or "no contact" — read from the grid the map is drawn from, so the two cannot
 * disagree. Beside the map, not over it, so it never hides the area being read.
 */
export function TopViewReadout({ map }: { map: DrawnMap | null }) {
  const reading = useGridReading(map);
  return (
    <output
      className={`top-view-readout${reading ? '' : ' muted'}`}
      data-testid="top-view-readout"
      // it follows the pointer cell by cell: announcing each would drown a screen reader
      aria-live="off"
      data-x={reading?.x}
      data-y={reading?.y}
      data-p={reading ? (reading.pressure ?? 'none') : undefined}
    >
      {reading ? (
        <>
          <span>
            x <b>{reading.x.toFixed(1)}</b> mm
          </span>{' '}
          <span>
            y <b>{reading.y.toFixed(1)}</b> mm
          </span>{' '}
          {reading.pressure === null ? (
            <span className="top-view-readout-open">no contact</span>
          ) : (
            <span>
              p <b>{reading.pressure.toFixed(3)}</b> MPa
            </span>
          )}
        </>
      ) : (
        'Point at the map to read x, y [mm] and p [MPa]'
      )}
    </output>
  );
}
