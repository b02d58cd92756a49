import { describe, expect, it } from 'vitest';
import { SolverSession } from '../../solver/session/solverSession';
import { solveCase } from '../../src/solveCase';
import { loadCase, symmetricCase } from './caseFixtures';

/** Every number in the summary is finite (no NaN reaches a result). */
function expectFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) expectFinite(v, `${path}[${i}]`);
  } else if (value && typeof value === 'object' && !ArrayBuffer.isView(value)) {
    for (const [k, v] of Object.entries(value)) if (k !== 'fields') expectFinite(v, `${path}.${k}`);
  }
}

describe('invariants of a solved case', () => {
  const r = solveCase(loadCase('fig5b-none'));

  it('force balance: Σ bolt tension = ∫p dA within 1e-6 relative', () => {
    expect(r.balance.relResidual).toBeLessThan(1e-6);
    const preload = r.bolts.reduce((s, b) => s + b.force, 0);
    expect(Math.abs(r.balance.boltForce - preload) / preload).toBeLessThan(1e-12);
  });

  it('tensionless: no negative pressure at any point, node or grid cell', () => {
    expect(r.pressure.min).toBeGreaterThanOrEqual(0);
    for (const f of r.fields.pressure) {
      for (const v of f.nodal) expect(v).toBeGreaterThanOrEqual(0);
      for (const v of f.grid.values) expect(v).toBeGreaterThanOrEqual(0);
    }
    for (const p of r.fields.loadUp.pressure) for (const v of p) expect(v).toBeGreaterThanOrEqual(0);
  });

  it('the torque-tightened housing on rough plates lifts off somewhere, and open points carry nothing', () => {
    expect(r.pressure.contactFraction).toBeLessThan(1);
    const { closure, pressure } = r.fields.loadUp;
    for (let j = 0; j < closure[0].length; j++) if (closure[0][j] <= 0) expect(pressure[0][j]).toBe(0);
  });

  it('energy decreases across Newton steps', () => {
    const e = r.fields.loadUp.energyHistory;
    expect(e.length).toBeGreaterThan(1);
    for (let i = 1; i < e.length; i++) expect(e[i]).toBeLessThanOrEqual(e[i - 1] + 1e-9 * Math.abs(e[0]));
  });

  it('rigid-body modes are removed without reactions (< 1e-6 of the preload)', () => {
    expect(r.solver.supportReaction).toBeLessThan(1e-6 * r.balance.boltForce);
  });

  it('no NaN anywhere in the summary', () => expectFinite(r));
});

describe('symmetry', () => {
  it('a doubly symmetric case gives a doubly symmetric map (1e-8 of the peak)', () => {
    const r = solveCase(symmetricCase(4));
    const g = r.fields.pressure[0].grid;
    const tol = 1e-8 * r.pressure.max;
    let worst = 0;
    for (let j = 0; j < g.ny; j++) {
      for (let i = 0; i < g.nx; i++) {
        const v = g.values[j * g.nx + i];
        worst = Math.max(
          worst,
          Math.abs(v - g.values[j * g.nx + (g.nx - 1 - i)]),
          Math.abs(v - g.values[(g.ny - 1 - j) * g.nx + i]),
        );
        // the square case is also symmetric about the diagonal
        worst = Math.max(worst, Math.abs(v - g.values[i * g.nx + j]));
      }
    }
    expect(worst).toBeLessThan(tol);
  });
});

