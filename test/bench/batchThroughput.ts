/**
 * Batch throughput: the four Fig 5b cases (default 2 mm mesh), replicated to 8 case files, solved by
 * `stackpress batch --jobs 2` as a spawned process (the compiled bin: `npm run bench:batch` builds
 * first); reports cases per minute (wall clock, including process and worker start-up).
 * Run: npm run bench:batch
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const repo = resolve(import.meta.dirname, '../..');
const jobs = Number(process.env.JOBS ?? 2);
const copies = Number(process.env.COPIES ?? 2);
const dir = mkdtempSync(join(tmpdir(), 'stackpress-bench-'));
const cases = join(dir, 'cases');
const fig5b = readdirSync(join(repo, 'cases')).filter((f) => f.startsWith('fig5b-'));
execFileSync('mkdir', ['-p', cases]);
for (let k = 0; k < copies; k++)
  for (const f of fig5b) copyFileSync(join(repo, 'cases', f), join(cases, `${k}-${f}`));
const n = copies * fig5b.length;

const t0 = performance.now();
execFileSync(
  process.execPath,
  [join(repo, 'dist/cli/stackpress.js'), 'batch', cases, '--out', join(dir, 'out'), '--jobs', String(jobs)],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
const seconds = (performance.now() - t0) / 1000;
rmSync(dir, { recursive: true, force: true });
console.log(
  `batch throughput: ${n} Fig 5b cases (2 mm mesh), --jobs ${jobs}, ${seconds.toFixed(1)} s wall → ${((60 * n) / seconds).toFixed(1)} cases/min` +
    ` (${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version})`,
);
