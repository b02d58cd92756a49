/** The public analyzePlate: results, sign convention, input validation and singular models. */
import { describe, expect, it } from 'vitest';
import { type AnalyzePlateInput, analyzePlate, PlateInputError } from '../../../solver/index';
import { flexuralRigidity, shearRigidity } from '../../../solver/plate/mitc4';
import { levyUniformCentre, mindlinUniformCentre, navierUniformMomentX } from '../../reference/plateSeries';

/** n×n SS (hard) square plate of side a (mm) as plain JSON input */
function ssSquare(n: number, a: number, extra: Partial<AnalyzePlateInput> = {}): AnalyzePlateInput {
  const nodes: number[][] = [];
  for (let j = 0; j <= n; j++) for (let i = 0; i <= n; i++) nodes.push([(a * i) / n, (a * j) / n]);
  const quads: number[][] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const k = j * (n + 1) + i;
      quads.push([k, k + 1, k + n + 2, k + n + 1]);
    }
  }
  const fixed: AnalyzePlateInput['fixed'] = [];
  nodes.forEach(([x, y], node) => {
    const onX = x === 0 || x === a;
    const onY = y === 0 || y === a;
    if (onX && onY) fixed.push({ node, dofs: ['w', 'rx', 'ry'] });
    else if (onX) fixed.push({ node, dofs: ['w', 'rx'] });
    else if (onY) fixed.push({ node, dofs: ['w', 'ry'] });
  });
  return { nodes, quads, thickness: 2, E: 70000, nu: 0.3, fixed, pressure: 0.01, ...extra };
}