describe('closed forms', () => {
  // the stiffest plates the case schema admits: E at its 1.2e6 MPa bound, 500 mm thick
  const rigid = { E: 1.2e6, nu: 0.3, density: 7850, yield: 5000 };
  const stiff = (extra: object = {}) =>
    symmetricCase(4, {
      plates: {
        Lx: 120,
        Ly: 120,
        top: { thickness: 500, material: rigid },
        bottom: { thickness: 500, material: rigid },
      },
      ...extra,
    });

  it('very stiff plates on a linear stack: uniform p = ΣF/A (CoV < 2e-3, mean to 1e-8)', () => {
    const r = solveCase(stiff());
    expect(Math.abs(r.pressure.mean - (8 * 4000) / (80 * 80)) / 5).toBeLessThan(1e-8);
    expect(r.pressure.cov).toBeLessThan(2e-3);
  });

  it('swelling with locked bolts follows the springs-in-series closed form (0.5 %)', () => {
    // rigid plates: the stack (K_s = E·A/H) and the bolts (n·k_b) share the free growth Δ:
    // ΔF = Δ · K_s·K_b/(K_s + K_b).
    const growth = 0.01; // mm per cell
    const r = solveCase(
      stiff({ stack: { ...symmetricCase(4).stack, swelling: { type: 'thickness', value: growth } } }),
    );
    const Ks = (5000 * 80 * 80) / (4 * 2);
    const kb = r.boltStiffness.total;
    const Kb = 8 * kb;
    const dF = 4 * growth * ((Ks * Kb) / (Ks + Kb));
    const F1 = r.bolts.reduce((s, b) => s + b.forceAfterSwelling, 0);
    expect(Math.abs(F1 - 8 * 4000 - dF) / dF).toBeLessThan(5e-3);
    expect(r.swelling!.balance.relResidual).toBeLessThan(1e-6);
  });

  it('bolt stiffness: E·A_s/grip in series with springs k/count', () => {
    const c = symmetricCase(4);
    const withSprings = {
      ...c,
      bolts: { ...c.bolts, springs: { rate: 8000, count: 4, freeLength: 3, solidLength: 2 } },
    };
    const r = solveCase(withSprings);
    const kBolt = (205000 * 36.6) / (10 + 10 + 8);
    expect(r.boltStiffness.bolt).toBeCloseTo(kBolt, 6);
    expect(r.boltStiffness.total).toBeCloseTo(1 / (1 / kBolt + 4 / 8000), 6);
  });
});

describe('Fig 5b housings', () => {
  it('CoV ranks no springs/no gaskets worst and springs+gaskets best', () => {
    const cov = Object.fromEntries(
      ['none', 'springs', 'gaskets', 'springs-gaskets'].map((n) => [
        n,
        solveCase(loadCase(`fig5b-${n}`)).pressure.cov,
      ]),
    );
    for (const n of ['springs', 'gaskets', 'springs-gaskets']) expect(cov.none).toBeGreaterThan(cov[n]);
    for (const n of ['none', 'springs', 'gaskets']) expect(cov['springs-gaskets']).toBeLessThan(cov[n]);
  });
});

describe('a factorization kept in the session for the next case', () => {
  it('an unchanged tangent (linear laws, full contact, new preload) reuses it and gives the map of a fresh factorization (1e-12)', () => {
    // the default module stays in full contact on its linear pads: one tangent for any preload
    const base = { ...loadCase('default'), mesh: { size: 4 } };
    const heavier = { ...base, bolts: { ...base.bolts, preload: { force: 7000 } } };
    const session = new SolverSession();
    const first = solveCase(heavier, { session }); // factors K̄ + 2C
    const reused = solveCase(base, { session }); // same tangent: the kept factor
    const thicker = solveCase(
      { ...base, plates: { ...base.plates, top: { ...base.plates.top, thickness: 30 } } },
      { session },
    );
    // unequal plates keep their factors under their own slots: the twin plates' is still kept
    const again = solveCase(base, { session });
    const fresh = solveCase(base, { session: new SolverSession() });
    expect(first.effort.factorizationsReused).toBe(0);
    expect(reused.effort.factorizationsReused).toBe(reused.solver.factorizations);
    expect(reused.effort.analysesReused).toBeGreaterThan(0);
    expect(thicker.effort.factorizationsReused).toBe(0);
    // the thicker plates share the twin plates' analysis (one single-plate pattern per mesh)
    expect(thicker.effort.analysesReused).toBeGreaterThan(0);
    expect(again.effort.factorizationsReused).toBe(again.solver.factorizations);
    expect(again.solver).toEqual(fresh.solver);
    expect(fresh.effort.factorizationsReused).toBe(0);
    // what the case determines does not depend on the session's history
    expect(reused.solver).toEqual(fresh.solver);
    expect(solveCase(base).solver).toEqual(fresh.solver);
    const a = reused.fields.pressure[0].nodal;
    const b = fresh.fields.pressure[0].nodal;
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThanOrEqual(1e-12 * fresh.pressure.max);
    expect(first.pressure.mean).toBeGreaterThan(reused.pressure.mean);
  });
});
