/**
 * Approximate minimum degree ordering on the quotient graph (after Amestoy, Davis and
 * Duff's AMD): eliminated vertices become "elements" (cliques stored as vertex lists),
 * degrees are upper bounds computed from |L_e \ L_p| rather than exact set unions,
 * indistinguishable variables are merged into supervariables, variables adjacent only to
 * the new element are eliminated with it (mass elimination), and elements covered by the
 * new element are absorbed.
 */
import type { AdjacencyGraph } from '../graph';

const VARIABLE = 0;
const MERGED = 1; // non-principal member of a supervariable, or mass-eliminated
const ELEMENT = 2;
const ABSORBED = 3;

/** Orders the vertices of g by approximate minimum degree (perm[new] = vertex). */
export function approximateMinimumDegree(g: AdjacencyGraph): Int32Array {
  const n = g.n;
  const order = new Int32Array(n);
  if (n === 0) return order;
  let iw = new Int32Array(Math.max(2 * g.ptr[n] + 4 * n, 16));
  iw.set(g.adj);
  let iwEnd = g.ptr[n];
  const pe = new Int32Array(n);
  const len = new Int32Array(n);
  const elen = new Int32Array(n);
  const nv = new Int32Array(n).fill(1);
  const status = new Uint8Array(n);
  const degree = new Int32Array(n);
  const head = new Int32Array(n + 1).fill(-1);
  const dnext = new Int32Array(n).fill(-1);
  const dprev = new Int32Array(n).fill(-1);
  const w = new Float64Array(n);
  const inLp = new Float64Array(n); // stamp: == lpStamp when in the current L_p
  const flag = new Float64Array(n); // stamp for supervariable comparison
  const memberNext = new Int32Array(n).fill(-1);
  const memberTail = new Int32Array(n);
  const hashOf = new Int32Array(n);
  const bucketHead = new Int32Array(n).fill(-1);
  const bucketNext = new Int32Array(n).fill(-1);
  let wflg = 1;
  let lpStamp = 0;
  let flagStamp = 0;

  for (let v = 0; v < n; v++) {
    pe[v] = g.ptr[v];
    len[v] = g.ptr[v + 1] - g.ptr[v];
    degree[v] = len[v];
    memberTail[v] = v;
  }
  const insert = (v: number, d: number): void => {
    const b = d < n ? d : n - 1;
    dprev[v] = -1;
    dnext[v] = head[b];
    if (head[b] >= 0) dprev[head[b]] = v;
    head[b] = v;
  };
  const remove = (v: number): void => {
    const b = degree[v] < n ? degree[v] : n - 1;
    if (dprev[v] >= 0) dnext[dprev[v]] = dnext[v];
    else head[b] = dnext[v];
    if (dnext[v] >= 0) dprev[dnext[v]] = dprev[v];
  };
  for (let v = 0; v < n; v++) insert(v, degree[v]);

  let k = 0; // vertices ordered so far
  let mindeg = 0;
  let out = 0;
  const emit = (v: number): void => {
    for (let u = v; u >= 0; u = memberNext[u]) order[out++] = u;
  };

  while (k < n) {
    while (head[mindeg] < 0) mindeg++;
    const p = head[mindeg];
    remove(p);
    let nvp = nv[p];
    emit(p);
    k += nvp;

    // Room for the new element's list: at most the sum of the lists it is built from.
    let bound = len[p] - elen[p];
    for (let t = pe[p]; t < pe[p] + elen[p]; t++) bound += len[iw[t]];
    if (iwEnd + bound > iw.length) {
      iwEnd = compact(iw, pe, len, status, n);
      if (iwEnd + bound > iw.length) {
        const bigger = new Int32Array(Math.max(2 * iw.length, iwEnd + bound + n));
        bigger.set(iw.subarray(0, iwEnd));
        iw = bigger;
      }
    }

    // L_p = (A_p ∪ ⋃_{e ∈ E_p} L_e) \ {p}; the elements of E_p are absorbed.
    lpStamp++;
    inLp[p] = lpStamp;
    const lpStart = iwEnd;
    let lpEnd = lpStart;
    let degme = 0;
    const pStart = pe[p];
    const pElen = elen[p];
    const pLen = len[p];
    for (let t = pStart; t < pStart + pLen; t++) {
      const x = iw[t];
      if (t < pStart + pElen) {
        if (status[x] !== ELEMENT) continue;
        for (let q = pe[x]; q < pe[x] + len[x]; q++) {
          const j = iw[q];
          if (status[j] === VARIABLE && inLp[j] !== lpStamp) {
            inLp[j] = lpStamp;
            iw[lpEnd++] = j;
            degme += nv[j];
            remove(j);
          }
        }
        status[x] = ABSORBED;
      } else if (status[x] === VARIABLE && inLp[x] !== lpStamp) {
        inLp[x] = lpStamp;
        iw[lpEnd++] = x;
        degme += nv[x];
        remove(x);
      }
    }
    iwEnd = lpEnd;
    status[p] = ELEMENT;
    pe[p] = lpStart;
    len[p] = lpEnd - lpStart;
    elen[p] = 0;

    // Scan 1: w[e] - wflg = |L_e \ L_p| (weighted) for every element next to L_p.
    for (let t = lpStart; t < lpEnd; t++) {
      const i = iw[t];
      const nvi = nv[i];
      for (let q = pe[i]; q < pe[i] + elen[i]; q++) {
        const e = iw[q];
        if (status[e] !== ELEMENT) continue;
        if (w[e] < wflg) w[e] = degree[e] + wflg;
        w[e] -= nvi;
      }
    }

    // Scan 2: prune each list, bound the degree, hash for supervariable detection.
    const nleft = n - k;
    const usedBuckets: number[] = [];
    for (let t = lpStart; t < lpEnd; t++) {
      const i = iw[t];
      const start = pe[i];
      const end = start + len[i];
      const oldElen = elen[i];
      let dst = start;
      let elemDeg = 0;
      let hash = p;
      for (let q = start; q < start + oldElen; q++) {
        const e = iw[q];
        if (status[e] !== ELEMENT || e === p) continue;
        const external = w[e] - wflg;
        if (external <= 0) {
          status[e] = ABSORBED; // aggressive absorption: L_e ⊆ L_p
          continue;
        }
        elemDeg += external;
        hash += e;
        iw[dst++] = e;
      }
      const kept = dst - start;
      let varDeg = 0;
      for (let q = start + oldElen; q < end; q++) {
        const j = iw[q];
        if (status[j] !== VARIABLE || inLp[j] === lpStamp) continue;
        varDeg += nv[j];
        hash += j;
        iw[dst++] = j;
      }
      // Add p to the elements. The list lost at least one entry (p as a variable, or an
      // element of E_p), so there is room: the first variable moves to the end.
      if (dst > start + kept) iw[dst] = iw[start + kept];
      iw[start + kept] = p;
      dst++;
      const newElen = kept + 1;
      elen[i] = newElen;
      len[i] = dst - start;
      if (newElen === 1 && len[i] === 1) {
        // mass elimination: i is adjacent to nothing but the new element
        status[i] = MERGED;
        nvp += nv[i];
        k += nv[i];
        degme -= nv[i];
        nv[i] = 0;
        emit(i);
        continue;
      }
      const nvi = nv[i];
      let d = degree[i] + degme - nvi;
      const d3 = varDeg + elemDeg + degme - nvi;
      if (d3 < d) d = d3;
      if (nleft - nvi < d) d = nleft - nvi;
      degree[i] = d < 0 ? 0 : d;
      const h = (hash >>> 0) % n;
      hashOf[i] = h;
      if (bucketHead[h] < 0) usedBuckets.push(h);
      bucketNext[i] = bucketHead[h];
      bucketHead[h] = i;
    }

    // Supervariables: variables of L_p with identical lists are merged.
    for (const h of usedBuckets) {
      for (let i = bucketHead[h]; i >= 0; i = bucketNext[i]) {
        if (nv[i] === 0) continue;
        let flagged = false;
        for (let j = bucketNext[i]; j >= 0; j = bucketNext[j]) {
          if (nv[j] === 0 || len[j] !== len[i] || elen[j] !== elen[i]) continue;
          if (!flagged) {
            flagStamp++;
            for (let q = pe[i]; q < pe[i] + len[i]; q++) flag[iw[q]] = flagStamp;
            flagged = true;
          }
          let same = true;
          for (let q = pe[j]; q < pe[j] + len[j]; q++) {
            if (flag[iw[q]] !== flagStamp) {
              same = false;
              break;
            }
          }
          if (!same) continue;
          degree[i] -= nv[j];
          if (degree[i] < 0) degree[i] = 0;
          nv[i] += nv[j];
          nv[j] = 0;
          status[j] = MERGED;
          memberNext[memberTail[i]] = j;
          memberTail[i] = memberTail[j];
        }
      }
      bucketHead[h] = -1;
    }

    // Finalise L_p: keep the principal variables, put them back into the degree lists.
    let dst = lpStart;
    let weight = 0;
    for (let t = lpStart; t < lpEnd; t++) {
      const i = iw[t];
      if (status[i] !== VARIABLE) continue;
      iw[dst++] = i;
      weight += nv[i];
      insert(i, degree[i]);
      if (degree[i] < mindeg) mindeg = degree[i];
    }
    len[p] = dst - lpStart;
    degree[p] = weight;
    nv[p] = nvp;
    wflg += n + 1;
  }
  return order;
}

/** Moves the live lists (variables and elements) to the front of iw; returns the new end. */
function compact(iw: Int32Array, pe: Int32Array, len: Int32Array, status: Uint8Array, n: number): number {
  let live = 0;
  for (let v = 0; v < n; v++) if (status[v] === VARIABLE || status[v] === ELEMENT) live++;
  const keys = new Float64Array(live);
  let t = 0;
  for (let v = 0; v < n; v++) if (status[v] === VARIABLE || status[v] === ELEMENT) keys[t++] = pe[v] * n + v;
  keys.sort();
  let dst = 0;
  for (let q = 0; q < live; q++) {
    const v = keys[q] % n;
    const src = pe[v];
    iw.copyWithin(dst, src, src + len[v]);
    pe[v] = dst;
    dst += len[v];
  }
  return dst;
}