describe('analyzePlate', () => {
  it('SS square 32×32: centre w within 0.3 % and Mx within 0.5 % of the series; reactions balance the load (1e-9)', () => {
    const a = 400;
    const input = ssSquare(32, a);
    const r = analyzePlate(input);
    const c = 16 * 33 + 16;
    const D = flexuralRigidity(70000, 0.3, 2);
    expect(Math.abs(r.w[c] / levyUniformCentre(a, a, 0.01, D) - 1)).toBeLessThan(0.003);
    // the four elements around the centre node: average of their centre moments
    const around = [15 * 32 + 15, 15 * 32 + 16, 16 * 32 + 15, 16 * 32 + 16];
    const Mx = around.reduce((s, e) => s + r.elements.Mx[e], 0) / 4;
    expect(Math.abs(Mx / navierUniformMomentX(a, a, 0.01, 0.3) - 1)).toBeLessThan(0.005);
    expect(Math.abs(r.nodal.Mx[c] - Mx) / Mx).toBeLessThan(1e-12);
    const reaction = r.reactionFz.reduce((s, v) => s + v, 0);
    expect(Math.abs(reaction + 0.01 * a * a) / (0.01 * a * a)).toBeLessThan(1e-9);
    expect(r.iterations).toBe(1);
    expect(r.contact).toBeNull();
  });

  it('sign convention: +pressure → +w; rx = ∂w/∂y, ry = −∂w/∂x; top face in tension (σ = +6M/t²)', () => {
    const a = 400;
    const r = analyzePlate(ssSquare(16, a));
    for (let i = 0; i < r.w.length; i++) expect(r.w[i]).toBeGreaterThanOrEqual(0);
    // node (i, j) = (4, 8): left of the centre line, w rises with x → ry < 0; on y = a/2, rx = 0
    const n1 = 8 * 17 + 4;
    expect(r.ry[n1]).toBeLessThan(0);
    expect(Math.abs(r.rx[n1])).toBeLessThan(1e-9 * Math.abs(r.ry[n1]));
    // finite-difference slope agrees with the rotation to the O(h²) of the mesh (5 %)
    const dwdx = (r.w[n1 + 1] - r.w[n1 - 1]) / (2 * (a / 16));
    expect(Math.abs(-r.ry[n1] / dwdx - 1)).toBeLessThan(0.05);
    // node (8, 4): below the centre line, w rises with y → rx > 0
    const n2 = 4 * 17 + 8;
    expect(r.rx[n2]).toBeGreaterThan(0);
    const e = 7 * 16 + 7;
    expect(r.elements.Mx[e]).toBeGreaterThan(0);
    expect(r.elements.sxTop[e]).toBeCloseTo((6 * r.elements.Mx[e]) / 4, 9);
    expect(r.elements.vonMisesTop[e]).toBeGreaterThan(0);
    expect(r.elements.vonMisesBottom[e]).toBe(r.elements.vonMisesTop[e]);
  });

  it('point loads and per-element pressure combine linearly (1e-10 rel)', () => {
    const base = ssSquare(8, 100, { pressure: undefined });
    const p = Array.from({ length: 64 }, (_, e) => (e % 3) * 0.01);
    const r1 = analyzePlate({ ...base, pressure: p });
    const r2 = analyzePlate({ ...base, pointLoads: [{ node: 40, fz: 25 }] });
    const r12 = analyzePlate({ ...base, pressure: p, pointLoads: [{ node: 40, fz: 25 }] });
    const scale = Math.max(...Array.from(r12.w));
    for (let i = 0; i < r12.w.length; i++)
      expect(Math.abs(r12.w[i] - r1.w[i] - r2.w[i]) / scale).toBeLessThan(1e-10);
  });

  it('per-element thickness: an array of equal values reproduces the scalar (exact); a thicker plate deflects less by t³', () => {
    const base = ssSquare(8, 100);
    const scalar = analyzePlate(base);
    const array = analyzePlate({ ...base, thickness: new Array(64).fill(2) });
    expect(Array.from(array.w)).toEqual(Array.from(scalar.w));
    const thick = analyzePlate({ ...base, thickness: 4 });
    // ratio from the Mindlin series (1/8 in bending, shear adds 0.6 %); mesh errors largely cancel (0.1 %)
    const series = (t: number) =>
      mindlinUniformCentre(100, 100, 0.01, flexuralRigidity(70000, 0.3, t), shearRigidity(70000, 0.3, t));
    expect(Math.abs(thick.w[40] / scalar.w[40] / (series(4) / series(2)) - 1)).toBeLessThan(0.001);
  });

  it('foundation: bonded vs tensionless are equal when all in contact; pressure reported in MPa', () => {
    const base = ssSquare(8, 100, { fixed: [], foundation: { k: 0.5 } });
    const bonded = analyzePlate(base);
    const tl = analyzePlate({ ...base, foundation: { k: 0.5, tensionless: true } });
    // free plate, uniform load: w = q/k everywhere, p = q
    for (let i = 0; i < bonded.w.length; i++) {
      expect(bonded.w[i]).toBeCloseTo(0.01 / 0.5, 10);
      expect(bonded.foundationPressure[i]).toBeCloseTo(0.01, 10);
      expect(tl.w[i]).toBeCloseTo(bonded.w[i], 12);
    }
    expect(tl.contact?.every((c) => c === 1)).toBe(true);
  });

  it('a model without enough supports is rejected naming a node and dof', () => {
    const input = ssSquare(4, 100);
    expect(() => analyzePlate({ ...input, fixed: [] })).toThrow(PlateInputError);
    expect(() => analyzePlate({ ...input, fixed: [] })).toThrow(/singular at node \d+ \((w|rx|ry)\)/);
    // w held along one edge only: the plate can rotate about that edge
    const edge = input.fixed
      .filter((s) => input.nodes[s.node][0] === 0)
      .map((s) => ({ node: s.node, dofs: ['w' as const] }));
    expect(() => analyzePlate({ ...input, fixed: edge })).toThrow(/singular at node \d+ \((w|rx|ry)\)/);
  });

  it('invalid input: errors name the field, value, unit and rule', () => {
    const ok = ssSquare(2, 100);
    const bad = (patch: object) => () => analyzePlate({ ...ok, ...patch } as AnalyzePlateInput);
    expect(bad({ thickness: -3 })).toThrow('thickness: -3 mm — must be > 0');
    expect(bad({ thickness: [1, 2] })).toThrow(
      'thickness: 2 values — must be one number or one per quad (4)',
    );
    expect(bad({ thickness: [1, 1, 0, 1] })).toThrow('thickness[2]: 0 mm — must be > 0');
    expect(bad({ E: 0 })).toThrow('E: 0 MPa — must be > 0');
    expect(bad({ E: Number.NaN })).toThrow('E: NaN MPa — must be a finite number');
    expect(bad({ nu: 0.5 })).toThrow('nu: 0.5 — must satisfy −1 < nu < 0.5');
    expect(bad({ fixed: [{ node: 99, dofs: ['w'] }] })).toThrow(
      'fixed[0].node: 99 — must be a node index in 0..8',
    );
    expect(bad({ fixed: [{ node: 0, dofs: ['z'] }] })).toThrow(
      `fixed[0].dofs[0]: "z" — must be 'w', 'rx' or 'ry'`,
    );
    expect(bad({ pressure: [1, 2, 3] })).toThrow(
      'pressure: 3 values — must be one number or one per quad (4)',
    );
    expect(bad({ pressure: Number.POSITIVE_INFINITY })).toThrow(
      'pressure: Infinity MPa — must be a finite number',
    );
    expect(bad({ pointLoads: [{ node: 1, fz: Number.NaN }] })).toThrow(
      'pointLoads[0].fz: NaN N — must be a finite number',
    );
    expect(bad({ pointLoads: [{ node: -1, fz: 1 }] })).toThrow(
      'pointLoads[0].node: -1 — must be a node index in 0..8',
    );
    expect(bad({ foundation: { k: -1 } })).toThrow('foundation.k: -1 N/mm³ — must be ≥ 0');
    expect(bad({ foundation: { k: 1, tensionless: true, integration: 'consistent' } })).toThrow(
      /needs 'lumped'/,
    );
    expect(bad({ patchLoads: [{ x: 1e4, y: 0, radius: 0, force: 1 }] })).toThrow(
      /patchLoads\[0\]: point force at .* outside the mesh/,
    );
    expect(bad({ quads: [[0, 1, 4, 9]] })).toThrow('quads[0][3]: 9 — must be an integer node index in 0..8');
    expect(bad({ quads: [[0, 3, 4, 1]] })).toThrow(/quad 0 .* clockwise/);
    expect(bad({ nodes: ok.nodes.map((p, i) => (i === 4 ? [50, Number.NaN] : p)) })).toThrow(
      'nodes[4][1]: NaN mm — must be a finite number',
    );
  });

  it('never returns NaN: zero load gives zero results', () => {
    const r = analyzePlate(ssSquare(4, 100, { pressure: 0 }));
    for (const arr of [r.w, r.rx, r.ry, ...Object.values(r.elements), r.foundationPressure]) {
      for (const v of arr) expect(v).toBe(0);
    }
  });
});
