import type { CellInput } from './schema';

/**
 * Named cell designs. Numbers the seeds state are marked (seed); everything else is an assumption
 * documented in src/cell/README.md.
 */

/** Pouch construction shared by the presets: 90 × 290 mm electrodes, 5 mm margins → 100 × 300 mm cell. */
const pouch = {
  coating: 'double',
  layers: 20,
  stacking: 'parallel',
  electrodeWidthMm: 90,
  electrodeLengthMm: 290,
  edgeMarginMm: 5,
} as const;

/** NMC811 crystal density 4.75 g/cm³; sulfide SE + carbon + binder balance taken as 2.0 g/cm³. */
const nmc811 = (wt: number, mAhPerG: number, porosity: number) =>
  ({
    material: 'NMC811',
    specificCapacityMAhPerG: mAhPerG,
    averageVoltageV: 3.8,
    activeWtFraction: wt,
    density: { kind: 'porosity', porosity, activeDensityGPerCm3: 4.75, balanceDensityGPerCm3: 2.0 },
  }) as const;

const al = (um: number) => ({ material: 'Al', thicknessUm: um }) as const;
const cu = (um: number) => ({ material: 'Cu', thicknessUm: um }) as const;

/**
 * Seed 004 calibration (Liu et al. 2019): NMC811 210 mAh/g (seed), 3.8 V (seed), 85 wt % (seed), Li at N/P 2 (seed),
 * Al 16 µm, Cu 8 µm, LGPS 20 µm (seed), LGPS 2.08 g/cm³ (domain §5). Loading = active mass per cm² of one
 * single-sided unit cell with whole foils, as the seed's Wh/kg are unit-cell values.
 */
export function seed004Calibration(loadingMgPerCm2: number): CellInput {
  return {
    name: `seed 004, ${loadingMgPerCm2} mg/cm²`,
    cathode: { ...nmc811(0.85, 210, 0.1), loading: { kind: 'active-mass', mgPerCm2: loadingMgPerCm2 } },
    separator: { material: 'LGPS', densityGPerCm3: 2.08, thicknessUm: 20 },
    anode: { kind: 'li-metal', sizing: { kind: 'np-ratio', value: 2 } },
    cathodeCollector: al(16),
    anodeCollector: cu(8),
    construction: { ...pouch, coating: 'single' },
  };
}

/** The seed 004 calibration targets [Wh/kg] by loading [mg/cm²]. */
export const seed004Targets = [
  { loadingMgPerCm2: 5, whPerKg: 178 },
  { loadingMgPerCm2: 10, whPerKg: 275 },
  { loadingMgPerCm2: 20, whPerKg: 378 },
] as const;

/**
 * Seed 001, NCM811‖Li with a 30 µm separator (397 Wh/kg, 1277 Wh/L). Unstated, assumed: 3 mAh/cm²,
 * 90 wt % NCM811 at 210 mAh/g, 5 % porosity, Li at N/P 1 (no excess), Al 10 µm, Cu 10 µm, LGPS separator.
 */
export const seed001LiMetal: CellInput = {
  name: 'seed 001 NCM811‖Li',
  cathode: { ...nmc811(0.9, 210, 0.05), loading: { kind: 'areal-capacity', mAhPerCm2: 3 } },
  separator: { material: 'LGPS', densityGPerCm3: 2.08, thicknessUm: 30 },
  anode: { kind: 'li-metal', sizing: { kind: 'np-ratio', value: 1 } },
  cathodeCollector: al(10),
  anodeCollector: cu(10),
  construction: pouch,
};

/** Seed 001, anode-free (406 Wh/kg, 1481 Wh/L): the same cathode and separator, no anode at assembly. */
export const seed001AnodeFree: CellInput = {
  ...seed001LiMetal,
  name: 'seed 001 anode-free',
  anode: { kind: 'anode-free' },
};

/**
 * Seed 000, 4 mAh/cm² NMC811 with 40 µm Li (≈400 Wh/kg, ≈980 Wh/L). Unstated, assumed: 70 wt % NMC811 at
 * 210 mAh/g, 10 % porosity, 20 µm Li6PS5Cl separator, Al 10 µm, Cu 6 µm; 40 µm Li on each face of the Cu.
 */
