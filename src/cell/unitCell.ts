import { collectorDensityGPerCm3 } from './collectors';
import type { Cell } from './schema';

/** One layer of the repeating unit, per cm² of coated electrode area. */
export interface UnitLayer {
  component: 'cathode collector' | 'cathode' | 'separator' | 'anode' | 'anode collector';
  /** areal mass [mg/cm²] */
  arealMassMgPerCm2: number;
  /** thickness [µm] */
  thicknessUm: number;
}

/** The repeating unit of the stack, per cm² of electrode area. */
export interface UnitCell {
  layers: UnitLayer[];
  /** cathode active mass [mg/cm²] */
  cathodeActiveMgPerCm2: number;
  /** areal capacity of one unit [mAh/cm²] */
  arealCapacityMAhPerCm2: number;
  /** anode/cathode capacity ratio actually built (Infinity never; 0 for anode-free without reservoir) */
  npRatio: number;
  /** unit voltage: cathode potential − anode potential [V] */
  voltageV: number;
  /** areal energy [mWh/cm²] */
  arealEnergyMWhPerCm2: number;
  /** areal mass [mg/cm²] */
  arealMassMgPerCm2: number;
  /** thickness [µm] */
  thicknessUm: number;
  /** unit-cell gravimetric energy density [Wh/kg] */
  whPerKg: number;
  /** unit-cell volumetric energy density [Wh/L] */
  whPerL: number;
}

// mg/cm² ÷ g/cm³ = 1e-3 cm = 10 µm.
const umFrom = (mgPerCm2: number, gPerCm3: number) => (mgPerCm2 / gPerCm3) * 10;
const mgFrom = (um: number, gPerCm3: number) => (um * gPerCm3) / 10;

/** Cathode composite density [g/cm³]: given directly, or from the skeletal density of the mix and porosity. */
export function cathodeDensity(c: Cell['cathode']): number {
  if (c.density.kind === 'direct') return c.density.gPerCm3;
  const w = c.activeWtFraction;
  const skeletal = 1 / (w / c.density.activeDensityGPerCm3 + (1 - w) / c.density.balanceDensityGPerCm3);
  return skeletal * (1 - c.density.porosity);
}

function cathodeActiveMass(c: Cell['cathode'], density: number): number {
  switch (c.loading.kind) {
    case 'active-mass':
      return c.loading.mgPerCm2;
    case 'areal-capacity':
      return (c.loading.mAhPerCm2 / c.specificCapacityMAhPerG) * 1000;
    case 'thickness':
      return mgFrom(c.loading.um, density) * c.activeWtFraction;
  }
}

function anodeLayer(a: Cell['anode'], capacity: number): { layer: UnitLayer; np: number; potential: number } {
  switch (a.kind) {
    case 'li-metal': {
      const mass =
        a.sizing.kind === 'np-ratio'
          ? ((a.sizing.value * capacity) / a.specificCapacityMAhPerG) * 1000
          : mgFrom(a.sizing.um, a.densityGPerCm3);
      const np = ((mass / 1000) * a.specificCapacityMAhPerG) / capacity;
      return { layer: layer('anode', mass, umFrom(mass, a.densityGPerCm3)), np, potential: 0 };
    }
    case 'anode-free': {
      // Discharged state: the cycled Li sits in the cathode; only a deliberate reservoir is anode mass.
      const mass = mgFrom(a.reservoirUm, a.densityGPerCm3);
      const np = ((mass / 1000) * 3860) / capacity;
      return { layer: layer('anode', mass, a.reservoirUm), np, potential: 0 };
    }
    case 'composite': {
      const active = ((a.npRatio * capacity) / a.specificCapacityMAhPerG) * 1000;
      const mass = active / a.activeWtFraction;
      return {
        layer: layer('anode', mass, umFrom(mass, a.compositeDensityGPerCm3)),
        np: a.npRatio,
        potential: a.averagePotentialV,
      };
    }
  }
}

function layer(component: UnitLayer['component'], arealMassMgPerCm2: number, thicknessUm: number): UnitLayer {
  return { component, arealMassMgPerCm2, thicknessUm };
}

function collectorLayer(
  component: UnitLayer['component'],
  cc: Cell['cathodeCollector'],
  share: number,
): UnitLayer {
  const rho = cc.densityGPerCm3 ?? collectorDensityGPerCm3[cc.material];
  return layer(component, mgFrom(cc.thicknessUm, rho) * share, cc.thicknessUm * share);
}

/**
 * The repeating unit per cm²: one cathode coating, separator, anode and its share of the collectors
 * (the whole foil for single-sided coating and for bipolar foils, half a foil for double-sided coating).
 */
export function unitCell(cell: Cell): UnitCell {
  const c = cell.cathode;
  const rhoC = cathodeDensity(c);
  const active = cathodeActiveMass(c, rhoC);
  const composite = active / c.activeWtFraction;
  const capacity = (active / 1000) * c.specificCapacityMAhPerG;
  const share = cell.construction.coating === 'double' ? 0.5 : 1;
  const s = cell.separator;
  const anode = anodeLayer(cell.anode, capacity);
  const layers: UnitLayer[] = [
    collectorLayer('cathode collector', cell.cathodeCollector, share),
    layer('cathode', composite, umFrom(composite, rhoC)),
    layer('separator', mgFrom(s.thicknessUm, s.densityGPerCm3 * (1 - s.porosity)), s.thicknessUm),
    anode.layer,
    collectorLayer('anode collector', cell.anodeCollector, share),
  ];
  const voltage = c.averageVoltageV - anode.potential;
  const energy = capacity * voltage;
  const mass = layers.reduce((sum, l) => sum + l.arealMassMgPerCm2, 0);
  const thickness = layers.reduce((sum, l) => sum + l.thicknessUm, 0);
  return {
    layers,
    cathodeActiveMgPerCm2: active,
    arealCapacityMAhPerCm2: capacity,
    npRatio: anode.np,
    voltageV: voltage,
    arealEnergyMWhPerCm2: energy,
    arealMassMgPerCm2: mass,
    thicknessUm: thickness,
    // mWh/mg = Wh/g; mWh/cm² per µm·1e-4 cm = Wh/L.
    whPerKg: (energy / mass) * 1000,
    whPerL: energy / (thickness * 1e-4),
  };
}
