/**
 * analyzePlate: the one-call public entry. Validates plain-JSON input, builds the mesh,
 * the MITC4 model and the loads, solves (with an optional Winkler foundation) and recovers
 * moments and stresses. Units: mm, N, MPa.
 */
import { createQuadMesh, MeshError } from '../mesh/quadMesh';
import type { SolverSession } from '../session/solverSession';
import type { FoundationSpec } from './foundation';
import { addNodalForces, addPatchForce, addPressure, type PatchForce } from './loads';
import { createPlateModel, DOF_NAMES, type DofName } from './plateModel';
import { elementResults, nodalResults } from './recovery';
import { SingularPlateError, solvePlate } from './staticSolve';

export interface AnalyzePlateInput {
  /** [x, y] per node (mm) */
  nodes: number[][];
  /** 4 counter-clockwise node indices per quad */
  quads: number[][];
  /** mm: one value, or one per quad */
  thickness: number | number[];
  /** Young's modulus (MPa) */
  E: number;
  /** Poisson's ratio, −1 < ν < 0.5 */
  nu: number;
  /** supports: the listed dofs of the node are held at zero */
  fixed: { node: number; dofs: DofName[] }[];
  /** pressure along +z (MPa): one value or one per quad */
  pressure?: number | number[];
  /** nodal forces along +z (N) */
  pointLoads?: { node: number; fz: number }[];
  /** forces spread over discs (washers): centre x, y (mm), radius (mm), force (N) along +z */
  patchLoads?: PatchForce[];
  /** Winkler foundation on the +z side: k (N/mm³); tensionless = compression only */
  foundation?: { k: number; tensionless?: boolean; integration?: 'lumped' | 'consistent' };
}

export interface AnalyzePlateResult {
  /** nodal deflection along +z (mm) */
  w: Float64Array;
  /** nodal rotations about +x, +y (rad); Kirchhoff limit rx = ∂w/∂y, ry = −∂w/∂x */
  rx: Float64Array;
  ry: Float64Array;
  /** element-centre values */
  elements: {
    /** N·mm/mm; positive puts the top face (z = +t/2) in tension */
    Mx: Float64Array;
    My: Float64Array;
    Mxy: Float64Array;
    /** N/mm */
    Qx: Float64Array;
    Qy: Float64Array;
    /** MPa; equal for pure bending */
    vonMisesTop: Float64Array;
    vonMisesBottom: Float64Array;
    /** top-face stresses 6M/t² (MPa); bottom = −top */
    sxTop: Float64Array;
    syTop: Float64Array;
    txyTop: Float64Array;
  };
  /** nodal averages of the element-centre values */
  nodal: { Mx: Float64Array; My: Float64Array; Mxy: Float64Array; vonMises: Float64Array };
  /** foundation pressure per node (MPa), positive in compression; zeros without a foundation */
  foundationPressure: Float64Array;
  /** tensionless foundation: 1 where the node is in contact; null otherwise */
  contact: Uint8Array | null;
  /** support reaction force on each node's w dof (N) */
  reactionFz: Float64Array;
  /** factorizations done (contact iterations) */
  iterations: number;
}

/** Invalid input; the message names the field, the value with its unit and what is allowed. */
export class PlateInputError extends Error {
  override name = 'PlateInputError';
}

const fail = (msg: string): never => {
  throw new PlateInputError(msg);
};

function finite(v: unknown, field: string, unit: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    fail(`${field}: ${String(v)}${unit} — must be a finite number`);
  return v as number;
}

function positive(v: unknown, field: string, unit: string): number {
  const x = finite(v, field, unit);
  if (!(x > 0)) fail(`${field}: ${x}${unit} — must be > 0`);
  return x;
}

/** One number for all quads or an array with one per quad. */
function perQuad(
  v: unknown,
  nQuads: number,
  field: string,
  unit: string,
  check: typeof finite,
): number | Float64Array {
  if (typeof v === 'number') return check(v, field, unit);
  if (!Array.isArray(v))
    return fail(`${field}: ${JSON.stringify(v)} — must be a number or an array with one value per quad`);
  if (v.length !== nQuads)
    fail(`${field}: ${v.length} values — must be one number or one per quad (${nQuads})`);
  return Float64Array.from(v, (x, e) => check(x, `${field}[${e}]`, unit));
}

/**
 * Static analysis of a Reissner–Mindlin plate (MITC4 quads).
 * Sign convention: w along +z; positive pressure and forces act along +z.
 * @throws PlateInputError for invalid input or a singular (under-supported) model
 */
