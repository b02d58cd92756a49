import type { DesignSearchResult } from '../cli/designSearch';
import { designCase } from '../design/designCase';
import type { DesignEvaluation } from '../design/designEvaluation';
import type { DesignProblem } from '../design/designProblem';
import { type DesignVariableName, designVariableNames, designVariableUnits } from '../design/designSpec';
import type { DesignValues } from '../design/designValues';
import { bindingSummary, constraintLine } from '../design/designWhy';
import type { EvaluatedDesign } from '../design/evaluatedDesign';
import { csvTable } from '../presentation/csv';
import { type ParetoPoint, paretoChartSpec } from '../presentation/figures/paretoSpec';
import { figureFiles } from './figureFiles';
import { replaceFolder } from './folderSwap';

/** What a design folder is written from: the search, its problem and how it was run. */
export interface DesignRun {
  problem: DesignProblem;
  search: DesignSearchResult;
  spec: { file: string; hash: string };
  seed: number;
  budget: number;
  population: number;
  covLimit: number;
  /** wall time of the search [s] */
  seconds: number;
  /** seconds from the start to the first feasible design's arrival; null: none */
  firstFeasibleSeconds: number | null;
}

/** One archive entry with its evaluation (none when the evaluation itself failed). */
interface Row {
  entry: EvaluatedDesign;
  evaluation: DesignEvaluation | undefined;
  status: 'feasible' | 'infeasible' | 'failed';
  front: boolean;
}

const variableHeader = (name: DesignVariableName) =>
  designVariableUnits[name] ? `${name} [${designVariableUnits[name]}]` : name;

/** Rows in archive order; an unsolved infeasible design keeps its violated constraints. */
function rowsOf(run: DesignRun): Row[] {
  const front = new Set(run.search.result.front.map((e) => e.index));
  return run.search.result.archive
    .filter((entry) => entry.status !== 'pending')
    .map((entry) => {
      const evaluation = run.search.evaluations.get(entry.key);
      const status = entry.status === 'failed' && evaluation ? evaluation.status : entry.status;
      return { entry, evaluation, status: status as Row['status'], front: front.has(entry.index) };
    });
}

/** The constraint columns' units, from the first evaluation that has each one. */
function marginUnits(run: DesignRun): Map<string, string> {
  const units = new Map<string, string>();
  for (const e of run.search.evaluations.values())
    for (const m of e.constraints) if (!units.has(m.id)) units.set(m.id, m.unit);
  return units;
}

/** design.csv and pareto.csv: variables with units, objectives, every margin, status and message. */
function designTable(run: DesignRun, rows: Row[]): string {
  const variables = designVariableNames.filter((n) => run.problem.variables[n] !== undefined);
  const ids = [...new Set([...run.search.constraintIds, ...marginUnits(run).keys()])];
  const units = marginUnits(run);
  const measure = run.problem.objectives.measure;
  const columns = [
    'design',
    'generation',
    'status',
    ...variables.map(variableHeader),
    measure === 'mass' ? 'system inactive mass [kg]' : 'system inactive volume [L]',
    'efficiency by mass [%]',
    'efficiency by volume [%]',
    'CoV after swelling [-]',
    'modules',
    'Pareto front',
    ...ids.map((id) => `margin ${id} [${units.get(id) === '-' || !units.has(id) ? '-' : 'fraction'}]`),
    'binding',
    'message',
  ];
  const table = rows.map(({ entry, evaluation: e, status, front }) => {
    const r: Record<string, unknown> = {
      design: entry.index,
      generation: entry.generation,
      status,
      'Pareto front': front ? 1 : 0,
    };
    for (const n of variables) r[variableHeader(n)] = (entry.design as Record<string, unknown>)[n];
    if (e?.objectives) {
      r[columns[3 + variables.length]] =
        measure === 'mass' ? e.objectives.inactiveMassKg : e.objectives.inactiveVolumeL;
      r['efficiency by mass [%]'] = e.objectives.massEfficiency * 100;
      r['efficiency by volume [%]'] = e.objectives.volumeEfficiency * 100;
      r['CoV after swelling [-]'] = e.objectives.cov;
      r.modules = e.objectives.modules;
    }
    for (const m of e?.constraints ?? [])
      r[columns[columns.findIndex((c) => c.startsWith(`margin ${m.id} [`))]] = m.margin;
    r.binding = e?.binding?.id ?? '';
    r.message = e?.message ?? entry.message ?? '';
    return r;
  });
  return csvTable(columns, table);
}

