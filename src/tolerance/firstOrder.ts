import { LuDecomposition, Matrix } from 'ml-matrix';
import { evaluateClosureLaw, initialStiffness } from '../../solver/contact/closureLaw';
import { type ContactOptions, ContactSolver, type ContactState } from '../../solver/contact/contactSolver';
import type { SolverSession } from '../../solver/session/solverSession';
import { checkCase, nominalPreload } from '../case/checkCase';
import { buildModel, swellingField } from '../model/buildModel';
import { InputError } from '../validation/parseInput';
import { meanInputCase, studyPreload } from './drawInputs';
import { centredQuadraticForms } from './flatnessCovariance';
import type { StudySettings } from './studySettings';
import type { FirstOrderEstimate } from './toleranceResult';

/** Footprint nodes the flatness covariance form may sum over (its cost is their square). */
const maxCovarianceNodes = 20_000;

/**
 * First-order propagation of a study's random inputs, J Σ Jᵀ, at the mean inputs. J comes from
 * the solver's own linearisation: its tangent, factored at the solved state through the public
 * `tangent.refactor` and solved with `tangent.solve`. With δc = ∇c·δu − δgap at every contact
 * point and K_t the tangent (plates + A·dp/dc of the points):
 * - load-up (bolts at their preload): K_t δu = Σ A k ∇c δgap − Σ_b g_b δT_b;
 * - after swelling (bolts locked at their load-up stretch): (K_t + G D Gᵀ) δu =
 *   Σ A k ∇c δgap − G δT + G D Gᵀ δu₀, with δu₀ the load-up response (Woodbury on K_t).
 * Each quantity q then needs one adjoint solve, z = K⁻¹ ∂q/∂u, for its whole row of J.
 * Σ: independent bolt factors (uniform: h²/3; normal cut at ±3σ: 0.99501·cov²) times the
 * nominal preload squared; each random face a field of covariance σ² exp(−r²/ℓ²) over the
 * footprint nodes, centred and scaled to the exact RMS as the surface model does (Σ ≈ σ²·n·PCP/tr(PCP),
 * P the centring projector). Map noise and thickness tolerances change the laws or live on the map's
 * grid and are not propagated: they are listed in `omitted`.
 */
