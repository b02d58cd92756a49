import { Matrix, solve } from 'ml-matrix';
import { type LayerCompliance, layerCompression } from './layerCompliance';

/**
 * Stress relaxation and compression set of a rubber pad, for a history of quasi-static states.
 *
 * **Relaxation.** Quasi-linear viscoelasticity: the pad pressure is p(t) = ∫ G(t − s) dσ_e(s), σ_e(s)
 * the pad's elastic (instantaneous) law at the compression of time s, with the Prony relaxation function
 * G(t) = g∞ + Σ g_i exp(−t/τ_i), g∞ + Σ g_i = 1. Each term is a Maxwell branch: in stress units its
 * dashpot "position" v_i is the exponential moving average of σ_e with time constant τ_i,
 * τ_i dv_i/dt = σ_e − v_i, and p = σ_e − Σ g_i v_i. With σ_e linear in time over a step of Δt (the
 * assumption of Taylor, Pister & Goudreau 1970 and of Simo & Hughes, Computational Inelasticity, ch. 10)
 * the EMA integrates exactly:
 *
 *   v_i,n = e_i v_i,n−1 + (1 − e_i) σ_n−1 + (1 − γ_i)(σ_n − σ_n−1),  e_i = exp(−Δt/τ_i),
 *   γ_i = (1 − e_i)/(Δt/τ_i),
 *
 * so p_n = A σ_n + B_n with A(Δt) = g∞ + Σ g_i γ_i and B_n = −Σ g_i [e_i v_i,n−1 + (γ_i − e_i) σ_n−1].
 * (The branch stresses H_i = g_i (σ_e − v_i) give the textbook form H_i,n = e_i H_i,n−1 + g_i γ_i Δσ_e.)
 * A depends on Δt alone: equal steps give the same pad stiffness at every point and every state, so the
 * contact tangent, and its factorization, stay the same. Since v_i ≥ 0 (an average of σ_e ≥ 0) and
 * γ_i ≥ e_i, B_n ≤ 0: the pad never pushes at zero compression, it only needs extra compression,
 * −B/A in σ_e terms, before it carries load again — a free pad has not recovered yet.
 *
 * **Compression set** (ASTM D395 method B: the share of the applied compression not recovered after
 * release). Chosen model: a ratchet on each branch, after the dual-network picture of permanent set
 * (Andrews, Tobolsky & Hanson 1946, J. Appl. Phys. 17, 352: chains broken under strain re-form at the
 * strained length). Each dashpot may flow back (recover) only down to a floor φ·max(v_i) it has reached,
 * φ = `setFraction` ∈ [0, 1]: the share of the relaxed stress that never comes back.
 * - Under compression held at any fixed strain every v_i only rises (σ_e ≥ v_i), the floors never bind,
 *   and the law is exactly G(t) whatever φ.
 * - Released after a hold t_h at fixed strain (σ_e = σ0), the pad springs back at once to
 *   σ_e = (1 − G(t_h)) σ0 — the delayed-recovery set that QLV alone leaves — and then recovers until its
 *   branches reach their floors: for a one-term law, or any law after a hold long against its τ_i, it
 *   settles at σ_e = φ (1 − G(t_h)) σ0, so for a linear pad a permanent set of φ (1 − G(t_h)) of the
 *   applied compression. A multi-term law after a short hold settles near it: its slow branches keep
 *   relaxing at the partly recovered compression, so with φ near 1 the set even grows a little while
 *   the pad is free. φ = 0 is plain QLV (full recovery), φ = 1 keeps all the set.
 * - It never creates tension: the floors only hold v_i up, and B is kept ≤ 0 with a locked branch.
 * A branch that would flow back past its floor is locked at the floor for the step: one at its floor
 * with σ_e below it, and one that σ̂, the step's σ_e if the pressure stays at the last state's (0 for an
 * open point), would carry past its floor within the step (taken there for the whole step: it reaches
 * its floor a little early). The step's stiffness stays A(Δt), so it still depends on Δt alone: a
 * locked branch's extra stiffness g_i (1 − γ_i) is moved into B at σ̂. That is exact for a held pad,
 * for instantaneous steps (Δt = 0) and at constant pressure (so a free pad settles on its set). When
 * the pressure changes, σ̂ misses the new σ_e by Δp/(A + L), L = Σ_locked g_i (1 − γ_i), and the step
 * law by L·Δp/(A + L); the last pressure enters with the weight L/(A + L) < 1, so the lag fades instead
 * of feeding on itself (a lag on the last σ_e would grow at long steps when L > A). A flowing branch
 * that passes its floor anyway (the pressure fell more than σ̂ assumed) is clamped there after the step.
 *
 * **What the solver sees.** The pad in a step of Δt is its elastic compliance δ_e with pressures scaled
 * by A (`stepLayer`) plus a per-point extra closure (`stepOffsets`): compression
 * c = δ_e(p/A) + offset. The true law is c = δ_e((p − B)/A). For a linear pad (δ_e = σ t/E) the two are
 * the same with offset = −B t/(A E). For a tabulated pad the offset is δ_e(σ_r) − δ_e(σ_r + B/A), exact
 * when the new σ_e equals σ_r = max(last state's σ_e, −B/A): at the last state's stress (a secant of the
 * table there) for a loaded pad, and at its free compression δ_e(−B/A) for an open one; away from σ_r
 * the error is the change of the table's slope between σ_r and σ_r + B/A times the change of σ_e.
 */
