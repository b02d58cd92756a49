import { type ContactOptions, ContactSolver, type ContactState } from '../solver/contact/contactSolver';
import { maxVonMises } from '../solver/plate/recovery';
import { SolverSession } from '../solver/session/solverSession';
import { type CheckedCase, checkCase } from './case/checkCase';
import type { Case } from './case/schema';
import type { WorkLimits } from './case/workBudget';
import type { HistoryFields, HistorySummary } from './history/historyResult';
import { type SolvedHistory, solveHistory } from './history/solveHistory';
import { boltStiffness } from './model/boltMembers';
import { buildModel, type StackModel, swellingField } from './model/buildModel';
import { nodalPressure, type RegularGrid, resampleToGrid } from './results/pressureMap';
import { type PressureStats, pressureStats } from './results/pressureStats';
import {
  type CheckedState,
  designWarnings,
  ResultRefusedError,
  refuseImpossible,
  refuseUnbalanced,
} from './results/stateChecks';

export const RESULT_SCHEMA = 'stackpress.result/2';

export interface BoltResult {
  /** mm */
  x: number;
  y: number;
  /** tension after load-up [N] */
  force: number;
  /** tension after swelling [N]; equals `force` when the case has no swelling */
  forceAfterSwelling: number;
}

export interface ForceBalance {
  /** Σ bolt tensions [N] */
  boltForce: number;
  /** ∫ p dA over the cells [N] */
  contactForce: number;
  /** |boltForce − contactForce| / boltForce [-] */
  relResidual: number;
}

export interface PlateResult {
  name: string;
  /** largest and smallest w over the plate [mm] (z up; the bottom plate is held at three points) */
  wMax: number;
  wMin: number;
  /** largest element-centre von Mises stress on either face [MPa] */
  vonMisesMax: number;
  /** MPa */
  yield: number;
  /** yield / vonMisesMax [-] */
  safetyFactor: number;
}

export interface InterfaceResult {
  name: string;
  pressure: PressureStats;
}

/** The JSON summary of one case (result.json). */
export interface CaseSummary {
  schema: typeof RESULT_SCHEMA;
  name: string;
  units: { length: 'mm'; force: 'N'; pressure: 'MPa'; stress: 'MPa'; fractions: '-' };
  warnings: string[];
  /** cell pressure map under the top plate after load-up */
  pressure: PressureStats;
  bolts: BoltResult[];
  balance: ForceBalance;
  interfaces: InterfaceResult[];
  plates: PlateResult[];
  /** the state after swelling with the bolts locked, when the case swells */
  swelling: { pressure: PressureStats; balance: ForceBalance; interfaces: InterfaceResult[] } | null;
  /** the life history after load-up (states, window, verdict) when the case has a `history` block */
  history: HistorySummary | null;
  boltStiffness: { bolt: number; springs: number | null; total: number };
  nominalPressure: number;
  /** what the case determines about its solve: the same in every process, on every machine */
  solver: {
    dofs: number;
    nnzL: number;
    flops: number;
    newtonIterations: number;
    /** numeric factorizations the Newton steps need (made, or taken from the session) */
    factorizations: number;
    /** largest reaction at the rigid-body supports [N]; ≈ 0 because the loads self-equilibrate */
    supportReaction: number;
  };
  /**
   * How this run went: times, threads and what the solver session saved. It depends on the machine
   * and on what the session solved before, so comparisons of results ignore it by design.
   */
  effort: SolveEffort;
}

export interface SolveEffort {
  /** end to end [s] */
  seconds: number;
  /** where the time went [s]: validation, model, solver setup (ordering, symbolic analysis, plate stiffness, assembly), load-up, swelling (or the history's states), results */
  phases: SolvePhases;
  /** threads available to each factorization: 2 with the session's helper thread, else 1 */
  factorThreads: number;
  /** factorizations of this case that the helper thread took half of (0 while it still loads) */
  helperJoined: number;
  /** forward and back substitutions of this case that the helper thread took half of */
  helperSwept: number;
  /** factorizations of a bit-identical matrix taken from the session instead of computed */
  factorizationsReused: number;
  /** symbolic analyses, plate stiffness models and assembly plans taken from the session */
  analysesReused: number;
  plateModelsReused: number;
  plansReused: number;
}

export interface SolvePhases {
  validate: number;
  model: number;
  setup: number;
  loadUp: number;
  swelling: number;
  results: number;
}

/** Fields for plots and the viewer; typed arrays, not written to result.json. */
export interface CaseFields {
  /** the case as solved: validated, with every default filled in */
  case: Case;
  model: StackModel;
  /** per interface: nodal pressure [MPa] (0 off the footprint), footprint mask, regular grid */
  pressure: { name: string; nodal: Float64Array; mask: Uint8Array; grid: RegularGrid }[];
  /** per plate layer: w at the nodes [mm] */
  deflection: { name: string; w: Float64Array }[];
  loadUp: ContactState;
  swollen: ContactState | null;
  /** per history state: the cell pressure grid; null without a history */
  history: HistoryFields | null;
}

