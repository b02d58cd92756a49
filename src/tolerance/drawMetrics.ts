import type { ContactState } from '../../solver/contact/contactSolver';
import { maxVonMises } from '../../solver/plate/recovery';
import type { Case } from '../case/schema';
import type { StackModel } from '../model/buildModel';
import type { LoadState } from '../presentation/resultFields';
import { nodalPressure, type RegularGrid, resampleToGrid } from '../results/pressureMap';
import { pressureStats } from '../results/pressureStats';
import {
  type CheckedState,
  ResultRefusedError,
  refuseImpossible,
  refuseUnbalanced,
} from '../results/stateChecks';
import type { ToleranceMetric } from './toleranceResult';

/** What one solved draw gives a study: its metrics and its top-interface map, per load state. */
export interface DrawMaps {
  metrics: Partial<Record<LoadState, Record<ToleranceMetric, number>>>;
  /** the pressure of the top interface on the case's map grid [MPa], per load state */
  grids: Partial<Record<LoadState, RegularGrid>>;
}

/**
 * The metrics and maps of a solved draw, after the checks `solveCase` applies to every result:
 * the force balance of every state, no physically impossible state, no non-finite number. A
 * draw that fails them throws ResultRefusedError (the study records it as failed).
 * Metrics are those of the top interface (the one a case's `pressure` reports): pressures [MPa],
 * fractions [-], bolt tensions [N], and the least plate safety factor against yield in the state.
 */
export function drawMaps(
  c: Case,
  model: StackModel,
  loadUp: ContactState,
  swollen: ContactState | null,
): DrawMaps {
  const { problem, mesh } = model;
  const top = problem.interfaces[0];
  const threshold = c.output.contactThreshold;
  const named: [LoadState, string, ContactState][] = [['loadUp', 'load-up', loadUp]];
  if (swollen) named.push(['swollen', 'after swelling', swollen]);
  const stats = named.map(([, , s]) => pressureStats(s.pressure[0], top.area, threshold));
  const checked: CheckedState[] = named.map(([, label, state], i) => {
    let boltForce = 0;
    for (const f of state.boltForce) boltForce += f;
    const contactForce = stats[i].force;
    return {
      label,
      state,
      balance: { boltForce, contactForce, relResidual: Math.abs(boltForce - contactForce) / boltForce },
      contact: [{ name: top.name, fraction: stats[i].contactFraction }],
    };
  });
  refuseImpossible(c, model, checked);
  refuseUnbalanced(c, checked);

  const nNodes = mesh.nodes.length / 2;
  const out: DrawMaps = { metrics: {}, grids: {} };
  named.forEach(([key, label, state], i) => {
    const p = stats[i];
    let fMax = Number.NEGATIVE_INFINITY;
    let fMin = Number.POSITIVE_INFINITY;
    for (const f of state.boltForce) {
      fMax = Math.max(fMax, f);
      fMin = Math.min(fMin, f);
    }
    const metrics: Record<ToleranceMetric, number> = {
      meanPressure: p.mean,
      cov: p.cov,
      maxOverMean: p.maxOverMean,
      minPressure: p.min,
      maxPressure: p.max,
      contactFraction: p.contactFraction,
      within10: p.within10,
      boltForceMax: fMax,
      boltForceMin: fMin,
      safetyFactor: safetyFactor(model, state),
    };
    for (const [name, v] of Object.entries(metrics))
      if (!Number.isFinite(v))
        throw new ResultRefusedError(
          `${label}: ${name} is ${v} — the solve produced a non-finite number; the draw is refused`,
        );
    out.metrics[key] = metrics;
    const nodal = nodalPressure(top, state.pressure[0], nNodes).values;
    out.grids[key] = resampleToGrid(mesh, nodal, model.footprint, c.output.gridSpacing, 'MPa');
  });
  return out;
}

/**
 * The least yield / von Mises of the plates in one state [-] (Number.MAX_VALUE for unstressed
 * plates, as the case summary has it). The state's dofs run layer by layer, 3 per node. Plates
 * of one section and yield (the usual twin plates) are swept together: the element operators are
 * formed once for both. Exported so a case's artifacts carry it per state (a draw solved on a
 * worker reports the same number).
 */
export function safetyFactor(model: StackModel, state: ContactState): number {
  const { mesh, layers } = model.problem;
  const nDofs = mesh.nodes.length * 1.5;
  const nQuads = mesh.quads.length / 4;
  const groups = new Map<
    string,
    { E: number; nu: number; thickness: number; yield: number; u: Float64Array[] }
  >();
  let offset = 0;
  layers.forEach((layer, l) => {
    if (!layer) return;
    const material = model.layerMaterials[l];
    const u = state.u.subarray(offset, offset + nDofs);
    offset += nDofs;
    if (!material) return;
    const key = `${layer.E}:${layer.nu}:${layer.thickness}:${material.yield}`;
    const group = groups.get(key);
    if (group) group.u.push(u);
    else
      groups.set(key, {
        E: layer.E,
        nu: layer.nu,
        thickness: layer.thickness,
        yield: material.yield,
        u: [u],
      });
  });
  let least = Number.MAX_VALUE;
  for (const g of groups.values()) {
    const vm = maxVonMises(mesh, g.E, g.nu, new Float64Array(nQuads).fill(g.thickness), g.u);
    if (vm > 0) least = Math.min(least, g.yield / vm);
  }
  return least;
}
