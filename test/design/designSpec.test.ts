import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/run';
import { designProblem } from '../../src/design/designProblem';
import { designSpecJsonSchema, parseDesignSpec } from '../../src/design/designSpec';
import { loadDesignSpecFile } from '../../src/design/designSpecFile';
import { InputError } from '../../src/validation/parseInput';

const defaultCase = JSON.parse(readFileSync(join(__dirname, '../../cases/default.json'), 'utf8'));

/** The InputError's issues of `f`, failing the test when it does not throw one. */
function issuesOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  throw new Error('expected an InputError');
}

async function issuesOfAsync(f: () => Promise<unknown>): Promise<string[]> {
  try {
    await f();
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
  throw new Error('expected an InputError');
}

const spec = (extra: Record<string, unknown>) => ({ base: 'default.json', variables: {}, ...extra });

describe('design spec: hostile input names the field, the value, its unit and what is allowed', () => {
  it('a range whose min exceeds its max', () => {
    const issues = issuesOf(() =>
      parseDesignSpec(spec({ variables: { topThickness: { min: 40, max: 10 } } })),
    );
    expect(issues).toEqual([
      "variables.topThickness: min 40 mm > max 10 mm — a range's min must be <= its max",
    ]);
  });

  it('a negative thickness', () => {
    const issues = issuesOf(() =>
      parseDesignSpec(spec({ variables: { padThickness: { min: -3, max: 2 } } })),
    );
    expect(issues).toEqual(['variables.padThickness.min: -3 mm — must be >= 0.01 and <= 100']);
  });

  it('an unknown plate material', () => {
    const issues = issuesOf(() =>
      parseDesignSpec(spec({ variables: { plateMaterial: ['carbon-steel', 'unobtainium'] } })),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(
      /^variables\.plateMaterial\[1\]: "unobtainium" — must be one of "carbon-steel", /,
    );
    expect(issues[0]).toContain('al-7075-t6');
  });

  it('a spring count that is not whole, a hardness outside the Gent range, a cov limit <= 0', () => {
    const issues = issuesOf(() =>
      parseDesignSpec(
        spec({
          variables: { springCount: { min: 1.5, max: 4 }, padHardness: { min: 10, max: 60 } },
          constraints: { cov: 0 },
        }),
      ),
    );
    expect(issues).toContain('variables.springCount.min: 1.5 — must be a whole number and >= 1 and <= 100');
    expect(issues).toContain('variables.padHardness.min: 10 Shore A — must be >= 20 and <= 85');
    expect(issues).toContain('constraints.cov: 0 — must be > 0 and <= 10');
  });

  it('an unknown variable, repeated choices, a budget beyond the limit', () => {
    const issues = issuesOf(() =>
      parseDesignSpec(
        spec({
          variables: { wallThickness: { min: 1, max: 2 }, boltDiameter: [8, 8] },
          optimiser: { budget: 1e6 },
        }),
      ),
    );
    expect(issues.some((i) => i.startsWith('variables: unknown key "wallThickness"'))).toBe(true);
    expect(issues).toContain(
      'variables.boltDiameter: [8,8] — the choices must be distinct (each listed once)',
    );
    expect(issues).toContain('optimiser.budget: 1000000 — must be a whole number and >= 1 and <= 10000');
  });

  it('grid levels outside their variable, for an undeclared variable, or too many points', () => {
    const parsed = parseDesignSpec(
      spec({
        variables: { topThickness: { min: 10, max: 40 }, plateMaterial: ['carbon-steel'] },
        grid: { topThickness: [5, 20], plateMaterial: ['al-7075-t6'], springRate: [1000] },
      }),
    );
    const issues = issuesOf(() => designProblem(parsed, defaultCase));
    expect(issues).toContain("grid.topThickness[0]: 5 mm — must be within the variable's range 10 to 40 mm");
    expect(issues).toContain(
      'grid.plateMaterial[0]: "al-7075-t6" — must be one of the variable\'s choices "carbon-steel"',
    );
    expect(issues).toContain(
      'grid.springRate: not a declared variable — the grid can only give levels of variables listed under variables',
    );
    const many = parseDesignSpec(
      spec({
        variables: {
          topThickness: { min: 10, max: 40 },
          bottomThickness: { min: 10, max: 40 },
          padThickness: { min: 1, max: 5 },
        },
        grid: {
          topThickness: Array.from({ length: 30 }, (_, i) => 10 + i),
          bottomThickness: Array.from({ length: 30 }, (_, i) => 10 + i),
          padThickness: [1, 2, 3, 4, 5, 2.5, 3.5, 4.5, 1.5, 1.25, 1.75, 2.25],
        },
      }),
    );
    expect(issuesOf(() => designProblem(many, defaultCase))).toEqual([
      'grid: 10800 points — at most 10000; give fewer levels per variable',
    ]);
  });

  it('variables the base case cannot take: a bottom thickness on a rigid base, a bolt count on bolts that are no ring', () => {
    const rigid = structuredClone(defaultCase);
    rigid.plates.bottom = { rigid: true };
    const s1 = parseDesignSpec(spec({ variables: { bottomThickness: { min: 10, max: 20 } } }));
    expect(issuesOf(() => designProblem(s1, rigid))[0]).toMatch(
      /^variables\.bottomThickness: the base case has a rigid base/,
    );
    const scattered = structuredClone(defaultCase);
    scattered.bolts.positions[1] = { x: 70, y: 12.5 };
    const s2 = parseDesignSpec(spec({ variables: { boltsPerEdge: { min: 2, max: 4 } } }));
    expect(issuesOf(() => designProblem(s2, scattered))[0]).toMatch(
      /^variables\.boltsPerEdge: the base case's 8 bolts are not an evenly spaced ring/,
    );
  });

  it("a base case that is not a valid case is refused with its fields under 'base'", () => {
    const bad = structuredClone(defaultCase);
    bad.plates.top.thickness = -25;
    const issues = issuesOf(() => designProblem(parseDesignSpec(spec({ base: bad })), bad));
    expect(issues).toEqual(['base: plates.top.thickness: -25 mm — must be >= 0.1 and <= 500']);
  });
});

describe('design spec files', () => {
  const root = mkdtempSync(join(tmpdir(), 'design-spec-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const specDir = join(root, 'specs');
  mkdirSync(specDir);
  copyFileSync(join(__dirname, '../../cases/default.json'), join(root, 'outside.json'));
  copyFileSync(join(__dirname, '../../cases/default.json'), join(specDir, 'inside.json'));

  it('a base case path outside the spec folder is refused before the file is read', async () => {
    for (const base of ['../outside.json', join(root, 'outside.json'), '/etc/passwd']) {
      const file = join(specDir, 'spec.yaml');
      writeFileSync(file, `base: ${JSON.stringify(base)}\nvariables: {}\n`);
      const issues = await issuesOfAsync(() => loadDesignSpecFile(file));
      expect(issues).toEqual([
        `base: ${JSON.stringify(base)} is outside the allowed folders — the base case must be a case file named relative to the design spec and inside its folder ${specDir}`,
      ]);
    }
  });

  it('a base case inside the folder is read; a missing one is refused; a spec with duplicate keys too', async () => {
    const file = join(specDir, 'ok.yaml');
    writeFileSync(file, 'base: inside.json\nvariables:\n  topThickness: {min: 10, max: 40}\n');
    const problem = await loadDesignSpecFile(file);
    expect(problem.targetPressure).toBeCloseTo((8 * 6250) / (100 * 100), 12);
    writeFileSync(file, 'base: missing.json\nvariables: {}\n');
    expect((await issuesOfAsync(() => loadDesignSpecFile(file)))[0]).toMatch(
      /^base: "missing.json" does not exist/,
    );
    writeFileSync(file, 'base: inside.json\nbase: inside.json\nvariables: {}\n');
    expect((await issuesOfAsync(() => loadDesignSpecFile(file)))[0]).toMatch(/duplicate/i);
  });

  it('an inline base case is read from the spec; it may not name a map file, which has no case file to sit beside', async () => {
    const file = join(specDir, 'inline.json');
    writeFileSync(
      file,
      JSON.stringify({ base: defaultCase, variables: { topThickness: { min: 10, max: 40 } } }),
    );
    expect((await loadDesignSpecFile(file)).base.plates.top.thickness).toBe(25);
    const mapped = structuredClone(defaultCase);
    mapped.plates.top.flatness = { type: 'map', file: '../secrets.csv' };
    writeFileSync(file, JSON.stringify({ base: mapped, variables: {} }));
    expect(await issuesOfAsync(() => loadDesignSpecFile(file))).toEqual([
      'base.plates.top.flatness.file: an inline base case cannot name a map file — give the map as a grid, or put the base case in its own file beside the spec',
    ]);
  });

  it('cases/design-default.yaml holds the reference problem', async () => {
    const p = await loadDesignSpecFile(join(__dirname, '../../cases/design-default.yaml'));
    expect(p.targetPressure).toBe(5);
    expect(p.constraints.meanPressure).toBe(0.05);
    expect(p.constraints.cov).toBe(0.1);
    expect(p.constraints.safetyFactor).toBe(2);
    expect(p.objectives.systemKWh).toBe(10);
    const points = Object.values(p.grid).reduce((n, levels) => n * (levels?.length ?? 1), 1);
    expect(points).toBe(5 * 5 * 2 * 3 * 3 * 2);
  });
});

describe('stackpress schema --design', () => {
  it("prints the design specs' schema; plain schema still prints the case schema", async () => {
    const printed: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed.push(String(chunk));
      return true;
    });
    try {
      expect(await runCli(['node', 'stackpress', 'schema', '--design'])).toBe(0);
      expect(JSON.parse(printed.join('')).$id).toBe('stackpress.design/1');
      printed.length = 0;
      expect(await runCli(['node', 'stackpress', 'schema'])).toBe(0);
      expect(JSON.parse(printed.join('')).$id).toBe('stackpress.case/1');
    } finally {
      write.mockRestore();
    }
  });

  it('documents each field with its unit, its bounds and its default', () => {
    const s = designSpecJsonSchema() as {
      $id: string;
      properties: Record<
        string,
        {
          properties?: Record<
            string,
            {
              description?: string;
              default?: unknown;
              properties?: Record<string, { minimum?: number; description?: string }>;
            }
          >;
        }
      >;
    };
    expect(s.$id).toBe('stackpress.design/1');
    const top = s.properties.variables.properties?.topThickness.properties?.min;
    expect(top?.minimum).toBe(0.1);
    expect(top?.description).toContain('[mm]');
    expect(s.properties.constraints.properties?.safetyFactor.default).toBe(1.5);
    expect(s.properties.constraints.properties?.safetyFactor.description).toContain('default 1.5');
  });
});
