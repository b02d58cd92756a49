import { collectorDensityGPerCm3 } from './collectors';
import type { Cell } from './schema';
import type { UnitCell } from './unitCell';

/** Mass and volume of one component of a pouch cell. */
export interface PouchPart {
  component: string;
  /** mass [g] */
  massG: number;
  /** volume [cm³]; the edge margin and tabs are volume of the bounding box, not of any one material */
  volumeCm3: number;
}

/** A pouch cell built from a unit cell. */
export interface PouchCell {
  /** capacity [Ah] */
  capacityAh: number;
  /** nominal voltage [V] */
  voltageV: number;
  /** energy [Wh] */
  energyWh: number;
  /** mass [g] */
  massG: number;
  /** bounding-box volume [cm³] */
  volumeCm3: number;
  /** outer width × length × thickness [mm] */
  outerMm: { width: number; length: number; thickness: number };
  parts: PouchPart[];
  /** [Wh/kg] */
  whPerKg: number;
  /** [Wh/L] */
  whPerL: number;
}

/**
 * Pouch-cell totals. Parallel stacking multiplies capacity by `layers`, bipolar multiplies voltage.
 * Double-sided parallel stacks carry one more anode foil than `layers` half-foils: the two outer anodes.
 */
export function pouchCell(cell: Cell, unit: UnitCell): PouchCell {
  const k = cell.construction;
  const areaCm2 = (k.electrodeWidthMm * k.electrodeLengthMm) / 100;
  const n = k.layers;
  const parallel = k.stacking === 'parallel';
  const parts: PouchPart[] = unit.layers.map((l) => ({
    component: l.component,
    massG: (l.arealMassMgPerCm2 * areaCm2 * n) / 1000,
    volumeCm3: l.thicknessUm * 1e-4 * areaCm2 * n,
  }));
  let stackUm = unit.thicknessUm * n;
  if (k.coating === 'double') {
    const cc = cell.anodeCollector;
    const rho = cc.densityGPerCm3 ?? collectorDensityGPerCm3[cc.material];
    const extra = parts.find((p) => p.component === 'anode collector')!;
    extra.massG += (cc.thicknessUm * rho * areaCm2) / 10 / 1000;
    extra.volumeCm3 += cc.thicknessUm * 1e-4 * areaCm2;
    stackUm += cc.thicknessUm;
  }
  const width = k.electrodeWidthMm + 2 * k.edgeMarginMm;
  const length = k.electrodeLengthMm + 2 * k.edgeMarginMm;
  const thickness = stackUm / 1000 + (2 * k.pouchFoilThicknessUm) / 1000;
  const foilAreaCm2 = (2 * width * length) / 100;
  const foilMassG = (foilAreaCm2 * k.pouchFoilThicknessUm * k.pouchFoilDensityGPerCm3) / 10 / 1000;
  const boxCm3 = (width * (length + k.tabProtrusionMm) * thickness) / 1000;
  const stackCm3 = parts.reduce((s, p) => s + p.volumeCm3, 0);
  const foilCm3 = foilAreaCm2 * k.pouchFoilThicknessUm * 1e-4;
  parts.push({ component: 'pouch foil', massG: foilMassG, volumeCm3: foilCm3 });
  parts.push({
    component: 'tabs, margin and seal',
    massG: k.tabMassG,
    volumeCm3: boxCm3 - stackCm3 - foilCm3,
  });
  const capacityAh = ((unit.arealCapacityMAhPerCm2 * areaCm2) / 1000) * (parallel ? n : 1);
  const voltageV = unit.voltageV * (parallel ? 1 : n);
  const energyWh = capacityAh * voltageV;
  const massG = parts.reduce((s, p) => s + p.massG, 0);
  return {
    capacityAh,
    voltageV,
    energyWh,
    massG,
    volumeCm3: boxCm3,
    outerMm: { width, length, thickness },
    parts,
    whPerKg: (energyWh / massG) * 1000,
    whPerL: (energyWh / boxCm3) * 1000,
  };
}
