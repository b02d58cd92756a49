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

/** Mean and sample standard deviation of a list [its unit]. */
function meanSd(v: number[]): { mean: number; sd: number } {
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const ss = v.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { mean, sd: v.length > 1 ? Math.sqrt(ss / (v.length - 1)) : 0 };
}

/**
 * Per draw, the mean preload factor of the corner bolts minus that of the mid-edge bolts [-]: a
 * draw that loosens the corners moves load off the corner peaks. The Fig 5b files list their 8
 * bolts corner and mid-edge in turn, starting at the corner (12.5, 12.5).
 */
function cornerBias(r: ToleranceResult): (number | null)[] {
  return r.draws.map((d) => {
    const f = d.inputs.preloadFactors;
    return Array.isArray(f) && f.length === 8
      ? (f[0] + f[2] + f[4] + f[6]) / 4 - (f[1] + f[3] + f[5] + f[7]) / 4
      : null;
  });
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(0)} %` : '—');
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
  if (studies.every((s) => !s.distributions[state]))
    throw new Error(
      `no study has a CoV ${state === 'swollen' ? 'after swelling (the cases do not swell)' : 'after load-up (no draw solved)'}`,
    );
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
  lines.push(
    '',
    '| housing | max pressure (MPa) | contact area | area within ±10 % of mean | least – largest bolt force (kN), p50 |',
    '| ------- | ------------------ | ------------ | ------------------------- | ------------------------------------ |',
  );
  FILM_ORDER.forEach(({ label }, h) => {
    const d = studies[h].distributions[state];
    if (!d) return;
    // p50 with the p5 – p95 range of each metric over the draws
    const spread = (m: keyof typeof d, scale = 1, digits = 1, unit = '') =>
      `${(scale * d[m].p50).toFixed(digits)}${unit} (${(scale * d[m].p5).toFixed(digits)} – ${(scale * d[m].p95).toFixed(digits)})`;
    lines.push(
      `| ${label} | ${spread('maxPressure')} | ${spread('contactFraction', 100, 0, ' %')} | ${spread('within10', 100, 0, ' %')} | ${(d.boltForceMin.p50 / 1000).toFixed(2)} – ${(d.boltForceMax.p50 / 1000).toFixed(2)} |`,
    );
  });
  const { pairs, all } = pairRanking(studies.map((s) => covByDraw(s, state)));
  lines.push(
    '',
    '| pair, as the films rank it | draws | P(ranks as the films) | 95 % interval | CoV difference per draw, mean ± sd | corner − mid-edge preload factor, draws ranked otherwise / as the films |',
    '| -------------------------- | ----- | --------------------- | ------------- | ---------------------------------- | ----------------------------------------------------------------------- |',
  );
  const covs = studies.map((s) => covByDraw(s, state));
  // the bare-bolt housing's factors: ±25 %, the same uniform numbers the spring housings scale to ±3 %
  const bias = cornerBias(studies[FILM_ORDER.length - 1]);
  for (const { a, b, n, k } of pairs) {
    const w = wilson(k, n);
    const both = covs[a].flatMap((ca, i) => (ca === null || covs[b][i] === null ? [] : [i]));
    const diff = meanSd(both.map((i) => (covs[a][i] as number) - (covs[b][i] as number)));
    const otherwise = both.filter((i) => !((covs[a][i] as number) < (covs[b][i] as number)));
    const asFilms = both.filter((i) => (covs[a][i] as number) < (covs[b][i] as number));
    const biasOf = (ids: number[]) => {
      const v = ids.flatMap((i) => (bias[i] === null ? [] : [bias[i] as number]));
      return v.length > 0 ? meanSd(v).mean.toFixed(3) : '—';
    };
    lines.push(
      `| ${FILM_ORDER[a].label} < ${FILM_ORDER[b].label} | ${n} | ${pct(k / n)} (${k}/${n}) | ${pct(w.lo)} – ${pct(w.hi)} | ${diff.mean.toFixed(3)} ± ${diff.sd.toFixed(3)} | ${biasOf(otherwise)} / ${biasOf(asFilms)} |`,
    );
  }
  const w = wilson(all.k, all.n);
  lines.push(
    `| all four in the films' order | ${all.n} | ${pct(all.k / all.n)} (${all.k}/${all.n}) | ${pct(w.lo)} – ${pct(w.hi)} | | |`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  main(process.argv[2] ?? 'fig5b-study', (process.argv[3] as LoadState | undefined) ?? 'loadUp');
}
