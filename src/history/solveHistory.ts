import {
  ContactConvergenceError,
  type ContactOptions,
  type ContactSolver,
  type ContactState,
} from '../../solver/contact/contactSolver';
import type { Case } from '../case/schema';
import type { StackModel } from '../model/buildModel';
import { nodalPressure, type RegularGrid, resampleToGrid } from '../results/pressureMap';
import { pressureStats } from '../results/pressureStats';
import {
  type CheckedState,
  designWarnings,
  ResultRefusedError,
  refuseImpossible,
  refuseUnbalanced,
} from '../results/stateChecks';
import { historyLoads } from './historyLoads';
import type { HistoryDrivers, HistoryFields, HistoryState, HistorySummary } from './historyResult';
import { historySchedule, type ScheduledState } from './historySchedule';
import type { HistoryCase } from './historySchema';
import { historyVerdict, historyWindow, inWindow } from './historyVerdict';
import { padRelaxationStack } from './padRelaxationStack';

/** A solved history: the summary rows, the maps, and what the plates' stress check needs. */
export interface SolvedHistory {
  summary: HistorySummary;
  fields: HistoryFields;
  /** the state with the largest total bolt force, whose plate stresses bound the life's */
  mostLoaded: ContactState;
  /** design warnings of the history's states, one per quantity (the first state it appears in) */
  warnings: string[];
  /** largest reaction at the rigid-body supports over the states [N] */
  supportReaction: number;
}

/**
 * Solve a case's life history after load-up: every state a quasi-static step with the nuts locked
 * at load-up, starting Newton from the state before (close, so one or two steps) and keeping the
 * solver's factorization whenever the tangent has not changed — linear laws with an unchanged
 * contact set and equal time steps give bit-identical tangents. Each state must meet the force
 * balance and be physically possible, or the run is refused naming that state.
 *
 * 1. the schedule: load-up, then the cycles (or the case's states) with time, cycle, SOC, ΔT;
 * 2. the loads: free growth of the stack per point from breathing, growth and temperature;
 * 3. per state: pad relaxation over the time step (its laws and per-point set), then solve;
 * 4. per state: statistics, map, drivers and the checks; then the window and the verdict.
 */
export function solveHistory(
  c: Case,
  h: HistoryCase,
  model: StackModel,
  solver: ContactSolver,
  loadUp: ContactState,
  options: ContactOptions,
): SolvedHistory {
  const { problem, mesh } = model;
  const nNodes = mesh.nodes.length / 2;
  const threshold = c.output.contactThreshold;

  // 1–2. Schedule and loads.
  const schedule = historySchedule(h);
  const loads = historyLoads(c, h, model);
  const pads = padRelaxationStack(c, model, loadUp);
  const swell = problem.interfaces.map((itf) => new Float64Array(itf.node.length));

  const grids: RegularGrid[] = [];
  const rows: HistoryState[] = [];
  const checked: CheckedState[] = [];
  const recent: { state: ContactState; interference: number }[] = [];
  let mostLoaded = loadUp;
  let mostForce = sum(loadUp.boltForce);
  try {
    for (let i = 0; i < schedule.length; i++) {
      const s = schedule[i];
      const name = `history state ${i} (${s.label}, t = ${fmt(s.time)} h)`;
      // 3. Solve (load-up is already solved).
      let state = loadUp;
      if (i > 0) {
        const dt = s.time - schedule[i - 1].time;
        loads.fieldOf(s, swell);
        pads?.prepare(dt, swell);
        const start = nearestEarlier(recent, interferenceOf(loads.driversOf(s)));
        try {
          state = solver.swell(start, swell, options, loadUp);
        } catch (e) {
          if (e instanceof ContactConvergenceError)
            throw new ContactConvergenceError(`${name}: ${e.message}`);
          throw e;
        }
        pads?.commit(dt, state);
      }
      recent.push({ state, interference: interferenceOf(loads.driversOf(s)) });
      if (recent.length > RECENT_STATES) recent.shift();
      // 4. What the state is.
      const interfaces = problem.interfaces.map((itf, k) => ({
        name: itf.name,
        pressure: pressureStats(state.pressure[k], itf.area, threshold),
      }));
      const pressure = interfaces[0].pressure;
      const bolts = boltStats(state.boltForce);
      const balance = {
        boltForce: bolts.total,
        contactForce: pressure.force,
        relResidual: Math.abs(bolts.total - pressure.force) / bolts.total,
      };
      checked.push({
        label: name,
        state,
        balance,
        contact: interfaces.map((f) => ({ name: f.name, fraction: f.pressure.contactFraction })),
      });
      // refused at the first state that misses the balance or is impossible, naming it
      refuseUnbalanced(c, checked.slice(-1));
      refuseImpossible(c, model, checked.slice(-1));
      if (bolts.total > mostForce) {
        mostForce = bolts.total;
        mostLoaded = state;
      }
      const drivers = loads.driversOf(s);
      drivers.relaxation = pads ? pads.relaxationDriver() : 0;
      const { values } = nodalPressure(problem.interfaces[0], state.pressure[0], nNodes);
      grids.push(resampleToGrid(mesh, values, model.footprint, c.output.gridSpacing, 'MPa'));
      rows.push({
        index: i,
        label: s.label,
        time: s.time,
        cycle: s.cycle,
        soc: s.soc,
        deltaT: s.deltaT,
        pressure,
        interfaces,
        boltForce: bolts,
        springs: springsOf(c, bolts.max),
        padStrain: pads ? pads.strain() : null,
        relResidual: balance.relResidual,
        newtonIterations: state.iterations,
        drivers,
        inWindow: false,
      });
    }
  } finally {
    // the model's laws go back to the elastic pads, whatever happened
    pads?.restore();
  }

  // 5. Window and verdict.
  const window = historyWindow(h, rows[0].pressure.mean);
  for (const r of rows) r.inWindow = inWindow(window, r.pressure);
  const verdict = historyVerdict(window, rows);
  const mapStates = h.maps?.filter((k) => k < rows.length) ?? defaultMaps(rows.length, verdict.worst.index);
  if (h.maps && h.maps.some((k) => k >= rows.length))
    throw new ResultRefusedError(
      `history.maps: state ${Math.max(...h.maps)} — the history has states 0 to ${rows.length - 1}`,
    );
  return {
    summary: { window, states: rows, verdict, mapStates },
    fields: { grids },
    mostLoaded,
    supportReaction: checked.reduce((m, s) => Math.max(m, s.state.supportReaction), 0),
    warnings: onePerQuantity(designWarnings(c, model, checked.slice(1), [])),
  };
}

