/**
 * Confinement (shape-factor) correction of a linear cell stack bonded, or held by friction, to
 * stiff plates: a per-point factor f(x, y) on the cell's Young's modulus E.
 *
 * The thin-layer model. A layer of thickness h between rigid faces that close by δ (ε₀ = δ/h),
 * isotropic with E, ν (λ, G the Lamé constants, M = λ + 2G = E(1−ν)/((1+ν)(1−2ν)) the constrained
 * modulus). Kinematics as in the lubrication theory of bonded rubber layers (Gent & Meinecke 1970):
 * horizontal planes stay plane (w linear in z) and the lateral displacement is parabolic,
 * u(x, y, z) = ū(x, y)·(3/2)(1 − 4z²/h²), zero at both bonded faces, ū its thickness mean.
 * Unlike that theory the normal stresses are not taken as one hydrostatic pressure (that
 * assumption gives the bulk modulus K, not M, in the interior, 38 % low at ν = 0.3); the
 * thickness-mean stresses follow from the mean strains by Hooke's law, as in Tsai's analyses of
 * compressible bonded layers without the pressure assumption (Tsai 2005, Int. J. Solids Struct.):
 *   σ̄xx = M ∂ūx/∂x + λ ∂ūy/∂y − λ ε₀,   p = −σ̄zz = M ε₀ − λ θ,   θ = ∇·ū.
 * Equilibrium through the thickness, with the face shear G ∂u/∂z = ∓6Gū/h:
 *   G ∇²ū + (λ + G) ∇θ = (12 G / h²) ū,  whose divergence is  ∇²θ = γ² θ,  γ² = 12 G/(M h²),
 * so γh = √(6(1−2ν)/(1−ν)) (1.85 at ν = 0.3). At a free edge the normal mean stress vanishes; with
 * the tangential stretch along the edge neglected, θ = λ ε₀/M there, so p = M ε₀ − (λ²/M) ε₀ q with
 *   q = 1 on the footprint edge,  ∇²q = γ² q inside,
 * and the factor f = p/(E ε₀) = M/E − (λ²/(M E))·q, between 1/(1−ν²) ≥ 1 (q = 1) and M/E (q = 0):
 * the correction only stiffens. Its limits: the interior of a thin wide layer
 * (q → 0) carries M/E = (1−ν)/((1+ν)(1−2ν)) (1.346 at ν = 0.3), the uniaxial-strain state; a
 * straight free edge carries 1/(1−ν²), the plane-strain modulus of a strip free at its side; ν = 0
 * gives f ≡ 1; as ν → 1/2 (λ, M → ∞, γ → 0) it becomes the lubrication parabola p = 6Gε₀(b²−x²)/h²
 * plus 4Gε₀ for an infinite strip of half-width b. On a W × D rectangle q is the series
 *   q = ch(x; A) + Σₘ aₘ cos(kₘx)·cosh(μₘy)/cosh(μₘB),  A = W/2 ≤ B = D/2,
 *   ch(x; A) = cosh(γx)/cosh(γA),  kₘ = (2m+1)π/(2A),  μₘ² = kₘ² + γ²,  aₘ = (2/A)(−1)ᵐ γ²/(kₘ(γ² + kₘ²)),
 * exact for the model (x, y from the footprint centre).
 *
 * Assumptions: small strain, linear isotropic cells (a tabulated law has no ν to confine), faces that
 * do not slip (bonded, or friction enough to hold the edge shear), plates stiff in their own plane,
 * pads in series (if any) taken as not relieving the cells' lateral hold. Which thickness is bonded:
 * identical cells in a stack all want the same lateral expansion, so the interfaces between them
 * carry no shear and only the plates hold the stack: h is then all the cells between two plates
 * (the default, 'stack'); 'cell' takes h as one cell, for cells whose own faces are held.
 *
 * Against CalculiX (a bonded block, C3D20R, ν 0.2–0.4, h/W 0.05–0.2: test/reference/cellConfinement.md)
 * the total force agrees within 1.5 % (0.3 % at ν = 0.3, h/W ≤ 0.1) and the platen pressure within
 * 4 % of the centre pressure (5.7 % at ν = 0.4, h/W = 0.2) at points at least 0.75 h from the edge.
 * Nearer, the continuum's pressure dips deeper than the model's (by up to 7.6 % of the centre) and
 * then rises into the stress singularity of the bonded corner, which carries the force the dip lacks;
 * a Winkler point law cannot show that singularity. The edge layer is about h/2 wide (1/γ = 0.54 h at
 * ν = 0.3): the force hardly depends on the mesh (0.05, 0.21, 0.26 % above CalculiX at meshes of
 * h/2, h/4, h/8), but only a mesh of about h/4 or finer draws the profile.
 */

/** Constrained (uniaxial-strain) modulus over Young's modulus, M/E [-], for Poisson's ratio ν < 1/2. */
export function constrainedModulusRatio(nu: number): number {
  return (1 - nu) / ((1 + nu) * (1 - 2 * nu));
}

/** Plane-strain modulus over Young's modulus, 1/(1−ν²) [-]: the factor at a straight free edge. */
export function edgeModulusRatio(nu: number): number {
  return 1 / (1 - nu * nu);
}

/** Boundary-layer decay rate times the bonded thickness, γh = √(6(1−2ν)/(1−ν)) [-]. */
export function decayRateTimesThickness(nu: number): number {
  return Math.sqrt((6 * (1 - 2 * nu)) / (1 - nu));
}

