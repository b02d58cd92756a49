/**
 * The Fig 5b comparison as statistics: from tolerance studies of the four housings run with one
 * seed, the CoV distribution of each housing and, for each pair, the probability that the pair
 * ranks as the films of Tan et al. do (springs + gaskets most uniform, then gaskets, springs,
 * none). Draw i of every housing has the same seed, so it has the same random flatness of both
 * plates and the same uniform numbers behind its bolt preloads (±25 % torqued, ±3 % with springs):
 * the housings are compared draw by draw on common inputs, and a pair's probability is the share
 * of draws, solved in both, in which the first housing's CoV is the lower.
 *
 * Rerun (cases/README.md quotes its output):
 *   npx stackpress solve cases/fig5b-none.json cases/fig5b-springs.json cases/fig5b-gaskets.json \
 *     cases/fig5b-springs-gaskets.json --samples 100 --seed 1 --out fig5b-study
 *   npx tsx test/reference/fig5bRanking.ts fig5b-study [loadUp|swollen]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadState } from '../../src/presentation/resultFields';
import { decodeToleranceFile } from '../../src/presentation/toleranceFile';
import type { ToleranceResult } from '../../src/tolerance/toleranceResult';

/** The housings in the films' order, most uniform first: study folder and label. */
export const FILM_ORDER = [
  { folder: 'fig5b-springs-gaskets', label: 'springs + gaskets' },
  { folder: 'fig5b-gaskets', label: 'gaskets' },
  { folder: 'fig5b-springs', label: 'springs' },
  { folder: 'fig5b-none', label: 'none' },
] as const;

/** Each draw's CoV in `state`, by draw index; null where the draw failed. */
export function covByDraw(r: ToleranceResult, state: LoadState): (number | null)[] {
  return r.draws.map((d) => (d.status === 'ok' ? (d.metrics?.[state]?.cov ?? null) : null));
}

/** 95 % Wilson interval of a share k / n [-]: honest at shares near 0 or 1, where k/n ± 2σ is not. */
export function wilson(k: number, n: number): { lo: number; hi: number } {
  if (n === 0) return { lo: 0, hi: 1 };
  const z = 1.959964;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return { lo: Math.max(0, c - h), hi: Math.min(1, c + h) };
}

/**
 * For each pair (a before b in the films' order), over the draws solved in both: how many, in
 * how many CoV(a) < CoV(b), and the same for the whole order holding at once.
 */
export function pairRanking(covs: (number | null)[][]): {
  pairs: { a: number; b: number; n: number; k: number }[];
  all: { n: number; k: number };
} {
  const pairs = [];
  for (let a = 0; a < covs.length; a++)
    for (let b = a + 1; b < covs.length; b++) {
      let n = 0;
      let k = 0;
      covs[a].forEach((ca, i) => {
        const cb = covs[b][i];
        if (ca === null || cb === null) return;
        n++;
        if (ca < cb) k++;
      });
      pairs.push({ a, b, n, k });
    }
  let n = 0;
  let k = 0;
  for (let i = 0; i < covs[0].length; i++) {
    const c = covs.map((h) => h[i]);
    if (c.some((v) => v === null)) continue;
    n++;
    if (c.every((v, j) => j === 0 || (c[j - 1] as number) < (v as number))) k++;
  }
  return { pairs, all: { n, k } };
}

const pct = (x: number) => `${(100 * x).toFixed(0)} %`;
const f3 = (x: number) => x.toFixed(3);

function main(dir: string, state: LoadState): void {
  const studies = FILM_ORDER.map(
    ({ folder }) => decodeToleranceFile(readFileSync(join(dir, folder, 'tolerance.json'), 'utf8')).result,
  );
  const n0 = studies[0];
  for (const s of studies) {
    // paired draws need the same seed and the same draws: the comparison is meaningless otherwise
    if (s.seed !== n0.seed || s.samples !== n0.samples || s.draws.some((d, i) => d.seed !== n0.draws[i].seed))
      throw new Error(
        `${s.caseName}: seed ${s.seed} × ${s.samples} draws differs from ${n0.caseName}'s; run all four with one --seed and --samples`,
      );
  }
  const lines = [
    `${n0.samples} draws per housing, study seed ${n0.seed}, ${state === 'loadUp' ? 'after load-up' : 'after swelling'}`,
    '',
    '| housing | solved | CoV mean | CoV p5 | CoV p50 | CoV p95 | CoV min – max |',
    '| ------- | ------ | -------- | ------ | ------- | ------- | ------------- |',
  ];
  FILM_ORDER.forEach(({ label }, h) => {
    const s = studies[h];
    const d = s.distributions[state]?.cov;
    const solved = s.samples - s.failed.length;
    lines.push(
      d
        ? `| ${label} | ${solved} | ${f3(d.mean)} | ${f3(d.p5)} | ${f3(d.p50)} | ${f3(d.p95)} | ${f3(d.min)} – ${f3(d.max)} |`
        : `| ${label} | ${solved} | — | — | — | — | — |`,
    );
  });
  const { pairs, all } = pairRanking(studies.map((s) => covByDraw(s, state)));
  lines.push(
    '',
    '| pair, as the films rank it | draws | P(ranks as the films) | 95 % interval |',
    '| -------------------------- | ----- | --------------------- | ------------- |',
  );
  for (const { a, b, n, k } of pairs) {
    const w = wilson(k, n);
    lines.push(
      `| ${FILM_ORDER[a].label} < ${FILM_ORDER[b].label} | ${n} | ${pct(k / n)} (${k}/${n}) | ${pct(w.lo)} – ${pct(w.hi)} |`,
    );
  }
  const w = wilson(all.k, all.n);
  lines.push(
    `| all four in the films' order | ${all.n} | ${pct(all.k / all.n)} (${all.k}/${all.n}) | ${pct(w.lo)} – ${pct(w.hi)} |`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv[2] ?? 'fig5b-study', (process.argv[3] as LoadState | undefined) ?? 'loadUp');
}
