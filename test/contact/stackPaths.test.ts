import { LuDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { ChainTangent } from '../../solver/contact/chainTangent';
import { ContactSolver, type ContactState } from '../../solver/contact/contactSolver';
import { CoupledTangent } from '../../solver/contact/coupledTangent';
import { PairedTangent } from '../../solver/contact/pairedTangent';
import { SolverSession } from '../../solver/session/solverSession';
import { checkCase } from '../../src/case/checkCase';
import type { CaseInput } from '../../src/case/schema';
import { buildModel, swellingField } from '../../src/model/buildModel';
import { symmetricCase } from './caseFixtures';

/**
 * Every housing takes its fast path (the twin split, the chain split for unequal plates and
 * interleaf plates, the coupled matrix for a rigid base), and each fast path gives the state the
 * whole coupled matrix, factored directly, gives: the reference is an independent factorization of
 * the assembled coupled tangent, never the path under test.
 */
const TOLERANCE = 1e-12;

interface Solved {
  solver: ContactSolver;
  up: ContactState;
  swollen: ContactState;
}

function solveWith(input: CaseInput, tangent: 'auto' | 'coupled'): Solved {
  const c = checkCase(input).case;
  const model = buildModel(c);
  const solver = new ContactSolver(model.problem, new SolverSession(), tangent);
  const opts = { tolerance: TOLERANCE, maxIterations: 60 };
  const up = solver.loadUp(opts);
  const swollen = solver.swell(up, swellingField(c, model), opts);
  return { solver, up, swollen };
}

/** a 120 mm module, 4 cells, 8 bolts, 20 µm of swelling per cell, rough plates */
function housing(overrides: (c: CaseInput) => void): CaseInput {
  const c = symmetricCase(8);
  c.stack.swelling = { type: 'thickness', value: 0.02 };
  c.plates.top = { ...c.plates.top, flatness: { type: 'random', rms: 4, correlationLength: 30, seed: 3 } };
  overrides(c);
  return c;
}

function relative(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let d = 0;
  let s = 0;
  for (let i = 0; i < a.length; i++) {
    d += (a[i] - b[i]) ** 2;
    s += b[i] ** 2;
  }
  return Math.sqrt(d / s);
}

/**
 * u of `state` less the rigid-body motion (w = a + b x + c y on every plate, and the rotations
 * it brings, here fitted as constants) that best takes it onto `reference`: the two paths remove
 * the stack's rigid-body modes with different supports, so u is defined only up to that motion.
 */
function withoutRigidMotion(
  solver: ContactSolver,
  state: Float64Array,
  reference: Float64Array,
): Float64Array {
  const nodes = solver.problem.mesh.nodes;
  const nNodes = nodes.length / 2;
  const plates = solver.plates.filter((p) => p !== null);
  // least squares of the w differences on [1, x, y], and the mean rotation differences
  const M = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const rhs = [0, 0, 0];
  const rot = [0, 0];
  for (const p of plates) {
    for (let i = 0; i < nNodes; i++) {
      const phi = [1, nodes[2 * i], nodes[2 * i + 1]];
      const dw = state[p.dofOffset + 3 * i] - reference[p.dofOffset + 3 * i];
      for (let r = 0; r < 3; r++) {
        rhs[r] += phi[r] * dw;
        for (let c = 0; c < 3; c++) M[r][c] += phi[r] * phi[c];
      }
      rot[0] += state[p.dofOffset + 3 * i + 1] - reference[p.dofOffset + 3 * i + 1];
      rot[1] += state[p.dofOffset + 3 * i + 2] - reference[p.dofOffset + 3 * i + 2];
    }
  }
  const coef = solve3(M, rhs);
  const count = plates.length * nNodes;
  const out = Float64Array.from(state);
  for (const p of plates) {
    for (let i = 0; i < nNodes; i++) {
      out[p.dofOffset + 3 * i] -= coef[0] + coef[1] * nodes[2 * i] + coef[2] * nodes[2 * i + 1];
      out[p.dofOffset + 3 * i + 1] -= rot[0] / count;
      out[p.dofOffset + 3 * i + 2] -= rot[1] / count;
    }
  }
  return out;
}

function solve3(M: number[][], b: number[]): number[] {
  const det = (A: number[][]) =>
    A[0][0] * (A[1][1] * A[2][2] - A[1][2] * A[2][1]) -
    A[0][1] * (A[1][0] * A[2][2] - A[1][2] * A[2][0]) +
    A[0][2] * (A[1][0] * A[2][1] - A[1][1] * A[2][0]);
  const d = det(M);
  return [0, 1, 2].map((c) => det(M.map((row, r) => row.map((v, k) => (k === c ? b[r] : v)))) / d);
}

const HOUSINGS: Array<{ name: string; edit: (c: CaseInput) => void; path: unknown; plates: number }> = [
  {
    name: 'bottom plate 14 mm, top 10 mm',
    edit: (c) => {
      c.plates.bottom = { thickness: 14, material: 'carbon-steel' };
    },
    path: ChainTangent,
    plates: 2,
  },
  {
    name: 'top plate al-6061-t6 (other E and ν)',
    edit: (c) => {
      c.plates.top = { ...c.plates.top, material: 'al-6061-t6' };
    },
    path: ChainTangent,
    plates: 2,
  },
  {
    name: 'an al-6061-t6 interleaf (3 mm) after 2 cells: 3 plates',
    edit: (c) => {
      c.stack.interleaf = { every: 2, thickness: 3, material: 'al-6061-t6' };
    },
    path: ChainTangent,
    plates: 3,
  },
  {
    name: 'a titanium top plate and a 2 mm interleaf after every cell: 5 plates',
    edit: (c) => {
      c.plates.top = { ...c.plates.top, material: 'ti-6al-4v', thickness: 12 };
      c.stack.interleaf = { every: 1, thickness: 2, material: 'al-6061-t6' };
    },
    path: ChainTangent,
    plates: 5,
  },
];

describe('every housing against the coupled matrix factored directly', () => {
  for (const h of HOUSINGS) {
    describe(h.name, () => {
      const input = housing(h.edit);
      const fast = solveWith(input, 'auto');
      const reference = solveWith(input, 'coupled');

      it('takes the chain split, and the reference the coupled matrix', () => {
        expect(fast.solver.tangent).toBeInstanceOf(h.path);
        expect(reference.solver.tangent).toBeInstanceOf(CoupledTangent);
        expect(fast.solver.plates).toHaveLength(h.plates);
        // single-plate factors only: the chain's pattern is one plate's
        expect(fast.solver.stats.n).toBe(fast.solver.n / h.plates);
      });

      for (const step of ['up', 'swollen'] as const) {
        it(`${step === 'up' ? 'after load-up' : 'after swelling'}: u and every interface's pressure to 1e-10`, () => {
          const a = fast[step];
          const b = reference[step];
          expect(relative(withoutRigidMotion(fast.solver, a.u, b.u), b.u)).toBeLessThan(1e-10);
          a.pressure.forEach((p, k) => {
            expect(relative(p, b.pressure[k])).toBeLessThan(1e-10);
          });
          expect(relative(a.boltForce, b.boltForce)).toBeLessThan(1e-10);
        });

        it(`${step === 'up' ? 'after load-up' : 'after swelling'}: no tension, and every interface carries the bolts' tension`, () => {
          const s = fast[step];
          const tension = s.boltForce.reduce((t, f) => t + f, 0);
          fast.solver.problem.interfaces.forEach((itf, k) => {
            let carried = 0;
            for (let j = 0; j < itf.node.length; j++) {
              expect(s.pressure[k][j]).toBeGreaterThanOrEqual(0);
              carried += s.pressure[k][j] * itf.area[j];
            }
            expect(Math.abs(carried - tension)).toBeLessThan(1e-8 * tension);
          });
        });
      }
    });
  }
});

describe('the other paths', () => {
  it('twin plates take the exact sum/difference split', () => {
    const twin = solveWith(
      housing(() => {}),
      'auto',
    );
    expect(twin.solver.tangent).toBeInstanceOf(PairedTangent);
    const reference = solveWith(
      housing(() => {}),
      'coupled',
    );
    expect(relative(twin.swollen.pressure[0], reference.swollen.pressure[0])).toBeLessThan(1e-10);
  });

  it('a rigid base takes the coupled matrix', () => {
    const grounded = solveWith(
      housing((c) => {
        c.plates.bottom = { rigid: true };
      }),
      'auto',
    );
    expect(grounded.solver.tangent).toBeInstanceOf(CoupledTangent);
    expect(grounded.swollen.residual).toBeLessThan(1e-6 * grounded.solver.totalPreload);
  });

  it('a re-solve on the same plates takes their assembled matrix from the session, and gives the same state bit for bit', () => {
    const input = housing((c) => {
      c.plates.bottom = { ...c.plates.top, thickness: 30 };
    });
    const session = new SolverSession();
    const solveIn = (s: SolverSession) => {
      const c = checkCase(input).case;
      const m = buildModel(c);
      const solver = new ContactSolver(m.problem, s);
      const opts = { tolerance: TOLERANCE, maxIterations: 60 };
      return { solver, up: solver.loadUp(opts) };
    };
    const first = solveIn(session);
    const again = solveIn(session);
    const fresh = solveIn(new SolverSession());
    const values = (t: unknown) =>
      (t as { plateMatrices: { values: Float64Array }[] }).plateMatrices.map((K) => K.values);
    // the same arrays (not copies) for both plate sections, and the values of a fresh assembly
    expect(values(again.solver.tangent)).toEqual(values(fresh.solver.tangent));
    const kept = values(first.solver.tangent);
    for (const [i, v] of values(again.solver.tangent).entries()) expect(v).toBe(kept[i]);
    expect(Array.from(again.up.u).every((v, i) => Object.is(v, fresh.up.u[i]))).toBe(true);
  });

  it('the chain split keeps one symbolic analysis per mesh in the session, shared with the twin plates', () => {
    const session = new SolverSession();
    const model = (edit: (c: CaseInput) => void) => buildModel(checkCase(housing(edit)).case).problem;
    const twin = new ContactSolver(
      model(() => {}),
      session,
    );
    const chain = new ContactSolver(
      model((c) => {
        c.stack.interleaf = { every: 2, thickness: 3, material: 'al-6061-t6' };
      }),
      session,
    );
    expect(session.effort.analysesReused).toBe(1);
    expect(chain.stats).toEqual(twin.stats);
  });
});

describe('the chain split solves the coupled tangent', () => {
  // three plates of three sections, a contact state with some points open (the tiny open-point
  // stiffness) and two bolt-like rank-one terms
  const problem = buildModel(
    checkCase(
      housing((c) => {
        c.plates.bottom = { thickness: 13, material: 'stainless-304' };
        c.stack.interleaf = { every: 2, thickness: 3, material: 'al-6061-t6' };
      }),
    ).case,
  ).problem;
  let seed = 5;
  const rand = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  const stiffness = problem.interfaces.map((itf) =>
    Float64Array.from(itf.node, () => (rand() < 0.3 ? 1e-3 : 1e3 * (0.5 + rand()))),
  );
  const chain = new ChainTangent(problem, String, new SolverSession());
  const coupled = new CoupledTangent(problem, String, new SolverSession());
  chain.refactor(stiffness);
  coupled.refactor(stiffness);
  const n = chain.n;
  const m = n / 3;
  const held = new Uint8Array(n);
  for (const d of coupled.heldDofs) held[d % m] = 1;
  // equal and opposite w forces on the top and bottom plates: self-equilibrated, so both paths'
  // supports carry nothing and the solutions differ only by a rigid-body motion
  const pairOf = (scale: number, every: number) => {
    const v = new Float64Array(n);
    for (let i = 0; i < m; i += 3 * every) {
      if (held[i]) continue;
      const f = scale * (rand() - 0.5);
      v[i] = f;
      v[2 * m + i] = -f;
    }
    return v;
  };
  const b = pairOf(1, 1);
  // a third whose washers do not face each other: it reaches the first (contact-free) block too
  // (a ring of two nodes either side of one: still free of net force and moment)
  const centre = Math.floor(m / 6);
  const offset = new Float64Array(n);
  offset[3 * (centre - 1)] = 0.5;
  offset[3 * (centre + 1)] = 0.5;
  offset[2 * m + 3 * centre] = -1;
  const bolts = [pairOf(1, 40), pairOf(1, 55), offset];
  const boltStiffness = Float64Array.of(2e3, 5e3, 3e3);
  // plate l's displacement relative to the bottom plate: the rigid-body motion drops out
  const relativeToBottom = (x: Float64Array) =>
    Float64Array.from({ length: 2 * m }, (_, i) => x[i] - x[2 * m + (i % m)]);

  it('without bolts: the coupled factor’s solution (1e-9)', () => {
    const x = new Float64Array(n);
    const ref = new Float64Array(n);
    chain.solve(b, x);
    coupled.solve(b, ref);
    expect(relative(relativeToBottom(x), relativeToBottom(ref))).toBeLessThan(1e-9);
  });

  it('with three rank-one terms: the coupled factor with Woodbury, column by column (1e-9)', () => {
    const x = new Float64Array(n);
    chain.solve(b, x, {
      columns: bolts.map((g) => ({ from: 0, values: g })),
      stiffness: boltStiffness,
    });
    // (K + G D Gᵀ)⁻¹ b = y − Z (D⁻¹ + Gᵀ Z)⁻¹ Gᵀ y, y = K⁻¹ b, Z = K⁻¹ G (ml-matrix for the 3 × 3)
    const y = new Float64Array(n);
    coupled.solve(b, y);
    const Z = bolts.map((g) => {
      const z = new Float64Array(n);
      coupled.solve(g, z);
      return z;
    });
    const dot = (p: Float64Array, q: Float64Array) => p.reduce((s, v, i) => s + v * q[i], 0);
    const S = new Matrix(
      bolts.map((ga, a) => Z.map((zc, c) => dot(ga, zc) + (a === c ? 1 / boltStiffness[a] : 0))),
    );
    const w = new LuDecomposition(S).solve(Matrix.columnVector(bolts.map((g) => dot(g, y)))).to1DArray();
    const ref = Float64Array.from(y, (v, i) => v - w.reduce((s, wc, c) => s + wc * Z[c][i], 0));
    expect(relative(relativeToBottom(x), relativeToBottom(ref))).toBeLessThan(1e-9);
    // and the bolts changed the answer: the terms were applied
    const free = new Float64Array(n);
    chain.solve(b, free);
    expect(relative(relativeToBottom(free), relativeToBottom(ref))).toBeGreaterThan(1e-6);
  });
});
