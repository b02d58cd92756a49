import { type BoltMaterial, boltStressArea, metricStressArea } from '../case/materials';

/** Nominal diameters tried [mm]: the ISO 898-1 coarse table from M6, then large tie rods. */
export const boltDiameters: readonly number[] = [
  ...Object.keys(metricStressArea)
    .map(Number)
    .filter((d) => d >= 6)
    .sort((x, y) => x - y),
  72,
  80,
  90,
  100,
];

/** Tie rods or bolts along the edges holding pressure × footprint in tension. */
export interface FastenerDesign {
  /** nominal diameter [mm] */
  diameterMm: number;
  /** per module */
  count: number;
  /** tensile stress area of one [mm²] */
  stressAreaMm2: number;
  /** pressure × cell footprint, per module [N] */
  requiredForceN: number;
  /** count × stress area × yield / safety factor, per module [N] */
  capacityN: number;
  /** capacity / required force [-] */
  margin: number;
  /** distance of the bolt line outside the cell edge [mm] */
  lineOffsetMm: number;
  /** the most bolts the bolt-line perimeter takes at the minimum pitch */
  maxCount: number;
  feasible: boolean;
}

/** Rules for laying out the fasteners. */
export interface FastenerRules {
  material: BoltMaterial;
  /** on yield [-] */
  safetyFactor: number;
  /** fewest fasteners per module */
  minCount: number;
  /** minimum pitch along the bolt line in diameters (washers must not overlap) */
  minPitchDiameters: number;
  /** clearance between the washer and the cell edge [mm] */
  clearanceMm: number;
}

/**
 * Fasteners of diameter d for a module of cell footprint w × l [mm] at pressure q [MPa]. The count is the
 * smallest even number ≥ minCount whose stress areas carry q·w·l at yield/safety factor.
 */
export function fastenersOfDiameter(
  d: number,
  w: number,
  l: number,
  q: number,
  rules: FastenerRules,
): FastenerDesign {
  const force = q * w * l;
  const stressArea = boltStressArea(d);
  const perBolt = (stressArea * rules.material.yield) / rules.safetyFactor;
  let count = Math.max(rules.minCount, Math.ceil(force / perBolt - 1e-12));
  if (count % 2 === 1) count += 1; // symmetric about the stack
  // The bolt line sits a washer radius (d) plus clearance outside the cells.
  const lineOffsetMm = d + rules.clearanceMm;
  const perimeter = 2 * (w + l + 4 * lineOffsetMm);
  const maxCount = Math.floor(perimeter / (rules.minPitchDiameters * d));
  const capacity = count * perBolt;
  return {
    diameterMm: d,
    count,
    stressAreaMm2: stressArea,
    requiredForceN: force,
    capacityN: capacity,
    margin: capacity / force,
    lineOffsetMm,
    maxCount,
    feasible: count <= maxCount,
  };
}

/** Solid volume [mm³] of one fastener of grip length `gripMm`: shank, two nuts (0.8d high, 1.5d across flats), two washers. */
export function fastenerVolumeMm3(d: number, gripMm: number): number {
  const hole = (Math.PI * d * d) / 4;
  const nutHeight = 0.8 * d;
  const acrossFlats = 1.5 * d;
  const nut = ((Math.sqrt(3) / 2) * acrossFlats ** 2 - hole) * nutHeight;
  const washer = ((Math.PI * (2 * d) ** 2) / 4 - (Math.PI * (1.1 * d) ** 2) / 4) * 0.15 * d;
  // Two thread pitches (≈0.2d) stick out beyond each nut.
  const shankLength = gripMm + 2 * (nutHeight + 0.15 * d + 0.2 * d);
  return hole * shankLength + 2 * nut + 2 * washer;
}

/** Height [mm] a fastener end adds outside the plate: washer, nut and thread end. */
export function fastenerEndHeightMm(d: number): number {
  return 0.15 * d + 0.8 * d + 0.2 * d;
}
