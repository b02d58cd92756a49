/** The cells of a system and how they are divided into module stacks. */
export interface CellStack {
  /** total cell mass [kg] and volume [L] */
  cellMassKg: number;
  cellVolumeL: number;
  /** modules (stacks) the cells are split into */
  moduleCount: number;
  /** height of each module's cell stack [mm] */
  stackHeightMm: number;
}

/**
 * System energy → cells → stack height. The cells fill the footprint without gaps, so
 * stack height = cell volume / footprint area; a stack taller than `maxStackHeightMm` is split into
 * equal modules.
 * @param systemKWh system energy [kWh]
 * @param whPerKg, whPerL cell-level energy densities [Wh/kg], [Wh/L]
 * @param footprintMm2 cell footprint of one module [mm²]
 * @param maxStackHeightMm tallest allowed stack [mm]; Infinity = one module
 */
export function cellStack(
  systemKWh: number,
  whPerKg: number,
  whPerL: number,
  footprintMm2: number,
  maxStackHeightMm: number,
): CellStack {
  const cellMassKg = (systemKWh * 1000) / whPerKg;
  const cellVolumeL = (systemKWh * 1000) / whPerL;
  const totalHeightMm = (cellVolumeL * 1e6) / footprintMm2;
  const moduleCount = Number.isFinite(maxStackHeightMm)
    ? Math.max(1, Math.ceil(totalHeightMm / maxStackHeightMm - 1e-12))
    : 1;
  return { cellMassKg, cellVolumeL, moduleCount, stackHeightMm: totalHeightMm / moduleCount };
}
