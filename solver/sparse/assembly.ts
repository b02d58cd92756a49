/**
 * Finite-element assembly into the lower triangle of a symmetric CSC matrix.
 *
 * The pattern is built once from the element dof lists with two counting passes
 * (no sort, no hash set): row r visits the elements touching r and collects the
 * columns c <= r; visiting rows in increasing order appends r to every such column,
 * so the row indices of each column come out sorted. A scatter map then sends every
 * entry of every element block straight to its slot in `values`.
 */
import type { ElementGroup, SymmetricCsc } from './types';

export interface AssemblyPlan {
  /** the assembled matrix; its values are zero after planning */
  matrix: SymmetricCsc;
  groups: ElementGroup[];
  /**
   * scatter[g][e*d*d + a*d + b] = index into matrix.values that block entry (a, b) of
   * element e adds to, or -1 (upper-triangle duplicate or eliminated dof).
   */
  scatter: Int32Array[];
}

/** Builds the pattern and scatter maps for n dofs assembled from the element groups. */
export function planAssembly(n: number, groups: ElementGroup[]): AssemblyPlan {
  // Incidence dof -> element slots; a slot is (group offset + e*d + a).
  const groupSlotStart = new Int32Array(groups.length + 1);
  for (let g = 0; g < groups.length; g++) groupSlotStart[g + 1] = groupSlotStart[g] + groups[g].dofs.length;
  const incPtr = new Int32Array(n + 1);
  for (const group of groups) {
    const dofs = group.dofs;
    for (let q = 0; q < dofs.length; q++) {
      const dof = dofs[q];
      if (dof >= n) throw new RangeError(`element dof ${dof} out of range (n = ${n})`);
      if (dof >= 0) incPtr[dof + 1]++;
    }
  }
  for (let i = 0; i < n; i++) incPtr[i + 1] += incPtr[i];
  const incSlot = new Int32Array(incPtr[n]);
  const fill = incPtr.slice(0, n);
  for (let g = 0; g < groups.length; g++) {
    const dofs = groups[g].dofs;
    const base = groupSlotStart[g];
    for (let q = 0; q < dofs.length; q++) {
      const dof = dofs[q];
      if (dof >= 0) incSlot[fill[dof]++] = base + q;
    }
  }
  // Flatten group dofs so a slot finds its element's dof list without a group lookup.
  const allDofs = new Int32Array(groupSlotStart[groups.length]);
  const slotSize = new Int32Array(groupSlotStart[groups.length]);
  for (let g = 0; g < groups.length; g++) {
    allDofs.set(groups[g].dofs, groupSlotStart[g]);
    slotSize.fill(groups[g].size, groupSlotStart[g], groupSlotStart[g + 1]);
  }

  const mark = new Int32Array(n).fill(-1);
  const colPtr = new Int32Array(n + 1);
  // Pass 1 counts the distinct (r, c <= r) pairs per column; pass 2 visits the rows in
  // increasing order again, so each column's rows come out sorted.
  const pass = { incPtr, incSlot, groupSlotStart, slotSize, allDofs, mark };
  visitLowerPairs(n, pass, colPtr, null);
  for (let c = 0; c < n; c++) colPtr[c + 1] += colPtr[c];
  const nnz = colPtr[n];
  const rowIdx = new Int32Array(nnz);
  mark.fill(-1);
  visitLowerPairs(n, pass, colPtr.slice(0, n), rowIdx);

  // Scatter maps: column c knows the slot of each of its rows; every element touching c
  // as its local dof b sends entry (a, b) with dofs[a] >= c there.
  const scatter = groups.map((group) => new Int32Array(group.dofs.length * group.size).fill(-1));
  const rowPos = new Int32Array(n);
  for (let c = 0; c < n; c++) {
    for (let k = colPtr[c]; k < colPtr[c + 1]; k++) rowPos[rowIdx[k]] = k;
    for (let t = incPtr[c]; t < incPtr[c + 1]; t++) {
      const slot = incSlot[t];
      const g = groupOf(slot, groupSlotStart);
      const d = slotSize[slot];
      const local = slot - groupSlotStart[g]; // e*d + b
      const b = local % d;
      const e = (local - b) / d;
      const start = slot - b;
      const map = scatter[g];
      const blockBase = e * d * d;
      for (let a = 0; a < d; a++) {
        const r = allDofs[start + a];
        if (r >= c) map[blockBase + a * d + b] = rowPos[r];
      }
    }
  }
  return { matrix: { n, colPtr, rowIdx, values: new Float64Array(nnz) }, groups, scatter };
}

/**
 * Every distinct pair (r, c ≤ r) of dofs sharing an element, rows in increasing order. Without
 * `rowIdx` it counts them into cursor[c + 1]; with it, it appends r to column c at cursor[c].
 */
function visitLowerPairs(
  n: number,
  p: {
    incPtr: Int32Array;
    incSlot: Int32Array;
    groupSlotStart: Int32Array;
    slotSize: Int32Array;
    allDofs: Int32Array;
    mark: Int32Array;
  },
  cursor: Int32Array,
  rowIdx: Int32Array | null,
): void {
  const { incPtr, incSlot, groupSlotStart, slotSize, allDofs, mark } = p;
  for (let r = 0; r < n; r++) {
    for (let t = incPtr[r]; t < incPtr[r + 1]; t++) {
      const slot = incSlot[t];
      const start = elementBase(slot, groupSlotStart, slotSize);
      const d = slotSize[slot];
      for (let b = start; b < start + d; b++) {
        const c = allDofs[b];
        if (c >= 0 && c <= r && mark[c] !== r) {
          mark[c] = r;
          if (rowIdx) rowIdx[cursor[c]++] = r;
          else cursor[c + 1]++;
        }
      }
    }
  }
}

/** First slot of the element that owns `slot`. */
function elementBase(slot: number, groupSlotStart: Int32Array, slotSize: Int32Array): number {
  const g = groupOf(slot, groupSlotStart);
  const d = slotSize[slot];
  const local = slot - groupSlotStart[g];
  return slot - (local % d);
}

function groupOf(slot: number, groupSlotStart: Int32Array): number {
  let g = 0;
  while (slot >= groupSlotStart[g + 1]) g++;
  return g;
}

/**
 * Adds all element blocks of group g (nElem*d*d doubles, each block row-major d×d,
 * symmetric) into `values`. One pass, no allocation.
 */
export function assembleGroup(
  plan: AssemblyPlan,
  groupIndex: number,
  blocks: Float64Array,
  values: Float64Array = plan.matrix.values,
): void {
  const map = plan.scatter[groupIndex];
  if (blocks.length !== map.length) {
    throw new RangeError(`group ${groupIndex}: expected ${map.length} block entries, got ${blocks.length}`);
  }
  for (let q = 0; q < map.length; q++) {
    const t = map[q];
    if (t >= 0) values[t] += blocks[q];
  }
}

/** Adds the d×d row-major block of element e of group g into `values`. */
export function addElement(
  plan: AssemblyPlan,
  groupIndex: number,
  element: number,
  block: Float64Array,
  values: Float64Array = plan.matrix.values,
): void {
  const d = plan.groups[groupIndex].size;
  const map = plan.scatter[groupIndex];
  const base = element * d * d;
  for (let q = 0; q < d * d; q++) {
    const t = map[base + q];
    if (t >= 0) values[t] += block[q];
  }
}

/** Resets the assembled values to zero (before a new assembly on the same pattern). */
export function zeroValues(plan: AssemblyPlan, values: Float64Array = plan.matrix.values): void {
  values.fill(0);
}
