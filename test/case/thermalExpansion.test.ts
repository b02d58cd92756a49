import { describe, expect, it } from 'vitest';
import { boltMaterials, plateMaterials } from '../../src/case/materials';
import { plateMaterialSchema } from '../../src/case/schema';
import { boltAlpha, DEFAULT_CELL_ALPHA, plateAlpha, SPRING_ALPHA } from '../../src/case/thermalExpansion';
import { InputError } from '../../src/validation/parseInput';

/**
 * The handbook numbers, held here independently of the module: EN 1993-1-1 §3.2.6 (steel 12e-6),
 * ASM mean 0–100 °C for 304 (17.3e-6), Aluminum Association typical 20–100 °C for 6061-T6 and 7075-T6
 * (23.6e-6), Ti-6Al-4V mill data 20–100 °C (8.6e-6). Exact equality: they are tabulated values.
 */
const handbookPlate = {
  'carbon-steel': 12e-6,
  'stainless-304': 17.3e-6,
  'al-6061-t6': 23.6e-6,
  'al-7075-t6': 23.6e-6,
  'ti-6al-4v': 8.6e-6,
} as const;
const handbookBolt = {
  '8.8': 12e-6,
  '10.9': 12e-6,
  '12.9': 12e-6,
  'A2-70': 17.3e-6,
  'ti-6al-4v': 8.6e-6,
} as const;

describe('thermal expansion coefficients', () => {
  it('every plate preset has its handbook α', () => {
    for (const name of Object.keys(plateMaterials) as (keyof typeof plateMaterials)[]) {
      expect(plateAlpha(name)).toBe(handbookPlate[name]);
    }
  });

  it('every bolt material has its handbook α', () => {
    for (const name of Object.keys(boltMaterials) as (keyof typeof boltMaterials)[]) {
      expect(boltAlpha(name)).toBe(handbookBolt[name]);
    }
  });

  it('springs are spring steel; the cell default is the Li-ion pouch figure 1.1 µm/K over 6.4 mm', () => {
    expect(SPRING_ALPHA).toBe(12e-6);
    // 1.1e-6 m/K / 6.4e-3 m = 1.72e-4 /K, rounded to two figures
    expect(Math.abs(DEFAULT_CELL_ALPHA - 1.1e-6 / 6.4e-3)).toBeLessThan(0.05e-4);
  });

  it('aluminium plates on steel bolts: the plate grows more than the bolt when warmed', () => {
    // 40 mm of Al-6061 plates in a 40 mm grip, ΔT = +30 K: (23.6 − 12)e-6 × 40 × 30 = 0.01392 mm of extra squeeze
    const grip = 40;
    const dT = 30;
    const mismatch = (plateAlpha('al-6061-t6') - boltAlpha('8.8')) * grip * dT;
    expect(mismatch).toBeCloseTo(0.01392, 8);
  });

  it('a custom material uses its own alpha and refuses a thermal load without one, naming the field', () => {
    const custom = plateMaterialSchema.parse({
      E: 70_000,
      nu: 0.3,
      density: 2700,
      yield: 200,
      alpha: 2.2e-5,
    });
    expect(plateAlpha(custom)).toBe(2.2e-5);
    const without = plateMaterialSchema.parse({ E: 70_000, nu: 0.3, density: 2700, yield: 200 });
    expect(() => plateAlpha(without, 'plates.top.material')).toThrow(InputError);
    expect(() => plateAlpha(without, 'plates.top.material')).toThrow(
      /plates\.top\.material\.alpha: required/,
    );
  });

  it('the schema bounds alpha: ppm/K typed as 1/K is refused', () => {
    const r = plateMaterialSchema.safeParse({ E: 70_000, nu: 0.3, density: 2700, yield: 200, alpha: 23 });
    expect(r.success).toBe(false);
    const neg = plateMaterialSchema.safeParse({
      E: 70_000,
      nu: 0.3,
      density: 2700,
      yield: 200,
      alpha: -1e-6,
    });
    expect(neg.success).toBe(false);
  });
});