export interface PadRelaxationLaw {
  /** long-term share of the instantaneous stress [-] */
  gInf: number;
  /** Prony terms: weight g [-] and relaxation time τ [h] */
  terms: { g: number; tau: number }[];
  /** φ [-]: the share of the stress relaxed under compression that is never recovered after release */
  setFraction: number;
  /** where the numbers come from */
  source: string;
}

/** Relative round-off below which σ_e and a dashpot count as equal (a branch is not flowing back). */
const ROUND_OFF = 1e-12;

/** How far the weights may miss a sum of 1 (round-off of a typed-in or fitted law). */
const SUM_TOLERANCE = 1e-9;

/** Throws a clear error unless the law is g∞ ≥ 0, g_i ≥ 0, g∞ + Σ g_i = 1, τ_i > 0, 0 ≤ φ ≤ 1. */
export function validatePadRelaxationLaw(law: PadRelaxationLaw): void {
  const where = `pad relaxation law (${law.source})`;
  const finite = (v: number) => typeof v === 'number' && Number.isFinite(v);
  if (!finite(law.gInf) || law.gInf < 0 || law.gInf > 1)
    throw new Error(`${where}: gInf = ${law.gInf} — must be a number >= 0 and <= 1`);
  let sum = law.gInf;
  law.terms.forEach((t, i) => {
    if (!finite(t.g) || t.g < 0 || t.g > 1)
      throw new Error(`${where}: terms[${i}].g = ${t.g} — must be a number >= 0 and <= 1`);
    if (!finite(t.tau) || t.tau <= 0)
      throw new Error(`${where}: terms[${i}].tau = ${t.tau} h — must be a finite number > 0`);
    sum += t.g;
  });
  if (Math.abs(sum - 1) > SUM_TOLERANCE)
    throw new Error(`${where}: gInf + Σ g = ${sum} — the weights must sum to 1 (G(0) = 1)`);
  if (!finite(law.setFraction) || law.setFraction < 0 || law.setFraction > 1)
    throw new Error(`${where}: setFraction = ${law.setFraction} — must be a number >= 0 and <= 1`);
}

/** The relaxation function G(t) [-] at t [h] since a step of strain: G(0) = 1, G(∞) = g∞. */
export function relaxationFunction(law: PadRelaxationLaw, t: number): number {
  let G = law.gInf;
  for (const { g, tau } of law.terms) G += g * Math.exp(-t / tau);
  return G;
}

/** γ = (1 − e^{−x})/x, 1 at x = 0, computed without cancellation for small x. */
function stepAverage(x: number): number {
  return x < 1e-12 ? 1 : -Math.expm1(-x) / x;
}

function checkStep(dt: number): void {
  if (typeof dt !== 'number' || !Number.isFinite(dt) || dt < 0)
    throw new Error(`pad relaxation: time step dt = ${dt} h — must be a finite number >= 0`);
}

/**
 * The pad's stiffness factor A(Δt) = g∞ + Σ g_i γ_i [-] for a step of dt [h] with σ_e linear in time:
 * A(0) = 1 (an instantaneous step is elastic), A falls towards g∞ for steps long against every τ_i.
 */
export function stepStiffnessFactor(law: PadRelaxationLaw, dt: number): number {
  checkStep(dt);
  let A = law.gInf;
  for (const { g, tau } of law.terms) A += g * stepAverage(dt / tau);
  return A;
}