/** The efficiency the chart and summary show for `measure` [%]. */
function efficiencyPct(e: DesignEvaluation, measure: 'mass' | 'volume'): number {
  if (!e.objectives) return Number.NaN;
  return 100 * (measure === 'mass' ? e.objectives.massEfficiency : e.objectives.volumeEfficiency);
}

function variablesLine(run: DesignRun, design: Record<string, unknown>): string {
  return designVariableNames
    .filter((n) => run.problem.variables[n] !== undefined)
    .map((n) => {
      const v = design[n];
      const u = designVariableUnits[n];
      return `${n} ${typeof v === 'number' ? Number(v.toPrecision(4)) : String(v)}${u && typeof v === 'number' ? ` ${u}` : ''}`;
    })
    .join(', ');
}

/** The front design next to the best on the uniform side: what more uniformity would cost. */
function runnerUp(run: DesignRun, best: EvaluatedDesign | undefined): EvaluatedDesign | undefined {
  if (!best) return undefined;
  const front = run.search.result.front.filter((e) => e.index !== best.index);
  const moreUniform = front.filter((e) => e.objectives[1] < best.objectives[1]);
  const pick = (xs: EvaluatedDesign[]) =>
    xs.sort((a, b) => a.objectives[0] - b.objectives[0] || a.index - b.index)[0];
  return pick(moreUniform) ?? pick(front);
}

/** summary.txt: why the best design wins, which constraint binds, and the runner-up trade-off. */
export function designSummary(run: DesignRun): string {
  const { result } = run.search;
  const measure = run.problem.objectives.measure;
  const rows = rowsOf(run);
  const count = (s: Row['status']) => rows.filter((r) => r.status === s).length;
  const unit = measure === 'mass' ? 'kg' : 'L';
  const lines = [
    `${run.problem.name}: ${rows.length} designs evaluated (seed ${run.seed}, budget ${run.budget}, ${result.generations} generations${result.stopped ? ', stopped early' : ''}) in ${run.seconds.toFixed(1)} s`,
    `  ${count('feasible')} feasible, ${count('infeasible')} infeasible, ${count('failed')} failed; Pareto front of ${result.front.length}`,
  ];
  const best = result.best;
  const e = best ? run.search.evaluations.get(best.key) : undefined;
  if (!best || !e?.objectives) {
    lines.push(`no feasible design with CoV <= ${run.covLimit}: no best.json`);
    const closest = rows
      .filter((r) => r.evaluation?.binding)
      .sort((a, b) => (b.evaluation?.binding?.margin ?? 0) - (a.evaluation?.binding?.margin ?? 0))[0];
    if (closest?.evaluation)
      lines.push(
        `closest: design #${closest.entry.index} — ${bindingSummary(closest.evaluation).split('\n').join('; ')}`,
      );
    return `${lines.join('\n')}\n`;
  }
  const o = e.objectives;
  lines.push(
    '',
    `best design for CoV <= ${run.covLimit}: #${best.index} (generation ${best.generation})`,
    `  variables: ${variablesLine(run, best.design as Record<string, unknown>)}`,
    `  inactive ${measure} ${best.objectives[0].toFixed(2)} ${unit} for ${run.problem.objectives.systemKWh} kWh (${o.modules} modules of ${o.moduleEnergyWh.toFixed(1)} Wh)`,
    `  cell-to-module efficiency ${(o.massEfficiency * 100).toFixed(2)} % by mass, ${(o.volumeEfficiency * 100).toFixed(2)} % by volume; CoV after swelling ${best.objectives[1].toFixed(4)}`,
    ...bindingSummary(e)
      .split('\n')
      .map((l) => `  ${l}`),
    `  why it wins: no feasible design evaluated weighs less within the CoV limit; a lighter one of its kind fails first on ${e.binding?.id ?? 'no constraint'}`,
  );
  const r = runnerUp(run, best);
  const re = r ? run.search.evaluations.get(r.key) : undefined;
  if (r && re) {
    const dm = r.objectives[0] - best.objectives[0];
    const dc = r.objectives[1] - best.objectives[1];
    lines.push(
      '',
      `runner-up on the front: #${r.index}, ${r.objectives[0].toFixed(2)} ${unit} (${dm >= 0 ? '+' : ''}${((100 * dm) / best.objectives[0]).toFixed(1)} %) for CoV ${r.objectives[1].toFixed(4)} (${dc >= 0 ? '+' : ''}${dc.toFixed(4)})`,
      `  variables: ${variablesLine(run, r.design as Record<string, unknown>)}`,
      ...(re.binding ? [`  binds: ${constraintLine(re.binding)}`] : []),
    );
  } else lines.push('', 'runner-up: none (the front is this one design)');
  return `${lines.join('\n')}\n`;
}

