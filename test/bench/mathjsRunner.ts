/** Child process: the 30k plate matrix through our solver (reference) and mathjs slu. */
import { analyse, factor, solve } from '../../solver/sparse/cholesky';
import { buildMatrix, type CaseSpec } from './caseRunner';
import { mathjsFactorization } from './mathjsComparison';

const spec = JSON.parse(process.argv[process.argv.length - 1]) as CaseSpec;
const { A, geometry } = buildMatrix(spec);
const b = new Float64Array(A.n);
for (let i = 0; i < A.n; i++) b[i] = Math.sin(0.001 * i) + 1;
const reference = solve(factor(analyse(A, { geometry }), A), b);
const result = mathjsFactorization(A, b, reference);
process.stdout.write(
  `${JSON.stringify({ n: A.n, ...result, peakRssMiB: process.resourceUsage().maxRSS / 1024 })}\n`,
);
