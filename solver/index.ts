/**
 * Public API of the stackpress solver: meshes, the MITC4 plate, the sparse layer and the
 * one-call `analyzePlate`. Units: mm, N, MPa. Plate dofs: 3·node + {0: w, 1: rx, 2: ry};
 * w along +z (positive pressure and forces push along +z), rx, ry right-hand rotations
 * about x, y (thin limit rx = ∂w/∂y, ry = −∂w/∂x).
 */
export * from './mesh/index';
export {
  type AnalyzePlateInput,
  type AnalyzePlateResult,
  analyzePlate,
  PlateInputError,
} from './plate/analyze';
export * from './plate/index';
export { type SessionEffort, SolverSession, type SolverSessionOptions } from './session/solverSession';
export * from './sparse/index';