export const seed000LiMetal: CellInput = {
  name: 'seed 000 NMC811‖Li 40 µm',
  cathode: { ...nmc811(0.7, 210, 0.1), loading: { kind: 'areal-capacity', mAhPerCm2: 4 } },
  separator: { material: 'Li6PS5Cl', densityGPerCm3: 1.64, thicknessUm: 20 },
  anode: { kind: 'li-metal', sizing: { kind: 'thickness', um: 40 } },
  cathodeCollector: al(10),
  anodeCollector: cu(6),
  construction: pouch,
};

export type Fig1Step = 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';

const lab = {
  cathode: { ...nmc811(0.8, 200, 0.15), loading: { kind: 'areal-capacity', mAhPerCm2: 3 } },
  separator: { material: 'Li6PS5Cl', densityGPerCm3: 1.64, thicknessUm: 700, porosity: 0.15 },
  cathodeCollector: al(16),
  anodeCollector: cu(8),
  construction: pouch,
} as const;

const graphite = {
  kind: 'composite',
  material: 'graphite',
  specificCapacityMAhPerG: 350,
  activeWtFraction: 0.7,
  compositeDensityGPerCm3: 1.8,
  npRatio: 1.2,
  averagePotentialV: 0.1,
} as const;

/**
 * Seed 002 Fig 1 progression a–g. Stated (seed): Li-In N/P ~20, 700 µm pellet separator, 80 wt % NCM811 at
 * 200 mAh/g (a); graphite N/P ~1.2 (b); ~30 µm separator (c); ~6 mAh/cm² dry electrode (d); ~100 % Si at
 * N/P ~1.2 (e); Li metal (f); anode-free (g). Everything else (Table S1 is not available) is assumed.
 */
export const fig1Presets: Record<Fig1Step, CellInput> = {
  a: {
    ...lab,
    name: 'Fig 1a lab half cell, Li-In',
    anode: {
      kind: 'composite',
      material: 'Li-In',
      specificCapacityMAhPerG: 233,
      activeWtFraction: 1,
      compositeDensityGPerCm3: 7.31,
      npRatio: 20,
      averagePotentialV: 0.62,
    },
  },
  b: { ...lab, name: 'Fig 1b graphite full cell', anode: graphite },
  c: {
    ...lab,
    name: 'Fig 1c 30 µm separator',
    separator: { ...lab.separator, thicknessUm: 30, porosity: 0.05 },
    anode: graphite,
  },
  d: {
    ...lab,
    name: 'Fig 1d 6 mAh/cm² dry electrode',
    cathode: { ...lab.cathode, loading: { kind: 'areal-capacity', mAhPerCm2: 6 } },
    separator: { ...lab.separator, thicknessUm: 30, porosity: 0.05 },
    anode: graphite,
  },
  e: {
    ...lab,
    name: 'Fig 1e ~100 % Si anode',
    cathode: { ...lab.cathode, loading: { kind: 'areal-capacity', mAhPerCm2: 6 } },
    separator: { ...lab.separator, thicknessUm: 30, porosity: 0.05 },
    anode: {
      kind: 'composite',
      material: 'Si',
      specificCapacityMAhPerG: 3000,
      activeWtFraction: 0.99,
      compositeDensityGPerCm3: 1.6,
      npRatio: 1.2,
      averagePotentialV: 0.4,
    },
  },
  f: {
    ...lab,
    name: 'Fig 1f Li metal',
    cathode: { ...lab.cathode, loading: { kind: 'areal-capacity', mAhPerCm2: 6 } },
    separator: { ...lab.separator, thicknessUm: 30, porosity: 0.05 },
    anode: { kind: 'li-metal', sizing: { kind: 'np-ratio', value: 1.2 } },
  },
  g: {
    ...lab,
    name: 'Fig 1g anode-free',
    cathode: { ...lab.cathode, loading: { kind: 'areal-capacity', mAhPerCm2: 6 } },
    separator: { ...lab.separator, thicknessUm: 30, porosity: 0.05 },
    anode: { kind: 'anode-free' },
  },
};

/** Every preset by a CLI-friendly name. */
export const namedCells: Record<string, CellInput> = {
  'seed004-5': seed004Calibration(5),
  'seed004-10': seed004Calibration(10),
  'seed004-20': seed004Calibration(20),
  'seed001-li': seed001LiMetal,
  'seed001-anode-free': seed001AnodeFree,
  'seed000-li': seed000LiMetal,
  ...Object.fromEntries(Object.entries(fig1Presets).map(([k, v]) => [`fig1${k}`, v])),
};
