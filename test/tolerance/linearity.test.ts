import { describe, expect, it } from 'vitest';
import { SolverSession } from '../../solver/session/solverSession';
import { solveCase } from '../../src/solveCase';
import { drawMaps } from '../../src/tolerance/drawMetrics';
import { DrawSolver } from '../../src/tolerance/drawSolver';
import { firstOrderEstimates } from '../../src/tolerance/firstOrder';
import { planToleranceStudy, runToleranceStudy } from '../../src/tolerance/toleranceStudy';
import { coarseDefault, drawsOf } from './studyCases';

/**
 * The default module (linear cell and pad laws) at a coarse mesh with ±10 % uniform preload
 * scatter and its two random faces (4 µm RMS) redrawn per draw: it stays in full contact in
 * every draw, so its maps are linear in the inputs.
 */
const studyCase = () => {
  const c = coarseDefault();
  c.tolerances = { preload: { type: 'uniform', halfRange: 0.1 } };
  return c;
};
const N = 64;
const seed = 17;

/** Wilson–Hilferty: the q-quantile of χ² with k degrees of freedom, z the normal quantile of q. */
const chi2 = (k: number, z: number) => k * (1 - 2 / (9 * k) + z * Math.sqrt(2 / (9 * k))) ** 3;
/** the normal quantile of 0.9995: the bounds below are two-sided at 0.1 % */
const z9995 = 3.2905;

const sampleVariance = (x: number[]) => {
  const m = x.reduce((s, v) => s + v, 0) / x.length;
  return x.reduce((s, v) => s + (v - m) ** 2, 0) / (x.length - 1);
};