export function analyzePlate(
  input: AnalyzePlateInput,
  options: { session?: SolverSession } = {},
): AnalyzePlateResult {
  if (typeof input !== 'object' || input === null) fail('input: must be an object');
  if (!Array.isArray(input.nodes)) fail('nodes: must be an array of [x, y] (mm)');
  if (!Array.isArray(input.quads)) fail('quads: must be an array of 4 node indices each');
  let mesh: ReturnType<typeof createQuadMesh>;
  try {
    mesh = createQuadMesh(input.nodes, input.quads);
  } catch (err) {
    if (err instanceof MeshError) throw new PlateInputError(err.message);
    throw err;
  }
  const nNodes = input.nodes.length;
  const nQuads = input.quads.length;
  const thickness = perQuad(input.thickness, nQuads, 'thickness', ' mm', positive);
  const E = positive(input.E, 'E', ' MPa');
  const nu = finite(input.nu, 'nu', '');
  if (!(nu > -1 && nu < 0.5)) fail(`nu: ${nu} — must satisfy −1 < nu < 0.5`);

  const node = (v: unknown, field: string): number => {
    if (!Number.isInteger(v) || (v as number) < 0 || (v as number) >= nNodes) {
      fail(`${field}: ${String(v)} — must be a node index in 0..${nNodes - 1}`);
    }
    return v as number;
  };
  if (!Array.isArray(input.fixed)) fail("fixed: must be an array of { node, dofs: ('w'|'rx'|'ry')[] }");
  const supports = input.fixed.map((s, i) => {
    const n = node(s?.node, `fixed[${i}].node`);
    if (!Array.isArray(s.dofs) || s.dofs.length === 0)
      fail(`fixed[${i}].dofs: ${JSON.stringify(s.dofs)} — must list some of 'w', 'rx', 'ry'`);
    s.dofs.forEach((d, k) => {
      if (!DOF_NAMES.includes(d))
        fail(`fixed[${i}].dofs[${k}]: ${JSON.stringify(d)} — must be 'w', 'rx' or 'ry'`);
    });
    return { node: n, dofs: s.dofs };
  });

  const f = new Float64Array(3 * nNodes);
  if (input.pressure !== undefined)
    addPressure(mesh, perQuad(input.pressure, nQuads, 'pressure', ' MPa', finite), f);
  if (input.pointLoads !== undefined) {
    if (!Array.isArray(input.pointLoads)) fail('pointLoads: must be an array of { node, fz (N) }');
    const loads = input.pointLoads.map((p, i) => ({
      node: node(p?.node, `pointLoads[${i}].node`),
      fz: finite(p.fz, `pointLoads[${i}].fz`, ' N'),
    }));
    addNodalForces(loads, f);
  }
  for (const [i, p] of (input.patchLoads ?? []).entries()) {
    finite(p?.x, `patchLoads[${i}].x`, ' mm');
    finite(p.y, `patchLoads[${i}].y`, ' mm');
    const r = finite(p.radius, `patchLoads[${i}].radius`, ' mm');
    if (r < 0) fail(`patchLoads[${i}].radius: ${r} mm — must be ≥ 0`);
    finite(p.force, `patchLoads[${i}].force`, ' N');
    try {
      addPatchForce(mesh, p, f);
    } catch (err) {
      fail(`patchLoads[${i}]: ${(err as Error).message}`);
    }
  }

  let foundation: FoundationSpec | undefined;
  if (input.foundation !== undefined) {
    const k = finite(input.foundation?.k, 'foundation.k', ' N/mm³');
    if (!(k >= 0)) fail(`foundation.k: ${k} N/mm³ — must be ≥ 0`);
    const tensionless = input.foundation.tensionless ?? false;
    if (typeof tensionless !== 'boolean')
      fail(`foundation.tensionless: ${String(tensionless)} — must be true or false`);
    const integration = input.foundation.integration ?? 'lumped';
    if (integration !== 'lumped' && integration !== 'consistent') {
      fail(`foundation.integration: ${String(integration)} — must be 'lumped' or 'consistent'`);
    }
    if (tensionless && integration === 'consistent') {
      fail(
        "foundation.integration: 'consistent' — a tensionless foundation needs 'lumped' (nodal contact status)",
      );
    }
    if (k > 0) foundation = { k, tensionless, integration };
  }

  const model = createPlateModel(mesh, { E, nu, thickness }, supports);
  let solution: ReturnType<typeof solvePlate>;
  try {
    solution = solvePlate(model, f, { foundation, session: options.session });
  } catch (err) {
    if (err instanceof SingularPlateError) throw new PlateInputError(`fixed: ${err.message}`);
    throw err;
  }
  const { u } = solution;
  const w = new Float64Array(nNodes);
  const rx = new Float64Array(nNodes);
  const ry = new Float64Array(nNodes);
  const reactionFz = new Float64Array(nNodes);
  for (let i = 0; i < nNodes; i++) {
    w[i] = u[3 * i];
    rx[i] = u[3 * i + 1];
    ry[i] = u[3 * i + 2];
    reactionFz[i] = solution.reactions[3 * i];
  }
  const el = elementResults(mesh, E, nu, model.thickness, u);
  const result: AnalyzePlateResult = {
    w,
    rx,
    ry,
    elements: {
      Mx: el.Mx,
      My: el.My,
      Mxy: el.Mxy,
      Qx: el.Qx,
      Qy: el.Qy,
      vonMisesTop: el.vonMisesTop,
      vonMisesBottom: el.vonMisesBottom,
      sxTop: el.sxTop,
      syTop: el.syTop,
      txyTop: el.txyTop,
    },
    nodal: nodalResults(mesh, el),
    foundationPressure: solution.foundationPressure,
    contact: solution.contact,
    reactionFz,
    iterations: solution.iterations,
  };
  assertFinite(result);
  return result;
}

/** No NaN may reach a result: a non-finite value means a bug or an undetected mechanism. */
function assertFinite(r: AnalyzePlateResult): void {
  const arrays: [string, Float64Array][] = [
    ['w', r.w],
    ['rx', r.rx],
    ['ry', r.ry],
    ...Object.entries(r.elements),
    ['foundationPressure', r.foundationPressure],
  ];
  for (const [name, a] of arrays) {
    for (let i = 0; i < a.length; i++) {
      if (!Number.isFinite(a[i]))
        throw new PlateInputError(
          `result ${name}[${i}] is not finite — the model is ill-posed (check supports and loads)`,
        );
    }
  }
}
