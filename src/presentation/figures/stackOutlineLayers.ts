import type { Rect, StackGeometry } from '../stackGeometry';
import { OUTLINE_COLOUR } from './figureTheme';

/** Washers are drawn see-through, so the pressure under their edge stays visible. */
const WASHER_FILL = 'rgba(255, 255, 255, 0.35)';
const BOLT_FILL = '#444444';

/**
 * Layers drawn over a map in mm. They take x and y from the map's shared encoding (fields `x0`
 * and `y0`, so every layer reads the same axes): a layer with its own x or y would override the
 * map's axis settings.
 */

/** A rectangle outline layer in data coordinates [mm]. */
export function outlineLayer(rect: Rect, dash: number[] | null, width = 2.5): Record<string, unknown> {
  return {
    data: { values: [rect] },
    mark: {
      type: 'rect',
      fill: null,
      stroke: OUTLINE_COLOUR,
      strokeWidth: width,
      ...(dash ? { strokeDash: dash } : {}),
    },
    encoding: { x2: { field: 'x1' }, y2: { field: 'y1' } },
  };
}

/**
 * Washers and bolts as circles at their diameters [mm]. A vega symbol's size is the square of
 * its diameter in px, so the size comes from the view's scale `pxPerMm`: the circles are true to
 * size only at the width the spec was made for.
 */
export function boltLayers(stack: StackGeometry, pxPerMm: number): Record<string, unknown>[] {
  const rows = stack.bolts.map((b, k) => ({
    bolt: k + 1,
    x0: b.x,
    y0: b.y,
    d: b.diameter,
    dw: b.washerDiameter,
    washerSize: (b.washerDiameter * pxPerMm) ** 2,
    boltSize: (b.diameter * pxPerMm) ** 2,
  }));
  const at = {
    tooltip: [
      { field: 'bolt', title: 'bolt' },
      { field: 'x0', title: 'x [mm]', format: '.1f' },
      { field: 'y0', title: 'y [mm]', format: '.1f' },
      { field: 'd', title: 'diameter [mm]' },
      { field: 'dw', title: 'washer [mm]' },
    ],
  };
  return [
    {
      data: { values: rows },
      mark: {
        type: 'point',
        shape: 'circle',
        filled: true,
        fill: WASHER_FILL,
        stroke: OUTLINE_COLOUR,
        strokeWidth: 2,
        opacity: 1,
      },
      encoding: { ...at, size: { field: 'washerSize', type: 'quantitative', scale: null, legend: null } },
    },
    {
      data: { values: rows },
      mark: {
        type: 'point',
        shape: 'circle',
        filled: true,
        fill: BOLT_FILL,
        stroke: OUTLINE_COLOUR,
        strokeWidth: 1,
        opacity: 1,
      },
      encoding: { ...at, size: { field: 'boltSize', type: 'quantitative', scale: null, legend: null } },
    },
  ];
}
