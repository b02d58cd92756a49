/**
 * The series references agree with each other and with the values tabulated in Timoshenko &
 * Woinowsky-Krieger, Theory of Plates and Shells, so the plate tests compare against trusted numbers.
 */
import { describe, expect, it } from 'vitest';
import {
  clampedUniform,
  levyPointCentre,
  levyUniformCentre,
  mindlinUniformCentre,
  navierPointCentre,
  navierUniformCentre,
  navierUniformMomentX,
} from '../../reference/plateSeries';

const rel = (x: number, ref: number) => Math.abs(x - ref) / Math.abs(ref);

describe('plate series references', () => {
  it('SS square uniform: Navier = Lévy = 0.00406235 q a⁴/D (tol 1e-6 rel)', () => {
    expect(rel(navierUniformCentre(1, 1, 1, 1), 0.00406235)).toBeLessThan(1e-6);
    expect(rel(levyUniformCentre(1, 1, 1, 1), navierUniformCentre(1, 1, 1, 1))).toBeLessThan(1e-10);
  });

  it('SS rectangle a/b = 2: Lévy = Navier (1e-10), both orientations, ≈ 0.01013 q b⁴/D (TWK, 1e-3)', () => {
    const levy = levyUniformCentre(2, 1, 1, 1);
    expect(rel(levy, navierUniformCentre(2, 1, 1, 1))).toBeLessThan(1e-10);
    expect(rel(levyUniformCentre(1, 2, 1, 1), levy)).toBeLessThan(1e-10);
    expect(rel(levy, 0.01013)).toBeLessThan(1e-3);
  });

  it('SS square centre load: Lévy = 0.01160084 P a²/D (1e-6); Navier partial sums approach it', () => {
    const levy = levyPointCentre(1, 1, 1, 1);
    expect(rel(levy, 0.01160084)).toBeLessThan(1e-6);
    const e1 = Math.abs(navierPointCentre(1, 1, 1, 1, 201) - levy);
    const e2 = Math.abs(navierPointCentre(1, 1, 1, 1, 801) - levy);
    expect(e2).toBeLessThan(e1 / 10); // tail ~ 1/N²: 16× smaller
    expect(rel(navierPointCentre(1, 1, 1, 1, 801), levy)).toBeLessThan(1e-5);
  });

  it('Mindlin SS square t/a = 0.1, κ = 5/6: 0.0042728 q a⁴/D (tol 2e-5 rel: 5 digits tabulated)', () => {
    const E = 1;
    const nu = 0.3;
    const t = 0.1;
    const D = (E * t ** 3) / (12 * (1 - nu * nu));
    const S = ((5 / 6) * E * t) / (2 * (1 + nu));
    expect(rel(mindlinUniformCentre(1, 1, 1, D, S) * D, 0.0042728)).toBeLessThan(2e-5);
  });

  it('clamped square by superposition: 0.00126532 q a⁴/D (tol 1e-5), converged in the number of edge modes', () => {
    const w50 = clampedUniform(1, 1, 1, 1, 50).w;
    const w100 = clampedUniform(1, 1, 1, 1, 100).w;
    expect(rel(w100, 0.00126532)).toBeLessThan(1e-5);
    expect(rel(w50, w100)).toBeLessThan(1e-9);
    // the rectangle is symmetric in its orientation and matches TWK's 0.00254 (a/b = 2) to 0.3 %
    expect(rel(clampedUniform(2, 1, 1, 1, 60).w, clampedUniform(1, 2, 1, 1, 60).w)).toBeLessThan(1e-10);
    expect(rel(clampedUniform(2, 1, 1, 1, 60).w, 0.00254)).toBeLessThan(3e-3);
  });

  it('SS square uniform centre moment: Mx = 0.0479 q a² for ν = 0.3 (TWK, tol 1e-3)', () => {
    expect(rel(navierUniformMomentX(1, 1, 1, 0.3), 0.0479)).toBeLessThan(1e-3);
  });
});
