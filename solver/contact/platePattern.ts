import type { GridMesh } from '../mesh/structured';
import type { SolverSession } from '../session/solverSession';
import type { SymbolicFactor, SymmetricCsc } from '../sparse/types';

/**
 * What every split of a plate stack into single-plate blocks shares: the position of each
 * diagonal entry in the plate pattern's values (contact stiffness is added there) and the
 * symbolic analysis of that pattern, one per mesh in the session (kind 'plate'), ordered by
 * nested dissection on the mesh nodes.
 * @param describe names the plate layers a block dof stands for, for factorization errors
 */
export function platePattern(
  A: SymmetricCsc,
  mesh: Pick<GridMesh, 'nodes'>,
  session: SolverSession,
  describe: string,
  owner: string,
): { diagonal: Int32Array; symbolic: SymbolicFactor } {
  const { colPtr, rowIdx, n } = A;
  const diagonal = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    if (rowIdx[colPtr[j]] !== j) throw new Error(`${owner}: no diagonal entry for dof ${j}`);
    diagonal[j] = colPtr[j];
  }
  const dofNode = new Int32Array(n);
  for (let i = 0; i < n; i++) dofNode[i] = Math.floor(i / 3);
  const symbolic = session.analyse(
    A,
    {
      ordering: 'nd',
      geometry: { coords: mesh.nodes, dofNode },
      describeDof: (dof) => `${describe} node ${Math.floor(dof / 3)} (${['w', 'rx', 'ry'][dof % 3]})`,
    },
    'plate',
  );
  return { diagonal, symbolic };
}
