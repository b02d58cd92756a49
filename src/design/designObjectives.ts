import { evaluateCell } from '../cell/model';
import { namedCells } from '../cell/presets';
import type { ModuleParts } from './designParts';
import type { DesignObjectiveSettings } from './designSpec';

/** What a design costs and how uniform it is, for a system of identical modules. */
export interface DesignObjectives {
  /** modules of the case's stack the system needs: ⌈system energy / module energy⌉ */
  modules: number;
  /** one module's cells: energy [Wh], mass [kg] and volume [L] */
  moduleEnergyWh: number;
  moduleCellMassKg: number;
  moduleCellVolumeL: number;
  /** the system's inactive mass [kg]: plates, bolts, nuts, washers, springs and pads of every module */
  inactiveMassKg: number;
  /** the system's inactive volume [L]: module envelopes less the cells */
  inactiveVolumeL: number;
  /** cell mass / module mass [-] */
  massEfficiency: number;
  /** cell volume / module envelope [-] */
  volumeEfficiency: number;
  /** CoV of the cell pressure after swelling (after load-up when the case does not swell) [-]; null when not solved */
  cov: number | null;
}

/**
 * The objectives of a module's parts for the spec's cell preset and system size. The preset gives
 * the cells' energy densities (pouch level); the case's cells (count × thickness × footprint) at
 * those densities are one module's energy, mass and volume. Efficiencies are per module, so the
 * same for every module count; the inactive mass and volume are the whole system's.
 */
export function designObjectives(
  parts: ModuleParts,
  settings: DesignObjectiveSettings,
  cov: number | null,
): DesignObjectives {
  const preset = namedCells[settings.cell];
  const { whPerKg, whPerL } = evaluateCell(preset).pouch;
  const cellVolumeL = parts.cellVolumeL;
  const energyWh = cellVolumeL * whPerL;
  const cellMassKg = energyWh / whPerKg;
  const modules = Math.max(1, Math.ceil((settings.systemKWh * 1000) / energyWh - 1e-9));
  const inactiveVolumeL = Math.max(0, parts.envelopeL - cellVolumeL);
  return {
    modules,
    moduleEnergyWh: energyWh,
    moduleCellMassKg: cellMassKg,
    moduleCellVolumeL: cellVolumeL,
    inactiveMassKg: modules * parts.inactiveMassKg,
    inactiveVolumeL: modules * inactiveVolumeL,
    massEfficiency: cellMassKg / (cellMassKg + parts.inactiveMassKg),
    volumeEfficiency: cellVolumeL / Math.max(parts.envelopeL, cellVolumeL),
    cov,
  };
}

/**
 * The optimiser's objectives, both minimised: the system's inactive mass [kg] (or volume [L]) and
 * the CoV [-]; null for a design that was not solved (no CoV).
 */
export function objectiveVector(
  o: DesignObjectives,
  measure: DesignObjectiveSettings['measure'],
): [number, number] | null {
  if (o.cov === null) return null;
  return [measure === 'mass' ? o.inactiveMassKg : o.inactiveVolumeL, o.cov];
}
