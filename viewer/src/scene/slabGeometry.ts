import { BufferAttribute, BufferGeometry } from 'three';
import { colourTableCoordinate } from '../../../src/presentation/colourScale';
import type { Rect } from '../../../src/presentation/stackGeometry';
import { nearestLine } from '../domain/probe';
import { CONTACT_ROW_V, NO_CONTACT_ROW_V } from './materials';

/**
 * A slab over a rectangle of the tensor-product mesh, built once from typed arrays: a top and a
 * bottom face with one vertex per mesh node, and four side strips. Positions and the scalar
 * texture coordinate are rewritten in place; the index never changes.
 * Groups: 0 top face, 1 bottom face, 2 sides.
 */
export interface SlabGeometry {
  geometry: BufferGeometry;
  /** mesh node of each vertex */
  node: Int32Array;
  /** 1 for vertices on the top face or the upper edge of a side, 0 for the bottom */
  isTop: Uint8Array;
  /** vertices on the top and bottom faces (the first 2·ni·nj) */
  faceVertices: number;
}

export function createSlabGeometry(meshX: Float64Array, meshY: Float64Array, rect: Rect): SlabGeometry {
  const i0 = nearestLine(meshX, rect.x0);
  const i1 = nearestLine(meshX, rect.x1);
  const j0 = nearestLine(meshY, rect.y0);
  const j1 = nearestLine(meshY, rect.y1);
  const ni = i1 - i0 + 1;
  const nj = j1 - j0 + 1;
  const nx = meshX.length;
  const faceVertices = 2 * ni * nj;
  const sideVertices = 2 * (2 * ni + 2 * nj);
  const nVert = faceVertices + sideVertices;
  const node = new Int32Array(nVert);
  const isTop = new Uint8Array(nVert);
  const xyz = new Float32Array(3 * nVert);
  const uv = new Float32Array(2 * nVert).fill(0.5);
  const nodeAt = (a: number, b: number) => (j0 + b) * nx + (i0 + a);
  for (let b = 0; b < nj; b++) {
    for (let a = 0; a < ni; a++) {
      const v = a + b * ni;
      node[v] = node[v + ni * nj] = nodeAt(a, b);
      isTop[v] = 1;
    }
  }
  const index: number[] = [];
  const groupStart: number[] = [0];
  for (let b = 0; b + 1 < nj; b++) {
    for (let a = 0; a + 1 < ni; a++) {
      const v = a + b * ni;
      index.push(v, v + 1, v + 1 + ni, v, v + 1 + ni, v + ni);
    }
  }
  groupStart.push(index.length);
  const off = ni * nj;
  for (let b = 0; b + 1 < nj; b++) {
    for (let a = 0; a + 1 < ni; a++) {
      const v = off + a + b * ni;
      index.push(v, v + 1 + ni, v + 1, v, v + ni, v + 1 + ni);
    }
  }
  groupStart.push(index.length);
  // sides: strips of (bottom, top) pairs along each edge, wound to face outward
  let next = faceVertices;
  const strip = (nodes: number[], outwardForward: boolean) => {
    const first = next;
    for (const n of nodes) {
      node[next] = n;
      isTop[next] = 0;
      node[next + 1] = n;
      isTop[next + 1] = 1;
      next += 2;
    }
    for (let s = 0; s + 1 < nodes.length; s++) {
      const b0 = first + 2 * s;
      const t0 = b0 + 1;
      const b1 = b0 + 2;
      const t1 = b0 + 3;
      if (outwardForward) index.push(b0, b1, t1, b0, t1, t0);
      else index.push(b0, t1, b1, b0, t0, t1);
    }
  };
  strip(
    Array.from({ length: ni }, (_, a) => nodeAt(a, 0)),
    true,
  );
  strip(
    Array.from({ length: ni }, (_, a) => nodeAt(a, nj - 1)),
    false,
  );
  strip(
    Array.from({ length: nj }, (_, b) => nodeAt(0, b)),
    false,
  );
  strip(
    Array.from({ length: nj }, (_, b) => nodeAt(ni - 1, b)),
    true,
  );
  for (let v = 0; v < nVert; v++) {
    xyz[3 * v] = meshX[node[v] % nx];
    xyz[3 * v + 1] = meshY[Math.floor(node[v] / nx)];
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new BufferAttribute(xyz, 3));
  geometry.setAttribute('uv', new BufferAttribute(uv, 2));
  geometry.setIndex(
    nVert > 65535
      ? new BufferAttribute(Uint32Array.from(index), 1)
      : new BufferAttribute(Uint16Array.from(index), 1),
  );
  geometry.addGroup(0, groupStart[1], 0);
  geometry.addGroup(groupStart[1], groupStart[2] - groupStart[1], 1);
  geometry.addGroup(groupStart[2], index.length - groupStart[2], 2);
  return { geometry, node, isTop, faceVertices };
}

/** Rewrite z in place: bottom-face vertices get zBottom(node), top-face vertices zTop(node). */
export function updateSlabHeights(
  slab: SlabGeometry,
  zBottom: (node: number) => number,
  zTop: (node: number) => number,
): void {
  const pos = slab.geometry.getAttribute('position') as BufferAttribute;
  const xyz = pos.array as Float32Array;
  for (let v = 0; v < slab.node.length; v++)
    xyz[3 * v + 2] = slab.isTop[v] ? zTop(slab.node[v]) : zBottom(slab.node[v]);
  pos.needsUpdate = true;
  slab.geometry.computeVertexNormals();
  slab.geometry.computeBoundingSphere();
  slab.geometry.computeBoundingBox();
}

/**
 * Write a nodal pressure into the colour texture coordinates of the top and bottom faces: u along
 * the colour scale, v picks the scale's row for nodes in contact and the no-contact row for open
 * ones (p = 0), so an open gap is never drawn as low pressure.
 */
export function updateSlabScalar(
  slab: SlabGeometry,
  values: ArrayLike<number>,
  min: number,
  max: number,
): void {
  const attr = slab.geometry.getAttribute('uv') as BufferAttribute;
  const uv = attr.array as Float32Array;
  for (let v = 0; v < slab.faceVertices; v++) {
    const p = values[slab.node[v]];
    uv[2 * v] = colourTableCoordinate(p, min, max);
    uv[2 * v + 1] = p > 0 ? CONTACT_ROW_V : NO_CONTACT_ROW_V;
  }
  attr.needsUpdate = true;
}
