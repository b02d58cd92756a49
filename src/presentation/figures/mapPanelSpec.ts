import { cssColour, NO_CONTACT_COLOUR, NO_CONTACT_CSS, type Rgb } from '../colourScale';
import type { PressureGrid } from '../resultFields';
import type { StackGeometry } from '../stackGeometry';
import { roundTicks, tickFormat } from './figureText';
import { gridCells } from './gridCells';
import { gridImage } from './gridImage';
import { boltLayers, outlineLayer } from './stackOutlineLayers';

/** How a map draws its cells: rectangles with tooltips, or one image (figure files and the viewer's Top view). */
export type CellDrawing = 'rect' | 'image';

export interface MapPanel {
  grid: PressureGrid;
  /** colour of a value in contact */
  colour: (value: number) => Rgb;
  stack: StackGeometry;
  /** px per mm of both axes */
  pxPerMm: number;
  cells: CellDrawing;
  /** tooltip title of the value, with its unit: "p [MPa]" */
  valueTitle: string;
  /**
   * a smooth field (deflection) as an image blended between pixels, at most `maxPixels` a side;
   * by default pixels stay sharp, as a contact edge must
   */
  smooth?: { maxPixels: number };
}

/**
 * One map over the whole plate [mm] on equal axes: the cells (colours precomputed, `scale: null`,
 * grey where out of contact), the plate outline, the footprint dashed, and the bolts in their washers.
 */
export function mapPanelSpec(m: MapPanel): Record<string, unknown> {
  const { plate } = m.stack;
  const axis = (field: string, title: string, length: number) => {
    // explicit values: a layered view drops tickCount, and 5 mm steps crowd an A4 figure; a tick
    // every 70 px at least, so narrow panels (three maps in a row) keep their labels apart
    const ticks = roundTicks(length, Math.max(3, Math.min(9, Math.floor((length * m.pxPerMm) / 70) + 1)));
    return {
      field,
      type: 'quantitative',
      scale: { domain: [0, length], nice: false, zero: false },
      axis: { title, values: ticks, format: tickFormat(ticks) },
    };
  };
  return {
    width: plate.Lx * m.pxPerMm,
    height: plate.Ly * m.pxPerMm,
    encoding: { x: axis('x0', 'x [mm]', plate.Lx), y: axis('y0', 'y [mm]', plate.Ly) },
    layer: [
      m.cells === 'image'
        ? imageLayer(m.grid, m.colour, m.smooth)
        : rectLayer(m.grid, m.colour, m.valueTitle),
      outlineLayer({ x0: 0, y0: 0, x1: plate.Lx, y1: plate.Ly }, null, 2.5),
      outlineLayer(m.stack.footprint, [10, 6], 2.5),
      ...boltLayers(m.stack, m.pxPerMm),
    ],
  };
}

/** The cells as rectangles with tooltips. */
function rectLayer(
  grid: PressureGrid,
  colour: (v: number) => Rgb,
  valueTitle: string,
): Record<string, unknown> {
  const cells = gridCells(grid).map((c) => ({
    x0: c.x0,
    x1: c.x1,
    y0: c.y0,
    y1: c.y1,
    x: c.x,
    y: c.y,
    v: c.contact ? c.value : null,
    c: c.contact ? cssColour(colour(c.value)) : NO_CONTACT_CSS,
  }));
  return {
    data: { values: cells },
    // no aria-label per cell: it would triple the SVG. Each cell stroked in its own colour: antialiased
    // edges of abutting rects otherwise show the background through them as a faint grid
    mark: { type: 'rect', strokeWidth: 0.6, aria: false },
    encoding: {
      x2: { field: 'x1' },
      y2: { field: 'y1' },
      color: { field: 'c', type: 'nominal', scale: null, legend: null },
      stroke: { field: 'c', type: 'nominal', scale: null, legend: null },
      tooltip: [
        { field: 'x', title: 'x [mm]', type: 'quantitative', format: '.1f' },
        { field: 'y', title: 'y [mm]', type: 'quantitative', format: '.1f' },
        { field: 'v', title: valueTitle, type: 'quantitative', format: '.3f' },
      ],
    },
  };
}

/** The cells as one image over the grid's extent (y and y2 swapped: image rows run down). */
function imageLayer(
  grid: PressureGrid,
  colour: (v: number) => Rgb,
  smooth: MapPanel['smooth'],
): Record<string, unknown> {
  const image = gridImage(grid, colour, NO_CONTACT_COLOUR, smooth?.maxPixels);
  return {
    data: { values: [image] },
    mark: { type: 'image', aspect: false, smooth: smooth !== undefined, aria: false },
    encoding: { x2: { field: 'x1' }, y2: { field: 'y1' }, url: { field: 'url', type: 'nominal' } },
  };
}
