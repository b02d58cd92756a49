/** Springs and gaskets: the series compliance that evens out the stack pressure (Tan et al. Fig 5b). */

/** Disc-spring stacks under the nuts on one side. */
export interface SpringRules {
  /** stack growth to absorb, as a fraction of stack height [-] (NCM: up to +2 %) */
  travelStrain: number;
  /** smallest designed travel [mm] */
  minTravelMm: number;
  /** elastic energy stored per unit spring volume at full travel [N·mm/mm³ = MPa] */
  energyDensityMPa: number;
  /** density of spring steel [kg/m³] */
  densityKgPerM3: number;
  /** travel / free length of a disc-spring column [-] */
  strokeFraction: number;
}

/** Elastic energy density of a spring: η σ²/(2E), with form efficiency η. */
export function springEnergyDensity(eta: number, allowableStressMPa: number, E: number): number {
  return (eta * allowableStressMPa ** 2) / (2 * E);
}

/** Defaults: disc springs, η = 0.15, σ = 1400 MPa, E = 206 GPa → 0.71 MPa. */
export const defaultSpringRules: SpringRules = {
  travelStrain: 0.02,
  minTravelMm: 0.5,
  energyDensityMPa: springEnergyDensity(0.15, 1400, 206_000),
  densityKgPerM3: 7850,
  strokeFraction: 0.25,
};

/** Springs holding `forceN` over a travel for `stackHeightMm` of cells: volume [mm³] and column length [mm]. */
export function springSet(forceN: number, stackHeightMm: number, rules: SpringRules) {
  const travelMm = Math.max(rules.minTravelMm, rules.travelStrain * stackHeightMm);
  // A linear spring loaded to F over δ stores ½Fδ; the material holds energyDensity per mm³.
  const volumeMm3 = (0.5 * forceN * travelMm) / rules.energyDensityMPa;
  return { travelMm, volumeMm3, lengthMm: travelMm / rules.strokeFraction };
}

/** Rubber pads between the plates and the stack. */
export interface GasketRules {
  /** pads per module (top and bottom = 2) */
  count: number;
  /** [mm] */
  thicknessMm: number;
  /** silicone rubber ≈ 1150 kg/m³ */
  densityKgPerM3: number;
}

export const defaultGasketRules: GasketRules = { count: 2, thicknessMm: 3, densityKgPerM3: 1150 };
