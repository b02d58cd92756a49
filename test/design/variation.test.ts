import { describe, expect, it } from 'vitest';
import type { SearchSpace } from '../../src/design/searchSpace';
import { crossover, DEFAULT_VARIATION, mutate, polynomialMutation, sbx } from '../../src/design/variation';
import { seededRandom } from '../../src/model/seededRandom';

describe('continuous operators (Deb & Agrawal 1995)', () => {
  it('polynomial mutation far from the bounds: P(|δ| ≤ d) = 1 − (1 − d)^(η+1)', () => {
    // for u ≤ ½, δ = (2u)^(1/(η+1)) − 1 ≥ −d ⇔ u ≥ (1 − d)^(η+1)/2, and alike above ½; the
    // bounds' terms (1 − δ₁)^(η+1) vanish at y = ½ for η = 20 (0.5^21 ≈ 5e-7)
    const random = seededRandom(11);
    const eta = 20;
    const n = 40_000;
    for (const d of [0.02, 0.05, 0.1]) {
      let inside = 0;
      for (let i = 0; i < n; i++)
        if (Math.abs(polynomialMutation(0.5, 0, 1, eta, random) - 0.5) <= d) inside++;
      const p = 1 - (1 - d) ** (eta + 1);
      // four binomial standard deviations
      expect(Math.abs(inside / n - p)).toBeLessThan(4 * Math.sqrt((p * (1 - p)) / n));
    }
  });

  it('SBX far from the bounds: the spread β = |c1 − c2|/|p1 − p2| has P(β ≤ 1) = ½', () => {
    // the SBX density puts half its mass on contraction (β < 1) and half on expansion
    const random = seededRandom(12);
    const n = 40_000;
    let contracting = 0;
    for (let i = 0; i < n; i++) {
      const [c1, c2] = sbx(0.49, 0.51, 0, 1, 20, random);
      if (Math.abs(c1 - c2) <= 0.02) contracting++;
    }
    expect(Math.abs(contracting / n - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
  });

  it('children and mutants stay within the bounds, parents at the bounds too', () => {
    const random = seededRandom(13);
    for (let i = 0; i < 2000; i++) {
      const [c1, c2] = sbx(2, 2.001 + 3 * random.uniform(), 2, 5, 2, random);
      for (const c of [c1, c2]) {
        expect(c).toBeGreaterThanOrEqual(2);
        expect(c).toBeLessThanOrEqual(5);
      }
      const m = polynomialMutation(5, 2, 5, 1, random);
      expect(m).toBeGreaterThanOrEqual(2);
      expect(m).toBeLessThanOrEqual(5);
    }
  });
});

describe('whole numbers and choices', () => {
  const space: SearchSpace = {
    bolts: { kind: 'int', lo: 0, hi: 3 },
    grade: { kind: 'choice', values: ['a', 'b', 'c'] },
  };

  it('a mutated whole number is a whole number in range and moves at least one step', () => {
    const random = seededRandom(14);
    const settings = { ...DEFAULT_VARIATION, mutationProbability: 1 };
    const reached = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const start = i % 4;
      const g = [start, 0];
      mutate(space, g, settings, random);
      expect(Number.isInteger(g[0])).toBe(true);
      expect(g[0]).toBeGreaterThanOrEqual(0);
      expect(g[0]).toBeLessThanOrEqual(3);
      expect(g[0]).not.toBe(start);
      reached.add(g[0]);
    }
    expect([...reached].sort()).toEqual([0, 1, 2, 3]);
  });

  it('a mutated choice is another value, each of the others equally likely', () => {
    const random = seededRandom(15);
    const settings = { ...DEFAULT_VARIATION, mutationProbability: 1 };
    const counts = [0, 0, 0];
    const n = 30_000;
    for (let i = 0; i < n; i++) {
      const g = [1, 0];
      mutate(space, g, settings, random);
      counts[g[1]]++;
    }
    expect(counts[0]).toBe(0);
    // from 'a' (index 0) each of 'b', 'c' half the time
    for (const c of counts.slice(1)) expect(Math.abs(c / n - 0.5)).toBeLessThan(4 * Math.sqrt(0.25 / n));
  });

  it('crossover of two whole-number parents gives whole numbers in range; a choice is swapped or kept, never new', () => {
    const random = seededRandom(16);
    const settings = { ...DEFAULT_VARIATION, crossoverProbability: 1 };
    for (let i = 0; i < 1000; i++) {
      const [c1, c2] = crossover(space, [0, 0], [3, 2], settings, random);
      for (const c of [c1, c2]) {
        expect(Number.isInteger(c[0])).toBe(true);
        expect(c[0]).toBeGreaterThanOrEqual(0);
        expect(c[0]).toBeLessThanOrEqual(3);
      }
      expect([c1[1], c2[1]].sort()).toEqual([0, 2]);
    }
  });
});
