/**
 * Tolerance-study benchmark (`npm run bench -- --tolerance-only`): 100 draws of cases/default.json
 * at its 2 mm mesh (linear laws, full contact: the tangent carries over from draw to draw) and 100
 * of cases/fig5b-none.json (no pads: the contact set changes between draws, so every draw
 * refactors). For each: the study end to end (cold session: the first draw pays the ordering and
 * analysis), the first draw's time, the solves (Newton steps) and factorizations per draw, made
 * and taken from the session, and beside it the cost of a draw both ways, interleaved draw by draw
 * so that both see the same load (draws 3–12): the study's path (shared model and solver, metrics
 * and maps) and plain `solveCase(draw, { session })`. `--samples N` for a shorter run. The load
 * average is printed: the machine is shared, and the times scale with it.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { SolverSession } from '../../solver/session/solverSession';
import { solveCase } from '../../src/solveCase';
import { drawMaps } from '../../src/tolerance/drawMetrics';
import { DrawSolver } from '../../src/tolerance/drawSolver';
import { firstOrderEstimates } from '../../src/tolerance/firstOrder';
import { planToleranceStudy, runToleranceStudy } from '../../src/tolerance/toleranceStudy';

const args = process.argv.slice(2);
const at = args.indexOf('--samples');
const samples = at >= 0 ? Number(args[at + 1]) : 100;

const caseOf = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../cases/${name}.json`, import.meta.url), 'utf8'));
const fmt = (x: number, d = 2) => x.toFixed(d);

const load = () =>
  loadavg()
    .map((v) => v.toFixed(1))
    .join(' / ');
console.log(`load average at the start (1 / 5 / 15 min): ${load()}`);
console.log(
  '| case | draws | failed | study s | first draw s | s per later draw | solves per draw | factorizations per draw (made / reused) | interleaved s per draw: study / plain solveCase | peak RSS MiB |',
);
console.log('|---|---|---|---|---|---|---|---|---|---|');
for (const name of ['default', 'fig5b-none']) {
  const raw = caseOf(name);
  const t0 = performance.now();
  let first = 0;
  const r = runToleranceStudy(raw, {
    samples,
    seed: 1,
    onDraw: (_d, done) => {
      if (done === 1) first = (performance.now() - t0) / 1000;
    },
  });
  const total = (performance.now() - t0) / 1000;
  // the same draws both ways, interleaved so that both see the same load: plain solveCase in one
  // session, and the study's DrawSolver with its metrics and maps; draws 0 and 1 pay the
  // analysis and the first shared set-up and are left out
  const plan = planToleranceStudy(raw, { samples: 12, seed: 1 });
  const plainSession = new SolverSession();
  const drawSolver = new DrawSolver(new SolverSession());
  let plain = 0;
  let shared = 0;
  for (let i = 0; i < plan.samples; i++) {
    const d = plan.draw(i);
    let t = performance.now();
    solveCase(d.input, { session: plainSession });
    if (i > 1) plain += (performance.now() - t) / 1000;
    t = performance.now();
    const s = drawSolver.solve(d.input);
    drawMaps(s.case, s.model, s.loadUp, s.swollen);
    if (i > 1) shared += (performance.now() - t) / 1000;
  }
  plain /= plan.samples - 2;
  shared /= plan.samples - 2;
  const e = r.effort;
  console.log(
    `| ${name} (mesh ${raw.mesh.size} mm) | ${samples} | ${r.failed.length} | ${fmt(total)} | ${fmt(first)} | ${fmt((total - first) / Math.max(1, samples - 1), 3)} | ${fmt(e.solvesPerDraw)} | ${fmt(e.factorizationsPerDraw)} / ${fmt(e.reusedPerDraw)} | ${fmt(shared, 3)} / ${fmt(plain, 3)} | ${fmt(process.resourceUsage().maxRSS / 1024, 0)} |`,
  );
}

console.log(`load average at the end: ${load()}`);

// first-order propagation at the mean inputs of the default case: one solve of the mean-input
// case, a refactor at its state, one adjoint solve per quantity and one per bolt
{
  const raw = caseOf('default');
  const plan = planToleranceStudy(raw, { samples: 1, seed: 1 });
  const t = performance.now();
  const fo = firstOrderEstimates(plan, new SolverSession());
  const seconds = (performance.now() - t) / 1000;
  console.log(
    `\nFirst-order J Σ Jᵀ at the mean inputs (default, 2 mm): ${fmt(seconds)} s (cold session); ` +
      fo
        .map(
          (f) =>
            `${f.quantity} ${f.state}: σ = ${f.variance > 0 ? Math.sqrt(f.variance).toPrecision(3) : 0} MPa`,
        )
        .join('; '),
  );
}
