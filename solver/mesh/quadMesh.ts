/**
 * Unstructured 4-node quadrilateral mesh in the plate's x-y plane.
 * Node i sits at (nodes[2i], nodes[2i+1]) in mm; quad e has corners quads[4e .. 4e+3],
 * listed counter-clockwise (seen from +z).
 */
import { GAUSS2_POINTS, gatherCorners, jacobian, shapeDerivatives } from './bilinear';

export interface QuadMesh {
  /** x, y of every node, length 2*nNodes (mm) */
  nodes: Float64Array;
  /** four counter-clockwise node indices per quad, length 4*nQuads */
  quads: Int32Array;
}

export function nodeCount(mesh: QuadMesh): number {
  return mesh.nodes.length / 2;
}

export function quadCount(mesh: QuadMesh): number {
  return mesh.quads.length / 4;
}

/** Thrown when a mesh is not usable; the message names the quad, node or field at fault. */
export class MeshError extends Error {
  override name = 'MeshError';
}

/**
 * Builds a validated mesh from nested arrays, e.g. user input.
 * @param nodes [x, y] per node (mm)
 * @param quads 4 counter-clockwise node indices per quad
 * @throws MeshError naming the first offending entry
 */
export function createQuadMesh(
  nodes: readonly (readonly number[])[],
  quads: readonly (readonly number[])[],
): QuadMesh {
  if (nodes.length < 4) throw new MeshError(`nodes: ${nodes.length} given — a quad mesh needs at least 4`);
  if (quads.length < 1) throw new MeshError('quads: none given — at least one quad is required');
  const xy = new Float64Array(2 * nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const p = nodes[i];
    if (!Array.isArray(p) || p.length !== 2) {
      throw new MeshError(`nodes[${i}]: ${JSON.stringify(p)} — must be [x, y] in mm`);
    }
    for (let c = 0; c < 2; c++) {
      const v = p[c];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new MeshError(`nodes[${i}][${c}]: ${String(v)} mm — must be a finite number`);
      }
      xy[2 * i + c] = v;
    }
  }
  const conn = new Int32Array(4 * quads.length);
  for (let e = 0; e < quads.length; e++) {
    const q = quads[e];
    if (!Array.isArray(q) || q.length !== 4) {
      throw new MeshError(`quads[${e}]: ${JSON.stringify(q)} — must list exactly 4 node indices`);
    }
    for (let a = 0; a < 4; a++) {
      const v = q[a];
      if (!Number.isInteger(v) || v < 0 || v >= nodes.length) {
        throw new MeshError(
          `quads[${e}][${a}]: ${String(v)} — must be an integer node index in 0..${nodes.length - 1}`,
        );
      }
      conn[4 * e + a] = v;
    }
  }
  const mesh = { nodes: xy, quads: conn };
  validateQuadMesh(mesh);
  return mesh;
}

/**
 * Checks indices, repeated corners, and that det J > 0 at the 2×2 Gauss points and the
 * corners (counter-clockwise, convex enough). Throws MeshError for the first bad quad.
 */
export function validateQuadMesh(mesh: QuadMesh): void {
  const { nodes, quads } = mesh;
  const nNodes = nodes.length / 2;
  if (nodes.length % 2 !== 0) throw new MeshError(`nodes: length ${nodes.length} — must be 2 per node`);
  if (quads.length % 4 !== 0) throw new MeshError(`quads: length ${quads.length} — must be 4 per quad`);
  for (let k = 0; k < nodes.length; k++) {
    if (!Number.isFinite(nodes[k])) {
      throw new MeshError(`node ${k >> 1}: coordinate ${nodes[k]} mm — must be finite`);
    }
  }
  const xy = new Float64Array(8);
  const dr = new Float64Array(4);
  const ds = new Float64Array(4);
  const jac = new Float64Array(4);
  const nQuads = quads.length / 4;
  for (let e = 0; e < nQuads; e++) {
    for (let a = 0; a < 4; a++) {
      const v = quads[4 * e + a];
      if (v < 0 || v >= nNodes) {
        throw new MeshError(`quad ${e}: node index ${v} — must be in 0..${nNodes - 1}`);
      }
      for (let b = 0; b < a; b++) {
        if (quads[4 * e + b] === v) throw new MeshError(`quad ${e}: node ${v} appears twice`);
      }
    }
    gatherCorners(nodes, quads, e, xy);
    // Scale-free tolerance: a sliver with det J below 1e-12 of its bounding-box area is degenerate.
    let x0 = Infinity;
    let x1 = -Infinity;
    let y0 = Infinity;
    let y1 = -Infinity;
    for (let a = 0; a < 4; a++) {
      x0 = Math.min(x0, xy[2 * a]);
      x1 = Math.max(x1, xy[2 * a]);
      y0 = Math.min(y0, xy[2 * a + 1]);
      y1 = Math.max(y1, xy[2 * a + 1]);
    }
    const tol = 1e-12 * (x1 - x0) * (y1 - y0);
    const check = (r: number, s: number, where: string) => {
      shapeDerivatives(r, s, dr, ds);
      const det = jacobian(xy, dr, ds, jac);
      if (!(det > tol)) {
        const corners = Array.from(quads.subarray(4 * e, 4 * e + 4)).join(', ');
        const why = det < 0 ? 'clockwise or self-intersecting' : 'degenerate';
        throw new MeshError(
          `quad ${e} (nodes ${corners}): Jacobian ${det.toExponential(3)} mm² at ${where} — ${why}; ` +
            'corners must be counter-clockwise and the quad convex',
        );
      }
    };
    for (const [r, s] of GAUSS2_POINTS) check(r, s, `Gauss point (${r.toFixed(3)}, ${s.toFixed(3)})`);
    check(-1, -1, 'corner 0');
    check(1, -1, 'corner 1');
    check(1, 1, 'corner 2');
    check(-1, 1, 'corner 3');
  }
}
