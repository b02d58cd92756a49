import type { QuadMesh } from '../mesh/quadMesh';
import type { ClosureLaw } from './closureLaw';

/**
 * A stack of plates on one in-plane mesh, joined by tensionless compliant layers and bolts.
 * Layers run from the top plate (index 0) down to the bottom plate or a rigid base; the
 * interface k joins layer k (upper) and layer k+1 (lower). z points up.
 */
export interface ContactProblem {
  mesh: QuadMesh;
  /** plates from the top down; the last may be `null`, a rigid base */
  layers: (PlateLayer | null)[];
  /** interfaces[k] between layers k and k+1 */
  interfaces: ContactInterface[];
  /** closure laws referenced by the interfaces' points */
  laws: ClosureLaw[];
  bolts: BoltMember[];
  /**
   * Three non-collinear nodes of the bottom plate whose w is held to remove the assembly's
   * rigid-body modes. The loads are self-equilibrated, so these supports carry no reaction.
   * Ignored with a rigid base.
   */
  rigidBodyNodes?: [number, number, number];
}

export interface PlateLayer {
  /** mm */
  thickness: number;
  /** MPa */
  E: number;
  nu: number;
  /** for messages, e.g. "top plate" */
  name: string;
}

/**
 * Contact points of one interface: nodal quadrature of the compliant layers, so each point
 * is a node with a tributary area (a node on the edge of a gasket gets one point per law).
 */
export interface ContactInterface {
  name: string;
  /** mesh node of each point */
  node: Int32Array;
  /** tributary area [mm²] */
  area: Float64Array;
  /** index into ContactProblem.laws */
  law: Int32Array;
  /** initial gap before any load [mm], ≥ 0 where the layers first touch */
  gap: Float64Array;
}

/**
 * A bolt: an axial member from a washer patch on the top plate to one on the bottom plate
 * (or anchored in a rigid base). Its elongation is s = Σ ω_u w_u − Σ ω_l w_l [mm] with patch
 * weights summing to 1, so its tension acts spread over the washer footprint.
 */
export interface BoltMember {
  x: number;
  y: number;
  upperNodes: Int32Array;
  upperWeights: Float64Array;
  /** empty with a rigid base */
  lowerNodes: Int32Array;
  lowerWeights: Float64Array;
  /** tension reached at load-up [N] */
  preload: number;
  /** axial stiffness of the bolt and its springs in series [N/mm] */
  stiffness: number;
}
