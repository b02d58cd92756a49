import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCase } from '../../src/case/checkCase';
import type { CaseInput } from '../../src/case/schema';
import { buildModel } from '../../src/model/buildModel';
import { solveCase } from '../../src/solveCase';
import {
  confinementFactor,
  constrainedModulusRatio,
  decayRateTimesThickness,
  EdgeLayerField,
  edgeModulusRatio,
} from '../../src/stack/cellConfinement';
import { InputError } from '../../src/validation/parseInput';
import { symmetricCase } from '../contact/caseFixtures';
import {
  blockCase,
  type CcxRun,
  FAR,
  interpolate,
  LEVEL,
  runStackpress,
  W,
} from '../reference/cellConfinement';

// The CalculiX numbers written by `npx tsx test/reference/cellConfinement.ts ccx` (see its .md).
const reference = JSON.parse(
  readFileSync(new URL('../reference/cellConfinement.json', import.meta.url), 'utf8'),
) as { runs: CcxRun[] };
const tabulated = reference.runs.filter((r) => r.level === LEVEL);

/** q at one point (x, y) [mm from the centre]. */
const qAt = (f: EdgeLayerField, x: number, y: number) => f.at([x], [y], [0], [0])[0];

describe('thin-layer closed form', () => {
  it('ν = 0: no correction anywhere', () => {
    for (const q of [0, 0.3, 1]) expect(confinementFactor(0, q)).toBe(1);
  });

  it('thin wide layer: the interior carries the constrained modulus M = E(1−ν)/((1+ν)(1−2ν)), a straight edge 1/(1−ν²)', () => {
    const nu = 0.3;
    const f = new EdgeLayerField(nu, 1, 200, 300); // h/W = 1/200
    // the centre is 100 h from every edge: e^(−185) of edge influence
    const centre = confinementFactor(nu, qAt(f, 0, 0));
    expect(centre).toBeCloseTo(0.7 / (1.3 * 0.4), 12);
    expect(constrainedModulusRatio(nu)).toBeCloseTo(0.7 / 0.52, 14);
    // mid-edge, far from the corners
    expect(confinementFactor(nu, qAt(f, 100, 0))).toBeCloseTo(1 / (1 - 0.09), 3);
    expect(edgeModulusRatio(nu)).toBeCloseTo(1 / 0.91, 14);
  });

  it('long rectangle: the series reduces to the infinite strip, q = cosh(γx)/cosh(γb)', () => {
    // independent closed form of ∇²q = γ²q, q(±b) = 1; D = 50 W leaves the centre line 25 W from the ends
    const nu = 0.3;
    const h = 2;
    const b = 10;
    const g = decayRateTimesThickness(nu) / h;
    const f = new EdgeLayerField(nu, h, 2 * b, 100 * b);
    for (const x of [0, 3, 6, 8, 9, 9.5, 10]) {
      const strip = Math.cosh(g * x) / Math.cosh(g * b);
      // the series' truncation is bounded by 1e-3 (the module's choice of terms)
      expect(Math.abs(qAt(f, x, 0) - strip)).toBeLessThan(1e-3);
    }
    // and γh: √(6(1−2ν)/(1−ν)) = √(12G/M)
    const G = 1 / (2 * 1.3);
    expect(decayRateTimesThickness(nu)).toBeCloseTo(Math.sqrt((12 * G) / constrainedModulusRatio(nu)), 12);
  });

  it('ν → 1/2: the lubrication theory of a bonded incompressible strip, p = Gε₀(4 + 6(b² − x²)/h²)', () => {
    // Gent & Meinecke's parabola plus the plane-strain edge term 4G; b = h keeps γb = 0.05 small,
    // so the compressible model's cosh is within 0.1 % of the parabola
    const nu = 0.4999;
    const h = 1;
    const b = 1;
    const f = new EdgeLayerField(nu, h, 2 * b, 400 * b);
    const G = 1 / (2 * (1 + nu));
    for (const x of [0, 0.5, 0.9]) {
      const lubrication = G * (4 + (6 * (b * b - x * x)) / (h * h));
      expect(confinementFactor(nu, qAt(f, x, 0)) / lubrication).toBeCloseTo(1, 2); // 1 %
    }
  });

  it('a thin layer on a wide footprint: the same corner field, few terms, no NaN', () => {
    // γ = 1.85/mm: the 400 mm and the 40 m footprints are both far wider than the edge layer, so a
    // point at the same distance from a corner must see the same q
    const near = new EdgeLayerField(0.3, 1, 400, 400);
    const far = new EdgeLayerField(0.3, 1, 40_000, 40_000);
    for (const [dx, dy] of [
      [0, 0.5],
      [0.5, 0.5],
      [1, 3],
      [4, 2],
      [50, 50],
    ]) {
      const a = qAt(near, 200 - dx, 200 - dy);
      const b = qAt(far, 20_000 - dx, 20_000 - dy);
      expect(Number.isFinite(b)).toBe(true);
      expect(Math.abs(a - b)).toBeLessThan(1e-9);
    }
    // a 10 µm layer under a 5 m footprint
    const film = new EdgeLayerField(0.3, 0.01, 5000, 5000);
    for (const x of [0, 2499.99, 2500]) expect(Number.isFinite(qAt(film, x, 2499.995))).toBe(true);
  });

  it('the square: q is symmetric and lies in [0, 1], 1 on the edge', () => {
    const f = new EdgeLayerField(0.3, 4, 40, 40);
    expect(qAt(f, 20, 7)).toBeCloseTo(1, 12);
    expect(qAt(f, 7, 20)).toBeCloseTo(1, 12);
    expect(qAt(f, 13, 5)).toBeCloseTo(qAt(f, 5, 13), 3);
    for (const x of [0, 5, 10, 15, 19, 20])
      for (const y of [0, 10, 19.5]) {
        const q = qAt(f, x, y);
        expect(q).toBeGreaterThanOrEqual(0);
        expect(q).toBeLessThanOrEqual(1);
      }
  });
});

