import { describe, expect, it } from 'vitest';
import { checkCase } from '../../src/case/checkCase';
import { buildModel } from '../../src/model/buildModel';
import { gapBasis, structureKey, writeDrawLoads } from '../../src/tolerance/drawGaps';
import { planToleranceStudy } from '../../src/tolerance/toleranceStudy';
import { type CaseJson, coarseDefault } from './studyCases';

/** Stacks whose gaps are not all zero with flat faces: a frame pad on top only, interleaf plates, a rigid base. */
const stacks: [string, (c: CaseJson) => void][] = [
  ['the default stack (pads on both faces)', () => {}],
  [
    'a frame pad on the top face only, two interleaf plates',
    (c) => {
      c.gaskets = [
        {
          side: 'top',
          region: { type: 'frame', width: 12 },
          thickness: 2,
          law: { type: 'shore', hardness: 60 },
        },
      ];
      c.stack.interleaf = { every: 2, thickness: 3, material: 'al-6061-t6' };
      c.stack.swelling = { type: 'none' };
    },
  ],
  [
    'a rigid base with a random face and a rectangle pad on the bottom',
    (c) => {
      c.plates.bottom = { rigid: true, flatness: { type: 'random', rms: 6, correlationLength: 25, seed: 4 } };
      c.gaskets = [
        {
          side: 'bottom',
          region: { type: 'rect', x0: 40, y0: 40, x1: 90, y1: 80 },
          thickness: 1,
          law: { type: 'shore', hardness: 50 },
        },
      ];
    },
  ],
];

describe("a draw's gaps and preloads without its model", () => {
  it.each(stacks)('are buildModel’s, bit for bit: %s', (_name, edit) => {
    const c = coarseDefault();
    edit(c);
    const plan = planToleranceStudy(c, { samples: 4, seed: 8 });
    const cases = [0, 1, 2, 3].map((i) => checkCase(plan.draw(i).input).case);
    const basis = gapBasis(cases[0]);
    const shared = buildModel(cases[0]).problem;
    for (const d of cases.slice(1)) {
      expect(structureKey(d)).toBe(structureKey(cases[0]));
      writeDrawLoads(basis, d, shared);
      const own = buildModel(d).problem;
      own.interfaces.forEach((itf, k) => {
        expect(Array.from(shared.interfaces[k].gap)).toEqual(Array.from(itf.gap));
      });
      expect(shared.bolts.map((b) => b.preload)).toEqual(own.bolts.map((b) => b.preload));
      // the draws differ: the gaps are not the first draw's
      expect(Array.from(own.interfaces[0].gap)).not.toEqual(
        Array.from(buildModel(cases[0]).problem.interfaces[0].gap),
      );
    }
  });

  it('a thickness draw has another structure', () => {
    const c = coarseDefault();
    c.tolerances = { cellThickness: { sd: 0.01 } };
    const plan = planToleranceStudy(c, { samples: 2 });
    const [a, b] = [0, 1].map((i) => checkCase(plan.draw(i).input).case);
    expect(structureKey(a)).not.toBe(structureKey(b));
  });
});
