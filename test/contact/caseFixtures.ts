import { readFileSync } from 'node:fs';
import type { CaseInput } from '../../src/case/schema';

/** A cases/ file as an object to modify in a test. */
export function loadCase(name: string): CaseInput {
  return JSON.parse(readFileSync(new URL(`../../cases/${name}.json`, import.meta.url), 'utf8'));
}

/**
 * A doubly symmetric module: 120 × 120 mm plates, 80 × 80 mm footprint in the middle, 8 bolts
 * on a symmetric ring, no scatter, no flatness error. Mesh size `h` [mm].
 */
export function symmetricCase(h: number, overrides: Partial<CaseInput> = {}): CaseInput {
  const L = 120;
  const e = 10;
  const pos = [
    [e, e],
    [L / 2, e],
    [L - e, e],
    [L - e, L / 2],
    [L - e, L - e],
    [L / 2, L - e],
    [e, L - e],
    [e, L / 2],
  ].map(([x, y]) => ({ x, y }));
  return {
    name: 'symmetric',
    plates: {
      Lx: L,
      Ly: L,
      top: { thickness: 10, material: 'carbon-steel' },
      bottom: { thickness: 10, material: 'carbon-steel' },
    },
    stack: {
      footprint: { width: 80, depth: 80 },
      cells: { count: 4, thickness: 2, law: { type: 'linear', modulus: 5000 } },
    },
    bolts: { diameter: 8, material: '10.9', washerDiameter: 14, positions: pos, preload: { force: 4000 } },
    mesh: { size: h },
    ...overrides,
  };
}