describe('stack.cells.confinement in the case', () => {
  const withConfinement = (conf: unknown, law: unknown = { type: 'linear', modulus: 10 }) => {
    const c = blockCase(0.1, 2) as { stack: { cells: Record<string, unknown> } };
    c.stack.cells.law = law;
    c.stack.cells.confinement = conf;
    return c;
  };

  it('absent, none and ν = 0 give bit-identical results', () => {
    const absent = solveCase(blockCase(0.1, 2));
    const none = solveCase(withConfinement({ type: 'none' }));
    const zero = solveCase(withConfinement({ type: 'bonded', poisson: 0 }));
    for (const r of [none, zero]) {
      expect(r.fields.model.problem.laws.length).toBe(absent.fields.model.problem.laws.length);
      expect(Array.from(r.fields.loadUp.pressure[0])).toEqual(Array.from(absent.fields.loadUp.pressure[0]));
    }
  });

  it('a tabulated cell law with bonded confinement is an input error naming the field', () => {
    const table = { type: 'table', strain: [0, 0.01, 0.02], pressure: [0, 1, 3] };
    expect(() => checkCase(withConfinement({ type: 'bonded' }, table))).toThrow(InputError);
    expect(() => checkCase(withConfinement({ type: 'bonded' }, table))).toThrow(
      /stack\.cells\.confinement.*linear/,
    );
    expect(() => checkCase(withConfinement({ type: 'none' }, table))).not.toThrow();
  });

  it("refuses ν outside [0, 0.49], naming field and range; defaults ν 0.3 and layer 'stack'", () => {
    for (const poisson of [0.5, -0.1, Number.NaN])
      expect(() => checkCase(withConfinement({ type: 'bonded', poisson }))).toThrow(
        /stack\.cells\.confinement\.poisson.*0\.49/,
      );
    const c = checkCase(withConfinement({ type: 'bonded' })).case;
    expect(c.stack.cells.confinement).toEqual({ type: 'bonded', poisson: 0.3, layer: 'stack' });
  });

  it('keeps laws few with pads and interleaf plates: at most 17 levels per pad column and interface', () => {
    const base = symmetricCase(4);
    const c: CaseInput = {
      ...base,
      stack: {
        ...base.stack,
        cells: { ...base.stack.cells, confinement: { type: 'bonded', poisson: 0.3, layer: 'stack' } },
        interleaf: { every: 2, thickness: 2, material: 'al-6061-t6' },
      },
      gaskets: [
        {
          side: 'top',
          region: { type: 'frame', width: 10 },
          thickness: 1,
          law: { type: 'shore', hardness: 50 },
        },
      ],
    };
    const plain = buildModel(checkCase(base).case);
    const m = buildModel(checkCase(c).case);
    expect(m.problem.laws.length).toBeGreaterThan(plain.problem.laws.length);
    // 2 interfaces; the top one has two pad columns (frame, bare)
    expect(m.problem.laws.length).toBeLessThanOrEqual(3 * 17);
    const r = solveCase(c);
    expect(r.balance.relResidual).toBeLessThan(1e-9);
    expect(Number.isFinite(r.pressure.mean)).toBe(true);
  });
});

