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
  if (groups.length === 1) {
    const b = dofsPerNode(n, groups[0]);
    if (b > 1) return planNodeBlocks(n, groups[0], b);
  }
  const { colPtr, rowIdx, incPtr, incSlot, groupSlotStart, slotSize, allDofs } = lowerPattern(n, groups);
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
  return { matrix: { n, colPtr, rowIdx, values: new Float64Array(rowIdx.length) }, groups, scatter };
}

/**
 * The lower-triangle pattern of the assembled matrix (rows ascending in each column) and the
 * dof → element-slot incidence it was built from.
 */
function lowerPattern(n: number, groups: ElementGroup[]) {
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
  return { colPtr, rowIdx, incPtr, incSlot, groupSlotStart, slotSize, allDofs };
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

/**
 * The b > 1 for which every element lists whole nodes, dofs b·node … b·node + b − 1 in order
 * (a plate element: b = 3), or 1 when there is none.
 */
export function dofsPerNode(n: number, group: ElementGroup): number {
  const { size: d, dofs } = group;
  for (let b = d >> 1; b > 1; b--) {
    if (d % b !== 0 || n % b !== 0) continue;
    let whole = true;
    for (let q = 0; q < dofs.length && whole; q += b) {
      const first = dofs[q];
      if (first < 0 || first % b !== 0 || first >= n) whole = false;
      for (let c = 1; c < b && whole; c++) whole = dofs[q + c] === first + c;
    }
    if (whole) return b;
  }
  return 1;
}

/**
 * planAssembly for one group of elements made of whole nodes (b dofs each): the pattern is
 * built on the nodes, b² times smaller, and expanded, since a node couples all its dofs with all
 * dofs of every node it shares an element with. Gives the same pattern and scatter map as the
 * dof-by-dof construction.
 */
function planNodeBlocks(n: number, group: ElementGroup, b: number): AssemblyPlan {
  const d = group.size;
  const k = d / b; // nodes per element
  const nNodes = n / b;
  const nElements = group.dofs.length / d;
  const elementNodes = new Int32Array(nElements * k);
  for (let q = 0; q < elementNodes.length; q++) elementNodes[q] = group.dofs[q * b] / b;
  // node pattern (lower, rows ascending) through the dof-level visitor on a 1-dof-per-node group
  const nodeGroup: ElementGroup = { size: k, dofs: elementNodes };
  const nodePlanPattern = lowerPattern(nNodes, [nodeGroup]);
  const { colPtr: nodePtr, rowIdx: nodeRows } = nodePlanPattern;
  // expand: dof column b·J + c holds rows b·J + c … b·J + b − 1, then all b rows of each later node
  const colPtr = new Int32Array(n + 1);
  for (let J = 0; J < nNodes; J++) {
    const len = nodePtr[J + 1] - nodePtr[J];
    for (let c = 0; c < b; c++) colPtr[b * J + c + 1] = len === 0 ? 0 : b - c + b * (len - 1);
  }
  for (let j = 0; j < n; j++) colPtr[j + 1] += colPtr[j];
  const rowIdx = new Int32Array(colPtr[n]);
  for (let J = 0; J < nNodes; J++) {
    for (let c = 0; c < b; c++) {
      let t = colPtr[b * J + c];
      for (let q = nodePtr[J]; q < nodePtr[J + 1]; q++) {
        const I = nodeRows[q];
        for (let r = I === J ? c : 0; r < b; r++) rowIdx[t++] = b * I + r;
      }
    }
  }
  // scatter: entry (row dof of node I, col dof of node J), I ≥ J, sits at the node's place in column J
  const scatter = new Int32Array(nElements * d * d).fill(-1);
  for (let e = 0; e < nElements; e++) {
    const base = e * d * d;
    for (let bn = 0; bn < k; bn++) {
      const J = elementNodes[e * k + bn];
      for (let an = 0; an < k; an++) {
        const I = elementNodes[e * k + an];
        if (I < J) continue;
        let place = nodePtr[J];
        while (nodeRows[place] !== I) place++;
        const nodeIndex = place - nodePtr[J]; // 0: the diagonal node
        for (let cb = 0; cb < b; cb++) {
          const start = colPtr[b * J + cb];
          for (let ca = I === J ? cb : 0; ca < b; ca++) {
            const offset = nodeIndex === 0 ? ca - cb : b - cb + b * (nodeIndex - 1) + ca;
            scatter[base + (an * b + ca) * d + bn * b + cb] = start + offset;
          }
        }
      }
    }
  }
  return {
    matrix: { n, colPtr, rowIdx, values: new Float64Array(rowIdx.length) },
    groups: [group],
    scatter: [scatter],
  };
}
