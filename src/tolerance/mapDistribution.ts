import type { PressureGrid } from '../presentation/resultFields';
import type { RegularGrid } from '../results/pressureMap';
import { sortedQuantile } from './percentile';
import type { MapDistribution } from './toleranceResult';

type GridHeader = Pick<RegularGrid, 'x0' | 'y0' | 'dx' | 'dy' | 'nx' | 'ny'>;

/**
 * Per-point statistics of the draws' pressure maps of one load state, on one grid. The mean and
 * the contact count are summed as the draws come; the percentiles need every draw's value at a
 * point, so the accumulator keeps one grid per draw (draws × points × 8 B: 80 MB for 1000 draws
 * of a 10 k-point grid), filled by draw index, so the result does not depend on the order the
 * draws arrive in (a pool or a queue returns them in any order).
 */
export class MapAccumulator {
  private header: GridHeader | null = null;
  private values: Float64Array | null = null;
  private readonly seen: Uint8Array;

  /** @param samples draws of the study; @param threshold pressure above which a point is in contact [MPa] */
  constructor(
    private readonly samples: number,
    private readonly threshold: number,
  ) {
    this.seen = new Uint8Array(samples);
  }

  /** Add draw `index`'s map [MPa]; every draw's map must lie on the same grid. */
  add(index: number, grid: RegularGrid): void {
    if (!(index >= 0 && index < this.samples) || this.seen[index])
      throw new Error(`map of draw ${index}: out of range or given twice`);
    this.header ??= headerOf(grid);
    const h = this.header;
    if (
      h.nx !== grid.nx ||
      h.ny !== grid.ny ||
      h.x0 !== grid.x0 ||
      h.y0 !== grid.y0 ||
      h.dx !== grid.dx ||
      h.dy !== grid.dy
    )
      throw new Error(`map of draw ${index}: its grid differs from the other draws'`);
    const points = h.nx * h.ny;
    this.values ??= new Float64Array(this.samples * points);
    this.values.set(grid.values, index * points);
    this.seen[index] = 1;
  }

  /**
   * Mean, p5 and p95 (type 7 percentiles) and P(contact) per point over the draws added; null
   * when none was. A grid's `contact` flags the points whose value is above the threshold (for
   * the probability map: in contact in at least half the draws).
   */
  finish(): MapDistribution | null {
    const h = this.header;
    const values = this.values;
    if (!h || !values) return null;
    const points = h.nx * h.ny;
    const draws: number[] = [];
    for (let i = 0; i < this.samples; i++) if (this.seen[i]) draws.push(i);
    const n = draws.length;
    const mean = new Float64Array(points);
    const p5 = new Float64Array(points);
    const p95 = new Float64Array(points);
    const probability = new Float64Array(points);
    const column = new Float64Array(n);
    for (let q = 0; q < points; q++) {
      let sum = 0;
      let touching = 0;
      for (let k = 0; k < n; k++) {
        const v = values[draws[k] * points + q];
        column[k] = v;
        sum += v;
        if (v > this.threshold) touching++;
      }
      column.sort();
      mean[q] = sum / n;
      p5[q] = sortedQuantile(column, 0.05);
      p95[q] = sortedQuantile(column, 0.95);
      probability[q] = touching / n;
    }
    const grid = (v: Float64Array, limit: number): PressureGrid => {
      const contact = new Uint8Array(points);
      for (let q = 0; q < points; q++) contact[q] = v[q] > limit ? 1 : 0;
      return { ...h, values: v, contact };
    };
    return {
      mean: grid(mean, this.threshold),
      p5: grid(p5, this.threshold),
      p95: grid(p95, this.threshold),
      // "more likely in contact than not"
      contactProbability: grid(probability, 0.5 - 1e-12),
    };
  }
}

function headerOf(g: RegularGrid): GridHeader {
  return { x0: g.x0, y0: g.y0, dx: g.dx, dy: g.dy, nx: g.nx, ny: g.ny };
}