/**
 * A Prony law for logarithmic relaxation of `perDecade` [-] (0.03 = 3 % of the instantaneous stress per
 * decade of time), G(t) = 1 − perDecade · log10(1 + t/t0), over t from 0 to tMax [h]; t0 [h] is the time
 * below which the pad has hardly relaxed. A log law is a flat relaxation spectrum, so the terms are one
 * per decade, τ_k = t0 · 10^k up to tMax, their weights fitted by least squares on 20 times per decade
 * from t0/10 to tMax; past tMax the Prony law levels off at g∞ instead of relaxing on.
 */
export function pronyOfLogarithmicLaw(
  perDecade: number,
  t0: number,
  tMax: number,
  setFraction = 0,
  source = `logarithmic relaxation ${perDecade} per decade from ${t0} h to ${tMax} h`,
): PadRelaxationLaw {
  const finite = (v: number) => typeof v === 'number' && Number.isFinite(v);
  if (!finite(perDecade) || perDecade < 0)
    throw new Error(`logarithmic pad relaxation: perDecade = ${perDecade} — must be a finite number >= 0`);
  if (!finite(t0) || t0 <= 0)
    throw new Error(`logarithmic pad relaxation: t0 = ${t0} h — must be a finite number > 0`);
  if (!finite(tMax) || tMax <= t0)
    throw new Error(`logarithmic pad relaxation: tMax = ${tMax} h — must be a finite number > t0 (${t0} h)`);
  const total = perDecade * Math.log10(1 + tMax / t0);
  if (total >= 1)
    throw new Error(
      `logarithmic pad relaxation: ${perDecade} per decade from ${t0} h relaxes by ${total.toFixed(3)} at ${tMax} h — must be < 1 (the pad would carry no load)`,
    );
  if (perDecade === 0) return { gInf: 1, terms: [], setFraction, source };

  const decades = Math.log10(tMax / t0);
  const nTerms = Math.ceil(decades - 1e-9) + 1;
  const taus = Array.from({ length: nTerms }, (_, k) => t0 * 10 ** k);
  const perSample = 20;
  const nSamples = Math.ceil((decades + 1) * perSample) + 1;
  const lo = Math.log10(t0 / 10);
  const hi = Math.log10(tMax);
  const M = new Matrix(nSamples, nTerms);
  const b = new Matrix(nSamples, 1);
  for (let j = 0; j < nSamples; j++) {
    const t = 10 ** (lo + ((hi - lo) * j) / (nSamples - 1));
    for (let k = 0; k < nTerms; k++) M.set(j, k, -Math.expm1(-t / taus[k]));
    b.set(j, 0, perDecade * Math.log10(1 + t / t0));
  }
  const g = solve(M, b, true).to1DArray();
  if (g.some((w) => !(w >= 0)))
    throw new Error(
      `logarithmic pad relaxation: the Prony fit from ${t0} h to ${tMax} h has a negative weight — widen the range`,
    );
  const sum = g.reduce((s, w) => s + w, 0);
  const law = {
    gInf: 1 - sum,
    terms: taus.map((tau, k) => ({ g: g[k], tau })),
    setFraction,
    source,
  };
  validatePadRelaxationLaw(law);
  return law;
}

/**
 * φ [-] for a law from a measured compression set C [-] (ASTM D395 B, fraction of the applied compression)
 * after a hold of `holdHours` [h]: C = φ (1 − G(t_hold)) for a linear pad, capped at 1 — the most set this
 * law can carry is all its relaxation. A set measured hot (D395 at 70–175 °C) with a law at service
 * temperature usually hits the cap.
 */
export function setFractionOfCompressionSet(
  law: Omit<PadRelaxationLaw, 'setFraction'>,
  compressionSet: number,
  holdHours: number,
): number {
  const relaxed = 1 - relaxationFunction({ ...law, setFraction: 0 }, holdHours);
  if (relaxed <= 0) return 0;
  return Math.min(1, compressionSet / relaxed);
}

/**
 * One pad's relaxation history at each of `nPoints` contact points, advanced state by state.
 * Load-up is `commit(0, p)` from the zero history (elastic). Per state: `stepLayer(dt)` and
 * `stepOffsets(dt, out)` before the solve, `commit(dt, p)` after it, with the same dt.
 */
