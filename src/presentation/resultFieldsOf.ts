import type { ContactState } from '../../solver/contact/contactSolver';
import { nodalPressure, resampleToGrid } from '../results/pressureMap';
import type { PressureStats } from '../results/pressureStats';
import type { CaseResult } from '../solveCase';
import { historyMapsOf } from './historyMapsOf';
import type { InterfaceField, InterfaceState, PressureGrid, ResultFields } from './resultFields';
import { stackGeometryOf } from './stackGeometryOf';

/** Nodal open gap [mm] of one interface: area-weighted closure of its points; negative closure is open. */
function nodalGap(node: Int32Array, area: Float64Array, closure: Float64Array, nNodes: number): Float64Array {
  const sum = new Float64Array(nNodes);
  const weight = new Float64Array(nNodes);
  for (let j = 0; j < node.length; j++) {
    sum[node[j]] += closure[j] * area[j];
    weight[node[j]] += area[j];
  }
  for (let i = 0; i < nNodes; i++) sum[i] = weight[i] > 0 ? Math.max(0, -sum[i] / weight[i]) : 0;
  return sum;
}

/**
 * The fields every picture is drawn from, copied out of a solved case into fresh typed arrays
 * (safe to transfer from a worker). A grid point counts as in contact when its pressure is above
 * the case's `output.contactThreshold` [MPa] — the same test the summary's contact fraction uses.
 */
export function resultFieldsOf(result: CaseResult): ResultFields {
  const { model, loadUp, swollen, case: c } = result.fields;
  const { mesh, problem } = model;
  const nNodes = mesh.nodes.length / 2;
  const threshold = c.output.contactThreshold;
  const spacing = c.output.gridSpacing;

  const stateOf = (s: ContactState, k: number, stats: PressureStats): InterfaceState => {
    const itf = problem.interfaces[k];
    const pressure = nodalPressure(itf, s.pressure[k], nNodes).values;
    const g = resampleToGrid(mesh, pressure, model.footprint, spacing, 'MPa');
    const contact = new Uint8Array(g.values.length);
    for (let i = 0; i < contact.length; i++) contact[i] = g.values[i] > threshold ? 1 : 0;
    const grid: PressureGrid = {
      x0: g.x0,
      y0: g.y0,
      dx: g.dx,
      dy: g.dy,
      nx: g.nx,
      ny: g.ny,
      values: g.values,
      contact,
    };
    return { pressure, gap: nodalGap(itf.node, itf.area, s.closure[k], nNodes), grid, stats };
  };
  const interfaces: InterfaceField[] = problem.interfaces.map((itf, k) => ({
    name: itf.name,
    mask: Uint8Array.from(result.fields.pressure[k].mask),
    ...stateOf(loadUp, k, result.interfaces[k].pressure),
    swollen: swollen && result.swelling ? stateOf(swollen, k, result.swelling.interfaces[k].pressure) : null,
  }));

  // the solver numbers the dofs plate by plate, top first, 3 per node (w, rx, ry)
  const deflectionOf = (s: ContactState): Float64Array[] => {
    let offset = 0;
    return problem.layers.map((layer) => {
      const w = new Float64Array(nNodes);
      if (!layer) return w;
      for (let i = 0; i < nNodes; i++) w[i] = s.u[offset + 3 * i];
      offset += 3 * nNodes;
      return w;
    });
  };

  return {
    caseName: result.name,
    meshX: Float64Array.from(mesh.x),
    meshY: Float64Array.from(mesh.y),
    footprint: { ...model.footprint },
    layers: problem.layers.map((l, i) => ({
      name: model.layerNames[i],
      thickness: l?.thickness ?? 0,
      rigid: l === null,
    })),
    cellsPerInterface: [...model.cellsPerInterface],
    interfaces,
    deflection: deflectionOf(loadUp),
    deflectionSwollen: swollen ? deflectionOf(swollen) : null,
    stack: stackGeometryOf(c, model),
    history: result.fields.history ? historyMapsOf(result.fields.history, threshold) : null,
  };
}