export interface CaseResult extends CaseSummary {
  fields: CaseFields;
}

export interface SolveOptions {
  onIteration?: ContactOptions['onIteration'];
  shouldAbort?: () => boolean;
  /** caches and the factorization thread to use and fill; default: a fresh session, so the result never depends on history */
  session?: SolverSession;
  /** work limits of the case checks (the memory budget) */
  limits?: WorkLimits;
}

/**
 * Solve one case: validate, build the model, load up the bolts, then (if the case swells) grow
 * the stack with the bolts locked. Returns the summary and the fields. Throws InputError for a
 * bad case and ContactConvergenceError when force balance is not reached — a map is never
 * returned half-converged.
 */
export function solveCase(raw: unknown, options: SolveOptions = {}): CaseResult {
  const t0 = performance.now();
  const session = options.session ?? new SolverSession();
  const helped = session.factorHelper?.counts.helped ?? 0;
  const swept = session.factorHelper?.counts.swept ?? 0;
  const before = session.effort;
  let mark = t0;
  const lap = (): number => {
    const now = performance.now();
    const seconds = (now - mark) / 1000;
    mark = now;
    return seconds;
  };
  // 1. Validate and check the case for physical consistency.
  const checked: CheckedCase = checkCase(raw, options.limits);
  const c = checked.case;
  const validate = lap();
  // 2. Build the model; the solver does the symbolic factorization once for both load steps.
  const model = buildModel(c);
  const modelSeconds = lap();
  const solver = new ContactSolver(model.problem, session);
  const setup = lap();
  const opts: ContactOptions = {
    tolerance: c.solver.tolerance,
    maxIterations: c.solver.maxIterations,
    ...options,
  };
  // 3. Load-up: each bolt at its (scattered) preload.
  const loadUp = solver.loadUp(opts);
  const loadUpSeconds = lap();
  // 4. Swelling with the bolts locked, or the life history state by state (the two exclude each other).
  const swollen =
    c.stack.swelling.type === 'none' ? null : solver.swell(loadUp, swellingField(c, model), opts);
  const history = c.history ? solveHistory(c, c.history, model, solver, loadUp, opts) : null;
  const swelling = lap();
  // 5. Summaries, then the checks that decide whether the result is an answer at all.
  const result = assembleResult(c, checked.warnings, model, solver, loadUp, swollen, history);
  const states: CheckedState[] = [
    { label: 'load-up', state: loadUp, balance: result.balance, contact: contactOf(result.interfaces) },
  ];
  if (swollen && result.swelling)
    states.push({
      label: 'after swelling',
      state: swollen,
      balance: result.swelling.balance,
      contact: contactOf(result.swelling.interfaces),
    });
  refuseImpossible(c, model, states);
  refuseUnbalanced(c, states);
  result.warnings.push(...designWarnings(c, model, states, platesForWarnings(result, model)));
  if (history) result.warnings.push(...history.warnings);
  refuseNonFinite(summaryOf(result));
  const phases: SolvePhases = {
    validate,
    model: modelSeconds,
    setup,
    loadUp: loadUpSeconds,
    swelling,
    results: lap(),
  };
  const after = session.effort;
  result.effort = {
    seconds: (performance.now() - t0) / 1000,
    phases,
    factorThreads: session.factorHelper ? 2 : 1,
    helperJoined: (session.factorHelper?.counts.helped ?? 0) - helped,
    helperSwept: (session.factorHelper?.counts.swept ?? 0) - swept,
    factorizationsReused: after.factorizationsReused - before.factorizationsReused,
    analysesReused: after.analysesReused - before.analysesReused,
    plateModelsReused: after.plateModelsReused - before.plateModelsReused,
    plansReused: after.plansReused - before.plansReused,
  };
  return result;
}

