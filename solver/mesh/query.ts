/** Node look-ups on a quad mesh: boundary, lines, nearest node, nodes inside a circle. */
import type { QuadMesh } from './quadMesh';

/** Nodes on the mesh boundary (on an edge used by exactly one quad), ascending. */
export function boundaryNodes(mesh: QuadMesh): Int32Array {
  const { quads } = mesh;
  const nNodes = mesh.nodes.length / 2;
  // Count each undirected edge; key = min·nNodes + max fits a double exactly for < 9e7 nodes.
  const count = new Map<number, number>();
  for (let k = 0; k < quads.length; k += 4) {
    for (let a = 0; a < 4; a++) {
      const p = quads[k + a];
      const q = quads[k + ((a + 1) & 3)];
      const key = Math.min(p, q) * nNodes + Math.max(p, q);
      count.set(key, (count.get(key) ?? 0) + 1);
    }
  }
  const on = new Uint8Array(nNodes);
  for (const [key, c] of count) {
    if (c !== 1) continue;
    const p = Math.floor(key / nNodes);
    on[p] = 1;
    on[key - p * nNodes] = 1;
  }
  return maskToList(on);
}

/** Nodes with |x − value| ≤ tol (axis 'x') or |y − value| ≤ tol (axis 'y'); tol in mm. */
export function nodesOnLine(mesh: QuadMesh, axis: 'x' | 'y', value: number, tol = 1e-9): Int32Array {
  const c = axis === 'x' ? 0 : 1;
  const out: number[] = [];
  const n = mesh.nodes.length / 2;
  for (let i = 0; i < n; i++) if (Math.abs(mesh.nodes[2 * i + c] - value) <= tol) out.push(i);
  return Int32Array.from(out);
}

/** Index of the node closest to (x, y) (mm); ties go to the lowest index. */
export function nearestNode(mesh: QuadMesh, x: number, y: number): number {
  let best = -1;
  let bestD = Infinity;
  const n = mesh.nodes.length / 2;
  for (let i = 0; i < n; i++) {
    const dx = mesh.nodes[2 * i] - x;
    const dy = mesh.nodes[2 * i + 1] - y;
    const d = dx * dx + dy * dy;
    if (d < bestD) {
      bestD = d;
      best = i;
    }
  }
  return best;
}

/** Nodes within distance r (mm, boundary included up to 1e-9·r) of (cx, cy), ascending. */
export function nodesInCircle(mesh: QuadMesh, cx: number, cy: number, r: number): Int32Array {
  const out: number[] = [];
  const n = mesh.nodes.length / 2;
  const r2 = (r * (1 + 1e-9)) ** 2;
  for (let i = 0; i < n; i++) {
    const dx = mesh.nodes[2 * i] - cx;
    const dy = mesh.nodes[2 * i + 1] - cy;
    if (dx * dx + dy * dy <= r2) out.push(i);
  }
  return Int32Array.from(out);
}

function maskToList(mask: Uint8Array): Int32Array {
  let n = 0;
  for (let i = 0; i < mask.length; i++) n += mask[i];
  const out = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < mask.length; i++) if (mask[i]) out[k++] = i;
  return out;
}
