import { InputError } from '../validation/parseInput';
import type { BoltMaterialName, PlateMaterialName } from './materials';

/**
 * Linear thermal expansion coefficients α [1/K] near room temperature (mean over 20–100 °C), for a
 * uniform temperature change of a load state: ΔL = α · L · ΔT.
 * Aluminium plates on steel bolts (23.6e-6 against 12e-6) gain preload when warmed and lose it when cooled.
 */

/**
 * End-plate presets. Sources: carbon steel, EN 1993-1-1 (Eurocode 3) §3.2.6, α = 12e-6 for structural
 * steel; 304, ASM handbook mean 0–100 °C, 17.3e-6; 6061-T6 and 7075-T6, Aluminum Association typical,
 * 20–100 °C, 23.6e-6 both; Ti-6Al-4V, mill data sheets (annealed), 20–100 °C, 8.6e-6.
 */
export const plateAlphaPerK: Record<PlateMaterialName, number> = {
  'carbon-steel': 12e-6,
  'stainless-304': 17.3e-6,
  'al-6061-t6': 23.6e-6,
  'al-7075-t6': 23.6e-6,
  'ti-6al-4v': 8.6e-6,
};

/**
 * Bolt materials. The ISO 898-1 classes are quenched-and-tempered carbon or low-alloy steels: Eurocode 3's
 * 12e-6 for steel, which it applies to bolts too. A2-70 is austenitic (the 304 family): 17.3e-6 as the
 * 304 plate. Ti-6Al-4V: 8.6e-6 as the plate.
 */
export const boltAlphaPerK: Record<BoltMaterialName, number> = {
  '8.8': 12e-6,
  '10.9': 12e-6,
  '12.9': 12e-6,
  'A2-70': 17.3e-6,
  'ti-6al-4v': 8.6e-6,
};

/**
 * Springs under the bolts [1/K]: coil and disc springs of carbon or low-alloy spring steel (C60S, 51CrV4):
 * Eurocode 3's 12e-6 for steel. A stainless spring (1.4310) would be nearer 16e-6.
 */
export const SPRING_ALPHA = 12e-6;

/**
 * Through-thickness α of a pouch cell [1/K]. No measured figure for an all-solid-state pouch cell was found;
 * this is Li-ion data: Ai et al. 2020 (J. Electrochem. Soc. 167, 013512, after Rieger et al. 2016) model a
 * 2.28 Ah graphite/LiCoO2 pouch cell that grows 1.1 µm per K; over its thickness of about 6.4 mm (the cell
 * volume over the electrode area in that model: 34 electrode pairs) that is 1.1e-6 / 6.4e-3 ≈ 1.7e-4.
 * That is far above any of its materials, as Oh & Epureanu (J. Power Sources 303, 2016) also found
 * for Li-ion cells; their polymer separator and liquid electrolyte have no counterpart in a dense
 * sulfide cell, so this default likely overstates an ASSB pouch cell — give a measured α where there is one.
 */
export const DEFAULT_CELL_ALPHA = 1.7e-4;

/** A custom plate material as the case schema gives it: `alpha` [1/K] is optional there. */
export interface CustomPlateMaterialAlpha {
  alpha?: number;
}

/**
 * α [1/K] of a plate material: a preset's tabulated value, or a custom material's `alpha`.
 * `field` is the material's path in the case (`plates.top.material`), named in the error a custom material
 * without `alpha` raises: a thermal load needs it and there is no value to assume.
 */
export function plateAlpha(
  material: PlateMaterialName | CustomPlateMaterialAlpha,
  field = 'material',
): number {
  if (typeof material === 'string') return plateAlphaPerK[material];
  if (material.alpha === undefined) {
    throw new InputError('case', [
      `${field}.alpha: required for a temperature change — the linear thermal expansion coefficient of the custom plate material in 1/K, a number >= 0 and <= 0.001 (steel 12e-6, aluminium 23.6e-6)`,
    ]);
  }
  return material.alpha;
}

/** α [1/K] of a bolt material preset. */
export function boltAlpha(name: BoltMaterialName): number {
  return boltAlphaPerK[name];
}
