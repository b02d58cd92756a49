import { planAssembly, assembleGroup, analyse, factor, solve, residualNorm } from '../../solver/sparse/index';
import { randomPlateProblem } from '../../test/bench/plateProblem';
const nx = Number(process.argv[2] ?? 20);
const p = randomPlateProblem(nx);
let t = performance.now();
const plan = planAssembly(p.n, [p.group]);
assembleGroup(plan, 0, p.blocks);
console.log('n', p.n, 'assembly', (performance.now() - t).toFixed(0), 'ms nnz', plan.matrix.rowIdx.length);
for (const ord of ['natural', 'amd', 'nd', 'ndg'] as const) {
  if (ord === 'natural' && p.n > 20000) continue;
  t = performance.now();
  const sym = analyse(plan.matrix, ord === 'ndg' ? { ordering: 'nd', geometry: p.geometry } : { ordering: ord });
  const ta = performance.now() - t;
  t = performance.now();
  const num = factor(sym, plan.matrix);
  const tf = performance.now() - t;
  const b = new Float64Array(p.n).map((_, i) => Math.sin(i));
  t = performance.now();
  const x = solve(num, b);
  const ts = performance.now() - t;
  const bn = Math.hypot(...b.subarray(0, 1000));
  console.log(ord, 'analyse', ta.toFixed(0), 'factor', tf.toFixed(0), 'solve', ts.toFixed(0), JSON.stringify(sym.stats), 'res', residualNorm(plan.matrix, x, b) , 'GF/s', (sym.stats.flops / tf / 1e6).toFixed(2));
}
