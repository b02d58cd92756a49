import { createPlateModel, type PlateModel } from '../plate/plateModel';
import type { SolverSession } from '../session/solverSession';
import {
  type AssemblyPlan,
  assembleGroup,
  backwardSolve,
  factor,
  forwardSolve,
  type NumericFactor,
  planAssembly,
  solve,
} from '../sparse';
import { multiplySymmetric, multiplySymmetricMagnitude } from '../sparse/symmetricProduct';
import type { ElementGroup, FactorStats, SymbolicFactor, SymmetricCsc } from '../sparse/types';
import type { ContactProblem } from './contactProblem';
import { defaultRigidBodyNodes } from './rigidBody';
import type { HalfSolves, RankOneTerms, TangentSolver } from './tangent';

/**
 * Any stack of plate layers in one matrix: the plates' MITC4 blocks plus a 2×2 block per
 * contact point joining the w dofs of the layers above and below it. Works for interleaf
 * plates and a rigid base; a free-floating stack holds three w dofs of its bottom plate.
 */
export class CoupledTangent implements TangentSolver {
  readonly n: number;
  readonly plates: (PlateModel | null)[];
  readonly heldDofs: Int32Array;
  readonly stats: FactorStats;
  factorizations = 0;
  factorSeconds = 0;
  /** a coupled factor is never kept between solves: its values change every Newton step */
  readonly reusedFactorizations = 0;
  version = 0;
  private readonly plan: AssemblyPlan;
  private readonly symbolic: SymbolicFactor;
  private readonly plateMatrix: SymmetricCsc;
  private readonly contactGroup: number[] = [];
  private readonly blocks: Float64Array[] = [];
  private numeric: NumericFactor | undefined;

  constructor(
    problem: ContactProblem,
    describeLayer: (l: number) => string,
    private readonly session: SolverSession,
  ) {
    const { mesh, layers } = problem;
    const bottomIsPlate = layers[layers.length - 1] !== null;
    let offset = 0;
    this.plates = layers.map((layer, l) => {
      if (!layer) return null;
      const supports =
        l === layers.length - 1 && bottomIsPlate
          ? (problem.rigidBodyNodes ?? defaultRigidBodyNodes(mesh.nodes)).map((node) => ({
              node,
              dofs: ['w'] as const,
            }))
          : [];
      const model = createPlateModel(
        mesh,
        { E: layer.E, nu: layer.nu, thickness: layer.thickness },
        supports,
        offset,
      );
      offset += model.nDofs;
      return model;
    });
    this.n = offset;
    const held: number[] = [];
    for (const m of this.plates)
      if (m) for (let i = 0; i < m.nDofs; i++) if (m.fixed[i]) held.push(m.dofOffset + i);
    this.heldDofs = Int32Array.from(held);

    const wDof = (l: number, node: number): number => {
      const m = this.plates[l];
      return m && !m.fixed[3 * node] ? m.dofOffset + 3 * node : -1;
    };
    const groups: ElementGroup[] = [];
    for (const m of this.plates) if (m) groups.push(m.elements, m.supports);
    problem.interfaces.forEach((itf, k) => {
      const np = itf.node.length;
      const dofs = new Int32Array(2 * np);
      for (let j = 0; j < np; j++) {
        dofs[2 * j] = wDof(k, itf.node[j]);
        dofs[2 * j + 1] = wDof(k + 1, itf.node[j]);
      }
      this.contactGroup.push(groups.length);
      groups.push({ size: 2, dofs });
      this.blocks.push(new Float64Array(4 * np));
    });
    this.plan = planAssembly(this.n, groups);
    const plateValues = new Float64Array(this.plan.matrix.values.length);
    let g = 0;
    for (const m of this.plates) {
      if (!m) continue;
      assembleGroup(this.plan, g++, m.stiffness, plateValues);
      assembleGroup(this.plan, g++, m.supportBlocks, plateValues);
    }
    this.plateMatrix = { ...this.plan.matrix, values: plateValues };
    const dofNode = new Int32Array(this.n);
    for (const m of this.plates)
      if (m) for (let i = 0; i < m.nDofs; i++) dofNode[m.dofOffset + i] = Math.floor(i / 3);
    const describeDof = (dof: number) => {
      for (const [l, m] of this.plates.entries()) {
        if (m && dof >= m.dofOffset && dof < m.dofOffset + m.nDofs) {
          const local = dof - m.dofOffset;
          return `${describeLayer(l)} node ${Math.floor(local / 3)} (${['w', 'rx', 'ry'][local % 3]})`;
        }
      }
      return `dof ${dof}`;
    };
    this.symbolic = session.analyse(
      this.plan.matrix,
      { ordering: 'nd', geometry: { coords: mesh.nodes, dofNode }, describeDof },
      `coupled:${layers.length}`,
    );
    this.stats = this.symbolic.stats;
  }

  plateProduct(x: Float64Array, y: Float64Array): void {
    multiplySymmetric(this.plateMatrix, x, y);
  }

  plateMagnitude(x: Float64Array, y: Float64Array): void {
    multiplySymmetricMagnitude(this.plateMatrix, x, y);
  }

  refactor(pointStiffness: Float64Array[]): void {
    this.version++;
    const values = this.plan.matrix.values;
    values.set(this.plateMatrix.values);
    pointStiffness.forEach((kp, k) => {
      const b = this.blocks[k];
      for (let j = 0; j < kp.length; j++) {
        const ka = kp[j];
        b[4 * j] = ka;
        b[4 * j + 1] = -ka;
        b[4 * j + 2] = -ka;
        b[4 * j + 3] = ka;
      }
      assembleGroup(this.plan, this.contactGroup[k], b, values);
    });
    const t0 = performance.now();
    this.numeric = factor(this.symbolic, this.plan.matrix, this.numeric, {
      helper: this.session.factorHelper,
    });
    this.factorSeconds += (performance.now() - t0) / 1000;
    this.factorizations++;
  }

  solve(b: Float64Array, x: Float64Array, extra?: RankOneTerms): void {
    if (extra) throw new Error('CoupledTangent: rank-one terms go through its half solves (Woodbury)');
    if (!this.numeric) throw new Error('CoupledTangent: refactor() before solve()');
    solve(this.numeric, b, x, this.session.factorHelper);
  }

  halfSolves(): HalfSolves {
    const num = this.numeric;
    if (!num) throw new Error('CoupledTangent: refactor() before solve()');
    return {
      size: this.n,
      forward: (b, f) => forwardSolve(num, b, f, this.session.factorHelper),
      backward: (f, x) => backwardSolve(num, f, x, this.session.factorHelper),
    };
  }
}
