import { describe, expect, it } from 'vitest';
import { SolverSession } from '../../solver/session/solverSession';
import { ResultRefusedError } from '../../src/results/stateChecks';
import { solveCase } from '../../src/solveCase';
import { drawMaps } from '../../src/tolerance/drawMetrics';
import { DrawSolver } from '../../src/tolerance/drawSolver';
import {
  aggregateDraws,
  type DrawRecord,
  drawRecordOfResult,
  failedDrawRecord,
  planToleranceStudy,
  runToleranceStudy,
} from '../../src/tolerance/toleranceStudy';
import { coarseDefault, drawsOf } from './studyCases';

/**
 * The default module's disc springs (10 kN/mm each, 0.9 mm of travel, the case checks the travel
 * against F / rate) reach solid length above 9 kN: with a ±50 % preload scatter of its 6250 N
 * bolts, a draw whose largest factor is above 1.44 must fail, and swelling adds a few hundred N
 * to each bolt, so a draw whose largest factor is below 1.3 must solve.
 */
const springCase = () => {
  const c = coarseDefault();
  c.tolerances = { samples: 24, seed: 3, preload: { type: 'uniform', halfRange: 0.5 } };
  return c;
};
const footprintArea = 100 * 100;
const nominal = 6250;

describe('invariants of a study', () => {
  const session = new SolverSession();
  const plan = planToleranceStudy(springCase());
  const result = runToleranceStudy(springCase(), { session });
  const largest = drawsOf(plan).map((d) => Math.max(...(d.inputs.preloadFactors as number[])));

  it('records every draw that fails, by index, and solves the others', () => {
    expect(result.draws.map((d) => d.index)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    const mustFail = largest.flatMap((f, i) => (f > 1.44 ? [i] : []));
    const mustSolve = largest.flatMap((f, i) => (f < 1.3 ? [i] : []));
    // the premise: this seed gives both kinds
    expect(mustFail.length).toBeGreaterThan(2);
    expect(mustSolve.length).toBeGreaterThan(2);
    for (const i of mustFail) expect(result.failed).toContain(i);
    for (const i of mustSolve) expect(result.failed).not.toContain(i);
    for (const d of result.draws) {
      if (d.status === 'failed') {
        expect(d.error).toMatch(/bolts\.springs/);
        expect(d.metrics).toBeNull();
      } else expect(d.error).toBeNull();
    }
    expect(result.failed).toEqual(result.draws.filter((d) => d.status === 'failed').map((d) => d.index));
  });

  it('every solved draw meets the force balance of its own drawn preloads', () => {
    for (const d of result.draws) {
      if (d.status !== 'ok') continue;
      // ∫p dA over the footprint equals Σ bolt tensions = 6250 N × Σ factors at load-up
      const factors = d.inputs.preloadFactors as number[];
      const bolts = nominal * factors.reduce((s, f) => s + f, 0);
      expect(Math.abs((d.metrics?.loadUp?.meanPressure ?? 0) * footprintArea - bolts) / bolts).toBeLessThan(
        1e-8,
      );
      expect(d.metrics?.loadUp?.boltForceMax).toBeCloseTo(nominal * Math.max(...factors), 6);
    }
  });

  it('the distributions are over the solved draws only', () => {
    const ok = result.draws.filter((d) => d.status === 'ok');
    const mean = ok.reduce((s, d) => s + (d.metrics?.loadUp?.meanPressure ?? 0), 0) / ok.length;
    expect(result.distributions.loadUp?.meanPressure.mean).toBeCloseTo(mean, 12);
    expect(result.distributions.swollen?.boltForceMax.max).toBeLessThan(9000);
  });

  it('a failed draw re-run alone with solveCase fails the same way', () => {
    const i = result.failed[0];
    // the case check already refuses factors that put the springs at solid length
    let message = '';
    try {
      solveCase(drawsOf(plan)[i].input);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/bolts\.springs/);
    expect(message).toBe(result.draws[i].error);
  });

  it('a draw solved with the shared solver gives what solveCase gives of its JSON, bit for bit', () => {
    // draws solved right after a solved draw: the ones that took over its contact solver
    const shared = result.draws
      .filter((d, i) => i > 0 && d.status === 'ok' && result.draws[i - 1].status === 'ok')
      .map((d) => d.index)
      .slice(0, 3);
    expect(shared.length).toBeGreaterThan(1);
    for (const i of shared) {
      // as a queue hands it to a worker: through JSON
      const r = solveCase(JSON.parse(JSON.stringify(plan.draw(i).input)));
      const m = result.draws[i].metrics;
      expect(m?.loadUp?.meanPressure).toBe(r.pressure.mean);
      expect(m?.loadUp?.cov).toBe(r.pressure.cov);
      expect(m?.loadUp?.maxPressure).toBe(r.pressure.max);
      expect(m?.swollen?.within10).toBe(r.swelling?.pressure.within10);
      expect(m?.swollen?.boltForceMax).toBe(Math.max(...r.bolts.map((b) => b.forceAfterSwelling)));
      // the summary's safety factor is over both states: the least of the two states' here
      expect(Math.min(m?.loadUp?.safetyFactor ?? 0, m?.swollen?.safetyFactor ?? 0)).toBe(
        Math.min(...r.plates.map((p) => p.safetyFactor)),
      );
      // and the record of solveCase's result (a pool's or a queue's path) is the same record
      expect(drawRecordOfResult(plan.draw(i), r).draw.metrics).toEqual(m);
    }
  });

  it('a state out of balance or holding a NaN is refused, never reported', () => {
    const solver = new DrawSolver(session);
    const s = solver.solve(drawsOf(plan)[result.draws.findIndex((d) => d.status === 'ok')].input);
    expect(() => drawMaps(s.case, s.model, s.loadUp, s.swollen)).not.toThrow();
    const scaled = { ...s.loadUp, pressure: s.loadUp.pressure.map((p) => p.map((v) => 1.01 * v)) };
    expect(() => drawMaps(s.case, s.model, scaled, s.swollen)).toThrow(/force balance missed/);
    const nan = { ...s.loadUp, boltForce: s.loadUp.boltForce.map((f, b) => (b === 0 ? Number.NaN : f)) };
    expect(() => drawMaps(s.case, s.model, nan, s.swollen)).toThrow(ResultRefusedError);
  });

  it('the aggregator refuses a study with a draw missing or given twice', () => {
    const records: DrawRecord[] = drawsOf(plan).map((d) => failedDrawRecord(d, new Error('lost worker')));
    const all = aggregateDraws(plan, records, 0);
    expect(all.failed).toHaveLength(24);
    expect(all.distributions).toEqual({});
    expect(all.draws[5].error).toBe('lost worker');
    expect(() => aggregateDraws(plan, records.slice(1), 0)).toThrow(/draws 0 have no result/);
    expect(() => aggregateDraws(plan, [...records, records[3]], 0)).toThrow(/given twice/);
  });
});

describe('the draws of each random input', () => {
  it('thickness offsets are cut at ±3 sd and keep every layer at least 0.01 mm thick', () => {
    const c = coarseDefault();
    c.stack.cells.thickness = 0.05;
    c.stack.swelling = { type: 'none' };
    c.tolerances = { samples: 400, cellThickness: { sd: 0.2 }, padThickness: { sd: 0.5 } };
    const plan = planToleranceStudy(c);
    const cells = drawsOf(plan).map((d) => d.inputs.cellThicknessOffset as number);
    const pads = drawsOf(plan).map((d) => (d.inputs.padThicknessOffsets as number[])[0]);
    for (const o of cells) {
      expect(0.05 + o).toBeGreaterThanOrEqual(0.01);
      expect(Math.abs(o)).toBeLessThanOrEqual(0.6);
    }
    for (const o of pads) expect(Math.abs(o)).toBeLessThanOrEqual(1.5);
    // the cut at 0.01 mm bites on the cells (0.05 mm nominal, 0.2 mm sd) but not on the 3 mm pads
    expect(Math.min(...cells)).toBeGreaterThan(-0.04 - 1e-12);
    expect(Math.min(...pads)).toBeLessThan(-1);
    // the pads' offsets are a centred normal of sd 0.5 mm cut at ±3 sd (sd of the cut normal: 0.493)
    const mean = pads.reduce((s, v) => s + v, 0) / pads.length;
    const sd = Math.sqrt(pads.reduce((s, v) => s + (v - mean) ** 2, 0) / (pads.length - 1));
    expect(Math.abs(mean)).toBeLessThan(4 * (0.5 / Math.sqrt(400)));
    expect(sd).toBeGreaterThan(0.43);
    expect(sd).toBeLessThan(0.56);
  });

  it('map noise has the stated RMS over the map points, zero mean, and differs per draw', () => {
    const c = coarseDefault();
    const xs = [0, 37.5, 75, 112.5, 150];
    c.plates.top.flatness = { type: 'map', grid: { x: xs, y: xs, values: xs.map(() => xs.map(() => 5)) } };
    c.tolerances = { samples: 3, flatness: { mapNoise: { rms: 2, correlationLength: 40 } } };
    const plan = planToleranceStudy(c);
    const noises = drawsOf(plan).map((d) => {
      const f = d.input.plates.top.flatness as { grid: { values: number[][] } };
      return f.grid.values.flat().map((v) => v - 5);
    });
    for (const n of noises) {
      const mean = n.reduce((s, v) => s + v, 0) / n.length;
      expect(Math.abs(mean)).toBeLessThan(1e-9);
      expect(Math.sqrt(n.reduce((s, v) => s + v * v, 0) / n.length)).toBeCloseTo(2, 9);
    }
    expect(noises[1]).not.toEqual(noises[0]);
    expect(drawsOf(plan)[0].inputs.topMapNoiseSeed).toBeTypeOf('number');
    // the bottom plate's random face is redrawn too
    expect(drawsOf(plan)[0].inputs.bottomFlatnessSeed).not.toBe(drawsOf(plan)[1].inputs.bottomFlatnessSeed);
  });

  it('a case with explicit factors keeps them in every draw; its own uniform scatter is redrawn', () => {
    const c = coarseDefault();
    const factors = [1, 1.1, 0.9, 1, 1.05, 0.95, 1, 1];
    c.bolts.scatter = { type: 'factors', factors };
    const kept = planToleranceStudy(c, { samples: 3 });
    for (const d of drawsOf(kept)) {
      expect(d.input.bolts.scatter).toEqual({ type: 'factors', factors });
      expect(d.inputs.preloadFactors).toBeUndefined();
    }
    // the default case's ±3 % uniform scatter: every factor within it, and new per draw
    const own = planToleranceStudy(coarseDefault(), { samples: 3 });
    for (const d of drawsOf(own))
      for (const f of d.inputs.preloadFactors as number[]) expect(Math.abs(f - 1)).toBeLessThanOrEqual(0.03);
    expect(drawsOf(own)[0].inputs.preloadFactors).not.toEqual(drawsOf(own)[1].inputs.preloadFactors);
  });
});

describe('draws on demand', () => {
  it('share what they do not draw with the case and never change it', () => {
    const c = coarseDefault();
    const xs = [0, 75, 150];
    c.plates.top.flatness = { type: 'map', grid: { x: xs, y: xs, values: xs.map(() => xs.map(() => 3)) } };
    c.tolerances = { samples: 4, cellThickness: { sd: 0.05 }, padThickness: { sd: 0.1 } };
    const plan = planToleranceStudy(c);
    const d = plan.draw(2);
    const base = plan.checked.case;
    // the measured map without noise is the case's own object, not a copy per draw
    expect(d.input.plates.top.flatness).toBe(base.plates.top.flatness);
    expect(d.input.stack.cells.thickness).not.toBe(2);
    expect(base.stack.cells.thickness).toBe(2);
    expect(base.gaskets[0].thickness).toBe(3);
    expect(plan.draw(2)).toEqual(d);
    expect(() => plan.draw(4)).toThrow(/draws 0 to 3/);
    expect(() => plan.draw(-1)).toThrow(RangeError);
  });
});

describe('a cancelled study', () => {
  it('ends with ContactAbortedError instead of recording failed draws', () => {
    let calls = 0;
    expect(() =>
      runToleranceStudy(coarseDefault(), {
        samples: 3,
        // let the first draw solve, then cancel mid-way through the second
        shouldAbort: () => ++calls > 4,
      }),
    ).toThrow(/cancelled/);
    expect(calls).toBeGreaterThan(4);
  });
});

describe('a study with nothing random', () => {
  it('says so in its warnings, and every draw is the same case', () => {
    const c = coarseDefault();
    c.bolts.scatter = { type: 'none' };
    c.plates.top.flatness = { type: 'none' };
    c.plates.bottom.flatness = { type: 'bow', bow: 0.002 };
    const r = runToleranceStudy(c, { samples: 2 });
    expect(r.warnings?.some((w) => /nothing is random/.test(w))).toBe(true);
    expect(r.draws[1].metrics).toEqual(r.draws[0].metrics);
    expect(r.distributions.loadUp?.cov.std).toBe(0);
  });
});
