import { describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/case/schema';
import { solveCase } from '../../src/solveCase';
import { symmetricCase } from '../contact/caseFixtures';

/**
 * The life history against closed forms. Plates 100 mm thick of a 1.2e6 MPa material bend by
 * microns under the bolts, so the housing is the series-spring model of a rigid clamp: n bolts of
 * stiffness k_b = E_b·A_s/L_grip in series with the cell stack K_s = E_c·A/(N·t). Every constant
 * below is computed here by hand from the case's inputs, not taken from the code.
 */

const N = 4; // cells
const t = 2; // mm per cell
const Ec = 5000; // MPa
const A = 80 * 80; // mm², footprint
const Ks = (Ec * A) / (N * t); // N/mm
const plateT = 100; // mm, each plate
const grip = 2 * plateT + N * t; // mm: the clamped height
const kb = (205_000 * 36.6) / grip; // N/mm: M8 (A_s 36.6 mm²), E 205 GPa
const nBolts = 8;
const preload = 4000; // N per bolt
/** the clamp's series stiffness [N/mm] */
const kSeries = 1 / (1 / Ks + 1 / (nBolts * kb));

function stiffCase(history: CaseInput['history'], material: unknown = stiffMaterial): CaseInput {
  const c = symmetricCase(4);
  return {
    ...c,
    plates: {
      ...c.plates,
      top: { thickness: plateT, material: material as never },
      bottom: { thickness: plateT, material: material as never },
    },
    history,
  };
}
const stiffMaterial = { E: 1.2e6, nu: 0.3, density: 7850, yield: 1e3, alpha: 12e-6 };

describe('life history: closed forms of a rigid clamp', () => {
  it('uniform irreversible growth raises the pressure as bolts and stack in series say (0.5 %)', () => {
    const g = 0.0005; // mm per cell per cycle
    const r = solveCase(
      stiffCase({ cycles: { count: 4, hoursPerCycle: 4 }, growth: { type: 'linear', perCycle: g } }),
    );
    const h = r.history!;
    expect(h.states).toHaveLength(1 + 8);
    const p0 = h.states[0].pressure.mean;
    expect(p0).toBeCloseTo((nBolts * preload) / A, 6);
    for (const s of h.states.slice(1)) {
      const dF = N * g * s.cycle * kSeries;
      const expected = p0 + dF / A;
      // the plates' own bending adds a little compliance: the FE rise is at most 0.5 % below
      expect(Math.abs(s.pressure.mean - expected) / (expected - p0)).toBeLessThan(5e-3);
      expect(s.drivers.growth).toBeCloseTo(N * g * s.cycle, 12);
      expect(s.relResidual).toBeLessThanOrEqual(1e-9);
    }
  });

  it('Al plates on steel bolts gain preload on heating and lose it on cooling by the thermal mismatch (0.5 %)', () => {
    // cells expand like the steel bolts, so only the plates' mismatch (α_Al − α_steel)·2t·ΔT is left
    const aAl = 23.6e-6;
    const aSteel = 12e-6;
    const al = { E: 1.2e6, nu: 0.33, density: 2700, yield: 276, alpha: aAl };
    const r = solveCase(
      stiffCase(
        {
          thermal: { cellAlpha: aSteel },
          states: [
            { time: 1, soc: 0, deltaT: 40 },
            { time: 2, soc: 0, deltaT: -30 },
          ],
        },
        al,
      ),
    );
    const [up, hot, cold] = r.history!.states;
    for (const [s, dT] of [
      [hot, 40],
      [cold, -30],
    ] as const) {
      const expected = (aAl - aSteel) * 2 * plateT * dT * kSeries;
      const dF = s.boltForce.total - up.boltForce.total;
      expect(Math.sign(dF)).toBe(Math.sign(dT));
      expect(Math.abs(dF - expected) / Math.abs(expected)).toBeLessThan(5e-3);
      expect(s.drivers.thermal).toBeCloseTo((aAl - aSteel) * 2 * plateT * dT, 9);
    }
  });

  /**
   * A pad of one Prony term (a standard linear solid) in series with the rest of the clamp,
   * locked after an instantaneous load-up. Per unit area the pad is P(s) = (P0 s + P∞/τ)/(s + 1/τ)
   * (P0 its instantaneous stiffness [MPa/mm], P∞ = g∞ P0), the rest a spring k [MPa/mm] of the bolts
   * and the cells in series. The series pair is again a standard solid, K(s) = k P/(k + P), with
   * K0 = k P0/(k + P0), K∞ = k P∞/(k + P∞) and the one pole s = −(k + P∞)/((k + P0) τ). At a locked
   * total closure the pressure therefore relaxes as
   *   p(t) = p0 · [K∞ + (K0 − K∞) exp(−t/τ')] / K0,  τ' = τ (k + P0)/(k + P∞).
   */
  it('a pad and the clamp in series relax as a standard linear solid (0.1 %, O(Δt²) in the step)', () => {
    const g = 0.4; // relaxing share of the pad
    const tau = 10; // h
    const padT = 2; // mm
    const P0 = 20; // MPa/mm: the tabulated pad law p = P0·c
    const k = 1 / (A / (nBolts * kb) + (N * t) / Ec); // MPa/mm
    const K0 = (k * P0) / (k + P0);
    const Kinf = (k * (1 - g) * P0) / (k + (1 - g) * P0);
    const tauS = (tau * (k + P0)) / (k + (1 - g) * P0);
    const exact = (p0: number, time: number) => (p0 * (Kinf + (K0 - Kinf) * Math.exp(-time / tauS))) / K0;
    const solveAt = (dt: number) => {
      const c = stiffCase({
        states: Array.from({ length: Math.round(30 / dt) }, (_, i) => ({ time: (i + 1) * dt, soc: 0 })),
      });
      c.gaskets = [
        {
          side: 'top',
          thickness: padT,
          law: { type: 'table', closure: [0, 1], pressure: [0, P0] },
          relaxation: { type: 'prony', terms: [{ weight: g, tau }] },
        },
      ];
      const h = solveCase(c).history!;
      for (const s of h.states) expect(s.relResidual).toBeLessThanOrEqual(1e-9);
      // the pressure has relaxed visibly: the test would fail on an elastic pad
      expect(h.states.at(-1)!.pressure.mean).toBeLessThan(0.9 * h.states[0].pressure.mean);
      return new Map(h.states.map((s) => [s.time, s.pressure.mean]));
    };
    const runs = [2, 1, 0.5].map(solveAt);
    const p0 = runs[0].get(0)!;
    // against the closed form: the plates' own bending (0.17 % of the clamp's compliance) is left
    for (const [time, p] of runs[2]) expect(Math.abs(p - exact(p0, time)) / p0).toBeLessThan(1e-3);
    // the step's own error, between successive halvings at the common times, falls as Δt²
    const change = (a: Map<number, number>, b: Map<number, number>) =>
      Math.max(...[...runs[0].keys()].map((time) => Math.abs(a.get(time)! - b.get(time)!)));
    const ratio = change(runs[0], runs[1]) / change(runs[1], runs[2]);
    expect(ratio).toBeGreaterThan(3.5);
    expect(ratio).toBeLessThan(4.5);
  });
});
