/**
 * Winkler foundation: bonded point load on a large plate against the infinite-plate
 * solution P/(8√(kD)); tensionless foundation: bonded result where nothing lifts,
 * zero force where the plate lifts, and the rigid-footing limit for an eccentric load.
 */
import { describe, expect, it } from 'vitest';
import { nodesOnLine } from '../../../solver/mesh/query';
import { rectangleMesh } from '../../../solver/mesh/structured';
import { addPressure } from '../../../solver/plate/loads';
import { flexuralRigidity } from '../../../solver/plate/mitc4';
import { createPlateModel, type Support } from '../../../solver/plate/plateModel';
import { solvePlate } from '../../../solver/plate/staticSolve';
import { winklerPointCentre } from '../../reference/plateSeries';
import { convergenceRate } from './rectanglePlate';

const E = 200000;
const nu = 0.3;
const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0);

describe('bonded Winkler foundation, point load on a large plate', () => {
  // t = 1 mm, l = (D/k)^¼ = 100 mm: t/l = 0.01 keeps the Mindlin shear term at the load (≈ 0.02 %) negligible.
  const t = 1;
  const D = flexuralRigidity(E, nu, t);
  const l = 100;
  const k = D / l ** 4;
  const P = 100;
  const ref = winklerPointCentre(P, k, D);

  /** quarter model 8l × 8l (free far edges), symmetry rotations held, graded mesh refined s times */
  function quarter(s: number, integration: 'lumped' | 'consistent') {
    const axis = {
      from: 0,
      to: 8 * l,
      size: l / 2 / s,
      refine: [{ at: 0, size: l / 5 / s, ratio: 1 + 0.2 / s }],
    };
    const mesh = rectangleMesh(axis, axis);
    const supports: Support[] = [
      ...Array.from(nodesOnLine(mesh, 'x', 0), (node): Support => ({ node, dofs: ['ry'] })), // ∂w/∂x = 0
      ...Array.from(nodesOnLine(mesh, 'y', 0), (node): Support => ({ node, dofs: ['rx'] })), // ∂w/∂y = 0
    ];
    const model = createPlateModel(mesh, { E, nu, thickness: t }, supports);
    const f = new Float64Array(model.nDofs);
    f[0] = P / 4; // node 0 is the plate centre
    return solvePlate(model, f, { foundation: { k, integration } });
  }

  for (const integration of ['consistent', 'lumped'] as const) {
    it(`${integration}: h(0) = l/10 within 1 %, l/20 within 0.3 %, rate ≥ 1.8 over 3 meshes; force balance 1e-8`, () => {
      const ss = [1, 2, 4];
      const sols = ss.map((s) => quarter(s, integration));
      const err = sols.map((sol) => sol.u[0] / ref - 1);
      const rate = convergenceRate(
        ss.map((s) => 1 / s),
        err.map(Math.abs),
      );
      console.info(
        `Winkler point (${integration}): ${ss.map((s, i) => `h0=l/${5 * s}: ${(100 * err[i]).toFixed(3)} %`).join(', ')}; rate ${rate.toFixed(2)}`,
      );
      for (const e of err) expect(e).toBeLessThan(0); // from below
      expect(Math.abs(err[1])).toBeLessThan(0.01);
      expect(Math.abs(err[2])).toBeLessThan(0.003);
      expect(rate).toBeGreaterThan(1.8);
      for (const sol of sols) expect(Math.abs(sum(sol.foundationForce) - P / 4) / (P / 4)).toBeLessThan(1e-8);
    });
  }
});