/** cosh(g·s)/cosh(g·a) for |s| ≤ a, written so large g·a never overflows. */
function coshRatio(g: number, s: number, a: number): number {
  const t = Math.abs(s);
  return (Math.exp(g * (t - a)) * (1 + Math.exp(-2 * g * t))) / (1 + Math.exp(-2 * g * a));
}

/**
 * The edge-layer field q(x, y) [-] of a bonded layer on a width × depth rectangle [mm]: 1 on the
 * edge, decaying inward as the thin-layer model says; x, y [mm] from the rectangle centre.
 * `thickness` is the bonded layer's height h [mm]. Points are given as two coordinate lists and an
 * index pair per point, so the series' x and y factors are formed once per mesh line.
 */
export class EdgeLayerField {
  private readonly along: 'x' | 'y';
  /** the footprint's half-widths [mm], A ≤ B */
  private readonly halfA: number;
  private readonly halfB: number;
  /** the half-widths the series is summed on [mm]: at most REACH/γ (see the constructor) */
  private readonly A: number;
  private readonly B: number;
  private readonly gamma: number;
  private readonly k: Float64Array;
  private readonly mu: Float64Array;
  private readonly a: Float64Array;

  /** γ times the distance past which an edge no longer matters (e^(−30)) [-] */
  private static readonly REACH = 30;

  constructor(nu: number, thickness: number, width: number, depth: number) {
    // expand along the shorter side: the fewest terms for a given accuracy
    this.along = width <= depth ? 'x' : 'y';
    this.halfA = Math.min(width, depth) / 2;
    this.halfB = Math.max(width, depth) / 2;
    this.gamma = decayRateTimesThickness(nu) / thickness;
    // An edge reaches e^(−γd) of its value at a distance d: beyond REACH/γ (e^(−30)) it is gone, so a
    // footprint wider than that is summed as a rectangle of half-width REACH/γ, each point placed at
    // its own distance from the nearest edges. That bounds γA, and with it the terms.
    this.A = Math.min(this.halfA, EdgeLayerField.REACH / this.gamma);
    this.B = Math.min(this.halfB, EdgeLayerField.REACH / this.gamma);
    // the tail of Σ|aₘ| is about (γA)²/(π³N²): N = 6γA + 16 (at most 196) keeps it below 1e-3, far
    // inside the binning step of the laws
    const n = Math.ceil(6 * this.gamma * this.A) + 16;
    this.k = new Float64Array(n);
    this.mu = new Float64Array(n);
    this.a = new Float64Array(n);
    const g2 = this.gamma * this.gamma;
    for (let m = 0; m < n; m++) {
      const km = ((2 * m + 1) * Math.PI) / (2 * this.A);
      this.k[m] = km;
      this.mu[m] = Math.sqrt(km * km + g2);
      this.a[m] = ((2 / this.A) * (m % 2 === 0 ? 1 : -1) * g2) / (km * (g2 + km * km));
    }
  }

  /** q at every point j of (xs[ix[j]], ys[iy[j]]) [mm from the centre]; values clipped to [0, 1]. */
  at(
    xs: ArrayLike<number>,
    ys: ArrayLike<number>,
    ix: ArrayLike<number>,
    iy: ArrayLike<number>,
  ): Float64Array {
    const [u, v, iu, iv] = this.along === 'x' ? [xs, ys, ix, iy] : [ys, xs, iy, ix];
    const n = this.k.length;
    const cosU = new Float64Array(u.length * n);
    const base = new Float64Array(u.length);
    // a coordinate from the centre, as the same distance from the edge of the summed rectangle
    const placed = (s: number, half: number, summed: number) =>
      Math.max(0, summed - (half - Math.min(Math.abs(s), half)));
    for (let i = 0; i < u.length; i++) {
      const s = placed(u[i], this.halfA, this.A);
      base[i] = coshRatio(this.gamma, s, this.A);
      for (let m = 0; m < n; m++) cosU[i * n + m] = this.a[m] * Math.cos(this.k[m] * s);
    }
    const chV = new Float64Array(v.length * n);
    for (let i = 0; i < v.length; i++) {
      const s = placed(v[i], this.halfB, this.B);
      for (let m = 0; m < n; m++) chV[i * n + m] = coshRatio(this.mu[m], s, this.B);
    }
    const out = new Float64Array(iu.length);
    for (let j = 0; j < out.length; j++) {
      const ou = iu[j] * n;
      const ov = iv[j] * n;
      let q = base[iu[j]];
      for (let m = 0; m < n; m++) q += cosU[ou + m] * chV[ov + m];
      out[j] = Math.min(1, Math.max(0, q));
    }
    return out;
  }
}

/** Modulus factor f = M/E − (λ²/(M E))·q [-] of the thin-layer model for edge-layer value q ∈ [0, 1]. */
export function confinementFactor(nu: number, q: number): number {
  const interior = constrainedModulusRatio(nu);
  return interior - (interior - edgeModulusRatio(nu)) * q;
}

/**
 * Levels the factor is binned into: every level is one closure law shared by its points, so the
 * laws stay few. 17 levels from edge to interior put each point within 1/32 of the edge-to-interior
 * step of its factor (0.008 of E at ν = 0.3, 0.6 % of the interior modulus).
 */
export const CONFINEMENT_LEVELS = 17;

/** The level [0, CONFINEMENT_LEVELS − 1] of edge-layer value q: 0 is the interior, the last the edge. */
export function confinementLevel(q: number): number {
  return Math.round(q * (CONFINEMENT_LEVELS - 1));
}

/** The modulus factor [-] a level stands for. */
export function levelFactor(nu: number, level: number): number {
  return confinementFactor(nu, level / (CONFINEMENT_LEVELS - 1));
}
