/**
 * CLI start-up: the compiled bin against bare `node -e 0`, started the same way (a spawned process,
 * wall clock), in rounds that take every command in turn so that the machine's drift hits all
 * alike; medians over the rounds. Run: npm run bench:cli (builds first).
 *
 * - `stackpress --help` and `stackpress schema`: target ≤ 0.3 s and ≤ 0.5 s above bare node.
 * - `stackpress solve cases/default.json --threads 1`: target ≤ 0.6 s above `solveCase` of the same
 *   case timed inside a fresh process (the compiled library, one thread, as `solveCase` without a
 *   session runs); the default `--threads` row is shown beside it.
 *
 * Environment: RUNS (rounds, default 7); BEFORE_BIN, a second bin to time in the same rounds (e.g.
 * the tsx bin `src/cli/stackpress.mjs` of an older checkout), for before/after figures.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const repo = resolve(import.meta.dirname, '../..');
const bin = join(repo, 'dist/cli/stackpress.js');
const caseFile = join(repo, 'cases/default.json');
const rounds = Number(process.env.RUNS ?? 7);
const before = process.env.BEFORE_BIN ? resolve(process.env.BEFORE_BIN) : undefined;
const scratch = mkdtempSync(join(tmpdir(), 'stackpress-bench-cli-'));

/** `solveCase` of the case file inside this process, timed alone; prints its seconds. */
const inProcessScript = `
import { readFileSync } from 'node:fs';
import { solveCase } from ${JSON.stringify(pathToFileURL(join(repo, 'dist/lib/index.js')).href)};
const raw = JSON.parse(readFileSync(${JSON.stringify(caseFile)}, 'utf8'));
const t0 = performance.now();
solveCase(raw);
console.log((performance.now() - t0) / 1000);
`;

interface Probe {
  label: string;
  /** node's arguments */
  args: () => string[];
  /** the time to record from a run [s]: its wall clock unless the process reports its own */
  seconds?: (stdout: string, wall: number) => number;
}

let outs = 0;
const out = () => join(scratch, `out-${++outs}`);
const probes: Probe[] = [
  { label: 'node -e 0', args: () => ['-e', '0'] },
  { label: 'stackpress --help', args: () => [bin, '--help'] },
  { label: 'stackpress schema', args: () => [bin, 'schema'] },
  {
    label: 'stackpress solve default.json --threads 1',
    args: () => [bin, 'solve', caseFile, '--threads', '1', '--out', out()],
  },
  { label: 'stackpress solve default.json', args: () => [bin, 'solve', caseFile, '--out', out()] },
  {
    label: 'solveCase(default.json) in process',
    args: () => ['--input-type=module', '-e', inProcessScript],
    seconds: (stdout) => Number(stdout.trim()),
  },
  ...(before
    ? [
        { label: 'before: stackpress --help', args: () => [before, '--help'] },
        { label: 'before: stackpress schema', args: () => [before, 'schema'] },
        {
          label: 'before: stackpress solve default.json --threads 1',
          args: () => [before, 'solve', caseFile, '--threads', '1', '--out', out()],
        },
      ]
    : []),
];

const times = new Map<string, number[]>(probes.map((p) => [p.label, []]));
for (let r = 0; r < rounds; r++) {
  for (const p of probes) {
    const t0 = performance.now();
    const run = spawnSync(process.execPath, p.args(), { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = (performance.now() - t0) / 1000;
    if (run.status !== 0) throw new Error(`${p.label}: exit ${run.status}\n${run.stderr}`);
    times.get(p.label)?.push(p.seconds ? p.seconds(run.stdout, wall) : wall);
  }
  process.stderr.write(`round ${r + 1}/${rounds}\n`);
}
rmSync(scratch, { recursive: true, force: true });

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const med = (label: string) => median(times.get(label) ?? []);
const f = (s: number) => s.toFixed(3);

console.log(
  `CLI start-up: ${rounds} rounds, medians [s] (${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, ` +
    `Node ${process.version}, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})\n`,
);
console.log('| run | median | min | max |');
console.log('| --- | ---: | ---: | ---: |');
for (const p of probes) {
  const xs = times.get(p.label) ?? [];
  console.log(`| ${p.label} | ${f(median(xs))} | ${f(Math.min(...xs))} | ${f(Math.max(...xs))} |`);
}

const node = med('node -e 0');
const inProcess = med('solveCase(default.json) in process');
const checks: [string, number, number][] = [
  ['--help above bare node', med('stackpress --help') - node, 0.3],
  ['schema above bare node', med('stackpress schema') - node, 0.5],
  [
    'solve --threads 1 above in-process solveCase',
    med('stackpress solve default.json --threads 1') - inProcess,
    0.6,
  ],
];
console.log('\n| measure | median [s] | target [s] | |');
console.log('| --- | ---: | ---: | --- |');
for (const [what, s, target] of checks)
  console.log(`| ${what} | ${f(s)} | ≤ ${target} | ${s <= target ? 'met' : 'MISSED'} |`);
if (before) {
  console.log('\n| before → after (same rounds) | before | after | ratio |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const label of [
    'stackpress --help',
    'stackpress schema',
    'stackpress solve default.json --threads 1',
  ]) {
    const b = med(`before: ${label}`);
    const a = med(label);
    console.log(`| ${label} | ${f(b)} | ${f(a)} | ${(b / a).toFixed(1)}× |`);
  }
}
