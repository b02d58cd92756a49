import { describe, expect, it } from 'vitest';
import { swellingSweep } from '../../src/analysis/swellingSweep';
import { solveCase } from '../../src/solveCase';
import { loadCase } from './caseFixtures';

describe('mesh refinement', () => {
  it('mean and max cell pressure change < 1 % between the two finest meshes (4, 2, 1 mm)', () => {
    const results = [4, 2, 1].map((h) => {
      const c = loadCase('fig5b-springs-gaskets');
      c.mesh = { size: h };
      return solveCase(c).pressure;
    });
    const [, fine, finest] = results;
    expect(Math.abs(finest.mean - fine.mean) / finest.mean).toBeLessThan(0.01);
    expect(Math.abs(finest.max - fine.max) / finest.max).toBeLessThan(0.01);
    // and the change shrinks with refinement
    expect(Math.abs(finest.max - fine.max)).toBeLessThan(Math.abs(fine.max - results[0].max));
  });
});

describe('pressure against swelling (0–30 µm per cell)', () => {
  const growths = [0, 10, 20, 30];
  const coarse = (name: string) => {
    const c = loadCase(name);
    c.mesh = { size: 4 };
    return swellingSweep(c, growths);
  };
  const stiff = coarse('fig5b-gaskets');
  const sprung = coarse('fig5b-springs-gaskets');

  it('the mean pressure rises monotonically as the locked stack swells', () => {
    for (const sweep of [stiff, sprung])
      for (let i = 1; i < sweep.length; i++)
        expect(sweep[i].meanPressure).toBeGreaterThan(sweep[i - 1].meanPressure);
  });

  it('springs hold the force nearly constant: < 10 % rise where bare bolts more than double', () => {
    const rise = (s: typeof stiff) => s[s.length - 1].boltForce / s[0].boltForce - 1;
    expect(rise(sprung)).toBeLessThan(0.1);
    expect(rise(stiff)).toBeGreaterThan(1);
  });

  it('the bolt force rise with springs matches the series stiffness estimate within 5 %', () => {
    // stiff plates would give ΔF = Δ·K_s·K_b/(K_s + K_b); with springs K_b ≪ K_s, so ΔF ≈ n·k·Δ
    const c = loadCase('fig5b-springs-gaskets');
    const r = solveCase({ ...c, mesh: { size: 4 } });
    const nk = r.bolts.length * r.boltStiffness.total;
    const dF = sprung[sprung.length - 1].boltForce - sprung[0].boltForce;
    const delta = 6 * 0.03; // 6 cells × 30 µm
    expect(dF / (nk * delta)).toBeLessThan(1);
    expect(dF / (nk * delta)).toBeGreaterThan(0.95);
  });
});