export function firstOrderEstimates(study: StudySettings, session: SolverSession): FirstOrderEstimate[] {
  const c0 = study.checked.case;
  const t = study.tolerances;
  const c = checkCase(meanInputCase(c0, t)).case;
  const model = buildModel(c);
  const { problem, mesh } = model;
  // the footprint nodes, where the surface model draws a face and sets its RMS
  const nodes = Int32Array.from(new Set(problem.interfaces[0].node)).sort();
  const xy = Float64Array.from(
    { length: 2 * nodes.length },
    (_, q) => mesh.nodes[2 * nodes[q >> 1] + (q & 1)],
  );
  const faces = (['top', 'bottom'] as const).flatMap((face) => {
    const f = c0.plates[face].flatness;
    if (f.type !== 'random' || !t.flatness.redrawRandom || f.rms === 0) return [];
    // a face closes the gap of the interface it bounds: top → the first, bottom → the last
    return [
      {
        rms: f.rms * 1e-3,
        length: f.correlationLength,
        interfaces: face === 'top' ? [0] : [problem.interfaces.length - 1],
      },
    ];
  });
  // the covariance form costs n² pairs: 20 000 nodes (2·10⁸ pairs, a few seconds) is the most to spend
  if (faces.length > 0 && nodes.length > maxCovarianceNodes)
    throw new InputError('case', [
      `mesh.size: ${c.mesh.size} mm — first-order propagation of the random flatness sums its covariance over every pair of the ${nodes.length} footprint nodes; at most ${maxCovarianceNodes} are allowed: use a larger mesh.size, or leave the first-order estimate out`,
    ]);
  const solver = new ContactSolver(problem, session);
  const opts: ContactOptions = { tolerance: c.solver.tolerance, maxIterations: c.solver.maxIterations };
  const loadUp = solver.loadUp(opts);
  const swollen =
    c.stack.swelling.type === 'none' ? null : solver.swell(loadUp, swellingField(c, model), opts);
  const n = solver.n;
  const tangent = solver.tangent;
  const held = new Uint8Array(n);
  for (const d of tangent.heldDofs) held[d] = 1;
  const plates = solver.plates;
  const wDof = (l: number, node: number): number => {
    const m = plates[l];
    if (!m) return -1;
    const dof = m.dofOffset + 3 * node;
    return held[dof] ? -1 : dof;
  };
  const itfs = problem.interfaces;
  const up = itfs.map((itf, k) => Int32Array.from(itf.node, (node) => wDof(k, node)));
  const lo = itfs.map((itf, k) => Int32Array.from(itf.node, (node) => wDof(k + 1, node)));
  const gradC = (k: number, j: number, v: Float64Array) =>
    (lo[k][j] >= 0 ? v[lo[k][j]] : 0) - (up[k][j] >= 0 ? v[up[k][j]] : 0);
  const addGradC = (k: number, j: number, w: number, v: Float64Array) => {
    if (lo[k][j] >= 0) v[lo[k][j]] += w;
    if (up[k][j] >= 0) v[up[k][j]] -= w;
  };
  // the bolts' g_b = ∂s_b/∂u, zero at the held dofs, sparse (the washer patches): a study may have
  // 2000 bolts on a mesh of a million dofs, too many for dense columns
  interface SparseColumn {
    dof: Int32Array;
    w: Float64Array;
  }
  const G: SparseColumn[] = problem.bolts.map((b) => {
    const at = new Map<number, number>();
    b.upperNodes.forEach((node, i) => {
      const d = wDof(0, node);
      if (d >= 0) at.set(d, (at.get(d) ?? 0) + b.upperWeights[i]);
    });
    b.lowerNodes.forEach((node, i) => {
      const d = wDof(problem.layers.length - 1, node);
      if (d >= 0) at.set(d, (at.get(d) ?? 0) - b.lowerWeights[i]);
    });
    return { dof: Int32Array.from(at.keys()), w: Float64Array.from(at.values()) };
  });
  /** gᵀ v */
  const dot = (g: SparseColumn, v: Float64Array) => {
    let s = 0;
    for (let i = 0; i < g.dof.length; i++) s += g.w[i] * v[g.dof[i]];
    return s;
  };
  /** v += Σ_b c_b g_b */
  const addColumns = (c: ArrayLike<number>, v: Float64Array) => {
    G.forEach((g, b) => {
      for (let i = 0; i < g.dof.length; i++) v[g.dof[i]] += c[b] * g.w[i];
    });
  };

  // dp/dc of every point in a state, and the tangent's A·dp/dc with the solver's open-point floor
  let k0 = Number.POSITIVE_INFINITY;
  for (const law of problem.laws) k0 = Math.min(k0, initialStiffness(law));
  const out = new Float64Array(3);
  const slopesOf = (s: ContactState) =>
    itfs.map((itf, k) =>
      Float64Array.from(itf.node, (_, j) => {
        evaluateClosureLaw(problem.laws[itf.law[j]], s.closure[k][j], out);
        return out[1];
      }),
    );
  // the solver keeps 1e-6 of the least initial stiffness at open points, in the tangent only
  const stiffnessOf = (slopes: Float64Array[]) =>
    slopes.map((sl, k) => Float64Array.from(sl, (v, j) => itfs[k].area[j] * Math.max(v, 1e-6 * k0)));
  const solve = (b: Float64Array): Float64Array => {
    const rhs = Float64Array.from(b);
    for (const d of tangent.heldDofs) rhs[d] = 0;
    const x = new Float64Array(n);
    tangent.solve(rhs, x);
    return x;
  };

  const s0 = slopesOf(loadUp);
  tangent.refactor(stiffnessOf(s0));
  const top = itfs[0];
  let area = 0;
  for (const a of top.area) area += a;
  const meanGradient = (slopes: Float64Array[]) => {
    const a = new Float64Array(n);
    for (let j = 0; j < top.node.length; j++) addGradC(0, j, (top.area[j] * slopes[0][j]) / area, a);
    return a;
  };
  // the point nearest the footprint centre
  const fp = model.footprint;
  const cx = 0.5 * (fp.x0 + fp.x1);
  const cy = 0.5 * (fp.y0 + fp.y1);
  let centre = 0;
  let best = Number.POSITIVE_INFINITY;
  for (let j = 0; j < top.node.length; j++) {
    const d = Math.hypot(mesh.nodes[2 * top.node[j]] - cx, mesh.nodes[2 * top.node[j] + 1] - cy);
    if (d < best) {
      best = d;
      centre = j;
    }
  }

  /** ∂q/∂T_b and ∂q/∂gap_i of one quantity, from its adjoint pieces */
  interface Row {
    quantity: FirstOrderEstimate['quantity'];
    state: FirstOrderEstimate['state'];
    value: number;
    bolts: Float64Array;
    gaps: Float64Array[];
    point?: FirstOrderEstimate['point'];
  }
  const rows: Row[] = [];
  // load-up: q = mean p, and q = p at the centre point
  {
    const z = solve(meanGradient(s0));
    rows.push({
      quantity: 'meanPressure',
      state: 'loadUp',
      value: meanOf(loadUp.pressure[0], top.area),
      bolts: Float64Array.from(G, (g) => -dot(g, z)),
      gaps: itfs.map((itf, k) =>
        Float64Array.from(itf.node, (_, j) => {
          const ak = itf.area[j] * s0[k][j];
          return ak * gradC(k, j, z) - (k === 0 ? (top.area[j] * s0[0][j]) / area : 0);
        }),
      ),
    });
    const e = new Float64Array(n);
    addGradC(0, centre, 1, e);
    const zc = solve(e);
    const sc = s0[0][centre];
    const node = top.node[centre];
    rows.push({
      quantity: 'centrePressure',
      state: 'loadUp',
      value: loadUp.pressure[0][centre],
      bolts: Float64Array.from(G, (g) => -sc * dot(g, zc)),
      gaps: itfs.map((itf, k) =>
        Float64Array.from(itf.node, (_, j) => {
          const ak = itf.area[j] * s0[k][j];
          return sc * (ak * gradC(k, j, zc) - (k === 0 && j === centre ? 1 : 0));
        }),
      ),
      point: { index: centre, x: mesh.nodes[2 * node], y: mesh.nodes[2 * node + 1] },
    });
  }
  if (swollen) {
    const sw = slopesOf(swollen);
    const same = sw.every((v, k) => v.every((x, j) => x === s0[k][j]));
    if (!same) tangent.refactor(stiffnessOf(sw));
    const nb = G.length;
    // Woodbury: (K_t + G D Gᵀ)⁻¹ a = K_t⁻¹ (a − G S⁻¹ Gᵀ K_t⁻¹ a), S = D⁻¹ + Gᵀ K_t⁻¹ G: one solve
    // per bolt for S, two per right-hand side, no column of K_t⁻¹ G kept
    const S = new Matrix(nb, nb);
    G.forEach((gb, b) => {
      const e = new Float64Array(n);
      for (let i = 0; i < gb.dof.length; i++) e[gb.dof[i]] = gb.w[i];
      const zb = solve(e);
      for (let a = 0; a < nb; a++)
        S.set(a, b, dot(G[a], zb) + (a === b ? 1 / problem.bolts[a].stiffness : 0));
    });
    const lu = new LuDecomposition(S);
    const lockedSolve = (rhs: Float64Array) => {
      const y = solve(rhs);
      const coef = lu.solve(Matrix.columnVector(G.map((g) => dot(g, y))));
      const r = Float64Array.from(rhs);
      addColumns(
        Array.from({ length: nb }, (_, b) => -coef.get(b, 0)),
        r,
      );
      return solve(r);
    };
    const z = lockedSolve(meanGradient(sw));
    // y = K₀⁻¹ G D Gᵀ z: the locked bolts carry the load-up response into the swollen state
    const load = new Float64Array(n);
    addColumns(
      G.map((g, b) => problem.bolts[b].stiffness * dot(g, z)),
      load,
    );
    // back to the load-up tangent when swelling changed it
    if (!same) tangent.refactor(stiffnessOf(s0));
    const y = solve(load);
    rows.push({
      quantity: 'meanPressure',
      state: 'swollen',
      value: meanOf(swollen.pressure[0], top.area),
      bolts: Float64Array.from(G, (g) => -(dot(g, z) + dot(g, y))),
      gaps: itfs.map((itf, k) =>
        Float64Array.from(itf.node, (_, j) => {
          const a = itf.area[j];
          return (
            a * sw[k][j] * gradC(k, j, z) +
            a * s0[k][j] * gradC(k, j, y) -
            (k === 0 ? (top.area[j] * sw[0][j]) / area : 0)
          );
        }),
      ),
    });
  }

  // Σ of the preload factors, per bolt [-]
  const preload = studyPreload(c0, t);
  const factorVariance = !preload
    ? 0
    : preload.type === 'uniform'
      ? preload.halfRange ** 2 / 3
      : // E[min(max(z, −3), 3)²] for a standard normal z
        0.9950072780344537 * preload.cov ** 2;
  const F = nominalPreload(c0);
  const omitted: string[] = [];
  if (t.flatness.mapNoise) omitted.push('tolerances.flatness.mapNoise');
  if (t.padThickness) omitted.push('tolerances.padThickness');
  if (t.cellThickness) omitted.push('tolerances.cellThickness');

  const flatnessParts = faces.map((face) => {
    // ∂q/∂h at each footprint node: a face height h closes the gap by h
    const at = new Map<number, number>();
    nodes.forEach((node, q) => {
      at.set(node, q);
    });
    const sens = rows.map((row) => {
      const s = new Float64Array(nodes.length);
      for (const k of face.interfaces)
        itfs[k].node.forEach((node, j) => {
          s[at.get(node) as number] -= row.gaps[k][j];
        });
      let mean = 0;
      for (const v of s) mean += v;
      mean /= s.length;
      return s.map((v) => v - mean);
    });
    return centredQuadraticForms(xy, face.length, sens).map((v) => face.rms ** 2 * v);
  });

  return rows.map((row, r) => {
    let pre = 0;
    for (const d of row.bolts) pre += d * d;
    pre *= F * F * factorVariance;
    const flat = flatnessParts.reduce((s, part) => s + part[r], 0);
    const estimate: FirstOrderEstimate = {
      quantity: row.quantity,
      state: row.state,
      value: row.value,
      variance: pre + flat,
      parts: { preload: pre, flatness: flat },
      omitted,
    };
    if (row.point) estimate.point = row.point;
    return estimate;
  });
}

function meanOf(p: Float64Array, area: Float64Array): number {
  let f = 0;
  let a = 0;
  for (let j = 0; j < p.length; j++) {
    f += p[j] * area[j];
    a += area[j];
  }
  return f / a;
}
