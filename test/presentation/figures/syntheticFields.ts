import type { InterfaceState, PressureGrid, ResultFields } from '../../../src/presentation/resultFields';
import type { StackGeometry } from '../../../src/presentation/stackGeometry';
import { pressureStats } from '../../../src/results/pressureStats';

/**
 * A hand-made result: a 150 × 150 mm plate, the 100 × 100 mm footprint at (25, 25), a pressure
 * grid at 1 mm whose left half (x < 75 mm) is in contact at p = 2 + 0.04·(x − 25) MPa and whose
 * right half is open; two plates whose w is known in closed form; eight M8 bolts with Ø16 washers.
 */
export const PLATE = 150;
export const FOOTPRINT = { x0: 25, y0: 25, x1: 125, y1: 125 };
export const SPLIT_X = 75;
export const pressureAt = (x: number) => 2 + 0.04 * (x - 25);
export const BOLTS = [
  [12.5, 12.5],
  [75, 12.5],
  [137.5, 12.5],
  [137.5, 75],
  [137.5, 137.5],
  [75, 137.5],
  [12.5, 137.5],
  [12.5, 75],
] as const;

/** The grid of a field p(x, y) over the footprint, contact where `inContact(x, y)`. */
export function gridOf(
  spacing: number,
  p: (x: number, y: number) => number,
  inContact: (x: number, y: number) => boolean,
): PressureGrid {
  const nx = Math.round((FOOTPRINT.x1 - FOOTPRINT.x0) / spacing) + 1;
  const ny = Math.round((FOOTPRINT.y1 - FOOTPRINT.y0) / spacing) + 1;
  const values = new Float64Array(nx * ny);
  const contact = new Uint8Array(nx * ny);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const x = FOOTPRINT.x0 + i * spacing;
      const y = FOOTPRINT.y0 + j * spacing;
      if (inContact(x, y)) {
        values[j * nx + i] = p(x, y);
        contact[j * nx + i] = 1;
      }
    }
  return { x0: FOOTPRINT.x0, y0: FOOTPRINT.y0, dx: spacing, dy: spacing, nx, ny, values, contact };
}

/** The grid's own area-weighted statistics, every point carrying dx·dy (the figures quote them in titles). */
function stateOf(grid: PressureGrid): InterfaceState {
  const area = new Float64Array(grid.values.length).fill(grid.dx * grid.dy);
  return {
    pressure: new Float64Array(0),
    gap: new Float64Array(0),
    grid,
    stats: pressureStats(grid.values, area, 0),
  };
}

/** w of plate `l` at (x, y) [mm]: a bowl of depth 10 µm on the top plate, a tilt of 4 µm on the bottom. */
export const deflectionAt = (l: number, x: number, y: number) =>
  l === 0 ? -10e-3 * (1 - ((x - 75) ** 2 + (y - 75) ** 2) / (2 * 75 ** 2)) : 4e-3 * (x / PLATE);

export function syntheticFields(
  options: {
    spacing?: number;
    plates?: string[];
    swollen?: boolean;
    grid?: PressureGrid;
    rigidBase?: boolean;
  } = {},
): ResultFields {
  const spacing = options.spacing ?? 1;
  const plates = options.plates ?? ['top plate', 'bottom plate'];
  const grid =
    options.grid ??
    gridOf(
      spacing,
      (x) => pressureAt(x),
      (x) => x < SPLIT_X,
    );
  const meshN = 76;
  const meshX = Float64Array.from({ length: meshN }, (_, i) => (i * PLATE) / (meshN - 1));
  const meshY = meshX.slice();
  const layers = plates.map((name) => ({ name, thickness: 25, rigid: false }));
  if (options.rigidBase) layers.push({ name: 'rigid base', thickness: 0, rigid: true });
  const deflection = layers.map((layer, l) => {
    const w = new Float64Array(meshN * meshN);
    if (layer.rigid) return w;
    for (let j = 0; j < meshN; j++)
      for (let i = 0; i < meshN; i++) w[j * meshN + i] = deflectionAt(l, meshX[i], meshY[j]);
    return w;
  });
  const interfaces = layers.slice(1).map((_, k) => ({
    ...stateOf(grid),
    name: layers.length > 2 ? `cells ${k + 1} (${layers[k].name} ↔ ${layers[k + 1].name})` : 'cell stack',
    mask: new Uint8Array(0),
    swollen: options.swollen
      ? stateOf(
          gridOf(
            spacing,
            (x) => 1.5 * pressureAt(x),
            () => true,
          ),
        )
      : null,
  }));
  const stack: StackGeometry = {
    plate: { Lx: PLATE, Ly: PLATE },
    footprint: FOOTPRINT,
    parts: [],
    bolts: BOLTS.map(([x, y]) => ({ x, y, diameter: 8, washerDiameter: 16, springs: null })),
    zTop: 60,
    zBottom: 0,
    topLift: 0,
    topLayer: 0,
    bottomLayer: layers.length - 1,
  };
  return {
    caseName: 'synthetic',
    meshX,
    meshY,
    footprint: FOOTPRINT,
    layers,
    cellsPerInterface: interfaces.map(() => 6),
    interfaces,
    deflection,
    deflectionSwollen: null,
    history: null,
    stack,
  };
}
