/** Solve cases/default.json and print its summary (the CLI's `solve` writes the full report). */
import { readFileSync } from 'node:fs';
import { solveCase, summaryOf } from './index';

const file = new URL('../cases/default.json', import.meta.url);
const result = summaryOf(solveCase(JSON.parse(readFileSync(file, 'utf8'))));
const p = result.pressure;
const f = (v: number, d = 2) => v.toFixed(d);
console.log(`stackpress — ${result.name}: cell pressure under the top plate after load-up`);
console.log(
  `  mean ${f(p.mean)} MPa   min ${f(p.min)}   max ${f(p.max)}   p5 ${f(p.p5)}   p95 ${f(p.p95)} MPa`,
);
console.log(
  `  CoV ${f(p.cov, 3)}   max/mean ${f(p.maxOverMean, 3)}   contact ${f(100 * p.contactFraction, 1)} %   within ±10 % ${f(100 * p.within10, 1)} %`,
);
console.log(
  `  force balance: bolts ${f(result.balance.boltForce, 0)} N, contact ${f(result.balance.contactForce, 0)} N, rel. residual ${result.balance.relResidual.toExponential(1)}`,
);
for (const pl of result.plates)
  console.log(`  ${pl.name}: von Mises max ${f(pl.vonMisesMax, 1)} MPa, safety factor ${f(pl.safetyFactor)}`);
if (result.swelling) {
  const s = result.swelling.pressure;
  console.log(
    `  after swelling: mean ${f(s.mean)} MPa, CoV ${f(s.cov, 3)}, bolts ${result.bolts.map((b) => f(b.forceAfterSwelling / 1000)).join(' ')} kN`,
  );
}
console.log(
  `  ${result.solver.dofs} dofs, ${result.solver.newtonIterations} Newton iterations, ${f(result.solver.seconds)} s`,
);
