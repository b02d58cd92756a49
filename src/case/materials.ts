/**
 * Material presets for end plates, interleaf plates and bolts.
 * Units: E and yield in MPa, density in kg/m³ (converted where mass is computed).
 * Sources: typical handbook values (ASM / MMPDS minimum yield for the aluminium and titanium tempers).
 */
export interface PlateMaterial {
  /** Young's modulus [MPa] */
  E: number;
  /** Poisson's ratio [-] */
  nu: number;
  /** density [kg/m³] */
  density: number;
  /** 0.2 % yield strength [MPa] */
  yield: number;
}

export const plateMaterials = {
  'carbon-steel': { E: 200_000, nu: 0.29, density: 7850, yield: 355 },
  'stainless-304': { E: 193_000, nu: 0.29, density: 8000, yield: 215 },
  'al-6061-t6': { E: 68_900, nu: 0.33, density: 2700, yield: 276 },
  'al-7075-t6': { E: 71_700, nu: 0.33, density: 2810, yield: 503 },
  'ti-6al-4v': { E: 113_800, nu: 0.342, density: 4430, yield: 880 },
} as const satisfies Record<string, PlateMaterial>;

export type PlateMaterialName = keyof typeof plateMaterials;

export interface BoltMaterial {
  /** Young's modulus [MPa] */
  E: number;
  /** yield (or 0.2 % proof) strength [MPa] */
  yield: number;
  /** density [kg/m³] */
  density: number;
}

/** ISO 898-1 property classes and A2-70 stainless; yield = nominal 0.2 % proof strength. */
export const boltMaterials = {
  '8.8': { E: 205_000, yield: 640, density: 7850 },
  '10.9': { E: 205_000, yield: 940, density: 7850 },
  '12.9': { E: 205_000, yield: 1100, density: 7850 },
  'A2-70': { E: 193_000, yield: 450, density: 8000 },
  'ti-6al-4v': { E: 113_800, yield: 880, density: 4430 },
} as const satisfies Record<string, BoltMaterial>;

export type BoltMaterialName = keyof typeof boltMaterials;

/**
 * ISO 898-1 tensile stress area A_s [mm²] for metric coarse threads, by nominal diameter [mm].
 * A_s = π/4 · ((d2 + d3)/2)², tabulated in the standard.
 */
export const metricStressArea: Record<number, number> = {
  3: 5.03,
  4: 8.78,
  5: 14.2,
  6: 20.1,
  8: 36.6,
  10: 58.0,
  12: 84.3,
  14: 115,
  16: 157,
  18: 192,
  20: 245,
  22: 303,
  24: 353,
  27: 459,
  30: 561,
  33: 694,
  36: 817,
  39: 976,
  42: 1120,
  48: 1470,
  56: 2030,
  64: 2680,
};

/** Tensile stress area [mm²] of a bolt of nominal diameter d [mm]: ISO table, else 0.7854·(0.9d)². */
export function boltStressArea(d: number): number {
  return metricStressArea[d] ?? 0.7854 * (0.9 * d) ** 2;
}
