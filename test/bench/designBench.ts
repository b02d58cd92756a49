/**
 * Design optimiser benchmark (`npm run bench:design`): `stackpress design cases/design-default.yaml`
 * in-process (runCli) at the spec's 2 mm mesh on the pool of 2 solver threads — each thread keeps
 * its solver session, so designs on one mesh reuse the symbolic analysis — with a budget of
 * `--budget N` designs (default 40: the base design and 19 random ones, then one generation).
 * Reports evaluations per minute, the time to the first feasible design and the time to the
 * reported front (the whole run, its folder written), read from the run's design.json, and the
 * load average: the machine is shared and the times scale with it.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run';

const args = process.argv.slice(2);
const at = args.indexOf('--budget');
const budget = at >= 0 ? Number(args[at + 1]) : 40;
const dir = await mkdtemp(join(tmpdir(), 'stackpress-design-bench-'));
const out = join(dir, 'design');
const load0 = loadavg()[0];
const t0 = performance.now();
const code = await runCli([
  'node',
  'stackpress',
  'design',
  'cases/design-default.yaml',
  '--out',
  out,
  '--budget',
  String(budget),
  '--workers',
  '2',
]);
const wall = (performance.now() - t0) / 1000;
const record = JSON.parse(await readFile(join(out, 'design.json'), 'utf8')) as {
  evaluations: number;
  feasible: number;
  failed: number;
  seconds: number;
  firstFeasibleAt: number | null;
  firstFeasibleSeconds: number | null;
  front: number[];
  best: { objectives: [number, number]; efficiencyPct: number } | null;
};
await rm(dir, { recursive: true, force: true });
const perMinute = (60 * record.evaluations) / record.seconds;
const rows = [
  [
    'budget (designs evaluated)',
    `${record.evaluations} (${record.feasible} feasible, ${record.failed} failed)`,
  ],
  ['evaluations per minute (2 mm, 2 threads)', perMinute.toFixed(1)],
  [
    'time to a feasible design [s]',
    record.firstFeasibleSeconds === null
      ? 'none'
      : `${record.firstFeasibleSeconds.toFixed(1)} (design #${(record.firstFeasibleAt ?? 0) - 1})`,
  ],
  [
    'time to the reported front [s] (search; with the folder written)',
    `${record.seconds.toFixed(1)}; ${wall.toFixed(1)}`,
  ],
  ['front size', String(record.front.length)],
  [
    'best for CoV ≤ 0.10',
    record.best
      ? `${record.best.objectives[0].toFixed(1)} kg, ${record.best.efficiencyPct.toFixed(2)} %, CoV ${record.best.objectives[1].toFixed(4)}`
      : 'none',
  ],
  ['load average (1 min) before → after', `${load0.toFixed(1)} → ${loadavg()[0].toFixed(1)}`],
];
process.stdout.write(
  `\n| quantity | value |\n|---|---|\n${rows.map((r) => `| ${r[0]} | ${r[1]} |`).join('\n')}\n`,
);
process.exit(code === 0 ? 0 : 1);
