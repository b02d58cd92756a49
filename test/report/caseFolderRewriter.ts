import { readFileSync } from 'node:fs';
import { artifactsOf, type CaseArtifacts } from '../../src/report/caseArtifacts';
import { writeCaseFolder } from '../../src/report/caseFolder';
import { type CaseSummary, solveCase } from '../../src/solveCase';

const defaultCase = new URL('../../cases/default.json', import.meta.url);

/** Two inputs whose every file differs: version 1 and version 2 of one case. */
export const versions = [1, 2] as const;
/** The input hash written into result.json for each version (64 hex digits, as sha256). */
export const hashOf = (v: number): string => String(v).repeat(64);

/**
 * Artifacts of version `v`: the default case solved on a coarse mesh with every bolt's preload
 * scaled by v, so every file of the folder (maps, fields, summary) differs between versions.
 */
export function artifactsFor(v: number): CaseArtifacts {
  const input = JSON.parse(readFileSync(defaultCase, 'utf8'));
  input.mesh = { ...(input.mesh ?? {}), size: 10 };
  input.bolts.preload.force *= v === 1 ? 1 : 1.2;
  const a = artifactsOf(solveCase(input));
  return { ...a, summary: { ...a.summary, version: v } as unknown as CaseSummary };
}

/**
 * Child process for the kill test: rewrites the case folder `argv[2]` for ever, alternating the
 * two versions, and prints `ready` once the first rewrite is done.
 */
async function main(dir: string): Promise<void> {
  const artifacts = versions.map(artifactsFor);
  for (let k = 0; ; k++) {
    const v = versions[k % 2];
    await writeCaseFolder(dir, artifacts[k % 2], { file: 'case.json', hash: hashOf(v) });
    if (k === 0) process.stdout.write('ready\n');
  }
}

if (process.argv[2]) await main(process.argv[2]);
