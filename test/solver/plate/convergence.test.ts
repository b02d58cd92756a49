/**
 * MITC4 against series solutions (test/reference/plateSeries.ts) on uniform n×n meshes of a
 * 1000 mm square (E = 200 GPa, ν = 0.3). Targets: centre deflection within 1 % at 16×16 and
 * 0.3 % at 32×32 for distributed loads; convergence rate from a least-squares fit of
 * log error against log h over 4 meshes.
 */
import { describe, expect, it } from 'vitest';
import { addPressure } from '../../../solver/plate/loads';
import { flexuralRigidity, shearRigidity } from '../../../solver/plate/mitc4';
import { elementResults, nodalResults } from '../../../solver/plate/recovery';
import { solvePlate } from '../../../solver/plate/staticSolve';
import {
  clampedUniform,
  levyPointCentre,
  levyUniformCentre,
  mindlinUniformCentre,
  navierUniformMomentX,
} from '../../reference/plateSeries';
import { convergenceRate, type Edges, rectanglePlate } from './rectanglePlate';

const E = 200000;
const nu = 0.3;
const a = 1000;
const q = 0.01;
const P = 1000;

interface Run {
  w: number;
  Mx: number;
}

function centre(b: number, nx: number, ny: number, t: number, edges: Edges, load: 'pressure' | 'point'): Run {
  const p = rectanglePlate(a, b, nx, ny, t, E, nu, edges);
  const f = new Float64Array(p.model.nDofs);
  if (load === 'pressure') addPressure(p.mesh, q, f);
  else f[3 * p.centre] = P;
  const s = solvePlate(p.model, f);
  const nodal = nodalResults(p.mesh, elementResults(p.mesh, E, nu, p.model.thickness, s.u));
  return { w: s.u[3 * p.centre], Mx: nodal.Mx[p.centre] };
}

const relErr = (x: number, ref: number) => (x - ref) / ref;
const pct = (e: number) => `${(100 * e).toFixed(3)} %`;

/** Runs meshes n = 8, 16, 32, 64; returns signed relative errors and the fitted rate. */
function study(name: string, ref: number, run: (n: number) => number): { err: number[]; rate: number } {
  const ns = [8, 16, 32, 64];
  const err = ns.map((n) => relErr(run(n), ref));
  const rate = convergenceRate(
    ns.map((n) => 1 / n),
    err.map(Math.abs),
  );
  console.info(`${name}: ${ns.map((n, i) => `${n}: ${pct(err[i])}`).join(', ')}; rate ${rate.toFixed(2)}`);
  return { err, rate };
}

