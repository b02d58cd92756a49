import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import { colormapRgb, colormapTable } from '../domain/colormap';
import { type FilmGrade, filmDensity, filmRgb } from '../domain/film';
import type { InterfaceField } from '../worker/protocol';

export type MapRendering = { kind: 'colormap'; min: number; max: number } | { kind: 'film'; film: FilmGrade };

export interface PressureMapCanvasProps {
  grid: InterfaceField['grid'];
  rendering: MapRendering;
  /** CSS width [px]; the height follows the footprint's aspect ratio */
  width: number;
  testId?: string;
}

const table = colormapTable();
/** open (zero-pressure) points in colormap mode */
const NO_CONTACT: [number, number, number] = [205, 210, 216];

/** The regular pressure grid drawn pixel per grid point (y up), scaled smoothly by the browser. */
export const PressureMapCanvas = forwardRef<HTMLCanvasElement | null, PressureMapCanvasProps>(
  function PressureMapCanvas({ grid, rendering, width, testId }, ref) {
    const canvas = useRef<HTMLCanvasElement>(null);
    useImperativeHandle(ref, () => canvas.current as HTMLCanvasElement);
    useEffect(() => {
      const el = canvas.current;
      const ctx = el?.getContext('2d');
      if (!el || !ctx) return;
      el.width = grid.nx;
      el.height = grid.ny;
      const img = ctx.createImageData(grid.nx, grid.ny);
      for (let j = 0; j < grid.ny; j++) {
        for (let i = 0; i < grid.nx; i++) {
          const p = grid.values[j * grid.nx + i];
          const rgb: [number, number, number] =
            rendering.kind === 'film'
              ? filmRgb(filmDensity(p, rendering.film))
              : p <= 0
                ? NO_CONTACT
                : colormapRgb(
                    rendering.max > rendering.min
                      ? (p - rendering.min) / (rendering.max - rendering.min)
                      : 0.5,
                    table,
                  );
          const o = 4 * ((grid.ny - 1 - j) * grid.nx + i);
          img.data[o] = rgb[0];
          img.data[o + 1] = rgb[1];
          img.data[o + 2] = rgb[2];
          img.data[o + 3] = 255;
        }
      }
      ctx.putImageData(img, 0, 0);
    }, [grid, rendering]);
    const height = (width * (grid.ny - 1) * grid.dy) / Math.max(1e-9, (grid.nx - 1) * grid.dx);
    return <canvas ref={canvas} className="pressure-map" style={{ width, height }} data-testid={testId} />;
  },
);
