/**
 * Seeds of a tolerance study's draws. Draw i's seed is a pure function of the study's seed and i,
 * made of 32-bit integer operations only (Math.imul, shifts, xor), so draw i is the same whatever
 * the number of draws and on whichever machine, worker or queue solves it. Each random input of a
 * draw then takes its own stream from the draw's seed, so adding a tolerance on one input (a pad
 * thickness, say) leaves every other input's draws as they were.
 */

/** MurmurHash3's 32-bit finaliser: every input bit flips each output bit with probability ≈ ½. */
function fmix32(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Two 32-bit words mixed into a seed in [0, 2³¹ − 1], the range of the case schema's seeds. */
function mixSeed(a: number, b: number): number {
  // the golden-ratio multiple spreads consecutive b before the finaliser
  return fmix32((fmix32(a) ^ Math.imul((b + 1) >>> 0, 0x9e3779b9)) >>> 0) >>> 1;
}

/** The seed of draw `index` (0-based) of the study with seed `studySeed`. */
export function drawSeed(studySeed: number, index: number): number {
  return mixSeed(studySeed, index);
}

/** The random inputs of a draw, each with its own stream of numbers. */
export const DRAW_STREAMS = {
  preload: 1,
  topFlatness: 2,
  bottomFlatness: 3,
  topMapNoise: 4,
  bottomMapNoise: 5,
  cellThickness: 6,
  /** pad g takes stream padThickness + g */
  padThickness: 16,
} as const;

/** The seed of one random input's stream within a draw. */
export function streamSeed(seedOfDraw: number, stream: number): number {
  return mixSeed(seedOfDraw ^ 0x5bd1e995, stream);
}