describe('MITC4 convergence to series solutions', () => {
  it('SS square, uniform q, t/a = 0.001 vs 0.00406235 q a⁴/D: 16×16 < 1 %, 32×32 < 0.3 %, rate ≥ 1.8', () => {
    const t = 0.001 * a;
    const ref = levyUniformCentre(a, a, q, flexuralRigidity(E, nu, t));
    const { err, rate } = study('SS uniform w', ref, (n) => centre(a, n, n, t, 'simple', 'pressure').w);
    expect(Math.abs(err[1])).toBeLessThan(0.01);
    expect(Math.abs(err[2])).toBeLessThan(0.003);
    expect(rate).toBeGreaterThan(1.8);
  });

  it('SS square, uniform q: centre Mx (nodal average) vs 0.0479 q a² series: 16×16 < 1 %, 32×32 < 0.3 %', () => {
    const t = 0.001 * a;
    const ref = navierUniformMomentX(a, a, q, nu);
    const { err, rate } = study('SS uniform Mx', ref, (n) => centre(a, n, n, t, 'simple', 'pressure').Mx);
    expect(Math.abs(err[1])).toBeLessThan(0.01);
    expect(Math.abs(err[2])).toBeLessThan(0.003);
    expect(rate).toBeGreaterThan(1.8);
  });

  it('SS square, centre point load vs 0.01160084 P a²/D: converges from below; 16×16 < 1 %, 32×32 < 0.3 %', () => {
    const t = 0.001 * a;
    const ref = levyPointCentre(a, a, P, flexuralRigidity(E, nu, t));
    const { err, rate } = study('SS point w', ref, (n) => centre(a, n, n, t, 'simple', 'point').w);
    for (const e of err) expect(e).toBeLessThan(0);
    for (let i = 1; i < err.length; i++) expect(Math.abs(err[i])).toBeLessThan(Math.abs(err[i - 1]));
    expect(Math.abs(err[1])).toBeLessThan(0.01);
    expect(Math.abs(err[2])).toBeLessThan(0.003);
    expect(rate).toBeGreaterThan(1.5);
  });

  it('clamped square, uniform q, vs 0.00126532 q a⁴/D (superposition): 16×16 < 1 %, 32×32 < 0.3 %, rate ≥ 1.8', () => {
    const t = 0.001 * a;
    const ref = clampedUniform(a, a, q, flexuralRigidity(E, nu, t), 60).w;
    const { err, rate } = study('clamped uniform w', ref, (n) => centre(a, n, n, t, 'clamped', 'pressure').w);
    expect(Math.abs(err[1])).toBeLessThan(0.01);
    expect(Math.abs(err[2])).toBeLessThan(0.003);
    expect(rate).toBeGreaterThan(1.8);
  });

  it('SS rectangle a/b = 2, uniform q, vs Lévy series: 2n×n meshes, n = 16 < 1 %, n = 32 < 0.3 %', () => {
    const t = 0.001 * a;
    const b = a / 2;
    const ref = levyUniformCentre(a, b, q, flexuralRigidity(E, nu, t));
    const { err, rate } = study(
      'SS rectangle a/b=2 w (2n×n)',
      ref,
      (n) => centre(b, 2 * n, n, t, 'simple', 'pressure').w,
    );
    expect(Math.abs(err[1])).toBeLessThan(0.01);
    expect(Math.abs(err[2])).toBeLessThan(0.003);
    expect(rate).toBeGreaterThan(1.8);
    // the same physical plate on a 16×16 mesh (elements 2:1)
    const e16 = relErr(centre(b, 16, 16, t, 'simple', 'pressure').w, ref);
    console.info(`SS rectangle a/b=2, 16×16 mesh: ${pct(e16)}`);
    expect(Math.abs(e16)).toBeLessThan(0.01);
  });

  it('thick SS square t/a = 0.1 vs the Mindlin series 0.0042728 q a⁴/D: 16×16 < 1 %, 32×32 < 0.3 %', () => {
    const t = 0.1 * a;
    const ref = mindlinUniformCentre(a, a, q, flexuralRigidity(E, nu, t), shearRigidity(E, nu, t));
    const { err, rate } = study('Mindlin t/a=0.1 w', ref, (n) => centre(a, n, n, t, 'simple', 'pressure').w);
    expect(Math.abs(err[1])).toBeLessThan(0.01);
    expect(Math.abs(err[2])).toBeLessThan(0.003);
    expect(rate).toBeGreaterThan(1.8);
  });

  it('no shear locking: 16×16, t/a from 1e-4 to 0.2, within 1 % of the Mindlin series (≈ Kirchhoff when thin)', () => {
    const line: string[] = [];
    for (const ratio of [1e-4, 1e-3, 1e-2, 0.05, 0.1, 0.2]) {
      const t = ratio * a;
      const D = flexuralRigidity(E, nu, t);
      const ref = mindlinUniformCentre(a, a, q, D, shearRigidity(E, nu, t));
      const e = relErr(centre(a, 16, 16, t, 'simple', 'pressure').w, ref);
      line.push(`t/a ${ratio}: ${pct(e)}`);
      expect(Math.abs(e)).toBeLessThan(0.01);
      if (ratio <= 1e-3) {
        // thin: against Kirchhoff 0.00406235 q a⁴/D directly
        expect(
          Math.abs(relErr(centre(a, 16, 16, t, 'simple', 'pressure').w, (0.00406235 * q * a ** 4) / D)),
        ).toBeLessThan(0.01);
      }
    }
    console.info(`locking sweep (16×16): ${line.join(', ')}`);
  });
});
