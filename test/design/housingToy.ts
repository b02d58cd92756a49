import type { Design, SearchSpace } from '../../src/design/searchSpace';

/**
 * A toy with the shape of the housing problem: a bolt count, a plate material and a pad grade,
 * 25 × 4 × 10 = 1000 designs. Mass grows with bolts and pads; the CoV falls with bolts × plate
 * stiffness and has a best pad grade (too soft a pad or too hard a pad both spread the pressure
 * unevenly). Minimise mass subject to CoV ≤ 0.10.
 */
export const toySpace: SearchSpace = {
  bolts: { kind: 'int', lo: 2, hi: 26 },
  material: { kind: 'choice', values: ['steel', 'aluminium', 'titanium', 'cfrp'] },
  pad: { kind: 'int', lo: 0, hi: 9 },
};

const plate: Record<string, { mass: number; stiffness: number }> = {
  steel: { mass: 3.0, stiffness: 2.0 },
  aluminium: { mass: 1.3, stiffness: 0.9 },
  titanium: { mass: 1.9, stiffness: 1.3 },
  cfrp: { mass: 1.1, stiffness: 1.6 },
};

export const COV_LIMIT = 0.1;

/** [mass, CoV] and the margin CoV limit − CoV. */
export function toyHousing(d: Design): { objectives: [number, number]; constraints: [number] } {
  const bolts = d.bolts as number;
  const pad = d.pad as number;
  const p = plate[d.material as string];
  const mass = p.mass + 0.08 * bolts + 0.05 * pad;
  const cov = 0.04 + 1.2 / (bolts * p.stiffness) + 0.004 * (pad - 5) ** 2;
  return { objectives: [mass, cov], constraints: [COV_LIMIT - cov] };
}

/** The least mass with CoV ≤ limit, by the test's own enumeration of all 1000 designs. */
export function toyOptimum(): { mass: number; design: Design; count: number } {
  let best = { mass: Number.POSITIVE_INFINITY, design: {} as Design, count: 0 };
  for (let bolts = 2; bolts <= 26; bolts++)
    for (const material of Object.keys(plate))
      for (let pad = 0; pad <= 9; pad++) {
        best.count++;
        const r = toyHousing({ bolts, material, pad });
        if (r.constraints[0] >= 0 && r.objectives[0] < best.mass)
          best = { mass: r.objectives[0], design: { bolts, material, pad }, count: best.count };
      }
  return best;
}
