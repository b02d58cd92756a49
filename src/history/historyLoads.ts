import type { Case } from '../case/schema';
import { boltAlpha, plateAlpha, SPRING_ALPHA } from '../case/thermalExpansion';
import { boltGripLength } from '../model/boltMembers';
import type { StackModel } from '../model/buildModel';
import { sampleGrid } from '../model/surfaceHeight';
import { DEFAULT_PAD_ELASTOMER, padElastomerAlpha } from '../stack/padElastomers';
import { cellChangeOf } from './cellChange';
import type { HistoryDrivers } from './historyResult';
import { changesTemperature, type ScheduledState } from './historySchedule';
import type { HistoryCase } from './historySchema';

/**
 * The free growth of the stack at every contact point for each state of a history [mm]: what the
 * cells and pads would add to the stack height if the plates did not hold them, less what the
 * bolts lengthen by. The solver takes it as `swell` with the nuts locked at load-up.
 *
 * - breathing: the cell's thickness change with SOC from its value at load-up, × a map factor;
 * - growth: the irreversible growth of a cell after `cycle` cycles;
 * - thermal: α·h·ΔT of every clamped part — cells and pads at their own points, the plates'
 *   thickness and the bolts' (and springs') length as one uniform term. A uniform term on one
 *   interface is exact for all of them: it only moves the layers above it rigidly against the
 *   bolts, which see the sum over the stack.
 * Pad relaxation is not here: it depends on the solved history and is added by the state loop.
 */
export interface HistoryLoads {
  /** per interface, per point: the free growth [mm] of `state` (pad relaxation excluded) */
  fieldOf(state: ScheduledState, out: Float64Array[]): void;
  /** the stack's free interference from each cause at `state` [mm] (relaxation 0: the loop fills it) */
  driversOf(state: ScheduledState): HistoryDrivers;
}

/** The loads of a validated case's history on its model. */
export function historyLoads(c: Case, h: HistoryCase, model: StackModel): HistoryLoads {
  const { interfaces } = model.problem;
  const nodes = model.mesh.nodes;
  const perCell = cellChangeOf(c, h);

  // per interface: the breathing map factor at each point, and the pads' α·h [mm/K] there
  const map = h.breathing.type === 'none' ? undefined : h.breathing.map;
  const factor = interfaces.map((itf) => {
    const f = new Float64Array(itf.node.length).fill(1);
    if (map)
      for (let j = 0; j < f.length; j++)
        f[j] = sampleGrid(map, nodes[2 * itf.node[j]], nodes[2 * itf.node[j] + 1]);
    return f;
  });
  const padPerKelvin = interfaces.map((itf) => {
    const out = new Float64Array(itf.node.length);
    const perLaw = model.lawLayers.map((layers) =>
      layers.reduce((s, l) => {
        const m = /^gaskets\[(\d+)\]$/.exec(l.field);
        return m
          ? s +
              l.count *
                l.thickness *
                padElastomerAlpha(c.gaskets[Number(m[1])].elastomer ?? DEFAULT_PAD_ELASTOMER)
          : s;
      }, 0),
    );
    for (let j = 0; j < out.length; j++) out[j] = perLaw[itf.law[j]];
    return out;
  });
  const meanOf = (v: Float64Array, k: number) => {
    const a = interfaces[k].area;
    let s = 0;
    let A = 0;
    for (let j = 0; j < v.length; j++) {
      s += v[j] * a[j];
      A += a[j];
    }
    return A > 0 ? s / A : 0;
  };
  const cellsPer = model.cellsPerInterface;
  const totalCells = cellsPer.reduce((s, n) => s + n, 0);
  const breathingWeight = cellsPer.reduce((s, n, k) => s + n * meanOf(factor[k], k), 0);
  const padMeanPerKelvin = padPerKelvin.reduce((s, v, k) => s + meanOf(v, k), 0);
  // a custom plate material may leave out α when nothing changes temperature
  const uniformPerKelvin = changesTemperature(h) ? platesAndBoltsPerKelvin(c, model) : 0;

  return {
    fieldOf(s, out) {
      const p = perCell(s);
      for (let k = 0; k < interfaces.length; k++) {
        const n = cellsPer[k];
        const o = out[k];
        const f = factor[k];
        const pad = padPerKelvin[k];
        const uniform = n * (p.growth + p.thermal) + (k === 0 ? uniformPerKelvin * s.deltaT : 0);
        for (let j = 0; j < o.length; j++) o[j] = uniform + n * p.breathing * f[j] + pad[j] * s.deltaT;
      }
    },
    driversOf(s) {
      const p = perCell(s);
      return {
        breathing: p.breathing * breathingWeight,
        growth: p.growth * totalCells,
        thermal: totalCells * p.thermal + (padMeanPerKelvin + uniformPerKelvin) * s.deltaT,
        relaxation: 0,
      };
    },
  };
}

/**
 * The uniform thermal interference of the plates, bolts and springs per kelvin [mm/K]: the plates'
 * thickness grows the stack, the bolt shank over its grip (and over the springs it passes) pulls
 * it back, the springs push like the stack. Steel springs on steel bolts cancel.
 */
function platesAndBoltsPerKelvin(c: Case, model: StackModel): number {
  let plates = 0;
  const last = model.problem.layers.length - 1;
  model.problem.layers.forEach((layer, l) => {
    if (!layer) return;
    const [material, field] =
      l === 0
        ? [c.plates.top.material, 'plates.top.material']
        : l === last && !('rigid' in c.plates.bottom)
          ? [c.plates.bottom.material, 'plates.bottom.material']
          : [c.stack.interleaf!.material, 'stack.interleaf.material'];
    plates += plateAlpha(material, field) * layer.thickness;
  });
  const bolt = boltAlpha(c.bolts.material);
  const sp = c.bolts.springs;
  const springLength = sp ? sp.count * sp.freeLength : 0;
  return plates + (SPRING_ALPHA - bolt) * springLength - bolt * boltGripLength(c);
}
