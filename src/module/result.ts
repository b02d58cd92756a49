import type { CellStack } from './cellStack';
import type { FastenerDesign } from './fasteners';
import type { PlateSizing } from './plateSizing';

/** Mass [kg] and solid volume [L] of one kind of part, summed over all modules. */
export interface ModulePart {
  part: string;
  massKg: number;
  volumeL: number;
}

/** A module design evaluated at one system size and pressure. */
export interface ModuleResult {
  mode: 'plates-only' | 'full';
  /** [kWh] */
  systemKWh: number;
  /** [MPa] */
  pressureMPa: number;
  stack: CellStack;
  plate: PlateSizing;
  fasteners?: FastenerDesign;
  parts: ModulePart[];
  /** cells + structure, all modules [kg] */
  moduleMassKg: number;
  /** all modules [L]: cells + plates in plates-only mode, bounding envelopes in full mode */
  moduleVolumeL: number;
  /** cell mass / module mass [-] */
  massEfficiency: number;
  /** cell volume / module volume [-] */
  volumeEfficiency: number;
  /** false when a limit could not be met (e.g. too many bolts for the perimeter) */
  feasible: boolean;
  notes: string[];
}
