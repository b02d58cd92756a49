/**
 * End-to-end contact benchmark: the default case at a 1 mm mesh (two 150 × 150 mm plates,
 * about 140k unknowns), from the case object to the summary. Reports Newton iterations and
 * factorizations, cold (first solve: ordering and analysis included) and warm (the symbolic
 * factorization reused from the session, as in a sweep or the viewer's re-solve).
 * `--threads 2` factors with the helper thread (the CLI's default on 2 cores).
 */
import { readFileSync } from 'node:fs';
import { ChainTangent } from '../../solver/contact/chainTangent';
import { ContactSolver } from '../../solver/contact/contactSolver';
import { CoupledTangent } from '../../solver/contact/coupledTangent';
import { platePattern } from '../../solver/contact/platePattern';
import { SolverSession } from '../../solver/session/solverSession';
import { assembleGroup, factor } from '../../solver/sparse';
import type { FactorHelper } from '../../solver/sparse/parallel/factorHelper';
import { backwardSolve, forwardSolve } from '../../solver/sparse/supernodalSolve';
import { checkCase } from '../../src/case/checkCase';
import type { CaseInput } from '../../src/case/schema';
import { buildModel, swellingField } from '../../src/model/buildModel';
import { type SolvePhases, solveCase } from '../../src/solveCase';
import { createSolverSession } from '../../src/threads/factorThreads';
import { denseKernelRate } from './calibration';

export interface ContactBenchRow {
  mesh: number;
  dofs: number;
  run: 'cold' | 'warm';
  seconds: number;
  newton: number;
  factorizations: number;
  nnzL: number;
  flops: number;
  peakRssMiB: number;
  /** solveCase's own split of the time [s] */
  phases: SolvePhases;
}

/** Cold and warm solves of the default case per mesh size, in `session` (the warm one reuses its analysis). */
export function contactBench(session: SolverSession, meshSizes: number[] = [2, 1]): ContactBenchRow[] {
  const raw = JSON.parse(readFileSync(new URL('../../cases/default.json', import.meta.url), 'utf8'));
  const rows: ContactBenchRow[] = [];
  for (const h of meshSizes) {
    for (const run of ['cold', 'warm'] as const) {
      // warm: the preload edited by +10 %, as in a sweep or the viewer's re-solve after an edit
      const bolts = run === 'warm' ? { ...raw.bolts, preload: scaled(raw.bolts.preload, 1.1) } : raw.bolts;
      const t0 = performance.now();
      const r = solveCase({ ...raw, bolts, mesh: { size: h } }, { session });
      const seconds = (performance.now() - t0) / 1000;
      rows.push({
        mesh: h,
        dofs: r.solver.dofs,
        run,
        seconds,
        newton: r.solver.newtonIterations,
        factorizations: r.solver.factorizations,
        nnzL: r.solver.nnzL,
        flops: r.solver.flops,
        peakRssMiB: process.resourceUsage().maxRSS / 1024,
        phases: r.effort.phases,
      });
    }
  }
  return rows;
}

/** A preload spec ({ force } in N, or { torque } in N·mm with its nut factor) with the load scaled by `factor`. */
function scaled(preload: Record<string, number>, factor: number): Record<string, number> {
  return Object.fromEntries(
    Object.entries(preload).map(([k, v]) => [k, k === 'force' || k === 'torque' ? v * factor : v]),
  );
}

function phaseText(p: SolvePhases): string {
  return [p.model, p.setup, p.loadUp, p.swelling, p.results].map((v) => v.toFixed(2)).join(' / ');
}

/** The rows as a Markdown table. */
export function contactBenchTable(rows: ContactBenchRow[]): string {
  const head =
    '| mesh (mm) | unknowns | run | end to end (s) | model / setup / load-up / swelling / results (s) | Newton iterations | factorizations | nnz(L) per factor | flops per factor | peak RSS (MiB) |';
  const sep = '|---|---|---|---|---|---|---|---|---|---|';
  const body = rows.map(
    (r) =>
      `| ${r.mesh} | ${r.dofs} | ${r.run} | ${r.seconds.toFixed(2)} | ${phaseText(r.phases)} | ${r.newton} | ${r.factorizations} | ${(r.nnzL / 1e6).toFixed(2)} M | ${r.flops.toExponential(2)} | ${r.peakRssMiB.toFixed(0)} |`,
  );
  return [head, sep, ...body].join('\n');
}

