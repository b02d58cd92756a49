/**
 * Numbers from the literature that tests compare against, each with its source. They are typed
 * here from the publications (or worked by hand, with the working shown), never computed by the
 * code under test, so a test that uses them can fail.
 */

type Rgb = readonly [number, number, number];

/**
 * matplotlib's viridis colormap (van der Walt & Smith, 2015) at t = 0, 1/8, …, 1, as listed in
 * matplotlib's colormap data: #440154 #472d7b #3b528b #2c728e #21918c #28ae80 #5ec962 #addc30 #fde725.
 */
export const viridisPublished: { colours: readonly Rgb[] } = {
  colours: [
    [0x44, 0x01, 0x54],
    [0x47, 0x2d, 0x7b],
    [0x3b, 0x52, 0x8b],
    [0x2c, 0x72, 0x8e],
    [0x21, 0x91, 0x8c],
    [0x28, 0xae, 0x80],
    [0x5e, 0xc9, 0x62],
    [0xad, 0xdc, 0x30],
    [0xfd, 0xe7, 0x25],
  ],
};

/**
 * Young's modulus of rubber [MPa] against Shore A hardness: the published values of Gent's
 * relation, Gent (1958), "On the relation between indentation hardness and Young's modulus",
 * given to three significant figures.
 */
export const gentModulusMPa: readonly (readonly [shoreA: number, E: number])[] = [
  [40, 1.69],
  [50, 2.46],
  [60, 3.61],
  [70, 5.52],
  [80, 9.35],
];

/**
 * Compression coefficient k [-] of bonded rubber blocks against Shore A hardness: Lindley's table,
 * "Engineering Design with Natural Rubber" (MRPRA), reproduced in Gent (ed.), "Engineering with
 * Rubber". It runs from 0.93 at 30 Shore A to 0.52 at 75.
 */
export const lindleyCompressionK: readonly (readonly [shoreA: number, k: number])[] = [
  [30, 0.93],
  [35, 0.89],
  [40, 0.85],
  [45, 0.8],
  [50, 0.73],
  [55, 0.64],
  [60, 0.57],
  [65, 0.54],
  [70, 0.53],
  [75, 0.52],
];

/**
 * Bonded-block compression modulus E_c = E (1 + 2 k S²) (Gent–Lindley), in series with bulk
 * compression 1/E_eff = 1/E_c + 1/B, worked by hand from the published E (Gent) and k (Lindley):
 * - 60 A, S = 5, B = 2000 MPa: E_c = 3.61 × (1 + 2 × 0.57 × 25) = 3.61 × 29.5 = 106.5 MPa;
 *   E_eff = 106.5 × 2000 / (106.5 + 2000) = 101.1 MPa.
 * - 40 A, S = 2, no bulk limit (B = 10¹² MPa): E_c = 1.69 × (1 + 2 × 0.85 × 4) = 1.69 × 7.8 = 13.18 MPa.
 * - 60 A, S = 100, B = 2000 MPa (a thin, wide pad): E_c = 3.61 × (1 + 2 × 0.57 × 10⁴) = 41 158 MPa;
 *   E_eff = 41 158 × 2000 / 43 158 = 1907 MPa, capped near B by bulk compression.
 * - 60 A unbonded (free to bulge), S = 5, B = 10¹² MPa: E_eff = E = 3.61 MPa.
 * E is given to three figures, so the results hold to about 0.3 %.
 */
export const bondedPadExamples: readonly {
  shoreA: number;
  shape: number;
  bulkMPa: number;
  bonded: boolean;
  EeffMPa: number;
}[] = [
  { shoreA: 60, shape: 5, bulkMPa: 2000, bonded: true, EeffMPa: 101.1 },
  { shoreA: 40, shape: 2, bulkMPa: 1e12, bonded: true, EeffMPa: 13.18 },
  { shoreA: 60, shape: 100, bulkMPa: 2000, bonded: true, EeffMPa: 1907 },
  { shoreA: 60, shape: 5, bulkMPa: 1e12, bonded: false, EeffMPa: 3.61 },
];

/**
 * Liu et al. 2019: unit-cell energy density of an NMC811 ‖ Li metal cell with an LGPS separator
 * against cathode loading. Stated inputs: NMC811 210 mAh/g at 3.8 V, 85 wt % active, Li metal at
 * N/P = 2, Al 16 µm, Cu 8 µm, LGPS separator 20 µm. Cathode loading [mg/cm² of active material]
 * 5 / 10 / 20 gives 178 / 275 / 378 Wh/kg.
 */
export const liu2019 = {
  targets: [
    { loadingMgPerCm2: 5, whPerKg: 178 },
    { loadingMgPerCm2: 10, whPerKg: 275 },
    { loadingMgPerCm2: 20, whPerKg: 378 },
  ],
} as const;

/**
 * Li metal: 3860 mAh/g and 0.534 g/cm³ (handbook values). Plating 1 mAh/cm² deposits
 * 1 / 3860 g = 0.2591 mg/cm², which at 0.534 g/cm³ is 4.852 × 10⁻⁴ cm ≈ 4.85 µm.
 */
export const liMetal = { umPerMAhPerCm2: 4.85 } as const;

/**
 * Unit-cell energy densities of a published review's example cells (packaging excluded). The
 * review states only the results and the main design choices below; the presets fill in the rest.
 */
export const reviewExampleCells = {
  /** NCM811 ‖ Li metal with a 30 µm solid-electrolyte separator */
  ncm811LiMetal30umSeparator: { whPerKg: 397, whPerL: 1277 },
  /** the same cathode and separator, anode-free (no Li at assembly) */
  anodeFreeNcm811: { whPerKg: 406, whPerL: 1481 },
  /** 4 mAh/cm² NMC811 with 40 µm Li: "≈ 400 Wh/kg, ≈ 980 Wh/L" */
  ncm811LiMetal40um: { whPerKg: 400, whPerL: 980 },
} as const;

/**
 * Tan, Meng & Jang, "Scaling up high energy density sulfidic solid-state batteries: a lab to pilot
 * perspective", Fig 1 (cell a–g progression), as stated in its text: step c comes near a Li-ion cell
 * (~300 Wh/kg), step e exceeds 900 Wh/L, steps f and g exceed 450 Wh/kg.
 */
export const tanFig1Text = {
  cNearLiIonWhPerKg: 300,
  eAboveWhPerL: 900,
  fAndGAboveWhPerKg: 450,
} as const;

/**
 * Cell-to-module conversion efficiency of Li-ion pouch-cell modules, Löbberding et al. 2020 (as
 * quoted by Tan et al. for Fig 5d–f): 82 % by mass, 73 % by volume.
 */
export const lobberding2020 = { massEfficiency: 0.82, volumeEfficiency: 0.73 } as const;
