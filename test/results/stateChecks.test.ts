import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withPath } from '../../src/case/variants';
import { boltProofLoad, ResultRefusedError } from '../../src/results/stateChecks';
import { solveCase } from '../../src/solveCase';

/**
 * A result is valid or it is refused. These cases solve, but their states are physically
 * impossible (ResultRefusedError, which the CLI reports as a failed case, exit 1) or doubtful
 * (a warning naming the quantity, the value and the limit). Coarse 10 mm meshes keep them quick;
 * each limit is crossed by a wide margin computed by hand below, so mesh error cannot decide.
 */
const load = (name: string) =>
  withPath(
    JSON.parse(readFileSync(join(import.meta.dirname, '../../cases', `${name}.json`), 'utf8')),
    'mesh',
    {
      size: 10,
    },
  );
const bare = load('fig5b-none');
const springs = load('fig5b-springs');
const refusal = (raw: unknown) => {
  try {
    solveCase(raw);
  } catch (e) {
    expect(e).toBeInstanceOf(ResultRefusedError);
    return (e as Error).message;
  }
  throw new Error('the case solved; it should have been refused');
};

describe('physically impossible states are refused, naming the field', () => {
  it('a bolt beyond its proof load after swelling', () => {
    // 6 cells × 0.1 mm locked between the plates: 0.05 mm per cell already takes the worst bolt to
    // about 92 % of the 34.4 kN proof load of an M8 10.9 (940 MPa × 36.6 mm²); twice that is far beyond
    const msg = refusal(withPath(bare, 'stack.swelling', { type: 'thickness', value: 0.1 }));
    expect(boltProofLoad(bare as never)).toBeCloseTo(940 * 36.6, 6);
    expect(msg).toMatch(
      /bolts\.positions\[\d\]: tension \d+ N \(after swelling\) — beyond the bolt's 34404 N proof load/,
    );
  });

  it('a bolt gone slack when the cells shrink', () => {
    // 0.12 mm of shrinkage: 0.05 mm per cell of growth adds about 190 kN, so 0.02 mm of shrinkage
    // takes away far more than the 50 kN of preload
    const msg = refusal(withPath(bare, 'stack.swelling', { type: 'thickness', value: -0.02 }));
    expect(msg).toMatch(/bolts\.positions\[\d\]: tension -?\d+ N \(after swelling\) — the bolt goes slack/);
  });

  it('springs pushed to solid length by swelling', () => {
    // the springs (4 × 10 kN/mm in series: 2500 N/mm per bolt) are the softest part: 1.5 mm of growth
    // adds close to 1.5 mm × 2500 N/mm = 3.75 kN per bolt, so each spring would close about 1 mm of
    // its 0.9 mm travel
    const msg = refusal(withPath(springs, 'stack.swelling', { type: 'thickness', value: 0.25 }));
    expect(msg).toContain('bolts.springs: compressed');
    expect(msg).toContain('at or past solid length (travel 0.90 mm');
  });

  it('a pad squeezed to zero thickness', () => {
    // a measured table that reaches 0.4 MPa at 0.5 mm, extended with its slope: 5 MPa needs 6 mm of a 1 mm pad
    const padded = withPath(bare, 'gaskets', [
      { side: 'top', thickness: 1, law: { type: 'table', closure: [0, 0.5], pressure: [0, 0.4] } },
    ]);
    expect(refusal(padded)).toMatch(/gaskets\[0\]: compressed \d+\.\d % of its 1 mm thickness/);
  });

  it('a cell squeezed to zero thickness', () => {
    // a linear cell law of 3 MPa modulus under 5 MPa of nominal pressure would be strained 167 %
    const soft = withPath(bare, 'stack.cells.law', { type: 'linear', modulus: 3 });
    expect(refusal(soft)).toMatch(/stack\.cells: compressed \d+\.\d % of its 2 mm thickness/);
  });
});

describe('warnings name the quantity, the value and the limit', () => {
  it('a dead zone: contact below 95 % of the footprint', () => {
    const r = solveCase(bare);
    expect(r.pressure.contactFraction).toBeLessThan(0.95);
    const w = r.warnings.find((x) => x.startsWith('contact area'));
    expect(w).toContain(
      `${(100 * r.pressure.contactFraction).toFixed(1)} % of the cell footprint — below 95.0 %`,
    );
  });

  it('no warning on a housing in full contact inside every limit', () => {
    const r = solveCase(load('fig5b-springs-gaskets'));
    expect(r.pressure.contactFraction).toBeGreaterThan(0.95);
    expect(r.warnings).toEqual([]);
  });

  it('a thin plate: low safety factor and deflection beyond half its thickness', () => {
    // a 3 mm steel plate spanning 125 mm between bolt rows under 5 MPa bends millimetres (≫ 1.5 mm)
    // and its bending stress q a²/t² is in the GPa range (≫ 355/1.5 MPa)
    const thin = withPath(withPath(bare, 'plates.top.thickness', 3), 'plates.bottom.thickness', 3);
    const r = solveCase(withPath(thin, 'bolts.preload', { force: 2000 }));
    const sf = r.warnings.find((x) => x.startsWith('top plate safety factor'));
    expect(sf).toMatch(
      /top plate safety factor: \d\.\d\d \(von Mises \d+ MPa against 355 MPa yield\) — below 1\.5/,
    );
    const bend = r.warnings.find((x) => x.startsWith('top plate bending deflection'));
    expect(bend).toMatch(/above half its 3 mm thickness/);
  });

  it('a bolt above 90 % of its proof load after swelling', () => {
    // the swelling that puts the worst bolt between 90 % (31.0 kN) and 100 % (34.4 kN) of proof
    const r = solveCase(withPath(bare, 'stack.swelling', { type: 'thickness', value: 0.053 }));
    const proof = 940 * 36.6;
    const Fmax = Math.max(...r.bolts.map((b) => b.forceAfterSwelling));
    expect(Fmax).toBeGreaterThan(0.9 * proof);
    expect(Fmax).toBeLessThan(proof);
    expect(r.warnings.join('\n')).toMatch(
      /bolt tension \(bolts\.positions\[\d\], after swelling\): \d+ N — above 90\.0 % of its 34404 N proof load/,
    );
  });

  it('a pad strained beyond its law', () => {
    // unbonded Shore 80 (E ≈ 9.35 MPa by Gent) under about 5 MPa: ≈ 50 % strain, beyond the 15 % the
    // small-strain law holds for, short of zero thickness
    const padded = withPath(bare, 'gaskets', [
      { side: 'top', thickness: 2, law: { type: 'shore', hardness: 80, bonded: false } },
    ]);
    const r = solveCase(padded);
    const w = r.warnings.find((x) => x.startsWith('gaskets[0] strain'));
    expect(w).toMatch(
      /gaskets\[0\] strain \(load-up\): \d+\.\d % at \d+\.\d\d MPa — beyond the 15\.0 % of the small-strain Shore-hardness pad law/,
    );
  });
});
