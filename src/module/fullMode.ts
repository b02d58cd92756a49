import { boltMaterials, plateMaterials } from '../case/materials';
import { parseInput } from '../validation/parseInput';
import { cellStack } from './cellStack';
import { defaultGasketRules, defaultSpringRules, springSet } from './compliance';
import {
  boltDiameters,
  type FastenerDesign,
  type FastenerRules,
  fastenerEndHeightMm,
  fastenersOfDiameter,
  fastenerVolumeMm3,
} from './fasteners';
import { type FullModule, type FullModuleInput, fullModuleSchema } from './fullSchema';
import { type PlateSizer, roarkPlateSizer } from './plateSizing';
import type { ModulePart, ModuleResult } from './result';

/**
 * Full module: end plates (deflection and stress), tie rods/bolts, disc springs and gaskets, split into modules
 * no taller than maxStackHeightMm. Volume is the bounding envelope of each module (plates with their bolt
 * overhang × full height) plus what sticks out beyond the plates (nuts, springs).
 * Tries every bolt size (unless fixed) and keeps the lightest feasible module.
 * @param plateSizer Roark by default; the FE extension point in plateSizing.ts plugs in here.
 */
export function evaluateFullModule(
  raw: FullModuleInput,
  plateSizer: PlateSizer = roarkPlateSizer,
): ModuleResult {
  const m = parseInput(fullModuleSchema, raw, 'full-mode module');
  const sizes = m.boltDiameterMm !== undefined ? [m.boltDiameterMm] : boltDiameters;
  // The bolt size is chosen with Roark plates (cheap); a costlier sizer (FE) then sizes that one design.
  const designs = sizes.map((d) => design(m, d, roarkPlateSizer));
  const feasible = designs.filter((r) => r.feasible);
  const pool = feasible.length > 0 ? feasible : designs;
  const best = pool.reduce((b, r) => (r.moduleMassKg < b.moduleMassKg ? r : b));
  return plateSizer === roarkPlateSizer ? best : design(m, best.fasteners!.diameterMm, plateSizer);
}

function design(m: FullModule, d: number, plateSizer: PlateSizer): ModuleResult {
  const w = m.footprintWidthMm;
  const l = m.footprintLengthMm;
  const stack = cellStack(m.systemKWh, m.cellWhPerKg, m.cellWhPerL, w * l, m.maxStackHeightMm);
  const n = stack.moduleCount;
  const plateMat = plateMaterials[m.plateMaterial];
  const boltMat = boltMaterials[m.boltMaterial];
  const rules: FastenerRules = {
    material: boltMat,
    safetyFactor: m.boltSafetyFactor,
    minCount: m.minBolts,
    minPitchDiameters: m.minBoltPitchDiameters,
    clearanceMm: m.boltClearanceMm,
  };
  const bolts: FastenerDesign = fastenersOfDiameter(d, w, l, m.pressureMPa, rules);
  // The plate is supported on the bolt lines and reaches one more diameter beyond them.
  const spanW = w + 2 * bolts.lineOffsetMm;
  const spanL = l + 2 * bolts.lineOffsetMm;
  const plateW = spanW + 2 * d;
  const plateL = spanL + 2 * d;
  // Roark loads the whole span; the pressure acts on the cell footprint only, so this errs on the safe side.
  const plate = plateSizer({
    widthMm: spanW,
    lengthMm: spanL,
    pressureMPa: m.pressureMPa,
    edge: m.edge,
    E: plateMat.E,
    nu: plateMat.nu,
    yieldMPa: plateMat.yield,
    deflectionLimit: m.deflectionLimit,
    span: m.span,
    stressSafetyFactor: m.plateSafetyFactor,
    layout: { footprintWidthMm: w, footprintLengthMm: l, boltCount: bolts.count, boltDiameterMm: d },
  });
  const t = plate.thicknessMm;
  const gasketT = m.gaskets ? m.gasketThicknessMm : 0;
  const gasketCount = m.gaskets ? defaultGasketRules.count : 0;
  const grip = stack.stackHeightMm + m.plateCount * t + gasketCount * gasketT;
  const springs = m.springs
    ? springSet(bolts.requiredForceN, stack.stackHeightMm, {
        ...defaultSpringRules,
        travelStrain: m.springTravelStrain,
      })
    : { travelMm: 0, volumeMm3: 0, lengthMm: 0 };
  const boltMm3 = bolts.count * fastenerVolumeMm3(d, grip + springs.lengthMm);
  const plateMm3 = m.plateCount * plateW * plateL * t;
  const gasketMm3 = gasketCount * w * l * gasketT;
  const perModule: ModulePart[] = [
    part('end plates', plateMm3, plateMat.density),
    part('tie rods / bolts', boltMm3, boltMat.density),
    part('springs', springs.volumeMm3, defaultSpringRules.densityKgPerM3),
    part('gaskets', gasketMm3, defaultGasketRules.densityKgPerM3),
  ];
  const parts = perModule.map((p) => ({ ...p, massKg: p.massKg * n, volumeL: p.volumeL * n }));
  // Envelope: the plate outline over the clamped height, plus bolt ends and springs outside the plates.
  const boxMm3 = plateW * plateL * grip;
  const endMm3 = bolts.count * (Math.PI * d * d * 2 * fastenerEndHeightMm(d)) + springs.volumeMm3 / 0.5;
  const moduleVolumeL = ((boxMm3 + endMm3) * n) / 1e6;
  const structureKg = parts.reduce((s, p) => s + p.massKg, 0);
  const moduleMassKg = stack.cellMassKg + structureKg;
  const notes: string[] = [];
  if (!bolts.feasible)
    notes.push(`${bolts.count} × M${d} do not fit the bolt line (at most ${bolts.maxCount})`);
  if (m.gaskets && m.pressureMPa > 20)
    notes.push('rubber gaskets above ~20 MPa are outside their usual range');
  return {
    mode: 'full',
    systemKWh: m.systemKWh,
    pressureMPa: m.pressureMPa,
    stack,
    plate,
    fasteners: bolts,
    parts,
    moduleMassKg,
    moduleVolumeL,
    massEfficiency: stack.cellMassKg / moduleMassKg,
    volumeEfficiency: stack.cellVolumeL / moduleVolumeL,
    feasible: bolts.feasible,
    notes,
  };
}

function part(name: string, volumeMm3: number, densityKgPerM3: number): ModulePart {
  return { part: name, massKg: volumeMm3 * 1e-9 * densityKgPerM3, volumeL: volumeMm3 * 1e-6 };
}
