import { segmentOf } from '../../solver/mesh/axis';
import type { Flatness, GridMap } from '../case/schema';
import { seededRandom } from './seededRandom';

/** Bilinear interpolation of a grid map at (x, y) [mm], clamped to the grid outside it. */
export function sampleGrid(grid: GridMap, x: number, y: number): number {
  const i = segmentOf(grid.x, x);
  const j = segmentOf(grid.y, y);
  const tx = clamp01((x - grid.x[i]) / (grid.x[i + 1] - grid.x[i]));
  const ty = clamp01((y - grid.y[j]) / (grid.y[j + 1] - grid.y[j]));
  const v = grid.values;
  // nested a + t·(b − a): equal corner values come back exactly (a map of 1 everywhere is 1, not 1 − 1 ulp)
  const lerp = (a: number, b: number, t: number) => a + t * (b - a);
  return lerp(lerp(v[j][i], v[j][i + 1], tx), lerp(v[j + 1][i], v[j + 1][i + 1], tx), ty);
}

const clamp01 = (t: number) => (t < 0 ? 0 : t > 1 ? 1 : t);

const RANDOM_MODES = 256;
/** modes per pass of the random surface (RANDOM_MODES is a multiple) */
const MODE_BLOCK = 32;

/**
 * Height [mm] of a plate face toward the stack at the given points (xy pairs, mm); > 0 bulges
 * toward the stack and so closes the gap there.
 * - bow: a paraboloid, `bow` at the plate centre and 0 at the corners;
 * - random: a Gaussian random surface with covariance σ² exp(−r²/ℓ²), built from random
 *   Fourier modes (spectral method), then shifted to zero mean and scaled to the exact RMS
 *   over the given points (pass the points the RMS is meant for);
 * - map: a measured grid in µm, interpolated bilinearly.
 */
export function surfaceHeight(flatness: Flatness, xy: Float64Array, Lx: number, Ly: number): Float64Array {
  const n = xy.length / 2;
  const h = new Float64Array(n);
  switch (flatness.type) {
    case 'none':
      return h;
    case 'bow': {
      const R2 = (Lx / 2) ** 2 + (Ly / 2) ** 2;
      for (let i = 0; i < n; i++) {
        const dx = xy[2 * i] - Lx / 2;
        const dy = xy[2 * i + 1] - Ly / 2;
        h[i] = flatness.bow * (1 - (dx * dx + dy * dy) / R2);
      }
      return h;
    }
    case 'random': {
      // below 1e-9 µm a face is flat; vanishing heights (≈ 1e-300) would underflow in the contact solver
      if (flatness.rms < 1e-9 || n === 0) return h;
      const rnd = seededRandom(flatness.seed);
      // Gaussian covariance exp(-r²/ℓ²) has a Gaussian spectrum: wave-vector components ~ N(0, 2/ℓ²)
      const sd = Math.SQRT2 / flatness.correlationLength;
      // cos(kx·x + φ + ky·y) = cos(kx·x + φ)·cos(ky·y) − sin(kx·x + φ)·sin(ky·y): on a mesh the
      // points share few distinct x and y, so the trigonometry is per line, not per point
      const xs = distinct(xy, 0);
      const ys = distinct(xy, 1);
      const nx = xs.values.length;
      const ny = ys.values.length;
      // modes in blocks, each line's factors stored mode-contiguous so that every point sums a
      // block with four sequential streams (the order of the additions is that of the modes)
      const B = MODE_BLOCK;
      const cx = new Float64Array(nx * B);
      const sx = new Float64Array(nx * B);
      const cy = new Float64Array(ny * B);
      const sy = new Float64Array(ny * B);
      for (let m0 = 0; m0 < RANDOM_MODES; m0 += B) {
        for (let q = 0; q < B; q++) {
          const kx = sd * rnd.normal();
          const ky = sd * rnd.normal();
          const phase = 2 * Math.PI * rnd.uniform();
          for (let i = 0; i < nx; i++) {
            cx[i * B + q] = Math.cos(kx * xs.values[i] + phase);
            sx[i * B + q] = Math.sin(kx * xs.values[i] + phase);
          }
          for (let j = 0; j < ny; j++) {
            cy[j * B + q] = Math.cos(ky * ys.values[j]);
            sy[j * B + q] = Math.sin(ky * ys.values[j]);
          }
        }
        for (let i = 0; i < n; i++) {
          const a = xs.index[i] * B;
          const b = ys.index[i] * B;
          let acc = h[i];
          for (let q = 0; q < B; q++) acc += cx[a + q] * cy[b + q] - sx[a + q] * sy[b + q];
          h[i] = acc;
        }
      }
      let mean = 0;
      for (let i = 0; i < n; i++) mean += h[i];
      mean /= n;
      let ss = 0;
      for (let i = 0; i < n; i++) {
        h[i] -= mean;
        ss += h[i] * h[i];
      }
      const scale = ss > 0 ? (flatness.rms * 1e-3) / Math.sqrt(ss / n) : 0;
      for (let i = 0; i < n; i++) h[i] *= scale;
      return h;
    }
    case 'map': {
      if (!flatness.grid)
        throw new Error('flatness.map: no grid (a `file` must be read by the case loader first)');
      for (let i = 0; i < n; i++) h[i] = 1e-3 * sampleGrid(flatness.grid, xy[2 * i], xy[2 * i + 1]);
      return h;
    }
  }
}

/** The distinct values of coordinate `axis` of the points, and each point's index into them. */
function distinct(xy: Float64Array, axis: 0 | 1): { values: number[]; index: Int32Array } {
  const n = xy.length / 2;
  const at = new Map<number, number>();
  const values: number[] = [];
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = xy[2 * i + axis];
    let k = at.get(v);
    if (k === undefined) {
      k = values.length;
      at.set(v, k);
      values.push(v);
    }
    index[i] = k;
  }
  return { values, index };
}
