import { z } from 'zod';
import { quantity } from '../case/quantity';
import { InputError, parseInput } from '../validation/parseInput';
import type { Cell } from './schema';
import { unitCell } from './unitCell';

/**
 * Li metal's specific capacity [mAh/g] and density [g/cm³]: the handbook values the cell schema's
 * Li-metal anode defaults to. Anode-free cells and a composite anode past its capacity plate pure Li,
 * which the schema gives no specific capacity (or, for composites, no density) of its own.
 */
const LI_SPECIFIC_CAPACITY_MAH_PER_G = 3860;
const LI_DENSITY_G_PER_CM3 = 0.534;

/**
 * Default volume change of an NCM cathode layer from discharged to charged [-]: Ni-rich layered oxides
 * shrink on delithiation. NCM volume changes on charge are reported from about −7 % (Ni-rich) to +2 %;
 * the default, −5 %, lies inside that range, toward its Ni-rich end.
 */
export const NCM_CATHODE_VOLUME_CHANGE = -0.05;

const optionsSchema = z
  .object({
    // −1 would leave no cathode; +1 is above sulfur's ≈ +0.8, the largest swing of any cathode in use
    cathodeVolumeChange: quantity(
      '',
      'volume change of one cathode layer from discharged (SOC 0) to charged (SOC 1), e.g. -0.05 for NCM',
      { gt: -1, lte: 1 },
    ).default(NCM_CATHODE_VOLUME_CHANGE),
    // lithiation only ever grows a host; Si is ≈ +3 at full lithiation, 4 leaves room for richer alloys
    anodeVolumeChange: quantity(
      '',
      'volume change of a composite anode layer at full lithiation of its active material, e.g. 0.1 graphite, up to 3 Si',
      { gte: 0, lte: 4 },
    ).optional(),
  })
  .strict();

/** Options of `cellBreathing`: volume changes as fractions (−0.05 = the layer loses 5 % of its volume). */
export type CellBreathingOptions = z.input<typeof optionsSchema>;

/** Free thickness change of one pouch cell against state of charge; every array is indexed like `soc`. */
export interface CellBreathing {
  /** state of charge [-]: 0 = discharged as assembled, 1 = charged; increasing */
  soc: number[];
  /** free thickness change of the pouch cell against SOC 0 [mm]: the sum of the parts */
  thickness: number[];
  parts: {
    /** Li plated on the anodes [mm] */
    plating: number[];
    /** lithiation of composite anodes [mm]; zero for Li-metal and anode-free cells */
    anode: number[];
    /** cathode volume change [mm] */
    cathode: number[];
  };
}

/**
 * The free (unloaded) thickness change of one pouch cell against state of charge [mm], from its layer stack.
 * Every unit cell of the pouch counts (`construction.layers`, single- or double-sided, parallel or bipolar):
 * each has one cathode coating and one anode; collectors, separator and pouch foil do not breathe.
 * - Li-metal and anode-free anodes plate the cycled capacity Q [mAh/cm²] as dense Li:
 *   Q / (q·ρ) = 4.85 µm per mAh/cm² with q = 3860 mAh/g, ρ = 0.534 g/cm³ (the anode's own q and ρ where
 *   the schema has them). Porous or mossy deposits would grow more.
 * - Composite anodes (graphite, Si, Li-In …) grow by `anodeVolumeChange` × the share of their capacity in use,
 *   SOC / (N/P). The electrode is laterally constrained (bonded to its collector, held by its neighbours),
 *   so its whole volume change goes through the thickness: Δt/t = ΔV/V, not the (1 + ΔV/V)^⅓ − 1 of a free
 *   body. Growth is taken linear in lithiation. With N/P < 1 the anode is full at SOC = N/P and the rest
 *   plates as Li on top of it.
 * - The cathode layer changes by `cathodeVolumeChange` × SOC through its thickness, by the same constraint.
 *   The figure is that of the layer: an NCM particle's own change (−7 % to +2 %) overstates a composite's,
 *   whose solid electrolyte and carbon do not breathe, by 1 / (active volume fraction).
 * Each part is linear in SOC (piecewise, with a knot at SOC = N/P for a composite anode with N/P < 1), and
 * that knot is among the returned points, so linear interpolation between them is exact.
 * Throws InputError for options out of range and for a composite anode without `anodeVolumeChange`.
 */
export function cellBreathing(cell: Cell, options: CellBreathingOptions): CellBreathing {
  const opts = parseInput(optionsSchema, options, 'cell breathing');
  const anode = cell.anode;
  if (anode.kind === 'composite' && opts.anodeVolumeChange === undefined) {
    throw new InputError('cell breathing', [
      `anodeVolumeChange: required for the composite ${anode.material} anode — the volume change of the anode layer at full lithiation, a number >= 0 and <= 4 (graphite ≈ 0.1, Si up to 3)`,
    ]);
  }
  if (anode.kind !== 'composite' && opts.anodeVolumeChange !== undefined) {
    throw new InputError('cell breathing', [
      `anodeVolumeChange: ${opts.anodeVolumeChange} — applies to composite anodes only; a ${anode.kind} anode breathes by the Li it plates, computed from the cell's capacity`,
    ]);
  }
  const unit = unitCell(cell);
  const capacity = unit.arealCapacityMAhPerCm2;
  const thicknessOf = (component: 'cathode' | 'anode') =>
    unit.layers.find((l) => l.component === component)!.thicknessUm;
  // [µm per mAh/cm²]: (mAh/cm²) / (mAh/g) = g/cm², / (g/cm³) = cm, × 1e4 = µm
  const platingUm = (q: number, rho: number) => 1e4 / (q * rho);
  const n = cell.construction.layers;
  const knots = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
  let plating: (soc: number) => number;
  let anodeGrowth: (soc: number) => number = () => 0;
  if (anode.kind === 'li-metal') {
    const perMAh = platingUm(anode.specificCapacityMAhPerG, anode.densityGPerCm3);
    plating = (s) => s * capacity * perMAh;
  } else if (anode.kind === 'anode-free') {
    const perMAh = platingUm(LI_SPECIFIC_CAPACITY_MAH_PER_G, anode.densityGPerCm3);
    plating = (s) => s * capacity * perMAh;
  } else {
    const np = anode.npRatio;
    const full = thicknessOf('anode') * opts.anodeVolumeChange!;
    const perMAh = platingUm(LI_SPECIFIC_CAPACITY_MAH_PER_G, LI_DENSITY_G_PER_CM3);
    anodeGrowth = (s) => full * Math.min(s / np, 1);
    plating = (s) => Math.max(s - np, 0) * capacity * perMAh;
    if (np < 1 && !knots.includes(np)) knots.push(np);
  }
  const cathodeUm = thicknessOf('cathode') * opts.cathodeVolumeChange;
  const soc = knots.sort((a, b) => a - b);
  // per unit cell in µm, times the unit cells of the pouch, in mm
  const toMm = (um: number) => (um * n) / 1000;
  const parts = {
    plating: soc.map((s) => toMm(plating(s))),
    anode: soc.map((s) => toMm(anodeGrowth(s))),
    cathode: soc.map((s) => toMm(s * cathodeUm)),
  };
  const thickness = soc.map((_, i) => parts.plating[i] + parts.anode[i] + parts.cathode[i]);
  return { soc, thickness, parts };
}