/** Summary statistics and fields from solved states (timings left at 0 for the caller). */
export function assembleResult(
  c: Case,
  warnings: string[],
  model: StackModel,
  solver: ContactSolver,
  loadUp: ContactState,
  swollen: ContactState | null,
  history: SolvedHistory | null = null,
): CaseResult {
  const { problem, mesh } = model;
  const nNodes = mesh.nodes.length / 2;
  const threshold = c.output.contactThreshold;
  const interfaceStats = (s: ContactState) =>
    problem.interfaces.map((itf, k) => ({
      name: itf.name,
      pressure: pressureStats(s.pressure[k], itf.area, threshold),
    }));
  const balanceOf = (s: ContactState, stats: PressureStats): ForceBalance => {
    let boltForce = 0;
    for (const f of s.boltForce) boltForce += f;
    return {
      boltForce,
      contactForce: stats.force,
      relResidual: Math.abs(boltForce - stats.force) / boltForce,
    };
  };
  const itfUp = interfaceStats(loadUp);
  const itfSw = swollen ? interfaceStats(swollen) : null;

  const pressure = problem.interfaces.map((itf, k) => {
    const { values, mask } = nodalPressure(itf, loadUp.pressure[k], nNodes);
    return {
      name: itf.name,
      nodal: values,
      mask,
      grid: resampleToGrid(mesh, values, model.footprint, c.output.gridSpacing, 'MPa'),
    };
  });
  const deflection: CaseFields['deflection'] = [];
  const plates: PlateResult[] = [];
  solver.plates.forEach((pm, l) => {
    if (!pm) return;
    const local = loadUp.u.subarray(pm.dofOffset, pm.dofOffset + pm.nDofs);
    const w = new Float64Array(nNodes);
    let wMax = Number.NEGATIVE_INFINITY;
    let wMin = Number.POSITIVE_INFINITY;
    for (let i = 0; i < nNodes; i++) {
      w[i] = local[3 * i];
      wMax = Math.max(wMax, w[i]);
      wMin = Math.min(wMin, w[i]);
    }
    // the plates' stresses over every state: the history's most loaded state bounds its others
    const solved = [loadUp, ...(swollen ? [swollen] : []), ...(history ? [history.mostLoaded] : [])];
    const states = solved.map((s) => s.u.subarray(pm.dofOffset, pm.dofOffset + pm.nDofs));
    const vm = maxVonMises(mesh, pm.E, pm.nu, pm.thickness, states);
    const mat = model.layerMaterials[l]!;
    deflection.push({ name: model.layerNames[l], w });
    plates.push({
      name: model.layerNames[l],
      wMax,
      wMin,
      vonMisesMax: vm,
      yield: mat.yield,
      safetyFactor: vm > 0 ? mat.yield / vm : Number.MAX_VALUE,
    });
  });

  const stats = solver.stats;
  const summary: CaseSummary = {
    schema: RESULT_SCHEMA,
    name: c.name ?? 'case',
    units: { length: 'mm', force: 'N', pressure: 'MPa', stress: 'MPa', fractions: '-' },
    warnings,
    pressure: itfUp[0].pressure,
    bolts: problem.bolts.map((b, i) => ({
      x: b.x,
      y: b.y,
      force: loadUp.boltForce[i],
      forceAfterSwelling: swollen ? swollen.boltForce[i] : loadUp.boltForce[i],
    })),
    balance: balanceOf(loadUp, itfUp[0].pressure),
    interfaces: itfUp,
    plates,
    swelling:
      swollen && itfSw
        ? { pressure: itfSw[0].pressure, balance: balanceOf(swollen, itfSw[0].pressure), interfaces: itfSw }
        : null,
    history: history?.summary ?? null,
    boltStiffness: boltStiffness(c),
    nominalPressure: loadUp.boltForce.reduce((s, f) => s + f, 0) / itfUp[0].pressure.area,
    solver: {
      dofs: solver.n,
      nnzL: stats.nnzL,
      flops: stats.flops,
      newtonIterations:
        loadUp.iterations +
        (swollen?.iterations ?? 0) +
        (history?.summary.states.reduce((n, s, i) => n + (i > 0 ? s.newtonIterations : 0), 0) ?? 0),
      // made here or taken from the session: what the case needs, whatever was solved before it
      factorizations: solver.totalFactorizations + solver.reusedFactorizations,
      supportReaction: Math.max(
        loadUp.supportReaction,
        swollen?.supportReaction ?? 0,
        history?.supportReaction ?? 0,
      ),
    },
    effort: {
      seconds: 0,
      phases: { validate: 0, model: 0, setup: 0, loadUp: 0, swelling: 0, results: 0 },
      factorThreads: 1,
      helperJoined: 0,
      helperSwept: 0,
      factorizationsReused: 0,
      analysesReused: 0,
      plateModelsReused: 0,
      plansReused: 0,
    },
  };
  return {
    ...summary,
    fields: { case: c, model, pressure, deflection, loadUp, swollen, history: history?.fields ?? null },
  };
}

const contactOf = (itfs: InterfaceResult[]) =>
  itfs.map((i) => ({ name: i.name, fraction: i.pressure.contactFraction }));

function platesForWarnings(result: CaseResult, model: StackModel) {
  const sections = model.problem.layers.filter((layer) => layer !== null);
  return result.plates.map((p, i) => ({
    name: p.name,
    thickness: sections[i].thickness,
    w: result.fields.deflection[i].w,
    safetyFactor: p.safetyFactor,
    vonMises: p.vonMisesMax,
    yield: p.yield,
  }));
}

/** Refuse a summary holding NaN or ±Infinity anywhere: such a number is never a result. */
function refuseNonFinite(v: unknown, at = 'result'): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v))
      throw new ResultRefusedError(
        `${at}: ${v} — the solve produced a non-finite number; the result is refused`,
      );
  } else if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) refuseNonFinite(v[i], `${at}[${i}]`);
  } else if (v && typeof v === 'object')
    for (const [k, x] of Object.entries(v)) refuseNonFinite(x, `${at}.${k}`);
}

/** The JSON-safe summary of a result (drops the typed-array fields). */
export function summaryOf(result: CaseResult): CaseSummary {
  const { fields: _fields, ...summary } = result;
  return summary;
}