export class PadRelaxationHistory {
  private readonly gInf: number;
  private readonly g: Float64Array;
  private readonly tau: Float64Array;
  private readonly phi: number;
  private readonly m: number;
  private readonly n: number;
  /** last state's σ_e per point [MPa] */
  private readonly sigma: Float64Array;
  /** dashpot positions v_i per point, point-major [MPa] */
  private readonly v: Float64Array;
  /** recovery floors φ·max v_i per point [MPa] */
  private readonly floor: Float64Array;
  /** last committed pressure per point [MPa] */
  private readonly pLast: Float64Array;
  /** per-step scratch: 1 where a branch is locked at its floor for the step, point-major */
  private readonly locked: Uint8Array;
  /** per-step scratch: e_i, γ_i, and B per point for `stepDt` */
  private readonly decay: Float64Array;
  private readonly gamma: Float64Array;
  private readonly B: Float64Array;
  private stepDt = Number.NaN;
  private stepA = 1;
  private sumFlow = 0;
  private sumLockedFloor = 0;
  private sumLockedStiffness = 0;
  /** B is valid for stepDt and the current history */
  private bValid = false;
  private layerDt = Number.NaN;
  private layer: LayerCompliance;

  constructor(
    private readonly law: PadRelaxationLaw,
    private readonly elastic: LayerCompliance,
    private readonly thickness: number,
    nPoints: number,
  ) {
    validatePadRelaxationLaw(law);
    if (!Number.isFinite(thickness) || thickness <= 0)
      throw new Error(`pad relaxation: thickness = ${thickness} mm — must be a finite number > 0`);
    if (!Number.isInteger(nPoints) || nPoints < 0)
      throw new Error(`pad relaxation: nPoints = ${nPoints} — must be a whole number >= 0`);
    this.gInf = law.gInf;
    this.m = law.terms.length;
    this.n = nPoints;
    this.g = Float64Array.from(law.terms, (t) => t.g);
    this.tau = Float64Array.from(law.terms, (t) => t.tau);
    this.phi = law.setFraction;
    this.sigma = new Float64Array(nPoints);
    this.v = new Float64Array(nPoints * this.m);
    this.floor = new Float64Array(nPoints * this.m);
    this.pLast = new Float64Array(nPoints);
    this.locked = new Uint8Array(nPoints * this.m);
    this.decay = new Float64Array(this.m);
    this.gamma = new Float64Array(this.m);
    this.B = new Float64Array(nPoints);
    this.layer = elastic;
  }

  /** A(dt) and the step coefficients; B per point once per dt and history. */
  private prepareStep(dt: number): void {
    checkStep(dt);
    if (dt !== this.stepDt) {
      let A = this.gInf;
      for (let i = 0; i < this.m; i++) {
        const x = dt / this.tau[i];
        this.decay[i] = Math.exp(-x);
        this.gamma[i] = stepAverage(x);
        A += this.g[i] * this.gamma[i];
      }
      if (!(A > 0))
        throw new Error(`pad relaxation: the step of ${dt} h leaves the pad no stiffness (A = ${A})`);
      this.stepA = A;
      this.stepDt = dt;
      this.bValid = false;
    }
    if (this.bValid) return;
    const { m, decay, gamma, v, floor, sigma, pLast, locked } = this;
    const A = this.stepA;
    for (let j = 0; j < this.n; j++) {
      const s = sigma[j];
      // a branch at its floor with σ_e below would flow back past it: locked for the step (see the header);
      // below by more than round-off, so a fully relaxed branch under a held strain (σ_e = v) keeps flowing
      for (let i = 0; i < m; i++) {
        const k = j * m + i;
        locked[k] = v[k] <= floor[k] && s < v[k] * (1 - ROUND_OFF) ? 1 : 0;
      }
      // σ̂: the σ_e of this step if the pressure stays at the last state's (0 for an open point), exact for
      // the branches locked; a flowing branch that σ̂ would carry past its floor is locked too
      let sHat = s;
      for (let pass = 0; pass <= m; pass++) {
        this.branchSums(j);
        sHat = (pLast[j] - this.sumFlow + this.sumLockedFloor) / (A + this.sumLockedStiffness);
        let added = false;
        for (let i = 0; i < m; i++) {
          const k = j * m + i;
          if (locked[k]) continue;
          const vNext = decay[i] * v[k] + (1 - decay[i]) * s + (1 - gamma[i]) * (sHat - s);
          if (vNext < floor[k] * (1 - ROUND_OFF)) {
            locked[k] = 1;
            added = true;
          }
        }
        if (!added) break;
      }
      this.branchSums(j);
      // the locked branches' stiffness beyond A, g (1 − γ) σ_e, taken at σ̂; never > 0: the pad never
      // pushes at zero compression
      this.B[j] = Math.min(0, this.sumFlow - this.sumLockedFloor + this.sumLockedStiffness * sHat);
    }
    this.bValid = true;
  }

