import type { CaseArtifacts } from '../../src/report/caseArtifacts';
import { writeCaseFolder } from '../../src/report/caseFolder';
import type { CaseSummary } from '../../src/solveCase';

/** Two inputs whose every file differs: version 1 and version 2 of one case. */
export const versions = [1, 2] as const;
/** The input hash written into result.json for each version (64 hex digits, as sha256). */
export const hashOf = (v: number): string => String(v).repeat(64);

/** Artifacts whose pressure, deflection and summary all carry the version `v`. */
export function artifactsFor(v: number): CaseArtifacts {
  const n = 60;
  const axis = Float64Array.from({ length: 16 }, (_, i) => i * 10);
  return {
    summary: { schema: 'stackpress.result/1', name: 'case', version: v } as unknown as CaseSummary,
    pressure: {
      x0: 25,
      y0: 25,
      dx: 100 / (n - 1),
      dy: 100 / (n - 1),
      nx: n,
      ny: n,
      values: new Float64Array(n * n).fill(v),
      unit: 'MPa',
    },
    axes: { x: axis, y: axis },
    deflection: [{ name: 'top', w: Float64Array.from({ length: 256 }, (_, k) => (v * k) / 1e4) }],
    plates: [
      {
        name: 'top',
        z: 10,
        thickness: 20,
        pressure: new Float64Array(256).fill(v),
        Mx: new Float64Array(225).fill(v),
        My: new Float64Array(225).fill(v),
        Mxy: new Float64Array(225).fill(v),
      },
    ],
  };
}

/**
 * Child process for the kill test: rewrites the case folder `argv[2]` for ever, alternating the
 * two versions, and prints `ready` once the first rewrite is done.
 */
async function main(dir: string): Promise<void> {
  for (let k = 0; ; k++) {
    const v = versions[k % 2];
    await writeCaseFolder(dir, artifactsFor(v), { file: 'case.json', hash: hashOf(v) });
    if (k === 0) process.stdout.write('ready\n');
  }
}

if (process.argv[2]) await main(process.argv[2]);
