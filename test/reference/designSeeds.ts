/**
 * The acceptance of `stackpress design` without the grid: the user's command over the spec's
 * whole space for each seed, its lightest design within the spec's CoV limit, and its ratio to
 * the exhaustive grid's best, 439.159 kg (computed by `designGrid.ts`, about half an hour of two
 * cores; test/reference/designGrid.md has it). Each seed is one run of 180 designs, 2–4 minutes
 * on two cores, so a change to the search can be judged on several seeds.
 *
 *   npx tsx test/reference/designSeeds.ts [DIR, default design-seeds-run] [seeds, default 1,2,3] [budget, default 180]
 *
 * It exits 1 when a seed misses the acceptance (ratio > 1.01 or more than 180 evaluations).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runCli } from '../../src/cli/run';

/** The grid's best inactive mass [kg] for CoV ≤ 0.10 (designGrid.md, 900 designs evaluated). */
const GRID_BEST_KG = 439.159;
/** 20 % of the grid's 900 designs. */
const MAX_EVALUATIONS = 180;

const dir = resolve(process.argv[2] ?? 'design-seeds-run');
const seeds = (process.argv[3] ?? '1,2,3').split(',');
const budget = process.argv[4] ?? String(MAX_EVALUATIONS);
let pass = true;
for (const seed of seeds) {
  const out = join(dir, `seed-${seed}`);
  const code = await runCli([
    'node',
    'stackpress',
    'design',
    resolve('cases/design-default.yaml'),
    '--out',
    out,
    '--seed',
    seed,
    '--budget',
    budget,
    '--workers',
    '2',
  ]);
  const record = JSON.parse(readFileSync(join(out, 'design.json'), 'utf8')) as {
    evaluations: number;
    feasible: number;
    seconds: number;
    best: { index: number; objectives: [number, number] } | null;
  };
  const mass = record.best?.objectives[0] ?? Number.POSITIVE_INFINITY;
  const ratio = mass / GRID_BEST_KG;
  const ok = code === 0 && ratio <= 1.01 && record.evaluations <= MAX_EVALUATIONS;
  pass &&= ok;
  process.stdout.write(
    `seed ${seed}: ${record.evaluations} evaluations, ${record.feasible} feasible, best ${mass.toFixed(3)} kg (CoV ${record.best?.objectives[1].toFixed(4) ?? '—'}, design ${record.best?.index ?? '—'}), ratio to the grid's ${GRID_BEST_KG} kg ${ratio.toFixed(4)}, ${record.seconds.toFixed(0)} s — ${ok ? 'pass' : 'FAIL'}\n`,
  );
}
process.exit(pass ? 0 : 1);