/**
 * Earlier states kept for Newton starts. The answer does not depend on the start (the problem is
 * convex; the history lives in the locked bolts and the pad variables), but the work does: the
 * start interpolated in total interference between the two nearest earlier states (the same point
 * of earlier cycles, or the states either side) lies close to the state's own contact set, and
 * halves the Newton steps — each a factorization — of states whose contact line moves.
 */
const RECENT_STATES = 8;

function nearestEarlier(
  recent: { state: ContactState; interference: number }[],
  interference: number,
): ContactState {
  // the two nearest earlier states in interference; the start interpolates (or extrapolates) between them
  const sorted = [...recent].sort(
    (p, q) => Math.abs(p.interference - interference) - Math.abs(q.interference - interference),
  );
  const a = sorted[0];
  const b = sorted.find((r) => Math.abs(r.interference - a.interference) > 1e-9);
  if (!b) return a.state;
  const t = Math.max(-1, Math.min(2, (interference - a.interference) / (b.interference - a.interference)));
  const u = Float64Array.from(a.state.u);
  const ub = b.state.u;
  for (let i = 0; i < u.length; i++) u[i] += t * (ub[i] - u[i]);
  return { ...a.state, u };
}

/** The stack's total free interference of a state without relaxation [mm]. */
const interferenceOf = (d: HistoryDrivers) => d.breathing + d.growth + d.thermal;

/** Load-up, the worst state and the last, each once. */
function defaultMaps(n: number, worst: number): number[] {
  return [...new Set([0, worst, n - 1])].sort((a, b) => a - b);
}

function boltStats(f: Float64Array) {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let total = 0;
  for (const v of f) {
    min = Math.min(min, v);
    max = Math.max(max, v);
    total += v;
  }
  return { mean: total / f.length, min, max, total };
}

/** The most loaded spring stack and its margin to solid length (refused before it is reached). */
function springsOf(c: Case, forceMax: number): HistoryState['springs'] {
  const sp = c.bolts.springs;
  if (!sp) return null;
  const lengthMin = sp.freeLength - forceMax / sp.rate;
  return { forceMax, lengthMin, solidMargin: lengthMin - sp.solidLength };
}

/**
 * The first warning of each quantity over the states: a warning's text before its first " (" names
 * the quantity, and a history of 200 states must not repeat one 200 times.
 */
function onePerQuantity(warnings: string[]): string[] {
  const seen = new Map<string, { text: string; count: number }>();
  for (const w of warnings) {
    const key = w.split(' (')[0];
    const had = seen.get(key);
    if (had) had.count++;
    else seen.set(key, { text: w, count: 1 });
  }
  return [...seen.values()].map(({ text, count }) =>
    count > 1 ? `${text} — and in ${count - 1} more history states` : text,
  );
}

const sum = (v: Float64Array) => v.reduce((s, x) => s + x, 0);
const fmt = (t: number) => (Math.abs(t) >= 100 ? t.toFixed(0) : t.toPrecision(3));

export type { ScheduledState };
