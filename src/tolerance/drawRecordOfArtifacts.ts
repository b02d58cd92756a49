import { decodeResultFields } from '../presentation/fieldsFile';
import type { LoadState, PressureGrid } from '../presentation/resultFields';
import type { EncodedArtifacts } from '../report/caseArtifacts';
import type { RegularGrid } from '../results/pressureMap';
import type { PressureStats } from '../results/pressureStats';
import { ResultRefusedError } from '../results/stateChecks';
import type { DrawnCase } from './drawInputs';
import type { ToleranceMetric } from './toleranceResult';
import type { DrawRecord } from './toleranceStudy';

/** A worker's result that is not what a stackpress worker returns for a draw; the draw fails with it. */
export class MalformedDrawResultError extends Error {
  override name = 'MalformedDrawResultError';
}

const malformed = (what: string) =>
  new MalformedDrawResultError(`a worker returned a malformed result for this draw: ${what}`);

function numberAt(v: unknown, what: string): number {
  if (typeof v !== 'number') throw malformed(`${what} is ${JSON.stringify(v) ?? String(v)}, not a number`);
  return v;
}

/**
 * The record of a draw that a batch lane or a queue worker solved as a plain case (`CaseJob` with
 * `returnArtifacts`), from the artifacts it sent back: the same metrics and maps, number for
 * number, as `drawMaps` gives a draw solved in process. The pressure metrics are the summary's
 * statistics of the top interface (the same `pressureStats` of the same state), the bolt
 * tensions the summary's, the safety factor the artifacts' per-state one, the maps the fields'
 * top-interface grids. `solveCase` on the worker has applied the force-balance and plausibility
 * checks already. Throws ResultRefusedError for a non-finite metric (as `drawMaps` does) and
 * MalformedDrawResultError for a result no stackpress worker sends (a worker older than the
 * per-state safety factors, or a tampered one).
 */
export function drawRecordOfArtifacts(drawn: DrawnCase, a: EncodedArtifacts): DrawRecord {
  if (!a || typeof a !== 'object' || !a.summary || typeof a.summary !== 'object')
    throw malformed('no summary');
  const s = a.summary;
  let fields: ReturnType<typeof decodeResultFields>['fields'];
  try {
    fields = decodeResultFields(String(a.fields)).fields;
  } catch (e) {
    throw malformed(`fields: ${(e as Error).message}`);
  }
  const top = fields.interfaces[0];
  if (!top) throw malformed('fields: no interface');
  const safety = a.safetyFactors;
  if (!safety || typeof safety !== 'object')
    throw malformed('no per-state safety factors (a stackpress worker older than the one submitting?)');
  if (!Array.isArray(s.bolts)) throw malformed('summary.bolts is not a list');
  const swells = s.swelling !== null;
  if (swells !== (top.swollen !== null) || swells !== (safety.swollen !== null))
    throw malformed('the summary, the fields and the safety factors disagree on whether the case swells');

  const states: [LoadState, string, PressureStats, number[], number, PressureGrid][] = [
    [
      'loadUp',
      'load-up',
      s.pressure,
      s.bolts.map((b, i) => numberAt(b?.force, `summary.bolts[${i}].force`)),
      numberAt(safety.loadUp, 'safetyFactors.loadUp'),
      top.grid,
    ],
  ];
  if (s.swelling && top.swollen)
    states.push([
      'swollen',
      'after swelling',
      s.swelling.pressure,
      s.bolts.map((b, i) => numberAt(b?.forceAfterSwelling, `summary.bolts[${i}].forceAfterSwelling`)),
      numberAt(safety.swollen, 'safetyFactors.swollen'),
      top.swollen.grid,
    ]);

  const metrics: Partial<Record<LoadState, Record<ToleranceMetric, number>>> = {};
  const grids: Partial<Record<LoadState, RegularGrid>> = {};
  for (const [key, label, p, forces, safetyFactor, grid] of states) {
    if (!p || typeof p !== 'object') throw malformed(`the ${label} pressure statistics are missing`);
    // the same loop as drawMaps: -Infinity / Infinity for a case without bolts, refused below
    let fMax = Number.NEGATIVE_INFINITY;
    let fMin = Number.POSITIVE_INFINITY;
    for (const f of forces) {
      fMax = Math.max(fMax, f);
      fMin = Math.min(fMin, f);
    }
    // keys in drawMaps' order, so tolerance.json lists them the same way
    const m: Record<ToleranceMetric, number> = {
      meanPressure: numberAt(p.mean, `${label} mean pressure`),
      cov: numberAt(p.cov, `${label} cov`),
      maxOverMean: numberAt(p.maxOverMean, `${label} maxOverMean`),
      minPressure: numberAt(p.min, `${label} min pressure`),
      maxPressure: numberAt(p.max, `${label} max pressure`),
      contactFraction: numberAt(p.contactFraction, `${label} contact fraction`),
      within10: numberAt(p.within10, `${label} within10`),
      boltForceMax: fMax,
      boltForceMin: fMin,
      safetyFactor,
    };
    for (const [name, v] of Object.entries(m))
      if (!Number.isFinite(v))
        throw new ResultRefusedError(
          `${label}: ${name} is ${v} — the solve produced a non-finite number; the draw is refused`,
        );
    metrics[key] = m;
    const { x0, y0, dx, dy, nx, ny, values } = grid;
    grids[key] = { x0, y0, dx, dy, nx, ny, values, unit: 'MPa' };
  }

  const solves = numberAt(s.solver?.newtonIterations, 'summary.solver.newtonIterations');
  const reused = numberAt(s.effort?.factorizationsReused, 'summary.effort.factorizationsReused');
  const made = numberAt(s.solver?.factorizations, 'summary.solver.factorizations');
  return {
    draw: {
      index: drawn.index,
      seed: drawn.seed,
      inputs: drawn.inputs,
      status: 'ok',
      error: null,
      metrics,
      factorizations: made - reused,
      factorizationsReused: reused,
    },
    grids,
    solves,
  };
}
