import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatePlatesOnlyModule } from '../../src/module/platesOnlyMode';
import { crossingPressure } from '../../src/module/sweep';
import { runCliCaptured, scratch } from '../cli/cliHarness';
import { lobberding2020 } from '../reference/literature';

const at = (systemKWh: number, pressureMPa: number) => evaluatePlatesOnlyModule({ systemKWh, pressureMPa });
// the Li-ion module lines Tan et al. compare with (Löbberding et al. 2020)
const LIB_MASS = lobberding2020.massEfficiency;
const LIB_VOLUME = lobberding2020.volumeEfficiency;

// Tan et al.'s three results themselves are asserted in seedClaims.test.ts; this file checks the mechanics.
describe('plates-only mode (Tan et al. Fig 5d–f)', () => {
  it('computes one point by hand: 10 kWh at 5 MPa, defaults', () => {
    // 360 Wh/kg, 932 Wh/L; 100 × 300 mm steel plates, simply supported, a/b = 3 → α = 0.1335; L = b = 100 mm.
    const t = Math.cbrt((0.1335 * 5 * 100 ** 4 * 500) / (200_000 * 100));
    const plateL = (2 * 100 * 300 * t) / 1e6;
    const cellsKg = 10_000 / 360;
    const cellsL = 10_000 / 932;
    const r = at(10, 5);
    expect(r.plate.thicknessMm).toBeCloseTo(t, 9);
    expect(r.massEfficiency).toBeCloseTo(cellsKg / (cellsKg + plateL * 7.85), 9);
    expect(r.volumeEfficiency).toBeCloseTo(cellsL / (cellsL + plateL), 9);
  });

  it('a plate margin widens the plate and its span: 80 × 240 footprint, 10 mm margin, 2 MPa by hand', () => {
    // Plate 100 × 260 mm, a/b = 2.6: α = 0.1110 + 0.6 × (0.1335 − 0.1110) = 0.1245; L = b = 100 mm.
    const t = Math.cbrt((0.1245 * 2 * 100 ** 4 * 500) / (200_000 * 100));
    const plateL = (2 * 100 * 260 * t) / 1e6;
    const r = evaluatePlatesOnlyModule({
      systemKWh: 5,
      pressureMPa: 2,
      footprintWidthMm: 80,
      footprintLengthMm: 240,
      plateMarginMm: 10,
    });
    expect(r.plate.thicknessMm).toBeCloseTo(t, 9);
    expect(r.parts[0].volumeL).toBeCloseTo(plateL, 9);
    expect(r.volumeEfficiency).toBeCloseTo(5000 / 932 / (5000 / 932 + plateL), 9);
    // the stack still fills the footprint, not the plate: 5.365 L over 80 × 240 mm
    expect(r.stack.stackHeightMm).toBeCloseTo(((5000 / 932) * 1e6) / (80 * 240), 6);
  });

  it('a zero margin is the plate of the footprint', () => {
    const a = at(10, 7);
    const b = evaluatePlatesOnlyModule({ systemKWh: 10, pressureMPa: 7, plateMarginMm: 0 });
    expect(b.massEfficiency).toBe(a.massEfficiency);
    expect(b.volumeEfficiency).toBe(a.volumeEfficiency);
  });

  it('reports the crossing pressure of each curve with the Löbberding et al. LIB line', () => {
    const evaluate = (s: number, p: number) => at(s, p);
    const range = { minMPa: 1, maxMPa: 100 };
    const c10 = crossingPressure(evaluate, 10, 'massEfficiency', range);
    expect(c10.status).toBe('crosses');
    expect(c10.reference).toBe(LIB_MASS);
    expect(c10.pressureMPa!).toBeGreaterThan(5);
    expect(at(10, c10.pressureMPa!).massEfficiency).toBeCloseTo(LIB_MASS, 9);
    const c20 = crossingPressure(evaluate, 20, 'massEfficiency', range);
    expect(c20.pressureMPa!).toBeGreaterThan(c10.pressureMPa!);
    const v1 = crossingPressure(evaluate, 1, 'volumeEfficiency', range);
    expect(v1.status).toBe('always-below');
    expect(v1.reference).toBe(LIB_VOLUME);
    expect(crossingPressure(evaluate, 1, 'massEfficiency', range).status).toBe('always-below');
    expect(crossingPressure(evaluate, 10, 'volumeEfficiency', range).status).toBe('always-above');
  });

  it('a clamped edge or a laxer limit gives thinner plates', () => {
    const base = at(10, 10).plate.thicknessMm;
    expect(
      evaluatePlatesOnlyModule({ systemKWh: 10, pressureMPa: 10, edge: 'clamped' }).plate.thicknessMm,
    ).toBeLessThan(base);
    expect(
      evaluatePlatesOnlyModule({ systemKWh: 10, pressureMPa: 10, deflectionLimit: 240 }).plate.thicknessMm,
    ).toBeLessThan(base);
  });

  it('rejects bad input naming field, value and unit', () => {
    expect(() => evaluatePlatesOnlyModule({ systemKWh: 10, pressureMPa: -1 })).toThrow(/pressureMPa: -1 MPa/);
    expect(() => evaluatePlatesOnlyModule({ systemKWh: 10, pressureMPa: 5, plateMarginMm: -1 })).toThrow(
      /plateMarginMm: -1 mm — must be >= 0 and <= 1000/,
    );
    expect(() => evaluatePlatesOnlyModule({ systemKWh: 10, pressureMPa: 5, plateMarginMm: 1e6 })).toThrow(
      /plateMarginMm: 1000000 mm/,
    );
    expect(() =>
      evaluatePlatesOnlyModule({ systemKWh: 10, pressureMPa: 5, plateMarginMm: Number.NaN }),
    ).toThrow(/plateMarginMm: NaN mm — must be a finite number/);
    expect(() =>
      evaluatePlatesOnlyModule({ systemKWh: 10, pressureMPa: 5, plateMarginMm: '5' as unknown as number }),
    ).toThrow(/plateMarginMm: "5" — must be a number in mm/);
  });

  it('stackpress module --plates-only --plate-margin: the CSV is the margin model; a bad margin exits 2, writing nothing', async () => {
    const dir = await scratch();
    try {
      const out = join(dir, 'm');
      const args = [
        'module',
        '--plates-only',
        '--systems',
        '10',
        '--p-min',
        '1',
        '--p-max',
        '5',
        '--points',
        '2',
      ];
      const ok = await runCliCaptured([...args, '--plate-margin', '5', '--out', out]);
      expect(ok.code, ok.stderr).toBe(0);
      const rows = readFileSync(join(out, 'efficiency.csv'), 'utf8').trim().split('\n').slice(1);
      const at5 = rows.map((l) => l.split(',').map(Number)).find((r) => r[1] === 5)!;
      // 110 × 310 mm plates, a/b = 2.818: α = 0.1110 + 0.818 × 0.0225 = 0.12941; L = b = 110 mm
      const alpha = 0.111 + (310 / 110 - 2) * (0.1335 - 0.111);
      const t = Math.cbrt((alpha * 5 * 110 ** 4 * 500) / (200_000 * 110));
      const cellsKg = 10_000 / 360;
      expect(at5[2]).toBeCloseTo(cellsKg / (cellsKg + (2 * 110 * 310 * t * 7.85) / 1e6), 8);
      expect(at5[4]).toBeCloseTo(t, 6);
      for (const bad of ['-1', 'abc', '1e400', '2000']) {
        const badOut = join(dir, `bad${bad}`);
        const r = await runCliCaptured([...args, '--plate-margin', bad, '--out', badOut]);
        expect(r.code, bad).toBe(2);
        expect(r.stderr, bad).toMatch(/--plate-margin|plateMarginMm/);
        expect(existsSync(badOut), bad).toBe(false);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
