import type { HistoryFields } from '../history/historyResult';
import type { RegularGrid } from '../results/pressureMap';
import type { HistoryMaps, PressureGrid } from './resultFields';

/**
 * A history state's map as the figures draw it: the values rounded to Float32 (what fields.json
 * keeps, so a map read back from a folder is bit for bit the one drawn at solve time), in contact
 * where the rounded value is above `contactThreshold` [MPa] — the same test as the load-up maps.
 */
export function historyGrid(
  placement: Omit<RegularGrid, 'values' | 'unit'>,
  values: ArrayLike<number>,
  contactThreshold: number,
): PressureGrid {
  const rounded = Float64Array.from(Float32Array.from(values));
  const contact = new Uint8Array(rounded.length);
  for (let i = 0; i < rounded.length; i++) contact[i] = rounded[i] > contactThreshold ? 1 : 0;
  const { x0, y0, dx, dy, nx, ny } = placement;
  return { x0, y0, dx, dy, nx, ny, values: rounded, contact };
}

/** The history's per-state maps of the cell pressure [MPa], copied into fresh arrays (see `HistoryMaps`). */
export function historyMapsOf(history: HistoryFields, contactThreshold: number): HistoryMaps {
  return {
    grids: history.grids.map((g) => historyGrid(g, g.values, contactThreshold)),
    contactThreshold,
  };
}