/** One housing of the issue's benchmark: the default case with one change. */
export interface Housing {
  name: string;
  /** plates counted from the top, interleaf plates included */
  plates: number;
  edit: (c: CaseInput) => void;
}

/** The twin-plate default and the housings that leave its exact split. */
export const HOUSINGS: Housing[] = [
  { name: 'twin plates, 25 mm both (default)', plates: 2, edit: () => {} },
  {
    name: 'bottom plate 30 mm, top 25 mm',
    plates: 2,
    edit: (c) => {
      c.plates.bottom = { ...(c.plates.bottom as typeof c.plates.top), thickness: 30 };
    },
  },
  {
    name: 'top plate al-6061-t6',
    plates: 2,
    edit: (c) => {
      c.plates.top.material = 'al-6061-t6';
    },
  },
  {
    name: '1 interleaf (al-6061-t6, 5 mm) after 3 cells',
    plates: 3,
    edit: (c) => {
      c.stack.interleaf = { every: 3, thickness: 5, material: 'al-6061-t6' };
    },
  },
  {
    name: '2 interleaves (al-6061-t6, 5 mm) every 2 cells',
    plates: 4,
    edit: (c) => {
      c.stack.interleaf = { every: 2, thickness: 5, material: 'al-6061-t6' };
    },
  },
];

export interface HousingRow {
  housing: string;
  mesh: number;
  dofs: number;
  /** best of the repeats, end to end through solveCase [s] */
  seconds: number;
  /** against the twin plates at the same mesh, best against best, same process [-] */
  ratio: number;
  /** the issue's target for this ratio [-] */
  target: number;
  /** tangent path, numeric factorizations it made, flops of one, CG iterations and solves */
  path: string;
  factorizations: number;
  flopsPerFactor: number;
  pcgIterations: number;
  pcgSolves: number;
  /** flops of one factorization of the whole coupled matrix (the direct alternative) */
  coupledFlops: number;
  /** full single-plate block solves the chain made (forward and back through one factor) */
  blockSolves: number;
  /** in the counting solve: time in numeric factorizations, and in the chain's block solves [s] */
  factorSeconds: number;
  blockSolveSeconds: number;
  /**
   * The twin's time plus only the linear algebra this path adds to it: factorization time beyond
   * the twin's, and the block solves (from the counting solves) [s]; against the twin [-]
   */
  floor: number;
  floorRatio: number;
}

function housingCase(h: number, housing: Housing): CaseInput {
  const raw = JSON.parse(readFileSync(new URL('../../cases/default.json', import.meta.url), 'utf8'));
  raw.mesh = { size: h };
  housing.edit(raw);
  return raw;
}

/**
 * Every housing at each mesh size, each solve in a fresh session (analysis and every
 * factorization included), the housings interleaved in `repeat` rounds so that the shared
 * machine's load falls on all of them alike; the best of each is kept and set against the twin.
 * One extra untimed solve per housing counts its factorizations and CG work.
 */
export function housingBench(
  meshSizes: number[] = [2, 1],
  repeat = 3,
  helper: FactorHelper | null = null,
): HousingRow[] {
  const rows: HousingRow[] = [];
  // each solve's fresh session, with the helper thread when one is given (it keeps no state of a session)
  const fresh = () => {
    const session = new SolverSession();
    session.factorHelper = helper;
    return session;
  };
  // the JIT warmed on every path at a coarse mesh
  for (const housing of HOUSINGS) solveCase(housingCase(6, housing), { session: fresh() });
  for (const h of meshSizes) {
    const best = HOUSINGS.map(() => Number.POSITIVE_INFINITY);
    const dofs = HOUSINGS.map(() => 0);
    for (let round = 0; round < repeat; round++) {
      HOUSINGS.forEach((housing, i) => {
        const t0 = performance.now();
        const r = solveCase(housingCase(h, housing), { session: fresh() });
        best[i] = Math.min(best[i], (performance.now() - t0) / 1000);
        dofs[i] = r.solver.dofs;
      });
    }
    const efforts = HOUSINGS.map((housing) => tangentEffort(housingCase(h, housing), fresh()));
    HOUSINGS.forEach((housing, i) => {
      const effort = efforts[i];
      const floor =
        best[0] + Math.max(0, effort.factorSeconds - efforts[0].factorSeconds) + effort.blockSolveSeconds;
      rows.push({
        housing: housing.name,
        mesh: h,
        dofs: dofs[i],
        seconds: best[i],
        ratio: best[i] / best[0],
        target: i === 0 ? 1 : (housing.plates / 2) * 1.5,
        ...effort,
        floor,
        floorRatio: floor / best[0],
      });
    });
  }
  return rows;
}

