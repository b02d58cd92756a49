import { existsSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designRun } from '../../src/cli/commands/designAction';
import { DesignPool } from '../../src/cli/designPool';
import { solvedConstraints } from '../../src/design/designConstraints';
import { loadDesignSpecFile } from '../../src/design/designSpecFile';
import { solveCase } from '../../src/solveCase';
import { coarseCase, runCliCaptured, scratch } from './cliHarness';

/**
 * `stackpress design` in-process on a 5 mm mesh of the default module, a budget of 8 (two
 * generations of 4) and four variables around the base case's own design, so the run is short.
 */
let dir: string;
let spec: string;

const specText = (budget = 8, extra = '') => `name: tiny design
base: default.json
targetPressure: 5
variables:
  topThickness: { min: 15, max: 35 }
  bottomThickness: { min: 15, max: 35 }
  plateMaterial: [carbon-steel, al-7075-t6]
  springRate: { min: 9000, max: 11000 }
constraints: { meanPressure: 0.05, cov: 0.1, safetyFactor: 2 }
optimiser: { seed: 3, budget: ${budget}, population: 4 }
${extra}`;

beforeAll(async () => {
  dir = await scratch();
  await coarseCase(dir, 'default', 5);
  spec = join(dir, 'spec.yaml');
  await writeFile(spec, specText());
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const files = [
  'design.csv',
  'pareto.csv',
  'pareto.svg',
  'pareto.png',
  'best.json',
  'summary.txt',
  'design.json',
];

describe('stackpress design', () => {
  it('writes every output; the same seed gives the same design.csv; best.json solves and meets every constraint', async () => {
    const out1 = join(dir, 'run1');
    const r1 = await runCliCaptured(['design', spec, '--out', out1]);
    expect(r1.stderr).not.toMatch(/worker crashed/);
    expect(r1.code).toBe(0);
    for (const f of files) expect(existsSync(join(out1, f)), f).toBe(true);
    const csv1 = await readFile(join(out1, 'design.csv'), 'utf8');
    const lines = csv1.trim().split('\n');
    // header plus one row per evaluation of the budget
    expect(lines).toHaveLength(1 + 8);
    expect(lines[0]).toMatch(
      /^design,generation,status,topThickness \[mm\],bottomThickness \[mm\],plateMaterial,springRate \[N\/mm\]/,
    );
    expect(lines[0]).toContain('margin cov.swollen');
    // the first design is the base case's own: 25 mm steel plates, 10 kN/mm springs
    expect(lines[1]).toMatch(/^0,0,feasible,25,25,carbon-steel,10000,/);
    const record = JSON.parse(await readFile(join(out1, 'design.json'), 'utf8'));
    expect(record.kind).toBe('stackpress.design');
    expect(record.evaluations).toBe(8);
    expect(record.seed).toBe(3);
    expect(record.spec.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(record.best).not.toBeNull();
    expect(record.best.objectives[1]).toBeLessThanOrEqual(0.1);
    const summary = await readFile(join(out1, 'summary.txt'), 'utf8');
    expect(summary).toMatch(/best design for CoV <= 0\.1: #\d+/);
    expect(summary).toMatch(/binds: /);
    expect(r1.stdout).toContain(summary.split('\n')[0]);
    const png = await readFile(join(out1, 'pareto.png'));
    expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');

    const out2 = join(dir, 'run2');
    expect((await runCliCaptured(['design', spec, '--out', out2])).code).toBe(0);
    expect(await readFile(join(out2, 'design.csv'), 'utf8')).toBe(csv1);

    // best.json is a case file: solved again, it meets every constraint of the spec
    const raw = JSON.parse(await readFile(join(out1, 'best.json'), 'utf8'));
    const problem = await loadDesignSpecFile(spec);
    const result = solveCase(raw);
    const margins = solvedConstraints(
      result.fields.case,
      result,
      problem.constraints,
      problem.targetPressure,
    );
    expect(margins.length).toBeGreaterThan(8);
    for (const m of margins)
      expect(m.margin, `${m.id}: ${m.value} against ${m.limit}`).toBeGreaterThanOrEqual(0);
    // and stackpress solve takes it
    expect(
      (await runCliCaptured(['solve', join(out1, 'best.json'), '--out', join(dir, 'solved')])).code,
    ).toBe(0);
  }, 240_000);

  it('keeps an evaluation that fails as a failed design with its message, and goes on', async () => {
    const problem = await loadDesignSpecFile(spec);
    const pool = new DesignPool(problem, 2);
    let calls = 0;
    const failing = {
      evaluate: async (d: Parameters<DesignPool['evaluate']>[0]) => {
        calls++;
        if (calls === 2) throw new Error('injected: the worker lost this design');
        return pool.evaluate(d);
      },
      stop: () => pool.stop(),
      close: () => pool.close(),
    };
    const out = join(dir, 'failing');
    try {
      await designRun(problem, failing, {
        out,
        spec: { file: spec, hash: '0'.repeat(64) },
        seed: 3,
        budget: 4,
        population: 4,
        covLimit: 0.1,
        progress: false,
      });
    } finally {
      await pool.close();
    }
    const rows = (await readFile(join(out, 'design.csv'), 'utf8')).trim().split('\n').slice(1);
    expect(rows).toHaveLength(4);
    const failed = rows.filter((r) => r.includes('injected: the worker lost this design'));
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatch(/^\d+,0,failed,/);
    expect(rows.filter((r) => /^\d+,0,(feasible|infeasible),/.test(r))).toHaveLength(3);
    const record = JSON.parse(await readFile(join(out, 'design.json'), 'utf8'));
    expect(record.failed).toBe(1);
  }, 120_000);

  const hostile: [string, string[], RegExp][] = [
    ['a budget of 0', ['--budget', '0'], /--budget must be a whole number from 1 to 10000, got "0"/],
    ['a seed that is no number', ['--seed', 'abc'], /--seed must be a whole number/],
    ['a negative CoV limit', ['--cov-limit', '-0.1'], /--cov-limit must be a CoV/],
    ['zero workers', ['--workers', '0'], /--workers must be a whole number from 1 to 64/],
    [
      '--workers with --queue',
      ['--workers', '2', '--queue', 'redis://127.0.0.1:1'],
      /--workers with --queue/,
    ],
  ];
  for (const [what, args, message] of hostile)
    it(`refuses ${what} with exit 2, writing nothing`, async () => {
      const out = join(dir, `hostile-${args[0].slice(2)}`);
      const r = await runCliCaptured(['design', spec, '--out', out, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(existsSync(out)).toBe(false);
    });

  it('refuses a spec with a bad field, naming field, value, unit and what is allowed', async () => {
    const bad = join(dir, 'bad.yaml');
    await writeFile(
      bad,
      specText().replace('topThickness: { min: 15, max: 35 }', 'topThickness: { min: -5, max: 35 }'),
    );
    const out = join(dir, 'bad-out');
    const r = await runCliCaptured(['design', bad, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/variables\.topThickness\.min/);
    expect(r.stderr).toMatch(/-5/);
    expect(r.stderr).toMatch(/mm/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a spec that is not there, and an --out that holds other files', async () => {
    expect((await runCliCaptured(['design', join(dir, 'nope.yaml'), '--out', join(dir, 'x')])).code).toBe(2);
    const foreign = join(dir, 'foreign');
    await rm(foreign, { recursive: true, force: true });
    await import('node:fs/promises').then((fs) => fs.mkdir(foreign));
    await writeFile(join(foreign, 'thesis.tex'), 'precious');
    const r = await runCliCaptured(['design', spec, '--out', foreign]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no design\.json of an earlier design run/);
    expect(await readFile(join(foreign, 'thesis.tex'), 'utf8')).toBe('precious');
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    expect((await runCliCaptured(['design', spec, '--out', file])).code).toBe(2);
  });
});
