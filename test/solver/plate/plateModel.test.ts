/**
 * PlateModel as the building block of contact solvers: two plates in one matrix (dofOffset),
 * joined by interface springs of a custom ElementGroup, refactored on the same pattern.
 */
import { describe, expect, it } from 'vitest';
import { rectangleMesh, uniformRectangleMesh } from '../../../solver/mesh/structured';
import { addPressure } from '../../../solver/plate/loads';
import { mitc4Stiffness } from '../../../solver/plate/mitc4';
import { applyPrescribed, createPlateModel } from '../../../solver/plate/plateModel';
import { solvePlate } from '../../../solver/plate/staticSolve';
import { analyse, assembleGroup, factor, planAssembly, solve } from '../../../solver/sparse/index';
import { rectangleSupports } from './rectanglePlate';

describe('PlateModel in a multi-plate system', () => {
  const a = 200;
  const mesh = uniformRectangleMesh(a, a, 8, 8);
  const supports = rectangleSupports(mesh, a, a, 'simple');
  const section = { E: 200000, nu: 0.3, thickness: 3 };
  const A = createPlateModel(mesh, section, supports, 0);
  const B = createPlateModel(mesh, section, supports, A.nDofs);
  const nNodes = mesh.nodes.length / 2;
  const n = A.nDofs + B.nDofs;

  // interface springs: one 2×2 element [w_A, w_B] per node (skipped where w is fixed)
  const springDofs = new Int32Array(2 * nNodes);
  for (let i = 0; i < nNodes; i++) {
    springDofs[2 * i] = A.elements.dofs.includes(3 * i) ? 3 * i : -1;
    springDofs[2 * i + 1] = springDofs[2 * i] >= 0 ? B.dofOffset + 3 * i : -1;
  }
  const springs = { size: 2, dofs: springDofs };
  const plan = planAssembly(n, [A.elements, A.supports, B.elements, B.supports, springs]);
  const sym = analyse(plan.matrix);

  const fA = new Float64Array(A.nDofs);
  addPressure(mesh, 0.05, fA);
  const single = solvePlate(A, fA).u;
  applyPrescribed(A, fA);
  const fB = new Float64Array(B.nDofs);
  applyPrescribed(B, fB);
  const rhs = new Float64Array(n);
  rhs.set(fA, 0);
  rhs.set(fB, A.nDofs);

  function solveWith(kSpring: number, reuse?: ReturnType<typeof factor>) {
    plan.matrix.values.fill(0);
    assembleGroup(plan, 0, A.stiffness);
    assembleGroup(plan, 1, A.supportBlocks);
    assembleGroup(plan, 2, B.stiffness);
    assembleGroup(plan, 3, B.supportBlocks);
    const blocks = new Float64Array(4 * nNodes);
    for (let i = 0; i < nNodes; i++) blocks.set([kSpring, -kSpring, -kSpring, kSpring], 4 * i);
    assembleGroup(plan, 4, blocks);
    const num = factor(sym, plan.matrix, reuse);
    return { num, u: solve(num, rhs) };
  }

  it('uncoupled (k = 0): plate A equals the single-plate solve, plate B stays at rest (1e-12)', () => {
    const { u } = solveWith(0);
    const scale = Math.max(...Array.from(single, Math.abs));
    for (let i = 0; i < A.nDofs; i++) expect(Math.abs(u[i] - single[i]) / scale).toBeLessThan(1e-12);
    for (let i = 0; i < B.nDofs; i++) expect(u[A.nDofs + i]).toBe(0);
  });

  it('stiff interface: the identical plates share the load, each deflecting half (1e-6); refactor reuses the pattern', () => {
    const soft = solveWith(1e-3);
    const stiff = solveWith(1e9, soft.num);
    expect(stiff.num).toBe(soft.num); // same storage, refactored in place
    const c = 4 * 9 + 4;
    expect(Math.abs(stiff.u[3 * c] / (single[3 * c] / 2) - 1)).toBeLessThan(1e-6);
    expect(Math.abs(stiff.u[A.nDofs + 3 * c] / (single[3 * c] / 2) - 1)).toBeLessThan(1e-6);
  });
});

describe('element stiffness shared between equal elements', () => {
  it('a graded mesh: every block equals its own element computation (1e-13 of the largest entry)', () => {
    // grading and forced lines give many shapes; translated copies share one block
    const mesh = rectangleMesh(
      { from: 0, to: 90, size: 7, lines: [20.5, 33], refine: [{ at: 40, size: 2 }] },
      { from: 0, to: 60, size: 7, lines: [12.25] },
    );
    const nQuads = mesh.quads.length / 4;
    const thickness = Float64Array.from({ length: nQuads }, (_, e) => (e % 7 === 0 ? 4 : 3));
    const model = createPlateModel(mesh, { E: 70000, nu: 0.33, thickness }, []);
    const xy = new Float64Array(8);
    const own = new Float64Array(144);
    let worst = 0;
    let largest = 0;
    for (let e = 0; e < nQuads; e++) {
      for (let a = 0; a < 4; a++) {
        const node = mesh.quads[4 * e + a];
        xy[2 * a] = mesh.nodes[2 * node];
        xy[2 * a + 1] = mesh.nodes[2 * node + 1];
      }
      mitc4Stiffness(xy, 70000, 0.33, thickness[e], own, 0);
      for (let i = 0; i < 144; i++) {
        worst = Math.max(worst, Math.abs(model.stiffness[144 * e + i] - own[i]));
        largest = Math.max(largest, Math.abs(own[i]));
      }
    }
    expect(worst).toBeLessThan(1e-13 * largest);
  });
});
