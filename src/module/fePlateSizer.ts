import { rectangleMesh } from '../../solver/mesh/structured';
import { analyzePlate } from '../../solver/plate/analyze';
import { SolverSession } from '../../solver/session/solverSession';
import { spanLength } from './plate';
import type { PlateSizer, PlateSizing, PlateSizingRequest } from './plateSizing';

const referenceSolves = new Map<string, { w: number; stress: number }>();

/** Elements across the short side of the plate. */
const ELEMENTS_ACROSS = 24;
const MAX_ITERATIONS = 12;

/** Bolt axes spread evenly along the perimeter of a w × l rectangle centred at the origin, corners first. */
export function perimeterBolts(w: number, l: number, count: number): { x: number; y: number }[] {
  const n = Math.max(4, Math.round(count));
  const perimeter = 2 * (w + l);
  const out: { x: number; y: number }[] = [];
  for (let k = 0; k < n; k++) {
    // arc length along the perimeter, counter-clockwise from the (−w/2, −l/2) corner
    const s = (k * perimeter) / n;
    if (s < w) out.push({ x: -w / 2 + s, y: -l / 2 });
    else if (s < w + l) out.push({ x: w / 2, y: -l / 2 + (s - w) });
    else if (s < 2 * w + l) out.push({ x: w / 2 - (s - w - l), y: l / 2 });
    else out.push({ x: -w / 2, y: l / 2 - (s - 2 * w - l) });
  }
  return out;
}

/** FE deflection [mm] (largest |w| over the footprint) and von Mises [MPa] of a plate of thickness t. */
function analyse(req: PlateSizingRequest, t: number, session: SolverSession): { w: number; stress: number } {
  const spanW = req.widthMm;
  const spanL = req.lengthMm;
  const lay = req.layout ?? {
    footprintWidthMm: spanW,
    footprintLengthMm: spanL,
    boltCount: 8,
    boltDiameterMm: 8,
  };
  const d = lay.boltDiameterMm;
  const W = spanW + 2 * d;
  const L = spanL + 2 * d;
  const bolts = perimeterBolts(spanW, spanL, lay.boltCount);
  const rWasher = d; // washer OD ≈ 2d
  const fw = lay.footprintWidthMm;
  const fl = lay.footprintLengthMm;
  const h = Math.min(W, L) / ELEMENTS_ACROSS;
  const mesh = rectangleMesh(
    {
      from: -W / 2,
      to: W / 2,
      size: h,
      lines: [-fw / 2, fw / 2, ...bolts.map((b) => b.x)],
    },
    {
      from: -L / 2,
      to: L / 2,
      size: h,
      lines: [-fl / 2, fl / 2, ...bolts.map((b) => b.y)],
    },
  );
  const nNodes = mesh.nodes.length / 2;
  const nodes: number[][] = [];
  for (let i = 0; i < nNodes; i++) nodes.push([mesh.nodes[2 * i], mesh.nodes[2 * i + 1]]);
  const quads: number[][] = [];
  const pressure: number[] = [];
  for (let e = 0; e < mesh.quads.length / 4; e++) {
    const q = Array.from(mesh.quads.subarray(4 * e, 4 * e + 4));
    quads.push(q);
    const cx = q.reduce((s, n) => s + nodes[n][0], 0) / 4;
    const cy = q.reduce((s, n) => s + nodes[n][1], 0) / 4;
    // the stack pushes the plate away from it (+z) over the footprint only
    pressure.push(Math.abs(cx) < fw / 2 && Math.abs(cy) < fl / 2 ? req.pressureMPa : 0);
  }
  // each bolt holds the plate over its washer (nut and washer are stiff against the plate)
  const fixed: { node: number; dofs: 'w'[] }[] = [];
  for (let i = 0; i < nNodes; i++) {
    if (bolts.some((b) => Math.hypot(nodes[i][0] - b.x, nodes[i][1] - b.y) <= rWasher + 1e-9))
      fixed.push({ node: i, dofs: ['w'] });
  }
  const r = analyzePlate({ nodes, quads, thickness: t, E: req.E, nu: req.nu, fixed, pressure }, { session });
  let w = 0;
  for (let i = 0; i < nNodes; i++) {
    if (Math.abs(nodes[i][0]) <= fw / 2 && Math.abs(nodes[i][1]) <= fl / 2) w = Math.max(w, Math.abs(r.w[i]));
  }
  let stress = 0;
  for (const v of r.elements.vonMisesTop) stress = Math.max(stress, v);
  return { w, stress };
}

/**
 * Sizes the end plate with the MITC4 plate model: the real bolt layout holds the plate over
 * its washers and the stack pressure acts on the cell footprint only. Deflection scales as
 * t⁻³ and bending stress as t⁻² (shear makes it inexact for thick plates), so a fixed-point
 * iteration on those exponents converges in a few solves to 1e-4 relative (thickness), enough for sizing.
 */
export const fePlateSizer: PlateSizer = (req): PlateSizing => {
  const allowedW = spanLength(req, req.span) / req.deflectionLimit;
  const allowable =
    req.stressSafetyFactor > 0 ? req.yieldMPa / req.stressSafetyFactor : Number.POSITIVE_INFINITY;
  // a reference solve per layout (w and σ are linear in the pressure) starts every search near its answer
  const t0 = Math.min(req.widthMm, req.lengthMm) / 10;
  // every solve of the search is on one mesh: one analysis serves them all
  const session = new SolverSession();
  const key = JSON.stringify([req.widthMm, req.lengthMm, req.E, req.nu, req.layout]);
  let ref = referenceSolves.get(key);
  if (!ref) {
    ref = analyse({ ...req, pressureMPa: 1 }, t0, session);
    referenceSolves.set(key, ref);
    if (referenceSolves.size > 256) referenceSolves.delete(referenceSolves.keys().next().value!);
  }
  const reference = { w: ref.w * req.pressureMPa, stress: ref.stress * req.pressureMPa };
  const solveFor = (
    measure: (r: { w: number; stress: number }) => number,
    target: number,
    exponent: number,
  ) => {
    let t = t0 * (measure(reference) / target) ** (1 / exponent);
    for (let it = 0; it < MAX_ITERATIONS; it++) {
      const ratio = measure(analyse(req, t, session)) / target;
      const next = t * ratio ** (1 / exponent);
      if (Math.abs(next / t - 1) < 1e-4) return next;
      t = next;
    }
    return t;
  };
  const tDeflection = solveFor((r) => r.w, allowedW, 3);
  const tStress = Number.isFinite(allowable) ? solveFor((r) => r.stress, allowable, 2) : 0;
  const t = Math.max(tDeflection, tStress);
  const final = analyse(req, t, session);
  return {
    thicknessMm: t,
    governedBy: tStress > tDeflection ? 'stress' : 'deflection',
    deflectionMm: final.w,
    allowedDeflectionMm: allowedW,
    stressMPa: final.stress,
    allowableStressMPa: allowable,
    method: `FE (MITC4, ${req.layout?.boltCount ?? 8} bolts on the span perimeter, pressure on the footprint)`,
  };
};
