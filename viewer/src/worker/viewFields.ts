import type { CaseResult } from '../../../src/solveCase';
import type { InterfaceField, ViewFields } from './protocol';

/** Nodal open gap [mm] of one interface: area-weighted closure of its points, negative closure is open. */
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

/** Copy what the viewer needs out of a solved case into fresh typed arrays (safe to transfer). */
export function viewFieldsOf(result: CaseResult): ViewFields {
  const { model, pressure, deflection, loadUp } = result.fields;
  const { mesh, problem } = model;
  const nNodes = mesh.nodes.length / 2;
  const interfaces: InterfaceField[] = pressure.map((p, k) => {
    const itf = problem.interfaces[k];
    return {
      name: p.name,
      pressure: Float64Array.from(p.nodal),
      mask: Uint8Array.from(p.mask),
      gap: nodalGap(itf.node, itf.area, loadUp.closure[k], nNodes),
      grid: {
        x0: p.grid.x0,
        y0: p.grid.y0,
        dx: p.grid.dx,
        dy: p.grid.dy,
        nx: p.grid.nx,
        ny: p.grid.ny,
        values: Float64Array.from(p.grid.values),
      },
    };
  });
  const byName = new Map(deflection.map((d) => [d.name, d.w]));
  return {
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
    deflection: model.layerNames.map((name) =>
      Float64Array.from(byName.get(name) ?? new Float64Array(nNodes)),
    ),
  };
}