describe('against CalculiX: a bonded block between rigid platens (test/reference/cellConfinement.md)', () => {
  // stackpress at 1 mm (the mesh study in the .md: force within 0.3 % of the 0.5 mm value)
  const size = 1;

  it.each(tabulated.map((r) => [r.poisson, r.aspect, r] as const))(
    'ν %s, H/W %s: total force within 2 %, centre-line pressure within 5 % (6 % at H/W = 0.2) of the centre pressure beyond 0.75 H from the edge',
    (nu, aspect, ref) => {
      const s = runStackpress(blockCase(aspect, size, { type: 'bonded', poisson: nu, layer: 'stack' }));
      // the plate stayed flat: the closure is uniform to 2e-4, so c̄ is the platen closure
      expect(s.closureSpread).toBeLessThan(2e-4);
      expect(Math.abs(s.force / ref.force - 1)).toBeLessThan(0.02);
      const centre = ref.p[0];
      const tol = aspect <= 0.1 ? 0.05 : 0.06;
      let compared = 0;
      for (let i = 0; i < s.x.length; i++) {
        if (W / 2 - s.x[i] < FAR * ref.height) continue; // the bonded corner's singularity and the dip before it
        expect(Math.abs(s.p[i] - interpolate(ref.x, ref.p, s.x[i])) / centre).toBeLessThan(tol);
        compared++;
      }
      expect(compared).toBeGreaterThan(10);
      // without the correction the block is as stiff as E: short of CalculiX by its whole confinement
      const none = runStackpress(blockCase(aspect, size));
      expect(none.force).toBeCloseTo(1, 6);
      expect(Math.abs(none.force / ref.force - 1)).toBeGreaterThan(0.07);
    },
  );

  it("layer 'cell': two bonded cells of H/W 0.05 each are two CalculiX blocks of H/W 0.05 in series", () => {
    // each cell is held at both faces, so it carries the force of the 0.05 block at half the closure:
    // the normalised force F/(E·c̄/H·W·D) is that block's
    const ref = tabulated.find((r) => r.poisson === 0.3 && r.aspect === 0.05)!;
    const s = runStackpress(blockCase(0.1, size, { type: 'bonded', poisson: 0.3, layer: 'cell' }, 2));
    expect(Math.abs(s.force / ref.force - 1)).toBeLessThan(0.02);
    const stack = runStackpress(blockCase(0.1, size, { type: 'bonded', poisson: 0.3, layer: 'stack' }, 2));
    expect(s.force).toBeGreaterThan(stack.force);
  });
});
