import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { NO_CONTACT_COLOUR, type Rgb, valueColour } from '../../../src/presentation/colourScale';
import { type FilmGrade, filmPressureColour } from '../../../src/presentation/film';
import type { PressureGrid } from '../../../src/presentation/resultFields';

/** The shared pressure scale over a range [MPa], or a Prescale film grade. */
export type MapRendering = { kind: 'colormap'; min: number; max: number } | { kind: 'film'; film: FilmGrade };

export interface PressureMapCanvasProps {
  grid: PressureGrid;
  rendering: MapRendering;
  /** CSS width [px]; the height follows the footprint's aspect ratio */
  width: number;
  testId?: string;
}

/**
 * A small pressure map without axes (the comparison's thumbnails): one pixel per grid point, y up,
 * in the colours of the shared scale and the no-contact grey where the grid is out of contact.
 * Figures with axes and a colour bar are drawn from `pressureMapSpec` instead.
 */
export const PressureMapCanvas = forwardRef<HTMLCanvasElement | null, PressureMapCanvasProps>(
  function PressureMapCanvas({ grid, rendering, width, testId }, ref) {
    const canvas = useRef<HTMLCanvasElement>(null);
    useImperativeHandle(ref, () => canvas.current as HTMLCanvasElement);
    useEffect(() => {
      const el = canvas.current;
      const ctx = el?.getContext('2d');
      if (!el || !ctx || grid.nx < 1 || grid.ny < 1) return;
      el.width = grid.nx;
      el.height = grid.ny;
      const img = ctx.createImageData(grid.nx, grid.ny);
      for (let j = 0; j < grid.ny; j++) {
        for (let i = 0; i < grid.nx; i++) {
          const k = j * grid.nx + i;
          const p = grid.values[k];
          const rgb: Rgb = !grid.contact[k]
            ? NO_CONTACT_COLOUR
            : rendering.kind === 'film'
              ? filmPressureColour(p, rendering.film)
              : valueColour('pressure', p, rendering.min, rendering.max);
          img.data.set([rgb[0], rgb[1], rgb[2], 255], 4 * ((grid.ny - 1 - j) * grid.nx + i));
        }
      }
      ctx.putImageData(img, 0, 0);
    }, [grid, rendering]);
    const extentX = (grid.nx - 1) * grid.dx;
    const height = extentX > 0 ? (width * (grid.ny - 1) * grid.dy) / extentX : width;
    return <canvas ref={canvas} className="pressure-map" style={{ width, height }} data-testid={testId} />;
  },
);