describe('tensionless Winkler foundation', () => {
  it('reproduces the bonded solution where nothing lifts off (1e-12 rel), in one iteration', () => {
    const mesh = rectangleMesh({ from: 0, to: 300, size: 15 }, { from: 0, to: 200, size: 15, lines: [100] });
    const model = createPlateModel(mesh, { E, nu, thickness: 5 }, []);
    const f = new Float64Array(model.nDofs);
    addPressure(mesh, 0.02, f);
    f[3 * nodesOnLine(mesh, 'y', 100)[7]] += 500;
    const k = 0.05;
    const bonded = solvePlate(model, f, { foundation: { k } });
    let minW = Infinity;
    for (let i = 0; i < bonded.u.length; i += 3) minW = Math.min(minW, bonded.u[i]);
    expect(minW).toBeGreaterThan(0); // the premise: everything in contact
    const tl = solvePlate(model, f, { foundation: { k, tensionless: true } });
    expect(tl.iterations).toBe(1);
    expect(Array.from(tl.contact!).every((c) => c === 1)).toBe(true);
    const scale = Math.max(...Array.from(bonded.u, Math.abs));
    for (let i = 0; i < tl.u.length; i++) expect(Math.abs(tl.u[i] - bonded.u[i]) / scale).toBeLessThan(1e-12);
  });

  it('eccentric line load on a stiff strip lifts one side: zero force there, rigid-footing contact length and edge pressure', () => {
    // Rigid footing on a tensionless Winkler bed, load at eccentricity e > L/6:
    // contact length c = 3(L/2 − e), triangular pressure with p_max = 2P / (3 B (L/2 − e)).
    // t = 20 mm, k = 0.001 N/mm³: L/l = 0.32, so the strip is nearly rigid.
    const L = 200;
    const B = 50;
    const e = 50;
    const P = 1000;
    const k = 0.001;
    const h = 5;
    const mesh = rectangleMesh({ from: 0, to: L, size: h, lines: [L / 2 + e] }, { from: 0, to: B, size: h });
    const model = createPlateModel(mesh, { E, nu, thickness: 20 }, []);
    const f = new Float64Array(model.nDofs);
    const ny = mesh.y.length - 1;
    for (const node of nodesOnLine(mesh, 'x', L / 2 + e)) {
      const j = Math.round(mesh.nodes[2 * node + 1] / h);
      f[3 * node] += (P * (j === 0 || j === ny ? 0.5 : 1)) / ny; // uniform line load, consistent
    }
    const sol = solvePlate(model, f, { foundation: { k, tensionless: true } });
    const nNodes = mesh.nodes.length / 2;
    const contact = sol.contact!;
    console.info(`eccentric strip: ${sol.iterations} active-set iterations`);
    expect(sol.iterations).toBeGreaterThan(1);
    expect(sol.iterations).toBeLessThan(10);
    let xContact = Infinity;
    let lifted = 0;
    for (let i = 0; i < nNodes; i++) {
      const w = sol.u[3 * i];
      if (contact[i]) {
        expect(w).toBeGreaterThan(0);
        xContact = Math.min(xContact, mesh.nodes[2 * i]);
      } else {
        lifted++;
        expect(w).toBeLessThanOrEqual(0);
        expect(sol.foundationForce[i]).toBe(0);
        expect(sol.foundationPressure[i]).toBe(0);
      }
    }
    expect(lifted).toBeGreaterThan(0);
    // contact edge at L − c = 50 mm, to within one element
    expect(Math.abs(xContact - (L - 3 * (L / 2 - e)))).toBeLessThanOrEqual(h);
    // edge pressure at mid-width of x = L (tol 1 %), force and moment balance (1e-7 rel)
    const pMax = (2 * P) / (3 * B * (L / 2 - e));
    const edgeNode = (ny / 2) * mesh.x.length + mesh.x.length - 1;
    expect(Math.abs(sol.foundationPressure[edgeNode] / pMax - 1)).toBeLessThan(0.01);
    expect(Math.abs(sum(sol.foundationForce) / P - 1)).toBeLessThan(1e-7);
    let moment = 0;
    for (let i = 0; i < nNodes; i++) moment += sol.foundationForce[i] * mesh.nodes[2 * i];
    expect(Math.abs(moment / (P * (L / 2 + e)) - 1)).toBeLessThan(1e-7);
  });

  it('an unsupported plate that lifts off everywhere is reported as singular', () => {
    const mesh = rectangleMesh({ from: 0, to: 100, size: 20 }, { from: 0, to: 100, size: 20 });
    const model = createPlateModel(mesh, { E, nu, thickness: 2 }, []);
    const f = new Float64Array(model.nDofs);
    addPressure(mesh, -0.01, f); // pulls away from the foundation
    expect(() => solvePlate(model, f, { foundation: { k: 0.1, tensionless: true } })).toThrow(
      /singular at node \d+ \((w|rx|ry)\)/,
    );
  });
});
