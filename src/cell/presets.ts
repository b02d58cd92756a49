import type { CellInput } from './schema';

/**
 * Named cell designs. Numbers their sources state are marked (stated); everything else is an
 * assumption documented in src/cell/README.md.
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
 * Calibration cell of Liu et al. 2019: NMC811 210 mAh/g, 3.8 V, 85 wt %, Li at N/P 2, Al 16 µm, Cu 8 µm,
 * LGPS 20 µm (all stated); LGPS at its crystal density, 2.08 g/cm³. Loading = active mass per cm² of one
 * single-sided unit cell with whole foils, as the paper's Wh/kg are unit-cell values.
 */
export function liu2019Calibration(loadingMgPerCm2: number): CellInput {
  return {
    name: `Liu et al. 2019, ${loadingMgPerCm2} mg/cm²`,
    cathode: { ...nmc811(0.85, 210, 0.1), loading: { kind: 'active-mass', mgPerCm2: loadingMgPerCm2 } },
    separator: { material: 'LGPS', densityGPerCm3: 2.08, thicknessUm: 20 },
    anode: { kind: 'li-metal', sizing: { kind: 'np-ratio', value: 2 } },
    cathodeCollector: al(16),
    anodeCollector: cu(8),
    construction: { ...pouch, coating: 'single' },
  };
}

/** Liu et al. 2019's unit-cell energy densities [Wh/kg] by cathode loading [mg/cm² of active material]. */
export const liu2019Targets = [
  { loadingMgPerCm2: 5, whPerKg: 178 },
  { loadingMgPerCm2: 10, whPerKg: 275 },
  { loadingMgPerCm2: 20, whPerKg: 378 },
] as const;

/**
 * A published review's example cell: NCM811‖Li with a 30 µm separator (stated: 397 Wh/kg, 1277 Wh/L at
 * unit-cell level). Unstated, assumed: 3 mAh/cm², 90 wt % NCM811 at 210 mAh/g, 5 % porosity, Li at N/P 1
 * (no excess), Al 10 µm, Cu 10 µm, LGPS separator.
 */
export const ncm811LiMetal30umSeparator: CellInput = {
  name: 'NCM811‖Li, 30 µm separator (review example)',
  cathode: { ...nmc811(0.9, 210, 0.05), loading: { kind: 'areal-capacity', mAhPerCm2: 3 } },
  separator: { material: 'LGPS', densityGPerCm3: 2.08, thicknessUm: 30 },
  anode: { kind: 'li-metal', sizing: { kind: 'np-ratio', value: 1 } },
  cathodeCollector: al(10),
  anodeCollector: cu(10),
  construction: pouch,
};

/**
 * The same review's anode-free example (stated: 406 Wh/kg, 1481 Wh/L): the cathode and separator of
 * ncm811LiMetal30umSeparator, no anode at assembly.
 */
export const anodeFreeNcm811: CellInput = {
  ...ncm811LiMetal30umSeparator,
  name: 'anode-free NCM811 (review example)',
  anode: { kind: 'anode-free' },
};

/**
 * A published review's example cell: 4 mAh/cm² NMC811 with 40 µm Li (stated: ≈400 Wh/kg, ≈980 Wh/L at
 * unit-cell level). Unstated, assumed: 70 wt % NMC811 at 210 mAh/g, 10 % porosity, 20 µm Li6PS5Cl
 * separator (crystal density 1.64 g/cm³), Al 10 µm, Cu 6 µm; 40 µm Li on each face of the Cu.
 */
export const ncm811LiMetal40um: CellInput = {
  name: 'NMC811‖Li 40 µm (review example)',
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
 * Fig 1 progression a–g of Tan et al. (Tan, Meng & Jang, "Scaling up high energy density sulfidic
 * solid-state batteries: a lab to pilot perspective"). Stated: Li-In N/P ~20, 700 µm pellet separator,
 * 80 wt % NCM811 at 200 mAh/g (a); graphite N/P ~1.2 (b); ~30 µm separator (c); ~6 mAh/cm² dry electrode
 * (d); ~100 % Si at N/P ~1.2 (e); Li metal (f); anode-free (g). Everything else (the paper's Table S1 was
 * not available) is assumed.
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
  'liu2019-5': liu2019Calibration(5),
  'liu2019-10': liu2019Calibration(10),
  'liu2019-20': liu2019Calibration(20),
  'ncm811-li-30um-separator': ncm811LiMetal30umSeparator,
  'anode-free-ncm811': anodeFreeNcm811,
  'ncm811-li-40um': ncm811LiMetal40um,
  ...Object.fromEntries(Object.entries(fig1Presets).map(([k, v]) => [`fig1${k}`, v])),
};
