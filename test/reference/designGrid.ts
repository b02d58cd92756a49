/**
 * The acceptance run of `stackpress design` on the reference problem, cases/design-default.yaml:
 *
 * 1. the exhaustive grid of the spec's `grid` section, every design evaluated on the pool of 2
 *    solver threads (each design's evaluation is kept in DIR/grid.jsonl as it arrives, so a
 *    stopped run resumes where it stopped);
 * 2. `stackpress design` itself, through runCli, with a budget of at most 20 % of the grid's size;
 * 2b. the optimiser alone (same seed and budget) on the grid's reduced space: each variable
 *    within its grid levels' span, like for like with the grid;
 * 3. the least inactive mass of each among feasible designs with CoV ≤ the spec's limit, their
 *    ratio (the optimiser's over the grid's: at most 1.01 passes) and the evaluation counts;
 * 4. the optimiser's best.json solved again by `stackpress solve`, and every constraint checked on
 *    what that solve wrote, and on an in-process solve of the same file.
 *
 * Rerun (takes about half an hour on 2 free cores; test/reference/designGrid.md has the numbers):
 *   npx tsx test/reference/designGrid.ts [DIR, default design-grid-run] [budget, default 20 % of the grid]
 * It exits 1 when the acceptance fails, printing the numbers either way.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DesignPool } from '../../src/cli/designPool';
import { searchDesigns } from '../../src/cli/designSearch';
import { runCli } from '../../src/cli/run';
import { solvedConstraints } from '../../src/design/designConstraints';
import type { DesignEvaluation } from '../../src/design/designEvaluation';
import { designConstraintIds, designOutcome } from '../../src/design/designOutcome';
import type { DesignProblem } from '../../src/design/designProblem';
import { loadDesignSpecFile } from '../../src/design/designSpecFile';
import { type DesignValues, designGridSpace } from '../../src/design/designValues';
import { evaluateGrid, type GridLevels, gridSize } from '../../src/design/exhaustiveGrid';
import { bestFeasible } from '../../src/design/paretoFront';
import type { SearchSpace } from '../../src/design/searchSpace';
import { solveCase } from '../../src/solveCase';

/** The problem with each variable narrowed to its grid levels: ranges to the levels' span, choices to the levels. */
function narrowedToGrid(p: DesignProblem): DesignProblem {
  const variables: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(p.variables)) {
    const levels = p.grid[name as keyof typeof p.grid];
    if (def === undefined || levels === undefined) variables[name] = def;
    else if (Array.isArray(def)) variables[name] = [...levels];
    else {
      const xs = levels.filter((x): x is number => typeof x === 'number');
      variables[name] = { min: Math.min(...xs), max: Math.max(...xs) };
    }
  }
  return { ...p, variables: variables as DesignProblem['variables'] };
}

const SPEC = resolve('cases/design-default.yaml');
const dir = resolve(process.argv[2] ?? 'design-grid-run');
mkdirSync(dir, { recursive: true });

const problem = await loadDesignSpecFile(SPEC);
const { space, levels } = designGridSpace(problem);
const gridPoints = gridSize(space as SearchSpace, levels as GridLevels);
const budget = Number(process.argv[3] ?? Math.floor(gridPoints * 0.2));
const covLimit = problem.bestCovLimit;
const criterion = { objective: 0, limits: [{ objective: 1, max: covLimit }] };
const constraintCount = designConstraintIds(problem).length;
const log = (s: string) => process.stdout.write(`${s}\n`);

// 1. the grid, resumable
const cacheFile = join(dir, 'grid.jsonl');
const cached = new Map<string, DesignEvaluation>();
if (existsSync(cacheFile))
  for (const line of readFileSync(cacheFile, 'utf8').split('\n'))
    if (line.trim()) {
      const { key, evaluation } = JSON.parse(line) as { key: string; evaluation: DesignEvaluation };
      cached.set(key, evaluation);
    }
