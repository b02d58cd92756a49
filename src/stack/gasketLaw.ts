import type { LayerCompliance } from './layerCompliance';

/**
 * Gent (1958): Young's modulus [MPa] of rubber from its Shore A hardness S.
 * Used for about 20 ≤ S ≤ 85: towards S = 100 the denominator 254 − 2.54 S vanishes and E grows
 * without bound.
 */
export function gentModulus(shoreA: number): number {
  return (0.0981 * (56 + 7.62336 * shoreA)) / (0.137505 * (254 - 2.54 * shoreA));
}

// Lindley's table of the compression coefficient k against hardness (Engineering Design with
// Natural Rubber; reproduced in Gent, Engineering with Rubber). k ≈ 0.93 at 30 → 0.52 at 75.
const LINDLEY_SHORE = [30, 35, 40, 45, 50, 55, 60, 65, 70, 75];
const LINDLEY_K = [0.93, 0.89, 0.85, 0.8, 0.73, 0.64, 0.57, 0.54, 0.53, 0.52];

/** Gent–Lindley compression coefficient k [-], interpolated in hardness, held constant outside 30–75. */
export function lindleyK(shoreA: number): number {
  if (shoreA <= LINDLEY_SHORE[0]) return LINDLEY_K[0];
  const n = LINDLEY_SHORE.length;
  if (shoreA >= LINDLEY_SHORE[n - 1]) return LINDLEY_K[n - 1];
  let i = 0;
  while (LINDLEY_SHORE[i + 1] < shoreA) i++;
  const t = (shoreA - LINDLEY_SHORE[i]) / (LINDLEY_SHORE[i + 1] - LINDLEY_SHORE[i]);
  return LINDLEY_K[i] + t * (LINDLEY_K[i + 1] - LINDLEY_K[i]);
}

/** Shape factor [-] of a pad: loaded area / free (bulging) area. Areas in mm², perimeter and thickness in mm. */
export function shapeFactor(loadedArea: number, freePerimeter: number, thickness: number): number {
  return loadedArea / (freePerimeter * thickness);
}

/**
 * Effective compression modulus [MPa] of a pad: Gent–Lindley E_c = E (1 + 2 k S²) for bonded
 * faces (unbonded, lubricated faces bulge freely: E_c = E), in series with bulk compression,
 * 1/E_eff = 1/E_c + 1/B, which caps the stiffening of thin wide pads.
 */
export function padCompressionModulus(
  shoreA: number,
  shape: number,
  bulkModulus: number,
  bonded: boolean,
): number {
  const E = gentModulus(shoreA);
  const Ec = bonded ? E * (1 + 2 * lindleyK(shoreA) * shape * shape) : E;
  return 1 / (1 / Ec + 1 / bulkModulus);
}

/** A Shore-A pad as a linear layer: δ = p·t/E_eff. */
export function shorePadLayer(
  shoreA: number,
  thickness: number,
  shape: number,
  bulkModulus: number,
  bonded: boolean,
): LayerCompliance {
  const Eeff = padCompressionModulus(shoreA, shape, bulkModulus, bonded);
  return {
    label: `Shore ${shoreA}A pad ${thickness} mm (E_eff ${Eeff.toFixed(1)} MPa)`,
    p: [0, 1],
    d: [0, thickness / Eeff],
  };
}

/** A pad from a measured pressure–compression table (closure [mm], pressure [MPa]). */
export function tabulatedPadLayer(closure: number[], pressure: number[]): LayerCompliance {
  return { label: 'tabulated pad', p: [...pressure], d: [...closure] };
}