describe('linearity: linear laws in full contact', () => {
  const plan = planToleranceStudy(studyCase(), { samples: N, seed });
  const session = new SolverSession();
  const solver = new DrawSolver(session);
  const grids: Float64Array[] = [];
  const meanPressure: number[] = [];
  const swollenMean: number[] = [];
  const centre: number[] = [];
  const estimates = firstOrderEstimates(plan, session);
  const centreEstimate = estimates.find((e) => e.quantity === 'centrePressure');
  let leastContact = 1;
  for (const d of drawsOf(plan)) {
    const s = solver.solve(d.input);
    const m = drawMaps(s.case, s.model, s.loadUp, s.swollen);
    leastContact = Math.min(
      leastContact,
      m.metrics.loadUp?.contactFraction ?? 0,
      m.metrics.swollen?.contactFraction ?? 0,
    );
    grids.push(Float64Array.from(m.grids.loadUp?.values ?? []));
    meanPressure.push(m.metrics.loadUp?.meanPressure ?? Number.NaN);
    swollenMean.push(m.metrics.swollen?.meanPressure ?? Number.NaN);
    centre.push(s.loadUp.pressure[0][centreEstimate?.point?.index ?? -1]);
  }

  it('stays in full contact in every draw (the premise of the test)', () => {
    expect(leastContact).toBe(1);
  });

  it('the mean of N maps converges to the map of the mean inputs at the rate 1/√N', () => {
    // the mean inputs, written by hand: no scatter, flat plates
    const mean = studyCase();
    delete mean.tolerances;
    mean.bolts.scatter = { type: 'none' };
    mean.plates.top.flatness = { type: 'none' };
    mean.plates.bottom.flatness = { type: 'none' };
    const reference = solveCase(mean).fields.pressure[0].grid.values;
    const points = reference.length;
    expect(grids[0].length).toBe(points);
    // per-point sample variance over all draws, for the standard error of a mean of N
    let variance = 0;
    for (let q = 0; q < points; q++) variance += sampleVariance(grids.map((g) => g[q]));
    variance /= points;
    // the error of a mean of n draws [MPa], in rms over points and over the N/n disjoint blocks
    // of n draws: one realisation of each mean would leave the slope to the luck of a few draws
    const errorOf = (n: number) => {
      let ss = 0;
      const blocks = N / n;
      for (let b = 0; b < blocks; b++)
        for (let q = 0; q < points; q++) {
          let m = 0;
          for (let i = b * n; i < (b + 1) * n; i++) m += grids[i][q];
          ss += (m / n - reference[q]) ** 2;
        }
      return Math.sqrt(ss / (points * blocks));
    };
    const sizes = [1, 4, 16];
    const errors = sizes.map(errorOf);
    // a bias (a map not linear in the inputs) would not shrink with n; sampling error is of the
    // order of the standard error (the variance has few effective degrees of freedom: a factor 2.5 either way)
    sizes.forEach((n, k) => {
      const ratio = errors[k] / Math.sqrt(variance / n);
      expect(ratio).toBeGreaterThan(0.4);
      expect(ratio).toBeLessThan(2.5);
    });
    // all 64 draws: no bias above three standard errors (≈ 0.1 MPa here)
    expect(errorOf(N)).toBeLessThan(3 * Math.sqrt(variance / N));
    // least-squares slope of log(error) over log(n): −0.5 within ±0.15
    const x = sizes.map(Math.log);
    const y = errors.map(Math.log);
    const mx = x.reduce((s, v) => s + v) / x.length;
    const my = y.reduce((s, v) => s + v) / y.length;
    const slope =
      x.reduce((s, v, i) => s + (v - mx) * (y[i] - my), 0) / x.reduce((s, v) => s + (v - mx) ** 2, 0);
    expect(slope).toBeGreaterThan(-0.65);
    expect(slope).toBeLessThan(-0.35);
  });

  it("the study's mean map is the mean of its draws' maps", () => {
    const r = runToleranceStudy(studyCase(), { samples: 16, seed, session });
    const m = r.maps.loadUp?.mean.values ?? new Float64Array(0);
    expect(m.length).toBe(grids[0].length);
    for (let q = 0; q < m.length; q += 7) {
      let s = 0;
      for (let i = 0; i < 16; i++) s += grids[i][q];
      expect(m[q]).toBeCloseTo(s / 16, 12);
    }
  });

  it('the sampled variance agrees with first-order propagation J Σ Jᵀ within its sampling error', () => {
    // (N − 1) s² / σ² is χ² with N − 1 degrees of freedom: its two-sided 99.9 % interval
    const lo = chi2(N - 1, -z9995) / (N - 1);
    const hi = chi2(N - 1, z9995) / (N - 1);
    const up = estimates.find((e) => e.quantity === 'meanPressure' && e.state === 'loadUp');
    const sw = estimates.find((e) => e.quantity === 'meanPressure' && e.state === 'swollen');
    if (!up || !sw || !centreEstimate?.point) throw new Error('missing estimates');
    // by hand: the mean pressure is Σ bolt forces / area, each bolt 6250 N × (1 ± 0.1 uniform):
    // (6250 / 10⁴ MPa)² × 8 bolts × 0.1² / 3
    const byHand = (6250 / 1e4) ** 2 * 8 * (0.1 ** 2 / 3);
    expect(up.variance / byHand).toBeCloseTo(1, 9);
    expect(up.parts.flatness).toBeLessThan(1e-12 * byHand);
    // locked bolts in full contact: swelling adds the same to every draw, so the same variance
    expect(sw.variance / byHand).toBeCloseTo(1, 6);
    for (const [values, estimate] of [
      [meanPressure, up],
      [swollenMean, sw],
      [centre, centreEstimate],
    ] as const) {
      const ratio = sampleVariance([...values]) / estimate.variance;
      expect(ratio).toBeGreaterThan(lo);
      expect(ratio).toBeLessThan(hi);
    }
    // the centre point's variance comes from both inputs, and it is the footprint's centre
    expect(centreEstimate.parts.preload).toBeGreaterThan(0);
    expect(centreEstimate.parts.flatness).toBeGreaterThan(0);
    expect(centreEstimate.point).toMatchObject({ x: 75, y: 75 });
  });
});
