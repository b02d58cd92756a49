/**
 * Extend-add of a child's update matrix into its parent's front. Update matrices are
 * packed lower triangles: column t of an mc×mc one holds rows t..mc-1 and starts at
 * t*mc - t(t-1)/2. rel[t] is the parent-local row of the child's row t (increasing).
 * Parent columns < k belong to the panel (column-major, ld m, at panelOff in `panel`), the
 * others to the parent's packed update matrix (order mu = m - k, at 0 in `update`).
 */
export function extendAdd(
  child: Float64Array,
  childOff: number,
  mc: number,
  rel: Int32Array,
  panel: Float64Array,
  panelOff: number,
  m: number,
  k: number,
  update: Float64Array,
): void {
  const mu = m - k;
  let src = childOff; // start of child column t (its row t)
  for (let t = 0; t < mc; t++) {
    const pc = rel[t];
    // the child's rows t..mc-1 often map to one contiguous run of parent rows
    const contiguous = rel[mc - 1] - pc === mc - 1 - t;
    let dst: number; // position of parent row 0 of column pc, then shifted to row pc
    let target: Float64Array;
    let rowShift: number;
    if (pc < k) {
      target = panel;
      dst = panelOff + pc * m;
      rowShift = 0;
    } else {
      const c = pc - k;
      target = update;
      dst = c * mu - ((c * (c + 1)) >> 1);
      rowShift = k;
    }
    const base = src - t; // child element r of this column is child[base + r]
    if (contiguous) {
      const shift = dst + pc - rowShift - t;
      for (let r = t; r < mc; r++) target[shift + r] += child[base + r];
    } else {
      const d = dst - rowShift;
      for (let r = t; r < mc; r++) target[d + rel[r]] += child[base + r];
    }
    src += mc - t;
  }
}