/** The ContactSolver's own count of a case's linear algebra (load-up and swelling). */
function tangentEffort(raw: CaseInput, session: SolverSession) {
  const c = checkCase(raw).case;
  const model = buildModel(c);
  const solver = new ContactSolver(model.problem, session);
  const opts = { tolerance: c.solver.tolerance, maxIterations: c.solver.maxIterations };
  const up = solver.loadUp(opts);
  if (c.stack.swelling.type !== 'none') solver.swell(up, swellingField(c, model), opts);
  const t = solver.tangent;
  const chain = t instanceof ChainTangent ? t : null;
  const coupledFlops =
    t instanceof CoupledTangent
      ? t.stats.flops
      : new CoupledTangent(model.problem, String, new SolverSession()).stats.flops;
  return {
    path: t.constructor.name,
    factorizations: t.factorizations,
    flopsPerFactor: t.stats.flops,
    pcgIterations: chain?.pcgIterations ?? 0,
    pcgSolves: chain?.pcgSolves ?? 0,
    blockSolves: chain?.blockSolves ?? 0,
    factorSeconds: t.factorSeconds,
    blockSolveSeconds: chain?.blockSolveSeconds ?? 0,
    coupledFlops,
  };
}

/** The housing rows as a Markdown table. */
export function housingTable(rows: HousingRow[]): string {
  const head =
    '| mesh (mm) | housing | unknowns | solve (s) | against twin | target | twin + added linear algebra (s) | that against twin | path | factorizations (single-plate unless coupled) | factorization time (s) | flops per factor | CG iterations / solves | block solves (s) | coupled factor flops |';
  const sep = '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|';
  const body = rows.map(
    (r) =>
      `| ${r.mesh} | ${r.housing} | ${r.dofs} | ${r.seconds.toFixed(2)} | ${r.ratio.toFixed(2)}× | ≤ ${r.target.toFixed(2)}× | ${r.floor.toFixed(2)} | ${r.floorRatio.toFixed(2)}× | ${r.path} | ${r.factorizations} | ${r.factorSeconds.toFixed(3)} | ${r.flopsPerFactor.toExponential(2)} | ${r.pcgSolves ? `${r.pcgIterations} / ${r.pcgSolves}` : '—'} | ${r.blockSolves ? `${r.blockSolves} (${r.blockSolveSeconds.toFixed(3)})` : '—'} | ${r.coupledFlops.toExponential(2)} |`,
  );
  return [head, sep, ...body].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--threads');
  const threaded = createSolverSession(at > 0 ? Number(process.argv[at + 1]) : 1);
  await threaded.ready;
  const threads = threaded.threads;
  const meshAt = process.argv.indexOf('--meshes');
  const meshes = meshAt > 0 ? process.argv[meshAt + 1].split(',').map(Number) : [2, 1];
  const rows = contactBench(threaded.session, meshes);
  console.log(`factorization threads: ${threads}`);
  console.log(contactBenchTable(rows));
  if (!process.argv.includes('--no-housings')) {
    console.log(
      `\nHousings: the default case with one change, each a cold solve in a fresh session, against twin plates (${threads === 1 ? 'one thread' : 'each session with the helper thread: factorizations and substitutions in halves'})`,
    );
    console.log(housingTable(housingBench(meshes, 3, threaded.session.factorHelper)));
  }
  await threaded.close();
  // how fast this shared machine was just after the runs (the factorization is most of a cold solve)
  console.log(`\ndense kernel after the runs: ${denseKernelRate().toFixed(2)} GFlop/s`);
}
