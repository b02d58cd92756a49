/**
 * End-to-end contact benchmark: the default case at a 1 mm mesh (two 150 × 150 mm plates,
 * about 140k unknowns), from the case object to the summary. Reports Newton iterations and
 * factorizations, cold (first solve: ordering and analysis included) and warm (the symbolic
 * factorization reused from the session, as in a sweep or the viewer's re-solve).
 * `--threads 2` factors with the helper thread (the CLI's default on 2 cores).
 */
import { readFileSync } from 'node:fs';
import type { SolverSession } from '../../solver/session/solverSession';
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const at = process.argv.indexOf('--threads');
  const threaded = createSolverSession(at > 0 ? Number(process.argv[at + 1]) : 1);
  await threaded.ready;
  const threads = threaded.threads;
  const rows = contactBench(threaded.session);
  await threaded.close();
  console.log(`factorization threads: ${threads}`);
  console.log(contactBenchTable(rows));
  // how fast this shared machine was just after the runs (the factorization is most of a cold solve)
  console.log(`\ndense kernel after the runs: ${denseKernelRate().toFixed(2)} GFlop/s`);
}