log(`grid: ${gridPoints} designs, ${cached.size} already evaluated in ${cacheFile}`);
const pool = new DesignPool(problem, 2);
const t0 = performance.now();
let done = cached.size;
const grid = await evaluateGrid(
  space as SearchSpace,
  levels as GridLevels,
  async (design, key) => {
    let e = cached.get(key);
    if (!e) {
      e = await pool.evaluate(design as DesignValues);
      appendFileSync(cacheFile, `${JSON.stringify({ key, evaluation: { ...e, case: null } })}\n`);
      done++;
      if (done % 20 === 0)
        log(`grid: ${done}/${gridPoints} after ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    return designOutcome(problem, e);
  },
  { objectives: 2, constraints: constraintCount },
  16,
);
await pool.close();
const gridSeconds = (performance.now() - t0) / 1000;
const gridBest = bestFeasible(grid, criterion);
const gridFeasible = grid.filter((e) => e.status === 'feasible').length;
log(
  `grid: ${grid.length} evaluated (${gridFeasible} feasible, ${grid.filter((e) => e.status === 'failed').length} failed) in ${gridSeconds.toFixed(0)} s this run`,
);
if (!gridBest) {
  log('grid: no feasible design with CoV within the limit — nothing to compare against');
  process.exit(1);
}
log(
  `grid best: ${gridBest.objectives[0].toFixed(2)} kg, CoV ${gridBest.objectives[1].toFixed(4)}, ${gridBest.key}`,
);

// 2. the optimiser, as a user runs it
const out = join(dir, 'design');
const t1 = performance.now();
const code = await runCli([
  'node',
  'stackpress',
  'design',
  SPEC,
  '--out',
  out,
  '--budget',
  String(budget),
  '--workers',
  '2',
]);
const searchSeconds = (performance.now() - t1) / 1000;
if (code !== 0) {
  log(`stackpress design exited ${code}`);
  process.exit(1);
}
const record = JSON.parse(readFileSync(join(out, 'design.json'), 'utf8')) as {
  evaluations: number;
  feasible: number;
  best: { objectives: [number, number]; design: DesignValues } | null;
  firstFeasibleAt: number | null;
};
if (!record.best) {
  log(
    `optimiser: no feasible design with CoV ≤ ${covLimit} in ${record.evaluations} evaluations — acceptance fails`,
  );
  process.exit(1);
}
const ratio = record.best.objectives[0] / gridBest.objectives[0];

// 2b. the optimiser on the grid's own reduced space (each variable within its grid levels' span,
// the single-level ones fixed, the choices the grid's), the same seed and budget: the like-for-like
// comparison beside the user's run over the spec's whole space
const narrowed = narrowedToGrid(problem);
const reducedPool = new DesignPool(narrowed, 2);
const t2 = performance.now();
const reduced = await searchDesigns(narrowed, reducedPool, {
  seed: problem.optimiser.seed,
  budget,
  population: problem.optimiser.population,
  covLimit,
});
await reducedPool.close();
const reducedSeconds = (performance.now() - t2) / 1000;
const reducedBest = reduced.result.best;
const reducedRatio = reducedBest
  ? reducedBest.objectives[0] / gridBest.objectives[0]
  : Number.POSITIVE_INFINITY;
const reducedEvaluations = reduced.result.archive.length;

// 3. best.json solved again, every constraint checked
const bestFile = join(out, 'best.json');
const solveOut = join(dir, 'best-solved');
const solveCode = await runCli(['node', 'stackpress', 'solve', bestFile, '--out', solveOut]);
const result = solveCase(JSON.parse(readFileSync(bestFile, 'utf8')));
const margins = solvedConstraints(result.fields.case, result, problem.constraints, problem.targetPressure);
const violated = margins.filter((m) => m.margin < 0);

const rows = [
  ['', 'evaluations', 'feasible', 'best inactive mass [kg]', 'its CoV [-]', 'wall time [s]'],
  [
    'exhaustive grid',
    String(grid.length),
    String(gridFeasible),
    gridBest.objectives[0].toFixed(3),
    gridBest.objectives[1].toFixed(4),
    cached.size === 0 ? gridSeconds.toFixed(0) : `${gridSeconds.toFixed(0)} (resumed)`,
  ],
  [
    `optimiser (seed ${problem.optimiser.seed})`,
    String(record.evaluations),
    String(record.feasible),
    record.best.objectives[0].toFixed(3),
    record.best.objectives[1].toFixed(4),
    searchSeconds.toFixed(0),
  ],
];
rows.push([
  `optimiser on the grid's space (seed ${problem.optimiser.seed})`,
  String(reducedEvaluations),
  String(reduced.result.feasible),
  reducedBest ? reducedBest.objectives[0].toFixed(3) : 'none',
  reducedBest ? reducedBest.objectives[1].toFixed(4) : '',
  reducedSeconds.toFixed(0),
]);
for (const r of rows) log(r.join(' | '));
log(`ratio optimiser on the grid's space / grid best: ${reducedRatio.toFixed(4)} (passes at ≤ 1.01)`);
log(`its best design: ${JSON.stringify(reducedBest?.design)}`);
log(
  `evaluations: optimiser ${record.evaluations} = ${((100 * record.evaluations) / grid.length).toFixed(1)} % of the grid's ${grid.length}`,
);
log(`ratio optimiser / grid best: ${ratio.toFixed(4)} (passes at ≤ 1.01)`);
log(`grid best design: ${JSON.stringify(gridBest.design)}`);
log(`optimiser best design: ${JSON.stringify(record.best.design)}`);
log(`stackpress solve best.json: exit ${solveCode}`);
for (const m of margins)
  log(
    `  ${m.id} (${m.state}): ${m.value.toPrecision(4)} against ${m.limit} — margin ${m.margin.toPrecision(3)}`,
  );
const pass =
  ratio <= 1.01 && record.evaluations <= 0.2 * grid.length && solveCode === 0 && violated.length === 0;
log(
  pass
    ? 'ACCEPTANCE: pass'
    : `ACCEPTANCE: FAIL${violated.length ? ` (best.json violates ${violated.map((m) => m.id).join(', ')})` : ''}`,
);
writeFileSync(
  join(dir, 'acceptance.json'),
  `${JSON.stringify({ gridPoints: grid.length, gridFeasible, gridBest, reduced: { evaluations: reducedEvaluations, best: reducedBest, ratio: reducedRatio }, record: { evaluations: record.evaluations, feasible: record.feasible, best: record.best, firstFeasibleAt: record.firstFeasibleAt }, ratio, solveCode, margins, pass }, null, 2)}\n`,
);
process.exit(pass ? 0 : 1);