  /**
   * At point j for the current locks: sumFlow, the flowing branches' part of B; sumLockedFloor, Σ g·floor,
   * and sumLockedStiffness, Σ g (1 − γ), of the locked ones (fields, so the per-state calls allocate nothing).
   */
  private branchSums(j: number): void {
    const { m, g, decay, gamma, v, floor, sigma, locked } = this;
    const s = sigma[j];
    let flow = 0;
    let lockedFloor = 0;
    let lockedStiffness = 0;
    for (let i = 0; i < m; i++) {
      const k = j * m + i;
      if (locked[k]) {
        // a locked branch ends the step at its floor (where it is already, or reaches it within the step)
        lockedFloor += g[i] * floor[k];
        lockedStiffness += g[i] * (1 - gamma[i]);
      } else flow -= g[i] * (decay[i] * v[k] + (gamma[i] - decay[i]) * s);
    }
    this.sumFlow = flow;
    this.sumLockedFloor = lockedFloor;
    this.sumLockedStiffness = lockedStiffness;
  }

  /**
   * The pad's compliance for a step of dt [h]: the elastic law's pressures scaled by A(dt). The same
   * object for the same dt as the last call (a new one when dt changes, so a caller's earlier one stays).
   */
  stepLayer(dt: number): LayerCompliance {
    checkStep(dt);
    if (dt !== this.layerDt) {
      const A = stepStiffnessFactor(this.law, dt);
      this.layer = {
        label: `${this.elastic.label}, relaxing`,
        p: this.elastic.p.map((p) => p * A),
        d: this.elastic.d.slice(),
      };
      this.layerDt = dt;
    }
    return this.layer;
  }

  /** Per-point extra closure [mm] the pad needs before it carries load in a step of dt [h] (history and set), ≥ 0. */
  stepOffsets(dt: number, out: Float64Array): void {
    this.checkLength(out.length, 'stepOffsets out');
    this.prepareStep(dt);
    const A = this.stepA;
    for (let j = 0; j < this.n; j++) {
      const shift = this.B[j] / A; // ≤ 0
      const at = Math.max(this.sigma[j], -shift);
      out[j] = Math.max(0, layerCompression(this.elastic, at) - layerCompression(this.elastic, at + shift));
    }
  }

  /** After the state of step dt [h] is solved: the pad pressure at each point [MPa] (0 where open); advances the history. */
  commit(dt: number, p: ArrayLike<number>): void {
    this.checkLength(p.length, 'commit pressures');
    this.prepareStep(dt);
    const { m, decay, gamma, v, floor, sigma, phi, B, locked } = this;
    const A = this.stepA;
    for (let j = 0; j < this.n; j++) {
      const pj = p[j];
      if (typeof pj !== 'number' || !Number.isFinite(pj) || pj < 0)
        throw new Error(
          `pad relaxation: pressure at point ${j} = ${pj} MPa — must be a finite number >= 0 (a pad carries no tension)`,
        );
    }
    for (let j = 0; j < this.n; j++) {
      const s0 = sigma[j];
      // B ≤ 0 and p ≥ 0, so σ_e ≥ 0; max() only guards round-off
      const s1 = Math.max(0, (p[j] - B[j]) / A);
      for (let i = 0; i < m; i++) {
        const k = j * m + i;
        let vk: number;
        if (locked[k]) vk = floor[k];
        else vk = decay[i] * v[k] + (1 - decay[i]) * s0 + (1 - gamma[i]) * (s1 - s0);
        if (vk < floor[k]) vk = floor[k];
        v[k] = vk;
        if (phi * vk > floor[k]) floor[k] = phi * vk;
      }
      sigma[j] = s1;
      this.pLast[j] = p[j];
    }
    this.bValid = false;
  }

  /** Compressive strain of the pad at each point after the last commit [-]: δ_e(σ_e)/thickness. */
  strain(out: Float64Array): void {
    this.checkLength(out.length, 'strain out');
    for (let j = 0; j < this.n; j++) out[j] = layerCompression(this.elastic, this.sigma[j]) / this.thickness;
  }

  private checkLength(length: number, what: string): void {
    if (length !== this.n)
      throw new Error(`pad relaxation: ${what} has ${length} points — the pad has ${this.n}`);
  }
}
