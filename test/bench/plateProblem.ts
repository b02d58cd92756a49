/**
 * Plate-pattern test matrices: a square grid of nx × nx nodes, 3 dofs per node
 * (w, θx, θy), bilinear quads. The element blocks are either random SPD 12×12 matrices
 * (seeded) or whatever stiffness function the caller passes (e.g. MITC4).
 */
import type { DofGeometry, ElementGroup } from '../../solver/sparse/types';

export interface PlateProblem {
  n: number;
  nx: number;
  group: ElementGroup;
  geometry: DofGeometry;
  /** nElem*144 row-major element blocks */
  blocks: Float64Array;
}

/** Small seeded generator (mulberry32), uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Node count per side for about `unknowns` dofs. */
export function sideForUnknowns(unknowns: number): number {
  return Math.max(2, Math.round(Math.sqrt(unknowns / 3)));
}

/**
 * The mesh connectivity and coordinates (unit spacing) of an nx × nx node plate with all
 * 3 dofs free, or with the boundary nodes eliminated (`clamped`).
 */
export function plateMesh(nx: number, clamped = false): Omit<PlateProblem, 'blocks'> {
  const nodeDof = new Int32Array(nx * nx).fill(-1);
  let n = 0;
  const coords = new Float64Array(2 * nx * nx);
  for (let y = 0; y < nx; y++) {
    for (let x = 0; x < nx; x++) {
      const node = y * nx + x;
      coords[2 * node] = x;
      coords[2 * node + 1] = y;
      const boundary = x === 0 || y === 0 || x === nx - 1 || y === nx - 1;
      if (!(clamped && boundary)) {
        nodeDof[node] = n;
        n += 3;
      }
    }
  }
  const dofNode = new Int32Array(n);
  for (let node = 0; node < nx * nx; node++) {
    if (nodeDof[node] >= 0) for (let c = 0; c < 3; c++) dofNode[nodeDof[node] + c] = node;
  }
  const ne = (nx - 1) * (nx - 1);
  const dofs = new Int32Array(ne * 12);
  let e = 0;
  for (let y = 0; y + 1 < nx; y++) {
    for (let x = 0; x + 1 < nx; x++) {
      const corners = [y * nx + x, y * nx + x + 1, (y + 1) * nx + x + 1, (y + 1) * nx + x];
      for (let c = 0; c < 4; c++) {
        const base = nodeDof[corners[c]];
        for (let d = 0; d < 3; d++) dofs[e * 12 + 3 * c + d] = base >= 0 ? base + d : -1;
      }
      e++;
    }
  }
  return { n, nx, group: { size: 12, dofs }, geometry: { coords, dofNode } };
}

/** Random SPD element blocks: G Gᵀ / 12 + shift·I with G uniform in [-1, 1). */
export function randomSpdBlocks(nElements: number, seed: number, shift = 0.05): Float64Array {
  const rand = seededRandom(seed);
  const d = 12;
  const blocks = new Float64Array(nElements * d * d);
  const g = new Float64Array(d * d);
  for (let e = 0; e < nElements; e++) {
    for (let t = 0; t < d * d; t++) g[t] = 2 * rand() - 1;
    const base = e * d * d;
    for (let i = 0; i < d; i++) {
      for (let j = 0; j <= i; j++) {
        let s = 0;
        for (let k = 0; k < d; k++) s += g[i * d + k] * g[j * d + k];
        s /= d;
        if (i === j) s += shift;
        blocks[base + i * d + j] = s;
        blocks[base + j * d + i] = s;
      }
    }
  }
  return blocks;
}

/** A free plate of nx × nx nodes with random SPD element blocks (SPD, as every block is). */
export function randomPlateProblem(nx: number, seed = 1): PlateProblem {
  const mesh = plateMesh(nx);
  return { ...mesh, blocks: randomSpdBlocks(mesh.group.dofs.length / 12, seed) };
}

/**
 * A clamped square steel plate (side `span` mm, thickness t) meshed with nx × nx nodes,
 * MITC4 element stiffness supplied by `stiffness` (the plate layer's mitc4Stiffness).
 * The boundary nodes are eliminated, so the matrix is SPD.
 */
export function clampedPlateProblem(
  nx: number,
  stiffness: (xy: Float64Array, E: number, nu: number, t: number, out: Float64Array, offset?: number) => void,
  span = 500,
  thickness = 10,
): PlateProblem {
  const mesh = plateMesh(nx, true);
  const h = span / (nx - 1);
  const coords = mesh.geometry.coords.map((c) => c * h);
  const ne = (nx - 1) * (nx - 1);
  const blocks = new Float64Array(ne * 144);
  const xy = new Float64Array(8);
  let e = 0;
  for (let y = 0; y + 1 < nx; y++) {
    for (let x = 0; x + 1 < nx; x++) {
      const corners = [y * nx + x, y * nx + x + 1, (y + 1) * nx + x + 1, (y + 1) * nx + x];
      for (let c = 0; c < 4; c++) {
        xy[2 * c] = coords[2 * corners[c]];
        xy[2 * c + 1] = coords[2 * corners[c] + 1];
      }
      stiffness(xy, 200_000, 0.3, thickness, blocks, 144 * e);
      e++;
    }
  }
  return { ...mesh, geometry: { coords, dofNode: mesh.geometry.dofNode }, blocks };
}
