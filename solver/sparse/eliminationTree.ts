/** Elimination tree, postorder and column counts of a Cholesky factor. */

/**
 * Elimination tree from the strictly-lower row lists (row k lists the columns i < k with
 * A(k, i) ≠ 0): parent[i] = min{ k > i : L(k, i) ≠ 0 }, -1 for roots. Liu's algorithm
 * with path compression through `ancestor`.
 */
export function eliminationTree(n: number, rowPtr: Int32Array, rowCols: Int32Array): Int32Array {
  const parent = new Int32Array(n).fill(-1);
  const ancestor = new Int32Array(n).fill(-1);
  for (let k = 0; k < n; k++) {
    for (let t = rowPtr[k]; t < rowPtr[k + 1]; t++) {
      let r = rowCols[t];
      while (r >= 0 && r !== k) {
        const next = ancestor[r];
        ancestor[r] = k;
        if (next < 0) parent[r] = k;
        r = next;
      }
    }
  }
  return parent;
}

/** A postorder of the forest (post[k] = vertex); children are visited in increasing order. */
export function postorder(parent: Int32Array): Int32Array {
  const n = parent.length;
  const head = new Int32Array(n).fill(-1);
  const next = new Int32Array(n).fill(-1);
  for (let v = n - 1; v >= 0; v--) {
    const p = parent[v];
    if (p >= 0) {
      next[v] = head[p];
      head[p] = v;
    }
  }
  const post = new Int32Array(n);
  const stack = new Int32Array(n);
  let k = 0;
  for (let root = 0; root < n; root++) {
    if (parent[root] >= 0) continue;
    let top = 0;
    stack[0] = root;
    while (top >= 0) {
      const v = stack[top];
      const child = head[v];
      if (child < 0) {
        top--;
        post[k++] = v;
      } else {
        head[v] = next[child]; // consume the child
        stack[++top] = child;
      }
    }
  }
  return post;
}

/**
 * Column counts |L(:, j)| (diagonal included) for a matrix whose etree is postordered
 * (parent[j] > j, subtrees contiguous). colPtr/rowIdx list, for each column j, the rows
 * i > j with A(i, j) ≠ 0. Row-subtree counting of Gilbert, Ng and Peyton: column j lies in
 * the row subtree of every row i of L(:, j); each row subtree adds +1 at its leaves, -1 at
 * the least common ancestor of consecutive leaves and -1 above its root, and a subtree sum
 * of these deltas gives the count.
 */
export function columnCounts(parent: Int32Array, colPtr: Int32Array, rowIdx: Int32Array): Int32Array {
  const n = parent.length;
  const first = new Int32Array(n).fill(-1);
  for (let j = 0; j < n; j++) {
    if (first[j] < 0) first[j] = j;
    const p = parent[j];
    if (p >= 0 && first[p] < 0) first[p] = first[j];
  }
  const delta = new Int32Array(n);
  const maxFirst = new Int32Array(n).fill(-1);
  const prevLeaf = new Int32Array(n).fill(-1);
  const ancestor = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    ancestor[j] = j;
    if (first[j] === j) delta[j] = 1; // an etree leaf: its own row subtree is {j}
  }
  for (let j = 0; j < n; j++) {
    const p = parent[j];
    if (p >= 0) delta[p]--;
    for (let t = colPtr[j]; t < colPtr[j + 1]; t++) {
      const i = rowIdx[t];
      if (i <= j || first[j] <= maxFirst[i]) continue; // j is not a leaf of row subtree i
      maxFirst[i] = first[j];
      delta[j]++;
      const jPrev = prevLeaf[i];
      if (jPrev >= 0) {
        // least common ancestor of jPrev and j: the first ancestor of jPrev not yet finished
        let q = jPrev;
        while (ancestor[q] !== q) q = ancestor[q];
        let s = jPrev;
        while (s !== q) {
          const next = ancestor[s];
          ancestor[s] = q;
          s = next;
        }
        delta[q]--;
      }
      prevLeaf[i] = j;
    }
    if (p >= 0) ancestor[j] = p;
  }
  for (let j = 0; j < n; j++) {
    const p = parent[j];
    if (p >= 0) delta[p] += delta[j];
  }
  return delta;
}
