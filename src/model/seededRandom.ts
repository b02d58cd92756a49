import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded stream of random numbers, so the same case always gives the same map. */
export interface SeededRandom {
  /** uniform in [0, 1) */
  uniform(): number;
  /** standard normal (Box–Muller) */
  normal(): number;
}

export function seededRandom(seed: number): SeededRandom {
  const rng = xoroshiro128plus(seed | 0);
  const uniform = () => uniformFloat64(rng);
  return {
    uniform,
    normal() {
      const u1 = 1 - uniform(); // (0, 1], keeps log finite
      return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * uniform());
    },
  };
}