/** design.json: the run's record for the viewer — spec hash, seed, every design, front and best. */
function designRecord(run: DesignRun, rows: Row[]): string {
  const { result } = run.search;
  const measure = run.problem.objectives.measure;
  const firstFeasible = rows.find((r) => r.status === 'feasible');
  const record = {
    schemaVersion: 1,
    kind: 'stackpress.design',
    name: run.problem.name,
    spec: run.spec,
    seed: run.seed,
    budget: run.budget,
    population: run.population,
    covLimit: run.covLimit,
    measure,
    systemKWh: run.problem.objectives.systemKWh,
    constraintIds: run.search.constraintIds,
    seconds: run.seconds,
    generations: result.generations,
    stopped: result.stopped,
    evaluations: rows.length,
    feasible: rows.filter((r) => r.status === 'feasible').length,
    failed: rows.filter((r) => r.status === 'failed').length,
    firstFeasibleAt: firstFeasible ? firstFeasible.entry.index + 1 : null,
    firstFeasibleSeconds: run.firstFeasibleSeconds,
    // the problem as checkDesignProblem reads it back: the viewer builds any design's case from it
    problem: run.problem,
    front: result.front.map((e) => e.index),
    best: result.best
      ? {
          index: result.best.index,
          design: result.best.design,
          objectives: result.best.objectives,
          efficiencyPct: efficiencyPct(run.search.evaluations.get(result.best.key)!, measure),
        }
      : null,
    designs: rows.map(({ entry, evaluation: e, status, front }) => ({
      index: entry.index,
      generation: entry.generation,
      key: entry.key,
      design: entry.design,
      status,
      front,
      objectives: e?.objectives ?? null,
      constraints: e?.constraints ?? [],
      violated: e?.violated ?? [],
      binding: e?.binding?.id ?? null,
      message: e?.message ?? entry.message ?? null,
      parts: e?.parts ?? null,
    })),
  };
  return `${JSON.stringify(record, null, 2)}\n`;
}

/** The chart's points: every solved design (an unsolved one has no CoV). */
function chartPoints(run: DesignRun, rows: Row[]): ParetoPoint[] {
  const measure = run.problem.objectives.measure;
  return rows.flatMap(({ entry, evaluation: e, status, front }) =>
    e?.objectiveVector && e.objectives
      ? [
          {
            index: entry.index,
            efficiencyPct: efficiencyPct(e, measure),
            cov: e.objectiveVector[1],
            kind: front ? 'front' : status === 'feasible' ? 'feasible' : 'infeasible',
          } satisfies ParetoPoint,
        ]
      : [],
  );
}

/**
 * The files of a design folder by name, rendered in memory: design.csv, pareto.csv, pareto.svg,
 * pareto.png, best.json (only when a feasible design meets the CoV limit), summary.txt and
 * design.json.
 */
export async function designFolderFiles(run: DesignRun): Promise<Record<string, string | Uint8Array>> {
  const rows = rowsOf(run);
  const files: Record<string, string | Uint8Array> = {
    'design.csv': designTable(run, rows),
    'pareto.csv': designTable(
      run,
      rows.filter((r) => r.front).sort((a, b) => a.entry.objectives[0] - b.entry.objectives[0]),
    ),
  };
  const best = run.search.result.best;
  const built = best ? designCase(run.problem, best.design as DesignValues) : undefined;
  if (built?.ok) files['best.json'] = `${JSON.stringify(built.case, null, 2)}\n`;
  files['summary.txt'] = designSummary(run);
  files['design.json'] = designRecord(run, rows);
  const points = chartPoints(run, rows);
  const spec = paretoChartSpec(points, `Pareto front: ${run.problem.name}`, {
    chosen: best?.index,
    covLimit: run.covLimit,
    measure: run.problem.objectives.measure,
    failed: rows.length - points.length,
  });
  Object.assign(files, await figureFiles({ pareto: spec }));
  return files;
}

/**
 * Write a design folder whole by replacing it (`replaceFolder`): a reader, or a process killed at
 * any moment, finds the old folder or the new one, never part of a run. Returns the file names.
 */
export async function writeDesignFolder(dir: string, run: DesignRun): Promise<string[]> {
  const files = await designFolderFiles(run);
  await replaceFolder(dir, files);
  return Object.keys(files);
}
