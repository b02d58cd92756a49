/**
 * Stress recovery: element-centre resultants, surface stresses and nodal averages.
 * Surface stresses of a plate in bending: σ = ±6M/t², top (z = +t/2) takes the + sign.
 * Von Mises is therefore the same on both faces; both are reported for the API's symmetry.
 */
import { GAUSS2_POINTS, gatherCorners, jacobian, shapeDerivatives, shapeValues } from '../mesh/bilinear';
import type { QuadMesh } from '../mesh/quadMesh';
import { ElementShapes } from './elementShapes';
import { applyResultantOperator, mitc4ResultantOperator, mitc4Resultants } from './mitc4';

export interface ElementResults {
  /** bending moments (N·mm/mm), element centre */
  Mx: Float64Array;
  My: Float64Array;
  Mxy: Float64Array;
  /** transverse shear forces (N/mm), element centre */
  Qx: Float64Array;
  Qy: Float64Array;
  /** top-face (z = +t/2) stresses 6M/t² (MPa); the bottom face has the opposite sign */
  sxTop: Float64Array;
  syTop: Float64Array;
  txyTop: Float64Array;
  /** von Mises stress of the top and bottom faces (MPa) */
  vonMisesTop: Float64Array;
  vonMisesBottom: Float64Array;
}

export interface NodalResults {
  /** area-weighted averages of the element-centre values of the quads around a node */
  Mx: Float64Array;
  My: Float64Array;
  Mxy: Float64Array;
  vonMises: Float64Array;
}

/** Von Mises stress of a plane stress state (MPa). */
export function vonMises(sx: number, sy: number, txy: number): number {
  return Math.sqrt(sx * sx - sx * sy + sy * sy + 3 * txy * txy);
}

/**
 * Element-centre results from the nodal dofs.
 * @param u local dofs 3·node + {w, rx, ry} (mm, rad)
 * @param thickness per quad (mm); E (MPa), nu
 */
export function elementResults(
  mesh: QuadMesh,
  E: number,
  nu: number,
  thickness: Float64Array,
  u: ArrayLike<number>,
): ElementResults {
  const nQuads = mesh.quads.length / 4;
  const r: ElementResults = {
    Mx: new Float64Array(nQuads),
    My: new Float64Array(nQuads),
    Mxy: new Float64Array(nQuads),
    Qx: new Float64Array(nQuads),
    Qy: new Float64Array(nQuads),
    sxTop: new Float64Array(nQuads),
    syTop: new Float64Array(nQuads),
    txyTop: new Float64Array(nQuads),
    vonMisesTop: new Float64Array(nQuads),
    vonMisesBottom: new Float64Array(nQuads),
  };
  const xy = new Float64Array(8);
  const ue = new Float64Array(12);
  const res = new Float64Array(5);
  for (let e = 0; e < nQuads; e++) {
    gatherCorners(mesh.nodes, mesh.quads, e, xy);
    for (let a = 0; a < 4; a++) {
      const node = mesh.quads[4 * e + a];
      ue[3 * a] = u[3 * node];
      ue[3 * a + 1] = u[3 * node + 1];
      ue[3 * a + 2] = u[3 * node + 2];
    }
    const t = thickness[e];
    mitc4Resultants(xy, E, nu, t, ue, res);
    r.Mx[e] = res[0];
    r.My[e] = res[1];
    r.Mxy[e] = res[2];
    r.Qx[e] = res[3];
    r.Qy[e] = res[4];
    const c = 6 / (t * t);
    r.sxTop[e] = c * res[0];
    r.syTop[e] = c * res[1];
    r.txyTop[e] = c * res[2];
    const vm = vonMises(r.sxTop[e], r.syTop[e], r.txyTop[e]);
    r.vonMisesTop[e] = vm;
    r.vonMisesBottom[e] = vm;
  }
  return r;
}

/**
 * The largest surface von Mises stress (MPa) over all elements and several displacement states
 * (local dofs 3·node + {w, rx, ry}, mm and rad), e.g. a plate after load-up and after swelling:
 * the resultant operator is formed once per element shape (see ElementShapes) for all states.
 */
export function maxVonMises(
  mesh: QuadMesh,
  E: number,
  nu: number,
  thickness: Float64Array,
  states: ArrayLike<number>[],
): number {
  const nQuads = mesh.quads.length / 4;
  const xy = new Float64Array(8);
  const shapes = new ElementShapes(60);
  const ue = new Float64Array(12);
  const res = new Float64Array(5);
  let most = 0;
  for (let e = 0; e < nQuads; e++) {
    gatherCorners(mesh.nodes, mesh.quads, e, xy);
    const t = thickness[e];
    const id = shapes.idOf(xy, t);
    if (shapes.isNew) mitc4ResultantOperator(xy, E, nu, t, shapes.blocks, 60 * id);
    const c = 6 / (t * t);
    for (const u of states) {
      for (let a = 0; a < 4; a++) {
        const node = mesh.quads[4 * e + a];
        ue[3 * a] = u[3 * node];
        ue[3 * a + 1] = u[3 * node + 1];
        ue[3 * a + 2] = u[3 * node + 2];
      }
      applyResultantOperator(shapes.blocks, 60 * id, ue, res);
      const vm = vonMises(c * res[0], c * res[1], c * res[2]);
      if (vm > most) most = vm;
    }
  }
  return most;
}

/** Area-weighted nodal averages of element values (one value per quad); weights ∫N_a dA. */
export function averageToNodes(mesh: QuadMesh, values: ArrayLike<number>): Float64Array {
  const nNodes = mesh.nodes.length / 2;
  const nQuads = mesh.quads.length / 4;
  const sum = new Float64Array(nNodes);
  const weight = new Float64Array(nNodes);
  const xy = new Float64Array(8);
  const n = new Float64Array(4);
  const dr = new Float64Array(4);
  const ds = new Float64Array(4);
  const jac = new Float64Array(4);
  for (let e = 0; e < nQuads; e++) {
    gatherCorners(mesh.nodes, mesh.quads, e, xy);
    for (const [r, s] of GAUSS2_POINTS) {
      shapeValues(r, s, n);
      shapeDerivatives(r, s, dr, ds);
      const dA = jacobian(xy, dr, ds, jac);
      for (let a = 0; a < 4; a++) {
        const node = mesh.quads[4 * e + a];
        sum[node] += n[a] * dA * values[e];
        weight[node] += n[a] * dA;
      }
    }
  }
  for (let i = 0; i < nNodes; i++) sum[i] = weight[i] > 0 ? sum[i] / weight[i] : 0;
  return sum;
}

/** Nodal averages of the moments and the (top-face) von Mises stress. */
export function nodalResults(mesh: QuadMesh, el: ElementResults): NodalResults {
  return {
    Mx: averageToNodes(mesh, el.Mx),
    My: averageToNodes(mesh, el.My),
    Mxy: averageToNodes(mesh, el.Mxy),
    vonMises: averageToNodes(mesh, el.vonMisesTop),
  };
}
